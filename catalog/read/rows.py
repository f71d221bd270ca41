"""A sheet's rows as read, within the limits a real inventory never reaches.

Both readers, CSV and XLSX, pass their records through :class:`BoundedRows`. Blank
rows are dropped as they come, so memory follows the data and not the file; a cell
longer than Excel's own limit is replaced by a short marker and its row flagged; a
CSV row that had to be decoded as Windows-1258 inside a UTF-8 file is flagged; and
reading stops after :data:`~catalog.read.input_files.MAX_ROWS` rows that are not empty. A flagged row is
still returned (its access cells still count), but it is never published. Each thing
that went wrong becomes one :class:`SheetProblem` naming its row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from openpyxl.utils import get_column_letter

from catalog.read.csv_encoding import DecodedCsv
from catalog.read.input_files import MAX_CELL_CHARS, MAX_ROWS
from catalog.read.sheet_errors import SheetError, SheetProblem, vi_en
from catalog.read.values import cell_text
from catalog.report import ERROR, WARNING

Rows = list[tuple[int, Sequence[object]]]  # (row number as Excel shows it, values)

CELL_TOO_LARGE = "cell-too-large"
MIXED_ENCODING = "mixed-encoding"
_SAVE_VI = "lưu lại với kiểu “CSV UTF-8 (Comma delimited)”"
_SAVE_EN = "save it again as “CSV UTF-8 (Comma delimited)”"


def too_long(value: object) -> bool:
    return isinstance(value, str) and len(value) > MAX_CELL_CHARS


class BoundedRows:
    """The rows of one sheet, and what was wrong with them."""

    def __init__(self, display: str, sheet: str | None):
        self.display, self.sheet = display, sheet
        self.rows: Rows = []  # rows with at least one filled cell, in sheet order
        self.damaged: dict[int, str] = {}  # row number → why the row cannot be trusted
        self.problems: list[SheetProblem] = []
        self.complete = True  # False when reading stopped before the end of the sheet
        self._oversized: list[tuple[int, int, int]] = []  # (row, column index, characters)

    def read(self, records: Iterable[tuple[int, Sequence[object]]]) -> BoundedRows:
        """Keep the records that are not blank, oversized cells capped, up to the limit."""
        for number, values in records:
            if any(too_long(v) for v in values):
                values = self._cap(number, values)
            if not any(cell_text(v) for v in values):
                continue
            if len(self.rows) == MAX_ROWS:
                self._stop(number)
                break
            self.rows.append((number, values))
        return self

    def read_csv(self, reader, decoded: DecodedCsv) -> BoundedRows:
        """Rows from a ``csv.reader``, flagging those made of the lines ``decoded`` marks."""
        foreign, nul = _LineMarks(decoded.foreign_lines), _LineMarks(decoded.nul_lines)
        mixed_rows: list[int] = []
        nul_rows: list[int] = []

        def records() -> Iterator[tuple[int, list[str]]]:
            for number, values in enumerate(reader, 1):
                if foreign.passed(reader.line_num):  # the record's lines, up to line_num
                    mixed_rows.append(number)
                    self.damaged.setdefault(number, MIXED_ENCODING)
                if nul.passed(reader.line_num):
                    nul_rows.append(number)
                yield number, values

        self.read(records())
        if mixed_rows:
            self.problems.append(self._mixed(mixed_rows[0], len(mixed_rows)))
        if nul_rows:
            self.problems.append(self._nul(nul_rows[0], len(nul_rows)))
        return self

    def cell_problems(self, headers: Sequence[tuple[str, str | None]]) -> list[SheetProblem]:
        """One problem per oversized cell, its column named by the sheet's header."""
        found = []
        for number, index, length in self._oversized:
            header = headers[index][0] if index < len(headers) else ""
            letter = get_column_letter(index + 1)
            size, limit = vi_en(length), vi_en(MAX_CELL_CHARS)
            error = SheetError(
                f"ô có {size[0]} ký tự, vượt giới hạn {limit[0]} ký tự của một ô Excel, nên nội "
                "dung ô không được đọc và dòng này không được công bố. Hãy kiểm tra ô (có thể đã "
                "dán nhầm cả một tệp vào ô) và rút gọn nội dung.",
                f"the cell holds {size[1]} characters, more than Excel's limit of {limit[1]} for "
                "one cell, so its content is not read and this row is not published. Check the "
                "cell (a whole file may have been pasted into it) and shorten it.",
                path=self.display, sheet=self.sheet, row=number,
                column=f"{letter} ({header})" if header else letter, code=CELL_TOO_LARGE)
            found.append(SheetProblem(CELL_TOO_LARGE, error, ERROR))
        return found

    def _cap(self, number: int, values: Sequence[object]) -> list[object]:
        capped = list(values)
        for index, value in enumerate(capped):
            if too_long(value):
                self._oversized.append((number, index, len(value)))
                size = vi_en(len(value))
                capped[index] = f"[ô quá lớn: {size[0]} ký tự / cell too large: {size[1]} characters]"
        self.damaged.setdefault(number, CELL_TOO_LARGE)
        return capped

    def _stop(self, number: int) -> None:
        self.complete = False
        limit = vi_en(MAX_ROWS)
        error = SheetError(
            f"bảng có hơn {limit[0]} dòng (không kể dòng trống), là số dòng tối đa được đọc; từ "
            f"dòng {number} trở đi không được đọc. Hãy chia bảng kê thành nhiều gói, mỗi gói ít "
            f"hơn {limit[0]} dòng.",
            f"the sheet has more than {limit[1]} rows (not counting empty ones), the most that "
            f"are read; the rows from row {number} on are not read. Split the inventory into "
            f"several packages of fewer than {limit[1]} rows each.",
            path=self.display, sheet=self.sheet, row=number, code="too-many-rows")
        self.problems.append(SheetProblem("too-many-rows", error, ERROR))

    def _mixed(self, first: int, count: int) -> SheetProblem:
        error = SheetError(
            f"tệp CSV có cả dòng UTF-8 lẫn {count} dòng không phải UTF-8 (dòng đầu tiên là dòng "
            f"{first}), có lẽ được chép từ một tệp Windows-1258; các dòng đó chỉ được đọc phỏng "
            f"đoán và không được công bố. Hãy mở tệp bằng Excel, sửa chữ ở các dòng đó rồi "
            f"{_SAVE_VI}.",
            f"the CSV file mixes UTF-8 rows with {count} row(s) that are not UTF-8 (the first is "
            f"row {first}), probably pasted from a Windows-1258 file; those rows are only read "
            f"as a best guess and are not published. Open the file in Excel, correct the text "
            f"of those rows and {_SAVE_EN}.",
            path=self.display, sheet=self.sheet, row=first, code=MIXED_ENCODING)
        return SheetProblem(MIXED_ENCODING, error, ERROR)

    def _nul(self, first: int, count: int) -> SheetProblem:
        error = SheetError(
            f"tệp có ký tự NUL (mã 0, không nhìn thấy được) ở {count} dòng (dòng đầu tiên là dòng "
            f"{first}); ký tự này đã được bỏ đi. Hãy kiểm tra nội dung các dòng đó rồi {_SAVE_VI}.",
            f"the file has the NUL character (code 0, invisible) in {count} row(s) (the first is "
            f"row {first}); it was removed. Check those rows, then {_SAVE_EN}.",
            path=self.display, sheet=self.sheet, row=first, code="stray-nul")
        return SheetProblem("stray-nul", error, WARNING)


class _LineMarks:
    """Marked line numbers, passed in order as a csv reader consumes the lines."""

    def __init__(self, lines: Sequence[int]):
        self._lines, self._next = lines, 0

    def passed(self, line_num: int) -> bool:
        """Whether a marked line lies at or before ``line_num`` and after the last call's."""
        hit = False
        while self._next < len(self._lines) and self._lines[self._next] <= line_num:
            self._next, hit = self._next + 1, True
        return hit
