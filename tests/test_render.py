"""Rendering: values escaped, links relative, templates overridable, unknown columns shown."""

from __future__ import annotations

import pdfgen
import pytest
from projects import DOC_HEADERS, FILE_HEADERS, write_catalog_toml, write_workbook

from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.site.render import relative
from conftest import doc_page, file_page

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def evil_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("evil")
    content = root / "content"
    write_catalog_toml(content, title=f"Kho {EVIL}")
    package = content / "packages" / "P"
    pdfgen.write_text_pdf(package / "data" / "HS1.1.pdf", ["Nội dung văn bản."])
    write_workbook(
        package / "sheets.xlsx",
        [["HS1", f"Phông {EVIL}", f"Hồ sơ {EVIL}", "01", EVIL]],
        [["D<1>", "HS1", 1, "1-CV/TU", "01/02/2021", EVIL, f"Trích yếu {EVIL}", "01", "", 1, "data/HS1.1.pdf", EVIL]],
        file_headers=[*FILE_HEADERS, "Ghi chú riêng"],
        doc_headers=[*DOC_HEADERS, "Người nhập liệu"],
    )
    (content / "templates").mkdir()
    (content / "templates" / "browse_index.html").write_text(
        '{% extends "base.html" %}{% block content %}<p id="own-template">{{ entries|length }}</p>{% endblock %}',
        encoding="utf-8",
    )
    return build(load_config(content), BuildPaths.for_output(root / "site"))


def test_every_value_is_escaped(evil_build):
    site = evil_build.paths.site
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<script>" not in html and "<img src=x" not in html, path
    document = evil_build.catalog.documents[0]
    html = (site / doc_page(document.slug)).read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html


def test_unknown_columns_are_shown(evil_build):
    document = evil_build.catalog.documents[0]
    html = (evil_build.paths.site / doc_page(document.slug)).read_text(encoding="utf-8")
    assert "Người nhập liệu" in html
    file_html = (evil_build.paths.site / file_page(evil_build.catalog.files[0].slug)).read_text(encoding="utf-8")
    assert "Ghi chú riêng" in file_html


def test_identifier_with_unsafe_characters_gets_a_stable_safe_permalink(evil_build):
    document = evil_build.catalog.documents[0]
    assert document.doc_id == "D<1>"
    assert document.slug.startswith("D-1-") and len(document.slug) == len("D-1-") + 8
    assert (evil_build.paths.site / doc_page(document.slug)).is_file()


def test_project_templates_override_built_in_ones(evil_build):
    html = (evil_build.paths.site / "duyet/nam.html").read_text(encoding="utf-8")
    assert 'id="own-template"' in html


@pytest.mark.parametrize("target, page, expected", [
    ("index.html", "tai-lieu/a.html", "../index.html"),
    ("static/site.css", "en/tai-lieu/a.html", "../../static/site.css"),
    ("tai-lieu/b.html", "index.html", "tai-lieu/b.html"),
])
def test_links_are_relative(target, page, expected):
    assert relative(target, page) == expected


def _dated_documents(ids):
    """Documents of 2020, ten a day in the order of their ids ("D0499b" with "D0499")."""
    import datetime

    from catalog.access.tiers import Tier
    from catalog.model import DateValue, Document, Location

    documents = []
    for doc_id in ids:
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=int(doc_id[1:5]) // 10)
        documents.append(Document(doc_id, "HS1", "P", f"Văn bản {doc_id}", Tier.PUBLIC, Location("x"),
                                  date=DateValue(day, day, "day", day.strftime("%d/%m/%Y"))))
    return documents


def _year_lists(documents):
    from catalog.site.pages import _browse_pages

    return [p for p in _browse_pages("year", documents) if p.template == "browse_list.html"]


def test_long_browse_lists_are_paginated_where_their_documents_say():
    from catalog.site.pages import BROWSE_PAGE_MAX, BROWSE_PAGE_MIN

    lists = _year_lists(_dated_documents([f"D{n:04d}" for n in range(1000)]))
    sizes = [len(p.context["documents"]) for p in lists]
    assert sum(sizes) == 1000 and len(lists) >= 4
    assert all(BROWSE_PAGE_MIN <= size <= BROWSE_PAGE_MAX for size in sizes[:-1]) and sizes[-1] <= BROWSE_PAGE_MAX
    assert sizes[-1] >= BROWSE_PAGE_MIN or sizes[-2] + sizes[-1] > BROWSE_PAGE_MAX  # no last page of a few
    assert lists[0].path == "duyet/nam-2020.html"  # the first page keeps the list's own name
    assert [p.path for p in lists[1:]] == [f"duyet/nam-2020/{p.context['documents'][0].slug}.html" for p in lists[1:]]
    assert lists[0].context["total"] == 1000 and len(lists[0].context["list_pages"]) == len(lists)
    assert all("total" not in p.context for p in lists[1:])  # the others change with their own documents only
    assert [p.context["next_path"] for p in lists[:-1]] == [p.path for p in lists[1:]]
    assert lists[1].context["span"] == (lists[1].context["documents"][0].date.text, lists[1].context["documents"][-1].date.text)


def test_a_document_added_to_a_long_list_changes_only_the_page_it_falls_on_and_the_first():
    def shown(ids):
        return {p.path: ([d.doc_id for d in p.context["documents"]], p.context["previous_path"],
                         p.context["next_path"], p.context.get("list_pages")) for p in _year_lists(_dated_documents(ids))}

    ids = [f"D{n:04d}" for n in range(1000)]
    before = shown(ids)
    for extra in ("D0499b", "D0120b", "D0871b", "D0995b", "D0262b", "D0278b"):  # the last two start pages
        after = shown(sorted(ids + [extra]))
        changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
        landed = next(path for path, (docs, *_) in after.items() if extra in docs)
        # Its page and the first; where it starts a page of its own, that page and its neighbours.
        assert {landed, "duyet/nam-2020.html"} <= changed and len(changed) <= 5, (extra, changed)
        assert len(before) - 1 <= len(after) <= len(before) + 1


@pytest.mark.parametrize("raw_html, expected", [(True, "<b id=\"own\">"), (False, "&lt;b id=\"own\"&gt;")])
def test_raw_html_in_markdown_pages_is_kept_unless_turned_off(tmp_path, raw_html, expected):
    content = tmp_path / "content"
    write_catalog_toml(content, markdown_raw_html=raw_html)
    package = content / "packages" / "P"
    write_workbook(package / "sheets.xlsx", [["HS1", "Phông", "Hồ sơ", "01"]],
                   [["D1", "HS1", 1, "", "", "", "Trích yếu", "01", "", "", ""]])
    (content / "pages").mkdir()
    (content / "pages" / "gioi-thieu.md").write_text('# Giới thiệu\n\nChữ <b id="own">đậm</b>.\n', encoding="utf-8")
    result = build(load_config(content), BuildPaths.for_output(tmp_path / "site"))
    html = (result.paths.site / "trang/gioi-thieu.html").read_text(encoding="utf-8")
    assert expected in html
