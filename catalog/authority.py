"""Authority forms: one spelling for each name that the sheets write several ways.

"Uỷ ban nhân dân tỉnh Sơn Hà" (the old tone placement) and "Ủy ban nhân dân tỉnh Sơn Hà"
are one issuer. Grouped by the analyzer's placement-free key of each word (case and
spacing aside, diacritics kept: "Thủy" and "Thùy" stay two names), the spellings of a
name become one entry of the browse pages and of the search page's filters, shown in the
spelling most documents use. A document's own page keeps its own row's spelling.

Computed from the documents of the catalog at hand (an edition, a sealed layer), so a
document an edition leaves out never decides a spelling it shows; and reported, so that
the archivist can make the sheets agree with themselves.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from catalog.language.collation import sort_key, sorted_vi
from catalog.language.vietnamese import tone_key
from catalog.model import Catalog, Location
from catalog.report import WARNING, Report

DIMENSIONS = {
    # key: (Vietnamese, English) name of the field in the report
    "issuer": ("Cơ quan ban hành", "Issuing body"),
    "doc_type": ("Tên loại văn bản", "Document type"),
    "signer": ("Người ký", "Signer"),
    "fonds_name": ("Tên phông", "Fonds name"),
}


@dataclass(frozen=True)
class Authority:
    form: str  # the spelling shown for all of them
    spellings: tuple[tuple[str, int], ...]  # (spelling, documents): the form first, then the most used
    minority_at: Location | None = None  # the first row written otherwise than the form
    minority_doc: str | None = None  # and its document, if it is a document's row

    @property
    def variants(self) -> tuple[str, ...]:
        """The spellings other than the form, the most used first."""
        return tuple(spelling for spelling, _ in self.spellings[1:])


Authorities = dict[str, dict[str, Authority]]  # dimension → each spelling → its name's authority


@lru_cache(maxsize=1 << 16)  # a catalog names few bodies, types and signers, thousands of times each
def name_key(text: str) -> str:
    """One key for the spellings of a name: tone placement, case and spacing do not count."""
    return " ".join(tone_key(word) for word in text.split())


def _occurrences(catalog: Catalog) -> Iterator[tuple[str, str, Location, str | None]]:
    """(dimension, spelling, where it is written, document) for each document and dimension."""
    for fonds in catalog.fonds:
        for archival_file in fonds.files:
            # A file row may name its fonds; else the fonds' name (from its package) stands for it.
            fonds_name = archival_file.fonds_name or fonds.name
            for document in archival_file.documents:
                yield "issuer", document.issuer, document.location, document.doc_id
                yield "doc_type", document.doc_type, document.location, document.doc_id
                yield "signer", document.signer, document.location, document.doc_id
                yield "fonds_name", fonds_name, archival_file.location, None


def authorities(catalog: Catalog) -> Authorities:
    """For each dimension, every spelling in ``catalog`` → the authority of its name."""
    found: dict[str, dict[str, list]] = {dimension: defaultdict(list) for dimension in DIMENSIONS}
    for dimension, spelling, location, doc_id in _occurrences(catalog):
        if spelling:
            found[dimension][name_key(spelling)].append((spelling, location, doc_id))
    forms: Authorities = {}
    for dimension, groups in found.items():
        forms[dimension] = {}
        for occurrences in groups.values():
            authority = _authority(occurrences)
            forms[dimension].update((spelling, authority) for spelling, _ in authority.spellings)
    return forms


def _authority(occurrences: list[tuple[str, Location, str | None]]) -> Authority:
    counts = Counter(spelling for spelling, _, _ in occurrences)
    # The spelling most documents use; between equals, the first in Vietnamese order.
    spellings = sorted(counts.items(), key=lambda item: (-item[1], sort_key(item[0]), item[0]))
    form = spellings[0][0]
    minority = next(((location, doc_id) for spelling, location, doc_id in occurrences if spelling != form),
                    (None, None))
    return Authority(form, tuple(spellings), *minority)


def form_of(forms: Authorities, dimension: str, spelling: str) -> str:
    """The authority form of ``spelling``; a spelling not seen (or "") is its own."""
    authority = forms.get(dimension, {}).get(spelling)
    return authority.form if authority else spelling


def variants_of(forms: Authorities, dimension: str, spelling: str) -> tuple[str, ...]:
    authority = forms.get(dimension, {}).get(spelling)
    return authority.variants if authority else ()


def report_spellings(forms: Authorities, report: Report) -> None:
    """A warning for each name written more than one way, at the first row of another spelling."""
    for dimension, field_names in DIMENSIONS.items():
        grouped = {a.form: a for a in forms.get(dimension, {}).values() if len(a.spellings) > 1}
        for form in sorted_vi(grouped):
            authority = grouped[form]
            report.add("spelling-variants", _message(field_names, authority), authority.minority_at,
                       doc_id=authority.minority_doc, severity=WARNING)


def _message(field_names: tuple[str, str], authority: Authority) -> str:
    (field_vi, field_en), form, count = field_names, authority.form, len(authority.spellings)
    listed_vi = ", ".join(f'"{s}" ({n} văn bản)' for s, n in authority.spellings)
    listed_en = ", ".join(f'"{s}" ({n} document{"s" if n > 1 else ""})' for s, n in authority.spellings)
    return (f'{field_vi} "{form}" được viết theo {count} cách: {listed_vi}; danh mục gộp làm một, '
            f'hiển thị "{form}". Thống nhất cách viết trong bảng kê. / {field_en} "{form}" is written '
            f'{count} ways: {listed_en}; the catalog lists them as one, as "{form}". Make the spelling '
            f"the same in the sheets.")
