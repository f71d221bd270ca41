"""Run the stages in order: read → assemble → edition → text (extract, OCR) → index → render → write.

Nothing else happens here: each stage lives in its own module and passes plain data
on. Problems with single records go into the report and never stop the build.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import site_templates

from catalog.access.editions import for_edition, hold_back_stamped
from catalog.access.sealing import TierKey, keys_for
from catalog.access.tiers import Edition, Tier
from catalog.config import Config
from catalog.model import Catalog
from catalog.output_paths import BuildPaths, published_build
from catalog.progress import Progress, Silent, counted
from catalog.read.assemble import assemble
from catalog.read.fixity import DigestCache, unlisted_payload, verify_manifests
from catalog.read.fixity_history import record_fixity
from catalog.read.fixity_names import payload_names
from catalog.read.packages import RawPackage, discover
from catalog.records.build_report import read_previous, write_build_report
from catalog.report import Report
from catalog.search.browser import segments as browser_segments
from catalog.search.index import PreviousIndex, write_index
from catalog.search.records import index_records
from catalog.site.kept_pages import KeptPages
from catalog.site.markdown_pages import MarkdownPage, read_pages
from catalog.site.output import SealedLayer, write_site
from catalog.site.text_layer import TextLayers
from catalog.site.write import Spare
from catalog.state.build_state import BuildState, code_fingerprint, inputs_fingerprint
from catalog.state.fingerprint import Fingerprinter
from catalog.text.ocr_pages import OcrOptions
from catalog.text.stage import check_scans, forget_texts, read_texts
from catalog.text.workers import cores


@dataclass
class BuildResult:
    report: Report
    catalog: Catalog | None  # what the site shows plainly; None when nothing changed (``unchanged``)
    paths: BuildPaths
    sealed: list[SealedLayer] = field(default_factory=list)  # what each sealed tier's reader sees (the bundle)
    unchanged: bool = False  # nothing was read or written: the site is the previous build's


def check(config: Config, progress: Progress = Silent(),
          pdf_jobs: int | None = None) -> tuple[Report, Catalog, list[RawPackage]]:
    """Read and validate everything, without extracting text or writing anything.

    With ``pdf_jobs`` (worker processes, 0 = one per core), also open every scan a build
    of the widest edition reads, cheaply (``catalog check``); without, the scans are left
    to the build's text stage, which checks them the same way as it reads them.
    """
    report = Report()
    progress.stage("Đọc các gói tài liệu / Reading packages")
    raw_packages = discover(config.packages_dir, config.root, report)
    catalog = assemble(raw_packages, config.default_access, report)
    for raw in raw_packages:
        unlisted_payload(raw, report)
    if pdf_jobs is not None:
        # Through for_edition, as a build: a scan that also shows a secret row is never opened.
        widest = for_edition(catalog, Edition("check", frozenset(Tier) - {Tier.SECRET}))
        report.counts["pdfs_checked"] = check_scans(widest.documents, report, progress, pdf_jobs)
    return report, catalog, raw_packages


@dataclass
class _Read:
    """What the reading stages give the publishing ones."""

    report: Report
    raw_packages: list[RawPackage]
    scope: Catalog  # plain and sealed tiers, with their texts, stamped documents held back
    catalog: Catalog  # what the site shows plainly
    digests: DigestCache
    ocr_pages_read: int
    text_layers: TextLayers | None
    md_pages: list[MarkdownPage]


def build(config: Config, paths: BuildPaths, edition_name: str | None = None, progress: Progress = Silent(),
          ocr: OcrOptions | None = None, passphrases: Mapping[Tier, str] | None = None,
          full: bool = False) -> BuildResult:
    """Build one edition; ``passphrases`` give the keys of the tiers it seals (the bundle).

    A rebuild renders only the pages whose data changed, and does nothing at all when no
    input, option or template changed (``catalog.state``); ``full`` makes every page anew.
    Bundles are always built in full: their sealed files are encrypted afresh.
    """
    edition = config.edition(edition_name)
    keys = keys_for(edition, passphrases or {})  # before anything is read or written
    ocr = ocr or config.ocr
    paths.check(config.root)  # every path this build writes, all at once, before anything is written
    incremental = not (full or edition.sealed)
    state = BuildState.load(paths.state) if incremental else BuildState()
    setup, inputs = _setup_fingerprint(config, edition, ocr), inputs_fingerprint(config.root)
    if state.nothing_changed(published_build(paths.site), setup, inputs) and paths.report.is_file():
        progress.stage("Không có gì thay đổi từ lần dựng trước / Nothing changed since the last build")
        return BuildResult(Report.read_json(paths.report), None, paths, unchanged=True)
    read = _read(config, paths, edition, ocr, progress)
    if not state.describes(published_build(paths.site)):
        state = BuildState()  # e.g. a build killed after its swap: nothing of the site is known
    fingerprints = Fingerprinter()  # one for the build: pages, the whoosh index and the browser index
    everything = fingerprints.of((setup, read.md_pages))  # the menu of every page lists the Markdown pages
    # The browser index's files depend on the code too: only segments made the same way are kept.
    previous_search = browser_segments.from_json(state.browser_index) if state.setup == setup else []
    kept = KeptPages(everything, state.pages, (config.root / "templates").is_dir(),
                     previous_search, fingerprints) if incremental else None
    previous_index = PreviousIndex(paths.index_root / state.build_id, state.records) if state.build_id else None
    sealed = [_sealed_layer(read.scope, edition, key) for key in keys]
    spare = Spare(state.spare_build_id, state.spare_pages) if incremental else None
    indexed = _publish(config, paths, edition, read, sealed, kept, spare, previous_index, progress, fingerprints,
                       ocr.jobs)
    if kept is not None:  # only now: the state describes the site that is live, its report, and the spare
        BuildState(paths.build_id, setup, inputs, kept.made, indexed, browser_segments.to_json(kept.search),
                   spare_build_id=state.build_id, spare_pages=state.pages).save(paths.state)
    return BuildResult(read.report, read.catalog, paths, sealed)


def _read(config: Config, paths: BuildPaths, edition: Edition, ocr: OcrOptions, progress: Progress) -> _Read:
    """Read, check fixity, narrow to the edition, read the texts, hold back stamped documents."""
    report, whole, raw_packages = check(config, progress)
    report.edition = edition.name
    paths.prepare()  # the cache and index folders, with their markers
    digests = DigestCache(paths.cache)
    scope = for_edition(whole, edition.scope)  # plain and sealed tiers: the texts of both are read
    ocr_run = read_texts(scope.documents, digests, paths.cache, ocr, report, progress)
    scope, held = hold_back_stamped(scope, report)  # a secrecy stamp on the first page
    forget_texts(paths.cache, {d.pdf.sha256 for d in held})
    digests.forget(d.pdf_path for d in held)
    names = payload_names(raw_packages, whole)  # after the stamps: a scan a stamped document shows is not named
    verify_manifests(raw_packages, names, digests, report)
    record_fixity(raw_packages, names, digests, paths.fixity_history, report)
    digests.save()
    catalog = for_edition(scope, edition) if edition.sealed else scope
    layers = TextLayers.from_results(ocr_run.results) if ocr.pdf_layers else None
    md_pages = read_pages(config.pages_dir, config.root, report, config.markdown_raw_html)
    return _Read(report, raw_packages, scope, catalog, digests, ocr_run.recognized, layers, md_pages)


def _publish(config: Config, paths: BuildPaths, edition: Edition, read: _Read, sealed: list[SealedLayer],
             kept: KeptPages | None, spare: Spare | None, previous_index: PreviousIndex | None, progress: Progress,
             fingerprints: Fingerprinter, jobs: int) -> dict[str, str]:
    """Index (in ``jobs`` processes, 0 = one per core), render and swap the site in, then
    write the report; returns the records' fingerprints."""
    catalog, report = read.catalog, read.report
    progress.stage("Lập chỉ mục tìm kiếm / Indexing", len(catalog.documents))
    # The whoosh index and the browser index get the same records; build/ holds no sealed tier in plain.
    records = list(index_records(catalog))
    try:
        # A new generation (the site at --out names its own), from the previous one where it can.
        indexed = write_index(paths.index, counted(records, progress), previous_index, fingerprints,
                              procs=jobs or cores())
        # One swap publishes the site and, through its marker, this index generation.
        write_site(config, catalog, read.md_pages, paths.site, edition.name, report, progress, records,
                   build_id=paths.build_id, cache=paths.cache, text_layers=read.text_layers, sealed=sealed, kept=kept,
                   spare=spare)
    finally:
        paths.remove_stale_indexes()  # the previous generation, or this one if the site was not swapped in
    report.withheld_secret = list(catalog.withheld_secret)
    report.counts = {**_counts(catalog, read.raw_packages, read.digests), "ocr_pages_read": read.ocr_pages_read}
    if kept is not None:  # what this rebuild made again, and what it took from the previous site
        report.counts["pages_made"], report.counts["pages_kept"] = len(kept.made) - kept.kept, kept.kept
    if sealed:  # how many documents only a passphrase shows
        shown = {d.doc_id for d in catalog.documents}
        report.counts["documents_sealed"] = sum(1 for d in sealed[-1].catalog.documents if d.doc_id not in shown)
    previous_report = read_previous(paths.report)  # before it is replaced: the report page says what changed since
    report.write_json(paths.report)
    write_build_report(paths.report_html, report, catalog, read.raw_packages, previous_report, config)
    return indexed


def _setup_fingerprint(config: Config, edition: Edition, ocr: OcrOptions) -> str:
    """What shapes the whole build besides the inputs: code, templates, configuration, options."""
    code = code_fingerprint(Path(__file__).parent, Path(site_templates.__file__).parent, config.root / "templates")
    return Fingerprinter().of((code, config, edition, dataclasses.replace(ocr, jobs=0, scheduler="")))


def _sealed_layer(scope: Catalog, edition: Edition, key: TierKey) -> SealedLayer:
    layer = for_edition(scope, edition.unsealed_by(Tier.from_name(key.tier)))
    return SealedLayer(key, layer, list(index_records(layer)))


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
        "pages_ocr": sum(1 for p in pdfs.values() for page in p.pages if page.source == "ocr"),
        "withheld_secret": len(catalog.withheld_secret),
        "withheld_by_edition": len(catalog.withheld_by_edition),
        "files_hashed": digests.hashed,
    }
