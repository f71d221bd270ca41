"""The built sample opened from file:// in real headless Chromium, crawled link by link."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest
from conftest import doc_page

pytestmark = pytest.mark.browser

LINKS_JS = """() => [
  ...[...document.querySelectorAll('a[href]')].map(a => a.href),
  ...[...document.querySelectorAll('link[href]')].map(l => l.href),
  ...[...document.querySelectorAll('object[data]')].map(o => o.data),
  ...[...document.querySelectorAll('script[src], img[src]')].map(e => e.src),
]"""


# Chromium's own PDF viewer loads its parts from these; they never leave the machine.
BROWSER_INTERNAL = ("chrome://", "chrome-extension://", "chrome-untrusted://", "blob:", "about:", "data:")


def _record_failure(request, failed: list) -> None:
    """A missing file fails; a load cut short because the crawl moved on does not."""
    if request.url.startswith(BROWSER_INTERNAL) or request.failure == "net::ERR_ABORTED":
        return
    failed.append((request.url, request.failure))


def _local_path(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def test_home_page_from_file_url_shows_the_fonds(sample_build, page):
    site = sample_build.paths.site
    page.goto((site / "index.html").as_uri())
    names = page.locator(".card.fonds a").all_inner_texts()
    assert sorted(names) == sorted(f.name for f in sample_build.catalog.fonds)
    assert len(names) >= 2
    assert page.locator("html").get_attribute("lang") == "vi"


def test_crawl_reaches_every_document_and_finds_nothing_broken(sample_build, page):
    site = sample_build.paths.site.resolve()
    outside, failed = [], []
    page.on("request", lambda r: None if r.url.startswith(("file://", *BROWSER_INTERNAL)) else outside.append(r.url))
    page.on("requestfailed", lambda r: _record_failure(r, failed))
    start = (site / "index.html").as_uri()
    queue, seen, broken = deque([start]), {start}, []
    while queue:
        url = queue.popleft()
        page.goto(url)
        for link in page.evaluate(LINKS_JS):
            target, _ = urldefrag(link)
            if not target.startswith("file://"):
                broken.append((url, link))  # every link must stay inside the site
                continue
            path = _local_path(target)
            if not path.is_file() or not path.is_relative_to(site):
                broken.append((url, link))
            elif path.suffix == ".html" and target not in seen:
                seen.add(target)
                queue.append(target)
    assert not broken, broken[:10]
    assert not failed, failed[:10]
    assert not outside, outside[:10]
    visited = {_local_path(u).relative_to(site).as_posix() for u in seen}
    for document in sample_build.catalog.documents:
        assert doc_page(document.slug) in visited
        assert "en/" + doc_page(document.slug) in visited


def test_document_page_shows_metadata_and_pdf(sample_build, page):
    document = next(d for d in sample_build.catalog.documents if d.pdf and d.pdf.has_text and d.number)
    page.goto((sample_build.paths.site / doc_page(document.slug)).as_uri())
    assert page.locator("h1").inner_text() == document.title
    body = page.locator("main").inner_text()
    assert document.number in body and document.doc_id in body
    download = page.locator("a[download]")
    assert download.count() == 1
    assert _local_path(download.evaluate("a => a.href")).is_file()
    assert page.locator("object.pdf").count() == 1
    assert document.doc_id in page.locator(".citation").inner_text()


def test_keyboard_reaches_the_content(sample_build, page):
    page.goto((sample_build.paths.site / "index.html").as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused == "#main"
