"""Time and memory of `catalog search` on a built site, as a researcher runs it: a new
process per query, from the command line.

    .venv/bin/python bench/cli_search_bench.py --out bench/out/rebuild/build/site [--reps 5]

Each query runs in a fresh interpreter, which prints its own wall time (import, opening
the index, searching, printing) and peak resident memory. The baseline, run alternately
in the same command, opens the index as whoosh does by default (``open_dir``, memory
mapped), which is how `catalog search` opened it before: whoosh then copies each mapped
part of a segment into memory. Reported: median and 95th percentile time and the peak
memory per query kind, and the ratios to the baseline.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = {
    "rare number": "64-CV/TW",
    "two words": "chữ ký số",
    "phrase": '"chuyển đổi số"',
    "common words (most documents)": "số hóa",
    "unaccented": "bao cao tong ket",
}
_CHILD = """
import json, resource, sys, time
started = time.perf_counter()
from pathlib import Path
import catalog.search.query as query
if sys.argv[3] == "baseline":
    from whoosh import index as whoosh_index
    query.open_index = lambda folder: whoosh_index.open_dir(str(folder))
hits = query.search(Path(sys.argv[1]), sys.argv[2])
print(json.dumps({"seconds": time.perf_counter() - started, "hits": [h.doc_id for h in hits],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(site: Path, query: str, how: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(site), query, how], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "rebuild" / "build" / "site")
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args(argv)
    print("| query | catalog search: median / p95 s | peak MB | baseline (mmap): median / p95 s | peak MB "
          "| time ratio | memory ratio | same hits |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for kind, query in QUERIES.items():
        now, before = [], []
        for _ in range(args.reps):  # alternately: the machine's noise falls on both
            now.append(run(args.out, query, "catalog"))
            before.append(run(args.out, query, "baseline"))
        t_now, t_before = [r["seconds"] for r in now], [r["seconds"] for r in before]
        m_now, m_before = max(r["rss_mb"] for r in now), max(r["rss_mb"] for r in before)
        same = all(r["hits"] == now[0]["hits"] for r in now + before)
        print(f"| {kind}: `{query}` | {statistics.median(t_now):.2f} / {p95(t_now):.2f} | {m_now:.0f} "
              f"| {statistics.median(t_before):.2f} / {p95(t_before):.2f} | {m_before:.0f} "
              f"| {statistics.median(t_now) / statistics.median(t_before):.2f} | {m_now / m_before:.2f} | {same} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
