"""Changes on disk that a kill at any moment leaves either done or not done, never half.

- ``exchange`` swaps two folders in one step with Linux's ``renameat2(RENAME_EXCHANGE)``.
  Python has no binding for it, so it is called through ctypes (glibc 2.28+ has it).
- ``swap_in`` puts a new folder where an old one is: with ``exchange`` when the system
  can, so the path always holds one of the two; elsewhere (another OS, a file system
  without the flag) with two renames, which leave a short moment with neither.
- ``remove_tree`` deletes a folder of ours with its marker file last, so a folder a kill
  left half-deleted is still recognisably ours and the next build may remove it.
- ``write_text`` replaces a file through a temporary file of a fresh name, so it never
  clobbers a file someone else left beside it.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
import sys
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# The kernel or the file system cannot exchange: fall back, nothing has changed.
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}


def _load_renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not glibc, or a glibc older than 2.28
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_renameat2 = _load_renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap the two existing paths in one step; False (and nothing changed) where the system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def swap_in(new: Path, current: Path, retired: Path) -> Path | None:
    """Put the folder ``new`` at ``current``; return where the previous ``current`` now is.

    That is ``new`` after an exchange, ``retired`` after the two-rename fallback (which
    needs ``retired`` free), or None if nothing was at ``current``. The caller deletes it.
    """
    if not os.path.lexists(current):
        os.rename(new, current)
        return None
    if exchange(new, current):
        return new
    os.rename(current, retired)  # from here to the next rename, nothing is at `current`
    try:
        os.rename(new, current)
    except BaseException:
        os.rename(retired, current)
        raise
    return retired


def remove_tree(folder: Path, marker: str) -> None:
    """Delete ``folder``, its ``marker`` file last (an empty folder also counts as ours)."""
    if folder.is_symlink():
        folder.unlink()  # the link only: never what it points to
        return
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name == marker:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    (folder / marker).unlink(missing_ok=True)
    folder.rmdir()


def write_text(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` in one step, through a temporary file nobody else owns."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8") as handle:  # "x": never an existing file
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
