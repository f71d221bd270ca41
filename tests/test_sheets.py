import codecs
import datetime
import unicodedata
import zipfile

import openpyxl
import pytest

from catalog.access import Tier
from catalog.sheets import (
    DOCUMENT_HEADERS,
    FILE_HEADERS,
    Cell,
    SheetError,
    header_key,
    read_table,
    read_workbook,
    sheet_kind,
)
from catalog.values import ValueProblem, parse_date, parse_tier

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
