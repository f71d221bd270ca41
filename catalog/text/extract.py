"""The PDF stage: check each scan and read its text, page by page.

pikepdf (qpdf) validates the file and reads its metadata (:func:`check_pdf`, all that
``catalog check`` does to a scan); pypdfium2 reads the text of each page. A damaged
file that qpdf silently repairs is still reported (its warnings are checked).
Encrypted, damaged, empty or non-PDF files are reported and their documents published
with metadata only. Results are cached by SHA-256, so a rebuild re-reads only new or
changed scans.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path

from catalog import atomic
from catalog.model import PageText, PdfFacts
from catalog.text.page_text import page_texts
from catalog.text.pdf_checks import PdfIssue, inspect_pdf
from catalog.text.workers import Scan, Workers, cores

CACHE_VERSION = 6  # bump when PdfFacts or their extraction changes (6: metadata by stable keys)


def check_pdf(path: Path, sha256: str = "", size: int | None = None) -> tuple[PdfFacts, list[PdfIssue]]:
    """The cheap checks of one PDF, no text read: empty, header, opens, encrypted, page count.

    The same checks, and so the same issues, as :func:`extract_pdf` makes first. Never
    raises for bad input; ``size`` is read from the file when not given.
    """
    facts = PdfFacts(sha256=sha256, size=path.stat().st_size if size is None else size)
    return facts, inspect_pdf(path, facts)


def check_all(paths: Iterable[Path], progress: Callable[[int], None] = lambda n: None,
              workers: int = 0) -> dict[Path, tuple[PdfFacts, list[PdfIssue]]]:
    """:func:`check_pdf` of each distinct path, keyed by path; in local processes when it pays off."""
    todo = list(dict.fromkeys(paths))
    # Bigger chunks than extraction: a check takes milliseconds, and each chunk is a round trip.
    chunk = max(1, len(todo) // ((workers or cores()) * 8))
    results = {}
    for path, result in Workers(workers).run(check_pdf, todo, chunksize=chunk):
        results[path] = result
        progress(1)
    return results


def extract_pdf(path: Path, sha256: str, size: int) -> tuple[PdfFacts, list[PdfIssue]]:
    """Everything the catalog needs from one PDF. Never raises for bad input."""
    facts, issues = check_pdf(path, sha256, size)
    if not facts.encrypted and facts.page_count is not None:
        pages, text_issues = page_texts(path)
        facts.pages = pages
        issues.extend(text_issues)
    return facts, issues


class TextCache:
    """PdfFacts and issues per SHA-256 on disk: ``<cache>/pdf/<sha>.json``."""

    def __init__(self, folder: Path):
        self.folder = folder / "pdf"
        self._folder = str(self.folder)  # a rebuild reads every scan's entry: no path parsing per entry
        self.write_error = ""  # the first reason the cache could not be written, if any

    def _path(self, sha256: str) -> Path:
        return self.folder / f"{sha256}.json"

    def get(self, sha256: str) -> tuple[PdfFacts, list[PdfIssue]] | None:
        try:
            with open(os.path.join(self._folder, f"{sha256}.json"), encoding="utf-8") as entry:
                data = json.loads(entry.read())
        except (OSError, ValueError):
            return None
        if data.get("version") != CACHE_VERSION:
            return None
        facts = PdfFacts(**{k: v for k, v in data["facts"].items() if k != "pages"})
        facts.pages = [PageText(**p) for p in data["facts"]["pages"]]
        return facts, [PdfIssue(**i) for i in data["issues"]]

    def forget(self, sha256: str) -> None:
        self._path(sha256).unlink(missing_ok=True)

    def put(self, facts: PdfFacts, issues: list[PdfIssue]) -> None:
        """Remember the facts; a cache that cannot be written only makes rebuilds slower."""
        data = {"version": CACHE_VERSION, "facts": asdict(facts), "issues": [asdict(i) for i in issues]}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic.write_text(self._path(facts.sha256), json.dumps(data, ensure_ascii=False))
        except OSError as exc:
            self.write_error = self.write_error or str(exc)


_EXTRACT_SCAN = Scan(path_at=0, sha256_at=1)  # where an extraction job names its scan


def _extract_job(job: tuple[str, str, int]) -> tuple[PdfFacts, list[PdfIssue]]:
    path, sha256, size = job
    return extract_pdf(Path(path), sha256, size)


def extract_all(
    jobs: Iterable[tuple[Path, str, int]],
    cache: TextCache,
    progress: Callable[[int], None] = lambda n: None,
    workers: Workers | None = None,
) -> dict[str, tuple[PdfFacts, list[PdfIssue]]]:
    """Facts for each (path, sha256, size), keyed by SHA-256; uncached files in parallel
    (``workers``: local processes or a cluster), each cached as soon as it is read."""
    results: dict[str, tuple[PdfFacts, list[PdfIssue]]] = {}
    todo: list[tuple[str, str, int]] = []
    for path, sha256, size in jobs:
        if sha256 in results:
            continue
        cached = cache.get(sha256)
        if cached:
            results[sha256] = cached
            progress(1)
        else:
            todo.append((str(path), sha256, size))
            results[sha256] = None  # type: ignore[assignment]  # reserve: same content, one job
    todo = list({job[1]: job for job in todo}.values())
    for _, (facts, issues) in (workers or Workers()).run(_extract_job, todo, _EXTRACT_SCAN, chunksize=2):
        cache.put(facts, issues)
        results[facts.sha256] = (facts, issues)
        progress(1)
    return results

