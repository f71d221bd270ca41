"""The text stage as the build runs it: check and read every published scan, OCR the
pages that have no real text, and report what each scan lacks at the sheet cell that
names it. ``catalog check`` runs only its first, cheap half (:func:`check_scans`), and
reports it the same way."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from catalog.model import Document, Location
from catalog.progress import Progress
from catalog.read.fixity import DigestCache
from catalog.report import WARNING, Report
from catalog.text.extract import TextCache, check_all, extract_all
from catalog.text.ocr_pages import OcrCache, OcrOptions, OcrRun, apply_ocr, pages_to_read, run_ocr
from catalog.text.pdf_checks import PdfIssue
from catalog.text.workers import Workers


def read_texts(documents: Sequence[Document], digests: DigestCache, cache_dir: Path, ocr: OcrOptions,
               report: Report, progress: Progress) -> OcrRun:
    """Fill each document's ``pdf`` (facts and page texts); report every scan's issues once."""
    documents = [d for d in documents if d.pdf_path]
    progress.stage("Kiểm tra và trích xuất PDF / Checking and extracting PDFs", len(documents))
    jobs = {}
    for document in documents:
        sha256, size = digests.digest(document.pdf_path)
        jobs[document.doc_id] = (document.pdf_path, sha256, size)
    cache = TextCache(cache_dir)
    with Workers(ocr.jobs, ocr.scheduler) as workers:  # one cluster connection for both
        results = extract_all(jobs.values(), cache, progress.advance, workers)
        _report_cache(cache.write_error, cache.folder, report)
        scans = {sha: (path, results[sha][0]) for path, sha, _ in jobs.values()}
        pages = pages_to_read(scans.values(), ocr.mode)
        progress.stage("Nhận dạng chữ trang quét (OCR) / Reading scanned pages (OCR)", len(pages))
        run = run_ocr(pages, cache_dir, ocr, progress.advance, workers)
    _report_cluster(workers.problems, ocr.scheduler, report)
    issues = {sha: [*results[sha][1], *apply_ocr(facts, run, ocr)] for sha, (_, facts) in scans.items()}
    _report_unavailable(run, len(pages), report)
    reported: set[tuple[str, str]] = set()
    for document in documents:
        sha = jobs[document.doc_id][1]
        document.pdf = dataclasses.replace(results[sha][0])
        _report_issues(document, issues[sha], reported, report)
        _check_page_count(document, document.pdf.page_count, report)
    return run


def check_scans(documents: Sequence[Document], report: Report, progress: Progress, workers: int = 0) -> int:
    """Open each document's scan without reading its text (what ``catalog check`` does), and
    report what is wrong with it as :func:`read_texts` would. Returns how many scans were opened."""
    documents = [d for d in documents if d.pdf_path]
    scans = list(dict.fromkeys(d.pdf_path for d in documents))
    progress.stage("Kiểm tra PDF / Checking PDFs", len(scans))
    results = check_all(scans, progress.advance, workers)
    reported: set[tuple[str, str]] = set()
    for document in documents:
        facts, issues = results[document.pdf_path]
        _report_issues(document, issues, reported, report)
        _check_page_count(document, facts.page_count, report)
    return len(scans)


def forget_texts(cache_dir: Path, sha256s: set[str]) -> None:
    """Remove what the caches hold of these scans (held back as possibly secret): their text
    must not rest on the build machine. They are read again by the next build."""
    for sha256 in sha256s:
        TextCache(cache_dir).forget(sha256)
        OcrCache.forget_all(cache_dir, sha256)


def _report_issues(document: Document, issues: list[PdfIssue], reported: set, report: Report) -> None:
    # The location is the sheet cell that names the scan; the message names the scan.
    where = dataclasses.replace(document.location, column=document.pdf_column)
    # Scans are told apart by path, not content: each copy of a broken scan is a file to
    # replace, and `catalog check` says the same without hashing every scan.
    scan = str(document.pdf_path)
    for issue in issues:
        if (scan, issue.code) in reported:
            continue  # a whole-file scan is reported once, not once per document
        reported.add((scan, issue.code))
        report.add(issue.code, f'"{document.pdf_rel}": {issue.message}', where, doc_id=document.doc_id,
                   severity=issue.severity)


def _report_cache(error: str, folder: Path, report: Report) -> None:
    if error:
        report.add(
            "cache-unwritable",
            f"Không ghi được bộ nhớ đệm ({error}); lần dựng sau sẽ đọc lại mọi PDF. "
            f"/ The cache could not be written ({error}); the next build will read every PDF again.",
            Location(str(folder)),
            severity=WARNING,
        )


def _report_cluster(problems: list[tuple[str, str]], scheduler: str, report: Report) -> None:
    """Said once per kind of trouble: the work itself was done here, so nothing is missing."""
    for vi, en in dict.fromkeys(problems):
        report.add(
            "cluster-unavailable",
            f"Không dùng được cụm máy {scheduler}: {vi}; phần việc đó đã làm trên máy này. Kiểm tra "
            f"`dask scheduler` và `dask worker` (README, mục cụm máy). / The cluster at {scheduler} could not be "
            f"used: {en}; that work was done on this machine instead. Check `dask scheduler` and "
            f"`dask worker` (README, the cluster section).",
            Location(scheduler),
            severity=WARNING,
        )


def _report_unavailable(run: OcrRun, pages: int, report: Report) -> None:
    """Said once for the whole build; each scan's own warning names its pages."""
    if run.unavailable:
        report.add(
            "ocr-unavailable",
            f"{pages} trang quét chưa đọc được chữ vì máy chưa cài Tesseract (OCR). Cài bằng `bash scripts/setup.sh` "
            f"hoặc `apt-get install {run.unavailable}`, rồi dựng lại. / {pages} scanned pages could not be read because "
            f"Tesseract (OCR) is not installed. Install it with `bash scripts/setup.sh` or "
            f"`apt-get install {run.unavailable}`, then build again.",
            severity=WARNING,
        )


def _check_page_count(document: Document, actual: int | None, report: Report) -> None:
    if document.pdf_shared or actual is None or document.declared_pages in (None, actual):
        return
    report.add(
        "pages-mismatch",
        f"Bảng khai báo {document.declared_pages} trang nhưng tệp PDF có {actual} trang. Kiểm tra lại bản quét hoặc số trang. "
        f"/ The sheet declares {document.declared_pages} pages but the PDF has {actual}. Check the scan or the page count.",
        Location(document.location.path, document.location.sheet, document.location.row, "Số lượng trang"),
        doc_id=document.doc_id,
        severity=WARNING,
    )
