"""The inventory sheets' column headers: every name archivists use, and its key.

Headers are compared after folding (case, diacritics, spaces and punctuation
ignored), so ``Mã hồ sơ``, ``MA HO SO`` and ``file_code`` are one column. A header
that is still not recognised is kept as an extra column and reported as a warning,
with the closest known header when one is close (``Số và kí hiệu`` → ``Số và ký hiệu``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from openpyxl.utils import get_column_letter

from catalog.language.vietnamese import fold as strip_marks
from catalog.language.vietnamese import search_form
from catalog.read.sheet_errors import SheetError, SheetProblem
from catalog.read.values import cell_text, fold
from catalog.report import WARNING

KINDS = ("file", "document")

_COMMON = {
    "language": ("Ngôn ngữ",),
    "condition": ("Tình trạng vật lý", "Tình trạng"),
    "info_code": ("Ký hiệu thông tin",),
    "keywords": ("Từ khóa",),
    "notes": ("Ghi chú", "Chú giải"),
    "access": ("Chế độ sử dụng", "Mức độ tiếp cận"),
}

FILE_HEADERS: dict[str, tuple[str, ...]] = {
    "file_code": ("Mã hồ sơ", "Mã số hồ sơ"),
    "fonds_code": ("Mã phông", "Mã phông lưu trữ"),
    "fonds_name": ("Tên phông", "Tên phông lưu trữ"),
    "inventory": ("Mục lục số", "Số mục lục"),
    "box": ("Hộp số", "Số hộp"),
    "file_number": ("Số và ký hiệu hồ sơ", "Số ký hiệu hồ sơ", "Hồ sơ số", "Số hồ sơ"),
    "title": ("Tiêu đề hồ sơ", "Tiêu đề", "Tên hồ sơ"),
    "retention": ("Thời hạn bảo quản", "Thời hạn lưu trữ"),
    "start_date": ("Thời gian bắt đầu", "Ngày bắt đầu"),
    "end_date": ("Thời gian kết thúc", "Ngày kết thúc"),
    "item_count": ("Tổng số tài liệu", "Tổng số văn bản", "Số lượng văn bản"),
    "sheets": ("Số lượng tờ", "Số tờ"),
    "pages": ("Số lượng trang", "Số trang"),
    **_COMMON,
}

DOCUMENT_HEADERS: dict[str, tuple[str, ...]] = {
    "doc_id": ("Mã định danh văn bản", "Mã tài liệu", "Mã văn bản", "Mã định danh"),
    "file_code": ("Mã hồ sơ",),
    "ordinal": ("Số thứ tự văn bản trong hồ sơ", "Số thứ tự", "STT", "Số TT", "TT"),
    "number": ("Số và ký hiệu", "Số và ký hiệu văn bản", "Số, ký hiệu", "Số ký hiệu"),
    "number_no": ("Số của văn bản", "Số văn bản"),
    "number_symbol": ("Ký hiệu của văn bản", "Ký hiệu văn bản"),
    "date": ("Ngày, tháng, năm văn bản", "Ngày tháng văn bản", "Ngày văn bản",
             "Ngày ban hành", "Ngày tháng năm"),
    "doc_type": ("Tên loại văn bản", "Loại văn bản"),
    "issuer": ("Tên cơ quan, tổ chức ban hành", "Tên cơ quan, tổ chức ban hành văn bản",
               "Cơ quan ban hành", "Cơ quan, tổ chức ban hành"),
    "summary": ("Trích yếu nội dung", "Trích yếu nội dung văn bản", "Trích yếu"),
    "signer": ("Tác giả", "Người ký"),
    "pages": ("Số lượng trang", "Số trang"),
    # Where the document lies in its file's whole scan (the inventory's "Tờ số" column).
    "page_range": ("Trang số", "Tờ số", "Số trang từ đến", "Trang số từ đến", "Tờ số từ đến",
                   "Từ trang đến trang", "Từ tờ đến tờ"),
    "page_from": ("Từ trang", "Từ tờ", "Trang đầu", "Trang bắt đầu"),
    "page_to": ("Đến trang", "Đến tờ", "Trang cuối", "Trang kết thúc"),
    "secrecy": ("Độ mật",),
    "reliability": ("Mức độ tin cậy",),
    "autograph": ("Bút tích",),
    "file": ("Tệp tin", "Tên tệp tin", "Tên tệp"),
    **_COMMON,
}

REQUIRED = {"file": ("file_code", "title"), "document": ("doc_id", "file_code", "summary")}
_TABLES = {"file": FILE_HEADERS, "document": DOCUMENT_HEADERS}

_ALIASES = {
    kind: {fold(name): key for key, names in table.items() for name in (key, *names)}
    for kind, table in (("file", FILE_HEADERS), ("document", DOCUMENT_HEADERS))
}


def header_key(header: str, kind: str) -> str | None:
    """The canonical key of a column header for a ``"file"`` or ``"document"`` sheet."""
    if kind not in _ALIASES:
        raise ValueError(f"kind must be 'file' or 'document', not {kind!r}")
    return _ALIASES[kind].get(fold(cell_text(header)))


def map_headers(values: Sequence[object], kind: str) -> tuple[tuple[str, str | None], ...]:
    """(header as written, key or None) for each column of the header row."""
    headers = [cell_text(v) for v in values]
    while headers and not headers[-1]:
        headers.pop()
    seen: set[str] = set()
    mapped = []
    for header in headers:
        key = header_key(header, kind) if header else None
        if key in seen:
            key = None  # the same column twice: the second is kept as an extra column
        if key:
            seen.add(key)
        mapped.append((header, key))
    return tuple(mapped)


# How alike (difflib's ratio of the near forms) a header must be to a known one to be
# suggested: a letter or two wrong in a header of ten, not merely a shared word.
SUGGESTION_CUTOFF = 0.8
# A syllable whose only vowel is a final y, after an onset: kí/ký, lí/lý, mĩ/mỹ, quí/quý
# are two spellings of one word (near forms have no marks left).
_FINAL_Y = re.compile(r"\b(qu|[bcdghklmnpqrstvx]*)y\b")


def near_form(header: str) -> str:
    """The header as compared for a suggestion: folded as :func:`header_key` folds it, with
    look-alike letters read as the letters they imitate and y as i where both are written."""
    words = strip_marks(search_form(cell_text(header))).lower()
    return fold(_FINAL_Y.sub(r"\1i", words))


def _known_forms(kind: str, taken: set[str]) -> dict[str, str]:
    """Near form → the header to suggest, for each name of a column the sheet lacks."""
    forms: dict[str, str] = {}
    for key, names in _TABLES[kind].items():
        if key not in taken:
            for name in (*names, key):
                forms.setdefault(near_form(name), name)
    return forms


def closest_header(header: str, kind: str, taken: Sequence[str] = ()) -> str | None:
    """The known header ``header`` was most likely meant to be, if one is close.

    Headers of the keys in ``taken`` (already in the sheet) are never suggested: renaming
    to one of them would only make a second copy of that column.
    """
    forms = _known_forms(kind, set(taken))
    found = difflib.get_close_matches(near_form(header), list(forms), n=1, cutoff=SUGGESTION_CUTOFF)
    return forms[found[0]] if found else None


def unknown_columns(headers: Sequence[tuple[str, str | None]], kind: str, path: str, sheet: str | None,
                    row: int) -> list[SheetProblem]:
    """A warning for each header of the row that names no known column (it is kept as extra)."""
    taken = [key for _, key in headers if key]
    found = []
    for index, (header, _) in enumerate(headers):
        if not header or header_key(header, kind):  # a recognised header, also when repeated
            continue
        suggestion = closest_header(header, kind, taken)
        error = SheetError(*_unknown_column_message(header, suggestion), path=path, sheet=sheet, row=row,
                           column=f"{get_column_letter(index + 1)} ({header})", code="unknown-column")
        found.append(SheetProblem("unknown-column", error, WARNING))
    return found


def _unknown_column_message(header: str, suggestion: str | None) -> tuple[str, str]:
    vi = (f"cột “{header}” không phải tên cột đã biết, nên chỉ được giữ làm thông tin thêm (hiện trên "
          "trang, nhưng không được đọc như một trường của danh mục). ")
    en = (f"the column “{header}” is not a known column, so it is kept as extra information only "
          "(shown on the page, but not read as any of the catalog's fields). ")
    if suggestion:
        vi += f"Có phải là cột “{suggestion}”? Nếu đúng, hãy sửa tên cột cho đúng."
        en += f"Did you mean “{suggestion}”? If so, correct the column's name."
    else:
        vi += ("Nếu cột này là một trường của danh mục, hãy đặt tên theo bảng cột trong quy cách gói "
               "(package-format.md); nếu không, không cần làm gì.")
        en += ("If it is meant to be one of the catalog's fields, name it as in the column tables of the "
               "package format (package-format.md); otherwise nothing needs to be done.")
    return vi, en


def sheet_kind(name: str) -> str | None:
    """Which table a worksheet name means: "Hồ sơ" → "file", "Tài liệu" → "document"."""
    folded = fold(name)
    if folded in ("file", "files", "archivalfiles"):
        return "file"
    if folded in ("document", "documents", "items") or "tailieu" in folded or "vanban" in folded:
        return "document"
    return "file" if "hoso" in folded else None
