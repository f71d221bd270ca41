"""Vietnamese order and authority forms (issue 11).

Collation: a fixed list of words sorts in the dictionary's order, the same in Python
(PyICU) and in Chromium (``Intl.Collator("vi")``). Authority forms: the spellings of one
name (tone placement, case, spacing) are one browse entry and one filter value, shown as
most documents write it, and reported to the archivist.
"""

from __future__ import annotations

import json
import random
import re
from urllib.parse import urlencode

import pytest

from catalog.access.tiers import Tier
from catalog.authority import authorities, form_of, name_key, report_spellings, variants_of
from catalog.language.collation import sort_key, sorted_vi
from catalog.model import ArchivalFile, Catalog, Document, Fonds, Location
from catalog.report import Report
from catalog.search.browser.reader import contents
from conftest import doc_page

# The dictionary's order, written out: a ă â b … d đ e ê … o ô ơ … u ư v; the tones of a
# syllable after it in the order ngang, huyền, hỏi, ngã, sắc, nặng; lower case before upper.
# (No pair whose order hangs on a digraph: dictionaries file ch, th… apart, ICU does not.)
DICTIONARY_ORDER = [
    "an", "ăn", "Ăn", "ân", "Ân",
    "Báo cáo", "Biên bản",
    "dân", "Dũng", "đan", "Đảng",
    "em", "êm",
    "hoa", "hòa", "hóa",
    "ma", "Ma", "mà", "mả", "mã", "má", "mạ", "măng", "mầm",
    "ong", "ông", "ơn", "Ơn",
    "Ủy ban", "uy tín", "Ư", "ưu",
    "Văn phòng",
]


def shuffled(words: list[str]) -> list[str]:
    mixed = list(words)
    random.Random(11).shuffle(mixed)
    return mixed


def test_python_sorts_in_the_dictionary_order():
    assert sorted_vi(shuffled(DICTIONARY_ORDER)) == DICTIONARY_ORDER
    assert sorted_vi(reversed(DICTIONARY_ORDER)) == DICTIONARY_ORDER
    assert sorted(["Văn phòng", "Ủy ban", "Biên bản", "Báo cáo"], key=sort_key) == [
        "Báo cáo", "Biên bản", "Ủy ban", "Văn phòng"]  # code points: Biên, Báo, Văn, Ủy


def test_sorted_vi_takes_a_key_and_reverses():
    items = [{"name": "Văn phòng"}, {"name": "Ủy ban"}, {"name": "Đảng"}]
    assert [i["name"] for i in sorted_vi(items, key=lambda i: i["name"])] == ["Đảng", "Ủy ban", "Văn phòng"]
    assert sorted_vi(["a", "b"], reverse=True) == ["b", "a"]


@pytest.mark.browser
def test_chromium_sorts_like_python(page):
    words = shuffled(DICTIONARY_ORDER) + ["Uỷ ban", "UỶ BAN", "Thủy", "Thùy", "Thuý", "Việt Nam"]
    in_chromium = page.evaluate('words => words.slice().sort(new Intl.Collator("vi").compare)', words)
    assert in_chromium == sorted_vi(words)
    assert [w for w in in_chromium if w in DICTIONARY_ORDER] == DICTIONARY_ORDER


# --- authority forms --------------------------------------------------------------------


def test_name_key_ignores_tone_placement_case_and_spacing_only():
    assert name_key("Uỷ ban nhân dân tỉnh Sơn Hà") == name_key("Ủy ban nhân dân tỉnh Sơn Hà")
    assert name_key("ỦY BAN  nhân dân\u00a0tỉnh Sơn Hà ") == name_key("Ủy ban nhân dân tỉnh Sơn Hà")
    assert name_key("Phạm Thị Thuý") == name_key("Phạm Thị Thúy")
    assert name_key("Thủy") != name_key("Thùy")
    assert name_key("Đảng") != name_key("Dang")


def _document(number: int, issuer: str, signer: str = "", doc_type: str = "Công văn") -> Document:
    return Document(doc_id=f"D{number:02d}", file_code="F1", package_id="P", summary=f"Văn bản {number}",
                    tier=Tier.PUBLIC, location=Location("ho_so.xlsx", "Tài liệu", number + 1),
                    issuer=issuer, signer=signer, doc_type=doc_type)


def _catalog(issuers: list[str], fonds_name: str = "Phông Ủy ban nhân dân") -> Catalog:
    documents = [_document(n, issuer) for n, issuer in enumerate(issuers, 1)]
    archival_file = ArchivalFile("F1", "P", "Hồ sơ", Tier.PUBLIC, Location("ho_so.xlsx", "Hồ sơ", 2),
                                 fonds_name=fonds_name, documents=documents)
    return Catalog(fonds=[Fonds("P1", fonds_name, [archival_file])])


def test_the_spelling_most_documents_use_stands_for_all():
    new, old = "Ủy ban nhân dân tỉnh Sơn Hà", "Uỷ ban nhân dân tỉnh Sơn Hà"
    forms = authorities(_catalog([old, new, new, "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "Thủy", "Thùy"]))
    assert {form_of(forms, "issuer", s) for s in (old, new, "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ")} == {new}
    assert variants_of(forms, "issuer", new) == (old, "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ")  # tie: lower case first
    assert form_of(forms, "issuer", "Thủy") == "Thủy" and form_of(forms, "issuer", "Thùy") == "Thùy"
    assert variants_of(forms, "issuer", "Thủy") == ()
    assert form_of(forms, "issuer", "never seen") == "never seen" and form_of(forms, "issuer", "") == ""
    authority = forms["issuer"][old]
    assert authority.spellings[0] == (new, 2)
    assert authority.minority_at == Location("ho_so.xlsx", "Tài liệu", 2) and authority.minority_doc == "D01"


def test_a_tie_goes_to_the_first_spelling_in_vietnamese_order():
    forms = authorities(_catalog(["Uỷ ban", "Ủy ban"]))
    first = sorted_vi(["Ủy ban", "Uỷ ban"])[0]
    assert form_of(forms, "issuer", "Ủy ban") == form_of(forms, "issuer", "Uỷ ban") == first


def test_each_grouped_name_is_reported_once_with_its_first_other_spelling():
    report = Report()
    report_spellings(authorities(_catalog(["Ủy ban", "Uỷ ban", "Ủy ban", "Sở Nội vụ"])), report)
    assert [p.code for p in report.problems] == ["spelling-variants"]
    problem = report.problems[0]
    assert problem.severity == "warning" and (problem.path, problem.row, problem.doc_id) == ("ho_so.xlsx", 3, "D02")
    vietnamese, english = problem.message.split(" / ")
    assert 'viết theo 2 cách: "Ủy ban" (2 văn bản), "Uỷ ban" (1 văn bản)' in vietnamese
    assert "thống nhất cách viết trong bảng kê" in vietnamese.lower()
    assert "written 2 ways" in english


# --- the built sample: one entry for both spellings -------------------------------------

SAMPLE_NEW, SAMPLE_OLD = "Ủy ban nhân dân tỉnh Sơn Hà", "Uỷ ban nhân dân tỉnh Sơn Hà"


def test_sample_browse_index_and_browser_facet_have_one_issuer(sample_build):
    site = sample_build.paths.site
    issuers = {d.issuer for d in sample_build.catalog.documents}
    assert {SAMPLE_NEW, SAMPLE_OLD} <= issuers  # the sample writes it both ways
    index = (site / "duyet" / "co-quan.html").read_text(encoding="utf-8")
    listed = re.findall(r'<a href="co-quan-[^"]+">([^<]+)</a>', index)
    assert listed.count(SAMPLE_NEW) == 1 and SAMPLE_OLD not in listed
    assert listed == sorted_vi(listed)
    facet = contents(site)["facets"]["issuers"]
    assert facet.count(SAMPLE_NEW) == 1 and SAMPLE_OLD not in facet
    entry = next(p for p in (site / "duyet").glob("co-quan-Uy-ban-nhan-dan-tinh-Son-Ha-*.html"))
    page = entry.read_text(encoding="utf-8")
    assert "Cũng viết là" in page and SAMPLE_OLD in page
    # The document's own page keeps its row's spelling.
    old_doc = next(d for d in sample_build.catalog.documents if d.issuer == SAMPLE_OLD)
    assert SAMPLE_OLD in (site / doc_page(old_doc.slug)).read_text(encoding="utf-8")


def test_sample_report_names_the_grouped_spellings(sample_build):
    report = json.loads(sample_build.paths.report.read_text(encoding="utf-8"))
    messages = [p["message"] for p in report["problems"] if p["code"] == "spelling-variants"]
    assert any(SAMPLE_OLD in m and SAMPLE_NEW in m for m in messages)
    assert any("Phạm Thị Thuý" in m and "Phạm Thị Thúy" in m for m in messages)


@pytest.mark.browser
def test_sample_search_page_issuer_filter_shows_one_entry(sample_build, page):
    site = sample_build.paths.site
    # The issuer's words find every document it issued, in either spelling.
    page.goto((site / "search.html").as_uri() + "?" + urlencode({"q": "uy ban nhan dan tinh son ha"}))
    page.wait_for_selector('#results[data-state="done"]', state="attached")
    options = page.locator("select[name=issuer] option").evaluate_all("os => os.map(o => [o.value, o.textContent])")
    values = [value for value, _ in options if value]
    assert values.count(SAMPLE_NEW) == 1 and SAMPLE_OLD not in values
    assert values == sorted_vi(values)  # the filter lists names in Vietnamese order too
    count = next(int(text.rsplit("(", 1)[1].rstrip(")")) for value, text in options if value == SAMPLE_NEW)
    everything = {d.doc_id for d in sample_build.catalog.documents if d.issuer in (SAMPLE_NEW, SAMPLE_OLD)}
    assert count == len(everything)
    page.select_option("select[name=issuer]", SAMPLE_NEW)
    page.wait_for_function("() => new URLSearchParams(location.search).get('issuer')")
    page.wait_for_selector('#results[data-state="done"]', state="attached")
    assert int(page.locator("#results").get_attribute("data-total")) == count
