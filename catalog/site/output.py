"""Render every planned page in every UI language and write the site with its scans and thumbnails."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from catalog.access.sealing import TierKey
from catalog.authority import authorities, report_spellings
from catalog.config import Config
from catalog.model import Catalog, Location, pdf_path
from catalog.progress import Progress, counted
from catalog.report import WARNING, Report
from catalog.search.browser import export
from catalog.search.browser.segment_files import Display, segment_folder
from catalog.search.browser.segments import Segment
from catalog.search.index import IndexRecord
from catalog.site.kept_pages import KeptPages
from catalog.site.markdown_pages import MarkdownPage
from catalog.site.pages import plan_site
from catalog.site.reading_copy import stamp_text, stamped
from catalog.site.render import Renderer, SitePage, make_environment, site_globals
from catalog.site.sealed_layer import SealingWriter, write_tiers
from catalog.site.text_layer import TextLayers, with_text_layer
from catalog.site.thumbnails import Thumbnails, make_thumbnails
from catalog.site.write import SiteWriter, Spare
from catalog.state.fingerprint import Fingerprinter


@dataclass(frozen=True)
class SealedLayer:
    """A sealed tier of the bundle: its key, and the catalog and records its reader sees."""

    key: TierKey
    catalog: Catalog
    records: Sequence[IndexRecord]


@dataclass(frozen=True)
class _Parts:
    """What every layer of one site shares."""

    renderer_site: dict
    config: Config
    md_pages: list[MarkdownPage]
    thumbs: Thumbnails
    text_layers: TextLayers | None
    stamp: str
    compiled_templates: Path | None  # in the build cache (catalog.site.render.make_environment)


def write_site(
    config: Config, catalog: Catalog, md_pages: list[MarkdownPage], out: Path, edition: str,
    report: Report, progress: Progress, records: Sequence[IndexRecord] = (), build_id: str = "",
    cache: Path | None = None, text_layers: TextLayers | None = None, sealed: Sequence[SealedLayer] = (),
    kept: KeptPages | None = None, spare: Spare | None = None,
) -> None:
    """Write the site aside and swap it in; its marker names the index generation ``build_id``.

    Thumbnails are rendered into (and taken from) the build ``cache``; without one the
    site has none. With ``text_layers`` (``--ocr-pdf``) OCR'd scans are published with an
    invisible text layer. Each of the ``sealed`` layers (the bundle) is rendered after
    the plain one and sealed where it differs (``site.sealed_layer``). With ``kept``, a
    page made from the same data as in the previous site is taken from it unchanged, and
    so is every segment of its browser index that nothing changed in; with ``spare``, the
    site replaced is kept beside the new one and brought up to date by the next build
    (``site.write.Spare``).
    """
    widest = sealed[-1].catalog if sealed else catalog
    _report_slug_clashes(widest, report)
    _report_page_ranges(widest, report)
    report_spellings(authorities(widest), report)  # the names browsed and filtered as one
    thumbs = make_thumbnails(widest, cache, report, progress) if cache else Thumbnails()
    stamp = stamp_text(config.reading_copy.agency or config.organization, config.reading_copy.text)
    parts = _Parts(site_globals(config, edition, [layer.key.tier for layer in sealed]), config, md_pages, thumbs,
                   text_layers, stamp if config.reading_copy.stamp else "", cache / "templates" if cache else None)
    with SiteWriter(out, build_id, edition, spare) as writer:
        extra = [SitePage("vault.html", "vault.html", {})] if sealed else []
        _write_layer(parts, catalog, records, writer, progress, extra, kept)
        for layer in sealed:
            progress.stage(f"Mã hoá mức {layer.key.tier} / Sealing tier {layer.key.tier}")
            sealing = SealingWriter(writer, layer.key)
            _write_layer(parts, layer.catalog, layer.records, sealing, progress, [], None)
            sealing.finish()
        if sealed:
            write_tiers(writer, [layer.key for layer in sealed])


def _write_layer(parts: _Parts, catalog: Catalog, records: Sequence[IndexRecord], writer, progress: Progress,
                 extra_pages: list[SitePage], kept: KeptPages | None) -> None:
    """One layer of the site: its pages in every UI language, search index, scans, thumbnails, assets."""
    thumbs = parts.thumbs.of(catalog)
    environment = make_environment(parts.config.root, thumbs.first, parts.compiled_templates)
    renderer = Renderer(environment, parts.renderer_site, parts.md_pages, parts.config.languages)
    pages = plan_site(catalog, parts.md_pages, parts.config, thumbs) + extra_pages
    progress.stage("Dựng trang / Rendering pages", len(pages) * len(parts.config.languages))
    for page in pages:
        for lang in parts.config.languages:
            rel = renderer.output_path(page, lang)
            if not (kept and kept.take(rel, page, lang, writer)):
                writer.write_text(rel, renderer.render(page, lang))
            progress.advance(1)
    segments = write_search(renderer, parts.config.languages, records, writer, progress,
                            search_display(catalog, thumbs), kept.previous_search if kept else (),
                            kept.fingerprints if kept else None)
    if kept:
        kept.search = segments
    _copy_scans(catalog, writer, progress, parts.text_layers, parts.stamp)
    _copy_thumbnails(thumbs, writer)
    writer.copy_tree("static", Path(str(resources.files("site_templates") / "static")))


def write_search(
    renderer: Renderer, languages, records: Sequence[IndexRecord], writer: SiteWriter, progress: Progress,
    display: Mapping[str, Display] | None = None, previous: Sequence[Segment] = (),
    fingerprints: Fingerprinter | None = None,
) -> list[Segment]:
    """The search page in every UI language, and the browser index of this edition's records only.

    The segments of ``previous`` (the index of the site at ``writer.out``) that nothing
    changed in are taken from that site; returns every segment of the new index.
    """
    page = SitePage("search.html", "search.html", {})
    for lang in languages:
        writer.write_text(renderer.output_path(page, lang), renderer.render(page, lang))
    progress.stage("Chỉ mục tìm kiếm cho trình duyệt (tệp) / Browser search index (files)")
    exporter = export.Exporter(records, display, previous,
                               available=lambda name: (writer.out / segment_folder(name)).is_dir(),
                               fingerprints=fingerprints)
    for segment in exporter.kept:
        writer.keep_previous_tree(segment_folder(segment.name))
    for rel, text in counted(exporter.files(), progress):
        writer.write_text(rel, text)
    return exporter.segments


def search_display(catalog: Catalog, thumbs: Thumbnails) -> dict[str, Display]:
    """What a search result shows beside its record: the first page's thumbnail, the own pages."""
    display = {}
    for document in catalog.documents:
        first, own = thumbs.first(document), document.own_pages
        display[document.doc_id] = Display(
            thumb=(first.src, first.width, first.height) if first else None,
            own_pages=(own.start, own.stop - 1) if document.range_applies else None,
        )
    return display


def _copy_thumbnails(thumbs: Thumbnails, writer: SiteWriter) -> None:
    for rel, cached in thumbs.files():
        writer.link_cached(rel, cached)


def _copy_scans(catalog: Catalog, writer: SiteWriter, progress: Progress, text_layers: TextLayers | None,
                stamp: str) -> None:
    """The published scans: copies of the originals, or reading copies (a text layer, a stamp)."""
    scans = {pdf_path(d): d for d in catalog.documents if d.pdf_path}
    progress.stage("Chép bản quét / Copying scans", len(scans))
    for rel, document in scans.items():
        layers = text_layers.pages.get(document.pdf.sha256) if text_layers and document.pdf else None
        if not layers and not (stamp and document.pdf and not document.pdf.damaged and not document.pdf.encrypted):
            writer.copy_file(rel, document.pdf_path)  # hard-linked from the previous site when unchanged
        else:
            data = with_text_layer(document.pdf_path, layers) if layers else document.pdf_path.read_bytes()
            writer.write_bytes(rel, stamped(data, stamp) if stamp else data)
        progress.advance(1)


def _report_slug_clashes(catalog: Catalog, report: Report) -> None:
    """Ids that differ only by case would overwrite each other on a FAT USB stick."""
    seen: dict[str, str] = {}
    for document in catalog.documents:
        key = document.slug.lower()
        if key in seen and seen[key] != document.doc_id:
            report.add(
                "id-case-clash",
                f'Mã định danh "{document.doc_id}" chỉ khác "{seen[key]}" ở chữ hoa/thường; trên USB (FAT) hai trang sẽ đè nhau. '
                f'Đổi một trong hai mã. / Id "{document.doc_id}" differs from "{seen[key]}" only by case; on a FAT USB stick '
                f"their pages overwrite each other. Change one of them.",
                Location(document.location.path, document.location.sheet, document.location.row),
                doc_id=document.doc_id,
            )
        seen.setdefault(key, document.doc_id)


def _report_page_ranges(catalog: Catalog, report: Report) -> None:
    """A range beyond the last page of the whole-file scan is ignored: the document shows the whole scan."""
    for document in catalog.documents:
        if not document.range_outside_scan:
            continue
        first, last = document.page_range
        count = document.pdf.page_count
        report.add(
            "page-range-outside",
            f'Trang {first}–{last} ở cột "{document.page_range_column}" vượt quá {count} trang của bản quét hồ sơ '
            f'"{document.pdf_rel}"; văn bản được gắn với cả bản quét. Sửa lại khoảng trang. / Pages {first}–{last} in '
            f'column "{document.page_range_column}" go beyond the {count} pages of the file\'s scan "{document.pdf_rel}"; '
            f"the document is shown with the whole scan. Correct the range.",
            Location(document.location.path, document.location.sheet, document.location.row,
                     document.page_range_column or None),
            doc_id=document.doc_id,
            severity=WARNING,
        )
