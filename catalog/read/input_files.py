"""Opening the archivist's files: regular files inside the package, of bounded size.

A package is a folder copied from a disk or a share, and a folder can hold anything a
file system can: a FIFO or a device node named like a scan (opening or reading it
waits or runs for ever), a link to a file elsewhere on the machine, a "spreadsheet"
that inflates to gigabytes. Every file the package reader opens goes through here, and
the limits below are the one place that says how much a real inventory can be.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from catalog.read.sheet_errors import SheetError, vi_en

MiB = 1 << 20

# Each limit is far above what a real inventory reaches and far below what a crafted
# file needs to hurt the machine that builds the catalog.
#
# A CSV inventory: a delivery batch is a few thousand rows of ~300 bytes (about 1 MB);
# 64 MiB holds some 200,000 such rows, and is read into memory whole.
MAX_CSV_BYTES = 64 * MiB
# An XLSX file: zipped XML, 5-10 times smaller than the same CSV; same ceiling.
MAX_XLSX_BYTES = 64 * MiB
# The sum of an XLSX's declared member sizes, checked before openpyxl opens it: the
# sheet XML of 200,000 rows of 15 cells is about 200 MB, shared strings less. Python's
# zipfile never inflates a member beyond its declared size, so the sum is a sound bound.
MAX_XLSX_INFLATED = 512 * MiB
# A member larger than XLSX_RATIO_FLOOR may inflate at most MAX_XLSX_RATIO times its
# compressed size: real sheet XML compresses 5-20 times, a zip bomb about 1,000 times.
# Small members are exempt: an empty styles part legitimately compresses very well.
MAX_XLSX_RATIO = 100
XLSX_RATIO_FLOOR = 10 * MiB
# Data rows read from one sheet; reading stops there. Ten times a large fonds
# inventory, and what the memory of an ordinary office PC holds comfortably.
MAX_ROWS = 200_000
# Characters in one cell: Excel's own limit, so no inventory made in Excel exceeds it.
MAX_CELL_CHARS = 32_767
# package.toml and bag-info.txt: a dozen short lines in practice.
MAX_METADATA_BYTES = 1 * MiB
# manifest-sha256.txt: one ~100-byte line per payload file; 600,000 scans.
MAX_MANIFEST_BYTES = 64 * MiB

def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, all links followed, stays inside the folder ``root``."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def require_inside(path: Path, root: Path, display: str) -> None:
    """Refuse a file that is a link leading out of the package: it is never read."""
    if not inside(path, root):
        raise SheetError(
            "tệp là liên kết (symlink) trỏ ra ngoài gói nên không được đọc. Hãy chép tệp thật "
            "vào gói thay cho liên kết.",
            "the file is a symbolic link pointing outside the package, so it is not read. "
            "Copy the real file into the package in place of the link.",
            path=display, code="sheet-link-outside")


def is_regular(path: Path) -> bool:
    """A regular file (links followed): not a FIFO, device, socket, folder or broken link."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def not_regular(display: str) -> SheetError:
    return SheetError(
        "đây không phải là một tệp thông thường (mà là ống FIFO, thiết bị, socket hoặc liên "
        "kết hỏng) nên không được mở. Hãy thay bằng tệp thật, hoặc xóa nó khỏi gói.",
        "this is not a regular file (it is a FIFO, a device, a socket or a broken link), so "
        "it is not opened. Replace it with the real file, or remove it from the package.",
        path=display, code="not-regular-file")


def too_large(display: str, size: int, limit: int) -> SheetError:
    return SheetError(
        f"tệp nặng {_mb(size)[0]} MB, vượt giới hạn {_mb(limit)[0]} MB nên không được "
        "đọc. Hãy kiểm tra đây đúng là bảng kê, hoặc chia bảng kê thành nhiều gói nhỏ hơn.",
        f"the file is {_mb(size)[1]} MB, more than the {_mb(limit)[1]} MB limit, so it "
        "is not read. Check that it is the inventory, or split the inventory into smaller "
        "packages.",
        path=display, code="file-too-large")


@contextlib.contextmanager
def open_regular(path: Path, display: str, limit: int) -> Iterator[BinaryIO]:
    """The file opened for reading, if it is a regular file of at most ``limit`` bytes.

    Checked before opening (nothing else is ever opened) and again on the open file,
    which is opened non-blocking so that a FIFO swapped in between cannot hang us.
    """
    if not is_regular(path):
        raise not_regular(display)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _unreadable(display, exc) from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise not_regular(display)
        if info.st_size > limit:
            raise too_large(display, info.st_size, limit)
        yield handle


def read_regular(path: Path, display: str, limit: int) -> bytes:
    """The whole of a regular file of at most ``limit`` bytes (see :func:`open_regular`)."""
    with open_regular(path, display, limit) as handle:
        try:
            data = handle.read(limit + 1)  # the file may have grown since it was measured
        except OSError as exc:
            raise _unreadable(display, exc) from exc
    if len(data) > limit:
        raise too_large(display, len(data), limit)
    return data


def check_zip_sizes(handle: BinaryIO, display: str) -> None:
    """Refuse an XLSX whose declared contents would inflate beyond the limits.

    Raises :class:`zipfile.BadZipFile` for a file that is not a zip archive at all.
    """
    with zipfile.ZipFile(handle) as archive:
        members = archive.infolist()
    total = sum(m.file_size for m in members)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > XLSX_RATIO_FLOOR and ratio > MAX_XLSX_RATIO:
            times = vi_en(round(ratio))
            raise _bomb(display, total, f"phần “{member.filename}” nén {times[0]} lần",
                        f"the part “{member.filename}” is compressed {times[1]} times")
    if total > MAX_XLSX_INFLATED:
        largest = max(members, key=lambda m: m.file_size)
        raise _bomb(display, total, f"phần lớn nhất là “{largest.filename}”",
                    f"the largest part is “{largest.filename}”")


def _bomb(display: str, total: int, why_vi: str, why_en: str) -> SheetError:
    return SheetError(
        f"tệp .xlsx khi giải nén sẽ lớn {_mb(total)[0]} MB ({why_vi}), vượt giới hạn "
        f"{_mb(MAX_XLSX_INFLATED)[0]} MB hoặc {MAX_XLSX_RATIO} lần, nên không được mở (có "
        "thể là “bom nén”). Hãy mở tệp bằng Excel, xóa các dòng và cột trống thừa rồi lưu lại.",
        f"the .xlsx file would inflate to {_mb(total)[1]} MB ({why_en}), beyond the "
        f"{_mb(MAX_XLSX_INFLATED)[1]} MB or {MAX_XLSX_RATIO}-times limit, so it is not "
        "opened (it may be a zip bomb). Open it in Excel, delete the unused rows and "
        "columns, and save it again.",
        path=display, code="xlsx-bomb")


def _mb(size: int) -> tuple[str, str]:
    """A size in megabytes as Windows Explorer counts them (of 1,024 KB), so they match."""
    return vi_en(max(1, round(size / MiB)))


def _unreadable(display: str, exc: OSError) -> SheetError:
    return SheetError(
        f"không đọc được tệp ({type(exc).__name__}). Hãy kiểm tra tệp còn đó và được phép đọc.",
        f"the file cannot be read ({type(exc).__name__}). Check that it exists and may be read.",
        path=display)
