"""OCR with the real Tesseract on scans made the way a scanner makes them: Vietnamese
paragraphs rendered at 200 and 300 dpi, grey, grainy, tilted 1-2°, one page upside down.

The words must come back with their diacritics (measured against the text that was
rendered), be found by ``catalog search`` and by the browser search, and never be read
twice: a second build, a renamed file or another edition runs no OCR at all.
"""

from __future__ import annotations

import difflib
import shutil
import unicodedata
from pathlib import Path

import pytest

import pdfgen
from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.search.query import search
from catalog.text import ocr
from projects import DOC_HEADERS, FILE_HEADERS, write_catalog_toml, write_workbook

PAGES = [
    "Thực hiện Công văn số 64-CV/TW ngày 10 tháng 4 năm 2025 của Ban Bí thư về việc số hóa tài liệu "
    "lưu trữ, Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và Ủy ban nhân dân các huyện khẩn trương "
    "rà soát toàn bộ hồ sơ, tài liệu đang bảo quản tại cơ quan. Các đơn vị lập danh mục hồ sơ theo "
    "từng phông lưu trữ, phân loại theo thời hạn bảo quản, chỉnh lý những hồ sơ còn lộn xộn và bàn giao "
    "cho Trung tâm Lưu trữ lịch sử trước ngày 30 tháng 9 năm 2025.",
    "Trong quá trình số hóa, tài liệu giấy phải được giữ nguyên trạng, không tháo ghim làm rách trang, "
    "không đánh dấu hay ghi chú lên bản gốc. Mỗi hồ sơ sau khi quét được kiểm tra chất lượng hình ảnh, "
    "đối chiếu số trang với mục lục và ký biên bản giao nhận giữa người giao và người nhận. Kinh phí "
    "thực hiện được bố trí từ nguồn ngân sách sự nghiệp văn hóa thông tin năm 2025 của tỉnh.",
    "Giám đốc Sở Nội vụ chịu trách nhiệm hướng dẫn, đôn đốc, kiểm tra việc thực hiện; định kỳ hằng "
    "tháng tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh. Trong quá trình thực hiện nếu có khó khăn, "
    "vướng mắc, các đơn vị phản ánh kịp thời về Sở Nội vụ để được giải quyết.",
]
UPSIDE_DOWN = 3


def words(text: str) -> list[str]:
    return [w.strip(".,;:()") for w in unicodedata.normalize("NFC", text).split() if w.strip(".,;:()")]


def accuracy(reference: str, recognized: str) -> tuple[float, float]:
    """(word accuracy, character accuracy): the share of the reference's words (with their
    diacritics) and characters that come back in order."""
    ref, hyp = words(reference), words(recognized)
    word = sum(b.size for b in difflib.SequenceMatcher(None, ref, hyp, autojunk=False).get_matching_blocks())
    ref_chars, hyp_chars = " ".join(ref), " ".join(hyp)
    chars = sum(b.size for b in difflib.SequenceMatcher(None, ref_chars, hyp_chars, autojunk=False).get_matching_blocks())
    return word / len(ref), chars / len(ref_chars)


def _project(root: Path) -> Path:
    content = root / "content"
    write_catalog_toml(content)
    package = content / "packages" / "P"
    for n, dpi in enumerate((300, 200), 1):
        pdfgen.write_scanned_pdf(package / "data" / f"HS1.{n}.pdf", PAGES, dpi=dpi, seed=n, font_size=12.5,
                                 skew=(1.0, 2.0), noise=12, upside_down=(UPSIDE_DOWN,), quality=70,
                                 max_page_bytes=900_000)
    rows = [[f"D{n}", "HS1", n, f"{n}-CV/UBND", "15/04/2025", "Công văn", f"Văn bản quét {dpi} dpi", "01", "", 3, ""]
            for n, dpi in enumerate((300, 200), 1)]
    write_workbook(package / "ho_so_tai_lieu.xlsx", [["HS1", "Phông UBND tỉnh", "Hồ sơ số hóa", "01"]], rows,
                   FILE_HEADERS, DOC_HEADERS)
    return content


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    if shutil.which("tesseract") is None:
        pytest.fail("tesseract is missing: run `bash scripts/setup.sh --test`")
    root = tmp_path_factory.mktemp("ocr")
    content = _project(root)
    result = build(load_config(content), BuildPaths.for_output(root / "build" / "site"))
    return root, content, result


def _pages(result, doc_id):
    return next(d for d in result.catalog.documents if d.doc_id == doc_id).pdf.pages


@pytest.mark.parametrize("doc_id, dpi, floor", [("D1", 300, 0.95), ("D2", 200, 0.85)])
def test_words_come_back_with_their_diacritics(scanned, doc_id, dpi, floor, capsys):
    _, _, result = scanned
    pages = _pages(result, doc_id)
    assert [p.source for p in pages] == ["ocr"] * 3
    reference, recognized = " ".join(PAGES), " ".join(p.text for p in pages)
    word, char = accuracy(reference, recognized)
    with capsys.disabled():
        print(f"\nOCR at {dpi} dpi: word accuracy {word:.1%}, character accuracy {char:.1%}")
    assert word >= floor, (word, recognized)


def test_the_upside_down_page_is_turned_before_it_is_read(scanned):
    _, _, result = scanned
    page = _pages(result, "D1")[UPSIDE_DOWN - 1]
    word, _ = accuracy(PAGES[UPSIDE_DOWN - 1], page.text)
    assert word >= 0.9 and page.valid_share >= 0.9


def test_scan_words_are_found_by_search_on_their_page(scanned):
    _, _, result = scanned
    hits = search(result.paths.site, '"không tháo ghim làm rách trang"')
    assert {h.doc_id for h in hits} == {"D1", "D2"} and all(h.pages == (2,) for h in hits)
    hits = search(result.paths.site, "don doc kiem tra")  # unaccented, page 3 (the one scanned upside down)
    assert "D1" in {h.doc_id for h in hits} and next(h for h in hits if h.doc_id == "D1").pages == (3,)


@pytest.mark.browser
def test_scan_words_are_found_by_the_browser_search(scanned, page):
    _, _, result = scanned
    page.goto((result.paths.site / "search.html").as_uri() + "?q=" + "bàn giao cho Trung tâm Lưu trữ")
    page.wait_for_selector("[data-doc-id]")
    assert "D1" in page.eval_on_selector_all("[data-doc-id]", "els => els.map(e => e.dataset.docId)")


def test_a_second_build_a_renamed_file_and_another_edition_run_no_ocr(scanned, tmp_path):
    root, content, first = scanned
    assert first.report.counts["ocr_pages_read"] == 6 and first.report.counts["pages_ocr"] == 6
    again = build(load_config(content), BuildPaths.for_output(root / "build" / "site"))
    assert again.report.counts["ocr_pages_read"] == 0 and again.report.counts["pages_ocr"] == 6
    (content / "packages" / "P" / "data" / "HS1.1.pdf").rename(content / "packages" / "P" / "data" / "ban-quet.pdf")
    try:
        rows = [["D1", "HS1", 1, "", "", "", "Văn bản quét", "01", "", 3, "data/ban-quet.pdf"]]
        write_workbook(content / "packages" / "P" / "ho_so_tai_lieu.xlsx", [["HS1", "Phông", "Hồ sơ", "01"]], rows,
                       FILE_HEADERS, DOC_HEADERS)
        renamed = build(load_config(content), BuildPaths.for_output(root / "build" / "other-site"))
        assert renamed.report.counts["ocr_pages_read"] == 0 and renamed.report.counts["pages_ocr"] == 3
    finally:
        (content / "packages" / "P" / "data" / "ban-quet.pdf").rename(content / "packages" / "P" / "data" / "HS1.1.pdf")
        _project(root)


def test_without_tesseract_the_build_works_and_says_how_to_install_it(tmp_path, monkeypatch):
    content = tmp_path / "content"
    write_catalog_toml(content)
    package = content / "packages" / "P"
    pdfgen.write_scanned_pdf(package / "data" / "HS1.1.pdf", PAGES[:1])
    write_workbook(package / "s.xlsx", [["HS1", "Phông", "Hồ sơ", "01"]],
                   [["D1", "HS1", 1, "", "", "", "Văn bản quét", "01", "", 1, ""]], FILE_HEADERS, DOC_HEADERS)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    result = build(load_config(content), BuildPaths.for_output(tmp_path / "site"))
    assert [d.doc_id for d in result.catalog.documents] == ["D1"]
    said = [p for p in result.report.problems if p.code == "ocr-unavailable"]
    assert len(said) == 1 and "scripts/setup.sh" in said[0].message and "tesseract-ocr" in said[0].message
    assert "1 " in said[0].message  # how many pages could not be read
    assert result.report.by_code()["pdf-no-text"] == 1


def test_a_garbage_text_layer_is_read_again_and_a_real_one_is_kept(tmp_path):
    content = tmp_path / "content"
    write_catalog_toml(content)
    package = content / "packages" / "P"
    garbage = ["~~ ,.' llI1| ;;: rn rn ~ '' .. _"]
    pdfgen.write_scanned_pdf(package / "data" / "HS1.1.pdf", PAGES[2:3], dpi=300, font_size=12.5, ocr_text=garbage,
                             quality=70, max_page_bytes=900_000)
    pdfgen.write_text_pdf(package / "data" / "HS1.2.pdf", [PAGES[1]])
    rows = [[f"D{n}", "HS1", n, "", "", "", "Văn bản", "01", "", 1, ""] for n in (1, 2)]
    write_workbook(package / "s.xlsx", [["HS1", "Phông", "Hồ sơ", "01"]], rows, FILE_HEADERS, DOC_HEADERS)
    result = build(load_config(content), BuildPaths.for_output(tmp_path / "site"))
    by_id = {d.doc_id: d.pdf.pages[0] for d in result.catalog.documents}
    assert by_id["D1"].source == "ocr" and "Sở Nội vụ" in by_id["D1"].text
    assert by_id["D2"].source == "pdf"  # born digital: its text layer is real text
    assert result.report.counts["ocr_pages_read"] == 1


def test_poor_pages_are_listed_for_review_with_their_document_and_page(tmp_path):
    content = tmp_path / "content"
    write_catalog_toml(content)
    package = content / "packages" / "P"
    consonants = "bcdfghklmnpqrstvx"
    gibberish = " ".join("".join(consonants[ord(c) % 17] for c in w) for w in words(PAGES[0]))  # no syllables
    pdfgen.write_scanned_pdf(package / "data" / "HS1.1.pdf", [PAGES[1], gibberish], dpi=300, font_size=12.5,
                             quality=70, max_page_bytes=900_000)
    write_workbook(package / "s.xlsx", [["HS1", "Phông", "Hồ sơ", "01"]],
                   [["D1", "HS1", 1, "", "", "", "Văn bản", "01", "", 2, ""]], FILE_HEADERS, DOC_HEADERS)
    result = build(load_config(content), BuildPaths.for_output(tmp_path / "site"))
    review = [p for p in result.report.problems if p.code == "ocr-review"]
    assert len(review) == 1 and review[0].doc_id == "D1" and review[0].row == 2
    assert "trang 2 " in review[0].message and "pages 2 " in review[0].message
