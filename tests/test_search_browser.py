"""The browser search engine in headless Chromium: the shared vectors, parity with
`catalog search` and the Python analyzer, and the search page of the built sample
from file:// and over HTTP."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import unicodedata
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from test_index import COUNT_EXPECTATIONS, VECTORS, check_counts, check_vector, record, vector_record

from catalog.language.lookalikes import BY_LETTER, LOOKALIKES
from catalog.language.query_syntax import parse_query
from catalog.language.vietnamese import (
    exact_key,
    find_document_numbers,
    folded_key,
    has_diacritics,
    search_form,
    tokenize,
)
from catalog.progress import Silent
from catalog.search.browser.postings import encode_docs, encode_pages, fnv1a32, varint
from catalog.search.index import write_index
from catalog.search.query import search, search_results
from catalog.site.output import write_search
from catalog.site.render import Renderer, make_environment, site_globals
from catalog.site.write import SiteWriter

pytestmark = pytest.mark.browser

ALL = 1000  # a limit above any result count here


def build_search_site(out: Path, records) -> Path:
    """search.html in both UI languages, the static files and the browser index: the real pieces."""
    config = SimpleNamespace(title="Thử", title_en="Test", organization="", languages=("vi", "en"), base_url="")
    renderer = Renderer(make_environment(out.parent / "no-project"), site_globals(config, "public"), [], config.languages)
    with SiteWriter(out) as writer:
        write_search(renderer, config.languages, records, writer, Silent())
        writer.copy_tree("static", Path(str(resources.files("site_templates") / "static")))
    return out


def open_engine(page, site: Path, base: str | None = None) -> None:
    page.goto(base + "search.html" if base else (site / "search.html").as_uri())
    page.wait_for_function("() => window.CatalogSearch && window.CatalogSearch.query")


def run_query(page, query: str, **options) -> dict:
    return page.evaluate("([q, o]) => CatalogSearch.query(q, o)", [query, {"limit": ALL, **options}])


def open_results(page, url: str) -> list[str]:
    """Open a search URL, wait for the rendered results, return their doc ids in order."""
    page.goto(url)
    page.wait_for_selector('#results[data-state="done"]', state="attached")
    return page.locator("#results > li.result").evaluate_all("items => items.map(i => i.dataset.docId)")


def loose_adjacency(query: str) -> bool:
    """Does the query rank by a 3+ syllable run (ADJACENT, EXACT_PHRASE)? The browser checks
    those by their adjacent pairs only, so its tier may be higher than whoosh's."""
    return any(len(g.syllables) > 2 and g.kind != "number" for g in parse_query(query))


def assert_same_as_cli(answer: dict, hits, query: str) -> None:
    """Same documents, page hits and scores as `catalog search` (whoosh's BM25 and tiers)."""
    found = [r["id"] for r in answer["results"]]
    assert sorted(found) == sorted(h.doc_id for h in hits), (found, [h.doc_id for h in hits])
    pages = {r["id"]: tuple(r["pages"]) for r in answer["results"]}
    assert pages == {h.doc_id: h.pages for h in hits}
    scores = {r["id"]: r["score"] for r in answer["results"]}
    for hit in hits:
        if loose_adjacency(query):  # the tier may differ, not the order of what differs by more
            assert scores[hit.doc_id] >= hit.score - 1e-4, (query, hit)
        else:
            assert scores[hit.doc_id] == pytest.approx(hit.score, abs=1e-4), (query, hit)
    position = {doc_id: i for i, doc_id in enumerate(found)}
    for a in hits:
        for b in hits:
            if a.score > b.score + (0.99 if loose_adjacency(query) else 1e-4):
                assert position[a.doc_id] < position[b.doc_id], (a, b, found)


# --- the shared vectors --------------------------------------------------------


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_vector_in_the_browser(tmp_path, page, vector):
    records = [vector_record(doc_id, document) for doc_id, document in vector["documents"].items()]
    site = build_search_site(tmp_path / "site", records)
    write_index(tmp_path / "index", records)
    open_engine(page, site)
    answer = run_query(page, vector["query"])
    found = [r["id"] for r in answer["results"]]
    explain = f"{vector['query']!r} -> {[(r['id'], r['score']) for r in answer['results']]}"
    check_vector(vector, found, {r["id"]: list(r["pages"]) for r in answer["results"]}, explain)
    # the counts, named as in search_results (the engine's answer uses camelCase)
    camel = {"exact": "exact", "approximate": "approximate", "no_exact": "noExact", "only_exclusions": "onlyExclusions"}
    check_counts(vector, {name: answer[camel[name]] for name in COUNT_EXPECTATIONS.values()}, explain)
    cli = search_results(tmp_path / "index", vector["query"], limit=ALL)
    assert (answer["exact"], answer["approximate"], answer["noExact"], answer["onlyExclusions"]) == (
        cli.exact, cli.approximate, cli.no_exact, cli.only_exclusions)
    assert {r["id"]: r["exact"] for r in answer["results"]} == {h.doc_id: h.exact for h in cli.hits}
    assert_same_as_cli(answer, cli.hits, vector["query"])
    # the page renders the same order for the URL
    shown = open_results(page, (site / "search.html").as_uri() + "?" + urlencode({"q": vector["query"]}))
    assert shown == found[:10]


# --- analyzer parity -----------------------------------------------------------

NFD = functools.partial(unicodedata.normalize, "NFD")
TEXTS = [
    "Việt Nam", NFD("Việt Nam"), "ĐẢNG Cộng sản", "Uỷ ban", "ủy ban", "khoẻ khỏe", "HOÀ HÒA", "đường Đường",
    "Công văn số 64-CV/TW ngày 10/4/2025", "367 - QĐ/TWĐTN-VP", "1206 /QĐ-HVTC", "30/2020/NĐ-CP và 05/2025/TT-BNV",
    "12-QyĐ/TW, 05-CTr/TU; 64–CV/TW", "10/4/2025 - Công văn", "a_b c-d e/f", "Tiếng 中文 и русский ﬁ ½ ²",
    '"lưu trữ tài liệu" 64 cv tw', "“số hóa” 33/2024/QH15 \"dở", "x\u0301y", "Số: 15/QĐ-UBND", "",
    # look-alikes (Cyrillic, Greek, fullwidth, mathematical bold, eth, caron), zero-width, no-break spaces
    "\u1ee6\u0443 b\u0430n t\u1ed5 \u0441h\u1ee9\u0441", "c\u03bfng \u03bdan", "\uff35\uff22\uff2e\uff24 \uff53\u1ed1",
    "\U0001d413\U0001d407\U0001d40e\u0302\U0001d40d\U0001d406", "s\u043e\u0302\u0301 h\u0435\u0301", "\u00d0\u1ea3ng n\u01cem",
    "64-\u0421V/TW 15/Q\u00d0-UBND", "\ufeffs\u200b\u1ed1 h\u2060\u00f3a s\u1ed1\u200bh\u00f3a \u200b x\u200c",
    "s\u1ed1\u00a0h\u00f3a 367\u00a0-\u2007Q\u0110/TW\u0110TN-VP 1206\u202f/Q\u0110-HVTC",
    # operators: OR (upper case, outside quotes), -word, -"phrase", -number, dashes that exclude nothing
    "lưu trữ OR số hóa", "64-CV/TW OR 36-HD/VPTW", 'số hóa -kế -"kế hoạch" -64-CV/TW', "OR a OR", "a or b",
    '"a OR b" c', "a OR -b OR c", "-kế", "367 -QĐ/TU 2020-2025", "x -G09.2010.01 y", "a\u00a0-b\ufeff-c", "-x(64-CV/TW)",
    "a ORb OR\u00a0c", '-"" x -" y', "x\u2212y -\u0301a",
]  # fmt: skip


@pytest.fixture(scope="module")
def engine_page(browser, tmp_path_factory):
    site = build_search_site(tmp_path_factory.mktemp("engine") / "site", [record("a", "Số hóa", ("Trang",))])
    context = browser.new_context()
    page = context.new_page()
    open_engine(page, site)
    yield page
    context.close()


def test_analyzer_matches_python(engine_page):
    js = engine_page.evaluate(
        """texts => texts.map(t => { const a = CatalogSearch.analyzer; return {
             tokens: a.tokenize(t).map(x => x.text), folded: a.tokenize(t).map(x => a.foldedKey(x.text)),
             exact: a.tokenize(t).map(x => a.toneKey(x.text)), marked: a.tokenize(t).map(x => a.hasDiacritics(x.text)),
             numbers: a.findDocumentNumbers(t).map(n => [n.text, n.key]),
             groups: a.parseQuery(t).map(g => [g.kind, g.syllables.map(s => [s.text, s.exact, s.folded, s.marked]), g.numberKeys,
                                                g.side, g.excluded]) }; })""",
        TEXTS,
    )
    for text, got in zip(TEXTS, js):
        tokens = [t.text for t in tokenize(text)]
        assert got["tokens"] == tokens, text
        assert got["folded"] == [folded_key(t) for t in tokens], text
        assert got["exact"] == [exact_key(t) for t in tokens], text
        assert got["marked"] == [has_diacritics(t) for t in tokens], text
        assert got["numbers"] == [[n.text, n.key] for n in find_document_numbers(text)], text
        groups = [[g.kind, [[s.text, s.exact, s.folded, s.marked] for s in g.syllables], list(g.number_keys),
                   g.side, g.excluded] for g in parse_query(text)]  # fmt: skip
        assert got["groups"] == groups, text


def test_lookalike_table_is_python_s(engine_page):
    """The browser's copy of the table (generated into search.js) is Python's, and maps alike."""
    assert engine_page.evaluate("() => CatalogSearch.analyzer.lookalikes") == BY_LETTER
    every = "".join(LOOKALIKES) + " " + "".join(f"{source}\u0301" for source in LOOKALIKES)
    texts = [every, *TEXTS, "\u0456\u0308 \u04d1 \u0439 \u0451"]  # decomposed first: ӑ -> ă, й stays
    assert engine_page.evaluate("ts => ts.map(t => CatalogSearch.analyzer.searchForm(t))", texts) == [
        search_form(text) for text in texts
    ]


def test_hash_and_codec_match_python(engine_page):
    keys = ["hoa", "!hoa2", ">so hoa", ">!sô1 hoa1", "#30/2020/NĐ-CP", "$64-CV/TW", "đường", NFD("Việt"), "中文", "😀"]
    assert engine_page.evaluate("ks => ks.map(k => CatalogSearch.codec.fnv1a32(k))", keys) == [fnv1a32(k) for k in keys]
    docs = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [5, 900, 70000], list(range(3, 3000, 7))]
    encoded = [encode_docs(d) for d in docs]
    assert engine_page.evaluate("xs => xs.map(x => CatalogSearch.codec.decodeDocs(x).docs)", encoded) == docs
    postings = (varint(4) + varint(3 << 1 | 1) + varint(2) + varint(40) + encode_pages({0, 2})  # tf 2 in a title of 40
                + varint(0) + varint(1 << 1) + encode_pages({77, 80}))  # fmt: skip
    decoded = engine_page.evaluate(
        """x => { const p = CatalogSearch.codec.decodeFolded(x);
                  return [p.docs, p.tf, p.title, p.titleLength, p.pages.map(CatalogSearch.codec.pageList)]; }""",
        postings,
    )
    assert decoded == [[4, 5], [3, 1], [2, 0], [40, 0], [[0, 2], [77, 80]]]
    cited = varint(7) + varint(3) + varint(0) + varint(12)
    assert engine_page.evaluate("x => CatalogSearch.codec.decodeCited(x)", cited) == {"docs": [7, 8], "lengths": [3, 12]}


# --- the page on a small site with facets ---------------------------------------------

FACET_RECORDS = [
    record(f"TL-{i:02d}", f"Báo cáo công tác lưu trữ số {i}", (f"Trang đầu {i}", "Kết quả lưu trữ tài liệu"),
           year=2019 + i % 5, date_sort=f"{2019 + i % 5}-0{1 + i % 9}-1{i % 10}", date_text=f"1{i % 10}/0{1 + i % 9}/{2019 + i % 5}",
           fonds_code="P1" if i % 3 else "P2", fonds_name="Phông Tỉnh ủy" if i % 3 else "Phông UBND",
           doc_type="Báo cáo" if i % 2 else "Kế hoạch", issuer="Văn phòng" if i % 4 else "Ban Tổ chức",
           pdf_url=f"pdf/TL-{i:02d}.pdf")
    for i in range(25)
]  # fmt: skip


@pytest.fixture(scope="module")
def facet_site(tmp_path_factory):
    return build_search_site(tmp_path_factory.mktemp("facets") / "site", FACET_RECORDS)


def facet_counts(page, name: str) -> dict[str, int]:
    texts = page.locator(f"select[name={name}] option").evaluate_all("os => os.map(o => [o.value, o.textContent])")
    return {value: int(text.rsplit("(", 1)[1].rstrip(")")) for value, text in texts if value}


def test_filters_with_counts_change_the_results(facet_site, page):
    url = (facet_site / "search.html").as_uri() + "?"
    assert len(open_results(page, url + urlencode({"q": "lưu trữ"}))) == 10
    assert page.locator("#results").get_attribute("data-total") == "25"
    assert facet_counts(page, "fonds") == {"P1": 16, "P2": 9}
    assert facet_counts(page, "type") == {"Báo cáo": 12, "Kế hoạch": 13}
    page.select_option("select[name=fonds]", "P2")
    page.wait_for_function("() => document.querySelector('#results').dataset.total === '9'")
    assert "fonds=P2" in page.url  # the URL follows, so the result list can be bookmarked
    assert facet_counts(page, "type") == {"Báo cáo": 4, "Kế hoạch": 5}  # counted within fonds P2
    assert facet_counts(page, "fonds") == {"P1": 16, "P2": 9}  # a facet's own filter is lifted for its counts
    ids = open_results(page, url + urlencode({"q": "lưu trữ", "fonds": "P2", "type": "Kế hoạch", "from": 2020, "to": 2021}))
    expected = {r.doc_id for r in FACET_RECORDS if r.fonds_code == "P2" and r.doc_type == "Kế hoạch" and 2020 <= r.year <= 2021}
    assert set(ids) == expected and expected


def test_sort_by_date_and_more_results(facet_site, page):
    url = (facet_site / "search.html").as_uri() + "?"
    by_id = {r.doc_id: r for r in FACET_RECORDS}
    oldest = open_results(page, url + urlencode({"q": "lưu trữ", "sort": "date"}))
    assert [by_id[i].date_sort for i in oldest] == sorted(r.date_sort for r in FACET_RECORDS)[:10]
    newest = open_results(page, url + urlencode({"q": "lưu trữ", "sort": "date-desc"}))
    assert [by_id[i].date_sort for i in newest] == sorted((r.date_sort for r in FACET_RECORDS), reverse=True)[:10]
    page.click("#search-more")
    page.wait_for_function("() => document.querySelectorAll('#results > li').length === 20")
    page.click("#search-more")
    page.wait_for_function("() => document.querySelectorAll('#results > li').length === 25")
    assert page.locator("#search-more").is_hidden()
    shown = page.locator("#results > li").evaluate_all("items => items.map(i => i.dataset.docId)")
    assert [by_id[i].date_sort for i in shown] == sorted((r.date_sort for r in FACET_RECORDS), reverse=True)


def test_page_links_and_snippet_highlight(facet_site, page):
    open_results(page, (facet_site / "search.html").as_uri() + "?q=" + "t%C3%A0i+li%E1%BB%87u")  # tài liệu
    first = page.locator("#results > li.result").first
    assert first.locator(".result-pages a").evaluate_all("as => as.map(a => a.getAttribute('href'))") == [
        f"./pdf/{first.get_attribute('data-doc-id')}.pdf#page=2"
    ]
    assert first.locator(".snippet mark.exact").all_inner_texts() == ["tài", "liệu"]
    assert "Trang 2" in first.locator(".snippet").inner_text()


def test_lookalikes_are_highlighted_in_the_document_s_own_spelling(tmp_path, page):
    """Keys read look-alikes as letters; the snippet still shows what the document holds."""
    typed = "Ủ\u0443 b\u0430n nhân dân về đề án s\u200bố h\u043e\u0301a"  # Cyrillic у а о, a zero-width space
    site = build_search_site(tmp_path / "site", [record("LA-1", "Báo cáo", (typed,))])
    shown = open_results(page, (site / "search.html").as_uri() + "?" + urlencode({"q": "ủy ban số hóa"}))
    assert shown == ["LA-1"]
    marks = page.locator("#results .snippet mark").all_inner_texts()
    assert marks == ["Ủ\u0443", "b\u0430n", "s\u200bố", "h\u043e\u0301a"]
    exact = page.locator("#results .snippet mark.exact").all_inner_texts()
    assert exact == ["Ủ\u0443", "s\u200bố", "h\u043e\u0301a"]  # typed with diacritics: exact ones


def test_status_line_has_the_no_exact_notice_and_the_counts(tmp_path, page):
    """Issue 11: typed with diacritics, the status line says when nothing matches exactly."""
    records = [record("CHEM", "Hóa chất, giải thể", ("Giải thể công ty hóa chất",)), record("ARCH", "Lưu trữ")]
    site = build_search_site(tmp_path / "site", records)
    status = lambda q: open_results(page, (site / "search.html").as_uri() + "?" + urlencode({"q": q})) and (
        page.locator("#search-status").inner_text())  # fmt: skip
    assert status("hòa giải") == "Không có kết quả đúng dấu cho “hòa giải”; kết quả gần đúng: 1 tài liệu phù hợp"
    assert status("hóa giải") == "1 tài liệu phù hợp (1 đúng dấu, 0 gần đúng)"
    assert status("hoa giai") == "1 tài liệu phù hợp"
    assert status("hoa OR luu tru -thanh") == "2 tài liệu phù hợp"
    assert status("hoa OR luu tru -cong") == "1 tài liệu phù hợp"
    page.goto((site / "en" / "search.html").as_uri() + "?" + urlencode({"q": "-hóa"}))
    page.wait_for_selector('#results[data-state="done"]', state="attached")
    assert page.locator("#search-status").inner_text() == "The query only excludes words (-word): add the words to find."


# --- the built sample ------------------------------------------------------------


@pytest.fixture(scope="module")
def http_site(sample_build):
    """The built sample served by http.server on 127.0.0.1 (a random free port)."""
    handler = functools.partial(QuietHandler, directory=str(sample_build.paths.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def sample_queries(sample_build) -> list[str]:
    """Every vector's query, plus words and numbers that occur in the sample."""
    numbers = [d.number for d in sample_build.catalog.documents if d.number][:3]
    return [v["query"] for v in VECTORS] + ["so hoa", "số hóa", "lưu trữ", "uy ban nhan dan", *numbers]


@pytest.mark.parametrize("over", ["file", "http"])
def test_sample_search_matches_the_cli_and_stays_in_the_site(sample_build, page, request, over):
    base = request.getfixturevalue("http_site") if over == "http" else None
    site = sample_build.paths.site
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_engine(page, site, base)
    for query in sample_queries(sample_build):
        answer = run_query(page, query)
        assert_same_as_cli(answer, search(sample_build.paths.index, query, limit=ALL), query)
    shown = open_results(page, (base or site.as_uri() + "/") + "search.html?" + urlencode({"q": "so hoa"}))
    assert shown and shown == [r["id"] for r in run_query(page, "so hoa", limit=10)["results"]]
    allowed = (base,) if base else ("file://",)
    assert requests and all(url.startswith(allowed) for url in requests), [u for u in requests if not u.startswith(allowed)]


def test_results_show_highlights_and_page_links(sample_build, page):
    site = sample_build.paths.site
    open_results(page, (site / "search.html").as_uri() + "?q=" + "s%E1%BB%91+h%C3%B3a")  # số hóa
    first = page.locator("#results > li.result").first
    assert first.get_attribute("data-doc-id")
    marks = page.locator("#results mark").all_inner_texts()
    assert marks and {folded_key(m) for m in marks} <= {"so", "hoa"}
    assert "số" in [m.lower() for m in marks]  # the original spelling, not the key
    links = page.locator("#results a.page-link").evaluate_all("as => as.map(a => a.href)")
    assert links, "a sample document holding 'số hóa' on a page of its PDF"
    for link in links:
        path, _, fragment = link.partition("#")
        assert fragment.startswith("page=") and int(fragment[5:]) >= 1
        assert Path(path.removeprefix("file://")).is_file()
    title = first.locator("a.result-title")
    title.click()
    # The document page, with the query to highlight and the hit's page (document.js).
    assert re.search(r"/tai-lieu/[0-9a-f]{2}/[^/?#]+\.html\?q=[^#]+#trang-\d+$", page.url)


def test_filters_counts_and_date_sort(sample_build, page):
    site = sample_build.paths.site
    by_id = {d.doc_id: d for d in sample_build.catalog.documents}
    query = "tài liệu"
    everything = open_results(page, (site / "search.html").as_uri() + "?" + urlencode({"q": query}))
    total = int(page.locator("#results").get_attribute("data-total"))
    options = page.locator("select[name=fonds] option").all_inner_texts()[1:]
    counts = [int(text.rsplit("(", 1)[1].rstrip(")")) for text in options]
    assert sum(counts) == total >= len(everything) > 0
    page.select_option("select[name=fonds]", index=1)
    page.wait_for_function("() => new URLSearchParams(location.search).has('fonds')")
    page.wait_for_selector('#results[data-state="done"]', state="attached")
    assert int(page.locator("#results").get_attribute("data-total")) == counts[0]
    dated = open_results(page, (site / "search.html").as_uri() + "?" + urlencode({"q": query, "sort": "date", "from": 1900, "to": 2100}))
    dates = [by_id[doc_id].date.iso for doc_id in dated]
    assert dates == sorted(dates) and all(by_id[doc_id].year for doc_id in dated)


def test_keyboard_reaches_and_opens_results(sample_build, page):
    site = sample_build.paths.site
    shown = open_results(page, (site / "search.html").as_uri() + "?q=so+hoa")
    assert len(shown) >= 1
    page.focus("#search-q")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("() => document.activeElement.closest('li.result').dataset.docId")
    assert first == shown[0]
    if len(shown) > 1:
        page.keyboard.press("ArrowDown")
        assert page.evaluate("() => document.activeElement.closest('li.result').dataset.docId") == shown[1]
        page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/tai-lieu/[0-9a-f]{2}/[^/?#]+\.html\?q=so"))


def test_header_form_and_english_page(sample_build, page):
    site = sample_build.paths.site
    page.goto((site / "en/index.html").as_uri())
    page.fill("#site-search-q", "so hoa")
    page.keyboard.press("Enter")
    page.wait_for_selector('#results[data-state="done"]', state="attached")
    assert page.url.split("?")[0].endswith("/en/search.html")
    assert page.locator("html").get_attribute("lang") == "en"
    href = page.locator("#results a.result-title").first.evaluate("a => a.href")
    path = href.removeprefix("file://").split("?")[0]
    assert "/en/tai-lieu/" in href and Path(path).is_file()


def test_typing_completes_the_last_word(sample_build, page):
    site = sample_build.paths.site
    open_results(page, (site / "search.html").as_uri())
    page.fill("#search-q", "")
    page.type("#search-q", "lưu tr", delay=20)
    page.wait_for_function("() => document.querySelector('#results').dataset.query === 'lưu tr'")
    assert page.locator("#results > li.result").count() > 0  # "tr" completes to "trữ"
    assert run_query(page, "lưu tr")["total"] <= run_query(page, "lưu tr", prefix=True)["total"]
    # An exclusion typed earlier does not stop the last word's completion; one being typed is not completed.
    completed = set(run_query(page, "-kế lưu tr", prefix=True)["highlight"]["folded"])
    assert any(key.startswith("tr") and key != "tr" for key in completed)
    assert set(run_query(page, "lưu trữ -ho", prefix=True)["highlight"]["folded"]) == {"luu", "tru"}


def test_restricted_documents_are_not_found_in_the_public_edition(sample_build, page):
    from test_sample_site import SECRET_MARKER, _whole_catalog

    from catalog.access.tiers import Tier

    restricted = [d for d in _whole_catalog().documents if d.tier is Tier.RESTRICTED]
    assert restricted
    open_engine(page, sample_build.paths.site)
    for document in restricted:
        found = [r["id"] for r in run_query(page, document.summary)["results"]]
        assert document.doc_id not in found
    assert run_query(page, SECRET_MARKER)["total"] == 0
    exported = b"".join(p.read_bytes() for p in (sample_build.paths.site / "search").rglob("*.js"))
    for document in restricted:
        assert f'"{document.doc_id}"'.encode() not in exported
