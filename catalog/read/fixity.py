"""SHA-256 digests of input files, remembered between builds, and manifest checks.

Hashing every scan on every rebuild would make a rebuild as slow as the first build,
so digests are remembered per (path, size, modification time) in the build cache.
Every manifest of a BagIt bag is checked on every build: the bag itself with the
``bagit`` library (:mod:`catalog.read.bag_check`: bagit.txt, Payload-Oxum, tag
manifests, missing and unlisted files), the checksums of its manifests against these
remembered digests. A plain package's ``manifest-sha256.txt``, and the manifest of a bag
the library cannot open, are checked as catalog reads them. What a problem may name is
decided by :mod:`catalog.read.fixity_names`; the rest is placed by its sheet row or
counted.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from catalog import atomic
from catalog.model import Location
from catalog.read.bag_check import BagCheck, check_bag
from catalog.read.fixity_names import PayloadNames
from catalog.read.input_files import inside, is_regular
from catalog.read.packages import RawPackage
from catalog.report import ERROR, WARNING, Problem, Report

_CHUNK = 1 << 20
MISSING, ALTERED, UNLISTED = "fixity-missing", "fixity-mismatch", "fixity-unlisted"


class Differs(NamedTuple):
    """A file's digest that is not its manifest's."""

    algorithm: str
    expected: str
    actual: str


class DigestCache:
    def __init__(self, cache_dir: Path):
        self.path = cache_dir / "digests.json"
        try:
            self.known: dict[str, list] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.hashed = 0  # files actually read this build, for the report
        self._real_folders: dict[Path, str] = {}
        # What this build found already: the text stage and the fixity history ask for the
        # same scans, and one build sees a file as it was when it first looked.
        self._seen: dict[tuple, tuple[dict[str, str], int]] = {}

    def digest(self, path: Path, named: bool = True) -> tuple[str, int]:
        """(sha256, size) of ``path``; reads the file only when it changed."""
        found, size = self.digests(path, ("sha256",), named)
        return found["sha256"], size

    def digests(self, path: Path, algorithms=("sha256",), named: bool = True) -> tuple[dict[str, str], int]:
        """({algorithm: hex digest}, size) of ``path``, SHA-256 always among them.

        The file is read (once, for every algorithm) only when its size or modification
        time changed, or an algorithm is asked for the first time (a bag's sha512 manifest).
        A file that may not be named (``named=False``) is remembered by its inode and
        ctime instead of its path, so the cache names no scan of a secret document.
        """
        wanted = {"sha256", *algorithms}
        seen_key = (str(path), named, frozenset(wanted))
        if seen_key in self._seen:
            return self._seen[seen_key]
        self._seen[seen_key] = found = self._digests(path, wanted, named)
        return found

    def _digests(self, path: Path, wanted: set[str], named: bool) -> tuple[dict[str, str], int]:
        info = os.stat(path)
        key = self._key(path, info, named)
        entry = self.known.get(key)
        if entry and entry[0] == info.st_size and entry[1] == info.st_mtime_ns:
            known = {"sha256": entry[2], **(entry[3] if len(entry) > 3 else {})}
            if wanted <= known.keys():
                return known, info.st_size
        found = _hash_file(path, wanted)
        self.hashed += 1
        others = {alg: value for alg, value in found.items() if alg != "sha256"}
        self.known[key] = [info.st_size, info.st_mtime_ns, found["sha256"], *([others] if others else [])]
        return found, info.st_size

    def _key(self, path: Path, info: os.stat_result, named: bool) -> str:
        if named:
            return self._real(path)
        self.known.pop(self._real(path), None)  # a name kept from when the file was published
        return f"inode:{info.st_dev}:{info.st_ino}:{info.st_ctime_ns}"

    def _real(self, path: Path) -> str:
        """The file's real path; its folder's is worked out once (thousands of scans share a folder)."""
        path = Path(path)
        if path.is_symlink():
            return os.path.realpath(path)
        folder = self._real_folders.get(path.parent)
        if folder is None:
            folder = self._real_folders[path.parent] = os.path.realpath(path.parent)
        return os.path.join(folder, path.name)

    def forget(self, paths) -> None:
        """Drop what is known of these files (scans that turned out secret: their names stay nowhere)."""
        for path in paths:
            self.known.pop(self._real(path), None)

    def save(self) -> None:
        # A temporary file of a fresh name: builds of two editions may share one cache.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(self.path, json.dumps(self.known))


def _hash_file(path: Path, algorithms: set[str]) -> dict[str, str]:
    hashers = {alg: hashlib.new(alg) for alg in algorithms}
    # Non-blocking, and checked on the open file: a FIFO swapped in cannot hang the build.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path} is not a regular file")
        while chunk := handle.read(_CHUNK):
            for hasher in hashers.values():
                hasher.update(chunk)
    return {alg: hasher.hexdigest() for alg, hasher in hashers.items()}


def verify_manifests(raw_packages: list[RawPackage], names_of: dict[str, PayloadNames], digests: DigestCache,
                     report: Report) -> int:
    """Check every manifest entry of every package, and each bag as BagIt; returns the entries checked.

    ``names_of`` (:func:`catalog.read.fixity_names.payload_names`) says which files a
    problem may name; the others are placed by the row that lists them, or counted.
    """
    checked = 0
    for raw in raw_packages:
        found = _manifest_check(raw)
        names = names_of[raw.display]
        for problem in found.problems:
            where = f"{raw.display}/{problem.tag_file}" if problem.tag_file else raw.display
            report.add(problem.code, f"{problem.vi} / {problem.en}", Location(where, column=problem.column))
        if found.opened:  # the library listed the unlisted files one by one: check()'s count goes
            report.problems = [p for p in report.problems if not _is_unlisted_count(p, raw)]
        unnamed: Counter = Counter()
        for rel in found.missing:
            _report_file(raw, found, names, MISSING, rel, None, report, unnamed)
        for rel in found.unexpected:
            _report_file(raw, found, names, UNLISTED, rel, None, report, unnamed)
        missing = set(found.missing)
        for rel, expected in sorted(found.entries.items()):
            if rel not in missing:
                checked += 1
                if differs := _altered(raw, found, rel, expected, names, digests):
                    _report_file(raw, found, names, ALTERED, rel, differs, report, unnamed)
        _report_unnamed(raw, unnamed, report)
    return checked


def _manifest_check(raw: RawPackage) -> BagCheck:
    if raw.package.is_bag:
        found = check_bag(raw.package.root)
        if found.opened:
            return found
    else:
        found = BagCheck()
    # Catalog's own reading of manifest-sha256.txt: plain packages, and bags bagit cannot open.
    found.entries = {rel: {"sha256": digest} for rel, digest in raw.package.manifest.items()}
    found.missing = sorted(rel for rel in found.entries if not os.path.lexists(raw.package.root / rel))
    return found


def _is_unlisted_count(problem: Problem, raw: RawPackage) -> bool:
    return problem.code == UNLISTED and problem.path == f"{raw.display}/manifest-sha256.txt" and not problem.column


def _altered(raw: RawPackage, found: BagCheck, rel: str, expected: dict[str, str], names: PayloadNames,
             digests: DigestCache) -> Differs | None:
    """The first digest of the file that differs from its manifest's, if one does."""
    root = raw.package.root
    path = root / found.on_disk.get(rel, rel)
    if not inside(path, root) or not is_regular(path):
        return None  # never opened; a scan that is no regular file is reported by the reader
    wanted = sorted((alg for alg in expected if alg in hashlib.algorithms_available), key=lambda a: (a != "sha256", a))
    try:
        actual, _ = digests.digests(path, wanted, named=names.may_name(rel))
    except OSError:
        return None
    return next((Differs(alg, expected[alg].lower(), actual[alg]) for alg in wanted
                 if actual[alg] != expected[alg].lower()), None)


def _report_file(raw: RawPackage, found: BagCheck, names: PayloadNames, code: str, rel: str,
                 differs: Differs | None, report: Report, unnamed: Counter) -> None:
    """One problem naming the file, or placed at the row that lists it; else counted."""
    severity = WARNING if code == UNLISTED else ERROR
    manifest = _manifest_named(found, rel, differs)
    if names.may_name(rel):
        tag_file = found.opened and not rel.startswith("data/")
        vi, en = _named_message(code, rel, manifest, differs, tag_file)
        report.add(code, f"{vi} / {en}", Location(f"{raw.display}/{manifest}", column=rel), severity=severity)
    elif row := names.listed_at(rel):
        vi, en = _what(code, manifest)
        report.add(code, f"Bản quét mà dòng này ghi (dòng không được xuất bản nên không nêu tên tệp) {vi} "
                         f"/ The scan this row lists (a row that is not published, so the file is not named) {en}",
                   row, severity=severity)
    else:
        unnamed[(code, manifest)] += 1


def _manifest_named(found: BagCheck, rel: str, differs: Differs | None) -> str:
    if differs and found.opened:  # the manifest of the algorithm that differs
        return f"{'manifest' if rel.startswith('data/') else 'tagmanifest'}-{differs.algorithm}.txt"
    return found.manifest_of(rel) if found.opened else "manifest-sha256.txt"


# (Vietnamese, English) of a missing or unlisted file that the report may name.
_NAMED_MESSAGES = {
    MISSING: ('Tệp "{rel}" có trong {manifest} nhưng không có trong gói. Bổ sung tệp từ bản giao nộp hoặc kiểm tra '
              "lại gói.",
              '"{rel}" is listed in {manifest} but missing from the package. Restore the file from the handed-over '
              "original or check the package."),
    UNLISTED: ('Tệp "{rel}" nằm trong thư mục data/ nhưng không có trong manifest nào. Nếu tệp thuộc gói, đóng gói '
               "lại để ghi nó vào manifest; nếu không, chuyển nó ra khỏi gói.",
               '"{rel}" is in the payload (data/) but in no manifest. If it belongs to the package, bag it again so '
               "that the manifests list it; if not, move it out of the package."),
}


def _named_message(code: str, rel: str, manifest: str, differs: Differs | None, tag_file: bool) -> tuple[str, str]:
    if code in _NAMED_MESSAGES:
        vi, en = _NAMED_MESSAGES[code]
        return vi.format(rel=rel, manifest=manifest), en.format(rel=rel, manifest=manifest)
    alg, expected, actual = _algorithm_name(differs.algorithm), differs.expected, differs.actual
    vi = (f'Mã băm {alg} của {"tệp thẻ " if tag_file else ""}"{rel}" không khớp ({manifest} ghi {expected[:12]}…, '
          f"tệp có {actual[:12]}…)")
    en = (f'The {alg} of {"the tag file " if tag_file else ""}"{rel}" does not match ({manifest} says '
          f"{expected[:12]}…, the file has {actual[:12]}…)")
    if not tag_file:
        return (f"{vi}: tệp đã bị thay đổi hoặc hỏng khi chép. Chép lại từ bản gốc.",
                f"{en}: the file was changed or corrupted in transfer. Copy it again from the original.")
    return (f"{vi}: tệp đã bị sửa sau khi đóng gói. Nếu sửa có chủ ý, tạo lại {manifest} khi đóng gói lại; nếu không, "
            f"chép lại từ bản gốc.",
            f"{en}: it was edited after bagging. If that was meant, regenerate {manifest} when bagging again; if not, "
            f"copy it again from the original.")


def _algorithm_name(algorithm: str) -> str:
    """As archivists write them: SHA-256, SHA-512, MD5."""
    return re.sub(r"^sha(\d)", r"SHA-\1", algorithm).upper()


def _what(code: str, manifest: str, count: int = 1) -> tuple[str, str]:
    """What is wrong with files not named, and what to do, for a sentence about them."""
    if code == MISSING:
        return (f"có trong {manifest} nhưng không có trong gói. Bổ sung từ bản giao nộp.",
                f"{'is' if count == 1 else 'are'} listed in {manifest} but missing. Restore from the handed-over "
                f"original.")
    if code == UNLISTED:
        return ("nằm trong data/ nhưng không có trong manifest nào. Đóng gói lại, hoặc chuyển ra khỏi gói.",
                f"{'is' if count == 1 else 'are'} in the payload but in no manifest. Bag it again, or move it out.")
    return (f"không khớp mã băm trong {manifest}: đã bị thay đổi hoặc hỏng khi chép. Chép lại từ bản gốc.",
            f"{'does' if count == 1 else 'do'} not match {manifest}: changed or corrupted in transfer. "
            f"Copy again from the original.")


def _report_unnamed(raw: RawPackage, unnamed: Counter, report: Report) -> None:
    """Files no published record names: counted, the tool to find them named instead."""
    tool = f"bagit.py --validate {raw.display}" if raw.package.is_bag else "sha256sum -c manifest-sha256.txt"
    for (code, manifest), count in sorted(unnamed.items()):
        vi, en = _what(code, manifest, count)
        one = count == 1
        report.add(code, f"{count} tệp không nêu tên (không bản ghi nào được xuất bản dùng chúng; có thể là bản quét "
                         f"tài liệu mật) {vi} Tìm chúng bằng {tool} trên máy giữ gói. / {count} "
                         f"{'file' if one else 'files'} not named (no published record uses {'it' if one else 'them'}; "
                         f"{'it may be the scan' if one else 'they may be scans'} of secret documents) {en} Find "
                         f"{'it' if one else 'them'} with {tool} on the machine holding the package.",
                   Location(f"{raw.display}/{manifest}"), severity=WARNING if code == UNLISTED else ERROR)


def unlisted_payload(raw: RawPackage, report: Report) -> None:
    """A bag whose PDFs are not all in its manifest is incomplete (a warning).

    A count, naming no file (``check`` knows no tiers yet). A build then checks the bag
    with the bagit library, which lists the files one by one, and this count is dropped.
    """
    if not raw.package.is_bag:
        return
    missing = [rel for rel in raw.pdfs if rel not in raw.package.manifest]
    if missing:
        report.add(
            UNLISTED,
            f"{len(missing)} tệp PDF trong gói không có trong manifest-sha256.txt. Tạo lại manifest khi đóng gói. "
            f"/ {len(missing)} PDF files in the bag are not in manifest-sha256.txt. Regenerate the manifest when bagging.",
            Location(f"{raw.display}/manifest-sha256.txt"),
            severity=WARNING,
        )
