"""What the index stage receives: one plain record per published document."""

from __future__ import annotations

from typing import Iterator

from catalog.model import Catalog, document_path, pdf_path
from catalog.search.index import IndexRecord


def index_records(catalog: Catalog) -> Iterator[IndexRecord]:
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
                    doc_type=document.doc_type,
                    issuer=document.issuer,
                    fonds_code=fonds.code,
                    fonds_name=fonds.name,
                    file_code=archival_file.file_code,
                    url=document_path(document),
                    metadata_text="\n".join(m for m in metadata if m),
                    pages=tuple(p.text for p in document.pdf.pages) if document.pdf else (),
                    pdf_url=pdf_path(document) if document.pdf_path else "",
                )
