"""Benchmark catalog's in-browser search against Pagefind on the same synthetic catalog.

    .venv/bin/python bench/search_bench.py               # 10,000 documents (about 10 min here)
    .venv/bin/python bench/search_bench.py --docs 500    # a quick smoke run

Phases (each timed and reported):

1. ``synthetic.py`` makes the catalog project in ``bench/out/synthetic/`` (kept when it
   already exists with the same parameters).
2. ``catalog build`` builds it into ``bench/out/site/`` from a cold cache (no extracted
   text, no index), printing its progress; each build stage is timed from its output.
3. Pagefind (the npm package pinned in ``bench/package.json``, installed with ``npm ci``)
   indexes the same rendered document pages: ``--glob "tai-lieu/*/*.html"`` (the
   Vietnamese document pages: one page per document, as our index holds one record per
   document; the English copies under ``en/`` and the browse/fonds/file pages would only
   add duplicates) and ``--root-selector main`` (the site header, navigation and footer are
   the same on every page and not part of a document). The document pages carry the
   extracted text of every PDF page, so both engines index the same words; the benchmark
   checks that and reports it.
4. Headless Chromium (Playwright, ``/usr/bin/chromium``) measures, for a fixed list of
   realistic queries (``QUERIES``):

   - bytes: every request of a fresh page (new browser context, empty cache) from
     navigation to rendered results. For our engine that is ``search.html?q=…`` (over
     file:// and HTTP the same files are read); for Pagefind a page of ours,
     ``bench-pagefind.html?q=…``, that loads Pagefind's JS API (``pagefind.js``), runs
     ``pagefind.search(q)``, loads ``data()`` of the first 10 results (title, URL,
     excerpt) and renders them like our page does: 10 results each. Pagefind's default UI
     (``pagefind-ui.js``) is not used: it shows 5 results and adds its own ~80 kB of code
     and CSS, which would make the comparison about widgets rather than indexes. Bytes are
     file sizes of the requested files (the server does not compress; HTTP headers are not
     counted), split into page (HTML and site CSS, excluded from the search totals), code
     (scripts, WebAssembly, search CSS), index and result files (display records, snippet
     text, Pagefind fragments). The "2-term query" figure is what a 2-term query loads
     when it follows a first query (``WARMUP_QUERY``) in the same page.
   - time: from issuing the query to rendered results (the list in the DOM, laid out),
     measured in the page with ``performance.now()``: ours by submitting the search
     form and waiting for ``#results[data-state=done][data-query=q]``, Pagefind by
     ``search`` + ``data()`` + rendering. A warmed page runs the list once, then
     ``--reps`` times in a shuffled order; median and 95th percentile over all runs.
     Ours over file:// and over HTTP, Pagefind over HTTP (its ES module and WebAssembly
     cannot load from file://).
   - results: hit counts and the top 10 of each engine, judged against the generator's
     ground truth (``synthetic.texts.jsonl.gz``): a document is relevant when its text
     holds the query's syllables adjacent and in order, ignoring case and diacritics.

Output: a table on stdout, ``bench/out/results.json`` (everything) and
``bench/out/results.md`` (the tables for the README).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import html
import http.server
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import unicodedata
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import synthetic  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
RESULTS_SHOWN = 10

# (query, kind). Kinds starting with "2-term" make up the "typical 2-term query".
QUERIES: list[tuple[str, str]] = [
    ("bão", "1-term"),
    ("Đảng", "1-term"),
    ("thuế", "1-term"),
    ("thuy", "1-term, unaccented"),
    ("số hóa", "2-term"),
    ("đất đai", "2-term"),
    ("ngân sách", "2-term"),
    ("lưu trữ", "2-term"),
    ("uy ban", "2-term, unaccented"),
    ("so hoa", "2-term, unaccented"),
    ("dat dai", "2-term, unaccented"),
    ("cải cách hành chính", "3-term"),
    ("phong chong thien tai", "4-term, unaccented"),
    ("số hóa tài liệu lưu trữ", "5-term"),
    ("30/2020/NĐ-CP", "document number"),
    ("64-CV/TW", "document number"),
    ("<own number>", "own document number"),  # replaced by a real number of the synthetic set
    ('"lưu trữ tài liệu"', "quoted phrase"),
    ('"số hóa"', "quoted phrase"),
]
WARMUP_QUERY = "bão"


# --------------------------------------------------------------------------- helpers


def log(message: str = "") -> None:
    print(message, flush=True)


class Phases:
    def __init__(self):
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str):
        log(f"\n== {name}")
        started = time.monotonic()
        try:
            yield
        finally:
            self.seconds[name] = round(time.monotonic() - started, 1)
            log(f"== {name}: {self.seconds[name]:.1f} s")


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def folder_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def allocated(folder: Path, cluster: int) -> int:
    """Disk space the files take with ``cluster``-byte allocation units (a USB stick's
    exFAT uses 32 KiB clusters from 256 MB to 32 GB; ext4 and NTFS use 4 KiB)."""
    return sum(-(-p.stat().st_size // cluster) * cluster for p in folder.rglob("*") if p.is_file())


def gzipped(folder: Path) -> int:
    import zlib

    return sum(len(zlib.compress(p.read_bytes(), 6)) for p in folder.rglob("*") if p.is_file())


def fold_tokens(text: str) -> list[str]:
    """Syllables without case or diacritics: "Số hóa" → ["so", "hoa"]."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.findall(r"[a-z0-9]+", folded)


TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


def exact_tokens(text: str) -> list[str]:
    """Syllables without case, diacritics kept, tone placement ignored: "hoà", "hòa" → "hoa2"."""
    out = []
    for token in re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()):
        decomposed = unicodedata.normalize("NFD", token)
        tone = next((TONES[c] for c in decomposed if c in TONES), "")
        out.append(unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES)) + tone)
    return out


def has_diacritics(text: str) -> bool:
    return " ".join(fold_tokens(text)) != " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()))


def fmt_bytes(n: float | None) -> str:
    if n is None:
        return "—"
    if n >= 1e6:
        return f"{n / 1e6:.2f} MB"
    if n >= 1e3:
        return f"{n / 1e3:.1f} kB"
    return f"{n:.0f} B"


def ratio(a, b) -> str:
    if a is None or b in (None, 0):
        return "—"
    return f"{a / b:.2f}"


# --------------------------------------------------------------------------- phases


def ensure_pagefind() -> tuple[Path, str]:
    binary = HERE / "node_modules" / ".bin" / "pagefind"
    if not binary.exists():
        log("npm ci (Pagefind, pinned in bench/package-lock.json)")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    return binary, version.removeprefix("pagefind").strip()


def build_catalog(project: Path, site: Path, warm: bool) -> dict:
    """Run `catalog build`, echoing its progress; time each stage from its output."""
    if not warm:
        shutil.rmtree(OUT / "cache", ignore_errors=True)
        shutil.rmtree(OUT / "index", ignore_errors=True)
    cmd = [str(ROOT / ".venv" / "bin" / "catalog"), "build", str(project), "--out", str(site),
           "--report", str(OUT / "report.json")]
    started = time.monotonic()
    stages: list[list] = []
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    for line in proc.stdout:
        now = time.monotonic() - started
        line = line.rstrip("\n")
        log(f"  [{now:6.1f} s] {line}")
        if line.startswith("• "):
            stages.append([line[2:].split(" / ", 1)[-1], now])  # "Vietnamese / English": the English
    _, status, usage = os.wait4(proc.pid, 0)  # the build's own peak memory (the largest of it and its workers)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"catalog build failed (exit {proc.returncode})")
    total = time.monotonic() - started
    timed = {}
    for i, (name, at) in enumerate(stages):
        end = stages[i + 1][1] if i + 1 < len(stages) else total
        timed[name] = round(timed.get(name, 0) + end - at, 1)  # a stage may come back (a sealed tier)
    report = json.loads((OUT / "report.json").read_text(encoding="utf-8"))
    return {"seconds": round(total, 1), "stages": timed, "counts": report.get("counts", {}),
            "problems": len(report.get("problems", [])), "peak_rss_mb": round(usage.ru_maxrss / 1024)}


def check_fulltext(site: Path, truth: dict[str, dict], sample: int = 20) -> dict:
    """Do the document pages hold each document's extracted text? (Pagefind indexes pages.)"""
    from catalog.model import slug_for, spread_path

    rng = random.Random(7)
    ids = rng.sample(sorted(truth), min(sample, len(truth)))
    found = 0
    for doc_id in ids:
        page = site / spread_path("tai-lieu", slug_for(doc_id), ".html")
        body = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))).split())
        body = unicodedata.normalize("NFC", body)
        text = unicodedata.normalize("NFC", truth[doc_id]["text"])
        last_page = " ".join(text.split("\f")[-1].split())
        probe = " ".join(last_page.split()[-60:-40])  # words from the last page's body
        found += probe in body
    return {"sampled": len(ids), "with_text": found}


def run_pagefind(binary: Path, site: Path) -> dict:
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    cmd = [str(binary), "--site", str(site), "--glob", "tai-lieu/*/*.html", "--root-selector", "main"]
    log("  " + " ".join(cmd))
    started = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = round(time.monotonic() - started, 1)
    output = proc.stdout + proc.stderr
    for line in output.splitlines():
        if line.strip():
            log("  | " + line)
    if proc.returncode != 0:
        raise SystemExit("pagefind failed")
    pages = re.search(r"Indexed (\d+) pages?", output)
    words = re.search(r"Indexed (\d+) words?", output)
    return {"seconds": seconds, "pages": int(pages.group(1)) if pages else None,
            "words": int(words.group(1)) if words else None, "command": cmd[1:]}


def index_sizes(site: Path) -> dict:
    ours_total, ours_files = folder_bytes(site / "search")
    ours = {"total": ours_total, "files": ours_files, "parts": {}}
    for part in sorted(p for p in (site / "search").iterdir()):
        size, count = folder_bytes(part) if part.is_dir() else (part.stat().st_size, 1)
        ours["parts"][part.name] = {"bytes": size, "files": count}
    code = [site / "static" / n for n in ("search.js", "search-engine.js", "search-ui.js", "search.css")]
    ours["code_bytes"] = sum(p.stat().st_size for p in code if p.exists())
    pf_total, pf_files = folder_bytes(site / "pagefind")
    pf = {"total": pf_total, "files": pf_files, "parts": {}}
    for path in (site / "pagefind").rglob("*"):
        if path.is_file():
            rel = path.relative_to(site / "pagefind")
            key = rel.parts[0] + "/" if len(rel.parts) > 1 else rel.name
            entry = pf["parts"].setdefault(key, {"bytes": 0, "files": 0})
            entry["bytes"] += path.stat().st_size
            entry["files"] += 1
    for entry, folder in ((ours, site / "search"), (pf, site / "pagefind")):
        entry["allocated_4k"] = allocated(folder, 4096)
        entry["allocated_32k"] = allocated(folder, 32768)
    ours["gzip_total"] = gzipped(site / "search")  # Pagefind's index files are gzipped already
    ui = [k for k in pf["parts"] if "-ui" in k or k.startswith("pagefind-highlight")]
    pf["ui_bytes"] = sum(pf["parts"][k]["bytes"] for k in ui)
    pf["without_ui"] = pf_total - pf["ui_bytes"]
    return {"ours": ours, "pagefind": pf}


# --------------------------------------------------------------------------- browser

PAGEFIND_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Pagefind — bench</title></head>
<body>
<form id="search-form"><input id="search-q" name="q" type="search"></form>
<ol id="results" data-state="idle"></ol>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
const results = document.getElementById("results");
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  node.append(...children);
  return node;
}
async function run(q) {
  results.setAttribute("data-state", "loading");
  const search = await pagefind.search(q);
  const top = await Promise.all(search.results.slice(0, %(shown)d).map((r) => r.data()));
  const items = top.map((d) => {
    const excerpt = el("p", { class: "snippet" });
    excerpt.innerHTML = d.excerpt;  // Pagefind's excerpt: escaped text with <mark>
    return el("li", { class: "result", "data-url": d.url },
      el("a", { class: "result-title", href: d.url }, d.meta && d.meta.title ? d.meta.title : d.url), excerpt);
  });
  results.replaceChildren(...items);
  results.setAttribute("data-query", q);
  results.setAttribute("data-total", String(search.results.length));
  results.setAttribute("data-state", "done");
}
window.benchRun = run;
window.benchEngine = pagefind;
const q = new URLSearchParams(location.search).get("q");
if (q) run(q); else results.setAttribute("data-state", "ready");
</script>
</body></html>
"""

# Runs one query in a warmed page and resolves to {ms, total, ids} once results are rendered.
OURS_RUN = """async (q) => {
  const form = document.getElementById("search-form"), input = document.getElementById("search-q");
  const results = document.getElementById("results");
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout: " + q)), 60000);
    let t0 = 0;
    const observer = new MutationObserver(() => {
      if (results.getAttribute("data-state") === "done" && results.getAttribute("data-query") === q) {
        observer.disconnect();
        results.getBoundingClientRect(); void document.body.offsetHeight;  // layout done
        const ms = performance.now() - t0;
        clearTimeout(timer);
        resolve({ ms, total: Number(results.getAttribute("data-total")),
                  ids: [...results.querySelectorAll("li.result")].map((li) => li.getAttribute("data-doc-id")) });
      }
    });
    observer.observe(results, { attributes: true, attributeFilter: ["data-state"] });
    input.value = q;
    t0 = performance.now();
    form.requestSubmit();
  });
}"""

PAGEFIND_RUN = """async (q) => {
  const results = document.getElementById("results");
  const t0 = performance.now();
  await window.benchRun(q);
  results.getBoundingClientRect(); void document.body.offsetHeight;
  const ms = performance.now() - t0;
  return { ms, total: Number(results.getAttribute("data-total")),
           ids: [...results.querySelectorAll("li.result")].map((li) => li.getAttribute("data-url")) };
}"""

OURS_API = """async (q) => {
  const t0 = performance.now();
  const answer = await window.CatalogSearch.query(q, { limit: %d });
  return performance.now() - t0;
}""" % RESULTS_SHOWN

PAGEFIND_API = """async (q) => {
  const t0 = performance.now();
  const search = await window.benchEngine.search(q);
  await Promise.all(search.results.slice(0, %d).map((r) => r.data()));
  return performance.now() - t0;
}""" % RESULTS_SHOWN


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".pagefind": "application/octet-stream"}

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def http_server(site: Path):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def classify(rel: str) -> str:
    """page | code | index | results, for a path relative to the site root."""
    name = rel.split("?")[0]
    if name.endswith(".html") or name == "static/site.css":
        return "page"
    if name.startswith("search/"):
        parts = name.split("/")  # search/g/<segment>/d/… (a segment's document files) or search/meta.js
        return "results" if len(parts) > 3 and parts[1] == "g" and parts[3] == "d" else "index"
    if name.startswith("static/"):
        return "code"
    if name.startswith("pagefind/"):
        if "/fragment/" in name:
            return "results"
        if name.endswith((".js", ".wasm", ".css")) or ".pagefind" in name:
            return "code"
        return "index"
    return "page"


class Recorder:
    """Requests of a page, as site-relative paths with their file sizes."""

    def __init__(self, page, site: Path, base: str):
        self.site, self.base = site, base
        self.items: list[tuple[str, int]] = []
        self.failed: list[str] = []
        page.on("requestfinished", self._done)
        page.on("requestfailed", lambda r: self.failed.append(r.url))

    def _done(self, request):
        url = request.url
        if not url.startswith(self.base):
            return
        rel = urllib.parse.unquote(url[len(self.base):].split("?")[0].split("#")[0])
        path = self.site / rel
        size = path.stat().st_size if path.is_file() else 0
        self.items.append((rel, size))

    def mark(self) -> int:
        return len(self.items)

    def summary(self, since: int = 0) -> dict:
        parts = {"page": 0, "code": 0, "index": 0, "results": 0}
        counts = dict.fromkeys(parts, 0)
        for rel, size in self.items[since:]:
            kind = classify(rel)
            parts[kind] += size
            counts[kind] += 1
        search = parts["code"] + parts["index"] + parts["results"]
        return {"search_bytes": search, "all_bytes": search + parts["page"], "parts": parts,
                "requests": counts, "files": len(self.items) - since}


def wait_done(page, q: str | None):
    if q is None:
        page.wait_for_function(
            "() => { const r = document.getElementById('results');"
            " return r && ['done', 'ready'].includes(r.getAttribute('data-state')); }", timeout=120_000)
    else:
        page.wait_for_function(
            "(q) => { const r = document.getElementById('results');"
            " return r && r.getAttribute('data-state') === 'done' && r.getAttribute('data-query') === q; }",
            arg=q, timeout=120_000)


class Engine:
    def __init__(self, name: str, base: str, page_path: str, run_js: str, api_js: str, site: Path):
        self.name, self.base, self.page_path, self.run_js, self.api_js, self.site = name, base, page_path, run_js, api_js, site

    def url(self, q: str | None = None) -> str:
        return self.base + self.page_path + (("?q=" + urllib.parse.quote(q)) if q is not None else "")


def measure_bytes(browser, engine: Engine, queries: list[str], two_term: list[str]) -> dict:
    first, incremental = {}, {}
    for q in queries:
        started = time.monotonic()
        context = browser.new_context()
        page = context.new_page()
        rec = Recorder(page, engine.site, engine.base)
        page.goto(engine.url(q))
        wait_done(page, q)
        page.wait_for_timeout(50)  # let late requests finish
        first[q] = rec.summary()
        context.close()
        log(f"  {q!r}: {fmt_bytes(first[q]['search_bytes'])} in {first[q]['files']} files "
            f"({time.monotonic() - started:.1f} s)")
    for q in two_term:
        context = browser.new_context()
        page = context.new_page()
        rec = Recorder(page, engine.site, engine.base)
        page.goto(engine.url(WARMUP_QUERY))
        wait_done(page, WARMUP_QUERY)
        page.wait_for_timeout(50)
        since = rec.mark()
        page.evaluate(engine.run_js, q)
        page.wait_for_timeout(50)
        incremental[q] = rec.summary(since)
        context.close()
    return {"first": first, "incremental": incremental}


def measure_times(browser, engine: Engine, queries: list[str], reps: int, seed: int = 11) -> dict:
    context = browser.new_context()
    page = context.new_page()
    page.goto(engine.url())
    wait_done(page, None)
    cold = {}
    answers = {}
    for q in queries:  # the first pass loads what each query needs: its cold time
        result = page.evaluate(engine.run_js, q)
        cold[q] = result["ms"]
        answers[q] = {"total": result["total"], "top": result["ids"]}
    rng = random.Random(seed)
    times: dict[str, list[float]] = {q: [] for q in queries}
    api: dict[str, list[float]] = {q: [] for q in queries}
    for _ in range(reps):
        order = queries[:]
        rng.shuffle(order)
        for q in order:
            times[q].append(page.evaluate(engine.run_js, q)["ms"])
    for _ in range(max(3, reps // 5)):
        for q in queries:
            api[q].append(page.evaluate(engine.api_js, q))
    context.close()
    every = [t for q in queries for t in times[q]]
    every_api = [t for q in queries for t in api[q]]
    return {
        "median_ms": statistics.median(every), "p95_ms": percentile(every, 95), "max_ms": max(every),
        "runs": len(every), "per_query": {q: {"median_ms": statistics.median(times[q]),
                                              "p95_ms": percentile(times[q], 95), "cold_ms": cold[q]}
                                          for q in queries},
        "cold_median_ms": statistics.median(cold.values()), "cold_max_ms": max(cold.values()),
        "api_median_ms": statistics.median(every_api), "api_p95_ms": percentile(every_api, 95),
        "answers": answers,
    }


# --------------------------------------------------------------------------- quality


def relevant_docs(truth_text: dict[str, tuple[str, str]], queries: list[str]) -> dict[str, set[str]]:
    """Per query, the documents whose text holds its syllables adjacent and in order: with
    the typed diacritics (tone placement ignored) when the query has any, else folded."""
    out = {}
    for q in queries:
        exact = has_diacritics(q)
        want = " " + " ".join(exact_tokens(q) if exact else fold_tokens(q)) + " "
        out[q] = {d for d, texts in truth_text.items() if want.strip() and want in texts[exact]}
    return out


def judge(answers: dict, relevant_sets: dict[str, set[str]], url_to_id: dict[str, str], queries: list[str]) -> dict:
    """Hits, relevant documents in the corpus, and precision of the top 10, per query."""
    out = {}
    for q in queries:
        relevant = relevant_sets[q]
        top = [url_to_id.get(_norm_url(i), i) for i in answers[q]["top"]]
        good = sum(1 for d in top if d in relevant)
        out[q] = {"hits": answers[q]["total"], "relevant_in_corpus": len(relevant), "shown": len(top),
                  "relevant_in_top": good, "precision_at_10": round(good / len(top), 2) if top else None,
                  "top": top}
    return out


def python_answers(site: Path, queries: list[str]) -> dict:
    """`catalog search` (whoosh) for the same queries: hit count and top 10."""
    from catalog.search.query import search

    out = {}
    for q in queries:
        hits = search(site, q, limit=100_000)
        out[q] = {"total": len(hits), "top": [h.doc_id for h in hits[:RESULTS_SHOWN]]}
    return out


def agreement(browser: dict, python: dict, browser_http: dict) -> dict:
    """Does the browser engine answer like `catalog search`? Same hit count, same top 10?"""
    out = {}
    for q, py in python.items():
        b = browser[q]
        out[q] = {"hits_browser": b["total"], "hits_python": py["total"],
                  "top10_overlap": len(set(b["top"]) & set(py["top"])), "same_order": b["top"] == py["top"],
                  "file_equals_http": b["top"] == browser_http[q]["top"]}
    return out


def _norm_url(url: str) -> str:
    return urllib.parse.unquote(url).lstrip("/")


# --------------------------------------------------------------------------- report


def tables(res: dict) -> str:
    s, b, t = res["sizes"], res["bytes"], res["times"]
    ours_f, ours_h, pf = t.get("ours_file"), t.get("ours_http"), t.get("pagefind_http")

    def first_median(engine):
        return statistics.median(v["search_bytes"] for v in b[engine]["first"].values())

    def inc_median(engine):
        return statistics.median(v["search_bytes"] for v in b[engine]["incremental"].values())

    sh = "số hóa"
    rows = [
        ("Total index on disk", fmt_bytes(s["ours"]["total"]) + f" ({s['ours']['files']} files)",
         fmt_bytes(s["pagefind"]["total"]) + f" ({s['pagefind']['files']} files)",
         ratio(s["ours"]["total"], s["pagefind"]["total"])),
        ("Index on disk, allocated with 32 KiB clusters (exFAT USB stick)", fmt_bytes(s["ours"]["allocated_32k"]),
         fmt_bytes(s["pagefind"]["allocated_32k"]), ratio(s["ours"]["allocated_32k"], s["pagefind"]["allocated_32k"])),
        (f"First query `{sh}`, fresh page: bytes loaded", fmt_bytes(b["ours"]["first"][sh]["search_bytes"]),
         fmt_bytes(b["pagefind"]["first"][sh]["search_bytes"]),
         ratio(b["ours"]["first"][sh]["search_bytes"], b["pagefind"]["first"][sh]["search_bytes"])),
        ("First query, fresh page: bytes loaded (median of all queries)", fmt_bytes(first_median("ours")),
         fmt_bytes(first_median("pagefind")), ratio(first_median("ours"), first_median("pagefind"))),
        (f"2-term query after a first query: bytes loaded (median of {len(b['ours']['incremental'])})",
         fmt_bytes(inc_median("ours")), fmt_bytes(inc_median("pagefind")), ratio(inc_median("ours"), inc_median("pagefind"))),
        ("Query → rendered results, median (warm page)",
         f"{ours_f['median_ms']:.1f} ms file:// · {ours_h['median_ms']:.1f} ms HTTP", f"{pf['median_ms']:.1f} ms HTTP",
         ratio(ours_h["median_ms"], pf["median_ms"])),
        ("Query → rendered results, 95th percentile (warm page)",
         f"{ours_f['p95_ms']:.1f} ms file:// · {ours_h['p95_ms']:.1f} ms HTTP", f"{pf['p95_ms']:.1f} ms HTTP",
         ratio(ours_h["p95_ms"], pf["p95_ms"])),
        ("Search call alone (no rendering), median / 95th percentile",
         f"{ours_f['api_median_ms']:.1f} / {ours_f['api_p95_ms']:.1f} ms file://",
         f"{pf['api_median_ms']:.1f} / {pf['api_p95_ms']:.1f} ms HTTP", ratio(ours_f["api_median_ms"], pf["api_median_ms"])),
        ("First query in a loaded page (loads its index files), median",
         f"{ours_f['cold_median_ms']:.0f} ms file:// · {ours_h['cold_median_ms']:.0f} ms HTTP",
         f"{pf['cold_median_ms']:.0f} ms HTTP", ratio(ours_h["cold_median_ms"], pf["cold_median_ms"])),
        ("Relevant among the results shown (all queries)",
         "{} of {}".format(*_relevant_shown(res["quality"]["ours"])),
         "{} of {}".format(*_relevant_shown(res["quality"]["pagefind"])), "—"),
        ("Indexing time", f"{res['build']['stages'].get('Browser search index', 0):.0f} s browser index "
         f"(+ {res['build']['stages'].get('Indexing', 0):.0f} s whoosh index; whole build {res['build']['seconds']:.0f} s)",
         f"{res['pagefind']['seconds']:.0f} s", "—"),
    ]
    lines = [f"{res['docs']:,} documents ({res['pages']:,} PDF pages), {len(res['queries'])} queries × "
             f"{res['reps']} repetitions, Chromium {res['chromium']}, Pagefind {res['pagefind_version']}, "
             f"{res['cpus']} CPUs.", "",
             "| | catalog | Pagefind | catalog / Pagefind |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b_} | {c} | {d} |" for a, b_, c, d in rows]
    target_bytes = first_median("ours") <= first_median("pagefind") and inc_median("ours") <= inc_median("pagefind")
    lines += ["", f"Targets: no more bytes per query than Pagefind — {'met' if target_bytes else 'NOT met'}; "
                  f"95th percentile under 50 ms on file:// — {'met' if ours_f['p95_ms'] < 50 else 'NOT met'} "
                  f"({ours_f['p95_ms']:.1f} ms)."]
    agree = res["quality"]["agreement"]
    same_hits = sum(1 for a in agree.values() if a["hits_browser"] == a["hits_python"])
    same_top = sum(1 for a in agree.values() if a["same_order"])
    lines += ["", f"Browser engine vs `catalog search` (whoosh) on the same queries: same hit count for {same_hits}/"
                  f"{len(agree)} queries, same top 10 in the same order for {same_top}/{len(agree)}."]
    lines += ["", f"catalog's index: {fmt_bytes(s['ours']['gzip_total'])} if gzipped (Pagefind's files are gzipped "
                  f"on disk; ours are plain scripts, since file:// cannot decompress). Relevance is judged with the typed "
                  f"diacritics (tone placement ignored) when the query has any, else without."]
    lines += ["", "Per query (bytes of a first query in a fresh page; warm-page median time; hits; relevant "
                  "documents among the 10 shown, judged by the generator's text):", "",
              "| query | kind | catalog bytes | Pagefind bytes | catalog ms (file://) | Pagefind ms | "
              "catalog hits | Pagefind hits | relevant in corpus | catalog P@10 | Pagefind P@10 | "
              "`catalog search` hits | top 10 shared with `catalog search` |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for q, kind in res["queries"]:
        qo, qp = res["quality"]["ours"][q], res["quality"]["pagefind"][q]
        lines.append(
            f"| `{q}` | {kind} | {fmt_bytes(b['ours']['first'][q]['search_bytes'])} | "
            f"{fmt_bytes(b['pagefind']['first'][q]['search_bytes'])} | "
            f"{ours_f['per_query'][q]['median_ms']:.1f} | {pf['per_query'][q]['median_ms']:.1f} | "
            f"{qo['hits']} | {qp['hits']} | {qo['relevant_in_corpus']} | "
            f"{_p(qo)} | {_p(qp)} | {res['quality']['agreement'][q]['hits_python']} | "
            f"{res['quality']['agreement'][q]['top10_overlap']}/{len(qo['top'])}"
            f"{' (same order)' if res['quality']['agreement'][q]['same_order'] else ''} |")
    lines += ["", "Phases (seconds): " + ", ".join(f"{k} {v:.0f}" for k, v in res["phases"].items())
              + ". Build stages: " + ", ".join(f"{k} {v:.0f}" for k, v in res["build"]["stages"].items()) + "."]
    return "\n".join(lines)


def _relevant_shown(quality: dict) -> tuple[int, int]:
    return sum(v["relevant_in_top"] for v in quality.values()), sum(v["shown"] for v in quality.values())


def _p(q: dict) -> str:
    return "—" if q["precision_at_10"] is None else f"{q['relevant_in_top']}/{q['shown']}"


# --------------------------------------------------------------------------- main


def main(argv=None) -> None:
    global OUT
    ap = argparse.ArgumentParser(description="catalog search vs Pagefind on a synthetic catalog")
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--reps", type=int, default=30, help="repetitions of the query list in a warm page")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--warm-build", action="store_true", help="keep the extracted-text cache (faster, not cold)")
    ap.add_argument("--skip-build", action="store_true", help="reuse <out>/site as it is")
    ap.add_argument("--out", type=Path, default=OUT, help="working folder (default bench/out)")
    args = ap.parse_args(argv)
    OUT = args.out.resolve()

    started = time.monotonic()
    phases = Phases()
    OUT.mkdir(parents=True, exist_ok=True)
    project, site = OUT / "synthetic", OUT / "site"

    with phases("generate"):
        gen = synthetic.generate(args.docs, args.seed, project, args.jobs, log=log)
    truth = {}
    with gzip.open(project.with_name(project.name + ".texts.jsonl.gz"), "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            truth[row["doc_id"]] = row
    own = sorted(truth.values(), key=lambda r: r["doc_id"])[len(truth) // 3]["number"]
    queries = [(own if q == "<own number>" else q, kind) for q, kind in QUERIES]
    query_list = [q for q, _ in queries]
    two_term = [q for q, kind in queries if kind.startswith("2-term")]

    with phases("pagefind install"):
        binary, pf_version = ensure_pagefind()
    if args.skip_build and (site / "search.html").exists():
        build = json.loads((OUT / "results.json").read_text())["build"] if (OUT / "results.json").exists() else {
            "seconds": 0, "stages": {}, "counts": {}, "problems": 0}
    else:
        with phases("catalog build"):
            build = build_catalog(project, site, args.warm_build)
    if not (site / "search.html").exists():
        raise SystemExit("The built site has no search.html: the search engine is not in this build yet.")
    fulltext = check_fulltext(site, truth)
    log(f"document pages holding their full text: {fulltext['with_text']}/{fulltext['sampled']} sampled")

    with phases("pagefind index"):
        pagefind = run_pagefind(binary, site)
    (site / "bench-pagefind.html").write_text(PAGEFIND_PAGE % {"shown": RESULTS_SHOWN}, encoding="utf-8")
    sizes = index_sizes(site)
    log(f"index bytes: ours {fmt_bytes(sizes['ours']['total'])} in {sizes['ours']['files']} files; "
        f"Pagefind {fmt_bytes(sizes['pagefind']['total'])} in {sizes['pagefind']['files']} files")

    from catalog.model import slug_for, spread_path
    url_to_id = {spread_path("tai-lieu", slug_for(d), ".html"): d for d in truth}
    truth_text = {}
    for d, r in truth.items():
        whole = "\n".join((r["title"], r["number"], r.get("meta", ""), r["text"]))
        truth_text[d] = (" " + " ".join(fold_tokens(whole)) + " ", " " + " ".join(exact_tokens(whole)) + " ")
    relevant_sets = relevant_docs(truth_text, query_list)
    del truth_text

    from playwright.sync_api import sync_playwright

    with phases("browser measurements"), http_server(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        chromium_version = browser.version
        file_base = site.as_uri() + "/"
        ours_file = Engine("ours_file", file_base, "search.html", OURS_RUN, OURS_API, site)
        ours_http = Engine("ours_http", base, "search.html", OURS_RUN, OURS_API, site)
        pf_http = Engine("pagefind_http", base, "bench-pagefind.html", PAGEFIND_RUN, PAGEFIND_API, site)
        log("bytes: ours (file://)")
        bytes_ours = measure_bytes(browser, ours_file, query_list, two_term)
        log("bytes: Pagefind (HTTP)")
        bytes_pf = measure_bytes(browser, pf_http, query_list, two_term)
        times = {}
        for engine in (ours_file, ours_http, pf_http):
            log(f"times: {engine.name}, {len(query_list)} queries × {args.reps}")
            times[engine.name] = measure_times(browser, engine, query_list, args.reps)
            log(f"  median {times[engine.name]['median_ms']:.1f} ms, p95 {times[engine.name]['p95_ms']:.1f} ms, "
                f"first-use median {times[engine.name]['cold_median_ms']:.0f} ms")
        browser.close()

    quality = {"ours": judge(times["ours_file"]["answers"], relevant_sets, url_to_id, query_list),
               "pagefind": judge(times["pagefind_http"]["answers"], relevant_sets, url_to_id, query_list)}
    with phases("catalog search (Python) for comparison"):
        quality["python"] = python_answers(site, query_list)  # the index the site was published with
    quality["agreement"] = agreement(times["ours_file"]["answers"], quality["python"], times["ours_http"]["answers"])
    result = {
        "docs": len(truth), "pages": gen.get("pages") or sum(r["text"].count("\f") + 1 for r in truth.values()),
        "seed": args.seed, "reps": args.reps, "queries": queries, "cpus": os.cpu_count(),
        "chromium": chromium_version, "pagefind_version": pf_version, "generator": gen, "build": build,
        "fulltext_on_document_pages": fulltext, "pagefind": pagefind, "sizes": sizes,
        "bytes": {"ours": bytes_ours, "pagefind": bytes_pf}, "times": times, "quality": quality,
        "phases": phases.seconds,
    }
    result["phases"]["total"] = round(time.monotonic() - started, 1)
    md = tables(result)
    (OUT / "results.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    (OUT / "results.md").write_text(md + "\n", encoding="utf-8")
    log("\n" + md)
    log(f"\nwritten: {OUT / 'results.json'}, {OUT / 'results.md'}")


if __name__ == "__main__":
    main()
