"""Rebuilds after a change make only what changed, and the result is the site a full build makes.

Each test builds a copy of the sample, changes its inputs as an archivist would (a row
edited, a row deleted, a template of the project's own), rebuilds into the same folder,
and compares every file with a full build of the same inputs into another folder. A page
the rebuild kept is the previous site's very file (a hard link: same inode); a page it
made again is a new one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import doc_page, tree_digest
from projects import edit_csv, set_cell

from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.output_paths import SITE_MARKER
from catalog.search.browser import reader as browser_index
from catalog.search.query import search
from catalog.state import build_state
from catalog.state.build_state import BuildState

TAI_LIEU = Path("packages/VPTU-2025-01/tai_lieu.csv")


@pytest.fixture(autouse=True)
def settled_files(monkeypatch):
    """Files the test just wrote count as settled (the real builds wait RACY_SECONDS for that)."""
    monkeypatch.setattr(build_state, "RACY_SECONDS", 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # the home page's date: the same in both builds


def _build(content: Path, out: Path, full: bool = False):
    return build(load_config(content), BuildPaths.for_output(out), full=full)


def _site_files(site: Path) -> dict[str, str]:
    """Every file but the marker and the browser index's data, whose segments differ from a full build's
    (``_same_as_full_build`` compares what they hold)."""
    return {rel: digest for rel, digest in tree_digest(site).items()
            if rel != SITE_MARKER and not rel.startswith(("search/g/", "search/meta.js"))}


QUERIES = ("lưu trữ", "so hoa", "64-CV/TW", "quyết định", "kiểm tra", "tỉnh ủy", '"công tác văn thư"', "báo cáo")


def _same_as_full_build(content: Path, site: Path, tmp_path: Path) -> None:
    """Every file of the site, and the answers of the updated search index, as a full build's."""
    fresh = tmp_path / "fresh" / "site"
    _build(content, fresh, full=True)
    assert _site_files(site) == _site_files(fresh)
    assert browser_index.contents(site) == browser_index.contents(fresh)
    for query in QUERIES:
        assert _answers(site, query) == _answers(fresh, query), query


def _answers(site: Path, query: str) -> list[tuple]:
    return [(hit.doc_id, hit.score, hit.pages) for hit in search(site, query, limit=50)]


def _inode(site: Path, rel: str) -> int:
    return (site / rel).stat().st_ino


def test_a_rebuild_with_nothing_changed_does_nothing(copy_of_content, tmp_path):
    site = tmp_path / "build" / "site"
    first = _build(copy_of_content, site)
    before = {rel: _inode(site, rel) for rel in ("index.html", "search/meta.js")}
    again = _build(copy_of_content, site)
    assert again.unchanged and again.catalog is None
    assert {rel: _inode(site, rel) for rel in before} == before  # the very same files
    assert again.report.counts == first.report.counts and len(again.report.problems) == len(first.report.problems)
    assert not _build(copy_of_content, site, full=True).unchanged


def test_an_edited_row_remakes_its_pages_keeps_the_others_and_equals_a_full_build(copy_of_content, tmp_path):
    site = tmp_path / "build" / "site"
    first = _build(copy_of_content, site)
    docs = [d for d in first.catalog.documents if d.package_id == "VPTU-2025-01"]
    edited, other_package = docs[0], next(d for d in first.catalog.documents if d.package_id != "VPTU-2025-01")
    untouched = {rel: _inode(site, rel) for rel in (doc_page(other_package.slug), "trang/gioi-thieu.html")}
    edited_page = _inode(site, doc_page(edited.slug))

    set_cell(copy_of_content / TAI_LIEU, edited.doc_id, "Trích yếu nội dung", "Về việc chỉnh sửa trích yếu sau khi giao nộp")
    second = _build(copy_of_content, site)
    assert not second.unchanged
    counts = second.report.counts
    assert 0 < counts["pages_made"] < 20 < counts["pages_kept"], counts  # its pages, its file's, the listings
    assert _answers(site, "chỉnh sửa trích yếu")[0][0] == edited.doc_id  # the updated record is found
    assert {rel: _inode(site, rel) for rel in untouched} == untouched
    assert _inode(site, doc_page(edited.slug)) != edited_page
    assert "chỉnh sửa trích yếu" in (site / doc_page(edited.slug)).read_text(encoding="utf-8")
    _same_as_full_build(copy_of_content, site, tmp_path)


def test_a_deleted_row_takes_its_pages_away(copy_of_content, tmp_path):
    site = tmp_path / "build" / "site"
    first = _build(copy_of_content, site)
    gone = next(d for d in first.catalog.documents if d.package_id == "VPTU-2025-01")
    edit_csv(copy_of_content / TAI_LIEU, lambda rows: [r for r in rows if gone.doc_id not in r])
    _build(copy_of_content, site)
    assert not (site / doc_page(gone.slug)).exists()
    assert not (site / "en" / doc_page(gone.slug)).exists()
    _same_as_full_build(copy_of_content, site, tmp_path)


def test_a_template_of_the_project_remakes_every_page_that_uses_it(copy_of_content, tmp_path):
    site = tmp_path / "build" / "site"
    _build(copy_of_content, site)
    templates = copy_of_content / "templates"
    templates.mkdir()
    builtin = Path(__file__).resolve().parent.parent / "site_templates" / "templates" / "base.html"
    (templates / "base.html").write_text(
        builtin.read_text(encoding="utf-8").replace("</footer>", "<p>Bản thử của phòng lưu trữ</p></footer>"),
        encoding="utf-8")
    _build(copy_of_content, site)
    pages = list(site.rglob("*.html"))
    assert pages and all("Bản thử của phòng lưu trữ" in p.read_text(encoding="utf-8") for p in pages)
    _same_as_full_build(copy_of_content, site, tmp_path)


def test_a_state_that_does_not_describe_the_site_keeps_no_page(copy_of_content, tmp_path):
    """As after a build killed between the swap and the state's write."""
    site = tmp_path / "build" / "site"
    _build(copy_of_content, site)
    paths = BuildPaths.for_output(site)
    state = BuildState.load(paths.state)
    BuildState("20000101T000000-other", state.setup, state.inputs, state.pages).save(paths.state)
    before = _inode(site, "trang/gioi-thieu.html")
    again = _build(copy_of_content, site)
    assert not again.unchanged and _inode(site, "trang/gioi-thieu.html") != before
    os.sync()
    _same_as_full_build(copy_of_content, site, tmp_path)
