"""Narrow the whole catalog to what one edition may publish.

Secret records never reach this point (``assemble`` drops them). Here restricted
records leave the public edition; a scan stays only where ``catalog.scans`` admits it
(every row it shows is admitted, see ``access.scans``); and the fonds are grouped anew
from the admitted files alone, so nothing withheld lends its name to a fonds.
"""

from __future__ import annotations

import dataclasses

from catalog.access.scans import ScanAccess
from catalog.access.tiers import Edition
from catalog.model import ArchivalFile, Catalog, group_by_fonds


def for_edition(catalog: Catalog, edition: Edition) -> Catalog:
    files: list[ArchivalFile] = []
    withheld: list[str] = []
    for archival_file in catalog.files:
        if not edition.admits(archival_file.tier):
            withheld.append(archival_file.file_code)
            withheld.extend(d.doc_id for d in archival_file.documents)
            continue
        files.append(_narrow_file(archival_file, edition, catalog.scans, withheld))
    return Catalog(
        packages=catalog.packages,
        fonds=group_by_fonds(files, catalog.packages),
        withheld_secret=list(catalog.withheld_secret),
        withheld_by_edition=withheld,
        scans=catalog.scans,
    )


def _narrow_file(archival_file: ArchivalFile, edition: Edition, scans: ScanAccess, withheld: list[str]) -> ArchivalFile:
    documents = []
    complete = archival_file.complete
    for document in archival_file.documents:
        if not edition.admits(document.tier):
            withheld.append(document.doc_id)
            complete = False
            continue
        if document.pdf_path and not scans.admits(edition, document.pdf_path):
            # The scan also shows rows this edition must not show.
            document = dataclasses.replace(
                document, pdf_path=None, pdf_rel="", pdf=None, pdf_shared=False, pdf_withheld=True
            )
        documents.append(document)
    return dataclasses.replace(archival_file, documents=documents, complete=complete)
