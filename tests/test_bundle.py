"""The offline bundle: the sample built with its restricted tier sealed, opened from file://.

A reader unlocks it once with the passphrase, finds a restricted document by a word of
its text, opens its page and its scan (decrypted in the page), and locks it again; a
wrong passphrase unlocks nothing and says so. The Python side checks what the browser
cannot see: every sealed file opens with the key, and the plain part holds no
restricted document.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from conftest import ROOT, doc_page

from catalog.access.sealing import ITERATIONS, TierKey, WrongPassphrase
from catalog.access.tiers import Tier
from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.errors import BuildError
from catalog.language.vietnamese import fold
from catalog.site.sealed_layer import read_sealed, tier_key

PASSPHRASE = "Hồ sơ lưu trữ Sơn Hà 2025"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle") / "site"
    return build(load_config(ROOT / "content"), BuildPaths.for_output(out), "bundle",
                 passphrases={Tier.RESTRICTED: PASSPHRASE})


def _key(site: Path, passphrase: str = PASSPHRASE) -> TierKey:
    key = tier_key(site, passphrase)
    assert key.iterations >= ITERATIONS and len(key.salt) == 16
    return key


def _restricted(bundle):
    shown = {d.doc_id for d in bundle.catalog.documents}
    return [d for d in bundle.sealed[0].catalog.documents if d.doc_id not in shown]


def _words(document, pages_only=False) -> set[str]:
    fields = [] if pages_only else [document.title, document.summary, *document.keywords]
    text = " ".join([*fields, *(p.text for p in (document.pdf.pages if document.pdf else []))])
    return set(re.findall(r"[^\W\d_]{4,}", fold(text)))


def _found_by_its_text_alone(bundle):
    """A restricted document with a scan, and a word of its pages that no plainly shown document has."""
    public = set().union(*(_words(d) for d in bundle.catalog.documents))
    for document in _restricted(bundle):
        own = sorted(_words(document, pages_only=True) - public) if document.pdf_path else []
        if own:
            return document, own[0]
    raise AssertionError("no restricted document of the sample has a word of its own")


def test_every_sealed_file_opens_with_the_passphrase_and_no_other(bundle):
    site = bundle.paths.site
    files = read_sealed(site, _key(site))
    restricted = _restricted(bundle)
    assert restricted, "the sample has restricted documents"
    for document in restricted:
        assert doc_page(document.slug) in files
        assert not (site / doc_page(document.slug)).exists()
        assert document.doc_id.encode() in files[doc_page(document.slug)]
    with pytest.raises(WrongPassphrase):
        read_sealed(site, _key(site, "not the passphrase at all"))


def test_a_bundle_needs_a_long_enough_passphrase_before_anything_is_written(tmp_path):
    out = tmp_path / "site"
    for passphrases in ({}, {Tier.RESTRICTED: "short"}):
        with pytest.raises(BuildError, match="CATALOG_PASSPHRASE_RESTRICTED"):
            build(load_config(ROOT / "content"), BuildPaths.for_output(out), "bundle", passphrases=passphrases)
    assert not out.exists()


def _unlock(page, site: Path, passphrase: str) -> str:
    page.goto((site / "vault.html").as_uri())
    page.wait_for_selector("#vault-page[data-ready]", state="attached")  # before that, the form is not bound
    page.fill("#vault-passphrase", passphrase)
    page.click("#vault-form button[type=submit]")
    status = page.locator("#vault-status")
    status.filter(has_not_text="…").wait_for()  # PBKDF2's 600,000 rounds take a moment
    page.wait_for_function("!document.getElementById('vault-status').textContent.includes('…')")
    return status.inner_text()


def _search(page, site: Path, word: str) -> list[str]:
    page.goto((site / "search.html").as_uri() + "?q=" + word)
    page.wait_for_function("document.getElementById('results').dataset.state === 'done'")
    return page.locator("#results .result-title").all_inner_texts()


@pytest.mark.browser
def test_unlock_find_open_and_lock_from_file_url(bundle, page):
    site = bundle.paths.site
    document, word = _found_by_its_text_alone(bundle)

    assert "không đúng" in _unlock(page, site, "a wrong passphrase, long enough")
    assert page.evaluate("sessionStorage.length") == 0
    assert _search(page, site, word) == []

    missing = []  # a plain file the page asked for that is not there (a sealed one, asked for too early)
    page.on("requestfailed", lambda r: missing.append(r.url) if r.url.startswith("file://") else None)
    assert "Đã mở khóa" in _unlock(page, site, PASSPHRASE)
    assert page.locator("#vault-lock").is_visible()  # the header says so at once
    assert PASSPHRASE not in page.evaluate("JSON.stringify(sessionStorage)")
    titles = _search(page, site, word)
    assert document.title in titles

    page.locator("#results .result-title", has_text=document.title).first.click()
    # The viewer's own page (its h1 included) is there at once but hidden until the sealed page replaces it.
    page.wait_for_function(f"location.hash.length > 1 && "
                           f"(document.querySelector('main') || {{}}).innerText?.includes({document.doc_id!r})")
    assert "#h=" in page.url and document.doc_id not in page.url  # the history keeps no identifier
    assert document.title not in page.title()

    page.wait_for_function("(document.querySelector('object.pdf') || {}).data?.startsWith('blob:')")
    scan = page.evaluate("""async () => {
      const response = await fetch(document.querySelector('object.pdf').data.split('#')[0]);
      return Array.from(new Uint8Array(await response.arrayBuffer()));
    }""")
    assert hashlib.sha256(bytes(scan)).hexdigest() == document.pdf.sha256  # the original scan, decrypted
    viewer_url = page.url
    page.locator("main a", has_text="Mở PDF").first.click()
    page.wait_for_url(re.compile(r"^blob:"))

    assert missing == []

    page.goto((site / "index.html").as_uri())
    page.click("#vault-lock")
    page.wait_for_selector("#vault-bar a")
    assert page.evaluate("sessionStorage.length") == 0
    assert _search(page, site, word) == []
    page.goto(viewer_url)
    assert "mật khẩu" in page.locator("#vault-status").inner_text()
    assert document.doc_id not in page.content()


def _restricted_pair(bundle):
    """Two restricted documents of one archival file, one after the other (its previous/next links)."""
    shown = {d.doc_id for d in bundle.catalog.documents}
    for archival_file in bundle.sealed[0].catalog.files:
        docs = archival_file.documents
        for first, second in zip(docs, docs[1:]):
            if first.doc_id not in shown and second.doc_id not in shown:
                return first, second
    raise AssertionError("the sample has no two restricted documents in a row")


@pytest.mark.browser
def test_unlocked_restricted_pages_link_to_each_other_and_to_their_english_pages(bundle, page):
    site = bundle.paths.site
    first, second = _restricted_pair(bundle)
    _unlock(page, site, PASSPHRASE)
    page.goto((site / "search.html").as_uri() + "?q=" + first.number)
    page.wait_for_function("document.getElementById('results').dataset.state === 'done'")
    page.locator("#results .result-title", has_text=first.title).first.click()
    page.wait_for_function(f"(document.querySelector('main') || {{}}).innerText?.includes({first.doc_id!r})")
    # The unsealed page's own script started again on it: its citation can be copied.
    page.wait_for_selector("button.copy:not([hidden])")
    page.locator("main a", has_text=second.number).last.click()  # "Sau: <number>"
    page.wait_for_function(f"(document.querySelector('main') || {{}}).innerText?.includes({second.doc_id!r})")
    page.go_back()
    page.wait_for_function(f"(document.querySelector('main') || {{}}).innerText?.includes({first.doc_id!r})")
    page.locator("a.lang").click()
    page.wait_for_function(f"document.documentElement.lang === 'en' && "
                           f"(document.querySelector('main') || {{}}).innerText?.includes({first.doc_id!r})")
    assert "/en/vault.html#h=" in page.url
    page.click("#vault-lock")
    page.wait_for_selector("#vault-page")
    assert page.locator("html").get_attribute("lang") == "en"  # the English unlock page


def test_the_build_command_takes_the_passphrase_from_the_environment_only(tmp_path):
    from click.testing import CliRunner

    from catalog.cli import main

    out = tmp_path / "usb" / "site"
    args = ["build", str(ROOT / "content"), "--edition", "bundle", "--out", str(out)]
    missing = CliRunner().invoke(main, args, env={"CATALOG_PASSPHRASE_RESTRICTED": None})
    assert missing.exit_code == 1 and "CATALOG_PASSPHRASE_RESTRICTED" in missing.output and not out.exists()
    built = CliRunner().invoke(main, args, env={"CATALOG_PASSPHRASE_RESTRICTED": PASSPHRASE})
    assert built.exit_code == 0, built.output
    assert "restricted documents sealed" in built.output
    read_sealed(out, _key(out))
    assert not any(PASSPHRASE.encode() in p.read_bytes() for p in out.parent.rglob("*") if p.is_file())
