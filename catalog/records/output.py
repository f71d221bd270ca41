"""Write a handover record: a printable HTML page (A4), a CSV that Excel opens, an XLSX.

The three say the same: the CSV and the XLSX hold the same rows (``record_rows``), the
HTML page lays them out the way Vietnamese offices print a record (national motto,
agency, title, place and date, the parties, the body, two signature blocks). Vietnamese
comes first everywhere; English follows, in smaller type on the page.

The record goes to its own folder, by default ``build/handover/<package id>/``: never
inside the project (inputs are never written) nor inside a built site (the record is
for the archive's files, not for readers).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from markupsafe import Markup
from openpyxl.styles import Alignment, Font

from catalog import atomic
from catalog.model import DateValue, slug_for
from catalog.output_paths import SITE_MARKER
from catalog.records import RecordError
from catalog.records.html import environment, pair_markup, severity_words
from catalog.records.handover import (
    MANIFEST_MATCH,
    MANIFEST_MISMATCH,
    MANIFEST_UNLISTED,
    HandoverRecord,
    ScanEntry,
)

DEFAULT_FOLDER = Path("build/handover")
FILE_STEM = "bien-ban-giao-nhan"

# (Vietnamese, English) of every label, shared by the page and the sheets.
LABELS = {
    "title": ("BIÊN BẢN GIAO NHẬN TÀI LIỆU LƯU TRỮ SỐ", "Handover record of digital archival records"),
    "package_id": ("Mã gói", "Package id"),
    "package_title": ("Tên gói", "Package title"),
    "agency": ("Cơ quan, tổ chức giao nộp", "Agency"),
    "fonds": ("Phông lưu trữ", "Fonds"),
    "description": ("Mô tả", "Description"),
    "form": ("Hình thức gói", "Package form"),
    "date_span": ("Thời gian của tài liệu", "Date range of the records"),
    "handover_date": ("Ngày giao nhận", "Handover date"),
    "handed_over_by": ("Bên giao", "Handed over by"),
    "received_by": ("Bên nhận", "Received by"),
    "made_on": ("Ngày lập biên bản", "Record made on"),
    "files": ("Số hồ sơ", "Archival files"),
    "documents": ("Số tài liệu", "Documents"),
    "pages": ("Số trang (theo tệp PDF)", "Pages (of the PDFs)"),
    "scans": ("Số tệp quét (PDF)", "Scans (PDF files)"),
    "size": ("Tổng dung lượng (byte)", "Total size (bytes)"),
    "number": ("STT", "No."),
    "scan_file": ("Tệp", "File"),
    "scan_pages": ("Số trang", "Pages"),
    "scan_size": ("Dung lượng (byte)", "Size (bytes)"),
    "sha256": ("Mã băm SHA-256", "SHA-256"),
    "manifest": ("Đối chiếu manifest", "Manifest"),
    "secret_rows": ("Dòng mật của bảng kê", "Secret rows of the sheets"),
    "severity": ("Mức", "Severity"),
    "code": ("Mã lỗi", "Code"),
    "problem_file": ("Tệp", "File"),
    "sheet": ("Sheet", "Sheet"),
    "row": ("Dòng", "Row"),
    "column": ("Cột", "Column"),
    "where": ("Vị trí", "Where"),
    "message": ("Nội dung", "Message"),
}
MANIFEST_WORDS = {
    MANIFEST_MATCH: ("khớp", "match"),
    MANIFEST_MISMATCH: ("KHÔNG KHỚP", "MISMATCH"),
    MANIFEST_UNLISTED: ("không có", "not listed"),
}
UNNAMED = ("Tệp không nêu tên", "File not named")
LISTED_AT = ("dòng liệt kê", "listed at")
NO_ROW = ("không dòng nào của bảng kê nêu tệp này", "named by no row of the sheets")
FORMS = {True: ("Túi BagIt (RFC 8493)", "BagIt bag (RFC 8493)"), False: ("Thư mục có package.toml", "Folder with package.toml")}
OF_WHICH = ("trong đó", "of which")
TIER_WORDS = {"public": ("công khai", "public"), "restricted": ("hạn chế", "restricted"), "secret": ("mật", "secret")}


@dataclass(frozen=True)
class RecordFiles:
    html: Path
    csv: Path
    xlsx: Path

    def __iter__(self):
        return iter((self.html, self.csv, self.xlsx))


def both(pair: tuple[str, str]) -> str:
    """ "Vietnamese / English", as the sheets and messages write a pair."""
    return f"{pair[0]} / {pair[1]}"


def label(key: str) -> str:
    return both(LABELS[key])


def record_folder(out: Path | None, package_id: str, content_root: Path) -> Path:
    """Where the record of ``package_id`` goes; refused inside the project or a built site."""
    folder = (Path(out) if out else DEFAULT_FOLDER / slug_for(package_id)).resolve()
    content_root = Path(content_root).resolve()
    if folder.is_relative_to(content_root):
        raise RecordError(
            f"Thư mục ghi biên bản {folder} nằm trong thư mục dự án {content_root}; dữ liệu gốc không bao giờ bị ghi. "
            f"Chọn --out ở nơi khác, ví dụ build/handover. / The record folder {folder} is inside the project folder "
            f"{content_root}; inputs are never written. Choose another --out, e.g. build/handover."
        )
    site = next((above for above in (folder, *folder.parents) if (above / SITE_MARKER).is_file()), None)
    if site is not None:
        raise RecordError(
            f"Thư mục ghi biên bản {folder} nằm trong trang đã dựng {site}; biên bản là hồ sơ của cơ quan, không công bố "
            f"cho bạn đọc. Chọn --out ở nơi khác, ví dụ build/handover. / The record folder {folder} is inside the built "
            f"site {site}; the record is for the archive's files, not for readers. Choose another --out, e.g. build/handover."
        )
    return folder


def write_record(record: HandoverRecord, folder: Path) -> RecordFiles:
    """The record as HTML, CSV and XLSX in ``folder`` (created); returns the three paths."""
    folder.mkdir(parents=True, exist_ok=True)
    files = RecordFiles(*(folder / f"{FILE_STEM}.{suffix}" for suffix in ("html", "csv", "xlsx")))
    rows = record_rows(record)
    atomic.write_text(files.html, render_html(record))
    atomic.write_text(files.csv, csv_text(rows))
    write_xlsx(rows, files.xlsx)
    return files


def record_rows(record: HandoverRecord) -> list[list]:
    """The record as one table: its fields, then the scans, the secret rows and the problems."""
    rows: list[list] = [[label("title")], *_field_rows(record), []]
    rows.append([label(k) for k in ("number", "scan_file", "scan_pages", "scan_size", "sha256", "manifest")])
    rows += [[s.number, _scan_name(s), _blank(s.pages), s.size, s.sha256, _manifest_text(s)] for s in record.scans]
    rows += [[], [label("number"), label("secret_rows")]]
    rows += [[number, where] for number, where in enumerate(record.secret_rows, 1)]
    rows += [[], [label(k) for k in ("number", "severity", "code", "problem_file", "sheet", "row", "column", "message")]]
    rows += [[number, both(severity_words(p.severity)), p.code, p.path, p.sheet or "", _blank(p.row), p.column or "",
              p.message] for number, p in enumerate(record.problems, 1)]
    return rows


def _field_rows(record: HandoverRecord) -> list[list]:
    return [
        [label("package_id"), record.package_id],
        [label("package_title"), record.title],
        [label("agency"), record.agency],
        [label("fonds"), fonds_text(record)],
        [label("description"), record.description],
        [label("form"), both(FORMS[record.is_bag])],
        [label("date_span"), span_text(record.date_span)],
        [label("handover_date"), record.handover_date.text if record.handover_date else ""],
        [label("handed_over_by"), record.handed_over_by],
        [label("received_by"), record.received_by],
        [label("made_on"), record.made_on.strftime("%d/%m/%Y")],
        [label("files"), record.files.total, tiers_text(record.files)],
        [label("documents"), record.documents.total, tiers_text(record.documents)],
        [label("pages"), record.pages],
        [label("scans"), len(record.scans), withheld_text(record)],
        [label("size"), record.size],
    ]


def _blank(value) -> object:
    return "" if value is None else value


def _scan_name(scan: ScanEntry) -> str:
    if not scan.withheld:
        return scan.name
    row = f"{both(LISTED_AT)}: {scan.listed_at}" if scan.listed_at else both(NO_ROW)
    return f"{both(UNNAMED)}; {row}"


def _manifest_text(scan: ScanEntry) -> str:
    words = MANIFEST_WORDS.get(scan.manifest)
    return both(words) if words else ""


def fonds_text(record: HandoverRecord) -> str:
    return " — ".join(part for part in (record.fonds_code, record.fonds_name) if part)


def span_text(span: tuple[DateValue, DateValue] | None) -> str:
    if span is None:
        return ""
    first, last = span
    return first.text if first == last else f"{first.text} – {last.text}"


def tiers_text(counts) -> str:
    """ "trong đó: công khai 3, hạn chế 1, mật 1 / of which: public 3, restricted 1, secret 1"."""
    parts = [(TIER_WORDS[tier], getattr(counts, tier)) for tier in TIER_WORDS]
    vi = ", ".join(f"{words[0]} {n}" for words, n in parts)
    en = ", ".join(f"{words[1]} {n}" for words, n in parts)
    return f"{OF_WHICH[0]}: {vi} / {OF_WHICH[1]}: {en}"


def withheld_text(record: HandoverRecord) -> str:
    count = record.withheld_scans
    return f"{OF_WHICH[0]} {count} không nêu tên / {OF_WHICH[1]} {count} not named"


def csv_text(rows: list[list]) -> str:
    """CSV with a byte-order mark: without it Excel reads UTF-8 as the Windows code page."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return "\ufeff" + buffer.getvalue()


def write_xlsx(rows: list[list], path: Path) -> None:
    """The same rows in one sheet; the title and each table's heading row in bold."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Biên bản giao nhận"
    after_blank = True  # the title, and each table's heading: the rows that follow a blank one
    for row in rows:
        sheet.append(row)
        if row and after_blank:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        after_blank = not row
    for letter, width in zip("ABCDEFGH", (34, 60, 14, 18, 66, 22, 16, 80)):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)


def render_html(record: HandoverRecord) -> str:
    env = environment()
    env.globals.update(label=_label_markup, date_line=date_line, fonds_text=fonds_text, span_text=span_text,
                       manifest_words=MANIFEST_WORDS, tier_words=TIER_WORDS, forms=FORMS, unnamed=UNNAMED,
                       listed_at=LISTED_AT, no_row=NO_ROW)
    return env.get_template("handover.html").render(record=record)


def _label_markup(key: str) -> Markup:
    return pair_markup(LABELS[key])


def date_line(date: DateValue | None) -> Markup:
    """ "ngày 05 tháng 02 năm 2024", written as Decree 30/2020 asks (a 0 before days under 10 and
    months 1 and 2); the parts a date lacks are left dotted, to be filled in by hand."""
    dots = Markup('<span class="fill short"></span>')
    if date is None:
        return Markup("ngày {0} tháng {0} năm {0}").format(dots)
    day, month = date.start.day, date.start.month
    day_text = f"{day:02d}" if date.precision == "day" else dots
    month_text = (f"{month:02d}" if month < 3 else str(month)) if date.precision in ("day", "month") else dots
    return Markup("ngày {} tháng {} năm {}").format(day_text, month_text, date.start.year)
