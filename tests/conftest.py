"""Shared fixtures: the sample catalog built once per session, small projects built
from rows, and headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

from catalog.model import spread_path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # pdfgen: the PDF makers shared with make_sample.py
sys.path.insert(0, str(Path(__file__).resolve().parent))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def doc_page(slug: str) -> str:
    """A document page's path from the site (or language) root, in its folder of 256."""
    return spread_path("tai-lieu", slug, ".html")


def file_page(slug: str) -> str:
    return spread_path("ho-so", slug, ".html")


def scan_file(name: str) -> str:
    """A published scan's path from the site root (``name``: the document's or file's slug)."""
    return spread_path("pdf", name, ".pdf")


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (and link targets), to prove nothing changed."""
    digests = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            digests[rel] = "link:" + str(path.readlink())
        elif path.is_file():
            digests[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The sample catalog in content/, built once with the real pipeline."""
    from catalog.build import BuildPaths, build
    from catalog.config import load_config

    out = tmp_path_factory.mktemp("sample") / "site"
    before = tree_digest(ROOT / "content")
    result = build(load_config(ROOT / "content"), BuildPaths.for_output(out))
    result.content_digest_before = before
    return result


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/setup.sh --test`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def copy_of_content(tmp_path):
    """A private copy of content/, for tests that need to change inputs."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target, symlinks=True)
    return target
