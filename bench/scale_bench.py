"""A province's scale: the catalog at several sizes, measured in one run (issue 12).

    .venv/bin/python bench/scale_bench.py                      # 10,000 and 100,000 documents
    .venv/bin/python bench/scale_bench.py --docs 2000 --docs 20000 --reps 3

For each size, ``search_bench.py`` generates the synthetic catalog, builds it from a cold
cache (timed by stage, with the build's peak memory), indexes the same pages with
Pagefind and measures both in Chromium (bytes per query, warm query times). Beside it:

- bare ``pdftotext`` over the same PDFs with as many processes as the build has cores:
  the floor any text-extracting build stands on (target: the build ≤ 1.5× of it);
- the site's file count and its largest folder (target ≤ 5,000 files);
- ``catalog search`` from the command line, a new process per query (time and peak
  memory, ``cli_search_bench.py``).

Everything lands in ``bench/out/scale/<docs>/`` and one table, ``bench/out/scale/results.md``.
Expect hours at 100,000 documents: about 35 minutes to generate the PDFs, then the build.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cli_search_bench  # noqa: E402
import search_bench  # noqa: E402

OUT = HERE / "out" / "scale"


def pdftotext_seconds(project: Path, processes: int) -> float:
    """Bare ``pdftotext`` (poppler) of every PDF of the project, ``processes`` at a time."""
    pdfs = sorted(project.rglob("*.pdf"))
    run = lambda pdf: subprocess.run(["pdftotext", "-q", str(pdf), os.devnull], check=False)  # noqa: E731
    started = time.perf_counter()
    with ThreadPoolExecutor(processes) as pool:  # threads only wait: each pdftotext is its own process
        list(pool.map(run, pdfs))
    return time.perf_counter() - started


def folders(site: Path) -> tuple[int, str, int]:
    """(files in the site, its largest folder, the files directly in that folder)."""
    per_folder = Counter(path.parent.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    largest, count = per_folder.most_common(1)[0]
    return sum(per_folder.values()), largest, count


def command_line_search(site: Path, reps: int) -> dict:
    times, peak = [], 0.0
    for _ in range(reps):
        for query in cli_search_bench.QUERIES.values():
            answer = cli_search_bench.run(site, query, "catalog")
            times.append(answer["seconds"])
            peak = max(peak, answer["rss_mb"])
    return {"median_s": statistics.median(times), "p95_s": cli_search_bench.p95(times), "peak_mb": peak}


def measure(docs: int, args) -> dict:
    out = OUT / str(docs)
    search_bench.main(["--docs", str(docs), "--out", str(out), "--reps", str(args.reps), "--jobs", str(args.jobs)])
    result = json.loads((out / "results.json").read_text(encoding="utf-8"))
    site = out / "site"
    files, largest, largest_count = folders(site)
    pdftotext = pdftotext_seconds(out / "synthetic", args.jobs)
    return {
        "docs": docs, "pages": result["pages"], "build_s": result["build"]["seconds"], "pdftotext_s": pdftotext,
        "peak_rss_mb": result["build"].get("peak_rss_mb"), "site_files": files,
        "largest_folder": largest, "largest_folder_files": largest_count,
        "index": result["sizes"]["ours"], "pagefind_index": result["sizes"]["pagefind"],
        "first_query_bytes": statistics.median(q["search_bytes"] for q in result["bytes"]["ours"]["first"].values()),
        "warm_ms": {"median": result["times"]["ours_file"]["median_ms"], "p95": result["times"]["ours_file"]["p95_ms"]},
        "cli_search": command_line_search(site, max(1, args.reps // 10)),
    }


def table(rows: list[dict]) -> str:
    lines = ["| | " + " | ".join(f"{r['docs']:,} documents ({r['pages']:,} pages)" for r in rows) + " |",
             "| --- |" + " --- |" * len(rows)]
    def line(label, cell):
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in rows) + " |")
    line("build, cold (target ≤ 1.5× pdftotext)", lambda r: f"{r['build_s']:.0f} s = {r['build_s'] / r['pdftotext_s']:.2f}× "
         f"pdftotext ({r['pdftotext_s']:.0f} s)")
    line("peak memory of the build (target < 1 GB at 100,000)", lambda r: f"{r['peak_rss_mb']} MB")
    line("browser index vs Pagefind (target ≤ 1×)", lambda r: f"{search_bench.fmt_bytes(r['index']['total'])} in "
         f"{r['index']['files']:,} files vs {search_bench.fmt_bytes(r['pagefind_index']['total'])} in "
         f"{r['pagefind_index']['files']:,}: {r['index']['total'] / r['pagefind_index']['total']:.2f}×")
    line("files in the site; largest folder (target ≤ 5,000)", lambda r: f"{r['site_files']:,}; "
         f"`{r['largest_folder']}` {r['largest_folder_files']:,}")
    line("`catalog search` median / p95, peak memory", lambda r: f"{r['cli_search']['median_s']:.2f} / "
         f"{r['cli_search']['p95_s']:.2f} s, {r['cli_search']['peak_mb']:.0f} MB")
    line("browser bytes of a first query (median)", lambda r: search_bench.fmt_bytes(r["first_query_bytes"]))
    line("browser warm query median / p95 (file://)", lambda r: f"{r['warm_ms']['median']:.1f} / {r['warm_ms']['p95']:.1f} ms")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, action="append", help="a size to measure (repeat; default 10,000 and 100,000)")
    ap.add_argument("--reps", type=int, default=30, help="repetitions of the browser query list")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    args = ap.parse_args(argv)
    rows = [measure(docs, args) for docs in (args.docs or [10_000, 100_000])]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    (OUT / "results.md").write_text(table(rows) + "\n", encoding="utf-8")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
