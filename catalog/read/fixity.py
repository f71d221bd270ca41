"""SHA-256 digests of input files, remembered between builds, and manifest checks.

Hashing every scan on every rebuild would make a rebuild as slow as the first build,
so digests are remembered per (path, size, modification time) in the build cache.
BagIt manifests (``manifest-sha256.txt``) are verified against those digests.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from catalog import atomic
from catalog.model import Catalog, Location
from catalog.read.packages import RawPackage
from catalog.report import WARNING, Report

_CHUNK = 1 << 20


class DigestCache:
    def __init__(self, cache_dir: Path):
        self.path = cache_dir / "digests.json"
        try:
            self.known: dict[str, list] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.hashed = 0  # files actually read this build, for the report

    def digest(self, path: Path) -> tuple[str, int]:
        """(sha256, size) of ``path``; reads the file only when it changed."""
        stat = path.stat()
        key = str(path.resolve())
        entry = self.known.get(key)
        if entry and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
            return entry[2], stat.st_size
        sha = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                sha.update(chunk)
        self.hashed += 1
        self.known[key] = [stat.st_size, stat.st_mtime_ns, sha.hexdigest()]
        return sha.hexdigest(), stat.st_size

    def forget(self, paths) -> None:
        """Drop what is known of these files (scans that turned out secret: their names stay nowhere)."""
        for path in paths:
            self.known.pop(str(Path(path).resolve()), None)

    def save(self) -> None:
        # A temporary file of a fresh name: builds of two editions may share one cache.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(self.path, json.dumps(self.known))


def verify_manifests(raw_packages: list[RawPackage], catalog: Catalog, digests: DigestCache, report: Report) -> int:
    """Check each manifest entry that a published record uses, plus the sheets.

    Files that no non-secret record uses are not named in the report: they may be the
    scans of secret documents, whose names must not appear in any output.
    """
    used = {(d.package_id, d.pdf_rel) for d in catalog.documents if d.pdf_rel}
    checked = 0
    for raw in raw_packages:
        sheet_paths = {s.path.removeprefix(raw.display + "/") for s in raw.sheets.values()}
        for rel, expected in raw.package.manifest.items():
            if (raw.package.id, rel) not in used and rel not in sheet_paths:
                continue
            checked += 1
            _check_entry(raw, rel, expected, digests, report)
    return checked


def _check_entry(raw: RawPackage, rel: str, expected: str, digests: DigestCache, report: Report) -> None:
    path = raw.package.root / rel
    location = Location(f"{raw.display}/manifest-sha256.txt", column=rel)
    if not path.is_file():
        report.add(
            "fixity-missing",
            f'Tệp "{rel}" có trong manifest nhưng không có trong gói. Bổ sung tệp hoặc kiểm tra lại gói. '
            f'/ "{rel}" is listed in the manifest but missing from the package. Restore the file or check the package.',
            location,
        )
        return
    actual, _ = digests.digest(path)
    if actual != expected:
        report.add(
            "fixity-mismatch",
            f'Mã băm SHA-256 của "{rel}" không khớp manifest (tệp đã bị thay đổi hoặc hỏng khi chép). Chép lại từ bản gốc. '
            f'/ The SHA-256 of "{rel}" does not match the manifest (changed or corrupted in transfer). Copy it again from the original.',
            location,
        )


def unlisted_payload(raw: RawPackage, report: Report) -> None:
    """A bag whose PDFs are not all in its manifest is incomplete (a warning)."""
    if not raw.package.is_bag:
        return
    missing = [rel for rel in raw.pdfs if rel not in raw.package.manifest]
    if missing:
        report.add(
            "fixity-unlisted",
            f"{len(missing)} tệp PDF trong gói không có trong manifest-sha256.txt. Tạo lại manifest khi đóng gói. "
            f"/ {len(missing)} PDF files in the bag are not in manifest-sha256.txt. Regenerate the manifest when bagging.",
            Location(f"{raw.display}/manifest-sha256.txt"),
            severity=WARNING,
        )
