"""Turn the rows of every package into the catalog model, checking each as it goes.

Every row becomes an archival file or a document, or a problem with its exact sheet,
row and column; one bad row never stops the others. Secret rows are dropped here,
before any later stage can see them, and only their identifiers are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalog.access.tiers import Tier, stricter
from catalog.language.vietnamese import canonical_number
from catalog.model import ArchivalFile, Catalog, Document, Field, Location, Package, group_by_fonds
from catalog.read.packages import RawPackage
from catalog.read.page_ranges import join_page_range, parse_page_number, parse_page_range
from catalog.read.pdf_paths import resolve_pdf, scans_of_row
from catalog.read.sheets import SheetRow
from catalog.read.values import (
    ValueProblem,
    cell_text,
    condition_label,
    join_document_number,
    parse_count,
    parse_date,
    parse_secrecy,
    parse_tier,
    reliability_label,
    retention_label,
    split_keywords,
)
from catalog.report import WARNING, Report


def code_key(code: str) -> str:
    """File codes are compared as the input contract compares codes: NFC, upper case, one
    kind of dash, no spaces (``hs01`` is ``HS01``), so a case variant never escapes its file."""
    return canonical_number(code)


@dataclass
class _Seen:
    """Identifiers already taken, across all packages, with where they were first seen."""

    files: dict[str, ArchivalFile] = field(default_factory=dict)  # code_key → file
    file_codes: dict[str, Location] = field(default_factory=dict)  # code_key → first row
    file_tiers: dict[str, Tier] = field(default_factory=dict)  # code_key → strictest tier of its rows
    doc_ids: dict[str, Location] = field(default_factory=dict)
    secret_files: set[str] = field(default_factory=set)  # code_key


def assemble(raw_packages: list[RawPackage], default_tier: Tier, report: Report) -> Catalog:
    """The whole catalog (all non-secret tiers); ``editions.for_edition`` narrows it.

    Every row's tier is decided from its cells first, before any other check can skip the
    row, and every row claims the scans it shows (``catalog.scans``) at that tier.
    """
    catalog = Catalog(packages=[raw.package for raw in raw_packages])
    seen = _Seen()
    for raw in raw_packages:
        for row in _rows(raw, "file"):
            _archival_file(row, raw, default_tier, seen, catalog, report)
    for key, archival_file in seen.files.items():
        archival_file.tier = seen.file_tiers[key]
    by_id = {raw.package.id: raw for raw in raw_packages}
    for raw in raw_packages:
        for row in _rows(raw, "document"):
            document = _document(row, raw, by_id, default_tier, seen, catalog, report)
            if document:
                seen.files[code_key(document.file_code)].documents.append(document)
        _withhold_scans_of_unread_rows(raw, catalog)
    for archival_file in seen.files.values():
        archival_file.documents.sort(key=lambda d: (d.ordinal is None, d.ordinal or 0, d.doc_id))
    catalog.fonds = group_by_fonds(seen.files.values(), catalog.packages)
    return catalog


def _rows(raw: RawPackage, kind: str) -> tuple[SheetRow, ...]:
    sheet = raw.sheets.get(kind)
    return sheet.rows if sheet else ()


def _withhold_scans_of_unread_rows(raw: RawPackage, catalog: Catalog) -> None:
    """Rows left unread (a sheet cut short) may name any scan of the package as secret."""
    if any(not sheet.complete for sheet in raw.sheets.values()):
        for path in raw.pdfs.values():
            catalog.scans.claim(path, Tier.SECRET)


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


def _quietly(parser, value):
    try:
        return parser(value)
    except ValueProblem:
        return None


def row_tier(row: SheetRow, default_tier: Tier) -> Tier:
    """The tier a row's own cells give, reporting nothing (the row may be secret).

    Fail safe: an access word that cannot be read counts as restricted, a secrecy mark
    that cannot be read as secret.
    """
    if "secrecy" in row.cells:
        try:
            if parse_secrecy(row.get("secrecy")):
                return Tier.SECRET
        except ValueProblem:
            return Tier.SECRET
    try:
        access = parse_tier(row.get("access"))
    except ValueProblem:
        access = Tier.RESTRICTED  # unknown word: never publish it as public by mistake
    return access if access is not None else default_tier


def _report_access_cells(row: SheetRow, report: Report, doc_id: str | None = None) -> None:
    """For a row known not to be secret: say which access cell could not be read."""
    _parsed(row, "access", parse_tier, report, doc_id)


def _withhold_secret(row: SheetRow, catalog: Catalog) -> None:
    """Counted by where it is listed: its identifier may itself say what it is about."""
    catalog.withheld_secret.append(Location(row.path, row.sheet, row.row).where())


def _archival_file(row: SheetRow, raw: RawPackage, default_tier: Tier, seen: _Seen, catalog, report) -> None:
    code = row.text("file_code")
    tier = row_tier(row, default_tier)
    key = code_key(code)
    for path in scans_of_row(row, raw, code, None):
        catalog.scans.claim(path, tier)  # the whole file's scan shows the file
    if key:  # every row of a code counts, duplicates and damaged rows too: the strictest holds
        seen.file_tiers[key] = stricter(tier, seen.file_tiers.get(key))
    if tier is Tier.SECRET:
        if key and key not in seen.secret_files:
            seen.secret_files.add(key)
            _withhold_secret(row, catalog)
        seen.files.pop(key, None)  # a second row marking the file secret takes it back
        return
    if not _required(row, "file_code", "Mã hồ sơ", report):
        return
    if key in seen.file_codes:
        _report_duplicate_file(row, code, seen.file_codes[key], report)
        return
    seen.file_codes[key] = _location(row)
    if key in seen.secret_files or row.damaged:
        return  # a damaged row is reported by the sheet reader; it only claims scans
    _report_access_cells(row, report)
    seen.files[key] = _file_fields(row, raw.package, code, tier, report)


def _report_duplicate_file(row: SheetRow, code: str, first: Location, report: Report) -> None:
    report.add(
        "duplicate-id",
        f'Mã hồ sơ "{code}" trùng với {first.path} dòng {first.row}; bỏ qua dòng này. Mỗi hồ sơ cần mã riêng '
        f'(mã chỉ khác chữ hoa/thường cũng là trùng). / File code "{code}" duplicates {first.path} row {first.row}; '
        f"this row is skipped. Each file needs its own code (codes differing only by case are the same).",
        _location(row, "file_code"),
    )


def _file_fields(row: SheetRow, package: Package, code: str, tier: Tier, report: Report) -> ArchivalFile:
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


def _document(row, raw, packages_by_id, default_tier, seen: _Seen, catalog, report) -> Document | None:
    doc_id, file_code = row.text("doc_id"), row.text("file_code")
    key = code_key(file_code)
    archival_file = seen.files.get(key)
    tier = stricter(row_tier(row, default_tier), seen.file_tiers.get(key))
    _claim_document_scans(row, raw, packages_by_id, archival_file, tier, catalog)
    if tier is Tier.SECRET:
        _withhold_secret(row, catalog)
        if archival_file is not None:
            archival_file.complete = False
        return None
    if row.damaged:
        return None  # reported by the sheet reader; its scans are claimed above
    if not _required(row, "doc_id", "Mã định danh văn bản", report) or not _unique_doc_id(doc_id, row, seen, report):
        return None
    if not _required(row, "file_code", "Mã hồ sơ", report, doc_id):
        return None
    if archival_file is None:
        _report_unknown_file(row, file_code, doc_id, report)
        return None
    _report_access_cells(row, report, doc_id)
    if file_code != archival_file.file_code:
        _report_code_variant(row, file_code, archival_file.file_code, doc_id, report)
    document = _document_fields(row, raw.package, doc_id, archival_file, tier, report)
    resolve_pdf(document, row, raw, archival_file, report)
    return document


def _claim_document_scans(row, raw, packages_by_id, archival_file, tier: Tier, catalog: Catalog) -> None:
    """The row shows in its own scan, in any scan its ``Tệp tin`` names, and in its file's
    whole scan, wherever that file was delivered."""
    code = archival_file.file_code if archival_file else row.text("file_code")
    ordinal = _quietly(parse_count, row.get("ordinal"))
    paths = scans_of_row(row, raw, code, ordinal)
    file_raw = packages_by_id.get(archival_file.package_id) if archival_file else None
    if file_raw is not None and file_raw is not raw:
        paths += scans_of_row(row, file_raw, code, None)
    for path in paths:
        catalog.scans.claim(path, tier)


def _report_unknown_file(row: SheetRow, file_code: str, doc_id: str, report: Report) -> None:
    report.add(
        "unknown-file",
        f'Văn bản thuộc hồ sơ "{file_code}" nhưng không có hồ sơ này trong bảng hồ sơ; văn bản bị bỏ qua. '
        f'Thêm hồ sơ vào bảng hồ sơ hoặc sửa mã. / The document belongs to file "{file_code}", which no file sheet '
        f"lists; the document is skipped. Add the file to the file sheet or correct the code.",
        _location(row, "file_code"),
        doc_id=doc_id,
    )


def _report_code_variant(row: SheetRow, written: str, code: str, doc_id: str, report: Report) -> None:
    report.add(
        "file-code-variant",
        f'Mã hồ sơ "{written}" được viết khác với hồ sơ "{code}" (chữ hoa/thường, dấu gạch hoặc khoảng trắng); '
        f'văn bản được xếp vào hồ sơ "{code}". Sửa lại cho thống nhất. / File code "{written}" is written differently '
        f'from file "{code}" (case, dashes or spaces); the document is placed in file "{code}". Make them the same.',
        _location(row, "file_code"),
        doc_id=doc_id,
        severity=WARNING,
    )


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
    declared_pages = _parsed(row, "pages", parse_count, report, doc_id)
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
        declared_pages=declared_pages,
        page_range=_page_range(row, declared_pages, report, doc_id),
        page_range_column=_page_range_column(row),
        reliability=reliability_label(row.get("reliability")),
        autograph=row.text("autograph"),
        condition=condition_label(row.get("condition")),
        info_code=row.text("info_code"),
        keywords=split_keywords(row.get("keywords")),
        notes=row.text("notes"),
        extra=_extra(row),
    )


def _page_range(row: SheetRow, declared_pages: int | None, report: Report, doc_id: str) -> tuple[int, int] | None:
    """The document's pages in its file's whole scan: one range cell, or a first and a last page cell."""
    if row.text("page_range"):
        return _parsed(row, "page_range", parse_page_range, report, doc_id)
    first = _parsed(row, "page_from", parse_page_number, report, doc_id)
    last = _parsed(row, "page_to", parse_page_number, report, doc_id)
    if (row.text("page_from") and first is None) or (row.text("page_to") and last is None):
        return None  # a cell that could not be read is reported already
    labels = (_header(row, "page_from", "Từ trang"), _header(row, "page_to", "Đến trang"))
    try:
        return join_page_range(first, last, declared_pages, *labels)
    except ValueProblem as exc:
        report.add("bad-value", str(exc), _location(row, "page_to" if first is not None else "page_from"), doc_id=doc_id)
        return None


def _page_range_column(row: SheetRow) -> str:
    """The header(s) the range was read from, as written in the sheet."""
    if row.text("page_range") or not (row.text("page_from") or row.text("page_to")):
        return _header(row, "page_range", "")
    return " / ".join(row.cells[key].header for key in ("page_from", "page_to") if key in row.cells)


def _extra(row: SheetRow) -> tuple[Field, ...]:
    return tuple(Field(None, c.header, cell_text(c.value)) for c in row.extra if cell_text(c.value))
