"""Which pages the site has, and what each one shows (its template context).

Paths use Vietnamese, accent-free words so URLs read naturally to the catalog's
users: ``phong/``, ``ho-so/``, ``tai-lieu/``, ``duyet/``, ``trang/``. A document's
page is its permalink: ``tai-lieu/<2 hex>/<slug of doc_id>.html`` (``model.document_path``),
stable across rebuilds: it depends on the doc_id alone.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from typing import Iterable

from catalog.authority import Authorities, authorities, form_of, variants_of
from catalog.language.collation import sorted_vi
from catalog.model import (
    ArchivalFile,
    Catalog,
    Document,
    Fonds,
    Package,
    document_path,
    file_path,
    fonds_path,
    pdf_path,
    slug_for,
)
from catalog.site.markdown_pages import MarkdownPage
from catalog.site.render import SitePage, build_date
from catalog.site.thumbnails import Thumbnails

BROWSE_DIMENSIONS = {
    # key: (URL word, label key, value of a document or None, its dimension in catalog.authority)
    "year": ("nam", "browse_year", lambda d: str(d.year) if d.year else None, None),
    "type": ("loai", "browse_type", lambda d: d.doc_type or None, "doc_type"),
    "issuer": ("co-quan", "browse_issuer", lambda d: d.issuer or None, "issuer"),
}


def plan_site(
    catalog: Catalog, md_pages: list[MarkdownPage], config, thumbs: Thumbnails | None = None,
) -> list[SitePage]:
    thumbs = thumbs or Thumbnails()
    pages = [_home(catalog, config.new_items, thumbs)]
    for fonds in catalog.fonds:
        pages.append(SitePage(fonds_path(fonds), "fonds.html", {"fonds": fonds, "descriptions": _fonds_descriptions(fonds, catalog)}))
        for archival_file in fonds.files:
            pages.append(_file_page(fonds, archival_file, catalog))
            pages.extend(_document_pages(fonds, archival_file, config, thumbs))
    forms = authorities(catalog)  # spellings of one name are browsed as one
    for key in BROWSE_DIMENSIONS:
        pages.extend(_browse_pages(key, catalog.documents, forms, thumbs))
    for md in md_pages:
        pages.append(SitePage(md.path, "page.html", {"md": md}))
    # The web server's 404 page (publish/ gives it its URL prefix when it deploys the site).
    pages.append(SitePage("404.html", "404.html", {}))
    return pages


def _home(catalog: Catalog, new_items: int, thumbs: Thumbnails) -> SitePage:
    handover = {p.id: (p.handover_date.iso if p.handover_date else "") for p in catalog.packages}
    newest = sorted(
        catalog.documents,
        key=lambda d: (handover.get(d.package_id, ""), d.date.iso if d.date else "", d.doc_id),
        reverse=True,
    )[:new_items]
    return SitePage("index.html", "home.html", {
        "fonds_list": catalog.fonds,
        "newest": newest,
        "newest_thumbnails": [thumbs.first(d) for d in newest],  # shown by thumb(doc): for the fingerprint
        "document_count": len(catalog.documents),
        "file_count": len(catalog.files),
        # Only the home page shows the date: a rebuild on another day keeps the other pages.
        "updated": build_date().strftime("%d/%m/%Y"),
    })


def _fonds_descriptions(fonds: Fonds, catalog: Catalog) -> list[tuple[str, str]]:
    """(package, its description) for each package that delivered files of the fonds."""
    ids = {f.package_id for f in fonds.files}
    return [(p.title or p.id, p.description) for p in catalog.packages if p.id in ids and p.description]


def _file_page(fonds: Fonds, archival_file: ArchivalFile, catalog: Catalog) -> SitePage:
    package = next((p for p in catalog.packages if p.id == archival_file.package_id), None)
    return SitePage(file_path(archival_file), "file.html", {
        "fonds": fonds,
        "file": archival_file,
        "fields": file_fields(archival_file),
        "package": package_fields(package) if package else [],
    }, links=("fonds",))


def _document_pages(fonds: Fonds, archival_file: ArchivalFile, config, thumbs: Thumbnails) -> Iterable[SitePage]:
    documents = archival_file.documents
    for index, document in enumerate(documents):
        path = document_path(document)
        yield SitePage(path, "document.html", {
            "citation": functools.partial(citation, document, archival_file, fonds, config, path),
            "fonds": fonds,
            "file": archival_file,
            "doc": document,
            "field_groups": functools.partial(document_field_groups, document),
            "technical": functools.partial(pdf_technical_fields, document),
            "pdf_href": pdf_path(document) if document.pdf_path else None,
            "previous": documents[index - 1] if index > 0 else None,
            "next": documents[index + 1] if index + 1 < len(documents) else None,
            **_scan_context(document, thumbs),
            "permalink": f"{config.base_url}/{path}" if config.base_url else path,
        # The previous and next documents count in full: their digests are made anyway for
        # their own pages, and they have no children but their scan's page texts.
        }, links=("fonds", "file"), derived=("citation", "field_groups", "technical"))


def _scan_context(document: Document, thumbs: Thumbnails) -> dict:
    """Which pages of the scan are the document's: where the PDF opens, the strip, the text."""
    own = document.own_pages
    text_pages = [p for p in document.pdf.pages if p.number in own] if document.pdf else []
    in_file = (own.start, own.stop - 1) if document.range_applies else None
    return {
        "pdf_page": own.start if in_file else None,  # the link opens the whole-file scan here
        "own_pages": range_text(in_file) if in_file else "",  # "3–7"
        "strip": thumbs.strip(document),
        "text_pages": text_pages,
        "has_text": any(p.text.strip() for p in text_pages),
    }


def range_text(pages: tuple[int, int]) -> str:
    """A range as readers see it: "3–7", or "5" for one page."""
    first, last = pages
    return str(first) if first == last else f"{first}–{last}"


# A long browse list is cut where its documents say, not every 100 documents, so a batch
# changes only the pages it falls on (an office then copies those alone to its USB copy).
# A document starts a new page when its id's hash picks it (one in BROWSE_PAGE_CUT) and
# none of the BROWSE_PAGE_MIN documents before it was picked: the rule looks at a window
# of neighbours only, so a document added or taken away moves no cut beyond that window
# (a minimum counted from the last cut would move every later cut). A page that reaches
# BROWSE_PAGE_MAX is cut anyway. Pages are named by their first document and show no
# number and no total, so a new page earlier in the list renumbers nothing; the list's
# first page holds the total and every page's dates.
BROWSE_PAGE_MIN = 30
BROWSE_PAGE_CUT = 50  # about 90 documents a page
BROWSE_PAGE_MAX = 250


def _browse_pages(key: str, documents: list[Document], forms: Authorities | None = None,
                  thumbs: Thumbnails | None = None) -> list[SitePage]:
    """The index of one dimension and a (paginated) list per value; ``forms``: the authority
    forms of the names (``catalog.authority``), without which each spelling is its own value."""
    word, label, value_of, dimension = BROWSE_DIMENSIONS[key]
    forms, thumbs = forms or {}, thumbs or Thumbnails()
    groups: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        value = value_of(document)
        if value:
            groups[form_of(forms, dimension, value) if dimension else value].append(document)
    # Years newest first; names in Vietnamese alphabetical order.
    order = sorted(groups, reverse=True) if key == "year" else sorted_vi(groups)
    entries = [
        {"value": value, "count": len(groups[value]), "path": f"duyet/{word}-{slug_for(value)}.html",
         "variants": variants_of(forms, dimension, value) if dimension else ()}
        for value in order
    ]
    index_path = f"duyet/{word}.html"
    pages = [SitePage(index_path, "browse_index.html", {"label": label, "entries": entries, "dimension": key})]
    for entry in entries:
        listed = sorted(groups[entry["value"]], key=lambda d: (d.date.iso if d.date else "", d.doc_id))
        pages.extend(_paginated(entry["path"], listed, {"label": label, "value": entry["value"],
                                                        "variants": entry["variants"], "index_path": index_path},
                                thumbs))
    return pages


def browse_chunks(documents: list[Document]) -> list[list[Document]]:
    """The pages of one sorted browse list (see BROWSE_PAGE_MIN): never empty."""
    chunks: list[list[Document]] = [[]]
    last_picked = 0  # the list's start counts as a cut: no small first page
    for index, document in enumerate(documents):
        picked = _cuts(document.doc_id)
        page = chunks[-1]
        full = len(page) >= BROWSE_PAGE_MAX
        if page and (full or (picked and index - last_picked > BROWSE_PAGE_MIN)):
            chunks.append(page := [])
        if picked or full:  # a page cut for being full is no cause for a small one after it
            last_picked = index
        page.append(document)
    if len(chunks) > 1 and len(chunks[-1]) < BROWSE_PAGE_MIN and len(chunks[-2]) + len(chunks[-1]) <= BROWSE_PAGE_MAX:
        chunks[-2:] = [chunks[-2] + chunks[-1]]  # no last page of a few documents (only the end moves)
    return chunks


@functools.lru_cache(maxsize=1 << 16)  # a document is in three lists
def _cuts(doc_id: str) -> bool:
    return int.from_bytes(hashlib.sha256(doc_id.encode("utf-8")).digest()[:4], "big") % BROWSE_PAGE_CUT == 0


def _paginated(first_path: str, documents: list[Document], context: dict, thumbs: Thumbnails) -> list[SitePage]:
    """``x.html`` for the first page, ``x/<slug of its first document>.html`` for the others."""
    chunks = browse_chunks(documents)
    stem = first_path.removesuffix(".html")
    paths = [first_path] + [f"{stem}/{chunk[0].slug}.html" for chunk in chunks[1:]]
    spans = [_span(chunk) for chunk in chunks]
    pages = []
    for n, chunk in enumerate(chunks):
        own = {"documents": chunk, "span": spans[n], "first_path": first_path,
               "previous_path": paths[n - 1] if n else None,
               "next_path": paths[n + 1] if n + 1 < len(chunks) else None,
               # Not shown by the template as such, but by thumb(doc): a thumbnail made
               # since the last build must make the page again.
               "thumbnails": [thumbs.first(d) for d in chunk]}
        if n == 0:  # only the first page changes with every document the list gains
            own |= {"total": len(documents), "list_pages": list(zip(paths, spans, map(len, chunks)))}
        # The listed documents count in full, though the list shows none of their text: their
        # digests are made anyway for their own pages, and a second, shallow one is not free.
        pages.append(SitePage(paths[n], "browse_list.html", {**context, **own}))
    return pages


def _span(chunk: list[Document]) -> tuple[str, str]:
    """The dates of a page's first and last documents, as written ("" if undated or empty)."""
    first, last = (chunk[0], chunk[-1]) if chunk else (None, None)
    return _date_text(first), _date_text(last)


def _date_text(document: Document | None) -> str:
    return document.date.text if document and document.date else ""


def citation(document: Document, archival_file: ArchivalFile, fonds: Fonds, config, path: str) -> str:
    """A citation in the form Vietnamese archives ask for: the document (type, number, date,
    issuer, summary), then where it is kept, from the fonds down to its sheets, the holding
    archive, and where to read it (the permalink; without ``base_url``, the catalog's name)."""
    head = " ".join(p for p in (document.doc_type, f"số {document.number}" if document.number else "") if p)
    if document.date:
        head += f" ngày {document.date.text}" if document.date.precision == "day" else f" ({document.date.text})"
    if document.issuer:
        head += f" của {document.issuer}"
    described = f"{head.strip()}: {document.summary}" if head.strip() else document.summary
    place = [_fonds_label(fonds)]
    if archival_file.inventory:
        place.append(f"Mục lục số {archival_file.inventory}")
    if archival_file.box:
        place.append(f"Hộp số {archival_file.box}")
    file_label = archival_file.file_number or archival_file.file_code
    place.append(f"Hồ sơ số {file_label}" + (f" ({archival_file.file_code})" if file_label != archival_file.file_code else ""))
    if document.page_range:
        word = "tờ" if "tờ" in document.page_range_column.lower() else "tr."
        place.append(f"{word} {range_text(document.page_range)}")
    if config.organization:
        place.append(f"lưu tại {config.organization}")
    where = f"Truy cập tại: {config.base_url}/{path}" if config.base_url else f"Trong: {config.title}, trang {path}"
    parts = [described, ", ".join(place), f"Mã định danh: {document.doc_id}", where]
    return ". ".join(p.rstrip(".") for p in parts if p) + "."


def _fonds_label(fonds: Fonds) -> str:
    """"Phông …" once: many fonds are named with the word already ("Phông Ủy ban nhân dân …")."""
    name = fonds.name if fonds.name.casefold().startswith("phông") else f"Phông {fonds.name}"
    return name + (f" ({fonds.code})" if fonds.code else "")


def _field(key: str, value) -> tuple[str, str] | None:
    if type(value) is str:  # most fields: a few hundred thousand per build at a province's scale
        return (f"f_{key}", value) if value else None
    if value is None or value == ():
        return None
    if isinstance(value, tuple):
        value = "; ".join(value)
    elif hasattr(value, "text") and hasattr(value, "iso"):
        value = value.text
    return (f"f_{key}", str(value))


# The document page's description in the groups a reader looks for (ISAD(G)'s areas, as
# Vietnamese finding aids group them): label keys per group, in order.
DOCUMENT_GROUPS = (
    ("group_identification", ("doc_id", "number", "date", "doc_type", "issuer", "signer")),
    ("group_content", ("summary", "keywords", "notes", "info_code", "language")),
    ("group_physical", ("pages", "page_range", "reliability", "autograph", "condition")),
    ("group_access", ("access", "file_code", "ordinal")),
)


def document_field_groups(document: Document) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group label key, [(label key, value)]) for every group with a non-empty field."""
    values = {
        "pages": document.declared_pages,
        "page_range": range_text(document.page_range) if document.page_range else None,
        "access": document.tier.label_vi,
        "date": document.date,
    }
    groups = []
    for group, keys in DOCUMENT_GROUPS:
        fields = [_field(k, values[k] if k in values else getattr(document, k)) for k in keys]
        if any(fields):
            groups.append((group, [f for f in fields if f]))
    return groups


# Values PDF writers put in when they have nothing to say: noise to a reader.
_EMPTY_PDF_VALUES = frozenset({"unspecified", "untitled", "unknown", "anonymous", "none", "null", "n/a", "-"})


def pdf_technical_fields(document: Document) -> list[tuple[str, str]]:
    """(label key, value) of the scan's file: its own metadata without the noise, size, hash."""
    pdf = document.pdf
    if not pdf:
        return []
    fields = [(f"pdf_{key}", value) for key, value in pdf.info.items() if value.strip().casefold() not in _EMPTY_PDF_VALUES]
    if pdf.page_count is not None:
        fields.append(("pdf_pages", str(pdf.page_count)))
    return fields + [("sha256", pdf.sha256)]


def file_fields(archival_file: ArchivalFile) -> list[tuple[str, str]]:
    keys = (
        "file_code", "fonds_code", "fonds_name", "inventory", "box", "file_number", "title", "retention",
        "access", "language", "start_date", "end_date", "item_count", "sheets", "pages", "condition",
        "info_code", "keywords", "notes",
    )
    if not archival_file.complete:
        # The sheet's own counts would tell how many documents this edition leaves out.
        keys = tuple(k for k in keys if k not in ("item_count", "sheets", "pages"))
    values = {"access": archival_file.tier.label_vi}
    fields = [_field(k, values[k] if k in values else getattr(archival_file, k)) for k in keys]
    return [f for f in fields if f]


def package_fields(package: Package) -> list[tuple[str, str]]:
    rows = [
        ("package", f"{package.id} — {package.title}" if package.title else package.id),
        ("agency", package.agency),
        ("handover_date", package.handover_date.text if package.handover_date else ""),
        ("handed_over_by", package.handed_over_by),
        ("received_by", package.received_by),
        ("description", package.description),
    ]
    return [(k, v) for k, v in rows if v]
