"""Find the packages of a catalog project and read what each one delivers.

A package is a folder under ``packages/``: a plain folder with ``package.toml`` or a
BagIt bag (``bagit.txt`` + ``bag-info.txt``), its metadata sheets at the top or under
``data/``, and its PDFs. This stage only reads; it never writes into the package.

Only regular files inside the package are opened (see :mod:`catalog.read.input_files`): a
link leading out of the package, a FIFO or a device node is reported, never read.
"""

from __future__ import annotations

import os
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from catalog.model import Location, Package
from catalog.read.secrecy_review import REVIEW_FILE, stamp_releases as _stamp_releases
from catalog.read.input_files import (
    MAX_MANIFEST_BYTES,
    MAX_METADATA_BYTES,
    is_regular,
    not_regular,
    read_regular,
    require_inside,
)
from catalog.read.sheets import Sheet, SheetError, read_table, read_workbook
from catalog.read.values import ValueProblem, fold, parse_date
from catalog.report import WARNING, Report

PACKAGE_KEYS = (
    "id", "title", "fonds_code", "fonds_name", "agency", "handover_date",
    "handed_over_by", "received_by", "description",
)
# BagIt's reserved bag-info labels that carry the same meaning as our keys.
_BAG_LABELS = {
    "external-identifier": "id",
    "external-description": "description",
    "source-organization": "agency",
    "bagging-date": "handover_date",
}
_SHEET_STEMS = {"hoso": "file", "tailieu": "document", "vanban": "document"}
_SHEET_SUFFIXES = (".csv", ".xlsx", ".txt", ".tsv")


@dataclass
class RawPackage:
    """One package as delivered: metadata, sheets and the PDFs it contains."""

    package: Package
    display: str  # "packages/<folder>", for problem locations
    sheets: dict[str, Sheet] = field(default_factory=dict)  # "file" / "document" → Sheet
    pdfs: dict[str, Path] = field(default_factory=dict)  # posix path relative to root → file
    escaping_links: set[str] = field(default_factory=set)  # relative paths of symlinks leading outside
    not_regular: set[str] = field(default_factory=set)  # "*.pdf" that are FIFOs, devices, sockets, broken links
    _by_name: dict[str, list[str]] | None = field(default=None, repr=False)

    def pdfs_by_name(self) -> dict[str, list[str]]:
        """Lower-cased file name → relative paths, for the naming convention."""
        if self._by_name is None:
            self._by_name = {}
            for rel in self.pdfs:
                self._by_name.setdefault(rel.rsplit("/", 1)[-1].lower(), []).append(rel)
        return self._by_name


def discover(packages_dir: Path, content_root: Path, report: Report) -> list[RawPackage]:
    """Every package folder under ``packages_dir``, read, in name order."""
    if not packages_dir.is_dir():
        report.add(
            "no-packages",
            f"Không có thư mục {packages_dir.name}/ trong dự án: chưa có gói tài liệu nào. "
            f"/ The project has no {packages_dir.name}/ folder: there are no packages yet.",
            Location(str(packages_dir)),
            severity=WARNING,
        )
        return []
    found = []
    for folder in sorted(p for p in packages_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        display = folder.relative_to(content_root).as_posix()
        found.append(read_package(folder, display, report))
    return found


def read_package(root: Path, display: str, report: Report) -> RawPackage:
    is_bag = (root / "bagit.txt").is_file()
    meta = _read_metadata(root, display, is_bag, report)
    package = Package(
        id=meta.get("id") or root.name,
        root=root,
        title=meta.get("title", ""),
        fonds_code=meta.get("fonds_code", ""),
        fonds_name=meta.get("fonds_name", ""),
        agency=meta.get("agency", ""),
        handover_date=_handover_date(meta, display, report),
        handed_over_by=meta.get("handed_over_by", ""),
        received_by=meta.get("received_by", ""),
        description=meta.get("description", ""),
        is_bag=is_bag,
        manifest=_read_manifest(root, display, report),
        stamp_releases=_stamp_releases(_read_small(root, REVIEW_FILE, display, MAX_METADATA_BYTES, report),
                                       f"{display}/{REVIEW_FILE}", report),
    )
    raw = RawPackage(package, display)
    raw.sheets = _read_sheets(root, display, report)
    raw.pdfs, raw.escaping_links, raw.not_regular = _payload_pdfs(root)
    for rel in sorted(raw.not_regular):
        _report_refused(report, not_regular(f"{display}/{rel}"))
    return raw


def _report_refused(report: Report, exc: SheetError) -> None:
    report.add(exc.code, exc.message, Location(exc.path, exc.sheet, exc.row, exc.column))


def _present(path: Path) -> bool:
    return os.path.lexists(path) and not path.is_dir()


def _read_small(root: Path, name: str, display: str, limit: int, report: Report) -> bytes | None:
    """A metadata file's bytes; None when it is absent, or refused (and reported)."""
    path = root / name
    if not _present(path):
        return None
    try:
        require_inside(path, root, f"{display}/{name}")
        return read_regular(path, f"{display}/{name}", limit)
    except SheetError as exc:
        _report_refused(report, exc)
        return None


def _read_metadata(root: Path, display: str, is_bag: bool, report: Report) -> dict[str, str]:
    meta: dict[str, str] = {}
    if is_bag and (bag_info := _read_small(root, "bag-info.txt", display, MAX_METADATA_BYTES, report)):
        meta.update(_bag_info(bag_info.decode("utf-8-sig", errors="replace")))
    toml_present = _present(root / "package.toml")
    toml_bytes = _read_small(root, "package.toml", display, MAX_METADATA_BYTES, report)
    if toml_bytes is not None:
        try:
            data = tomllib.loads(toml_bytes.decode("utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            report.add(
                "bad-package-toml",
                f"Không đọc được package.toml: {exc}. Sửa cú pháp TOML. / Cannot read package.toml: {exc}. Fix the TOML syntax.",
                Location(f"{display}/package.toml"),
            )
            data = {}
        meta.update({k: _nfc(str(v)) for k, v in data.items() if k in PACKAGE_KEYS})
    elif not is_bag and not toml_present:
        report.add(
            "no-package-metadata",
            "Gói không có package.toml hay bag-info.txt; dùng tên thư mục làm mã gói. "
            "/ The package has neither package.toml nor bag-info.txt; its folder name is used as its id.",
            Location(display),
            severity=WARNING,
        )
    return meta


def _bag_info(text: str) -> dict[str, str]:
    """Parse BagIt ``Label: value`` lines; indented lines continue the previous value."""
    entries: list[list[str]] = []
    for line in text.splitlines():
        if line[:1] in (" ", "\t") and entries:
            entries[-1][1] += " " + line.strip()
        elif ":" in line:
            label, value = line.split(":", 1)
            entries.append([label.strip(), value.strip()])
    meta: dict[str, str] = {}
    for label, value in entries:  # our own labels first: Handover-Date says more than Bagging-Date
        key = label.lower().replace("-", "_")
        if key in PACKAGE_KEYS and key not in meta:
            meta[key] = _nfc(value)
    for label, value in entries:  # then BagIt's reserved labels, for what is still missing
        key = _BAG_LABELS.get(label.lower())
        if key and key not in meta:
            meta[key] = _nfc(value)
    return meta


def _handover_date(meta: dict[str, str], display: str, report: Report):
    try:
        return parse_date(meta.get("handover_date"))
    except ValueProblem as exc:
        report.add("bad-date", str(exc), Location(f"{display}/package.toml", column="handover_date"))
        return None


def _read_manifest(root: Path, display: str, report: Report) -> dict[str, str]:
    data = _read_small(root, "manifest-sha256.txt", display, MAX_MANIFEST_BYTES, report)
    if data is None:
        return {}
    manifest = {}
    for number, line in enumerate(data.decode("utf-8-sig", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        digest, _, rel = line.strip().partition(" ")
        rel = rel.strip().lstrip("*")
        if len(digest) != 64 or not rel:
            report.add(
                "bad-manifest-line",
                "Dòng manifest sai dạng, cần \"<sha256>  data/<đường dẫn>\". "
                "/ Malformed manifest line, expected \"<sha256>  data/<path>\".",
                Location(f"{display}/manifest-sha256.txt", row=number),
                severity=WARNING,
            )
            continue
        manifest[_nfc(rel)] = digest.lower()
    return manifest


def _read_sheets(root: Path, display: str, report: Report) -> dict[str, Sheet]:
    sheets: dict[str, Sheet] = {}
    refused = False  # a sheet that is there but cannot be read is not also "missing"
    for path in _sheet_files(root):
        rel = f"{display}/{path.relative_to(root).as_posix()}"
        kind = _SHEET_STEMS.get(fold(path.stem))  # exact names; any other .xlsx may hold both
        if kind in sheets or (kind is None and path.suffix.lower() != ".xlsx"):
            continue
        try:
            require_inside(path, root, rel)
            found = {kind: read_table(path, rel, kind)} if kind else read_workbook(path, rel)
        except SheetError as exc:
            refused = True
            _report_refused(report, exc)
            continue
        for found_kind, sheet in found.items():
            if found_kind not in sheets:
                sheets[found_kind] = sheet
                _report_sheet_problems(sheet, report)
    for kind, name in (("file", "ho_so"), ("document", "tai_lieu")):
        if kind not in sheets and not refused:
            report.add(
                "missing-sheet",
                f"Gói thiếu bảng {name}.csv/.xlsx (hoặc sheet tương ứng trong một tệp .xlsx). "
                f"/ The package has no {name}.csv/.xlsx sheet (nor such a sheet in one .xlsx workbook).",
                Location(display),
            )
    return sheets


def _sheet_files(root: Path) -> list[Path]:
    """Candidate sheets at the top of the package and under ``data/``, folders left out.

    FIFOs, devices and broken links are kept: reading refuses them, and says so.
    """
    found = []
    for folder in (root, root / "data"):
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir()
                            if p.suffix.lower() in _SHEET_SUFFIXES and not p.is_dir())
    return found


def _report_sheet_problems(sheet: Sheet, report: Report) -> None:
    for problem in sheet.problems:
        error = problem.error
        report.add(problem.code, error.message, Location(error.path, error.sheet, error.row, error.column),
                   severity=problem.severity)


def _payload_pdfs(root: Path) -> tuple[dict[str, Path], set[str], set[str]]:
    """All PDFs in the package, without following links out of it; and the paths of
    links leading out, and of ``*.pdf`` that are not regular files (never opened)."""
    real_root = root.resolve()
    pdfs: dict[str, Path] = {}
    escaping: set[str] = set()
    irregular: set[str] = set()
    top = str(root)
    for folder, dirs, files in os.walk(top):
        dirs.sort()
        prefix = os.path.relpath(folder, top).replace(os.sep, "/") + "/" if folder != top else ""
        for name in sorted(files):
            if not name.lower().endswith(".pdf"):
                continue
            path = os.path.join(folder, name)  # strings: a package holds thousands of scans
            rel = _nfc(prefix + name)
            # os.walk does not enter linked folders, so only a link itself can lead out
            if os.path.islink(path) and not Path(os.path.realpath(path)).is_relative_to(real_root):
                escaping.add(rel)
            elif not is_regular(path):
                irregular.add(rel)
            else:
                pdfs[rel] = Path(path)
    return pdfs, escaping, irregular


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()
