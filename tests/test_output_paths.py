"""Where a build writes: every path is checked before anything is written, nothing catalog
did not make is overwritten or deleted, and the site and its index are published together
in one step, whatever moment a build is killed at."""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pdfgen
import pytest
from click.testing import CliRunner
from conftest import ROOT
from projects import write_catalog_toml, write_workbook

from catalog.build import BuildPaths, build
from catalog.cli import main
from catalog.config import load_config
from catalog.output_paths import published_build

FIRST = {"A1": "Công văn về lưu trữ tài liệu giấy", "A2": "Báo cáo lưu trữ tài liệu điện tử"}
SECOND = {"A1": "Công văn về lưu trữ tài liệu giấy", "B3": "Kế hoạch lưu trữ và số hóa tài liệu"}
QUERY = "lưu trữ"  # in every document of both versions
KILLED = 86  # the exit status of a build the driver below killed


def write_project(content: Path, documents: dict[str, str]) -> Path:
    """One package, one archival file, one PDF per document (named by the convention)."""
    package = content / "packages" / "P1"
    shutil.rmtree(content / "packages", ignore_errors=True)
    (package / "data").mkdir(parents=True)
    write_catalog_toml(content)
    (package / "package.toml").write_text('id = "P1"\ntitle = "Gói thử"\nfonds_code = "F1"\n', encoding="utf-8")
    rows = []
    for n, (doc_id, summary) in enumerate(documents.items(), 1):
        pdfgen.write_text_pdf(package / "data" / f"HS01.{n}.pdf", [f"{summary}. Trang một."])
        rows.append([doc_id, "HS01", n, f"{n}-CV/TU", "05/01/2020", "Công văn", summary, "01", "", 1, ""])
    write_workbook(package / "ho_so_tai_lieu.xlsx", [["HS01", "Phông thử", "Hồ sơ thử", "01"]], rows)
    return content


def snapshot(folder: Path) -> dict[str, str]:
    """Every file (by digest) and every folder under ``folder``: proves nothing was written."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        found[rel] = "folder" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def cli_build(content: Path, out: Path, *extra: str):
    return CliRunner().invoke(main, ["build", str(content), "--out", str(out), *extra])


def assert_refused(outcome, *named: Path) -> str:
    assert outcome.exit_code == 1, outcome.output
    message = outcome.output
    assert " / " in message  # Vietnamese, then English
    for path in named:
        assert str(path.resolve()) in message, message
    return message


@pytest.fixture
def project(tmp_path) -> Path:
    return write_project(tmp_path / "content", FIRST)


# --- every path is checked before anything is written -----------------------


@pytest.mark.parametrize("target", ["catalog.toml", "packages/P1/data/HS01.1.pdf", "packages/P1/report.json"])
def test_report_inside_the_inputs_is_refused_before_anything_is_written(tmp_path, project, target):
    before = snapshot(tmp_path)
    outcome = cli_build(project, tmp_path / "build" / "site", "--report", str(project / target))
    assert_refused(outcome, project / target, project)
    assert snapshot(tmp_path) == before  # the inputs unchanged, and no site, index, cache or report


@pytest.mark.parametrize("target", ["site/report.json", "site/en/r.json", "index/site/r.json", "cache/r.json"])
def test_report_inside_the_site_index_or_cache_is_refused(tmp_path, project, target):
    build_dir = tmp_path / "build"
    assert cli_build(project, build_dir / "site").exit_code == 0
    before = snapshot(tmp_path)
    outcome = cli_build(project, build_dir / "site", "--report", str(build_dir / target))
    assert "secret" in assert_refused(outcome, build_dir / target)  # the report lists secret ids
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("text", ['{"mine": "kept"}', "ghi chép của tôi\n"])
def test_a_report_file_catalog_did_not_write_is_not_overwritten(tmp_path, project, text):
    report = tmp_path / "build" / "report.json"
    report.parent.mkdir()
    report.write_text(text, encoding="utf-8")
    before = snapshot(tmp_path)
    assert_refused(cli_build(project, tmp_path / "build" / "site"), report)
    assert snapshot(tmp_path) == before


def test_our_own_report_is_replaced_and_says_who_wrote_it(tmp_path, project):
    for _ in range(2):
        assert cli_build(project, tmp_path / "build" / "site").exit_code == 0
    assert json.loads((tmp_path / "build" / "report.json").read_text(encoding="utf-8"))["generator"] == "catalog"


@pytest.mark.parametrize("name", ["cache", "index"])
def test_a_project_named_like_a_folder_beside_the_output_is_never_written(tmp_path, name):
    content = write_project(tmp_path / name, FIRST)  # the cache would be tmp/cache, the index tmp/index/site
    before = snapshot(tmp_path)
    assert_refused(cli_build(content, tmp_path / "site"), content)
    assert snapshot(tmp_path) == before
    assert not (content / "pdf").exists() and not (content / "digests.json").exists()


def test_a_refused_output_folder_means_nothing_is_written_anywhere(tmp_path, project):
    out = tmp_path / "build" / "site"
    out.mkdir(parents=True)
    (out / "notes.txt").write_text("không phải trang web", encoding="utf-8")
    before = snapshot(tmp_path)
    assert_refused(cli_build(project, out), out)
    assert snapshot(tmp_path) == before  # no index, no cache, no report beside it


@pytest.mark.parametrize("leftover", [".site.staging", ".site.old"])
def test_a_staging_or_old_folder_catalog_did_not_make_is_not_deleted(tmp_path, project, leftover):
    folder = tmp_path / "build" / leftover
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("của người khác", encoding="utf-8")
    before = snapshot(tmp_path)
    assert_refused(cli_build(project, tmp_path / "build" / "site"), folder)
    assert snapshot(tmp_path) == before


def test_every_problem_is_listed_at_once(tmp_path, project):
    (tmp_path / "build" / ".site.staging").mkdir(parents=True)
    (tmp_path / "build" / ".site.staging" / "notes.txt").write_text("x", encoding="utf-8")
    outcome = cli_build(project, tmp_path / "build" / "site", "--report", str(project / "catalog.toml"))
    assert_refused(outcome, tmp_path / "build" / ".site.staging", project / "catalog.toml")


# --- the site and its index are published together ------------------------

# Run in a child process, the build can be killed for real (os._exit: no cleanup, no
# finally) just before any step that touches the site or the index. Python's audit events
# show every rename (os.rename, os.replace) and shutil.rmtree, whatever function makes
# them; a renameat2 exchange through ctypes raises none, so catalog.atomic.exchange is
# wrapped. Each step is recorded with whether the site was there just before it.
DRIVER = r"""
import json, os, sys
from pathlib import Path

content, out, mode, moment = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
watched = [str(out), str(out.with_name(f".{out.name}.staging")), str(out.with_name(f".{out.name}.old")),
           str(out.parent / "index")]
steps = []

def step(event, args):
    paths = [os.fsdecode(a) for a in args if isinstance(a, (str, bytes, os.PathLike))]
    paths = [p for p in paths if any(p == w or p.startswith(w + os.sep) for w in watched)]
    if paths:
        steps.append([event, paths, (out / "index.html").is_file()])
        if mode == "kill" and len(steps) == moment:
            os._exit(KILLED)

sys.addaudithook(lambda event, args: event in ("os.rename", "shutil.rmtree") and step(event, args))
# "kill-writes": killed at the MOMENT-th file made or removed in the staging folder (the
# spare, as a rebuild brings it up to date in place).
writes = []
def write_step(event, args):
    target = args[1] if event == "os.link" else args[0]  # a link is made at its second path
    path = os.fsdecode(target) if isinstance(target, (str, bytes, os.PathLike)) else ""
    if path.startswith(watched[1] + os.sep) and (event != "open" or "w" in str(args[1])):
        writes.append(path)
        if mode == "kill-writes" and len(writes) == moment:
            os._exit(KILLED)
sys.addaudithook(lambda event, args: event in ("open", "os.remove", "os.link") and write_step(event, args))
try:
    from catalog import atomic
except ImportError:
    atomic = None  # a build that swaps by renames only
if atomic:
    exchange = atomic.exchange
    def watched_exchange(a, b):
        step("exchange", (a, b))
        return exchange(a, b)
    atomic.exchange = watched_exchange

from catalog.build import BuildPaths, build
from catalog.config import load_config

build(load_config(content), BuildPaths.for_output(out))
steps.append(["done", [], (out / "index.html").is_file()])
print(json.dumps(steps if mode != "count-writes" else [len(writes), len(set(writes))]))
""".replace("KILLED", str(KILLED))


def run_driver(content: Path, out: Path, mode: str, moment: int = 0) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", DRIVER, str(content), str(out), mode, str(moment)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def search_through_site(out: Path) -> set[str]:
    """What `catalog search --out` finds; every hit's page must be in the site at --out."""
    outcome = CliRunner().invoke(main, ["search", QUERY, "--out", str(out), "--json", "--limit", "100"])
    assert outcome.exit_code == 0, outcome.output
    hits = json.loads(outcome.output)
    for hit in hits:
        assert (out / hit["url"]).is_file(), f"search finds {hit['doc_id']}, whose page is not in the site"
    return {hit["doc_id"] for hit in hits}


def published_pages(out: Path) -> set[str]:
    return {page.stem for page in (out / "tai-lieu").glob("*/*.html")}


@pytest.fixture
def changed(tmp_path):
    """A site built from the first version of a project, whose content is now the second."""
    content = write_project(tmp_path / "content", FIRST)
    build_dir = tmp_path / "build"
    build(load_config(content), BuildPaths.for_output(build_dir / "site"))
    write_project(content, SECOND)
    return content, build_dir


def can_exchange(folder: Path) -> bool:
    """Whether this file system swaps two folders in one step (renameat2 RENAME_EXCHANGE)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    a, b = folder / "exchange-a", folder / "exchange-b"
    a.mkdir()
    b.mkdir()
    done = renameat2(-100, os.fsencode(a), -100, os.fsencode(b), 2) == 0  # AT_FDCWD, RENAME_EXCHANGE
    a.rmdir()
    b.rmdir()
    return done


def test_there_is_a_site_at_out_at_every_step_of_the_swap(changed, tmp_path):
    if not can_exchange(tmp_path):
        pytest.skip("this file system cannot exchange two folders; the fallback has a moment without a site")
    content, build_dir = changed
    driven = run_driver(content, build_dir / "site", "watch")
    assert driven.returncode == 0, driven.stderr
    steps = json.loads(driven.stdout)
    out = str(build_dir / "site")
    assert any(out in paths for _, paths, _ in steps), steps  # the site itself was replaced
    assert all(site_there for _, _, site_there in steps), steps


def kill_moments(steps: list) -> list[int]:
    """1-based steps to kill at: each step, but of a run of like steps (deleting the files of
    one folder, whoosh's renames in one folder) only the first and the last."""
    runs: list[list[int]] = []
    for number, (event, paths, _) in enumerate(steps, 1):
        kind = (event, str(Path(paths[0]).parent))
        if runs and runs[-1][0] == kind:
            runs[-1][2] = number
        else:
            runs.append([kind, number, number])
    return sorted({n for _, first, last in runs for n in (first, last)})


def test_a_build_killed_at_any_step_leaves_the_site_and_its_search_together(changed, tmp_path):
    content, build_dir = changed
    out = build_dir / "site"
    pristine = tmp_path / "pristine"
    shutil.copytree(build_dir, pristine, symlinks=True)
    watched = run_driver(content, out, "watch")
    assert watched.returncode == 0, watched.stderr
    moments = kill_moments(json.loads(watched.stdout)[:-1])  # the last entry is the finished build
    assert len(moments) >= 3
    left_over = {}
    for moment in moments:
        shutil.rmtree(build_dir)
        shutil.copytree(pristine, build_dir, symlinks=True)
        killed = run_driver(content, out, "kill", moment)
        assert killed.returncode == KILLED, (moment, killed.stderr)
        assert search_through_site(out) == published_pages(out), f"killed at step {moment}"
        build(load_config(content), BuildPaths.for_output(out))  # the next build mends everything
        assert search_through_site(out) == published_pages(out) == set(SECOND)
        left_over[moment] = leftovers(build_dir)
    assert left_over == {moment: [] for moment in moments}


def leftovers(build_dir: Path) -> list[str]:
    """What a finished build leaves that it should not: anything but its five outputs and the
    spare (the site it replaced, catalog.site.write), and any index generation but the one
    the site names."""
    outputs = ("cache", "index", "report.json", "report.html", "site")
    named = published_build(build_dir / "site")
    spare = published_build(build_dir / ".site.staging")
    found = [p.name for p in build_dir.iterdir()
             if p.name not in outputs and not (p.name == ".site.staging" and spare and spare != named)]
    found += [p.name for p in (build_dir / "index" / "site").iterdir() if p.name not in (".catalog-index", named)]
    return sorted(found)


def test_a_rebuild_killed_while_it_updates_the_spare_leaves_the_site_and_the_next_build_right(changed, tmp_path):
    content, build_dir = changed
    out = build_dir / "site"
    build(load_config(content), BuildPaths.for_output(out))  # SECOND is live; FIRST's site is the spare
    assert published_build(build_dir / ".site.staging") not in (None, published_build(out))
    write_project(content, FIRST)  # the next rebuild turns the spare into FIRST's site again
    pristine = tmp_path / "pristine"
    shutil.copytree(build_dir, pristine, symlinks=True)
    counted = run_driver(content, out, "count-writes")
    assert counted.returncode == 0, counted.stderr
    writes, touched = json.loads(counted.stdout.splitlines()[-1])
    shutil.rmtree(build_dir)
    shutil.copytree(pristine, build_dir, symlinks=True)
    (build_dir / ".site.staging" / ".catalog-site").write_text("", encoding="utf-8")  # a spare nobody knows
    unknown = run_driver(content, out, "count-writes")
    # The known spare was brought up to date; the unknown one made again, every file of it.
    assert 10 < touched < json.loads(unknown.stdout.splitlines()[-1])[1] - 10, (touched, unknown.stdout[-40:])
    fresh = tmp_path / "fresh" / "site"
    build(load_config(content), BuildPaths.for_output(fresh), full=True)
    for moment in (1, writes // 2, writes):
        shutil.rmtree(build_dir)
        shutil.copytree(pristine, build_dir, symlinks=True)
        killed = run_driver(content, out, "kill-writes", moment)
        assert killed.returncode == KILLED, (moment, killed.stderr)
        assert search_through_site(out) == published_pages(out) == set(SECOND), f"killed at write {moment}"
        assert site_files(out) == site_files(pristine / "site"), "the live site was written into"
        build(load_config(content), BuildPaths.for_output(out))
        assert search_through_site(out) == published_pages(out) == set(FIRST)
        assert site_files(out) == site_files(fresh)
        assert leftovers(build_dir) == []


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a site but its marker (which names the build)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != ".catalog-site"}


def test_where_folders_cannot_be_exchanged_two_renames_still_publish_them_together(changed, monkeypatch):
    from catalog import atomic
    from catalog.search.query import search

    monkeypatch.setattr(atomic, "exchange", lambda a, b: False)  # as on a file system without RENAME_EXCHANGE
    content, build_dir = changed
    out = build_dir / "site"
    build(load_config(content), BuildPaths.for_output(out))
    assert search_through_site(out) == published_pages(out) == set(SECOND)
    assert {hit.doc_id for hit in search(out, QUERY)} == set(SECOND)  # the library's search, given the site
    assert leftovers(build_dir) == []
