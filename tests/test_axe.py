"""axe-core (the npm package pinned in tests/package.json, installed by `bash scripts/setup.sh
--test`) in headless Chromium on every page type of the built sample, in both languages, at a
phone's width and a laptop's: no violation at all. Every rule axe has is run, best-practice
and AAA ones included; each page is checked as it opens, then with its <details> and the
search page's filters opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_layout import WIDTHS, open_page, page_types

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"

RUN_JS = """async () => {
  const rules = Object.fromEntries(axe.getRules().map((r) => [r.ruleId, {enabled: true}]));
  const result = await axe.run(document, {rules, resultTypes: ['violations']});
  return result.violations.map((v) => ({
    rule: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => [n.target.join(' '), n.failureSummary.split('\\n').slice(1, 3).join(' ').trim()]),
  }));
}"""

OPEN_ALL_JS = """() => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const toggle = document.getElementById('filters-toggle');
  if (toggle && toggle.getAttribute('aria-expanded') === 'false') toggle.click();
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `bash scripts/setup.sh --test` (npm ci in tests/)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("size", list(WIDTHS))
def test_axe_finds_no_violation_on_any_page_type(sample_build, browser, axe_source, size):
    width, height = WIDTHS[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    site = sample_build.paths.site
    found = {}
    try:
        for name, path in page_types(sample_build).items():
            open_page(page, site, path)
            page.add_script_tag(content=axe_source)
            for state in ("as opened", "opened up"):
                if state == "opened up":
                    page.evaluate(OPEN_ALL_JS)
                violations = page.evaluate(RUN_JS)
                if violations:
                    found[f"{name} ({path}, {state})"] = violations
    finally:
        context.close()
    assert not found, found


@pytest.mark.parametrize("size", list(WIDTHS))
def test_axe_finds_no_violation_on_the_bundles_own_pages(tmp_path, browser, axe_source, size):
    """The offline bundle's passphrase page, locked and unlocked, and an unlocked document page."""
    from catalog.access.tiers import Tier
    from catalog.build import BuildPaths, build
    from catalog.config import load_config
    from test_bundle import PASSPHRASE, ROOT, _unlock

    built = build(load_config(ROOT / "content"), BuildPaths.for_output(tmp_path / "site"), "bundle",
                  passphrases={Tier.RESTRICTED: PASSPHRASE})
    site = built.paths.site
    width, height = WIDTHS[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    found = {}
    try:
        def check(state: str) -> None:
            page.add_script_tag(content=axe_source)
            violations = page.evaluate(RUN_JS)
            if violations:
                found[state] = violations
            wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if wide > 0:
                found[state + " (wider than the screen)"] = wide

        open_page(page, site, "vault.html")
        check("vault.html, locked")
        _unlock(page, site, PASSPHRASE)
        check("vault.html, unlocked")
        page.goto((site / "index.html").as_uri())
        page.wait_for_selector("#vault-bar.unlocked", state="attached")
        check("index.html, unlocked")
    finally:
        context.close()
    assert not found, found


@pytest.fixture(scope="module")
def long_list_site(tmp_path_factory):
    """A project whose one year lists 200 documents: a browse list of several pages."""
    from catalog.build import BuildPaths, build
    from catalog.config import load_config
    from test_output_paths import write_project

    root = tmp_path_factory.mktemp("long-list")
    content = write_project(root / "content", {f"VB{n:03d}": f"Công văn số {n} về lưu trữ" for n in range(200)})
    return build(load_config(content), BuildPaths.for_output(root / "site")).paths.site


@pytest.mark.parametrize("size", list(WIDTHS))
def test_axe_finds_no_violation_on_the_pages_of_a_long_browse_list(long_list_site, browser, axe_source, size):
    pages = sorted((long_list_site / "duyet" / "nam-2020").glob("*.html"))
    assert pages, "the list of 2020 has one page only"
    width, height = WIDTHS[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    found = {}
    try:
        for path in ("duyet/nam-2020.html", pages[0].relative_to(long_list_site).as_posix(),
                     "en/duyet/nam-2020.html"):
            open_page(page, long_list_site, path)
            page.add_script_tag(content=axe_source)
            violations = page.evaluate(RUN_JS)
            if violations:
                found[path] = violations
            links = page.eval_on_selector_all("nav.pages a, .list-pages a", "els => els.map(e => e.href)")
            assert links and all(link.startswith("file://") for link in links), path
            for link in links:  # every page of the list is there
                assert Path(link.removeprefix("file://")).is_file(), (path, link)
    finally:
        context.close()
    assert not found, found
