"""A tiny catalog built and compared file by file with its expected site (pelican-style).

Any change to what the site contains shows up here as a diff. When a change is meant,
regenerate the expected files and review them in ``git diff``:

    CATALOG_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from catalog.build import BuildPaths, build
from catalog.config import load_config

ROOT = Path(__file__).resolve().parent / "roots" / "golden"
EXPECTED = ROOT / "expected"
COMPARED_SUFFIXES = {".html"}  # what a reviewer reads; CSS, shards and scans are checked elsewhere


@pytest.fixture
def golden_site(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 01/01/2025: pages carry the build date
    return build(load_config(ROOT / "content"), BuildPaths.for_output(tmp_path / "site")).paths.site


def _files(site: Path) -> dict[str, Path]:
    """Every file but the browser search shards (their format has tests of its own)."""
    found = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}
    return {rel: path for rel, path in found.items() if not rel.startswith("search/")}


def test_site_matches_the_expected_files(golden_site):
    built = _files(golden_site)
    if os.environ.get("CATALOG_REGENERATE_GOLDEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for rel, path in built.items():
            if path.suffix in COMPARED_SUFFIXES:
                (EXPECTED / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, EXPECTED / rel)
        (EXPECTED / "FILES.txt").write_text("\n".join(built) + "\n", encoding="utf-8")
    expected_list = (EXPECTED / "FILES.txt").read_text(encoding="utf-8").split()
    assert list(built) == expected_list, "the set of files in the site changed"
    for rel, path in built.items():
        if path.suffix not in COMPARED_SUFFIXES:
            continue
        want = (EXPECTED / rel).read_text(encoding="utf-8")
        got = path.read_text(encoding="utf-8")
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), rel, rel, n=2))
        assert got == want, f"{rel} differs from the expected site:\n{diff[:3000]}"
