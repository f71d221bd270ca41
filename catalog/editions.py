"""Narrow the whole catalog to what one edition may publish.

Secret records never reach this point (``assemble`` drops them). Here restricted
records leave the public edition, and a PDF shared by a whole archival file is kept
only if every document in that file is admitted, since the PDF contains them all.
"""

from __future__ import annotations

import dataclasses

from catalog.access import Edition
from catalog.model import ArchivalFile, Catalog, Fonds


def for_edition(catalog: Catalog, edition: Edition) -> Catalog:
    fonds_list = []
    withheld: list[str] = []
    for fonds in catalog.fonds:
        files = []
        for archival_file in fonds.files:
            if not edition.admits(archival_file.tier):
                withheld.append(archival_file.file_code)
                withheld.extend(d.doc_id for d in archival_file.documents)
                continue
            files.append(_narrow_file(archival_file, edition, withheld))
        if files:
            fonds_list.append(Fonds(fonds.code, fonds.name, files))
    return Catalog(
        packages=catalog.packages,
        fonds=fonds_list,
        withheld_secret=list(catalog.withheld_secret),
        withheld_by_edition=withheld,
    )


def _narrow_file(archival_file: ArchivalFile, edition: Edition, withheld: list[str]) -> ArchivalFile:
    admitted = [d for d in archival_file.documents if edition.admits(d.tier)]
    withheld.extend(d.doc_id for d in archival_file.documents if not edition.admits(d.tier))
    whole_file_ok = not archival_file.has_secret_documents and len(admitted) == len(archival_file.documents)
    documents = []
    for document in admitted:
        if document.pdf_shared and not whole_file_ok:
            # The shared scan also shows documents this edition must not show.
            document = dataclasses.replace(
                document, pdf_path=None, pdf_rel="", pdf=None, pdf_shared=False, pdf_withheld=True
            )
        documents.append(document)
    return dataclasses.replace(archival_file, documents=documents)
