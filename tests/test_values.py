import datetime

import pytest

from catalog.access.tiers import Tier
from catalog.read.values import (
    DateValue,
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

D = datetime.date


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("value", ["10/04/2025", "10/4/2025", "10.04.2025", "10-04-2025",
                                   "2025-04-10", " 10 / 04 / 2025 ", "2025-04-10 00:00:00",
                                   datetime.datetime(2025, 4, 10, 0, 0), D(2025, 4, 10)])
def test_day_forms(value):
    assert parse_date(value) == DateValue(D(2025, 4, 10), D(2025, 4, 10), "day", "10/04/2025")


def test_day_iso_and_year():
    d = parse_date("1/2/2020")
    assert (d.iso, d.text, d.year) == ("2020-02-01", "01/02/2020", 2020)


def test_month_covers_whole_month_including_leap_february():
    d = parse_date("02/2024")
    assert (d.start, d.end, d.precision, d.text, d.iso) == (
        D(2024, 2, 1), D(2024, 2, 29), "month", "02/2024", "2024-02")
    assert parse_date("2025-12").end == D(2025, 12, 31)
    assert parse_date("4/2025").text == "04/2025"


@pytest.mark.parametrize("value", ["2025", 2025, 2025.0, "2025.0"])
def test_year_forms(value):
    d = parse_date(value)
    assert (d.start, d.end, d.precision, d.text, d.iso) == (
        D(2025, 1, 1), D(2025, 12, 31), "year", "2025", "2025")


@pytest.mark.parametrize("value", ["2019-2021", "2019 - 2021", "2019–2021", "2019/2021"])
def test_year_range(value):
    d = parse_date(value)
    assert (d.start, d.end, d.precision, d.text, d.iso, d.year) == (
        D(2019, 1, 1), D(2021, 12, 31), "range", "2019–2021", "2019/2021", 2019)


def test_range_of_one_year_is_that_year():
    assert parse_date("2020-2020").precision == "year"


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_date(value):
    assert parse_date(value) is None


def test_impossible_date_names_value_reason_and_forms():
    with pytest.raises(ValueProblem) as info:
        parse_date("31/02/2020")
    message = info.value.message
    assert "“31/02/2020”" in message
    assert "không có ngày 31 tháng 2 năm 2020" in message
    assert "there is no day 31 in month 2 of 2020" in message
    assert "dd/mm/yyyy" in message and "yyyy-mm-dd" in message and "mm/yyyy" in message
    vi, en = message.split(" / ", 1)
    assert vi == info.value.vi and en == info.value.en and en.endswith(".")
    assert str(info.value) == message


@pytest.mark.parametrize("value", ["tháng 4 năm 2025", "10/04/25", "13/2025", "2021-2019",
                                   "10/04/2025 đến 12/04/2025", "0202", "2025-04-10 14:30", 45757, 12.5, True,
                                   datetime.time(10, 30)])
def test_bad_dates(value):
    with pytest.raises(ValueProblem):
        parse_date(value)


def test_reversed_range_explains():
    with pytest.raises(ValueProblem, match="first year 2021 is after the last year 2019"):
        parse_date("2021-2019")


def test_excel_serial_number_hints_at_cell_format():
    with pytest.raises(ValueProblem, match="format the cell as Date"):
        parse_date(45757)


# ---------------------------------------------------------------- access

@pytest.mark.parametrize("value,tier", [
    ("01", Tier.PUBLIC), ("1", Tier.PUBLIC), (1, Tier.PUBLIC), (1.0, Tier.PUBLIC),
    ("Công khai", Tier.PUBLIC), ("CONG KHAI", Tier.PUBLIC), ("public", Tier.PUBLIC),
    ("01 - Công khai", Tier.PUBLIC),
    ("02", Tier.RESTRICTED), (2, Tier.RESTRICTED), ("Sử dụng có điều kiện", Tier.RESTRICTED),
    ("su dung co dieu kien", Tier.RESTRICTED), ("Hạn chế", Tier.RESTRICTED),
    ("conditional", Tier.RESTRICTED), ("Restricted", Tier.RESTRICTED),
    ("03", Tier.SECRET), (3.0, Tier.SECRET), ("Mật", Tier.SECRET), ("MAT", Tier.SECRET),
    ("secret", Tier.SECRET), ("Tối mật", Tier.SECRET),
])
def test_parse_tier(value, tier):
    assert parse_tier(value) is tier


@pytest.mark.parametrize("value", [None, "", " "])
def test_empty_tier(value):
    assert parse_tier(value) is None


@pytest.mark.parametrize("value", ["04", 0, "Mở", "01 - Mật", "1.5"])
def test_unknown_or_contradictory_tier(value):
    with pytest.raises(ValueProblem) as info:
        parse_tier(value)
    assert "01 (Công khai)" in info.value.vi and "02 (restricted)" in info.value.en


@pytest.mark.parametrize("value", [None, "", "Không", "không mật", "KHONG MAT", "Thường",
                                   "0", 0, "none"])
def test_not_secret(value):
    assert parse_secrecy(value) is False


@pytest.mark.parametrize("value", ["Mật", "mat", "MẬT", "Tối mật", "toi mat", "Tuyệt mật",
                                   "tuyet mat", "A", "b", "C"])
def test_secret(value):
    assert parse_secrecy(value) is True


@pytest.mark.parametrize("value", ["x", "Có", "D", "01 - Mật"])
def test_unknown_secrecy_raises_and_says_it_is_treated_as_secret(value):
    with pytest.raises(ValueProblem) as info:
        parse_secrecy(value)
    assert "coi là MẬT" in info.value.vi and "treated as SECRET" in info.value.en


# ---------------------------------------------------------------- coded labels

@pytest.mark.parametrize("value,label", [
    ("01", "Vĩnh viễn"), (1, "Vĩnh viễn"), (1.0, "Vĩnh viễn"), ("02", "70 năm"),
    ("03", "50 năm"), ("04", "30 năm"), (5, "20 năm"), ("06", "10 năm"),
    ("Vĩnh viễn", "Vĩnh viễn"), ("70 năm", "70 năm"), ("5 năm", "5 năm"),
    ("05 - 20 năm", "20 năm"), (None, ""), ("07", "07"),
])
def test_retention_label(value, label):
    assert retention_label(value) == label


def test_condition_and_reliability_labels():
    assert [condition_label(v) for v in ("01", 2, 3.0, "Mờ chữ")] == [
        "Tốt", "Bình thường", "Hỏng", "Mờ chữ"]
    assert [reliability_label(v) for v in ("01", 2.0, "03", "Bản chính", "bản sao")] == [
        "Bản gốc điện tử", "Số hóa từ bản giấy", "Hỗn hợp", "Bản chính", "bản sao"]


# ---------------------------------------------------------------- counts, keywords

@pytest.mark.parametrize("value,count", [
    (12, 12), (12.0, 12), ("12", 12), (" 12 tờ ", 12), ("12 trang", 12), ("12.0", 12),
    ("1.200", 1200), (0, 0), (None, None), ("", None),
])
def test_parse_count(value, count):
    assert parse_count(value) == count


@pytest.mark.parametrize("value", ["12-15", "mười hai", -3, 12.5, "1,5", "12 tờ 3", True])
def test_bad_count(value):
    with pytest.raises(ValueProblem) as info:
        parse_count(value)
    assert "không phải là một số nguyên" in info.value.vi and "not a whole number" in info.value.en


def test_split_keywords():
    assert split_keywords("đất đai; quy hoạch, , giải phóng mặt bằng;") == (
        "đất đai", "quy hoạch", "giải phóng mặt bằng")
    assert split_keywords("a; a ;b") == ("a", "b")
    assert split_keywords(None) == ()


# ---------------------------------------------------------------- document numbers

@pytest.mark.parametrize("number,symbol,joined", [
    (64, "CV/TW", "64-CV/TW"),
    (64.0, "CV/TW", "64-CV/TW"),
    ("14204", "CV/VPTW", "14204-CV/VPTW"),
    (367, "QĐ/TWĐTN-VP", "367-QĐ/TWĐTN-VP"),
    ("30/2020", "NĐ-CP", "30/2020/NĐ-CP"),
    (12, "UBND-VX", "12/UBND-VX"),
    ("64-CV/TW", "CV/TW", "64-CV/TW"),      # number cell holds the whole thing
    ("30/2020/NĐ-CP", "NĐ-CP", "30/2020/NĐ-CP"),
    (64, "64-CV/TW", "64-CV/TW"),           # symbol cell holds the whole thing
    ("30/2020", "30/2020/NĐ-CP", "30/2020/NĐ-CP"),
    ("12", "/UBND-VX", "12/UBND-VX"),       # separator typed in the symbol cell
    ("64-", "CV/TW", "64-CV/TW"),
    (64, None, "64"),
    (None, "CV/TW", "CV/TW"),
    (None, None, ""),
])
def test_join_document_number(number, symbol, joined):
    assert join_document_number(number, symbol) == joined


# ---------------------------------------------------------------- cell_text

def test_cell_text():
    decomposed = "Ho\u0302\u0300 so\u031b"  # "Hồ sơ" with combining marks
    assert cell_text(decomposed) == "Hồ sơ" and len(cell_text(decomposed)) == 5
    assert [cell_text(v) for v in (None, 12.0, 12, 12.5, "  x \n", True)] == [
        "", "12", "12", "12.5", "x", "TRUE"]
    assert cell_text(datetime.datetime(2025, 4, 1, 0, 0)) == "01/04/2025"
    assert cell_text(D(1999, 12, 31)) == "31/12/1999"
