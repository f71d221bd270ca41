"""Render every planned page in every UI language and write the site with its scans."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from catalog.config import Config
from catalog.model import Catalog, Location, pdf_path
from catalog.progress import Progress, counted
from catalog.report import Report
from catalog.search.browser import export
from catalog.search.index import IndexRecord
from catalog.site.markdown_pages import MarkdownPage
from catalog.site.pages import plan_site
from catalog.site.render import Renderer, SitePage, make_environment, site_globals
from catalog.site.write import SiteWriter


def write_site(
    config: Config, catalog: Catalog, md_pages: list[MarkdownPage], out: Path, edition: str,
    report: Report, progress: Progress, records: Sequence[IndexRecord] = (), build_id: str = "",
) -> None:
    """Write the site aside and swap it in; its marker names the index generation ``build_id``."""
    _report_slug_clashes(catalog, report)
    env = make_environment(config.root)
    renderer = Renderer(env, site_globals(config, edition), md_pages, config.languages)
    pages = plan_site(catalog, md_pages, config)
    progress.stage("Dựng trang / Rendering pages", len(pages) * len(config.languages))
    with SiteWriter(out, build_id) as writer:
        for page in pages:
            for lang in config.languages:
                writer.write_text(renderer.output_path(page, lang), renderer.render(page, lang))
                progress.advance(1)
        write_search(renderer, config.languages, records, writer, progress)
        _copy_scans(catalog, writer, progress)
        writer.copy_tree("static", Path(str(resources.files("site_templates") / "static")))


def write_search(
    renderer: Renderer, languages, records: Sequence[IndexRecord], writer: SiteWriter, progress: Progress,
) -> None:
    """The search page in every UI language, and the browser index of this edition's records only."""
    page = SitePage("search.html", "search.html", {})
    for lang in languages:
        writer.write_text(renderer.output_path(page, lang), renderer.render(page, lang))
    progress.stage("Chỉ mục tìm kiếm cho trình duyệt / Browser search index (tệp / files)")
    for rel, text in counted(export.export(records), progress):
        writer.write_text(rel, text)


def _copy_scans(catalog: Catalog, writer: SiteWriter, progress: Progress) -> None:
    scans = {pdf_path(d): d.pdf_path for d in catalog.documents if d.pdf_path}
    progress.stage("Chép bản quét / Copying scans", len(scans))
    for rel, source in scans.items():
        writer.copy_file(rel, source)
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
