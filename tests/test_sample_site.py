"""The sample catalog in content/, built by the whole pipeline: what the site contains,
what it must never contain, and that the inputs are untouched."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, doc_page, tree_digest

from catalog.access.tiers import Tier
from catalog.build import BuildPaths, build, check
from catalog.config import load_config
from catalog.read.assemble import row_tier
from catalog.search.query import search

SECRET_MARKER = "BIMAT-SECRET-MARKER"


def _all_bytes(folder: Path):
    for path in [folder] if folder.is_file() else folder.rglob("*"):
        if path.is_file():
            yield path, path.read_bytes()


def _whole_catalog():
    report, catalog, _ = check(load_config(ROOT / "content"))
    return catalog


def test_sample_has_the_promised_variety(sample_build):
    counts = sample_build.report.counts
    assert counts["packages"] == 3
    assert counts["documents"] >= 25
    assert counts["pages_ocr"] >= 4 and counts["pages_without_text"] == 0  # image-only scans, read by Tesseract
    assert counts["withheld_secret"] >= 2
    codes = sample_build.report.by_code()
    assert codes.get("pdf-legacy-encoding") == 1
    errors = [p for p in sample_build.report.errors]
    assert not errors, errors  # the sample itself is clean


def test_words_of_the_sample_scans_are_found_by_search(sample_build):
    """Words that stand only in the image of a scan (not in any sheet cell)."""
    phrase = "áp dụng đúng bảng giá đất"
    hits = search(sample_build.paths.site, f'"{phrase}"')
    assert [h.doc_id for h in hits] == ["H42.01-2024-0013"] and hits[0].pages == (1,)
    document = next(d for d in sample_build.catalog.documents if d.doc_id == hits[0].doc_id)
    assert document.pdf.pages[0].source == "ocr" and phrase not in document.summary


def _secret_identifiers() -> list[str]:
    """The doc_id and file codes of the sample's secret rows, read from its sheets."""
    config = load_config(ROOT / "content")
    _, _, raw_packages = check(config)
    return [row.text(key) for raw in raw_packages for sheet in raw.sheets.values() for row in sheet.rows
            if row_tier(row, config.default_access) is Tier.SECRET for key in ("doc_id",) if row.text(key)]


def test_secret_items_appear_nowhere(sample_build):
    secret_ids = _secret_identifiers()
    assert len(secret_ids) >= 2 and len(sample_build.report.withheld_secret) >= 2
    paths = sample_build.paths
    for folder in (paths.site, paths.index, paths.cache, paths.report):
        for path, data in _all_bytes(folder):
            assert SECRET_MARKER.encode() not in data, path
            for doc_id in secret_ids:
                assert doc_id.encode() not in data, (path, doc_id)
    assert search(paths.index, SECRET_MARKER) == []
    assert not any(d.doc_id in secret_ids for d in sample_build.catalog.documents)
    report = json.loads(paths.report.read_text(encoding="utf-8"))
    assert report["withheld"]["secret"] == len(secret_ids)
    assert SECRET_MARKER not in paths.report.read_text(encoding="utf-8")


def test_restricted_items_are_not_in_the_default_build(sample_build):
    restricted = [d for d in _whole_catalog().documents if d.tier is Tier.RESTRICTED]
    assert restricted, "the sample must contain restricted documents"
    site = sample_build.paths.site
    published = {d.doc_id for d in sample_build.catalog.documents}
    for document in restricted:
        assert document.doc_id not in published
        assert not (site / doc_page(document.slug)).exists()
        for hit in search(sample_build.paths.index, document.summary, limit=50):
            assert hit.doc_id != document.doc_id


def test_restricted_edition_has_them_and_still_no_secrets(tmp_path, sample_build):
    result = build(load_config(ROOT / "content"), BuildPaths.for_output(tmp_path / "noi-bo"), "restricted")
    published = {d.doc_id for d in result.catalog.documents}
    restricted = {d.doc_id for d in _whole_catalog().documents if d.tier is Tier.RESTRICTED}
    assert restricted <= published
    for path, data in _all_bytes(result.paths.site):
        assert SECRET_MARKER.encode() not in data, path


def test_inputs_are_never_written(sample_build):
    assert tree_digest(ROOT / "content") == sample_build.content_digest_before


def test_search_finds_sample_documents(sample_build):
    index = sample_build.paths.index
    so_hoa = search(index, "so hoa")
    assert so_hoa and "số hóa" in _text_of(sample_build, so_hoa[0].doc_id).lower()
    for query in ("64-CV/TW", "64 cv tw"):
        hits = search(index, query)
        assert hits and "64-CV/TW" in _text_of(sample_build, hits[0].doc_id), query


def _text_of(result, doc_id: str) -> str:
    document = next(d for d in result.catalog.documents if d.doc_id == doc_id)
    pages = " ".join(p.text for p in document.pdf.pages) if document.pdf else ""
    return f"{document.number} {document.summary} {pages}"


def test_document_pages_are_permalinks_and_stable(sample_build, tmp_path):
    site = sample_build.paths.site
    first = {p.relative_to(site).as_posix() for p in (site / "tai-lieu").glob("*/*.html")}
    assert first == {doc_page(d.slug) for d in sample_build.catalog.documents}
    again = build(load_config(ROOT / "content"), BuildPaths.for_output(tmp_path / "site"))
    second = {p.relative_to(again.paths.site).as_posix() for p in (again.paths.site / "tai-lieu").glob("*/*.html")}
    assert first == second


def test_english_ui_mirrors_the_vietnamese_one(sample_build):
    site = sample_build.paths.site
    vi = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.is_relative_to(site / "en")}
    en = {p.relative_to(site / "en").as_posix() for p in (site / "en").rglob("*.html")}
    assert vi == en
    home = (site / "en/index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in home and "Newest additions" in home


def test_no_reference_leaves_the_site(sample_build):
    pattern = re.compile(r'(?:href|src|data)="(https?:)?//', re.I)
    for path in sample_build.paths.site.rglob("*.html"):
        assert not pattern.search(path.read_text(encoding="utf-8")), path


def test_cli_builds_and_searches(tmp_path):
    out = tmp_path / "build" / "site"
    cli = [sys.executable, "-m", "catalog.cli"]
    built = subprocess.run([*cli, "build", str(ROOT / "content"), "--out", str(out)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert (out / "index.html").is_file() and (tmp_path / "build/report.json").is_file()
    assert "Lập chỉ mục" in built.stderr  # progress is shown
    found = subprocess.run([*cli, "search", "64 cv tw", "--out", str(out), "--json"], capture_output=True, text=True)
    hits = json.loads(found.stdout)
    assert hits and {"doc_id", "title", "score"} <= set(hits[0])
