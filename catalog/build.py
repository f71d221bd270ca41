"""Run the stages in order: read → assemble → edition → text (extract, OCR) → index → render → write.

Nothing else happens here: each stage lives in its own module and passes plain data
on. Problems with single records go into the report and never stop the build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from catalog.access.editions import for_edition, hold_back_stamped
from catalog.access.sealing import TierKey, keys_for
from catalog.access.tiers import Edition, Tier
from catalog.config import Config
from catalog.model import Catalog
from catalog.output_paths import BuildPaths
from catalog.progress import Progress, Silent, counted
from catalog.read.assemble import assemble
from catalog.read.fixity import DigestCache, unlisted_payload, verify_manifests
from catalog.read.packages import RawPackage, discover
from catalog.report import Report
from catalog.search.index import write_index
from catalog.search.records import index_records
from catalog.site.markdown_pages import read_pages
from catalog.site.output import SealedLayer, write_site
from catalog.site.text_layer import TextLayers
from catalog.text.ocr_pages import OcrOptions
from catalog.text.stage import forget_texts, read_texts


@dataclass
class BuildResult:
    report: Report
    catalog: Catalog  # what the site shows plainly
    paths: BuildPaths
    sealed: list[SealedLayer] = field(default_factory=list)  # what each sealed tier's reader sees (the bundle)


def check(config: Config, progress: Progress = Silent()) -> tuple[Report, Catalog, list[RawPackage]]:
    """Read and validate everything, without extracting PDFs or writing anything."""
    report = Report()
    progress.stage("Đọc các gói tài liệu / Reading packages")
    raw_packages = discover(config.packages_dir, config.root, report)
    catalog = assemble(raw_packages, config.default_access, report)
    for raw in raw_packages:
        unlisted_payload(raw, report)
    return report, catalog, raw_packages


def build(config: Config, paths: BuildPaths, edition_name: str | None = None, progress: Progress = Silent(),
          ocr: OcrOptions | None = None, passphrases: Mapping[Tier, str] | None = None) -> BuildResult:
    """Build one edition; ``passphrases`` give the keys of the tiers it seals (the bundle)."""
    edition = config.edition(edition_name)
    keys = keys_for(edition, passphrases or {})  # before anything is read or written
    ocr = ocr or config.ocr
    paths.check(config.root)  # every path this build writes, all at once, before anything is written
    report, whole, raw_packages = check(config, progress)
    report.edition = edition.name
    paths.prepare()  # the cache and index folders, with their markers
    digests = DigestCache(paths.cache)
    verify_manifests(raw_packages, whole, digests, report)
    scope = for_edition(whole, edition.scope)  # plain and sealed tiers: the texts of both are read
    ocr_run = read_texts(scope.documents, digests, paths.cache, ocr, report, progress)
    scope, held = hold_back_stamped(scope, report)  # a secrecy stamp on the first page
    forget_texts(paths.cache, {d.pdf.sha256 for d in held})
    digests.forget(d.pdf_path for d in held)
    digests.save()
    catalog = for_edition(scope, edition) if edition.sealed else scope
    progress.stage("Lập chỉ mục tìm kiếm / Indexing", len(catalog.documents))
    # The whoosh index and the browser index get the same records; build/ holds no sealed tier in plain.
    records = list(index_records(catalog))
    sealed = [_sealed_layer(scope, edition, key) for key in keys]
    try:
        write_index(paths.index, counted(records, progress))  # a new generation; the site at --out names its own
        md_pages = read_pages(config.pages_dir, config.root, report, config.markdown_raw_html)
        # One swap publishes the site and, through its marker, this index generation.
        layers = TextLayers.from_results(ocr_run.results) if ocr.pdf_layers else None
        write_site(config, catalog, md_pages, paths.site, edition.name, report, progress, records,
                   build_id=paths.build_id, cache=paths.cache, text_layers=layers, sealed=sealed)
    finally:
        paths.remove_stale_indexes()  # the previous generation, or this one if the site was not swapped in
    report.withheld_secret = list(catalog.withheld_secret)
    report.counts = {**_counts(catalog, raw_packages, digests), "ocr_pages_read": ocr_run.recognized}
    if sealed:  # how many documents only a passphrase shows
        shown = {d.doc_id for d in catalog.documents}
        report.counts["documents_sealed"] = sum(1 for d in sealed[-1].catalog.documents if d.doc_id not in shown)
    report.write_json(paths.report)
    return BuildResult(report, catalog, paths, sealed)


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
