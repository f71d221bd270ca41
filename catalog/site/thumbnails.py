"""Small images of the scans' pages, rendered once at build time (pypdfium2, JPEG).

Only scans this edition publishes get thumbnails: the documents of the edition's catalog
that keep their ``pdf_path`` (``access.editions`` takes it from a withheld scan), so no
image of a withheld page is ever made. Each image is kept in the build cache by the
scan's SHA-256, the page and the rendering settings, with the image's size
(``<cache>/thumbs/<sha256>/<page>-w140q70-140x198.jpg``), so a rebuild renders only new
scans and learns every size from one folder listing per scan. In the site an image is named by
content, ``thumbs/<2 hex>/<16 hex>-<page>.jpg``: short names, a few hundred to a folder,
and a scan published under two names is shown by one set of images.

JPEG rather than WebP: every browser a reading room may still run shows it, and on a
USB stick each file takes a whole cluster anyway, so WebP's smaller files save nothing
there. A page that cannot be rendered is skipped and reported; it never stops the build.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from catalog.model import Catalog, Document, Location
from catalog.report import WARNING, Report
from catalog.text.workers import cores

WIDTH = 140  # pixels; the height follows the page, up to MAX_HEIGHT
MAX_HEIGHT = 280  # a very tall page is fitted into WIDTH × MAX_HEIGHT
QUALITY = 70
SETTINGS = f"w{WIDTH}q{QUALITY}"  # in the cache names: other settings, other images
FOLDER = "thumbs"
# Worker processes cost a start-up (PDFium is not thread-safe); below this many pages
# to render, one process is quicker.
PARALLEL_MIN_PAGES = 64


@dataclass(frozen=True)
class Thumbnail:
    page: int  # 1-based, in the PDF's numbering
    src: str  # from the site root: "thumbs/ab/0123456789abcdef-3.jpg"
    width: int
    height: int


class Thumbnails:
    """The thumbnails of this site, by scan (SHA-256) and page, with their cached files."""

    def __init__(self, images: dict[str, dict[int, tuple[Thumbnail, str]]] | None = None):
        self._images = images or {}

    def _scan(self, document: Document) -> dict[int, tuple[Thumbnail, str]]:
        if not (document.pdf_path and document.pdf):
            return {}
        return self._images.get(document.pdf.sha256, {})

    def strip(self, document: Document) -> list[Thumbnail]:
        """The document's own pages that have a thumbnail, in order."""
        scan = self._scan(document)
        return [scan[n][0] for n in document.own_pages if n in scan]

    def first(self, document: Document) -> Thumbnail | None:
        """The thumbnail of the document's first own page, if it has one."""
        pages = document.own_pages
        found = self._scan(document).get(pages.start) if pages else None
        return found[0] if found else None

    def of(self, catalog: Catalog) -> "Thumbnails":
        """Only the thumbnails of the scans ``catalog`` shows (one layer of a bundle)."""
        shown = {d.pdf.sha256 for d in catalog.documents if d.pdf_path and d.pdf}
        return Thumbnails({sha256: scan for sha256, scan in self._images.items() if sha256 in shown})

    def files(self) -> Iterator[tuple[str, str]]:
        """(path in the site, cached file) of every thumbnail. The files are named by strings:
        a site of 100,000 pages would spend seconds making them paths."""
        for scan in self._images.values():
            for thumbnail, cached in scan.values():
                yield thumbnail.src, cached


def site_path(sha256: str, page: int) -> str:
    return f"{FOLDER}/{sha256[:2]}/{sha256[2:18]}-{page}.jpg"


def cache_folder(cache: Path, sha256: str) -> Path:
    return cache / FOLDER / sha256


def cache_name(page: int, size: tuple[int, int]) -> str:
    return f"{page}-{SETTINGS}-{size[0]}x{size[1]}.jpg"


_CACHED = re.compile(rf"^(\d+)-{SETTINGS}-(\d+)x(\d+)\.jpg$")


def make_thumbnails(catalog: Catalog, cache: Path, report: Report, progress) -> Thumbnails:
    """Thumbnails of every page a published document shows, rendering only what the cache lacks."""
    wanted = _wanted(catalog)
    images: dict[str, dict[int, tuple[Thumbnail, str]]] = {}
    jobs = []
    for sha256, (pdf, pages) in wanted.items():
        cached = _cached(cache_folder(cache, sha256))
        images[sha256] = {page: _thumbnail(sha256, page, *cached[page]) for page in pages if page in cached}
        missing = sorted(pages - cached.keys())
        if missing:
            jobs.append((str(pdf), sha256, missing, str(cache)))
    progress.stage("Ảnh thu nhỏ các trang / Page thumbnails", sum(len(job[2]) for job in jobs))
    for (pdf, sha256, pages, _), sizes in _run(jobs):
        folder = cache_folder(cache, sha256)
        for page, size in zip(pages, sizes):
            if size:
                images[sha256][page] = _thumbnail(sha256, page, size, os.path.join(folder, cache_name(page, size)))
        failed = [page for page, size in zip(pages, sizes) if not size]
        if failed:
            _report_failed(catalog, sha256, failed, report)
        progress.advance(len(pages))
    return Thumbnails(images)


def _wanted(catalog: Catalog) -> dict[str, tuple[Path, set[int]]]:
    """Per published scan: its file and the pages its documents show (encrypted scans cannot be drawn)."""
    wanted: dict[str, tuple[Path, set[int]]] = {}
    for document in catalog.documents:
        if not document.pdf_path or not document.pdf or document.pdf.encrypted:
            continue
        _, pages = wanted.setdefault(document.pdf.sha256, (document.pdf_path, set()))
        pages.update(document.own_pages)
    return wanted


def _cached(folder: Path) -> dict[int, tuple[tuple[int, int], str]]:
    """The cached images of one scan: page → (size, file), by their names."""
    found = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        match = _CACHED.match(entry.name)
        if match:
            found[int(match[1])] = ((int(match[2]), int(match[3])), entry.path)
    return found


def _thumbnail(sha256: str, page: int, size: tuple[int, int], cached: str) -> tuple[Thumbnail, str]:
    return Thumbnail(page, site_path(sha256, page), *size), cached


def _run(jobs: list[tuple[str, str, list[int], str]]) -> Iterator[tuple[tuple, list]]:
    """(job, sizes) for each scan; in worker processes when there is enough to render."""
    workers = min(cores(), len(jobs))
    if workers <= 1 or sum(len(job[2]) for job in jobs) < PARALLEL_MIN_PAGES:
        for job in jobs:
            yield job, render_scan(job)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(render_scan, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                yield job, future.result()
            except Exception:  # a worker that died (PDFium crashed on a page): that scan has none
                yield job, [None] * len(job[2])


def render_scan(job: tuple[str, str, list[int], str]) -> list[tuple[int, int] | None]:
    """Render the pages of one scan into the cache; the (width, height) of each, or None if it failed."""
    pdf, sha256, pages, cache = job
    try:
        document = pdfium.PdfDocument(pdf)
    except Exception:
        return [None] * len(pages)
    try:
        return [_render_into(document, page, cache_folder(Path(cache), sha256)) for page in pages]
    finally:
        document.close()


def _render_into(document, page: int, folder: Path) -> tuple[int, int] | None:
    try:
        image = render_page(document, page)
        target = folder / cache_name(page, image.size)
        folder.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            image.save(temporary, "JPEG", quality=QUALITY, optimize=True)
            os.replace(temporary, target)  # a killed build never leaves half an image in the cache
        finally:
            temporary.unlink(missing_ok=True)
        return image.size
    except Exception:  # a page PDFium cannot draw, or a cache that cannot be written: no thumbnail
        return None


def render_page(document, page: int) -> Image.Image:
    """One page as an RGB image WIDTH pixels wide (less for a very tall page)."""
    pdf_page = document[page - 1]
    try:
        width, height = pdf_page.get_size()
        scale = min(WIDTH / width, MAX_HEIGHT / height)
        return pdf_page.render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf_page.close()


def _report_failed(catalog: Catalog, sha256: str, pages: list[int], report: Report) -> None:
    document = next(d for d in catalog.documents if d.pdf and d.pdf.sha256 == sha256 and d.pdf_path)
    listed = ", ".join(map(str, pages[:10])) + (" …" if len(pages) > 10 else "")
    report.add(
        "thumbnail-failed",
        f'"{document.pdf_rel}": không vẽ được ảnh thu nhỏ của trang {listed}; các trang này không có ảnh thu nhỏ. '
        f'/ "{document.pdf_rel}": the thumbnail of page(s) {listed} could not be drawn; they are shown without one.',
        Location(document.location.path, document.location.sheet, document.location.row, document.pdf_column),
        doc_id=document.doc_id,
        severity=WARNING,
    )
