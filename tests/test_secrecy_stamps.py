"""Secrecy stamps: a document whose first page is stamped MẬT / TỐI MẬT / TUYỆT MẬT is held
back from every edition, whatever its sheet says, until the package's
``secrecy_review.toml`` names it as a checked false alarm."""

from __future__ import annotations

import pytest

import pdfgen
from catalog.access.stamps import secrecy_stamp
from catalog.build import BuildPaths, build
from catalog.config import load_config
from leak_scan import scan
from projects import DOC_HEADERS, FILE_HEADERS, write_catalog_toml, write_workbook


@pytest.mark.parametrize("text, stamp", [
    ("MẬT\nQUYẾT ĐỊNH\nVề việc …", "MẬT"),
    ("ỦY BAN NHÂN DÂN\n  TỐI MẬT  \nCÔNG VĂN", "TỐI MẬT"),
    ("[MẬT - KHẨN]\nTỜ TRÌNH", "MẬT - KHẨN"),
    ("ĐỘ MẬT: TUYỆT MẬT", "ĐỘ MẬT: TUYỆT MẬT"),
    ("MAT\nBÁO CÁO", "MAT"),  # OCR lost the marks: still a stamp (a false alarm costs only a review)
    ("KHẨN\nCÔNG VĂN", None),  # urgency is not secrecy
    ("HỎA TỐC\nTHƯỢNG KHẨN", None),
    ("Về việc bảo vệ bí mật nhà nước trong công tác lưu trữ", None),  # inside a sentence
    ("Mật", None),  # not a stamp: stamps are capitals
])
def test_stamp_lines(text, stamp):
    assert secrecy_stamp(text) == stamp


def _project(tmp_path, review: str | None = None):
    content = tmp_path / "content"
    write_catalog_toml(content)
    package = content / "packages" / "P"
    data = package / "data"
    pdfgen.write_text_pdf(data / "HS1.1.pdf", ["MẬT\nQUYẾT ĐỊNH\nVề việc qzxstampedtext trong kế hoạch", "Trang hai qzxstampedtwo."])
    pdfgen.write_text_pdf(data / "HS1.2.pdf", ["KHẨN\nCÔNG VĂN\nVề việc khẩn trương số hóa tài liệu qzxurgenttext"])
    pdfgen.write_text_pdf(data / "HS1.3.pdf", ["Về việc bảo vệ bí mật nhà nước trong lưu trữ qzxsentencetext"])
    pdfgen.write_text_pdf(data / "HS2.pdf", ["TUYỆT MẬT\nBÁO CÁO qzxwholefile", "Trang của văn bản thứ hai qzxsecondinfile"])
    rows = [[f"D{n}", "HS1", n, "", "", "", f"Văn bản {n}", "01", "", "", "", ""] for n in (1, 2, 3)]
    # E1 and E2 share the file's one scan: E1 on page 1 (stamped), E2 on page 2.
    rows += [["E1", "HS2", 1, "", "", "", "Văn bản E1", "01", "", "", "", "1"],
             ["E2", "HS2", 2, "", "", "", "Văn bản E2", "01", "", "", "", "2"]]
    write_workbook(package / "s.xlsx", [["HS1", "Phông", "Hồ sơ một", "01"], ["HS2", "Phông", "Hồ sơ hai", "01"]],
                   rows, FILE_HEADERS, [*DOC_HEADERS, "Trang số"])
    if review is not None:
        (package / "secrecy_review.toml").write_text(review, encoding="utf-8")
    return content


def _build(tmp_path, content, edition="public"):
    return build(load_config(content), BuildPaths.for_output(tmp_path / edition / "site"), edition)


STAMPED = {"qzxstampedtext", "qzxstampedtwo", "qzxwholefile"}


@pytest.mark.parametrize("edition", ["public", "restricted"])
def test_a_stamped_document_is_published_in_no_edition_and_its_text_is_nowhere(tmp_path, edition):
    result = _build(tmp_path, _project(tmp_path), edition)
    published = {d.doc_id: d for d in result.catalog.documents}
    assert set(published) == {"D2", "D3", "E2"}  # D1 and E1 stamped; urgency and "bí mật" in a sentence are not
    assert published["E2"].pdf_path is None and published["E2"].pdf_withheld  # the whole-file scan shows E1
    stamps = [p for p in result.report.problems if p.code == "secrecy-stamp"]
    # named by where they are listed (rows 2 and 5 of the sheet), never by their identifiers
    assert {(p.doc_id, p.sheet, p.row) for p in stamps} == {(None, "Tài liệu", 2), (None, "Tài liệu", 5)}
    assert {w.rsplit(" ", 1)[-1] for w in result.report.withheld_secret} == {"2", "5"}
    leaks = scan(tmp_path / edition, STAMPED | {"qzxsecondinfile"})  # site, index, report and cache
    assert leaks == {}
    found = scan(tmp_path / edition / "site", {"qzxurgenttext", "qzxsentencetext"})
    assert set().union(*found.values()) == {"qzxurgenttext", "qzxsentencetext"}


def test_a_checked_false_alarm_is_released_and_an_unsigned_one_is_not(tmp_path):
    review = '[[release]]\ndoc_id = "D1"\nchecked_by = "Nguyễn Thị Lan"\n\n[[release]]\ndoc_id = "E1"\n'
    result = _build(tmp_path, _project(tmp_path, review))
    published = {d.doc_id for d in result.catalog.documents}
    assert "D1" in published and "E1" not in published
    assert [p.row for p in result.report.problems if p.code == "bad-secrecy-review"] == [2]


def test_a_stamp_on_a_scanned_page_is_read_by_ocr_and_holds_the_document_back(tmp_path):
    content = tmp_path / "content"
    write_catalog_toml(content)
    package = content / "packages" / "P"
    pdfgen.write_scanned_pdf(package / "data" / "HS1.1.pdf", ["TỐI MẬT\n\nQUYẾT ĐỊNH\nVề việc điều động cán bộ"],
                             dpi=300, font_size=14, quality=70, max_page_bytes=900_000)
    write_workbook(package / "s.xlsx", [["HS1", "Phông", "Hồ sơ", "01"]],
                   [["D1", "HS1", 1, "", "", "", "Văn bản", "01", "", "", ""]], FILE_HEADERS, DOC_HEADERS)
    result = _build(tmp_path, content)
    assert result.catalog.documents == [] and result.report.by_code()["secrecy-stamp"] == 1
    assert not list((tmp_path / "public" / "cache" / "ocr").rglob("*.json"))  # its OCR text is not kept
