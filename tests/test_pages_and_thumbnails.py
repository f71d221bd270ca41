"""Pages throughout: page ranges of a whole-file scan, page thumbnails, hits that open the
PDF at their page. Real builds of a small project; one search in Chromium from file://."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pdfgen
import pytest
from PIL import Image
from projects import DOC_HEADERS, FILE_HEADERS, write_catalog_toml, write_workbook

from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.read.page_ranges import parse_page_number, parse_page_range
from catalog.read.values import ValueProblem
from catalog.search.query import search
from catalog.site import thumbnails
from conftest import doc_page, file_page, scan_file

HEADERS = [*DOC_HEADERS, "Trang số", "Từ trang", "Đến trang"]


def word(scan: str, page: int) -> str:
    """A word found on one page of one scan only (letters: one token for the analyzer)."""
    return f"zq{scan}{'abcdefghij'[page]}trang"


def pages_of(scan: str, count: int) -> list[str]:
    return [f"Trang {n} của bản quét, có từ {word(scan, n)} ở đây." for n in range(1, count + 1)]


def doc(doc_id, file_code, ordinal, pages="", first="", last="", secrecy="", file=""):
    return [doc_id, file_code, ordinal, f"{ordinal}-CV/TU", "05/01/2020", "Công văn",
            f"Văn bản {doc_id}", "01", secrecy, "", file, pages, first, last]


ROWS = [
    doc("D1", "HS01", 1, pages="1-2"),
    doc("D2", "HS01", 2, pages="tr. 3 - 7"),
    doc("D3", "HS01", 3, pages="8"),
    doc("D4", "HS02", 1, first=2, last=3),  # row 5
    doc("D5", "HS02", 2, pages="7-3"),  # row 6: a bad cell, reported; the whole scan
    doc("D6", "HS02", 3, pages="20–25"),  # beyond the 3 pages: a warning; the whole scan
    doc("D7", "HS04", 1, pages="5-6"),  # its own scan: the paper file's sheets, shown only
    doc("D8", "HS03", 1, pages="1"),  # HS03.pdf also shows a secret row: withheld
    doc("D9", "HS03", 2, pages="2", secrecy="Mật"),
]
SCANS = {"HS01.pdf": ("a", 8), "HS02.pdf": ("b", 3), "HS03.pdf": ("c", 2), "HS04.1.pdf": ("d", 2)}


def write_project(root: Path) -> Path:
    content = root / "content"
    write_catalog_toml(content)
    package = content / "packages" / "P1"
    for name, (scan, count) in SCANS.items():
        pdfgen.write_text_pdf(package / "data" / name, pages_of(scan, count))
    files = [[code, "Phông thử", f"Hồ sơ {code}", "01"] for code in ("HS01", "HS02", "HS03", "HS04")]
    write_workbook(package / "ho_so_tai_lieu.xlsx", files, ROWS, file_headers=FILE_HEADERS, doc_headers=HEADERS)
    return content


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The project built twice into one output, counting the pages rendered by each build."""
    root = tmp_path_factory.mktemp("pages")
    content = write_project(root)
    renders: list[int] = []
    original = thumbnails.render_page

    def counting(document, page):
        renders[-1] += 1
        return original(document, page)

    results = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(thumbnails, "render_page", counting)
        for _ in range(2):
            renders.append(0)
            results.append(build(load_config(content), BuildPaths.for_output(root / "build" / "site")))
    result = results[-1]
    result.renders = renders
    result.content = content
    return result


def _html(result, rel: str) -> str:
    return (result.paths.site / rel).read_text(encoding="utf-8")


def _doc(result, doc_id):
    return next(d for d in result.catalog.documents if d.doc_id == doc_id)


def _sha(result, name: str) -> str:
    return hashlib.sha256((result.content / "packages/P1/data" / name).read_bytes()).hexdigest()


def _strip(html: str) -> list[tuple[str, str]]:
    """(link, image) of each thumbnail of the document page's strip."""
    strip = re.search(r'<ol class="page-strip".*?</ol>', html, re.S)
    return re.findall(r'<a href="([^"]+)"><img src="([^"]+)"', strip.group()) if strip else []


def test_every_published_page_has_a_thumbnail_of_the_expected_size(built):
    site = built.paths.site
    images = sorted((site / thumbnails.FOLDER).rglob("*.jpg"))
    assert len(images) == 8 + 3 + 2  # HS01, HS02 and HS04.1; HS03's scan is withheld
    for path in images:
        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            assert image.format == "JPEG" and image.width == thumbnails.WIDTH
            assert abs(image.height - round(thumbnails.WIDTH * 841.89 / 595.28)) <= 1  # A4
        assert path.stat().st_size < 12_000


def test_no_thumbnail_of_a_withheld_scan_is_ever_written(built):
    assert _doc(built, "D8").pdf_withheld
    sha = _sha(built, "HS03.pdf")
    build_folder = built.paths.site.parent
    written = [p for p in build_folder.rglob("*") if sha[2:18] in p.as_posix() or sha in p.as_posix()]
    assert written == []
    assert 'class="page-strip"' not in _html(built, doc_page("D8"))
    assert "thumbs/" not in _html(built, file_page("HS03"))


def test_a_rebuild_renders_no_thumbnail_again(built):
    assert built.renders == [13, 0]
    cached = list((built.paths.cache / thumbnails.FOLDER).rglob("*.jpg"))
    assert len(cached) == 13


def test_a_document_of_a_whole_file_scan_shows_and_opens_its_own_pages(built):
    html = _html(built, doc_page("D2"))
    assert f'<a href="../../{scan_file("HS01")}#page=3">' in html
    assert f'data="../../{scan_file("HS01")}#page=3"' in html
    assert "Bản quét này là của cả hồ sơ HS01 (" in html and "tài liệu này là trang 3–7, và PDF mở ở đó." in html
    strip = _strip(html)
    sha = _sha(built, "HS01.pdf")
    assert strip == [(f"../../{scan_file('HS01')}#page={n}", f"../../thumbs/{sha[:2]}/{sha[2:18]}-{n}.jpg") for n in range(3, 8)]
    assert re.findall(r'id="trang-(\d+)"', html) == ["3", "4", "5", "6", "7"]  # its text only
    for n in range(3, 8):
        assert f'alt="Trang {n}"' in html and 'loading="lazy"' in html
    english = _html(built, "en/" + doc_page("D2"))
    assert "this document is page(s) 3–7, where the PDF opens" in english and 'alt="Page 3"' in english
    assert "this document is page(s) 8, where the PDF opens" in _html(built, "en/" + doc_page("D3"))
    single = _html(built, doc_page("D3"))
    assert _strip(single) == [(f"../../{scan_file('HS01')}#page=8", f"../../thumbs/{sha[:2]}/{sha[2:18]}-8.jpg")]


def test_listings_show_the_first_own_page(built):
    sha = _sha(built, "HS01.pdf")
    file_html = _html(built, file_page("HS01"))
    for n in (1, 3, 8):
        assert f'src="../../thumbs/{sha[:2]}/{sha[2:18]}-{n}.jpg"' in file_html
    home = _html(built, "index.html")
    assert f'src="thumbs/{sha[:2]}/{sha[2:18]}-3.jpg" width="140"' in home
    with Image.open(built.paths.site / f"thumbs/{sha[:2]}/{sha[2:18]}-3.jpg") as image:
        assert f'width="{image.width}" height="{image.height}"' in home


def test_search_indexes_only_the_documents_own_pages_in_the_pdfs_numbering(built):
    hits = search(built.paths.site, word("a", 5))
    assert [(h.doc_id, h.pages) for h in hits] == [("D2", (5,))]
    assert [(h.doc_id, h.pages) for h in search(built.paths.site, word("a", 8))] == [("D3", (8,))]
    # D4 holds pages 2-3 of HS02; D5 (bad range) and D6 (range beyond the scan) the whole scan
    assert sorted((h.doc_id, h.pages) for h in search(built.paths.site, word("b", 1))) == [("D5", (1,)), ("D6", (1,))]
    assert {h.doc_id for h in search(built.paths.site, word("b", 3))} == {"D4", "D5", "D6"}


def test_the_page_range_columns_and_their_problems(built):
    assert _doc(built, "D2").page_range == (3, 7)
    assert _doc(built, "D4").page_range == (2, 3) and _doc(built, "D4").page_range_column == "Từ trang / Đến trang"
    bad = [p for p in built.report.problems if p.doc_id == "D5"]
    assert [(p.code, p.sheet, p.row, p.column) for p in bad] == [("bad-value", "Tài liệu", 6, "Trang số")]
    assert "7-3" in bad[0].message and " / " in bad[0].message
    outside = [p for p in built.report.problems if p.code == "page-range-outside"]
    assert [(p.doc_id, p.severity, p.row, p.column) for p in outside] == [("D6", "warning", 7, "Trang số")]
    assert f'<a href="../../{scan_file("HS02")}">' in _html(built, doc_page("D6"))
    assert len(_strip(_html(built, doc_page("D6")))) == 3


def test_a_range_beside_a_documents_own_scan_is_shown_not_applied(built):
    html = _html(built, doc_page("D7"))
    assert "<dt>Trang số</dt><dd>5–6</dd>" in html
    assert [link for link, _ in _strip(html)] == [f"../../{scan_file('D7')}#page={n}" for n in (1, 2)]
    assert "của bản quét hồ sơ" not in html


def test_a_page_that_cannot_be_drawn_is_skipped_and_reported(tmp_path, monkeypatch):
    content = tmp_path / "content"
    write_catalog_toml(content)
    package = content / "packages" / "P1"
    pdfgen.write_text_pdf(package / "data" / "HS01.pdf", pages_of("e", 3))
    write_workbook(package / "sheets.xlsx", [["HS01", "Phông", "Hồ sơ", "01"]], [doc("D1", "HS01", 1)],
                   file_headers=FILE_HEADERS, doc_headers=HEADERS)
    original = thumbnails.render_page

    def failing(document, page):
        if page == 2:
            raise RuntimeError("PDFium could not draw it")
        return original(document, page)

    monkeypatch.setattr(thumbnails, "render_page", failing)
    result = build(load_config(content), BuildPaths.for_output(tmp_path / "site"))
    assert [link for link, _ in _strip(_html(result, doc_page("D1")))] == [
        f"../../{scan_file('HS01')}#page={n}" for n in (1, 3)]
    failed = [p for p in result.report.problems if p.code == "thumbnail-failed"]
    assert [(p.severity, p.doc_id) for p in failed] == [("warning", "D1")] and "2" in failed[0].message


@pytest.mark.parametrize("value, expected", [
    ("3-7", (3, 7)), ("3 - 7", (3, 7)), ("tr. 3-7", (3, 7)), ("3–7", (3, 7)), ("5", (5, 5)), (5, (5, 5)),
    (5.0, (5, 5)), ("Trang 3 - 7", (3, 7)), ("tờ 03-07", (3, 7)), ("từ 3 đến 7", (3, 7)), ("", None), (None, None),
])
def test_page_ranges_as_archivists_write_them(value, expected):
    assert parse_page_range(value) == expected


@pytest.mark.parametrize("value", ["7-3", "0", "3, 5", "3-5, 8", "vài trang", 2.5, -1])
def test_a_page_range_that_cannot_be_understood_says_how_to_write_it(value):
    with pytest.raises(ValueProblem, match="Khoảng trang .* / The page range"):
        parse_page_range(value)


def test_a_from_or_to_cell_holds_one_page():
    assert parse_page_number("tr. 4") == 4
    with pytest.raises(ValueProblem):
        parse_page_number("3-4")


@pytest.mark.browser
def test_a_search_result_shows_the_thumbnail_and_opens_the_hit_page(built, page):
    site = built.paths.site
    page.goto((site / "search.html").as_uri() + "?q=" + word("a", 5))
    page.wait_for_selector("#results[data-state=done]")
    result = page.locator("#results > li.result")
    assert result.count() == 1 and result.get_attribute("data-doc-id") == "D2"
    image = result.locator("a.thumb img")
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert image.evaluate("img => [img.naturalWidth, img.getAttribute('width'), img.alt]") == [140, "140", "Trang 3"]
    link = result.locator("a.thumb").evaluate("a => a.href")
    assert link.endswith(f"/{scan_file('HS01')}#page=5") and Path(link.removeprefix("file://").partition("#")[0]).is_file()
    assert result.locator(".result-pages a").evaluate_all("as => as.map(a => a.href)") == [link]
    assert result.locator(".snippet-page a").evaluate("a => a.href") == link
