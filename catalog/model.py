"""The catalog's data model: fonds → archival file → document → page.

Plain dataclasses, no I/O. Stages build them (``assemble``), enrich them (``extract``)
and read them (``index``, ``render``). Identifiers and URLs are derived here so that
every stage agrees on them and permalinks stay stable across rebuilds.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from catalog.access.scans import ScanAccess
from catalog.access.tiers import Tier


@dataclass(frozen=True)
class DateValue:
    start: datetime.date  # first day covered
    end: datetime.date  # last day covered
    precision: str  # "day" | "month" | "year" | "range"
    text: str  # display form: "10/04/2025", "04/2025", "2025", "2019–2021"

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def iso(self) -> str:
        """Sortable form: "2025-04-10", "2025-04", "2025", "2019/2021"."""
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.precision == "year":
            return f"{self.start.year:04d}"
        return f"{self.start.year:04d}/{self.end.year:04d}"


@dataclass(frozen=True)
class Location:
    """Where a value came from, so a problem can name it exactly."""

    path: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def where(self) -> str:
        """Human-readable: ``packages/A/ho_so.xlsx, sheet "Hồ sơ", row 7, column "Ngày"``."""
        parts = [self.path] if self.path else []
        if self.sheet:
            parts.append(f'sheet "{self.sheet}"')
        if self.row is not None:
            parts.append(f"dòng/row {self.row}")
        if self.column:
            parts.append(f'cột/column "{self.column}"')
        return ", ".join(parts)


@dataclass(frozen=True)
class Field:
    """One metadata field as shown on a page: the sheet's own header and the value."""

    key: str | None  # canonical key (``date``, ``issuer``...), None for unknown columns
    label: str
    value: str


@dataclass
class PageText:
    number: int  # 1-based
    text: str
    source: str = "pdf"  # "pdf", "ocr" or "none" (no text layer, not OCR'd)
    legacy_encoding: str | None = None  # "TCVN3" or "VNI" when the text was repaired
    confidence: float | None = None  # OCR'd pages: Tesseract's mean word confidence, 0-100
    valid_share: float | None = None  # OCR'd pages: share of words that are real syllables or words
    # Text layers: judged as not real text when extracted (text.ocr.needs_ocr), so a rebuild
    # does not judge every page again; None: not judged yet.
    needs_ocr: bool | None = None


@dataclass
class PdfFacts:
    """What the PDF stage learned about one file."""

    sha256: str
    size: int
    page_count: int | None = None
    encrypted: bool = False
    damaged: bool = False
    info: dict[str, str] = field(default_factory=dict)  # document info + XMP, by key ("producer", "xmp_title")
    pages: list[PageText] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return any(p.text.strip() for p in self.pages)


@dataclass
class Package:
    id: str
    root: Path
    title: str = ""
    fonds_code: str = ""
    fonds_name: str = ""
    agency: str = ""
    handover_date: DateValue | None = None
    handed_over_by: str = ""
    received_by: str = ""
    description: str = ""
    is_bag: bool = False
    manifest: dict[str, str] = field(default_factory=dict)  # relative path → sha256
    stamp_releases: dict[str, str] = field(default_factory=dict)  # doc_id → who checked its stamp was a false alarm


@dataclass
class Document:
    doc_id: str
    file_code: str
    package_id: str
    summary: str
    tier: Tier
    location: Location
    ordinal: int | None = None
    number: str = ""
    date: DateValue | None = None
    doc_type: str = ""
    issuer: str = ""
    signer: str = ""
    language: str = ""
    declared_pages: int | None = None
    reliability: str = ""
    autograph: str = ""
    condition: str = ""
    info_code: str = ""
    keywords: tuple[str, ...] = ()
    notes: str = ""
    extra: tuple[Field, ...] = ()
    pdf_path: Path | None = None  # absolute, inside the package
    pdf_rel: str = ""  # relative to the package root, as archivists see it
    pdf_column: str = "Tệp tin"  # the sheet column that names (or would name) the scan
    pdf_shared: bool = False  # the archival file's single PDF, shared by its documents
    pdf_withheld: bool = False  # the scan exists but this edition may not publish it
    pdf: PdfFacts | None = None
    page_range: tuple[int, int] | None = None  # (first, last) page in the file's whole scan, from the sheet
    page_range_column: str = ""  # the sheet column(s) of the range, to name in a problem

    @property
    def slug(self) -> str:
        return slug_for(self.doc_id)

    @property
    def title(self) -> str:
        return self.summary or self.number or self.doc_id

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def range_applies(self) -> bool:
        """The sheet's page range places the document in its file's whole scan, and fits it.

        Beside a document's own scan a range describes the paper file only (the
        inventory's sheet numbers), so it is shown but not applied.
        """
        if not (self.pdf_shared and self.page_range):
            return False
        count = self.pdf.page_count if self.pdf else None
        return count is None or self.page_range[1] <= count

    @property
    def range_outside_scan(self) -> bool:
        """A range for the whole-file scan that ends beyond its last page (reported, then ignored)."""
        count = self.pdf.page_count if self.pdf else None
        return bool(self.pdf_shared and self.page_range and count and self.page_range[1] > count)

    @property
    def own_pages(self) -> range:
        """The document's pages of its scan, 1-based: its range of a whole-file scan, else every page."""
        if self.range_applies:
            return range(self.page_range[0], self.page_range[1] + 1)
        count = self.pdf.page_count if self.pdf else None
        return range(1, (count or 0) + 1)


@dataclass
class ArchivalFile:
    file_code: str
    package_id: str
    title: str
    tier: Tier
    location: Location
    fonds_code: str = ""
    fonds_name: str = ""
    inventory: str = ""
    box: str = ""
    file_number: str = ""
    retention: str = ""
    language: str = ""
    start_date: DateValue | None = None
    end_date: DateValue | None = None
    item_count: int | None = None
    sheets: int | None = None
    pages: int | None = None
    condition: str = ""
    info_code: str = ""
    keywords: tuple[str, ...] = ()
    notes: str = ""
    extra: tuple[Field, ...] = ()
    complete: bool = True  # every document row of the file is in this edition (none withheld)
    documents: list[Document] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slug_for(self.file_code)


@dataclass
class Fonds:
    code: str
    name: str
    files: list[ArchivalFile] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slug_for(self.code or "khong-ro-phong")

    @property
    def document_count(self) -> int:
        return sum(len(f.documents) for f in self.files)


@dataclass
class Catalog:
    """Everything one edition publishes, plus what was withheld (identifiers only)."""

    packages: list[Package] = field(default_factory=list)
    fonds: list[Fonds] = field(default_factory=list)
    # Where each secret record is listed (sheet and row), never its identifier: see access.editions
    withheld_secret: list[str] = field(default_factory=list)
    withheld_by_edition: list[str] = field(default_factory=list)
    scans: ScanAccess = field(default_factory=ScanAccess)  # which edition may show each scan

    @property
    def files(self) -> list[ArchivalFile]:
        return [f for fonds in self.fonds for f in fonds.files]

    @property
    def documents(self) -> list[Document]:
        return [d for f in self.files for d in f.documents]


# Page paths: Vietnamese, accent-free words, so URLs read naturally to the catalog's
# users. A document's page is its permalink, stable across rebuilds.

def fonds_path(fonds: Fonds) -> str:
    return f"phong/{fonds.slug}.html"


def file_path(archival_file: ArchivalFile) -> str:
    return spread_path("ho-so", archival_file.slug, ".html")


def document_path(document: Document) -> str:
    return spread_path("tai-lieu", document.slug, ".html")


def pdf_path(document: Document) -> str:
    """Where the scan is published; a whole-file scan is published once for its file."""
    name = slug_for(document.file_code) if document.pdf_shared else document.slug
    return spread_path("pdf", name, ".pdf")


def spread_path(folder: str, slug: str, suffix: str) -> str:
    """``folder/<folder_of(slug)>/<slug><suffix>``: the outputs there are one per item."""
    return f"{folder}/{folder_of(slug)}/{slug}{suffix}"


@functools.lru_cache(maxsize=1 << 16)  # every listing links to a hundred documents
def folder_of(slug: str) -> str:
    """The sub-folder of a file's, a document's or a scan's output: two hex digits of the
    slug's hash, so 256 folders share them evenly. A million documents leave about 3,900
    to a folder, where one folder of them all would slow every copy to a USB stick and
    every listing of the folder. The hash is of the lower-cased slug: slugs that differ
    only by case (reported by the build) meet in one folder, as on a FAT stick."""
    return hashlib.sha256(slug.lower().encode("utf-8")).hexdigest()[:2]



def group_by_fonds(files: Iterable[ArchivalFile], packages: Iterable[Package]) -> list[Fonds]:
    """Fonds of the given files, named only from those files and their packages.

    Called on what an edition admits, so a withheld file never lends its fonds name
    (or anything else) to an edition. Where files disagree on the name, the one most of
    them use wins; ties go to the first file in code order.
    """
    package_by_id = {p.id: p for p in packages}
    by_code: dict[str, list[ArchivalFile]] = {}
    for archival_file in sorted(files, key=lambda f: f.file_code):
        by_code.setdefault(archival_file.fonds_code, []).append(archival_file)
    fonds_list = []
    for code, members in sorted(by_code.items()):
        names = [f.fonds_name or _package_fonds_name(package_by_id.get(f.package_id)) for f in members]
        names = [n for n in names if n]
        name = Counter(names).most_common(1)[0][0] if names else code
        fonds_list.append(Fonds(code=code, name=name, files=members))
    return fonds_list


def _package_fonds_name(package: Package | None) -> str:
    return package.fonds_name if package else ""


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# File systems allow 255 bytes a name; a slug stays far below so that a prefix
# ("en/tai-lieu/ab/"), a suffix ("-2.html") and the staging folders always fit.
SLUG_MAX = 80


@functools.lru_cache(maxsize=1 << 16)  # a page links to many documents: each slug is worked out once
def slug_for(identifier: str) -> str:
    """A file-name-safe, stable slug for an identifier.

    Depends on the identifier alone (never on other records), so a permalink never
    changes when other documents come or go. When folding loses information (accents,
    slashes, case-insensitive file systems) a short hash of the exact identifier is
    appended so two different identifiers can never share a slug. (Identifiers that
    differ only by case would meet on a FAT-formatted USB stick; the build reports them.)
    A long identifier is cut to ``SLUG_MAX`` characters before the hash, so no output name
    is ever too long for the file system.
    """
    folded = unicodedata.normalize("NFD", identifier.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    safe = _UNSAFE.sub("-", ascii_only).strip("-.") or "x"
    if safe != identifier or len(safe) > SLUG_MAX:
        digest = hashlib.sha256(identifier.encode("utf-8")).hexdigest()[:8]
        safe = f"{safe[:SLUG_MAX].rstrip('-.')}-{digest}"
    return safe
