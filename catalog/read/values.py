"""Cell values as archivists type them: dates, codes, counts, document numbers.

Pure functions, no I/O. Every parser accepts what comes out of a sheet: ``str`` from
CSV, or the raw openpyxl value (``int``, ``float``, ``datetime``...) from XLSX, so a
code typed in Excel as the number ``1`` works like the text ``"01"``.

A value that cannot be understood raises :class:`ValueProblem`, whose message says in
Vietnamese then English what the value is, why it is wrong and how to write it. The
caller adds where it was (file, sheet, row, column).
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
import unicodedata

from catalog.access.tiers import Tier
from catalog.model import DateValue


class ValueProblem(ValueError):
    """A cell value that cannot be understood.

    ``message`` (also ``str(problem)``) is the bilingual text for the user:
    ``"<Vietnamese sentence>. / <English sentence>."``; ``vi`` and ``en`` are the two
    halves, so a caller can put the location in front of each.
    """

    def __init__(self, vi: str, en: str):
        self.vi = vi
        self.en = en
        self.message = f"{vi} / {en}"
        super().__init__(self.message)


def fold(text: str) -> str:
    """Lower case, no diacritics (đ → d), letters and digits only: for loose matching."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text.lower() if c.isalnum() and not unicodedata.combining(c))


def cell_text(value: object) -> str:
    """A cell as display text: None → "", 12.0 → "12", a date → dd/mm/yyyy, text NFC."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    return unicodedata.normalize("NFC", str(value)).strip().strip("\ufeff").strip()


def _quote(value: object) -> str:
    return f"“{cell_text(value)}”"


def _code(value: object) -> int | None:
    """The number of a code cell: "01", "1", 1, 1.0 and "1.0" all give 1; else None."""
    match = re.fullmatch(r"0*(\d+)(?:[.,]0+)?", cell_text(value))
    return int(match.group(1)) if match else None


_CODE_PREFIX = re.compile(r"0*(\d{1,2})\s*[-–.:)]\s*(?=.*[^\W\d_])(\S.*)")


def _split_code(value: object) -> tuple[int | None, str]:
    """A code and its words: "01 - Công khai" → (1, "Công khai"); "02" → (2, "")."""
    text = cell_text(value)
    if (code := _code(value)) is not None:
        return code, ""
    if match := _CODE_PREFIX.fullmatch(text):
        return int(match.group(1)), match.group(2)
    return None, text


# ---------------------------------------------------------------- dates

_DATE_FORMS_VI = (
    "Hãy ghi theo một trong các dạng: dd/mm/yyyy (ví dụ 10/04/2025), yyyy-mm-dd "
    "(2025-04-10), mm/yyyy (04/2025), yyyy (2025) hoặc khoảng năm yyyy-yyyy (2019-2021)"
)
_DATE_FORMS_EN = (
    "Write it as dd/mm/yyyy (e.g. 10/04/2025), yyyy-mm-dd (2025-04-10), mm/yyyy "
    "(04/2025), yyyy (2025) or a year range yyyy-yyyy (2019-2021)"
)

_DAY_FIRST = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})")
# yyyy-mm-dd, also with the midnight time some exports add ("2025-04-10 00:00:00")
_YEAR_FIRST = re.compile(r"(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[ T]00:00(?::00)?)?")
_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"(\d{4})(?:\.0+)?")
_RANGE = re.compile(r"(\d{4})\s*[-–—/]\s*(\d{4})")


def _date_problem(value: object, why_vi: str, why_en: str) -> ValueProblem:
    return ValueProblem(
        f"Ngày tháng {_quote(value)} không hợp lệ: {why_vi}. {_DATE_FORMS_VI}.",
        f"The date {_quote(value)} is not valid: {why_en}. {_DATE_FORMS_EN}.",
    )


def _year_value(value: object, year: int) -> DateValue:
    if year < 1000:
        raise _date_problem(value, f"năm {year} không có đủ bốn chữ số",
                            f"the year {year} does not have four digits")
    return DateValue(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year", f"{year:04d}")


def _day_value(value: object, year: int, month: int, day: int) -> DateValue:
    if year < 1000:
        raise _date_problem(value, f"năm {year} không có đủ bốn chữ số",
                            f"the year {year} does not have four digits")
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise _date_problem(
            value,
            f"không có ngày {day} tháng {month} năm {year} (kiểm tra lại ngày và tháng)",
            f"there is no day {day} in month {month} of {year} (check the day and month)",
        ) from None
    return DateValue(date, date, "day", f"{day:02d}/{month:02d}/{year:04d}")


def _month_value(value: object, year: int, month: int) -> DateValue:
    if not 1 <= month <= 12:
        raise _date_problem(value, f"không có tháng {month}", f"there is no month {month}")
    start = _day_value(value, year, month, 1).start
    end = start.replace(day=calendar.monthrange(year, month)[1])
    return DateValue(start, end, "month", f"{month:02d}/{year:04d}")


def _range_value(value: object, first: int, last: int) -> DateValue:
    if first > last:
        raise _date_problem(value, f"năm bắt đầu {first} sau năm kết thúc {last}",
                            f"the first year {first} is after the last year {last}")
    if first == last:
        return _year_value(value, first)
    start, end = _year_value(value, first).start, _year_value(value, last).end
    return DateValue(start, end, "range", f"{first:04d}–{last:04d}")


def _parse_date_text(value: object, text: str) -> DateValue:
    if m := _DAY_FIRST.fullmatch(text):
        return _day_value(value, int(m.group(4)), int(m.group(3)), int(m.group(1)))
    if m := _YEAR_FIRST.fullmatch(text):
        return _day_value(value, int(m.group(1)), int(m.group(3)), int(m.group(4)))
    if m := _MONTH_YEAR.fullmatch(text):
        return _month_value(value, int(m.group(2)), int(m.group(1)))
    if m := _YEAR_MONTH.fullmatch(text):
        return _month_value(value, int(m.group(1)), int(m.group(2)))
    if m := _YEAR.fullmatch(text):
        return _year_value(value, int(m.group(1)))
    if m := _RANGE.fullmatch(text):
        return _range_value(value, int(m.group(1)), int(m.group(2)))
    raise _date_problem(value, "không đúng dạng ngày tháng nào được chấp nhận",
                        "it is not in any accepted date form")


def parse_date(value: object) -> DateValue | None:
    """A date cell as a :class:`DateValue`; None when empty.

    Accepts dd/mm/yyyy (also d/m/yyyy, with ``/``, ``.`` or ``-``), yyyy-mm-dd,
    mm/yyyy, yyyy-mm, yyyy, year ranges yyyy-yyyy (``-``, ``–`` or ``/``, spaces
    allowed; a range of one year is that year), Excel date cells, and Excel numbers
    that are years (2025, 2025.0). Anything else raises :class:`ValueProblem`.
    """
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return _day_value(value, value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        whole = math.isfinite(value) and float(value).is_integer()
        if not whole or not 1000 <= value <= 9999:
            raise _date_problem(
                value,
                "đây là một số, không phải năm (nếu đó là ngày tháng của Excel, "
                "hãy định dạng ô là Date)",
                "it is a number, not a year (if it is an Excel date, format the cell as Date)",
            )
        return _year_value(value, int(value))
    if value is not None and not isinstance(value, str):
        raise _date_problem(value, "ô này không chứa ngày tháng", "the cell does not hold a date")
    text = cell_text(value)
    if not text:
        return None
    return _parse_date_text(value, text)


# ---------------------------------------------------------------- access

_TIER_CODES = {1: Tier.PUBLIC, 2: Tier.RESTRICTED, 3: Tier.SECRET}
_TIER_WORDS = {
    "congkhai": Tier.PUBLIC,
    "public": Tier.PUBLIC,
    "sudungcodieukien": Tier.RESTRICTED,
    "codieukien": Tier.RESTRICTED,
    "hanche": Tier.RESTRICTED,
    "sudunghanche": Tier.RESTRICTED,
    "hanchesudung": Tier.RESTRICTED,
    "conditional": Tier.RESTRICTED,
    "restricted": Tier.RESTRICTED,
    "mat": Tier.SECRET,
    "toimat": Tier.SECRET,
    "tuyetmat": Tier.SECRET,
    "secret": Tier.SECRET,
}


def parse_tier(value: object) -> Tier | None:
    """"Chế độ sử dụng / Mức độ tiếp cận" as a tier; None when empty.

    01 / Công khai / public → PUBLIC; 02 / Sử dụng có điều kiện / Hạn chế / conditional
    / restricted → RESTRICTED; 03 / Mật (also Tối mật, Tuyệt mật) / secret → SECRET.
    Words match ignoring case and diacritics. Anything else raises :class:`ValueProblem`.
    """
    text = cell_text(value)
    if not text:
        return None
    code, words = _split_code(value)
    by_code = _TIER_CODES.get(code) if code is not None else None
    by_words = _TIER_WORDS.get(fold(words)) if words else None
    tier = by_code if code is not None else by_words
    if tier is None or by_words not in (None, tier):  # unknown, or "01 - Mật"
        raise ValueProblem(
            f"Chế độ sử dụng {_quote(value)} không rõ nghĩa hoặc tự mâu thuẫn. Hãy ghi "
            "01 (Công khai), 02 (Sử dụng có điều kiện) hoặc 03 (Mật), hoặc để trống để "
            "dùng mức mặc định.",
            f"The access value {_quote(value)} is not understood or contradicts itself. "
            "Write 01 (public), 02 (restricted) or 03 (secret), or leave it empty for the "
            "default.",
        )
    return tier


_NOT_SECRET = {"", "khong", "khongmat", "thuong", "0", "none", "no"}
_SECRET = {"mat", "toimat", "tuyetmat", "a", "b", "c", "secret", "topsecret", "confidential"}


def parse_secrecy(value: object) -> bool:
    """"Độ mật": True when the item carries a state-secret mark.

    Empty, "Không", "Không mật", "Thường", "0", "none" → False. Mật / Tối mật /
    Tuyệt mật (any case, with or without diacritics) and the historical grades A, B, C
    → True. Any other non-empty value raises :class:`ValueProblem`; the CALLER must
    then treat the item as secret (fail safe): an unreadable mark never publishes.
    """
    key = fold(cell_text(value))
    if key in _NOT_SECRET or _code(value) == 0:
        return False
    if key in _SECRET:
        return True
    raise ValueProblem(
        f"Độ mật {_quote(value)} không rõ nghĩa nên tài liệu được coi là MẬT và không "
        "được công bố. Hãy ghi Mật, Tối mật, Tuyệt mật, hoặc Không (hay để trống) nếu "
        "không mật.",
        f"The secrecy mark {_quote(value)} is not understood, so the item is treated as "
        "SECRET and not published. Write Mật, Tối mật, Tuyệt mật, or Không (or leave "
        "it empty) when it is not secret.",
    )


# ---------------------------------------------------------------- coded labels

_RETENTION = {1: "Vĩnh viễn", 2: "70 năm", 3: "50 năm", 4: "30 năm", 5: "20 năm", 6: "10 năm"}
_CONDITION = {1: "Tốt", 2: "Bình thường", 3: "Hỏng"}
_RELIABILITY = {1: "Bản gốc điện tử", 2: "Số hóa từ bản giấy", 3: "Hỗn hợp"}


def _label(value: object, labels: dict[int, str]) -> str:
    code, words = _split_code(value)
    if code in labels:
        return words or labels[code]
    return cell_text(value)


def retention_label(value: object) -> str:
    """Thời hạn bảo quản: 01 → "Vĩnh viễn", 02 → "70 năm" … 06 → "10 năm"; words as written."""
    return _label(value, _RETENTION)


def condition_label(value: object) -> str:
    """Tình trạng vật lý: 01 → "Tốt", 02 → "Bình thường", 03 → "Hỏng"; words as written."""
    return _label(value, _CONDITION)


def reliability_label(value: object) -> str:
    """Mức độ tin cậy: 01/02/03 → born digital / digitized / mixed; "bản chính" etc. as written."""
    return _label(value, _RELIABILITY)


# ---------------------------------------------------------------- counts, keywords, numbers

_COUNT = re.compile(r"(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*|\d+)(?:[.,]0+)?\s*([^\W\d_]|[\s.])*")


def parse_count(value: object) -> int | None:
    """A count of pages, sheets or documents; None when empty.

    Accepts 12, 12.0, "12", "12 tờ", "12 trang" and thousands written "1.200".
    Anything else (negative, fractional, "12-15"...) raises :class:`ValueProblem`.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isfinite(value) and float(value).is_integer() and value >= 0:
            return int(value)
    elif (text := cell_text(value)) == "":
        return None
    elif m := _COUNT.fullmatch(text):
        return int(re.sub(r"[.,]", "", m.group(1)))
    raise ValueProblem(
        f"Số lượng {_quote(value)} không phải là một số nguyên. Hãy ghi một số, "
        "ví dụ 12 hoặc 12 tờ.",
        f"The count {_quote(value)} is not a whole number. Write a number, "
        "for example 12 or 12 tờ.",
    )


def split_keywords(value: object) -> tuple[str, ...]:
    """Từ khóa separated by ``;`` or ``,``: stripped, without empties or repeats."""
    words = (w.strip() for w in re.split(r"[;,]", cell_text(value)))
    return tuple(dict.fromkeys(w for w in words if w))


def join_document_number(number: object, symbol: object) -> str:
    """"Số của văn bản" + "Ký hiệu của văn bản" as one "Số và ký hiệu".

    Party symbols contain "/" and join with "-" (64 + CV/TW → 64-CV/TW); State symbols
    join with "/" (30/2020 + NĐ-CP → 30/2020/NĐ-CP). Nothing is repeated when one cell
    already holds the whole thing, and a separator typed at the join is kept.
    """
    no, sym = cell_text(number), cell_text(symbol)
    if not sym or no == sym or no.endswith("-" + sym) or no.endswith("/" + sym):
        return no
    if not no or sym.startswith(no + "-") or sym.startswith(no + "/"):
        return sym
    if no[-1] in "-/" or sym[0] in "-/":
        return no + sym
    return f"{no}-{sym}" if "/" in sym else f"{no}/{sym}"
