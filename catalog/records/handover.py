"""The handover record of one package (biên bản giao nhận), gathered as plain data.

What a receiving archive signs for: the package's metadata (agency, dates, who handed it
over and who received it), how many archival files, documents, pages and scans it
delivers, every scan with its SHA-256 and size, and every problem found with its file,
sheet, row and column. It starts from what ``catalog check`` read, then reads each scan
the way a build does, without OCR: digests (``read.fixity``), the PDF checks and page
count (``text.extract``), the text layer of the first pages for secrecy stamps
(``access.editions``), and the manifest.

Secret items are never named. A scan is named only where a fixity problem may name it
(``read.fixity_names``: a non-secret document's scan that no secret row shows, once the
stamps are read); any other (a secret document's, one no row names) is listed by the
sheet row that lists it, with its digest, size and page count, never by its file name,
and the text of a scan a secret row shows is never read.
"""

from __future__ import annotations

import datetime
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from catalog.access.editions import hold_back_stamped
from catalog.access.scans import ScanAccess
from catalog.access.tiers import Tier
from catalog.model import Catalog, DateValue, Location, Package, PdfFacts
from catalog.read.fixity import DigestCache, verify_manifests
from catalog.read.fixity_names import PayloadNames, payload_names
from catalog.read.packages import RawPackage
from catalog.read.sheets import SheetRow
from catalog.records import RecordError
from catalog.report import Problem, Report
from catalog.text.extract import check_pdf, extract_pdf
from catalog.text.pdf_checks import PdfIssue

MANIFEST_MATCH, MANIFEST_MISMATCH, MANIFEST_UNLISTED = "match", "mismatch", "unlisted"
NO_MANIFEST = ""  # the package has no manifest to compare with
_HIDDEN_NAME = "<tệp không nêu tên / unnamed file>"  # what a withheld scan's issues say instead of its name


@dataclass(frozen=True)
class TierCounts:
    public: int
    restricted: int
    secret: int

    @property
    def total(self) -> int:
        return self.public + self.restricted + self.secret


@dataclass(frozen=True)
class ScanEntry:
    """One PDF of the package, as the record lists it."""

    number: int
    name: str  # its path in the package; "" for a withheld scan, which is never named
    listed_at: str  # a withheld scan: where the sheet row that lists it is ("": no row names it)
    pages: int | None  # None: the file could not be opened
    size: int
    sha256: str
    manifest: str  # MANIFEST_MATCH, MANIFEST_MISMATCH, MANIFEST_UNLISTED or NO_MANIFEST

    @property
    def withheld(self) -> bool:
        return not self.name


@dataclass(frozen=True)
class HandoverRecord:
    package_id: str
    folder: str  # "packages/<folder>", as problems name the package
    title: str
    agency: str
    fonds_code: str
    fonds_name: str
    description: str
    is_bag: bool
    handover_date: DateValue | None
    handed_over_by: str
    received_by: str
    date_span: tuple[DateValue, DateValue] | None  # earliest and latest date of the published records
    files: TierCounts
    documents: TierCounts
    pages: int
    scans: tuple[ScanEntry, ...]
    secret_rows: tuple[str, ...]  # where each secret row of the package is listed
    problems: tuple[Problem, ...]
    made_on: datetime.date

    @property
    def withheld_scans(self) -> int:
        return sum(1 for scan in self.scans if scan.withheld)

    @property
    def size(self) -> int:
        return sum(scan.size for scan in self.scans)


def find_package(raw_packages: list[RawPackage], name: str) -> RawPackage:
    """The package whose folder name or id is ``name``; a bilingual error listing the known ones otherwise."""
    for raw in raw_packages:
        if name in (raw.package.root.name, raw.package.id):
            return raw
    known = ", ".join(_package_label(raw) for raw in raw_packages) or "—"
    raise RecordError(
        f'Không có gói "{name}" trong thư mục packages/ (các gói có: {known}). Ghi tên thư mục hoặc mã của gói. '
        f'/ There is no package "{name}" under packages/ (known packages: {known}). Give a package\'s folder name or id.'
    )


def _package_label(raw: RawPackage) -> str:
    folder, package_id = raw.package.root.name, raw.package.id
    return folder if folder == package_id else f"{folder} ({package_id})"


def handover_record(raw: RawPackage, catalog: Catalog, raw_packages: list[RawPackage], report: Report,
                    made_on: datetime.date | None = None) -> HandoverRecord:
    """The record of ``raw``, from ``catalog check``'s report, catalog and packages (all of them:
    rows of one package may show the scans of another). ``report`` receives the scans' problems,
    and the documents of ``catalog`` their scans' facts (as a build's text stage gives them)."""
    digests = _fresh_digests()
    scans = _read_scans(raw, catalog.scans, digests)
    catalog = _hold_back_stamped(catalog, scans, report)
    # After the stamps, as a build: what the fixity problems, and this record, may name.
    names = payload_names(raw_packages, catalog)[raw.display]
    verify_manifests([raw], {raw.display: names}, digests, report)
    _report_scan_issues(raw, scans, names, report)
    secret_rows = list(_secret_rows(raw, set(catalog.withheld_secret)))
    package = raw.package
    files = [f for f in catalog.files if f.package_id == package.id]
    documents = [d for d in catalog.documents if d.package_id == package.id]
    return HandoverRecord(
        package_id=package.id, folder=raw.display, title=package.title, agency=package.agency,
        fonds_code=package.fonds_code, fonds_name=package.fonds_name, description=package.description,
        is_bag=package.is_bag, handover_date=package.handover_date, handed_over_by=package.handed_over_by,
        received_by=package.received_by,
        date_span=_date_span([*(d.date for d in documents), *(f.start_date for f in files), *(f.end_date for f in files)]),
        files=_tier_counts(files, sum(1 for kind, _ in secret_rows if kind == "file")),
        documents=_tier_counts(documents, sum(1 for kind, _ in secret_rows if kind == "document")),
        pages=sum(facts.page_count or 0 for facts, _ in scans.values()),
        scans=tuple(_scan_entries(raw, scans, names)),
        secret_rows=tuple(Location(row.path, row.sheet, row.row).where() for _, row in secret_rows),
        problems=tuple(p for p in report.problems if p.path == raw.display or p.path.startswith(raw.display + "/")),
        made_on=made_on or datetime.date.today(),
    )


def _fresh_digests() -> DigestCache:
    """A digest cache that remembers nothing and is never saved: a record states what the files
    hold now, not what a build remembered, and no scan's name (a secret one's) is left in a cache."""
    with tempfile.TemporaryDirectory() as empty:
        return DigestCache(Path(empty))


def _read_scans(raw: RawPackage, access: ScanAccess, digests: DigestCache) -> dict[Path, tuple[PdfFacts, list[PdfIssue]]]:
    """Facts and issues of every PDF of the package, without OCR. A scan a secret row shows
    (or no row names) is checked and its pages counted (pikepdf), but its text is never read."""
    found = {}
    for path in raw.pdfs.values():
        sha256, size = digests.digest(path)
        read = check_pdf if access.tier_of(path) is Tier.SECRET else extract_pdf
        found[path] = read(path, sha256, size)
    return found


def _hold_back_stamped(catalog: Catalog, scans: dict[Path, tuple[PdfFacts, list[PdfIssue]]], report: Report) -> Catalog:
    """The catalog without the documents whose first page carries a secrecy stamp (text layers
    only: an image-only page's stamp is found by OCR, in ``catalog build``)."""
    for document in catalog.documents:
        if document.pdf_path in scans:
            document.pdf = scans[document.pdf_path][0]
    narrowed, _ = hold_back_stamped(catalog, report)
    return narrowed


def _secret_rows(raw: RawPackage, withheld: set[str]) -> Iterable[tuple[str, SheetRow]]:
    """("file" or "document", row) for each row of the package the catalog withheld as secret
    (it records them by where they are listed, as ``Location.where()`` writes it)."""
    for kind, sheet in raw.sheets.items():
        for row in sheet.rows:
            if Location(row.path, row.sheet, row.row).where() in withheld:
                yield kind, row


def _scan_entries(raw: RawPackage, scans, names: PayloadNames) -> list[ScanEntry]:
    named, withheld = [], []
    for rel, path in raw.pdfs.items():
        facts, _ = scans[path]
        fields = dict(pages=facts.page_count, size=facts.size, sha256=facts.sha256,
                      manifest=_manifest_state(raw.package, rel, facts.sha256))
        if names.may_name(rel):
            named.append(dict(name=rel, listed_at="", **fields))
        else:
            row = names.listed_at(rel)
            withheld.append(dict(name="", listed_at=row.where() if row else "", **fields))
    # Withheld scans come last, in the order of their rows: placed among the others by
    # file name, their place in the list would hint at their names.
    withheld.sort(key=lambda entry: (not entry["listed_at"], entry["listed_at"], entry["sha256"]))
    return [ScanEntry(number=number, **entry) for number, entry in enumerate([*named, *withheld], 1)]


def _manifest_state(package: Package, rel: str, sha256: str) -> str:
    if not package.manifest:
        return NO_MANIFEST
    expected = package.manifest.get(rel)
    if expected is None:
        return MANIFEST_UNLISTED
    return MANIFEST_MATCH if expected == sha256 else MANIFEST_MISMATCH


def _report_scan_issues(raw: RawPackage, scans, names: PayloadNames, report: Report) -> None:
    """Each scan's issues, at the scan itself; a scan that may not be named, at the sheet row
    that lists it, with its name taken out of the message (should qpdf's words quote it)."""
    for rel, path in raw.pdfs.items():
        _, issues = scans[path]
        for issue in issues:
            if names.may_name(rel):
                location, message = Location(f"{raw.display}/{rel}"), issue.message
            else:
                location = names.listed_at(rel) or Location(raw.display)
                message = issue.message.replace(str(path), _HIDDEN_NAME).replace(path.name, _HIDDEN_NAME)
            report.add(issue.code, message, location, severity=issue.severity)


def _tier_counts(items, secret: int) -> TierCounts:
    tiers = Counter(item.tier for item in items)
    return TierCounts(public=tiers[Tier.PUBLIC], restricted=tiers[Tier.RESTRICTED], secret=secret)


def _date_span(dates: Iterable[DateValue | None]) -> tuple[DateValue, DateValue] | None:
    known = [d for d in dates if d]
    if not known:
        return None
    return min(known, key=lambda d: d.start), max(known, key=lambda d: d.end)
