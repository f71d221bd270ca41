import codecs
import datetime
import os
import signal
import unicodedata
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.access.tiers import Tier
from catalog.read import input_files, sheets
from catalog.read import rows as sheet_rows
from catalog.read.csv_encoding import decode_csv
from catalog.read.rows import BoundedRows
from catalog.read.sheets import (
    DOCUMENT_HEADERS,
    FILE_HEADERS,
    Cell,
    SheetError,
    header_key,
    read_table,
    read_workbook,
    sheet_kind,
)
from catalog.read.values import ValueProblem, parse_date, parse_tier

FILE_HEADER_LINE = "Mã hồ sơ,Tiêu đề hồ sơ,Chế độ sử dụng"
DOC_HEADER = ["Mã định danh văn bản", "Mã hồ sơ", "Số và ký hiệu",
              "Tên cơ quan, tổ chức ban hành", "Trích yếu nội dung", "Độ mật"]
DOC_ROWS = [
    ["G09.2010.01.0001", "G09.2010.01", "64-CV/TW", "Ban Chấp hành Trung ương",
     "Về việc tổng kết công tác năm", "Không"],
    ["G09.2010.01.0002", "G09.2010.01", "12/UBND-VX", "Ủy ban nhân dân tỉnh",
     "Báo cáo tình hình, kết quả thực hiện", "Tuyệt mật"],
]

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """Text as real Windows-1258 files hold it: tone marks as combining characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


def csv_text(rows, delimiter=","):
    def quote(v):
        return f'"{v}"' if delimiter in v or '"' in v or "\n" in v else v
    return "\r\n".join(delimiter.join(quote(v) for v in row) for row in rows) + "\r\n"


def assert_documents(sheet):
    assert [r.row for r in sheet.rows] == [2, 3]
    first, second = sheet.rows
    assert first.text("doc_id") == "G09.2010.01.0001"
    assert first.text("summary") == "Về việc tổng kết công tác năm"
    assert second.text("issuer") == "Ủy ban nhân dân tỉnh"
    assert second.text("secrecy") == "Tuyệt mật"
    assert second.text("summary") == "Báo cáo tình hình, kết quả thực hiện"
    for row in sheet.rows:
        for cell in row.cells.values():
            assert cell.value == unicodedata.normalize("NFC", cell.value)
    assert second.cells["issuer"] == Cell("Tên cơ quan, tổ chức ban hành", "D", "Ủy ban nhân dân tỉnh")
    assert [h for h, _ in sheet.headers] == DOC_HEADER


# ---------------------------------------------------------------- header matching

@pytest.mark.parametrize("header", ["Mã hồ sơ", "MA HO SO", "ma_ho_so", "file_code",
                                    " Mã  hồ sơ: ", "Mã\nhồ sơ", "MÃ HỒ SƠ"])
def test_file_code_header_variants(header):
    assert header_key(header, "file") == "file_code"
    assert header_key(header, "document") == "file_code"


@pytest.mark.parametrize("kind,table", [("file", FILE_HEADERS), ("document", DOCUMENT_HEADERS)])
def test_every_key_and_alias_maps_to_itself(kind, table):
    for key, names in table.items():
        assert header_key(key, kind) == key
        for name in names:
            assert header_key(name, kind) == key, name


@pytest.mark.parametrize("header,key", [
    ("Mã phông", "fonds_code"), ("Tên phông", "fonds_name"), ("Thời hạn lưu trữ", "retention"),
    ("Thời hạn bảo quản", "retention"), ("Mức độ tiếp cận", "access"),
    ("Chế độ sử dụng", "access"), ("Thời gian bắt đầu", "start_date"),
    ("Thời gian kết thúc", "end_date"), ("Số lượng tờ", "sheets"), ("Số lượng trang", "pages"),
    ("Tổng số tài liệu", "item_count"), ("Từ khoá", "keywords"), ("Chú giải", "notes"),
])
def test_file_headers(header, key):
    assert header_key(header, "file") == key


@pytest.mark.parametrize("header,key", [
    ("Mã tài liệu", "doc_id"), ("STT", "ordinal"), ("Số TT", "ordinal"),
    ("Số thứ tự văn bản trong hồ sơ", "ordinal"), ("Số và ký hiệu", "number"),
    ("Số của văn bản", "number_no"), ("Ký hiệu của văn bản", "number_symbol"),
    ("Ngày, tháng, năm văn bản", "date"), ("Ngày tháng văn bản", "date"),
    ("Ngày văn bản", "date"), ("Tên loại văn bản", "doc_type"), ("Loại văn bản", "doc_type"),
    ("Tên cơ quan, tổ chức ban hành", "issuer"), ("Cơ quan ban hành", "issuer"),
    ("Tác giả", "signer"), ("Người ký", "signer"), ("Số lượng trang", "pages"),
    ("Độ mật", "secrecy"), ("DO MAT", "secrecy"), ("Mức độ tin cậy", "reliability"),
    ("Bút tích", "autograph"), ("Tệp tin", "file"), ("Ghi chú", "notes"),
])
def test_document_headers(header, key):
    assert header_key(header, "document") == key


def test_headers_of_the_other_kind_are_unknown():
    assert header_key("Độ mật", "file") is None
    assert header_key("Tiêu đề hồ sơ", "document") is None
    assert header_key("Người nhập", "document") is None


@pytest.mark.parametrize("name,kind", [
    ("Hồ sơ", "file"), ("HO SO", "file"), ("ho_so", "file"), ("Ho so luu tru", "file"),
    ("Tài liệu", "document"), ("Văn bản", "document"), ("tai_lieu", "document"),
    ("Danh mục tài liệu trong hồ sơ", "document"), ("Sheet1", None), ("Hướng dẫn", None),
])
def test_sheet_kind(name, kind):
    assert sheet_kind(name) == kind


# ---------------------------------------------------------------- CSV encodings

def test_csv_utf8_without_bom(tmp_path):
    path = tmp_path / "tai_lieu.csv"
    path.write_bytes(csv_text([DOC_HEADER, *DOC_ROWS]).encode("utf-8"))
    sheet = read_table(path, "pkg/tai_lieu.csv", "document")
    assert (sheet.path, sheet.sheet) == ("pkg/tai_lieu.csv", None)
    assert_documents(sheet)


def test_csv_utf8_bom_semicolons(tmp_path):
    path = tmp_path / "tai_lieu.csv"
    path.write_bytes(codecs.BOM_UTF8 + csv_text([DOC_HEADER, *DOC_ROWS], ";").encode("utf-8"))
    sheet = read_table(path, "tai_lieu.csv", "document")
    assert_documents(sheet)
    assert sheet.headers[0] == ("Mã định danh văn bản", "doc_id")  # BOM not in the header


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_csv_utf16_tab_separated_excel_unicode_text(tmp_path, encoding):
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
    path = tmp_path / "tai_lieu.csv"
    path.write_bytes(bom + csv_text([DOC_HEADER, *DOC_ROWS], "\t").encode(encoding))
    assert_documents(read_table(path, "tai_lieu.csv", "document"))


def test_csv_windows_1258_with_combining_tone_marks(tmp_path):
    path = tmp_path / "tai_lieu.csv"
    raw = windows_1258(csv_text([DOC_HEADER, *DOC_ROWS]))
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    path.write_bytes(raw)
    sheet = read_table(path, "tai_lieu.csv", "document")
    assert_documents(sheet)
    assert sheet.rows[1].text("secrecy") == "Tuyệt mật"  # NFC, so it compares equal


def test_csv_undecodable(tmp_path):
    path = tmp_path / "ho_so.csv"
    path.write_bytes(b"M\x81 h\x8d so,Ti\x90u de\r\nA,B\r\n")
    with pytest.raises(SheetError) as info:
        read_table(path, "goi1/ho_so.csv", "file")
    error = info.value
    assert (error.path, error.sheet, error.row, error.column) == ("goi1/ho_so.csv", None, None, None)
    assert error.message.startswith("Không đọc được bảng mã chữ của tệp CSV. Hãy mở tệp")
    assert " / The text encoding of the CSV file cannot be read." in error.message
    assert "CSV UTF-8" in error.message
    assert str(error).startswith("Tệp “goi1/ho_so.csv”: không đọc được bảng mã")
    assert " / File “goi1/ho_so.csv”: the text encoding" in str(error)


def test_csv_layout_title_rows_empty_rows_extras_and_row_numbers(tmp_path):
    rows = [
        ["MỤC LỤC HỒ SƠ PHÔNG UBND TỈNH", "", "", "", ""],
        ["", "", "", "", ""],
        ["Mã hồ sơ", "Tiêu đề hồ sơ", "Người nhập", "Từ khóa", "Tiêu đề"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["G09.2010.01", "Hồ sơ về việc\nxây dựng trường", "Lan", "giáo dục; xây dựng", "phụ"],
        ["", "", "", "", ""],
        ["G09.2010.02", "Hồ sơ hội nghị", "", "", "", "ghi thêm"],
    ]
    path = tmp_path / "ho_so.csv"
    path.write_bytes(csv_text(rows).encode("utf-8"))
    sheet = read_table(path, "ho_so.csv", "file")
    assert sheet.headers == (("Mã hồ sơ", "file_code"), ("Tiêu đề hồ sơ", "title"),
                             ("Người nhập", None), ("Từ khóa", "keywords"), ("Tiêu đề", None))
    first, second = sheet.rows
    # records as Excel numbers them: title 1, blank 2, header 3, numbering 4, data 5, 7
    assert (first.row, second.row) == (5, 7)
    assert first.text("title") == "Hồ sơ về việc\nxây dựng trường"
    assert first.extra == (Cell("Người nhập", "C", "Lan"), Cell("Tiêu đề", "E", "phụ"))
    assert second.extra == (Cell("Người nhập", "C", ""), Cell("Tiêu đề", "E", ""),
                            Cell("", "F", "ghi thêm"))
    assert second.get("language") is None and second.text("language") == ""


def test_csv_semicolon_file_with_commas_in_values(tmp_path):
    rows = [["Mã hồ sơ", "Tiêu đề hồ sơ", "Từ khóa"],
            ["G1", "Hồ sơ A", "đất đai, quy hoạch, xây dựng"]]
    path = tmp_path / "ho_so.csv"
    path.write_bytes("\n".join(";".join(r) for r in rows).encode("utf-8"))
    (row,) = read_table(path, "ho_so.csv", "file").rows
    assert row.text("keywords") == "đất đai, quy hoạch, xây dựng"
    assert row.cells["keywords"].column == "C"


def test_csv_embedded_newline_counts_records_not_lines(tmp_path):
    rows = [["Mã hồ sơ", "Tiêu đề hồ sơ"], ["G1", "dòng một\ndòng hai"], ["G2", "Hồ sơ B"]]
    path = tmp_path / "ho_so.csv"
    path.write_bytes(csv_text(rows).encode("utf-8"))
    assert [r.row for r in read_table(path, "ho_so.csv", "file").rows] == [2, 3]


def test_duplicate_column_keeps_first_second_is_extra(tmp_path):
    rows = [["Mã hồ sơ", "Tiêu đề hồ sơ", "Ghi chú", "GHI CHU"], ["G1", "T", "một", "hai"]]
    path = tmp_path / "ho_so.csv"
    path.write_bytes(csv_text(rows).encode("utf-8"))
    sheet = read_table(path, "ho_so.csv", "file")
    (row,) = sheet.rows
    assert row.text("notes") == "một"
    assert row.extra == (Cell("GHI CHU", "D", "hai"),)
    assert sheet.headers[3] == ("GHI CHU", None)


def test_missing_required_column_names_it(tmp_path):
    path = tmp_path / "tai_lieu.csv"
    path.write_bytes(csv_text([["TIÊU ĐỀ"], ["Mã tài liệu", "Mã hồ sơ", "Ghi chú"],
                               ["D1", "G1", "x"]]).encode("utf-8"))
    with pytest.raises(SheetError) as info:
        read_table(path, "goi1/tai_lieu.csv", "document")
    error = info.value
    assert (error.path, error.sheet, error.row, error.column) == ("goi1/tai_lieu.csv", None, 2, None)
    assert error.message.startswith("Bảng tài liệu thiếu cột bắt buộc “Trích yếu nội dung”")
    assert "“Mã tài liệu”, “Mã hồ sơ”, “Ghi chú”" in error.message
    assert " / The documents table lacks the required column(s) “Trích yếu" in error.message
    assert str(error).startswith("Tệp “goi1/tai_lieu.csv”, dòng 2: bảng tài liệu thiếu cột")
    assert "File “goi1/tai_lieu.csv”, row 2: the documents table lacks" in str(error)


def test_no_header_row(tmp_path):
    path = tmp_path / "ho_so.csv"
    path.write_bytes("Chỉ một cột\nG1\nG2\n".encode("utf-8"))
    with pytest.raises(SheetError, match="không tìm thấy dòng tiêu đề cột"):
        read_table(path, "ho_so.csv", "file")


def test_unsupported_file_type(tmp_path):
    path = tmp_path / "ho_so.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SheetError, match=r"\.xlsx \(Excel Workbook\)"):
        read_table(path, "ho_so.xls", "file")


# ---------------------------------------------------------------- XLSX

def make_inventory(path, sheet_title="Hồ sơ"):
    """An inventory as archivists make it: merged title row, numbering row, real dates."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet_title
    ws["A1"] = "MỤC LỤC HỒ SƠ"
    ws.merge_cells("A1:F1")
    ws.append(["Tên phông", "Ủy ban nhân dân tỉnh"])  # a label/value line above the table
    ws.append(["Mã hồ sơ", "Tiêu đề hồ sơ", "Thời gian bắt đầu", "Chế độ sử dụng",
               "Người nhập", "Số lượng tờ"])
    ws.append([1, 2, 3, 4, 5, 6])
    ws.append(["G09.2010.01", "Hồ sơ về việc xây dựng trường học",
               datetime.datetime(2010, 3, 5), 1, "Lan", 12])
    ws.append([])
    ws.append(["G09.2010.02", unicodedata.normalize("NFD", "Hồ sơ hội nghị"), "31/02/2020",
               "02", None, "15 tờ"])
    book.save(path)
    return path


def test_xlsx_inventory(tmp_path):
    path = make_inventory(tmp_path / "ho_so.xlsx")
    before = path.read_bytes()
    sheet = read_table(path, "goi1/ho_so.xlsx", "file")
    assert path.read_bytes() == before  # inputs are never modified
    assert (sheet.path, sheet.sheet) == ("goi1/ho_so.xlsx", "Hồ sơ")
    first, second = sheet.rows
    assert (first.row, second.row) == (5, 7)
    assert first.get("start_date") == datetime.datetime(2010, 3, 5)
    assert parse_date(first.get("start_date")).text == "05/03/2010"
    assert first.get("access") == 1 and parse_tier(first.get("access")) is Tier.PUBLIC
    assert parse_tier(second.get("access")) is Tier.RESTRICTED
    assert first.cells["sheets"] == Cell("Số lượng tờ", "F", 12)
    assert first.extra == (Cell("Người nhập", "E", "Lan"),)
    assert second.extra == (Cell("Người nhập", "E", None),)
    assert second.text("title") == "Hồ sơ hội nghị"  # NFD in the file, NFC here


def test_value_problem_located_at_row_and_column(tmp_path):
    path = make_inventory(tmp_path / "ho_so.xlsx")
    row = read_table(path, "goi1/ho_so.xlsx", "file").rows[1]
    with pytest.raises(ValueProblem) as info:
        parse_date(row.get("start_date"))
    error = row.error("start_date", info.value)
    assert (error.path, error.sheet, error.row) == ("goi1/ho_so.xlsx", "Hồ sơ", 7)
    assert error.column == "C (Thời gian bắt đầu)"
    assert error.message == info.value.message
    vi, en = str(error).split(" / ", 1)
    assert vi.startswith("Tệp “goi1/ho_so.xlsx”, trang tính “Hồ sơ”, dòng 7, cột C "
                         "(Thời gian bắt đầu): Ngày tháng “31/02/2020” không hợp lệ")
    assert en.startswith("File “goi1/ho_so.xlsx”, sheet “Hồ sơ”, row 7, column C "
                         "(Thời gian bắt đầu): The date “31/02/2020” is not valid")


def test_xlsx_read_table_picks_the_sheet_named_for_the_kind(tmp_path):
    path = tmp_path / "bang_ke.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Hướng dẫn"
    book.active["A1"] = "Điền mỗi hồ sơ một dòng"
    docs = book.create_sheet("TAI LIEU")
    docs.append(DOC_HEADER)
    for values in DOC_ROWS:
        docs.append(values)
    book.save(path)
    sheet = read_table(path, "bang_ke.xlsx", "document")
    assert sheet.sheet == "TAI LIEU"
    assert_documents(sheet)


def test_xlsx_read_table_falls_back_to_first_sheet(tmp_path):
    path = make_inventory(tmp_path / "ho_so.xlsx", sheet_title="Sheet1")
    assert read_table(path, "ho_so.xlsx", "file").sheet == "Sheet1"


def two_sheet_workbook(path, names=("Hướng dẫn", "HO SO", "Văn bản")):
    book = openpyxl.Workbook()
    guide, files, docs = book.active, book.create_sheet(names[1]), book.create_sheet(names[2])
    guide.title = names[0]
    guide.append(["Cột", "Ý nghĩa"])
    files.append(["Mã hồ sơ", "Tiêu đề hồ sơ"])
    files.append(["G09.2010.01", "Hồ sơ xây dựng"])
    docs.append(DOC_HEADER)
    for values in DOC_ROWS:
        docs.append(values)
    book.save(path)
    return path


def test_read_workbook_by_sheet_names(tmp_path):
    path = two_sheet_workbook(tmp_path / "goi.xlsx")
    sheets = read_workbook(path, "goi/goi.xlsx")
    assert set(sheets) == {"file", "document"}
    assert (sheets["file"].sheet, sheets["document"].sheet) == ("HO SO", "Văn bản")
    (file_row,) = sheets["file"].rows
    assert (file_row.row, file_row.text("file_code"), file_row.sheet) == (2, "G09.2010.01", "HO SO")
    assert_documents(sheets["document"])


def test_read_workbook_by_columns_when_names_say_nothing(tmp_path):
    path = two_sheet_workbook(tmp_path / "goi.xlsx", ("Sheet1", "Sheet2", "Sheet3"))
    sheets = read_workbook(path, "goi.xlsx")
    assert (sheets["file"].sheet, sheets["document"].sheet) == ("Sheet2", "Sheet3")


def test_read_workbook_missing_sheet(tmp_path):
    path = tmp_path / "goi.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Hồ sơ"
    book.active.append(["Mã hồ sơ", "Tiêu đề hồ sơ"])
    book.save(path)
    with pytest.raises(SheetError) as info:
        read_workbook(path, "goi.xlsx")
    assert str(info.value).startswith(
        "Tệp “goi.xlsx”: không tìm thấy trang tính tài liệu (các trang tính đang có: Hồ sơ)")
    assert "Name the two sheets “Hồ sơ” and “Tài liệu”" in info.value.message


def test_corrupt_xlsx(tmp_path):
    path = tmp_path / "ho_so.xlsx"
    path.write_text("Mã hồ sơ,Tiêu đề hồ sơ\n", encoding="utf-8")
    with pytest.raises(SheetError) as info:
        read_table(path, "goi1/ho_so.xlsx", "file")
    assert info.value.path == "goi1/ho_so.xlsx"
    assert str(info.value).startswith("Tệp “goi1/ho_so.xlsx”: không mở được tệp")
    assert "Save As" in info.value.message


def test_xlsx_with_wrong_recorded_size_is_read_in_full(tmp_path):
    good = two_sheet_workbook(tmp_path / "good.xlsx")
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b'<dimension ref="A1:F3"/>', b'<dimension ref="A1:B2"/>')
            dst.writestr(item, data)
    assert b'ref="A1:B2"' in zipfile.ZipFile(bad).read("xl/worksheets/sheet3.xml")
    assert_documents(read_workbook(bad, "bad.xlsx")["document"])


# ---------------------------------------------------------------- hostile input: encodings

VN_WORDS = ("báo cáo tình hình thực hiện nhiệm vụ năm công văn về việc tổng kết ủy ban nhân "
            "dân tỉnh quyết định thành lập hội đồng tờ trình đề nghị khen thưởng sở nội vụ lưu "
            "trữ hồ sơ tài liệu mật hạn chế đất đai quy hoạch CỘNG HÒA XÃ HỘI CHỦ NGHĨA").split()
_cells = st.one_of(st.lists(st.sampled_from(VN_WORDS), min_size=1, max_size=8).map(" ".join),
                   st.from_regex(r"G[0-9]{2}\.[0-9]{4}\.[0-9]{2}", fullmatch=True),
                   st.integers(0, 999).map(str), st.just(""))
# Real inventories: a header row, then rows of words, codes and numbers.
inventories = st.tuples(
    st.sampled_from([FILE_HEADER_LINE, "doc_id,file_code,summary", ",".join(DOC_HEADER)]),
    st.lists(st.lists(_cells, min_size=2, max_size=6).map(",".join), min_size=1, max_size=6),
).map(lambda t: unicodedata.normalize("NFC", "\r\n".join([t[0], *t[1]]) + "\r\n"))


@settings(max_examples=150, deadline=None, database=None)
@given(inventories, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258"]))
def test_every_contract_encoding_is_decided_and_read_back(text, encoding):
    data = windows_1258(text) if encoding == "cp1258" else text.encode(encoding)
    decoded = decode_csv(data)
    assert decoded is not None and decoded.text == text
    expected = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le"}.get(encoding, encoding)
    assert decoded.encoding == ("utf-8" if expected == "cp1258" and text.isascii() else expected)
    assert decoded.foreign_lines == decoded.nul_lines == ()


@settings(max_examples=150, deadline=None, database=None)
@given(inventories, st.integers(min_value=0))
def test_a_stray_nul_in_utf8_is_removed_never_read_as_utf16(text, where):
    data = text.encode("utf-8")
    cut = where % (len(data) + 1)
    while cut < len(data) and data[cut] & 0xC0 == 0x80:  # between characters, not inside one
        cut += 1
    decoded = decode_csv(data[:cut] + b"\x00" + data[cut:])
    assert decoded.encoding == "utf-8" and decoded.text == text
    assert len(decoded.nul_lines) == 1


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_csv_utf16_without_bom(tmp_path, encoding):
    path = tmp_path / "tai_lieu.csv"
    path.write_bytes(csv_text([DOC_HEADER, *DOC_ROWS], "\t").encode(encoding))
    sheet = read_table(path, "tai_lieu.csv", "document")
    assert_documents(sheet)
    assert sheet.problems == () and sheet.complete


def test_csv_stray_nul_is_removed_and_reported_with_its_row(tmp_path):
    path = tmp_path / "tai_lieu.csv"
    data = csv_text([DOC_HEADER, *DOC_ROWS]).encode("utf-8")
    path.write_bytes(data.replace("Ủy ban".encode(), "Ủy\x00 ban".encode()))  # row 3, early
    sheet = read_table(path, "goi/tai_lieu.csv", "document")
    assert_documents(sheet)
    (problem,) = sheet.problems
    assert (problem.code, problem.severity, problem.error.row) == ("stray-nul", "warning", 3)
    assert (problem.error.path, problem.error.code) == ("goi/tai_lieu.csv", "stray-nul")
    assert problem.error.message.startswith("Tệp có ký tự NUL") and " / The file has" in problem.error.message
    assert all(row.damaged == "" for row in sheet.rows)


def test_csv_mixed_encoding_flags_the_foreign_rows_only(tmp_path):
    rows = [DOC_HEADER, *DOC_ROWS,
            ["G09.2010.01.0003", "G09.2010.01", "3", "", "Về việc đề nghị khen thưởng", ""],
            ["G09.2010.01.0004", "G09.2010.01", "4", "", "Quyết định thành lập", ""]]
    lines = [csv_text([row]) for row in rows]
    foreign = {2, 4}  # list positions: rows 3 and 5 of the sheet
    path = tmp_path / "tai_lieu.csv"
    path.write_bytes(b"".join(windows_1258(line) if i in foreign else line.encode()
                              for i, line in enumerate(lines)))
    sheet = read_table(path, "tai_lieu.csv", "document")
    assert [(r.row, r.damaged) for r in sheet.rows] == [
        (2, ""), (3, "mixed-encoding"), (4, ""), (5, "mixed-encoding")]
    assert sheet.rows[1].text("summary") == "Báo cáo tình hình, kết quả thực hiện"  # best effort
    assert sheet.rows[2].text("summary") == "Về việc đề nghị khen thưởng"
    (problem,) = sheet.problems
    assert (problem.code, problem.severity, problem.error.row) == ("mixed-encoding", "error", 3)
    assert "2 dòng" in problem.error.message and "2 row(s)" in problem.error.message
    assert "CSV UTF-8" in problem.error.message


def test_csv_mixed_encoding_in_a_multiline_cell_flags_that_record(tmp_path):
    path = tmp_path / "ho_so.csv"
    path.write_bytes("Mã hồ sơ,Tiêu đề hồ sơ\r\nG1,\"Hồ sơ về việc\r\n".encode()
                     + windows_1258("xây dựng\"\r\n") + "G2,Hồ sơ hội nghị\r\n".encode())
    sheet = read_table(path, "ho_so.csv", "file")
    assert [(r.row, r.damaged) for r in sheet.rows] == [(2, "mixed-encoding"), (3, "")]
    assert sheet.rows[1].text("title") == "Hồ sơ hội nghị"


def test_csv_with_no_confident_decoding_is_a_bad_sheet():
    assert decode_csv(bytes(range(128, 256)) * 20) is None
    assert decode_csv(b"M\x81 h\x8d so,Ti\x90u de\r\nA,B\r\n") is None


# ---------------------------------------------------------------- hostile input: limits

def test_sound_sheet_has_no_problems_and_no_damaged_rows(tmp_path):
    path = tmp_path / "tai_lieu.csv"
    path.write_bytes(csv_text([DOC_HEADER, *DOC_ROWS]).encode("utf-8"))
    sheet = read_table(path, "tai_lieu.csv", "document")
    assert sheet.problems == () and sheet.complete
    assert [row.damaged for row in sheet.rows] == ["", ""]


def test_csv_oversized_cell_flags_its_row_and_keeps_the_others(tmp_path):
    rows = [DOC_HEADER, DOC_ROWS[0], [*DOC_ROWS[1][:4], "x" * 40_000, "Không"], DOC_ROWS[0]]
    path = tmp_path / "tai_lieu.csv"
    path.write_bytes(csv_text(rows).encode("utf-8"))
    sheet = read_table(path, "goi/tai_lieu.csv", "document")
    assert [(r.row, r.damaged) for r in sheet.rows] == [(2, ""), (3, "cell-too-large"), (4, "")]
    big = sheet.rows[1]
    assert len(big.text("summary")) < 100 and "40.000" in big.text("summary")
    assert big.text("issuer") == "Ủy ban nhân dân tỉnh"  # the other cells are read
    (problem,) = sheet.problems
    error = problem.error
    assert (problem.code, error.row, error.column) == ("cell-too-large", 3, "E (Trích yếu nội dung)")
    assert "32.767" in error.message and "32,767" in error.message


def test_xlsx_oversized_cell_flags_its_row(tmp_path):
    sound = two_sheet_workbook(tmp_path / "sound.xlsx")
    path = tmp_path / "goi.xlsx"
    summary = "Về việc tổng kết công tác năm".encode("ascii", "xmlcharrefreplace")  # as in the XML
    with zipfile.ZipFile(sound) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet3.xml":  # openpyxl truncates on write
                data = data.replace(summary, b"y" * 40_000)
            dst.writestr(item.filename, data)
    sheet = read_workbook(path, "goi.xlsx")["document"]
    assert [(r.row, r.damaged) for r in sheet.rows] == [(2, "cell-too-large"), (3, "")]
    (problem,) = sheet.problems
    assert (problem.code, problem.error.sheet, problem.error.row) == ("cell-too-large", "Văn bản", 2)


def test_row_limit_stops_reading_and_says_where(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_rows, "MAX_ROWS", 4)
    rows = [DOC_HEADER, DOC_ROWS[0], [], DOC_ROWS[1], DOC_ROWS[0], DOC_ROWS[1], DOC_ROWS[0]]
    path = tmp_path / "tai_lieu.csv"
    path.write_bytes(csv_text(rows).encode("utf-8"))
    sheet = read_table(path, "tai_lieu.csv", "document")
    assert [r.row for r in sheet.rows] == [2, 4, 5]  # with the header, 4: blank row 3 not counted
    assert not sheet.complete
    (problem,) = sheet.problems
    assert (problem.code, problem.severity, problem.error.row) == ("too-many-rows", "error", 6)
    assert "từ dòng 6 trở đi không được đọc" in problem.error.message


def test_row_limit_reads_no_further_than_the_limit(monkeypatch):
    monkeypatch.setattr(sheet_rows, "MAX_ROWS", 10)
    consumed = []
    records = ((n, consumed.append(n) or ["a", str(n)]) for n in range(1, 1_000_001))
    read = BoundedRows("x.csv", None).read(records)
    assert len(read.rows) == 10 and consumed[-1] == 11 and not read.complete


def test_csv_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_CSV_BYTES", 100)
    path = tmp_path / "tai_lieu.csv"
    path.write_bytes(csv_text([DOC_HEADER, *DOC_ROWS]).encode("utf-8"))
    with pytest.raises(SheetError) as info:
        read_table(path, "tai_lieu.csv", "document")
    assert info.value.code == "file-too-large"


@pytest.mark.parametrize("limit, value", [("MAX_XLSX_INFLATED", 10_000), ("XLSX_RATIO_FLOOR", 1_000)])
def test_xlsx_that_would_inflate_too_much_is_refused_before_opening(tmp_path, monkeypatch, limit, value):
    path = two_sheet_workbook(tmp_path / "goi.xlsx")  # its theme part is 7 KB, 3 KB zipped
    if limit == "XLSX_RATIO_FLOOR":
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as book:
            book.writestr("xl/media/padding.bin", b"\0" * 200_000)
    monkeypatch.setattr(input_files, limit, value)
    monkeypatch.setattr(sheets, "load_workbook", None)  # never reached
    with pytest.raises(SheetError) as info:
        read_workbook(path, "goi.xlsx")
    assert info.value.code == "xlsx-bomb"
    assert "bom nén" in info.value.message and "zip bomb" in info.value.message


def test_fifo_sheet_is_refused_without_waiting(tmp_path):
    path = tmp_path / "ho_so.csv"
    os.mkfifo(path)
    previous = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("opening the FIFO blocked"))
    signal.alarm(5)
    try:
        with pytest.raises(SheetError) as info:
            read_table(path, "goi/ho_so.csv", "file")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert (info.value.code, info.value.path) == ("not-regular-file", "goi/ho_so.csv")
