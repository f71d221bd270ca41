"""The built sample's layout in headless Chromium at a phone's width (360 px) and a laptop's
(1366 px): no page wider than the screen, a compact header, and on the search page the results
before the filters, which sit behind a button counting them and a link clearing them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from conftest import doc_page

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (360, 800), "desktop": (1366, 900)}
QUERY = "tài liệu"  # words of most sample documents: a search page with many results

# Every element's box against the viewport, with its <details> opened. An element inside an
# ancestor that clips or scrolls sideways (the header's row of links, a visually hidden table
# header) counts by that ancestor, which must itself stay within the screen.
OVERFLOW_JS = """() => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const width = document.documentElement.clientWidth, wide = [];
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + [...e.classList].map((c) => '.' + c).join('');
  for (const e of document.body.querySelectorAll('*')) {
    const box = e.getBoundingClientRect();
    if (!box.width || box.right <= width + 0.5) continue;
    let clip = e.parentElement;
    while (clip && clip !== document.body && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
    if (clip && clip !== document.body) continue;  // counted by the clipping ancestor itself
    wide.push(name(e) + ' right ' + Math.round(box.right));
  }
  return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, wide: wide.slice(0, 5)};
}"""


def site_pages(site: Path) -> list[str]:
    """Every page of the site (both languages), relative to it; the search page with results."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    pages = [p for p in pages if not p.endswith(("search.html", "vault.html"))]
    query = "?" + urlencode({"q": QUERY})
    return pages + ["search.html" + query, "en/search.html" + query]


def page_types(build) -> dict[str, str]:
    """One page of each type, in Vietnamese and in English (en/…); a document also in a whole
    file's scan, and as a search hit opens it (its words highlighted)."""
    site = build.paths.site
    first = lambda pattern: sorted(site.glob(pattern))[0].relative_to(site).as_posix()  # noqa: E731
    in_file_scan = next(d for d in build.catalog.documents if d.pdf_shared)
    vi = {
        "home": "index.html", "fonds": first("phong/*.html"), "file": first("ho-so/*/*.html"),
        "document": first("tai-lieu/*/*.html"), "document-in-file-scan": doc_page(in_file_scan.slug),
        "document-from-a-hit": first("tai-lieu/*/*.html") + "?" + urlencode({"q": QUERY}) + "#trang-1",
        "browse-index": "duyet/co-quan.html",
        "browse-list": first("duyet/co-quan-*.html"), "search": "search.html?" + urlencode({"q": QUERY}),
        "markdown": first("trang/*.html"), "404": "404.html",
    }
    return {**vi, **{"en-" + name: "en/" + path for name, path in vi.items()}}


def url_of(site: Path, page: str) -> str:
    path, _, query = page.partition("?")
    return (site / path).as_uri() + ("?" + query if query else "")


def open_page(page, site: Path, path: str) -> None:
    page.goto(url_of(site, path))
    if path.split("?")[0].endswith("search.html"):
        page.wait_for_selector('#results[data-state="done"]', state="attached")


@pytest.fixture(params=list(WIDTHS), scope="module")
def sized(request, browser):
    """A page of the given width (module-scoped: one context for the many pages)."""
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def test_no_page_is_wider_than_the_screen(sample_build, sized):
    site = sample_build.paths.site
    pages = sorted(set(site_pages(site)) | set(page_types(sample_build).values()))
    too_wide = {}
    for path in pages:
        open_page(sized, site, path)
        found = sized.evaluate(OVERFLOW_JS)
        if found["wide"] or found["scrollWidth"] != found["clientWidth"]:
            too_wide[path] = found
    assert not too_wide, too_wide


def test_search_page_with_the_filters_open_fits_too(sample_build, sized):
    site = sample_build.paths.site
    fonds = sample_build.catalog.fonds[0].code
    open_page(sized, site, "search.html?" + urlencode({"q": QUERY, "fonds": fonds, "from": 1900}))
    if sized.get_attribute("#filters-toggle", "aria-expanded") == "false":
        sized.click("#filters-toggle")
    assert sized.locator("#search-filters").is_visible()
    found = sized.evaluate(OVERFLOW_JS)
    assert not found["wide"] and found["scrollWidth"] == found["clientWidth"], found


def test_the_phone_header_is_compact(sample_build, phone):
    """On a 390 × 844 phone the header (title, links, search box) takes at most a fifth of the screen."""
    site = sample_build.paths.site
    for path in ("index.html", "en/index.html", page_types(sample_build)["document"]):
        open_page(phone, site, path)
        header = phone.locator("header.site-header").bounding_box()
        assert header["height"] <= 844 / 5, (path, header)
        phone.focus(".site-nav a >> nth=0")
        for link in phone.locator(".site-nav a").all():  # the row scrolls to a link reached by Tab
            assert phone.evaluate("() => document.activeElement.textContent") == link.inner_text()
            box = link.bounding_box()
            shown = min(box["x"] + box["width"], 390) - max(box["x"], 0)
            assert shown >= min(box["width"], 40), (path, link.inner_text(), box)
            phone.keyboard.press("Tab")


def test_one_labelled_search_landmark_a_page(sample_build, sized):
    site = sample_build.paths.site
    for name, path in page_types(sample_build).items():
        open_page(sized, site, path)
        landmarks = sized.locator('[role="search"], search')
        assert landmarks.count() == 1, name
        assert landmarks.first.get_attribute("aria-label"), name


def test_on_a_phone_the_results_come_before_the_filters(sample_build, sized):
    site = sample_build.paths.site
    open_page(sized, site, "search.html?" + urlencode({"q": QUERY}))
    first = sized.locator("#results > li.result").first.bounding_box()
    toggle = sized.locator("#filters-toggle")
    assert toggle.is_visible()
    if sized.viewport_size["width"] > 640:
        assert toggle.get_attribute("aria-expanded") == "true"  # beside the results on a wide screen
        assert sized.locator("#search-filters").is_visible()
        return
    assert first["y"] + 40 < sized.viewport_size["height"], first  # the first result on the first screen
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not sized.locator("#search-filters").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    filters = sized.locator("#search-filters").bounding_box()
    assert filters and filters["y"] > toggle.bounding_box()["y"]
    toggle.click()
    assert not sized.locator("#search-filters").is_visible()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_filters_button_counts_them_and_the_link_clears_them(sample_build, sized, lang):
    site = sample_build.paths.site
    fonds = sample_build.catalog.fonds[0].code
    open_page(sized, site, lang + "search.html?" + urlencode({"q": QUERY}))
    total = sized.get_attribute("#results", "data-total")
    toggle, clear = sized.locator("#filters-toggle"), sized.locator("#filters-clear")
    assert toggle.inner_text().endswith("(0)") and not clear.is_visible()

    open_page(sized, site, lang + "search.html?" + urlencode({"q": QUERY, "fonds": fonds, "from": 1900, "sort": "date"}))
    assert toggle.inner_text().endswith("(2)")  # fonds and year; the sort order is no filter
    filtered = sized.get_attribute("#results", "data-total")
    if toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    sized.fill("input[name=to]", "2100")
    sized.locator("input[name=to]").dispatch_event("change")
    assert toggle.inner_text().endswith("(3)")
    sized.wait_for_function("() => new URLSearchParams(location.search).get('to') === '2100'")
    assert clear.is_visible()
    target = parse_qs(urlparse(clear.get_attribute("href")).query)
    assert target == {"q": [QUERY], "sort": ["date"]}  # also a plain link to the page without filters

    clear.click()
    sized.wait_for_function("() => !new URLSearchParams(location.search).has('fonds')")
    sized.wait_for_selector('#results[data-state="done"]', state="attached")
    params = parse_qs(urlparse(sized.url).query)
    assert params == {"q": [QUERY], "sort": ["date"]}
    for name in ("fonds", "type", "issuer", "from", "to"):
        assert sized.locator(f"#search-form [name={name}]").input_value() == "", name
    assert toggle.inner_text().endswith("(0)") and not clear.is_visible()
    assert sized.get_attribute("#results", "data-total") == total and int(filtered) < int(total)
    assert sized.evaluate("() => document.activeElement.id") == "filters-toggle"
