"""Narrow the whole catalog to what one edition may publish.

Secret records never reach this point (``assemble`` drops them). Here restricted
records leave the public edition; a scan stays only where ``catalog.scans`` admits it
(every row it shows is admitted, see ``access.scans``); and the fonds are grouped anew
from the admitted files alone, so nothing withheld lends its name to a fonds. Once the
page texts are read, documents whose first page carries a secrecy stamp are held back
from every edition (``hold_back_stamped``).
"""

from __future__ import annotations

import dataclasses

from catalog.access.scans import ScanAccess
from catalog.access.stamps import secrecy_stamp
from catalog.access.tiers import Edition, Tier
from catalog.model import ArchivalFile, Catalog, Document, group_by_fonds
from catalog.report import Report

REVIEW_FILE = "secrecy_review.toml"  # read by catalog.read.secrecy_review


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
            document = without_scan(document)  # the scan also shows rows this edition must not show
        documents.append(document)
    return dataclasses.replace(archival_file, documents=documents, complete=complete)


def without_scan(document: Document) -> Document:
    """The document published with its metadata only: its scan exists but may not be shown."""
    return dataclasses.replace(document, pdf_path=None, pdf_rel="", pdf=None, pdf_shared=False, pdf_withheld=True)


def hold_back_stamped(catalog: Catalog, report: Report) -> tuple[Catalog, list[Document]]:
    """The catalog without the documents whose first page carries a secrecy stamp.

    Called once the page texts are read. A held-back document's scan becomes secret, so
    any other document shown by the same scan loses its scan too; each is reported for
    review by where it is listed (from then on it is secret: its identifier is named
    nowhere), and released only by the package's ``secrecy_review.toml``.
    """
    releases = {doc_id for package in catalog.packages for doc_id in package.stamp_releases}
    held = [d for d in catalog.documents if d.doc_id not in releases and _first_page_stamp(d)]
    if not held:
        return catalog, []
    held_ids = {d.doc_id for d in held}
    report.forget(held_ids)  # e.g. a note on the scan's encoding, which named the document
    for document in held:
        catalog.scans.claim(document.pdf_path, Tier.SECRET)
        report_stamp(document, report)
    files = [_without(archival_file, held_ids, catalog.scans) for archival_file in catalog.files]
    narrowed = Catalog(
        packages=catalog.packages,
        fonds=group_by_fonds(files, catalog.packages),
        withheld_secret=[*catalog.withheld_secret, *(d.location.where() for d in held)],
        withheld_by_edition=list(catalog.withheld_by_edition),
        scans=catalog.scans,
    )
    return narrowed, held


def _first_page_stamp(document: Document) -> str | None:
    if not document.pdf or not document.pdf.pages:
        return None
    first = document.own_pages.start if document.own_pages else 1
    page = next((p for p in document.pdf.pages if p.number == first), None)
    return secrecy_stamp(page.text) if page else None


def _without(archival_file: ArchivalFile, held_ids: set[str], scans: ScanAccess) -> ArchivalFile:
    documents = []
    for document in archival_file.documents:
        if document.doc_id in held_ids:
            continue
        if document.pdf_path and scans.tier_of(document.pdf_path) is Tier.SECRET:
            document = without_scan(document)
        documents.append(document)
    complete = archival_file.complete and len(documents) == len(archival_file.documents)
    return dataclasses.replace(archival_file, documents=documents, complete=complete)


def report_stamp(document: Document, report: Report) -> None:
    report.add(
        "secrecy-stamp",
        "Trang đầu của bản quét mang dấu độ mật; tài liệu ở dòng này không được công bố trong ấn bản nào dù bảng "
        f"kê ghi mức tiếp cận khác. Kiểm tra bản gốc; nếu là báo động nhầm, ghi doc_id của dòng và người kiểm tra "
        f"vào {REVIEW_FILE} của gói. / The first page of this row's scan carries a secrecy stamp; the document is "
        f"published in no edition, whatever its sheet says. Check the original; if it is a false alarm, add the "
        f"row's doc_id and who checked it to the package's {REVIEW_FILE}.",
        dataclasses.replace(document.location, column=document.pdf_column),
    )
