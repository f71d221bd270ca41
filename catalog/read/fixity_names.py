"""Which files of a package a fixity problem, the digest cache or the history may name.

A scan's file name may carry the identifier of a secret document, and secret items are
named nowhere, not even in ``build/``. So a file is named only when a record that is
published somewhere names it: a sheet of the package, a BagIt tag file (names RFC 8493
fixes), the scan of a non-secret document whose scan no secret row shows
(``catalog.scans``, after the secrecy stamps were read), or, for a file that is gone,
the conventional name a non-secret document without its scan expects (its
``pdf-missing`` problem already names it). Any other file is placed by the sheet row
that lists it, which the report already names for secret rows ("secret_rows"), or only
counted.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from catalog.access.scans import ScanAccess
from catalog.access.tiers import Tier
from catalog.model import Catalog, Document, Location
from catalog.read.bag_check import TAG_FILE
from catalog.read.packages import RawPackage
from catalog.read.pdf_paths import conventional_names, file_column, scans_of_row
from catalog.read.values import ValueProblem, parse_count


def payload_names(raw_packages: list[RawPackage], catalog: Catalog) -> dict[str, PayloadNames]:
    """The naming rule of each package (by its folder), from the catalog of every tier but secret.

    Call it once the secrecy stamps were read: ``catalog.scans`` then knows every scan a
    secret document shows.
    """
    documents: dict[str, list[Document]] = {}
    for document in catalog.documents:
        documents.setdefault(document.package_id, []).append(document)
    return {raw.display: PayloadNames(raw, documents.get(raw.package.id, []), catalog.scans) for raw in raw_packages}


class PayloadNames:
    """The naming rule above, for one package."""

    def __init__(self, raw: RawPackage, documents: list[Document], scans: ScanAccess):
        self.raw = raw
        self._sheets = {sheet.path.removeprefix(raw.display + "/") for sheet in raw.sheets.values()}
        self._published = {d.pdf_rel for d in documents if d.pdf_rel and scans.tier_of(d.pdf_path) is not Tier.SECRET}
        self._expected = {name for d in documents if not d.pdf_rel and d.file_code
                          for name in conventional_names(d.file_code, d.ordinal)}
        self._rows: dict[str, Location] | None = None

    def may_name(self, rel: str) -> bool:
        """Whether a problem or the history may give the path ``rel`` of this package."""
        if rel in self._sheets or rel in self._published:
            return True
        if self.raw.package.is_bag and "/" not in rel and TAG_FILE.fullmatch(rel):
            return True
        gone = not (self.raw.package.root / rel).exists()
        return gone and PurePosixPath(rel).name.lower() in self._expected

    def listed_at(self, rel: str) -> Location | None:
        """The first sheet row naming the scan ``rel`` (its file column), for a file not named."""
        if self._rows is None:
            self._rows = self._rows_naming_scans()
        return self._rows.get(rel)

    def _rows_naming_scans(self) -> dict[str, Location]:
        # The rows of this package as access.scans reads them: own path, convention, whole file.
        rel_of: dict[Path, str] = {path: rel for rel, path in self.raw.pdfs.items()}
        found: dict[str, Location] = {}
        for kind in ("document", "file"):
            sheet = self.raw.sheets.get(kind)
            for row in sheet.rows if sheet else ():
                ordinal = _ordinal(row.get("ordinal")) if kind == "document" else None
                for path in scans_of_row(row, self.raw, row.text("file_code"), ordinal):
                    found.setdefault(rel_of[path], Location(row.path, row.sheet, row.row, file_column(row)))
        return found


def _ordinal(value: object) -> int | None:
    try:
        return parse_count(value)
    except ValueProblem:
        return None
