"""The document page for readers: grouped description, technical details aside, the
citation in the archives' form with a copy button, descriptions, and landing from a hit
(issue 11). Built from the sample, read as HTML and used in real Chromium."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.model import slug_for
from conftest import doc_page, file_page, scan_file

WHOLE_FILE_DOC = "H42.01-2024-0012"  # pages 3–4 of its file's one scan (UBND-2024-03, "Tờ số")


def _html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def _document(sample_build, doc_id: str):
    return next(d for d in sample_build.catalog.documents if d.doc_id == doc_id)


def _citation(html: str) -> str:
    return re.search(r'<p class="citation" id="citation-text" lang="vi">(.*?)</p>', html, re.S).group(1)


def test_citation_names_the_fonds_once_and_the_place_down_to_the_sheets(sample_build):
    doc = _document(sample_build, WHOLE_FILE_DOC)
    file = next(f for f in sample_build.catalog.files if f.file_code == doc.file_code)
    text = _citation(_html(sample_build.paths.site, doc_page(doc.slug)))
    assert "Phông Phông" not in text and "Phông Ủy ban nhân dân tỉnh Sơn Hà (H42.01)" in text
    for part in (f"số {doc.number}", f"Mục lục số {file.inventory}", f"Hộp số {file.box}", file.file_code,
                 "lưu tại Văn phòng Tỉnh ủy Sơn Hà", f"Mã định danh: {doc.doc_id}"):
        assert part in text, part
    if doc.page_range:
        assert re.search(r"(tờ|tr\.) \d", text)
    # No base_url: the citation says where the catalog is, by its name and the page's path.
    assert f"Trong: Kho lưu trữ số — Văn phòng Tỉnh ủy Sơn Hà, trang {doc_page(doc.slug)}." in text


def test_with_base_url_the_citation_and_permalink_are_absolute(copy_of_content, tmp_path):
    toml = copy_of_content / "catalog.toml"
    toml.write_text('base_url = "https://lưutrữ.example.vn/danh-muc/"\n' + toml.read_text(encoding="utf-8"), "utf-8")
    result = build(load_config(copy_of_content), BuildPaths.for_output(tmp_path / "site"))
    doc = result.catalog.documents[0]
    html = _html(result.paths.site, doc_page(doc.slug))
    url = f"https://lưutrữ.example.vn/danh-muc/{doc_page(doc.slug)}"
    assert f"Truy cập tại: {url}" in _citation(html)
    assert f'class="permalink" href="{doc.slug}.html">{url}</a>' in html


def test_description_is_grouped_and_technical_fields_are_aside_in_the_page_language(sample_build):
    doc = next(d for d in sample_build.catalog.documents if d.pdf and d.pdf.info)
    vi = _html(sample_build.paths.site, doc_page(doc.slug))
    en = _html(sample_build.paths.site, "en/" + doc_page(doc.slug))
    for heading in ("Nhận dạng văn bản", "Nội dung", "Đặc điểm vật lý", "Sử dụng và vị trí trong hồ sơ"):
        assert f"<h3>{heading}</h3>" in vi
    for html, summary, producer in ((vi, "Thông tin kỹ thuật của tệp quét", "Phần mềm xuất PDF"),
                                    (en, "Technical details of the scan file", "PDF producer")):
        technical = html[html.index('<details class="technical">'):]
        technical = technical[:technical.index("</details>")]
        assert f"<summary>{summary}</summary>" in technical and f"<dt>{producer}</dt>" in technical
        assert doc.pdf.sha256 in technical and html.count(doc.pdf.sha256) == 1  # only there
    assert "Phần mềm" not in en  # the labels follow the page's language
    assert "unspecified" not in vi and "anonymous" not in vi  # producers' noise is left out
    # The archive's own words are marked Vietnamese on English pages, and only there.
    assert f'<h1 lang="vi">{doc.title}</h1>' in en.replace("&#39;", "'") and '<h1 lang="vi">' not in vi
    assert f'<span aria-current="page" lang="vi">{doc.number or doc.doc_id}</span>' in en  # the breadcrumb's names
    assert '<span aria-current="page" lang="vi">' not in vi


def test_fonds_and_file_pages_show_the_package_descriptions(sample_build):
    package = next(p for p in sample_build.catalog.packages if p.description)
    file = next(f for f in sample_build.catalog.files if f.package_id == package.id)
    fonds = next(f for f in sample_build.catalog.fonds if file in f.files)
    assert package.description in _html(sample_build.paths.site, f"phong/{fonds.slug}.html")
    assert package.description in _html(sample_build.paths.site, file_page(file.slug))


def test_whole_file_scan_says_which_pages_are_the_documents_own(sample_build):
    doc = _document(sample_build, WHOLE_FILE_DOC)
    assert doc.range_applies
    html = _html(sample_build.paths.site, doc_page(doc.slug))
    first, last = doc.own_pages.start, doc.own_pages.stop - 1
    pages = str(first) if first == last else f"{first}–{last}"
    assert f"Bản quét này là của cả hồ sơ {doc.file_code} ({doc.pdf.page_count} trang); tài liệu này là trang {pages}" in html
    assert f'<object class="pdf" data="../../{scan_file(slug_for(doc.file_code))}#page={first}"' in html  # opens at its own first page


@pytest.mark.browser
def test_a_hit_opens_its_document_at_the_page_with_the_words_highlighted(sample_build, page):
    site = sample_build.paths.site.resolve()
    page.goto((site / "search.html").as_uri() + "?q=" + "hòa giải ở cơ sở")
    page.wait_for_selector("#results[data-state=done]")
    title = page.locator(".result-title").first
    href = title.get_attribute("href")
    assert "?q=" in href and re.search(r"#trang-\d+$", href)
    hit_page = int(href.rsplit("-", 1)[1])
    title.click()
    page.wait_for_selector("article.document[data-highlighted]")
    assert int(page.locator("article.document").get_attribute("data-highlighted")) > 0
    marks = page.locator(f"#trang-{hit_page} .page-text mark").all_inner_texts()
    assert {"hòa", "giải"} <= {m.lower() for m in marks} or {"hoà", "giải"} <= {m.lower() for m in marks}
    assert page.locator(".fulltext details").evaluate("d => d.open")
    assert page.locator("object.pdf").get_attribute("data").endswith(f"#page={hit_page}")
    assert "hòa giải ở cơ sở" in page.locator(".highlight-notice").inner_text()


@pytest.mark.browser
def test_copy_button_puts_the_citation_on_the_clipboard(sample_build, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        doc = sample_build.catalog.documents[0]
        page.goto((sample_build.paths.site.resolve() / doc_page(doc.slug)).as_uri())
        page.click("button.copy")
        page.wait_for_function("document.querySelector('.copy-status').textContent !== ''")
        assert page.locator(".copy-status").inner_text() == "Đã sao chép."
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#citation-text").inner_text().strip() and "Mã định danh" in copied
    finally:
        context.close()


@pytest.mark.browser
def test_results_csv_read_back_matches_the_results_shown(sample_build, browser):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        page.goto((sample_build.paths.site.resolve() / "search.html").as_uri() + "?q=lưu trữ")
        page.wait_for_selector("#results[data-state=done]")
        total = int(page.locator("#results").get_attribute("data-total"))
        shown = page.locator(".result-title").all_inner_texts()
        with page.expect_download() as download:
            page.click("#export-csv")
        data = Path(download.value.path()).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8 with the BOM
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert rows[0][0] == "STT" and len(rows) == total + 1 and total > len(shown) >= 5
        assert [row[5] for row in rows[1:len(shown) + 1]] == shown
        assert all(row[7].startswith("file://") and row[7].endswith(".html") for row in rows[1:])
    finally:
        context.close()


@pytest.mark.browser
def test_print_list_holds_every_result_under_the_query(sample_build, page):
    page.goto((sample_build.paths.site.resolve() / "search.html").as_uri() + "?q=lưu trữ&sort=date")
    page.wait_for_selector("#results[data-state=done]")
    total = int(page.locator("#results").get_attribute("data-total"))
    # Headless: no dialog to wait for. A function, which Playwright calls: an expression whose
    # value is a function (as the assignment alone would be) is called too, printing at once.
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.click("#print-list")
    page.wait_for_function("window.printed === true")
    assert page.locator("ol.print-list li").count() == total > 10  # all of them, not the first screen
    assert page.locator("p.print-list").inner_text() == "Kết quả tìm kiếm cho: lưu trữ · Ngày, cũ trước"
    page.emulate_media(media="print")
    assert page.locator("ol.print-list").is_visible() and not page.locator("#results").is_visible()


@pytest.mark.browser
def test_results_on_the_english_search_page_mark_the_archives_words_vietnamese(sample_build, page):
    page.goto((sample_build.paths.site.resolve() / "en/search.html").as_uri() + "?q=so hoa")
    page.wait_for_selector("#results[data-state=done]")
    langs = page.locator(".result-title, .result-meta, .snippet").evaluate_all("es => es.map(e => e.lang)")
    assert langs and set(langs) == {"vi"}
    page.goto((sample_build.paths.site.resolve() / "search.html").as_uri() + "?q=so hoa")
    page.wait_for_selector("#results[data-state=done]")
    assert page.locator(".result-title[lang]").count() == 0  # a Vietnamese page needs no mark
