"""Write small catalog projects for tests: sheets from rows, PDFs from pdfgen."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
from make_sample import windows_1258_form  # scripts/ is on sys.path (conftest.py)

FILE_HEADERS = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Chế độ sử dụng"]
DOC_HEADERS = [
    "Mã định danh văn bản", "Mã hồ sơ", "Số thứ tự văn bản trong hồ sơ", "Số và ký hiệu",
    "Ngày, tháng, năm văn bản", "Tên loại văn bản", "Trích yếu nội dung", "Chế độ sử dụng", "Độ mật",
    "Số lượng trang", "Tệp tin",
]


def write_catalog_toml(root: Path, **overrides) -> None:
    settings = {"title": "Kho thử nghiệm", "default_access": "public", **overrides}
    # JSON string escapes are valid TOML basic-string escapes.
    lines = [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in settings.items()]
    root.mkdir(parents=True, exist_ok=True)
    (root / "catalog.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_workbook(path: Path, file_rows: list[list], doc_rows: list[list],
                   file_headers=FILE_HEADERS, doc_headers=DOC_HEADERS) -> None:
    """One workbook with sheets "Hồ sơ" and "Tài liệu", headers in row 1."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    files = book.active
    files.title = "Hồ sơ"
    files.append(file_headers)
    for row in file_rows:
        files.append(row)
    docs = book.create_sheet("Tài liệu")
    docs.append(doc_headers)
    for row in doc_rows:
        docs.append(row)
    book.save(path)


def write_csv(path: Path, headers: list[str], rows: list[list], encoding: str = "utf-8-sig") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    prepare = windows_1258_form if encoding == "cp1258" else (lambda text: text)
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([prepare(h) for h in headers])
        writer.writerows([[prepare(str(v)) for v in row] for row in rows])


def read_csv(path: Path) -> list[list[str]]:
    """The rows of a UTF-8 sheet, header row first."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def edit_csv(path: Path, change) -> None:
    """Rewrite a UTF-8 sheet with ``change(rows)`` (header row first), as an archivist's edit."""
    rows = read_csv(path)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(change(rows))
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def set_cell(path: Path, doc_id: str, header: str, value: str) -> None:
    """Set the ``header`` column of the row whose first cell is ``doc_id``."""
    def change(rows):
        column = rows[0].index(header)
        for row in rows:
            if row[0] == doc_id:
                row[column] = value
        return rows
    edit_csv(path, change)
