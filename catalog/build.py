"""Run the stages in order: read → assemble → edition → extract → index → render → write.

Nothing else happens here: each stage lives in its own module and passes plain data
on. Problems with single records go into the report and never stop the build.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from catalog.access.editions import for_edition
from catalog.config import Config
from catalog.model import Catalog, Location
from catalog.output_paths import BuildPaths
from catalog.progress import Progress, Silent, counted
from catalog.read.assemble import assemble
from catalog.read.fixity import DigestCache, unlisted_payload, verify_manifests
from catalog.read.packages import RawPackage, discover
from catalog.report import WARNING, Report
from catalog.search.index import write_index
from catalog.search.records import index_records
from catalog.site.markdown_pages import read_pages
from catalog.site.output import write_site
from catalog.text.extract import TextCache, extract_all


@dataclass
class BuildResult:
    report: Report
    catalog: Catalog
    paths: BuildPaths


def check(config: Config, progress: Progress = Silent()) -> tuple[Report, Catalog, list[RawPackage]]:
    """Read and validate everything, without extracting PDFs or writing anything."""
    report = Report()
    progress.stage("Đọc các gói tài liệu / Reading packages")
    raw_packages = discover(config.packages_dir, config.root, report)
    catalog = assemble(raw_packages, config.default_access, report)
    for raw in raw_packages:
        unlisted_payload(raw, report)
    return report, catalog, raw_packages


def build(config: Config, paths: BuildPaths, edition_name: str | None = None, progress: Progress = Silent()) -> BuildResult:
    edition = config.edition(edition_name)
    paths.check(config.root)  # every path this build writes, all at once, before anything is written
    report, whole, raw_packages = check(config, progress)
    report.edition = edition.name
    paths.prepare()  # the cache and index folders, with their markers
    digests = DigestCache(paths.cache)
    verify_manifests(raw_packages, whole, digests, report)
    catalog = for_edition(whole, edition)
    _extract(catalog, digests, TextCache(paths.cache), report, progress)
    digests.save()
    progress.stage("Lập chỉ mục tìm kiếm / Indexing", len(catalog.documents))
    records = list(index_records(catalog))  # the whoosh index and the browser index get the same records
    try:
        write_index(paths.index, counted(records, progress))  # a new generation; the site at --out names its own
        md_pages = read_pages(config.pages_dir, config.root, report, config.markdown_raw_html)
        # One swap publishes the site and, through its marker, this index generation.
        write_site(config, catalog, md_pages, paths.site, edition.name, report, progress, records,
                               build_id=paths.build_id)
    finally:
        paths.remove_stale_indexes()  # the previous generation, or this one if the site was not swapped in
    report.withheld_secret = list(catalog.withheld_secret)
    report.counts = _counts(catalog, raw_packages, digests)
    report.write_json(paths.report)
    return BuildResult(report, catalog, paths)


def _extract(catalog: Catalog, digests: DigestCache, cache: TextCache, report: Report, progress: Progress) -> None:
    documents = [d for d in catalog.documents if d.pdf_path]
    progress.stage("Kiểm tra và trích xuất PDF / Checking and extracting PDFs", len(documents))
    jobs = {}
    for document in documents:
        sha256, size = digests.digest(document.pdf_path)
        jobs[document.doc_id] = (document.pdf_path, sha256, size)
    results = extract_all(jobs.values(), cache, progress.advance)
    if cache.write_error:
        report.add(
            "cache-unwritable",
            f"Không ghi được bộ nhớ đệm ({cache.write_error}); lần dựng sau sẽ đọc lại mọi PDF. "
            f"/ The cache could not be written ({cache.write_error}); the next build will read every PDF again.",
            Location(str(cache.folder)),
            severity=WARNING,
        )
    reported: set[tuple[str, str]] = set()
    for document in documents:
        facts, issues = results[jobs[document.doc_id][1]]
        document.pdf = dataclasses.replace(facts)
        # The location is the sheet cell that names the scan; the message names the scan.
        where = dataclasses.replace(document.location, column=document.pdf_column)
        for issue in issues:
            if (facts.sha256, issue.code) in reported:
                continue  # a whole-file scan is reported once, not once per document
            reported.add((facts.sha256, issue.code))
            message = f'"{document.pdf_rel}": {issue.message}'
            report.add(issue.code, message, where, doc_id=document.doc_id, severity=issue.severity)
        _check_page_count(document, report)


def _check_page_count(document, report: Report) -> None:
    actual = document.pdf.page_count if document.pdf else None
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


def _counts(catalog: Catalog, raw_packages: list[RawPackage], digests: DigestCache) -> dict[str, int]:
    documents = catalog.documents
    pdfs = {d.pdf.sha256: d.pdf for d in documents if d.pdf}
    return {
        "packages": len(raw_packages),
        "fonds": len(catalog.fonds),
        "files": len(catalog.files),
        "documents": len(documents),
        "documents_with_pdf": sum(1 for d in documents if d.pdf_path),
        "pdfs": len(pdfs),
        "pages": sum(p.page_count or 0 for p in pdfs.values()),
        "pages_without_text": sum(1 for p in pdfs.values() for page in p.pages if not page.text.strip()),
        "withheld_secret": len(catalog.withheld_secret),
        "withheld_by_edition": len(catalog.withheld_by_edition),
        "files_hashed": digests.hashed,
    }
