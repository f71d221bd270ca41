"""What the index stage receives: one plain record per published document.

A document of a whole-file scan with a page range in the sheet is searched by its own
pages only; the pages before them stay in the record as empty texts, so a hit's page
number is the PDF's own (the page ``pdf#page=N`` opens) in whoosh and in the browser.
"""

from __future__ import annotations

from typing import Iterator

from catalog.authority import authorities, form_of
from catalog.model import Catalog, Document, document_path, pdf_path
from catalog.search.index import IndexRecord


def index_records(catalog: Catalog) -> Iterator[IndexRecord]:
    """The facet fields (type, issuer, fonds name) hold the authority form of the name: one
    filter value for all its spellings (``catalog.authority``)."""
    forms = authorities(catalog)
    for fonds in catalog.fonds:
        for archival_file in fonds.files:
            for document in archival_file.documents:
                metadata = [
                    document.signer, "; ".join(document.keywords), document.notes, document.info_code,
                    archival_file.title, archival_file.file_code, document.doc_id,
                    *(f.value for f in document.extra),
                ]
                yield IndexRecord(
                    doc_id=document.doc_id,
                    title=document.title,
                    number=document.number,
                    date_text=document.date.text if document.date else "",
                    date_sort=document.date.iso if document.date else "",
                    year=document.year,
                    doc_type=form_of(forms, "doc_type", document.doc_type),
                    issuer=form_of(forms, "issuer", document.issuer),
                    fonds_code=fonds.code,
                    fonds_name=form_of(forms, "fonds_name", fonds.name),
                    file_code=archival_file.file_code,
                    url=document_path(document),
                    metadata_text="\n".join(m for m in metadata if m),
                    pages=page_texts(document),
                    pdf_url=pdf_path(document) if document.pdf_path else "",
                )


def page_texts(document: Document) -> tuple[str, ...]:
    """The text of each page of the scan that is the document's own, at its PDF page number."""
    if not document.pdf:
        return ()
    if not document.range_applies:
        return tuple(p.text for p in document.pdf.pages)
    own = document.own_pages
    texts = {p.number: p.text for p in document.pdf.pages}
    return tuple(texts.get(n, "") if n in own else "" for n in range(1, own.stop))
