"""Generate the sample catalog project in ``content/`` (reproducibly).

    .venv/bin/python scripts/make_sample.py [--content DIR]

Writes ``content/catalog.toml``, ``content/README.md``, ``content/pages/gioi-thieu.md``,
``content/pages/huong-dan-tra-cuu.md`` and the three packages under
``content/packages/`` (that folder is deleted and rewritten; nothing else in
``content/`` is touched). The document texts and inventory rows live in
``scripts/sample_documents.py``; the PDFs are made with ``scripts/pdfgen.py``.

Running it twice yields byte-identical files: PDFs are deterministic (pdfgen), the
XLSX workbook gets fixed document properties and fixed ZIP entry times, and nothing
depends on the clock, the locale or dictionary order.

Every organization, person and local document in the sample is FICTIONAL (the
province of Sơn Hà does not exist). Real national documents (Official Dispatch
64-CV/TW, Decree 30/2020/NĐ-CP, Circular 05/2025/TT-BNV, Guidance 36-HD/VPTW) are
only cited; where the sample holds a "copy" of one, its text is an invented summary,
not the real document.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import io
import shutil
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pdfgen  # noqa: E402
import sample_documents as S  # noqa: E402

ROOT = HERE.parent
FIXED_TIME = datetime.datetime(2025, 6, 30, 8, 0, 0)  # XLSX properties and ZIP entries

FILE_HEADERS = [
    "Mã hồ sơ", "Mã phông", "Tên phông", "Mục lục số", "Hộp số", "Số và ký hiệu hồ sơ",
    "Tiêu đề hồ sơ", "Thời hạn bảo quản", "Chế độ sử dụng", "Ngôn ngữ",
    "Thời gian bắt đầu", "Thời gian kết thúc", "Tổng số tài liệu", "Số lượng tờ",
    "Tình trạng vật lý", "Từ khóa", "Ghi chú",
]
DOC_HEADERS = [
    "Mã định danh văn bản", "Mã hồ sơ", "Số thứ tự văn bản trong hồ sơ", "Số và ký hiệu",
    "Ngày, tháng, năm văn bản", "Tên loại văn bản", "Tên cơ quan, tổ chức ban hành",
    "Trích yếu nội dung", "Người ký", "Ngôn ngữ", "Số lượng trang", "Chế độ sử dụng",
    "Độ mật", "Mức độ tin cậy", "Ghi chú", "Người nhập liệu",
]
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


# --------------------------------------------------------------------------- helpers

def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def csv_text(rows: list[list], delimiter: str = ",") -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
    return buf.getvalue()


def windows_1258_form(text: str) -> str:
    """Text as Windows-1258 holds it: â ô ơ ư đ ă ê precomposed, tone marks as
    combining characters after the letter (cp1258 has no precomposed toned vowels)."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out)


def file_row(f: S.ArchivalFile, docs: list[S.Doc]) -> list:
    return [
        f.file_code, f.fonds_code, f.fonds_name, f.inventory, f.box, f.file_number, f.title,
        f.retention, f.access, f.language, f.start, f.end, len(docs), f.sheets, f.condition,
        f.keywords, f.notes,
    ]


def doc_row(d: S.Doc) -> list:
    return [
        d.doc_id, d.file_code, d.ordinal, d.number, d.date, d.doc_type, d.issuer, d.summary,
        d.signer, d.language, d.declared_pages, d.access, d.secrecy, d.reliability, d.notes,
        d.entered_by,
    ]


def write_pdf(path: Path, doc: S.Doc) -> None:
    meta = dict(title=f"{doc.doc_type} {doc.number}".strip(), author=doc.issuer)
    if doc.kind == "scan":
        pdfgen.write_scanned_pdf(path, doc.pages, seed=doc.seed)
    elif doc.kind == "legacy":
        pdfgen.write_legacy_tcvn3_pdf(path, doc.pages, **meta)
    else:
        pdfgen.write_text_pdf(path, doc.pages, **meta)


def deterministic_xlsx(workbook, path: Path) -> None:
    """Save an openpyxl workbook with fixed properties and fixed ZIP entry times."""
    workbook.properties.creator = "Chi cục Văn thư - Lưu trữ tỉnh Sơn Hà"
    workbook.properties.lastModifiedBy = "Chi cục Văn thư - Lưu trữ tỉnh Sơn Hà"
    workbook.properties.created = FIXED_TIME
    raw = io.BytesIO()
    workbook.save(raw)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with now()
                start = data.index(b"<dcterms:modified")
                end = data.index(b"</dcterms:modified>")
                head = data[start:end]
                data = data[:start] + head[: head.index(b">") + 1] + stamp + data[end:]
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def docs_of(f: S.ArchivalFile, docs: list[S.Doc]) -> list[S.Doc]:
    return [d for d in docs if d.file_code == f.file_code]


def package_toml(meta: dict[str, str]) -> str:
    lines = []
    for key in ("id", "title", "fonds_code", "fonds_name", "agency", "handover_date",
                "handed_over_by", "received_by", "description"):
        value = meta[key].replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'{key} = "{value}"')
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- packages

def make_vptu(root: Path) -> None:
    """Package 1: plain folder, package.toml, two UTF-8-with-BOM CSV sheets, text PDFs
    under data/<Mã hồ sơ>/<Mã hồ sơ>.<số thứ tự>.pdf."""
    pkg = root / "VPTU-2025-01"
    write_text(pkg / "package.toml", package_toml(S.VPTU_PACKAGE))
    files, docs = S.VPTU_FILES, S.vptu_documents()
    rows = [FILE_HEADERS] + [file_row(f, docs_of(f, docs)) for f in files]
    (pkg / "ho_so.csv").write_bytes(csv_text(rows).encode("utf-8-sig"))
    rows = [DOC_HEADERS] + [doc_row(d) for d in docs]
    (pkg / "tai_lieu.csv").write_bytes(csv_text(rows).encode("utf-8-sig"))
    for d in docs:
        write_pdf(pkg / "data" / d.file_code / f"{d.file_code}.{d.ordinal}.pdf", d)


UBND_FILE_HEADERS = [
    "STT", "Mã hồ sơ", "Mã phông", "Tên phông", "Mục lục số", "Hộp số", "Hồ sơ số",
    "Tiêu đề hồ sơ", "Thời hạn bảo quản", "Chế độ sử dụng", "Ngôn ngữ",
    "Ngày bắt đầu", "Ngày kết thúc", "Tổng số văn bản", "Số tờ", "Tình trạng vật lý",
    "Từ khóa", "Chú giải",
]
UBND_DOC_HEADERS = [
    "Mã định danh", "Mã hồ sơ", "Số TT", "Số của văn bản", "Ký hiệu của văn bản",
    "Ngày tháng năm", "Loại văn bản", "Cơ quan ban hành", "Trích yếu nội dung", "Tác giả",
    "Ngôn ngữ", "Số trang", "Tờ số", "Chế độ sử dụng", "Mức độ tin cậy", "Bút tích", "Tệp tin",
    "Ghi chú",
]


def _sheet_ranges(files, docs) -> dict[str, str]:
    """doc_id → "first-last": where each document of a whole-file scan lies in it (the
    "Tờ số" an archivist writes in the inventory)."""
    ranges = {}
    for f in files:
        if f.whole_pdf:
            first = 1
            for d in docs_of(f, docs):
                ranges[d.doc_id] = f"{first}-{first + len(d.pages) - 1}"
                first += len(d.pages)
    return ranges


def _xl_date(text: str):
    if not text:
        return None
    day, month, year = (int(p) for p in text.split("/"))
    return datetime.datetime(year, month, day)


def _xl_code(text: str):
    return int(text) if text.isdigit() else (text or None)


def make_ubnd(root: Path) -> None:
    """Package 2: one workbook with sheets "Hồ sơ" and "Tài liệu" (title rows, header
    variants, Excel dates, numeric codes, a "Tệp tin" column), flat data/ folder, scans,
    and one archival file delivered as a single whole-file PDF."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    pkg = root / "UBND-2024-03"
    write_text(pkg / "package.toml", package_toml(S.UBND_PACKAGE))
    files, docs = S.UBND_FILES, S.ubnd_documents()

    wb = Workbook()
    ws = wb.active
    ws.title = "Hồ sơ"
    ncol = len(UBND_FILE_HEADERS)
    ws.cell(1, 1, "MỤC LỤC HỒ SƠ, TÀI LIỆU LƯU TRỮ")
    ws.cell(2, 1, "Phông: Ủy ban nhân dân tỉnh Sơn Hà - Gói giao nộp UBND-2024-03")
    for r in (1, 2):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
    ws.cell(1, 1).font = Font(bold=True, size=14)
    for c, h in enumerate(UBND_FILE_HEADERS, 1):
        ws.cell(4, c, h).font = Font(bold=True)
        ws.cell(5, c, f"({c})").alignment = Alignment(horizontal="center")
    for i, f in enumerate(files, 1):
        n = len(docs_of(f, docs))
        values = [i, f.file_code, f.fonds_code, f.fonds_name, _xl_code(f.inventory),
                  _xl_code(f.box), _xl_code(f.file_number), f.title, _xl_code(f.retention),
                  _xl_code(f.access), f.language, _xl_date(f.start), _xl_date(f.end), n,
                  _xl_code(f.sheets), _xl_code(f.condition), f.keywords, f.notes or None]
        for c, v in enumerate(values, 1):
            cell = ws.cell(5 + i, c, v)
            if isinstance(v, datetime.datetime):
                cell.number_format = "dd/mm/yyyy"

    ws = wb.create_sheet("Tài liệu")
    ncol = len(UBND_DOC_HEADERS)
    ws.cell(1, 1, "MỤC LỤC VĂN BẢN, TÀI LIỆU TRONG HỒ SƠ")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    for c, h in enumerate(UBND_DOC_HEADERS, 1):
        ws.cell(3, c, h).font = Font(bold=True)
    sheet_ranges = _sheet_ranges(files, docs)
    for i, d in enumerate(docs, 1):
        no, _, symbol = d.number.partition("/")
        if d.number.count("/") == 2:  # 30/2020/NĐ-CP style: number holds the year too
            no, symbol = d.number.rsplit("/", 1)
        values = [d.doc_id, d.file_code, d.ordinal, _xl_code(no), symbol or None,
                  _xl_date(d.date), d.doc_type, d.issuer, d.summary, d.signer, d.language,
                  d.declared_pages, sheet_ranges.get(d.doc_id), _xl_code(d.access), _xl_code(d.reliability),
                  d.autograph or None, d.file or None, d.notes or None]
        for c, v in enumerate(values, 1):
            cell = ws.cell(3 + i, c, v)
            if isinstance(v, datetime.datetime):
                cell.number_format = "dd/mm/yyyy"
    for sheet in wb.worksheets:
        sheet.column_dimensions["H"].width = 60
    deterministic_xlsx(wb, pkg / "ho_so_tai_lieu.xlsx")

    for f in files:
        fdocs = docs_of(f, docs)
        if f.whole_pdf:
            pages = [p for d in fdocs for p in d.pages]
            pdfgen.write_text_pdf(pkg / "data" / f"{f.file_code}.pdf", pages,
                                  title=f.title, author="Ủy ban nhân dân tỉnh Sơn Hà")
            continue
        for d in fdocs:
            # "Tệp tin" as typed (a Windows path may use backslashes)
            target = pkg / (d.file.replace("\\", "/") or f"data/{d.file_code}.{d.ordinal}.pdf")
            write_pdf(target, d)


def make_snv(root: Path) -> None:
    """Package 3: a BagIt bag; UTF-16 TAB ho_so.csv and Windows-1258 tai_lieu.csv
    under data/, PDFs under data/pdf/, manifest of every payload file."""
    bag = root / "SNV-2023-bag"
    files, docs = S.SNV_FILES, S.snv_documents()
    data = bag / "data"
    rows = [FILE_HEADERS] + [file_row(f, docs_of(f, docs)) for f in files]
    data.mkdir(parents=True, exist_ok=True)
    (data / "ho_so.csv").write_bytes(b"\xff\xfe" + csv_text(rows, "\t").encode("utf-16-le"))
    rows = [DOC_HEADERS] + [doc_row(d) for d in docs]
    (data / "tai_lieu.csv").write_bytes(windows_1258_form(csv_text(rows)).encode("cp1258"))
    for d in docs:
        write_pdf(data / "pdf" / f"{d.file_code}.{d.ordinal}.pdf", d)

    write_text(bag / "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    payload = sorted(p for p in data.rglob("*") if p.is_file())
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(bag).as_posix()}"
             for p in payload]
    write_text(bag / "manifest-sha256.txt", "\n".join(lines) + "\n")
    size = sum(p.stat().st_size for p in payload)
    info = dict(S.SNV_BAG_INFO)
    info["Payload-Oxum"] = f"{size}.{len(payload)}"
    write_text(bag / "bag-info.txt", "".join(f"{k}: {v}\n" for k, v in info.items()))
    tags = ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]
    lines = [f"{hashlib.sha256((bag / t).read_bytes()).hexdigest()}  {t}" for t in tags]
    write_text(bag / "tagmanifest-sha256.txt", "\n".join(lines) + "\n")


# --------------------------------------------------------------------------- project

def make_project(content: Path) -> None:
    content.mkdir(parents=True, exist_ok=True)
    write_text(content / "catalog.toml", S.CATALOG_TOML)
    write_text(content / "pages" / "gioi-thieu.md", S.PAGE_ABOUT)
    write_text(content / "pages" / "huong-dan-tra-cuu.md", S.PAGE_SEARCH_HELP)
    write_text(content / "README.md", S.readme_text())
    packages = content / "packages"
    if packages.exists():
        shutil.rmtree(packages)
    packages.mkdir()
    make_vptu(packages)
    make_ubnd(packages)
    make_snv(packages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content",
                        help="project folder to write (default: content/)")
    args = parser.parse_args(argv)
    make_project(args.content)
    total = sum(p.stat().st_size for p in args.content.rglob("*") if p.is_file())
    print(f"make_sample: wrote {args.content} ({total / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
