"""Benchmark rebuilds against a full build of the same synthetic catalog, in one run.

    .venv/bin/python bench/rebuild_bench.py               # 10,000 documents
    .venv/bin/python bench/rebuild_bench.py --docs 500    # a quick smoke run

Phases, each timed:

1. ``synthetic.py`` makes the project (kept when it exists with the same parameters); it is
   copied to ``bench/out/rebuild/work/`` so the benchmark's edits never touch it.
2. A full build from a cold cache: the baseline.
3. ``--reps`` unchanged rebuilds.
4. ``--reps`` batches: a new package of 1% of the documents (copies of the first archival
   files of a package under new codes, each PDF given one more byte after ``%%EOF`` so it
   is a new file to hash and read) is added and the catalog rebuilt; then it is taken
   away again and rebuilt, ready for the next repetition. The last repetition keeps it.
5. A full build of the final inputs into another folder, cold: the rebuilt site's pages
   must be the same file for file (the site's marker, which names its build, aside); its
   browser index, made of other segments, must hold the same (``browser.reader.contents``:
   statistics, postings, facets, date order and display files by doc id); and ``catalog
   search`` must give the same hits in the same order for ``QUERIES``.

For each batch it also counts the browser index files the rebuild wrote (the others are
the previous site's, hard-linked): what a USB copy of the site must take again.

Before each rebuild the benchmark waits until the edited files are older than the build
state's racy window (``catalog.state.build_state.RACY_SECONDS``), as an archivist's batch
would be. It prints each figure, the ratios to the full build, and their spread; the
machine is shared, so the ratios (measured in one run) are what to compare.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

from catalog.build import BuildPaths, build  # noqa: E402
from catalog.config import load_config  # noqa: E402
from catalog.output_paths import SITE_MARKER  # noqa: E402
from catalog.search.browser import reader as browser_index  # noqa: E402
from catalog.search.query import search  # noqa: E402
from catalog.state.build_state import RACY_SECONDS  # noqa: E402

OUT = HERE / "out" / "rebuild"
BATCH_PACKAGE = "bo-sung-dot-moi"
QUERIES = ("số hóa", "so hoa", "30/2020/NĐ-CP", "chữ ký số", "lưu trữ tài liệu", "kế hoạch năm 2020",
           '"chuyển đổi số"', "quyết định phê duyệt", "bao cao tong ket", "64-CV/TW")


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def settle() -> None:
    """Let the newest edits leave the racy window, as a real batch would have."""
    time.sleep(RACY_SECONDS + 0.2)


def run_build(project: Path, site: Path, full: bool = False):
    return timed(build, load_config(project), BuildPaths.for_output(site), full=full)


def add_batch(project: Path, documents: int) -> int:
    """A new package of about ``documents`` documents: the first files of a package, under new codes."""
    source = sorted(p for p in (project / "packages").iterdir() if p.is_dir())[0]
    target = project / "packages" / BATCH_PACKAGE
    files = _rows(source / "ho_so.csv")
    docs = _rows(source / "tai_lieu.csv")
    chosen, count = [], 0
    for row in files[1:]:
        if count >= documents:
            break
        chosen.append(row)
        count += sum(1 for d in docs[1:] if d[1] == row[0])
    codes = {row[0] for row in chosen}
    renamed = lambda code: "BS" + code  # noqa: E731
    target.mkdir()
    toml = (source / "package.toml").read_text(encoding="utf-8")
    (target / "package.toml").write_text(toml.replace(f'id = "{source.name}"', f'id = "{BATCH_PACKAGE}"'), "utf-8")
    _write_rows(target / "ho_so.csv", [files[0]] + [[renamed(r[0]), *r[1:]] for r in chosen])
    kept = [d for d in docs[1:] if d[1] in codes]
    scan = lambda cell: cell.replace("data/", "data/BS", 1) if cell.startswith("data/") else cell  # noqa: E731
    _write_rows(target / "tai_lieu.csv", [docs[0]] + [[renamed(d[0]), renamed(d[1]), *map(scan, d[2:])] for d in kept])
    (target / "data").mkdir()
    for pdf in (source / "data").iterdir():
        code = pdf.name.rsplit(".", 2)[0]
        if code in codes:
            (target / "data" / ("BS" + pdf.name)).write_bytes(pdf.read_bytes() + b"\n% bo sung\n")
    return len(kept)


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def site_digest(site: Path) -> dict[str, str]:
    """Every file but the marker and the browser index's data (compared by what it holds)."""
    return {rel: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != SITE_MARKER
            and not (rel := p.relative_to(site).as_posix()).startswith(("search/g/", "search/meta.js"))}


def index_inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in (site / "search").rglob("*.js")}


def answers(site: Path) -> dict[str, list[str]]:
    return {query: [hit.doc_id for hit in search(site, query, limit=50)] for query in QUERIES}


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2, help="processes generating the synthetic PDFs")
    args = ap.parse_args(argv)
    project = OUT / "synthetic"
    synthetic.generate(args.docs, args.seed, project, args.jobs)
    work = OUT / "work"
    shutil.rmtree(OUT / "build", ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(project, work)
    site = OUT / "build" / "site"
    settle()
    full_time, _ = run_build(work, site)
    print(f"full build, cold cache: {full_time:.2f} s")
    unchanged = []
    for _ in range(args.reps):
        settle()
        seconds, result = run_build(work, site)
        assert result.unchanged, "an unchanged rebuild did work"
        unchanged.append(seconds)
    batch_docs, batches, removals = max(1, args.docs // 100), [], []
    for rep in range(args.reps):
        added = add_batch(work, batch_docs)
        settle()
        before = index_inodes(site)
        batches.append(run_build(work, site)[0])
        after = index_inodes(site)
        written = sum(1 for rel, inode in after.items() if before.get(rel) != inode)
        print(f"batch {rep + 1}: {batches[-1]:.2f} s; browser index files written {written:,} of {len(after):,}")
        if rep + 1 < args.reps:
            shutil.rmtree(work / "packages" / BATCH_PACKAGE)
            settle()
            removals.append(run_build(work, site)[0])
    print(f"unchanged rebuild: {spread(unchanged)}; ratio to the full build "
          f"{statistics.median(unchanged) / full_time:.2%} (target ≤ 1%)")
    print(f"batch of {added} documents ({added / args.docs:.1%}): {spread(batches)}; ratio "
          f"{statistics.median(batches) / full_time:.2%} (target ≤ 3%)")
    if removals:
        print(f"batch taken away again: {spread(removals)}; ratio {statistics.median(removals) / full_time:.2%}")
    fresh = OUT / "fresh" / "site"
    shutil.rmtree(fresh.parent, ignore_errors=True)
    fresh_time, _ = run_build(work, fresh, full=True)
    same_files, same_answers = site_digest(site) == site_digest(fresh), answers(site) == answers(fresh)
    same_index = browser_index.contents(site) == browser_index.contents(fresh)
    print(f"full build of the final inputs: {fresh_time:.2f} s; pages identical: {same_files}; "
          f"browser index holds the same: {same_index}; "
          f"search answers identical for {len(QUERIES)} queries: {same_answers}")
    return 0 if same_files and same_answers and same_index else 1


if __name__ == "__main__":
    sys.exit(main())
