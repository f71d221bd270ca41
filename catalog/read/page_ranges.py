"""Where a document lies in its archival file's whole scan: the page-range cells.

When a whole archival file is delivered as one PDF (``<mã hồ sơ>.pdf``, Circular
05/2025), the document sheet says which of its pages are each document's, as archivists
write it in the inventory of documents: one cell ("Trang số" or "Tờ số": ``3-7``,
``3 - 7``, ``tr. 3-7``, ``3–7``, ``từ 3 đến 7``, a single ``5``) or two ("Từ trang" 3,
"Đến trang" 7).

Pure functions in the manner of :mod:`catalog.read.values`: they accept what a sheet
gives (text from CSV, numbers or dates from XLSX), and a value that cannot be understood
raises :class:`ValueProblem`, in Vietnamese then English; the caller adds where it was.
"""

from __future__ import annotations

import datetime
import math
import re

from catalog.read.values import ValueProblem, cell_text

# "tr. 3", "trang 3", "tờ 3", "t.3": the word before a number is optional.
_WORD = r"(?:(?:trang|tr|tờ|to|t)\.?\s*)?"
_NUMBER = _WORD + r"0*(\d{1,6})"
_DASH = r"(?:[-‐‑‒–—−~]|đến|tới|den|toi|to)"
_RANGE = re.compile(rf"(?:từ\s*)?{_NUMBER}(?:\s*{_DASH}\s*{_NUMBER})?\.?")

_FORMS_VI = "Hãy ghi một trang (5) hoặc một khoảng trang (3-7, tr. 3-7, từ 3 đến 7)"
_FORMS_EN = "Write one page (5) or one range of pages (3-7, tr. 3-7, từ 3 đến 7)"


def _quote(value: object) -> str:
    return f"“{cell_text(value)}”"


def _problem(value: object, why_vi: str, why_en: str) -> ValueProblem:
    return ValueProblem(
        f"Khoảng trang {_quote(value)} không hợp lệ: {why_vi}. {_FORMS_VI}.",
        f"The page range {_quote(value)} is not valid: {why_en}. {_FORMS_EN}.",
    )


def _whole_number(value: object) -> int | None:
    """An XLSX number cell as a page number: 5 and 5.0 give 5; else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isfinite(value) and float(value).is_integer():
            return int(value)
    return None


def _checked(value: object, first: int, last: int) -> tuple[int, int]:
    if first < 1:
        raise _problem(value, "trang được đánh số từ 1", "pages are numbered from 1")
    if last < first:
        raise _problem(value, f"trang đầu {first} sau trang cuối {last}",
                       f"the first page {first} is after the last page {last}")
    return first, last


def _refuse_date(value: object) -> None:
    # Excel turns a typed "3-7" into a date: say so, rather than guess which page is which.
    if isinstance(value, (datetime.date, datetime.datetime)):
        raise _problem(
            value, "Excel đã đổi ô này thành ngày tháng; định dạng ô là Text (Văn bản) rồi gõ lại",
            "Excel turned the cell into a date; format the cell as Text and type it again",
        )


def parse_page_range(value: object) -> tuple[int, int] | None:
    """A page-range cell as (first, last), 1-based; None when empty.

    ``3-7``, ``3 - 7``, ``3–7``, ``tr. 3-7``, ``Trang 3 - 7``, ``tờ 3-7``, ``từ 3 đến 7``,
    ``03-07`` and a single page (``5``, an XLSX number 5) are accepted. Several ranges,
    a first page after the last, page 0 or anything else raise :class:`ValueProblem`.
    """
    _refuse_date(value)
    if (number := _whole_number(value)) is not None:
        return _checked(value, number, number)
    text = cell_text(value).lower()
    if not text:
        return None
    match = _RANGE.fullmatch(text)
    if not match:
        raise _problem(value, "đây không phải một trang hay một khoảng trang",
                       "it is not one page nor one range of pages")
    first = int(match.group(1))
    return _checked(value, first, int(match.group(2)) if match.group(2) else first)


def parse_page_number(value: object) -> int | None:
    """One page number ("Từ trang", "Đến trang"): ``3``, ``tr. 3``, ``trang 3``; None when empty."""
    found = parse_page_range(value)
    if found is None:
        return None
    if found[0] != found[1]:
        raise _problem(value, "ô này chỉ ghi một trang", "this cell holds one page only")
    return found[0]


def join_page_range(first: int | None, last: int | None, count: int | None,
                    from_label: str, to_label: str) -> tuple[int, int] | None:
    """The range of a "Từ trang" and a "Đến trang" cell (parsed); None when both are empty.

    A first page alone is completed by the document's page count ("Số lượng trang") when
    the sheet gives one. A last page alone, or a first page alone without a count, raises
    :class:`ValueProblem` naming the empty column.
    """
    if first is None and last is None:
        return None
    if first is None:
        raise ValueProblem(
            f"Có “{to_label}” nhưng “{from_label}” đang trống. Điền trang đầu của văn bản.",
            f"“{to_label}” is filled but “{from_label}” is empty. Fill in the document's first page.",
        )
    if last is None:
        if not count:
            raise ValueProblem(
                f"Có “{from_label}” nhưng “{to_label}” (hay số lượng trang) đang trống. Điền trang cuối của văn bản.",
                f"“{from_label}” is filled but “{to_label}” (or the page count) is empty. "
                f"Fill in the document's last page.",
            )
        last = first + count - 1
    return _checked(f"{first}-{last}", first, last)
