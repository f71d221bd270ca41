"""Which pages get OCR, the results remembered between builds, and the pool that reads the rest.

OCR is hours of work on a real backlog, so it is never done twice: each page's result is
cached by the PDF's SHA-256, the page number and the OCR settings (languages, dpi,
Tesseract version), so a second build, a renamed file or another edition reruns
nothing. Pages are read in parallel, one Tesseract process per worker. What could not be
read, and what was read poorly, becomes one issue per scan for the build report.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from catalog import atomic
from catalog.config import OcrOptions
from catalog.model import PageText, PdfFacts
from catalog.text.ocr import OcrResult, OcrSettings, OcrUnavailable, available_settings, needs_ocr, ocr_page
from catalog.text.ocr_messages import failed_issue, no_text_issue, review_issue
from catalog.text.pdf_checks import PdfIssue
from catalog.text.workers import Scan, Workers

PageJob = tuple[str, str, int]  # (sha256, path, page number)


class OcrCache:
    """``<cache>/ocr/<settings key>/<sha[:2]>/<sha>-<page>.json``: one file a page, so a
    build stopped half-way through a long scan resumes at the next page."""

    def __init__(self, cache_dir: Path, settings: OcrSettings):
        self.folder = cache_dir / "ocr" / settings.key
        self.write_error = ""

    def _path(self, sha256: str, page: int) -> Path:
        return self.folder / sha256[:2] / f"{sha256}-{page}.json"

    def get(self, sha256: str, page: int) -> OcrResult | None:
        try:
            data = json.loads(self._path(sha256, page).read_text(encoding="utf-8"))
            data["boxes"] = tuple(tuple(box) for box in data.get("boxes", ()))
            data["size"] = tuple(data.get("size", (0, 0)))
            return OcrResult(**data)
        except (OSError, ValueError, TypeError):
            return None

    @staticmethod
    def forget_all(cache_dir: Path, sha256: str) -> None:
        """Every page of the scan, under any settings."""
        for path in (cache_dir / "ocr").glob(f"*/{sha256[:2]}/{sha256}-*.json"):
            path.unlink(missing_ok=True)

    def put(self, sha256: str, page: int, result: OcrResult) -> None:
        path = self._path(sha256, page)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic.write_text(path, json.dumps(dataclasses.asdict(result), ensure_ascii=False))
        except OSError as exc:
            self.write_error = self.write_error or str(exc)


@dataclass
class OcrRun:
    """What one build's OCR did, for the report and the tests."""

    results: dict[tuple[str, int], OcrResult]
    failed: dict[tuple[str, int], str]
    unavailable: str = ""  # the package to install, when Tesseract could not run
    recognized: int = 0  # pages actually read by Tesseract in this build (not from the cache)


def pages_to_read(scans: Iterable[tuple[Path, PdfFacts]], mode: str) -> list[PageJob]:
    jobs: list[PageJob] = []
    seen: set[str] = set()
    for path, facts in scans:
        if mode == "never" or facts.encrypted or facts.sha256 in seen:
            continue
        seen.add(facts.sha256)
        jobs += [(facts.sha256, str(path), page.number) for page in facts.pages
                 if mode == "always" or _needs_ocr(page)]
    return jobs


def _needs_ocr(page: PageText) -> bool:
    return needs_ocr(page.text) if page.needs_ocr is None else page.needs_ocr


def run_ocr(jobs: list[PageJob], cache_dir: Path, options: OcrOptions,
            progress: Callable[[int], None] = lambda n: None, workers: Workers | None = None) -> OcrRun:
    """Read the pages of ``jobs`` not in the cache (``workers``: local processes or a
    cluster), caching each as soon as it is read."""
    if not jobs:
        return OcrRun({}, {})
    try:
        settings = available_settings(options.languages, options.dpi)
    except OcrUnavailable as exc:
        return OcrRun({}, {}, unavailable=str(exc))
    cache = OcrCache(cache_dir, settings)
    run = OcrRun({}, {})
    todo = []
    for sha256, path, page in jobs:
        cached = cache.get(sha256, page)
        if cached is None:
            todo.append((sha256, path, page))
        else:
            run.results[(sha256, page)] = cached
            progress(1)
    read = (workers or Workers(options.jobs)).run(partial(_ocr_job, settings=settings), todo, _OCR_SCAN)
    for (sha256, _, page), outcome in read:
        if isinstance(outcome, OcrResult):
            cache.put(sha256, page, outcome)
            run.results[(sha256, page)] = outcome
            run.recognized += 1
        else:
            run.failed[(sha256, page)] = outcome
        progress(1)
    return run


_OCR_SCAN = Scan(path_at=1, sha256_at=0)  # where a page job names its scan


def _ocr_job(job: PageJob, settings: OcrSettings) -> OcrResult | str:
    sha256, path, page = job
    try:
        return ocr_page(Path(path), page, settings)
    except Exception as exc:  # noqa: BLE001 - one unreadable page never stops the build
        return f"{type(exc).__name__}: {exc}"[:300]


def apply_ocr(facts: PdfFacts, run: OcrRun, options: OcrOptions) -> list[PdfIssue]:
    """Put the OCR'd text into ``facts``' pages; the issues of this scan's pages."""
    pages = []
    for page in facts.pages:
        result = run.results.get((facts.sha256, page.number))
        if result is not None and (options.mode == "always" or _needs_ocr(page)):
            page = PageText(page.number, result.text, "ocr", None, result.confidence, result.valid_share)
        pages.append(page)
    facts.pages = pages
    return _page_issues(facts, run, options)


def pages_to_review(pages: list[PageText], options: OcrOptions) -> list[PageText]:
    """OCR'd pages with text whose valid-word share or confidence is under the thresholds of ``[ocr]``."""
    return [p for p in pages if p.source == "ocr" and p.text.strip() and (
        (p.valid_share or 0) < options.review_share or (p.confidence or 0) < options.review_confidence)]


def _page_issues(facts: PdfFacts, run: OcrRun, options: OcrOptions) -> list[PdfIssue]:
    issues = []
    blank = [p.number for p in facts.pages if not p.text.strip()]
    if blank:
        issues.append(no_text_issue(blank, len(facts.pages), run.unavailable, options.mode))
    failed = {n: why for (sha, n), why in run.failed.items() if sha == facts.sha256}
    if failed:
        issues.append(failed_issue(failed))
    poor = pages_to_review(facts.pages, options)
    if poor:
        issues.append(review_issue(poor))
    return issues
