"""Reading the inventory sheets (hồ sơ, tài liệu) from CSV and XLSX files.

Reading only: input files are never modified. Every row keeps the sheet, the row number
and the column letter exactly as Excel shows them, so a problem can be reported where
the archivist will find it. Headers are matched loosely (case, diacritics, spaces and
punctuation ignored); unknown columns are kept as ``extra`` cells, never dropped, and
each is reported as a warning (``unknown-column``, with the closest known header).

Reading is bounded (the limits are in :mod:`catalog.read.input_files`): only regular files
are opened, an XLSX is checked for zip bombs before openpyxl sees it, and rows pass
through :class:`~catalog.read.rows.BoundedRows`. A row that cannot be trusted (a cell
too large, text in a second encoding) is still returned, flagged in ``damaged``; what
went wrong is in ``Sheet.problems``, and ``Sheet.complete`` says whether every row was
read.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, takewhile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from catalog.read.csv_encoding import csv_lines, decode_csv
from catalog.read.headers import (  # noqa: F401 - re-exported: the sheet API
    DOCUMENT_HEADERS,
    FILE_HEADERS,
    KINDS,
    REQUIRED,
    header_key,
    map_headers,
    sheet_kind,
    unknown_columns,
)
from catalog.read.input_files import (
    MAX_CSV_BYTES,
    MAX_XLSX_BYTES,
    check_zip_sizes,
    open_regular,
    read_regular,
)
from catalog.read.rows import BoundedRows, Rows, too_long
from catalog.read.sheet_errors import SheetError, SheetProblem  # noqa: F401 - re-exported
from catalog.read.values import ValueProblem, cell_text

_TABLES = {"file": FILE_HEADERS, "document": DOCUMENT_HEADERS}
_KIND_VI = {"file": "hồ sơ", "document": "tài liệu"}
_KIND_EN = {"file": "archival files", "document": "documents"}
_HEADER_SCAN = 30  # the header row is looked for among the first rows only


# Slots: a sheet at the row limit holds millions of cells, and a cell without a
# __dict__ takes a quarter of the memory.
@dataclass(frozen=True, slots=True)
class Cell:
    header: str  # the header exactly as written in the sheet
    column: str  # column letter as in Excel ("C"), also for CSV
    value: object  # raw value (str for CSV; openpyxl value for XLSX)


@dataclass(frozen=True, slots=True)
class SheetRow:
    path: str
    sheet: str | None
    row: int  # as Excel shows it
    cells: dict[str, Cell]  # canonical key → cell, for known columns
    extra: tuple[Cell, ...]  # unknown columns, in sheet order
    # Empty for a sound row; else why it cannot be trusted ("cell-too-large",
    # "mixed-encoding"). A damaged row is never published, but its access cells count.
    damaged: str = ""

    def get(self, key: str) -> object | None:
        cell = self.cells.get(key)
        return cell.value if cell is not None else None

    def text(self, key: str) -> str:
        return cell_text(self.get(key))

    def error(self, key: str, problem: ValueProblem) -> SheetError:
        """A :class:`SheetError` placing ``problem`` at this row and ``key``'s column."""
        cell = self.cells.get(key)
        column = f"{cell.column} ({cell.header})" if cell else None
        return SheetError(problem.vi, problem.en, path=self.path, sheet=self.sheet,
                          row=self.row, column=column)


@dataclass(frozen=True)
class Sheet:
    path: str
    sheet: str | None
    headers: tuple[tuple[str, str | None], ...]  # (header as written, key or None)
    rows: tuple[SheetRow, ...]
    problems: tuple[SheetProblem, ...] = ()  # found while reading; the sheet was still read
    complete: bool = True  # False when rows were left unread (the row limit)


# ---------------------------------------------------------------- rows → Sheet

def _filled(values: Sequence[object]) -> int:
    return sum(1 for v in values if cell_text(v))


def _known(values: Sequence[object], kind: str) -> int:
    return len({header_key(v, kind) for v in values if cell_text(v)} - {None})


def _find_header(rows: Rows, kind: str) -> int | None:
    """Index of the header row: among the rows with at least two non-empty cells, the
    first one naming the most known columns (so title rows above are skipped)."""
    top = takewhile(lambda row: row[0] <= _HEADER_SCAN, rows)
    candidates = [i for i, (_, values) in enumerate(top) if _filled(values) >= 2]
    return max(candidates, key=lambda i: (_known(rows[i][1], kind), -i), default=None)


def _is_column_numbers(values: Sequence[object]) -> bool:
    """The "(1) (2) (3) ..." row Vietnamese forms put under the headers."""
    texts = [cell_text(v).strip("()") for v in values if cell_text(v)]
    return len(texts) >= 2 and texts == [str(n) for n in range(1, len(texts) + 1)]


def _make_row(display: str, sheet: str | None, number: int, values: Sequence[object],
              headers: tuple[tuple[str, str | None], ...], damaged: str) -> SheetRow:
    cells: dict[str, Cell] = {}
    extra: list[Cell] = []
    for i in range(max(len(values), len(headers))):
        value = values[i] if i < len(values) else None
        header, key = headers[i] if i < len(headers) else ("", None)
        cell = Cell(header, get_column_letter(i + 1), value)
        if key:
            cells[key] = cell
        elif header or cell_text(value):
            extra.append(cell)
    return SheetRow(display, sheet, number, cells, tuple(extra), damaged)


def _missing_columns(headers, kind: str, display: str, sheet: str | None, row: int) -> SheetError:
    missing = [k for k in REQUIRED[kind] if k not in {key for _, key in headers}]
    names = ", ".join(f"“{_TABLES[kind][k][0]}”" for k in missing)
    found = ", ".join(f"“{h}”" for h, _ in headers if h) or "—"
    return SheetError(
        f"bảng {_KIND_VI[kind]} thiếu cột bắt buộc {names} (các cột đang có: {found}). "
        "Hãy thêm cột vào dòng tiêu đề, hoặc sửa tên cột cho đúng.",
        f"the {_KIND_EN[kind]} table lacks the required column(s) {names} (columns found: "
        f"{found}). Add the column(s) to the header row, or correct their names.",
        path=display, sheet=sheet, row=row)


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a sheet's rows are made.

    They are millions of small objects and no reference cycles, and the collector would
    scan them all again and again: four fifths of the time of a sheet at the row limit.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build_sheet(read: BoundedRows, kind: str) -> Sheet:
    rows, display, sheet = read.rows, read.display, read.sheet
    start = _find_header(rows, kind)
    if start is None:
        raise SheetError(
            f"không tìm thấy dòng tiêu đề cột của bảng {_KIND_VI[kind]}. Hãy ghi tên các "
            "cột (ví dụ “Mã hồ sơ”, “Tiêu đề hồ sơ”) vào một dòng phía trên dữ liệu.",
            f"no column header row was found for the {_KIND_EN[kind]} table. Put the "
            "column names (e.g. “Mã hồ sơ”, “Tiêu đề hồ sơ”) in one row above the data.",
            path=display, sheet=sheet)
    header_row, header_values = rows[start]
    headers = map_headers(header_values, kind)
    if any(k not in {key for _, key in headers} for k in REQUIRED[kind]):
        raise _missing_columns(headers, kind, display, sheet, header_row)
    body = rows[start + 1:]  # blank rows were dropped as they were read
    if body and _is_column_numbers(body[0][1]):
        body = body[1:]
    with _no_gc():
        records = tuple(_make_row(display, sheet, n, values, headers, read.damaged.get(n, ""))
                        for n, values in body)
    problems = (*read.problems, *read.cell_problems(headers),
                *unknown_columns(headers, kind, display, sheet, header_row))
    return Sheet(display, sheet, headers, records, problems, read.complete)


# ---------------------------------------------------------------- CSV

def _parse_csv(text: str, delimiter: str, limit: int) -> Rows:
    """The first ``limit`` records, oversized cells left out (for sniffing only)."""
    reader = csv.reader(csv_lines(text), delimiter=delimiter)
    return [(n, ["" if too_long(v) else v for v in values])
            for n, values in islice(enumerate(reader, 1), limit)]


def _sniff_delimiter(text: str, kind: str) -> str:
    """The delimiter under which the header row names the most known columns."""
    def score(delimiter: str) -> tuple[int, int]:
        try:
            rows = _parse_csv(text, delimiter, _HEADER_SCAN)
        except csv.Error:
            return (-1, -1)
        start = _find_header(rows, kind)
        if start is None:
            return (0, 0)
        return (_known(rows[start][1], kind), _filled(rows[start][1]))

    return max((",", ";", "\t"), key=score)


@contextlib.contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """Let csv read a cell of any size, so that an oversized cell is flagged with its row
    instead of failing the whole sheet; the process-wide setting is restored after."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _read_csv(path: Path, display: str, kind: str) -> Sheet:
    decoded = decode_csv(read_regular(path, display, MAX_CSV_BYTES))
    if decoded is None:
        raise SheetError(
            "không đọc được bảng mã chữ của tệp CSV. Hãy mở tệp bằng Excel và lưu lại với "
            "kiểu “CSV UTF-8 (Comma delimited)”, hoặc lưu thành tệp .xlsx.",
            "the text encoding of the CSV file cannot be read. Open it in Excel and save it "
            "again as “CSV UTF-8 (Comma delimited)”, or save it as an .xlsx file.",
            path=display)
    read = BoundedRows(display, None)
    with _field_limit(MAX_CSV_BYTES), _no_gc():
        try:
            delimiter = _sniff_delimiter(decoded.text, kind)
            reader = csv.reader(csv_lines(decoded.text), delimiter=delimiter)
            read.read_csv(reader, decoded)
        except csv.Error as exc:
            raise SheetError(
                f"tệp CSV bị lỗi cấu trúc ({exc}). Hãy mở tệp bằng Excel và lưu lại.",
                f"the CSV file is malformed ({exc}). Open it in Excel and save it again.",
                path=display) from exc
    return _build_sheet(read, kind)


# ---------------------------------------------------------------- XLSX

def _unreadable(display: str, exc: Exception) -> SheetError:
    return SheetError(
        f"không mở được tệp ({type(exc).__name__}). Tệp có thể bị hỏng, có mật khẩu, hoặc "
        "không phải tệp Excel .xlsx; hãy mở bằng Excel và “Lưu thành” Excel Workbook (.xlsx).",
        f"the file cannot be opened ({type(exc).__name__}). It may be damaged, "
        "password-protected or not an Excel .xlsx file; open it in Excel and “Save As” "
        "Excel Workbook (.xlsx).",
        path=display)


class _Book(dict):
    """An open read-only workbook: sheet name → rows, each sheet read when first asked."""

    def __init__(self, book, display: str):
        super().__init__()
        self.book, self.display, self.names = book, display, list(book.sheetnames)

    def __missing__(self, name: str) -> BoundedRows:
        sheet = self.book[name]
        sheet.reset_dimensions()  # some programs record a wrong size: read every row
        read = BoundedRows(self.display, name)
        try:
            with _quiet(), _no_gc():
                read.read((n, [_nfc(v) for v in values])
                          for n, values in enumerate(sheet.iter_rows(values_only=True), 1))
        except Exception as exc:  # a damaged sheet inside a readable workbook
            raise SheetError(
                f"trang tính bị hỏng ({type(exc).__name__}). Hãy mở tệp bằng Excel và lưu lại.",
                f"the sheet is damaged ({type(exc).__name__}). Open the file in Excel and "
                "save it again.", path=self.display, sheet=name) from exc
        self[name] = read
        return read

    def fits(self, name: str, kind: str) -> bool:
        """Whether the sheet's header row has the required columns of ``kind``."""
        rows = self[name].rows
        start = _find_header(rows, kind)
        headers = map_headers(rows[start][1], kind) if start is not None else ()
        return set(REQUIRED[kind]) <= {key for _, key in headers}

    def sheet(self, name: str, kind: str) -> Sheet:
        return _build_sheet(self[name], kind)


@contextlib.contextmanager
def _open_book(path: Path, display: str) -> Iterator[_Book]:
    """openpyxl, read-only, formula results; the workbook is always closed.

    The zip's declared sizes are checked on the same open file that openpyxl then
    reads, before openpyxl inflates anything.
    """
    with open_regular(path, display, MAX_XLSX_BYTES) as handle:
        try:
            check_zip_sizes(handle, display)
            handle.seek(0)
            with _quiet():
                book = load_workbook(handle, read_only=True, data_only=True)
        except SheetError:
            raise
        except Exception as exc:  # any other failure here means the file is unreadable
            raise _unreadable(display, exc) from exc
        try:
            yield _Book(book, display)
        finally:
            book.close()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """openpyxl warns about Excel features it ignores (validation, styles): not our business."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _nfc(value: object) -> object:
    """NFC text; an oversized cell is left alone: it is replaced by a marker anyway."""
    if isinstance(value, str) and not too_long(value):
        return unicodedata.normalize("NFC", value)
    return value


def _pick_sheet(book: _Book, kind: str, taken: Sequence[str] = ()) -> str | None:
    """The sheet for ``kind``: by name first, then the first whose columns fit."""
    free = [n for n in book.names if n not in taken]
    by_name = [n for n in free if sheet_kind(n) == kind]
    if by_name:
        return by_name[0]
    return next((n for n in free if sheet_kind(n) is None and book.fits(n, kind)), None)


# ---------------------------------------------------------------- public entry points

_CSV_SUFFIXES = (".csv", ".tsv", ".txt")
_XLSX_SUFFIXES = (".xlsx", ".xlsm")


def read_table(path: Path, display_path: str, kind: str) -> Sheet:
    """One table (``kind`` "file" or "document") from a .csv or .xlsx file.

    For an .xlsx, the sheet whose name means ``kind`` is used; else the first sheet
    whose columns fit ``kind``; else the first sheet.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be 'file' or 'document', not {kind!r}")
    suffix = Path(path).suffix.lower()
    if suffix in _CSV_SUFFIXES:
        return _read_csv(Path(path), display_path, kind)
    if suffix not in _XLSX_SUFFIXES:
        raise _wrong_type(display_path, suffix)
    with _open_book(Path(path), display_path) as book:
        if not book.names:
            raise _unreadable(display_path, ValueError("no worksheet"))
        return book.sheet(_pick_sheet(book, kind) or book.names[0], kind)


def read_workbook(path: Path, display_path: str) -> dict[str, Sheet]:
    """Both tables from one .xlsx with sheets "Hồ sơ" and "Tài liệu".

    Returns ``{"file": Sheet, "document": Sheet}``. Sheets are found by name (loosely:
    "HO SO", "ho_so", "Văn bản"...), else by their columns.
    """
    if Path(path).suffix.lower() not in _XLSX_SUFFIXES:
        raise _wrong_type(display_path, Path(path).suffix.lower())
    with _open_book(Path(path), display_path) as book:
        names: dict[str, str] = {}
        for kind in KINDS:
            if (name := _pick_sheet(book, kind, tuple(names.values()))) is None:
                raise SheetError(
                    f"không tìm thấy trang tính {_KIND_VI[kind]} (các trang tính đang có: "
                    f"{', '.join(book.names)}). Hãy đặt tên hai trang tính là “Hồ sơ” và "
                    "“Tài liệu”.",
                    f"no {_KIND_EN[kind]} sheet was found (sheets present: "
                    f"{', '.join(book.names)}). Name the two sheets “Hồ sơ” and “Tài liệu”.",
                    path=display_path)
            names[kind] = name
        return {kind: book.sheet(name, kind) for kind, name in names.items()}


def _wrong_type(display: str, suffix: str) -> SheetError:
    return SheetError(
        f"không đọc được loại tệp “{suffix or '(không có đuôi)'}”. Hãy lưu bảng kê thành "
        "tệp .xlsx (Excel Workbook) hoặc .csv (CSV UTF-8).",
        f"files of type “{suffix or '(no extension)'}” cannot be read. Save the inventory "
        "as an .xlsx (Excel Workbook) or .csv (CSV UTF-8) file.",
        path=display)
