"""The build report page (`build/report.html`, beside report.json): written by every build,
never inside the site, guarded like the JSON report; its figures agree with the report and
the catalog; what changed since the previous build; documents without text, page counts
that differ from the sheet, OCR'd pages to review; a chart of documents and pages per fonds
and per year, read in headless Chromium; every value escaped; no secret item named.

Built from the sample content/ (copies of it where an input changes).
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections import Counter
from pathlib import Path

import pypdfium2
import pytest
from click.testing import CliRunner
from projects import edit_csv

from catalog.build import BuildPaths, build
from catalog.cli import main
from catalog.config import load_config
from catalog.output_paths import REPORT_PAGE_MARK
from catalog.errors import BuildError
from catalog.state import build_state
from catalog.text.ocr_messages import page_list

TAI_LIEU = Path("packages/VPTU-2025-01/tai_lieu.csv")
HO_SO = Path("packages/VPTU-2025-01/ho_so.csv")
EDITED_DOC = "VPTU.2025.01.02"  # its sheet says 2 pages, as its PDF has
DELETED_DOC = "VPTU.2025.03.04"
MISMATCH_WHERE = f'{TAI_LIEU.as_posix()}, dòng/row 3, cột/column "Số lượng trang"'
# The sample bag's two secret rows: their ids, scans and text marker (see test_handover.py).
SAMPLE_SECRETS = {"h42.13-2023-0105", "h42.13-2023-0202", "snv.2023.01.5", "snv.2023.02.2", "bimat"}
TITLE = "BÁO CÁO DỰNG DANH MỤC"

PACKAGE_ROWS = """rows => rows.map(row => ({package: row.dataset.package,
    ...Object.fromEntries(['files', 'documents', 'scans', 'pages', 'pdfs', 'secret'].map(
        key => [key, Number(row.querySelector('td.' + key).textContent.replace(/\\./g, ''))]))}))"""
BARS = """rows => rows.map(row => ({group: row.dataset.group, bars: [...row.querySelectorAll('rect.bar')].map(
    bar => ({measure: bar.dataset.measure, count: Number(bar.dataset.count), width: bar.getBBox().width,
             title: bar.querySelector('title').textContent}))}))"""


def _unread_build(content: Path, out: Path):
    """A build that reads no scanned page (``--ocr never``): those pages have no text."""
    config = load_config(content)
    return build(config, BuildPaths.for_output(out), ocr=dataclasses.replace(config.ocr, mode="never"))


def _set_declared_pages(content: Path, doc_id: str, pages: str) -> None:
    def change(rows):
        column = rows[0].index("Số lượng trang")
        for row in rows:
            if row[0] == doc_id:
                row[column] = pages
        return rows
    edit_csv(content / TAI_LIEU, change)


def _delete_row(content: Path, doc_id: str) -> None:
    edit_csv(content / TAI_LIEU, lambda rows: [row for row in rows if row[0] != doc_id])


def _page_text(path: Path) -> str:
    return html.unescape(path.read_text(encoding="utf-8"))


def _rows(page, selector: str, *cells: str) -> list[tuple[str, ...]]:
    """The text of the given cells (CSS selectors) of every row matching ``selector``."""
    return [tuple(row) for row in page.eval_on_selector_all(
        selector, "(rows, cells) => rows.map(row => cells.map(c => row.querySelector(c).textContent.trim()))",
        list(cells))]


# --- where it is written ----------------------------------------------------


def test_every_build_writes_the_page_beside_its_json_report_never_in_the_site(sample_build):
    paths = sample_build.paths
    assert paths.report_html == paths.report.with_suffix(".html") == paths.site.parent / "report.html"
    text = paths.report_html.read_text(encoding="utf-8")
    assert REPORT_PAGE_MARK in text[:4096] and TITLE in text
    assert not paths.report_html.is_relative_to(paths.site)
    assert not [p for p in paths.site.rglob("*.html") if TITLE in p.read_text(encoding="utf-8", errors="replace")]


def test_it_needs_nothing_but_itself_no_script_and_no_address_elsewhere(sample_build):
    text = sample_build.paths.report_html.read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    assert set(re.findall(r'(?:href|src)="([^"#][^"]*)"', text)) == set()  # only links within the page
    assert re.findall(r"https?://[^\s\"')]+", text) == ["http://www.w3.org/2000/svg"] * text.count("<svg")


def test_a_page_catalog_did_not_write_is_not_overwritten(copy_of_content, tmp_path):
    page = tmp_path / "build" / "report.html"
    page.parent.mkdir()
    page.write_text("<html><body>Báo cáo của tôi</body></html>", encoding="utf-8")
    outcome = CliRunner().invoke(main, ["build", str(copy_of_content), "--out", str(tmp_path / "build" / "site")])
    assert outcome.exit_code == 1 and str(page) in outcome.output and REPORT_PAGE_MARK in outcome.output
    assert page.read_text(encoding="utf-8") == "<html><body>Báo cáo của tôi</body></html>"
    assert sorted(p.name for p in page.parent.iterdir()) == ["report.html"]  # nothing else written


def test_a_report_named_html_is_refused_it_would_be_its_own_page(copy_of_content, tmp_path):
    report = tmp_path / "build" / "report.html"
    outcome = CliRunner().invoke(main, ["build", str(copy_of_content), "--out", str(tmp_path / "build" / "site"),
                                        "--report", str(report)])
    assert outcome.exit_code == 1 and str(report) in outcome.output and "ends in .html" in outcome.output
    assert not (tmp_path / "build").exists()


def test_a_page_inside_the_site_is_refused_with_its_report(sample_build, tmp_path):
    site = sample_build.paths.site
    paths = BuildPaths.for_output(site, site / "r.json")
    assert paths.report_html == site / "r.html"
    with pytest.raises(BuildError) as refused:
        paths.check(tmp_path)
    assert str(site / "r.html") in str(refused.value) and "secret" in str(refused.value)


# --- what it says ----------------------------------------------------------------


def test_it_names_no_secret_item_but_the_rows_that_list_them(sample_build):
    text = _page_text(sample_build.paths.report_html)
    assert not [word for word in SAMPLE_SECRETS if word in text.lower()]
    rows = sample_build.report.withheld_secret
    assert len(rows) == 2 and all(row in text for row in rows)


@pytest.mark.browser
def test_the_counts_per_package_agree_with_the_catalog_and_add_up_to_the_report(sample_build, page):
    page.goto(sample_build.paths.report_html.as_uri())
    catalog, counts = sample_build.catalog, sample_build.report.counts
    packages = page.eval_on_selector_all("table.packages tr.package", PACKAGE_ROWS)
    assert [p["package"] for p in packages] == ["SNV-2023-bag", "UBND-2024-03", "VPTU-2025-01"]
    for row in packages:
        documents = [d for d in catalog.documents if d.package_id == row["package"]]
        scans = {d.pdf.sha256: d.pdf.page_count for d in documents if d.pdf}
        assert row["documents"] == len(documents)
        assert row["files"] == sum(1 for f in catalog.files if f.package_id == row["package"])
        assert (row["scans"], row["pages"]) == (len(scans), sum(scans.values()))
    total = page.eval_on_selector_all("table.packages tr.total", PACKAGE_ROWS)[0]
    assert (total["files"], total["documents"], total["scans"], total["pages"], total["secret"]) == (
        counts["files"], counts["documents"], counts["pdfs"], counts["pages"], counts["withheld_secret"])
    assert total["pdfs"] >= counts["pdfs"] + 2  # every PDF delivered, the secret rows' scans among them
    figures = dict(_rows(page, "#counts tr[data-count]", "th", "td"))
    assert len(figures) == len(counts) and "Tài liệu / Documents" in figures
    assert figures["Tài liệu / Documents"] == str(counts["documents"])
    assert page.inner_text("#secret-count") == str(counts["withheld_secret"])
    assert page.eval_on_selector_all("ol.secret-rows li", "items => items.map(i => i.textContent)") == sorted(
        sample_build.report.withheld_secret)


@pytest.mark.browser
def test_the_problems_are_grouped_by_kind_each_with_its_file_sheet_row_and_column(sample_build, page):
    page.goto(sample_build.paths.report_html.as_uri())
    problems = sample_build.report.problems
    kinds = _rows(page, "table.problem-kinds tr[data-code]", "td:first-child", "td:last-child")
    assert dict(kinds) == {code: str(n) for code, n in Counter(p.code for p in problems).items()}
    for code in {p.code for p in problems}:
        shown = _rows(page, f'table.problems[data-code="{code}"] tbody.problem',
                      "td.file", "td.sheet-name", "td.row", "td.column", "td.doc")
        assert shown == [(p.path, p.sheet or "", "" if p.row is None else str(p.row), p.column or "", p.doc_id or "")
                         for p in problems if p.code == code]
    assert page.inner_text("#changes").count("There is no report of a previous build") == 1


@pytest.mark.browser
def test_the_chart_has_a_bar_for_each_fonds_and_year_with_its_counts(sample_build, page):
    page.goto(sample_build.paths.report_html.as_uri())
    catalog, counts = sample_build.catalog, sample_build.report.counts
    by_fonds = page.eval_on_selector_all("#chart-fonds g.bar-row", BARS)
    by_year = page.eval_on_selector_all("#chart-year g.bar-row", BARS)
    documents = {row["group"]: row["bars"][0]["count"] for row in by_fonds}
    assert documents == {fonds.name: fonds.document_count for fonds in catalog.fonds}
    assert sum(row["bars"][1]["count"] for row in by_fonds) == counts["pages"]  # no scan is in two fonds
    years = Counter(str(d.year) for d in catalog.documents)
    assert {row["group"]: row["bars"][0]["count"] for row in by_year} == years
    assert [row["group"] for row in by_year] == sorted(years)
    for rows in (by_fonds, by_year):
        for index, measure in enumerate(("documents", "pages")):
            bars = [row["bars"][index] for row in rows]
            assert {bar["measure"] for bar in bars} == {measure}
            assert all(f": {bar['count']} " in bar["title"] for bar in bars)
            # Each panel to its own scale: every bar's width is its count times the same factor.
            scales = {round(bar["width"] / bar["count"], 1) for bar in bars if bar["count"]}
            assert max(scales) - min(scales) < 0.2, (measure, bars)


@pytest.mark.browser
def test_the_page_reads_offline_and_prints_on_a4(sample_build, page, tmp_path):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(sample_build.paths.report_html.as_uri())
    assert requested == [sample_build.paths.report_html.as_uri()]
    page.screenshot(path=tmp_path / "report.png", full_page=True)
    page.emulate_media(media="print")
    inside = page.evaluate("""() => { const main = document.querySelector('main').getBoundingClientRect();
        return [...document.querySelectorAll('svg.chart, table')].every(
            e => e.getBoundingClientRect().right <= main.right + 0.5); }""")
    assert inside  # no chart or table runs off the printed page
    page.pdf(path=tmp_path / "report.pdf", format="A4")
    document = pypdfium2.PdfDocument(tmp_path / "report.pdf")
    assert len(document) >= 2
    assert "Build report" in document[0].get_textpage().get_text_range()


# --- built from changed inputs ------------------------------------------------------


@pytest.mark.browser
def test_a_changed_row_is_listed_as_changed_then_as_gone(copy_of_content, tmp_path, page, monkeypatch):
    monkeypatch.setattr(build_state, "RACY_SECONDS", 0)  # files the test just wrote count as settled
    out = tmp_path / "build" / "site"
    first = _unread_build(copy_of_content, out)
    _set_declared_pages(copy_of_content, EDITED_DOC, "5")
    _delete_row(copy_of_content, DELETED_DOC)
    second = _unread_build(copy_of_content, out)
    page.goto(second.paths.report_html.as_uri())
    assert "Previous build" in page.inner_text("#changes")
    changed = dict((key, (before, after)) for key, before, after in _rows(
        page, "table.count-changes tr[data-count]", "th", "td.before", "td.after"))
    documents = first.report.counts["documents"]
    assert changed["Tài liệu / Documents"] == (str(documents), str(documents - 1))
    new = _rows(page, "table.new-problems tr.problem", "td:first-child", "td.where")
    assert ("pages-mismatch", MISMATCH_WHERE) in new
    assert not page.query_selector("table.gone-problems")
    assert _rows(page, f'table.mismatches tr[data-doc="{EDITED_DOC}"]', "td.declared", "td.actual") == [("5", "2")]

    _set_declared_pages(copy_of_content, EDITED_DOC, "2")
    third = _unread_build(copy_of_content, out)
    page.goto(third.paths.report_html.as_uri())
    assert ("pages-mismatch", MISMATCH_WHERE) in _rows(page, "table.gone-problems tr.problem", "td:first-child",
                                                       "td.where")
    assert not page.query_selector("table.count-changes")  # the deleted row was already counted
    page_before = third.paths.report_html.read_bytes()
    assert _unread_build(copy_of_content, out).unchanged  # writes nothing: the page stays the last build's
    assert third.paths.report_html.read_bytes() == page_before


@pytest.mark.browser
def test_documents_without_text_are_listed_with_their_pages(copy_of_content, tmp_path, page):
    result = _unread_build(copy_of_content, tmp_path / "build" / "site")
    page.goto(result.paths.report_html.as_uri())
    unread = {}
    for document in (d for d in result.catalog.documents if d.pdf):
        texts = {p.number: p.text for p in document.pdf.pages}
        blank = [n for n in document.own_pages if not texts[n].strip()]
        if blank:
            unread[document.doc_id] = blank
    assert unread and sum(map(len, unread.values())) == result.report.counts["pages_without_text"]
    shown = page.eval_on_selector_all("table.textless tr[data-doc]", """rows => rows.map(
        row => [row.dataset.doc, row.querySelector('td.pages').firstChild.textContent.trim()])""")
    assert dict(shown) == {doc_id: page_list(pages) for doc_id, pages in unread.items()}  # "1-2", "3, 5"
    no_text = {p.doc_id for p in result.report.problems if p.code == "pdf-no-text"}
    assert no_text <= set(unread)  # each scan is reported once, at the first document that shows it


@pytest.mark.browser
def test_ocr_pages_to_review_are_listed_with_their_figures(copy_of_content, tmp_path, page):
    with open(copy_of_content / "catalog.toml", "a", encoding="utf-8") as toml:
        toml.write("\n[ocr]\nreview_confidence = 100\n")  # every OCR'd page is under it
    result = build(load_config(copy_of_content), BuildPaths.for_output(tmp_path / "build" / "site"))
    reviews = [p for p in result.report.problems if p.code == "ocr-review"]
    assert reviews
    page.goto(result.paths.report_html.as_uri())
    documents = {d.doc_id: d for d in result.catalog.documents}
    for problem in reviews:
        ocr_pages = [p for p in documents[problem.doc_id].pdf.pages if p.source == "ocr" and p.text.strip()]
        shown = _rows(page, f'table.ocr-reviews tr[data-doc="{problem.doc_id}"]', "td.page", "td.page + td + td")
        assert shown == [(str(p.number), str(round(p.confidence))) for p in ocr_pages]
    assert "dưới 100" in page.inner_text("#ocr-review")


@pytest.mark.browser
def test_every_value_is_escaped(copy_of_content, tmp_path, page):
    toml = copy_of_content / "packages" / "VPTU-2025-01" / "package.toml"
    toml.write_text(re.sub(r'(?m)^title = .*$', 'title = "Gói <b>thử</b> & cộng"', toml.read_text(encoding="utf-8")),
                    encoding="utf-8")
    fonds = 'Phông <i>Tỉnh ủy</i> & "Sơn Hà"'
    edit_csv(copy_of_content / HO_SO, lambda rows: [rows[0], *([*row[:2], fonds, *row[3:]] for row in rows[1:])])
    result = _unread_build(copy_of_content, tmp_path / "build" / "site")
    text = result.paths.report_html.read_text(encoding="utf-8")
    assert "<b>thử</b>" not in text and "<i>Tỉnh ủy</i>" not in text
    page.goto(result.paths.report_html.as_uri())
    cell = page.query_selector('tr.package[data-package="VPTU-2025-01"] td')
    assert "Gói <b>thử</b> & cộng" in cell.inner_text() and not cell.query_selector("b")
    groups = page.eval_on_selector_all("#chart-fonds g.bar-row", "rows => rows.map(row => row.dataset.group)")
    assert fonds in groups and not page.query_selector("svg.chart i")
