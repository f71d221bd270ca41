"""Turn the rows of every package into the catalog model, checking each as it goes.

Every row becomes an archival file or a document, or a problem with its exact sheet,
row and column; one bad row never stops the others. Secret rows are dropped here,
before any later stage can see them, and only their identifiers are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalog.access import Tier, stricter
from catalog.model import ArchivalFile, Catalog, Document, Field, Fonds, Location, Package
from catalog.packages import RawPackage
from catalog.pdf_paths import resolve_pdf
from catalog.report import WARNING, Report
from catalog.sheets import SheetRow
from catalog.values import (
    ValueProblem, cell_text, condition_label, join_document_number, parse_count, parse_date,
    parse_secrecy, parse_tier, reliability_label, retention_label, split_keywords,
)


@dataclass
class _Seen:
    """Identifiers already taken, across all packages, with where they were first seen."""

    file_codes: dict[str, Location] = field(default_factory=dict)
    doc_ids: dict[str, Location] = field(default_factory=dict)
    secret_files: set[str] = field(default_factory=set)


def assemble(raw_packages: list[RawPackage], default_tier: Tier, report: Report) -> Catalog:
    """The whole catalog (all non-secret tiers); ``access.for_edition`` narrows it."""
    catalog = Catalog(packages=[raw.package for raw in raw_packages])
    seen = _Seen()
    files: dict[str, ArchivalFile] = {}
    for raw in raw_packages:
        for row in _rows(raw, "file"):
            archival_file = _archival_file(row, raw.package, default_tier, seen, catalog, report)
            if archival_file:
                files[archival_file.file_code] = archival_file
    for raw in raw_packages:
        for row in _rows(raw, "document"):
            document = _document(row, raw, files, default_tier, seen, catalog, report)
            if document:
                files[document.file_code].documents.append(document)
    for archival_file in files.values():
        archival_file.documents.sort(key=lambda d: (d.ordinal is None, d.ordinal or 0, d.doc_id))
    catalog.fonds = _group_by_fonds(files.values(), {p.id: p for p in catalog.packages})
    return catalog


def _rows(raw: RawPackage, kind: str) -> tuple[SheetRow, ...]:
    sheet = raw.sheets.get(kind)
    return sheet.rows if sheet else ()


def _location(row: SheetRow, key: str | None = None) -> Location:
    cell = row.cells.get(key) if key else None
    return Location(row.path, row.sheet, row.row, cell.header if cell else None)


def _required(row: SheetRow, key: str, label: str, report: Report, doc_id: str | None = None) -> str:
    value = row.text(key)
    if not value:
        report.add(
            "missing-value",
            f'Ô "{label}" bắt buộc nhưng đang trống. Điền giá trị vào ô này. '
            f'/ The required cell "{label}" is empty. Fill it in.',
            Location(row.path, row.sheet, row.row, _header(row, key, label)),
            doc_id=doc_id,
        )
    return value


def _header(row: SheetRow, key: str, fallback: str) -> str:
    cell = row.cells.get(key)
    return cell.header if cell else fallback


def _parsed(row: SheetRow, key: str, parser, report: Report, doc_id: str | None = None):
    """Parse one cell; on failure report it with its column and return None."""
    try:
        return parser(row.get(key))
    except ValueProblem as exc:
        report.add("bad-value", str(exc), _location(row, key), doc_id=doc_id)
        return None


def _tier(row: SheetRow, default_tier: Tier, report: Report, doc_id: str | None = None) -> Tier:
    """The row's own tier; an unreadable secrecy mark counts as secret (fail safe)."""
    access = _parsed(row, "access", parse_tier, report, doc_id)
    if "access" in row.cells and row.text("access") and access is None:
        access = Tier.RESTRICTED  # unknown word: never publish it as public by mistake
    secret = False
    if "secrecy" in row.cells:
        try:
            secret = parse_secrecy(row.get("secrecy"))
        except ValueProblem:
            secret = True
    return Tier.SECRET if secret else (access if access is not None else default_tier)


def _archival_file(row, package, default_tier, seen, catalog, report) -> ArchivalFile | None:
    code = _required(row, "file_code", "Mã hồ sơ", report)
    if not code:
        return None
    if code in seen.file_codes:
        first = seen.file_codes[code]
        report.add(
            "duplicate-id",
            f'Mã hồ sơ "{code}" trùng với {first.path} dòng {first.row}; bỏ qua dòng này. Mỗi hồ sơ cần mã riêng. '
            f'/ File code "{code}" duplicates {first.path} row {first.row}; this row is skipped. Each file needs its own code.',
            _location(row, "file_code"),
        )
        return None
    seen.file_codes[code] = _location(row)
    tier = _tier(row, default_tier, report)
    if tier is Tier.SECRET:
        seen.secret_files.add(code)
        catalog.withheld_secret.append(code)
        return None
    title = _required(row, "title", "Tiêu đề hồ sơ", report) or code
    return ArchivalFile(
        file_code=code,
        package_id=package.id,
        title=title,
        tier=tier,
        location=_location(row),
        fonds_code=row.text("fonds_code") or package.fonds_code,
        fonds_name=row.text("fonds_name") or package.fonds_name,
        inventory=row.text("inventory"),
        box=row.text("box"),
        file_number=row.text("file_number"),
        retention=retention_label(row.get("retention")),
        language=row.text("language"),
        start_date=_parsed(row, "start_date", parse_date, report),
        end_date=_parsed(row, "end_date", parse_date, report),
        item_count=_parsed(row, "item_count", parse_count, report),
        sheets=_parsed(row, "sheets", parse_count, report),
        pages=_parsed(row, "pages", parse_count, report),
        condition=condition_label(row.get("condition")),
        info_code=row.text("info_code"),
        keywords=split_keywords(row.get("keywords")),
        notes=row.text("notes"),
        extra=_extra(row),
    )


def _document(row, raw, files, default_tier, seen, catalog, report) -> Document | None:
    doc_id = _required(row, "doc_id", "Mã định danh văn bản", report)
    if not doc_id or not _unique_doc_id(doc_id, row, seen, report):
        return None
    file_code = row.text("file_code")
    own_tier = _tier(row, default_tier, report, doc_id)
    if own_tier is Tier.SECRET or file_code in seen.secret_files:
        catalog.withheld_secret.append(doc_id)
        if file_code in files:
            files[file_code].has_secret_documents = True  # its shared PDF must stay unpublished
        return None
    if not _required(row, "file_code", "Mã hồ sơ", report, doc_id):
        return None
    archival_file = files.get(file_code)
    if archival_file is None:
        report.add(
            "unknown-file",
            f'Văn bản thuộc hồ sơ "{file_code}" nhưng không có hồ sơ này trong bảng hồ sơ; văn bản bị bỏ qua. '
            f'Thêm hồ sơ vào bảng hồ sơ hoặc sửa mã. / The document belongs to file "{file_code}", which no file sheet '
            f"lists; the document is skipped. Add the file to the file sheet or correct the code.",
            _location(row, "file_code"),
            doc_id=doc_id,
        )
        return None
    document = _document_fields(row, raw.package, doc_id, archival_file, own_tier, report)
    resolve_pdf(document, row, raw, archival_file, report)
    return document


def _unique_doc_id(doc_id: str, row: SheetRow, seen: _Seen, report: Report) -> bool:
    if doc_id in seen.doc_ids:
        first = seen.doc_ids[doc_id]
        report.add(
            "duplicate-id",
            f'Mã định danh "{doc_id}" trùng với {first.path} dòng {first.row}; bỏ qua dòng này. '
            f'Mã định danh phải là duy nhất (nó là đường dẫn cố định của văn bản). '
            f'/ Document id "{doc_id}" duplicates {first.path} row {first.row}; this row is skipped. '
            f"Ids must be unique (they are the document's permalink).",
            _location(row, "doc_id"),
            doc_id=doc_id,
        )
        return False
    seen.doc_ids[doc_id] = _location(row)
    return True


def _document_fields(row, package: Package, doc_id, archival_file, own_tier: Tier, report) -> Document:
    summary = _required(row, "summary", "Trích yếu nội dung", report, doc_id)
    number = row.text("number") or join_document_number(row.text("number_no"), row.text("number_symbol"))
    return Document(
        doc_id=doc_id,
        file_code=archival_file.file_code,
        package_id=package.id,
        summary=summary,
        tier=stricter(own_tier, archival_file.tier),
        location=_location(row),
        ordinal=_parsed(row, "ordinal", parse_count, report, doc_id),
        number=number,
        date=_parsed(row, "date", parse_date, report, doc_id),
        doc_type=row.text("doc_type"),
        issuer=row.text("issuer"),
        signer=row.text("signer"),
        language=row.text("language"),
        declared_pages=_parsed(row, "pages", parse_count, report, doc_id),
        reliability=reliability_label(row.get("reliability")),
        autograph=row.text("autograph"),
        condition=condition_label(row.get("condition")),
        info_code=row.text("info_code"),
        keywords=split_keywords(row.get("keywords")),
        notes=row.text("notes"),
        extra=_extra(row),
    )


def _extra(row: SheetRow) -> tuple[Field, ...]:
    return tuple(Field(None, c.header, cell_text(c.value)) for c in row.extra if cell_text(c.value))


def _group_by_fonds(files, packages: dict[str, Package]) -> list[Fonds]:
    by_code: dict[str, Fonds] = {}
    for archival_file in files:
        code = archival_file.fonds_code
        fonds = by_code.get(code)
        if fonds is None:
            package = packages.get(archival_file.package_id)
            name = archival_file.fonds_name or (package.fonds_name if package else "") or code
            fonds = by_code[code] = Fonds(code=code, name=name)
        fonds.files.append(archival_file)
    for fonds in by_code.values():
        fonds.files.sort(key=lambda f: f.file_code)
    return sorted(by_code.values(), key=lambda f: f.code)
