"""A BagIt bag (RFC 8493) checked with the Library of Congress's ``bagit`` library.

The library checks what our own reading did not: ``bagit.txt``, the bag's structure,
``fetch.txt``, the Payload-Oxum, every ``manifest-<alg>.txt`` and ``tagmanifest-<alg>.txt``,
and which files are missing from the payload or in no manifest. This module only
gathers what it finds; :mod:`catalog.read.fixity` decides what the report may name.

Three choices, and why:

- ``Bag.validate()`` stops at the first failing step (a wrong Payload-Oxum hides a
  missing file), so its steps are called one by one, each in its own ``try``: every
  finding of a bag is listed at once, as everywhere else in the report. They are the
  library's own methods, some private, hence the pinned minor version in pyproject.toml.
- The checksums are not computed by the library (its last step, ``_validate_entries``,
  reads every file of the bag on every build, with every algorithm). The manifests'
  entries are returned instead, and ``fixity`` compares them with the digests of the
  build cache (path, size, mtime → digest), which reads a file again only when its
  size or modification time changed: a rebuild of a big package reads nothing.
- Nothing is ever written: no ``save()``, no ``make_bag()``. Before the library opens a
  tag file, the reader's rules are applied (a regular file inside the package, within
  the manifest size limit), since the library would block on a FIFO or follow a link
  out of the package. Its log is silenced while it runs: its warnings name files,
  which may be the scans of secret documents.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from catalog.read.input_files import MAX_MANIFEST_BYTES, inside, is_regular

# The tag files RFC 8493 names; nothing else at the top of a bag is read by the library.
TAG_FILE = re.compile(r"(bagit|bag-info|fetch)\.txt|(tag)?manifest-[a-z0-9]+\.txt")


@dataclass(frozen=True)
class BagProblem:
    """A finding about the whole bag: its code, the tag file it concerns, what to say."""

    code: str
    tag_file: str
    vi: str
    en: str
    column: str | None = None


@dataclass
class BagCheck:
    """What the library found in one bag; ``opened`` is False when it could not read it."""

    opened: bool = False
    entries: dict[str, dict[str, str]] = field(default_factory=dict)  # path → {algorithm: expected digest}
    on_disk: dict[str, str] = field(default_factory=dict)  # NFC path → the name as it is on disk
    missing: list[str] = field(default_factory=list)  # in a manifest, not in the bag
    unexpected: list[str] = field(default_factory=list)  # in the payload, in no manifest
    problems: list[BagProblem] = field(default_factory=list)

    def manifest_of(self, rel: str) -> str:
        """The manifest that lists ``rel`` (or would): for a location."""
        algorithms = sorted(self.entries.get(rel, {})) or ["sha256"]
        kind = "manifest" if rel.startswith("data/") else "tagmanifest"
        return f"{kind}-{'sha256' if 'sha256' in algorithms else algorithms[0]}.txt"


def check_bag(root: Path) -> BagCheck:
    """Every finding of the library on the bag at ``root``, without reading its payload."""
    result = BagCheck()
    refused = _refused_tag_files(root)
    if refused:
        result.problems += refused
        return result
    with _quiet_library():
        try:
            bag = bagit.Bag(str(root))
        except (bagit.BagError, OSError, UnicodeError, ValueError) as exc:
            result.problems.append(_unopened(exc))
            return result
        result.opened = True
        result.entries = {_nfc(rel): hashes for rel, hashes in bag.entries.items()}
        _run_steps(bag, result)
        result.on_disk = {_nfc(rel): rel for rel in bag.normalized_filesystem_names.values()}
    return result


def _run_steps(bag: bagit.Bag, result: BagCheck) -> None:
    """validate()'s steps but the checksums, each on its own so that none hides another."""
    for step, tag_file, vi, en in (
        (bag._validate_structure, "", "thiếu thư mục data/ hoặc không có manifest nào",
         "there is no data/ folder or no manifest"),
        (bag._validate_bagittxt, "bagit.txt", "bagit.txt bắt đầu bằng dấu BOM, điều BagIt không cho phép",
         "bagit.txt starts with a byte-order mark, which BagIt forbids"),
        (bag.validate_fetch, "fetch.txt", "fetch.txt có dòng sai dạng", "fetch.txt has a malformed line"),
    ):
        try:
            step()
        except (bagit.BagError, OSError, ValueError):
            result.problems.append(_structure_problem(tag_file, vi, en))
    try:
        bag._validate_oxum()
    except (bagit.BagError, OSError, ValueError):
        result.problems.append(_oxum_problem(bag))
    try:
        bag._validate_completeness()
    except bagit.BagValidationError as exc:
        result.missing = sorted(_nfc(d.path) for d in exc.details if isinstance(d, bagit.FileMissing))
        result.unexpected = sorted(_nfc(d.path) for d in exc.details if isinstance(d, bagit.UnexpectedFile))
    except (bagit.BagError, OSError, ValueError):
        result.problems.append(_structure_problem("", "không liệt kê được các tệp của gói",
                                                  "the files of the bag could not be listed"))


def _refused_tag_files(root: Path) -> list[BagProblem]:
    """Tag files the reader would not open: the library is then not run at all."""
    found = []
    for entry in sorted(root.iterdir()):
        if not TAG_FILE.fullmatch(entry.name):
            continue
        if not inside(entry, root) or not is_regular(entry) or os.stat(entry).st_size > MAX_MANIFEST_BYTES:
            found.append(BagProblem(
                "bag-not-checked", entry.name,
                f"Không kiểm tra được gói BagIt: {entry.name} không phải tệp thường nằm trong gói (hoặc quá lớn) "
                f"nên không được mở. Thay bằng tệp thật của gói, rồi dựng lại.",
                f"The BagIt bag was not checked: {entry.name} is not a regular file inside the package (or is too "
                f"large), so it is not opened. Replace it with the package's real file, then build again."))
    return found


def _unopened(exc: Exception) -> BagProblem:
    # The library's words only when they name no file of the bag (they may name a secret scan).
    reason = str(exc) if isinstance(exc, bagit.BagError) and "/" not in str(exc) else ""
    detail = f" ({reason})" if reason else ""
    return BagProblem(
        "bag-invalid", "bagit.txt",
        f"Thư viện bagit không mở được gói{detail}: bagit.txt cần hai dòng \"BagIt-Version: 1.0\" và "
        f"\"Tag-File-Character-Encoding: UTF-8\", mỗi manifest chỉ ghi mỗi tệp một lần. Chỉ manifest-sha256.txt "
        f"được kiểm theo cách đọc riêng của catalog. Sửa bagit.txt hoặc đóng gói lại.",
        f"The bagit library cannot open the bag{detail}: bagit.txt needs the two lines \"BagIt-Version: 1.0\" and "
        f"\"Tag-File-Character-Encoding: UTF-8\", and each manifest may list each file once. Only "
        f"manifest-sha256.txt is checked, as catalog reads it. Fix bagit.txt or bag the package again.",
    )


def _structure_problem(tag_file: str, vi: str, en: str) -> BagProblem:
    return BagProblem("bag-invalid", tag_file, f"Gói BagIt không hợp lệ: {vi}. Đóng gói lại theo RFC 8493.",
                      f"The BagIt bag is not valid: {en}. Bag it again following RFC 8493.")


def _oxum_problem(bag: bagit.Bag) -> BagProblem:
    declared = bag.info.get("Payload-Oxum")
    declared = declared[0] if isinstance(declared, list) else declared
    size, count = _payload_totals(bag)
    return BagProblem(
        "bag-oxum", "bag-info.txt",
        f"Payload-Oxum trong bag-info.txt ghi \"{declared}\" (byte.tệp) nhưng thư mục data/ có {count} tệp, "
        f"{size} byte: gói thiếu tệp, thừa tệp hoặc có tệp đổi cỡ sau khi đóng gói. Đối chiếu với bản giao nộp; "
        f"nếu gói đúng, tính lại Payload-Oxum khi đóng gói lại.",
        f"Payload-Oxum in bag-info.txt says \"{declared}\" (bytes.files) but data/ holds {count} files of "
        f"{size} bytes: files are missing, extra or changed in size since bagging. Compare with the handed-over "
        f"original; if the bag is right, recompute Payload-Oxum when bagging it again.",
        column="Payload-Oxum",
    )


def _payload_totals(bag: bagit.Bag) -> tuple[int, int]:
    size = count = 0
    for rel in bag.payload_files():
        with contextlib.suppress(OSError):
            size += os.stat(os.path.join(bag.path, rel)).st_size
        count += 1
    return size, count


@contextlib.contextmanager
def _quiet_library() -> Iterator[None]:
    logger = logging.getLogger("bagit")
    before = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = before


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace(os.sep, "/"))
