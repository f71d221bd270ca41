"""The full-text index: a whoosh schema and writer, and the ranked search over it.

Every rule about Vietnamese text comes from :mod:`catalog.vietnamese`; this
module only wires those rules into whoosh and decides how to rank.

Each document's text is indexed twice, with positions: once by ``exact_key``
(diacritics kept, tone placement ignored) and once by ``folded_key`` (no
diacritics). The text is a sequence of *segments* (title, number, each metadata
value, then one segment per PDF page); segment ``i`` starts at token position
``i * SEGMENT_STRIDE``, so phrases never run from one segment into the next and
the page of a matched position is ``position // SEGMENT_STRIDE``.

Ranking (see :func:`search`) is a sum of weighted tiers computed from whoosh
matches, with whoosh's BM25F score (title boosted) only breaking ties within a
tier. That keeps the spec's orderings guaranteed rather than statistical.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import Filter, Token, Tokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.query import And, Or, Phrase, Query, Term
from whoosh.reading import TermNotFound

from catalog import atomic
from catalog.output_paths import SITE_MARKER, published_index
from catalog.vietnamese import (
    TOKEN_PATTERN,
    QueryGroup,
    exact_key,
    find_document_numbers,
    folded_key,
    nfc,
    number_keys,
    parse_query,
)

# Field names.
EXACT, FOLDED, TITLE, NUMBERS, OWN_NUMBER = "exact", "folded", "title", "numbers", "own_number"

# Token positions reserved per segment. A page with more tokens than this is
# not text but garbage; its excess tokens are not indexed.
SEGMENT_STRIDE = 1 << 20
# Metadata segments, in order, before the pages (see record_segments).
METADATA_SEGMENTS = (
    "title", "number", "doc_type", "issuer", "fonds_code",
    "fonds_name", "file_code", "date_text", "metadata_text",
)  # fmt: skip
FIRST_PAGE_SEGMENT = len(METADATA_SEGMENTS)
TITLE_BOOST = 2.0
WRITER_LIMIT_MB = 128

# Tier weights (see search()). Each tier contributes weight × the share of its
# clauses a document matches; BM25 adds less than 1, so it only orders a tier.
OWN_NUMBER_WEIGHT = 16.0  # the document *is* the number asked for
EXACT_PHRASE_WEIGHT = 8.0  # syllables adjacent, in order, with the typed diacritics
ADJACENT_WEIGHT = 4.0  # syllables adjacent and in order (folded)
BIGRAM_WEIGHT = 2.0  # share of adjacent query syllable pairs found adjacent
EXACT_SYLLABLE_WEIGHT = 1.0  # share of accented query syllables matched exactly
RELEVANCE_WEIGHT = 0.99  # BM25, scaled to the best candidate


@dataclass(frozen=True)
class IndexRecord:
    """What the build stage hands over for one document."""

    doc_id: str
    title: str  # the document's summary (trích yếu)
    number: str  # "64-CV/TW" or ""
    date_text: str  # as displayed, "10/04/2025" or ""
    date_sort: str  # ISO "2025-04-10" or ""
    year: int | None
    doc_type: str
    issuer: str
    fonds_code: str
    fonds_name: str
    file_code: str
    url: str  # site-relative URL of the document page, e.g. "tai-lieu/X.html"
    metadata_text: str  # other searchable metadata joined (signer, keywords, notes, file title…)
    pages: tuple[str, ...]  # text of each PDF page, page 1 first (may be empty)
    pdf_url: str = ""  # site-relative URL of the published scan ("pdf/x.pdf"), "" if none


@dataclass(frozen=True)
class Hit:
    """One search result."""

    doc_id: str
    title: str
    number: str
    date_text: str
    url: str
    score: float
    pages: tuple[int, ...]  # 1-based pages whose text matches the query (best effort)


class IndexMissing(Exception):
    """There is no index to search."""

    def __init__(self, index_dir: Path):
        super().__init__(
            f"Không có chỉ mục tìm kiếm ở {index_dir}; chạy `catalog build` để tạo. "
            f"/ No search index in {index_dir}. Run `catalog build` first to create it."
        )
        self.index_dir = index_dir


# --- analysis --------------------------------------------------------------


class SegmentedText(str):
    """Text made of segments, for the tokenizer to number apart.

    A ``str`` because whoosh only accepts strings (a tuple would be taken as
    already-tokenized words); the value itself is the segments joined.
    """

    segments: tuple[str, ...]

    def __new__(cls, segments: Sequence[str]) -> SegmentedText:
        text = super().__new__(cls, "\n".join(segments))
        text.segments = tuple(segments)
        return text


class VietnameseTokenizer(Tokenizer):
    """whoosh tokenizer using :data:`catalog.vietnamese.TOKEN_PATTERN` on NFC text.

    For a :class:`SegmentedText`, segment ``i`` starts at position
    ``i * SEGMENT_STRIDE`` (see the module docstring).
    """

    def __call__(
        self, value, positions=False, chars=False, keeporiginal=False,
        removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs,
    ):  # fmt: skip
        segments = value.segments if isinstance(value, SegmentedText) else (value,)
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for segment_number, segment in enumerate(segments):
            first_position = start_pos + segment_number * SEGMENT_STRIDE
            for offset, match in enumerate(TOKEN_PATTERN.finditer(nfc(segment))):
                if offset >= SEGMENT_STRIDE:
                    break
                token.text = match.group()
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = token.text
                if positions:
                    token.pos = first_position + offset
                if chars:  # offsets within the NFC segment
                    token.startchar = start_char + match.start()
                    token.endchar = start_char + match.end()
                yield token


# The key functions a KeyFilter may apply, by name (the name is what whoosh pickles).
KEY_FUNCTIONS = {EXACT: exact_key, FOLDED: folded_key}


class KeyFilter(Filter):
    """Replace each token by its exact or folded key (``Hoà`` -> ``hoa2`` / ``hoa``)."""

    def __init__(self, key_name: str):
        self.key_name = key_name

    def __call__(self, tokens):
        key = KEY_FUNCTIONS[self.key_name]
        for token in tokens:
            token.text = key(token.text)
            yield token


def build_schema() -> Schema:
    """Two positional text fields, a boosted title field, number keys, display fields."""
    folded_analyzer = VietnameseTokenizer() | KeyFilter(FOLDED)
    return Schema(
        doc_id=ID(stored=True, unique=True),
        exact=TEXT(analyzer=VietnameseTokenizer() | KeyFilter(EXACT), phrase=True),
        folded=TEXT(analyzer=folded_analyzer, phrase=True),
        title=TEXT(analyzer=folded_analyzer, phrase=False, stored=True, field_boost=TITLE_BOOST),
        numbers=KEYWORD(lowercase=False, commas=False, scorable=True),  # every number key
        own_number=KEYWORD(lowercase=False, commas=False),  # keys of the number column
        year=NUMERIC(int, stored=True),
        **{name: ID(stored=True) for name in ("date_sort", "doc_type", "fonds_code", "file_code")},
        **{name: STORED() for name in ("number", "date_text", "issuer", "fonds_name", "url", "page_count")},
    )


# --- writing ---------------------------------------------------------------


# record_segments and record_number_keys are shared with the browser export
# (browser_postings.py), so both indexes see the very same text and numbers.
def record_segments(record: IndexRecord) -> SegmentedText:
    """The record's searchable text as segments: metadata first, then one per page."""
    metadata = tuple(getattr(record, name) or "" for name in METADATA_SEGMENTS)
    return SegmentedText(metadata + tuple(record.pages))


def record_number_keys(record: IndexRecord) -> tuple[list[str], list[str]]:
    """Keys of the record's own number (recognized form or not), and of every number it mentions."""
    raws = [found.text for found in find_document_numbers(record.number)] or [record.number]
    own = [key for raw in raws for key in number_keys(raw)]
    texts = (record.title, record.metadata_text, *record.pages)
    cited = [key for text in texts for found in find_document_numbers(text) for key in number_keys(found.text)]
    return own, list(dict.fromkeys(own + cited))


def _document_fields(record: IndexRecord) -> dict:
    """whoosh field values for one record; empty values are left out."""
    segments = record_segments(record)
    own, every_number = record_number_keys(record)
    values = {
        "doc_id": record.doc_id, "exact": segments, "folded": segments,
        "title": record.title, "numbers": " ".join(every_number), "own_number": " ".join(own),
        "number": record.number, "date_text": record.date_text, "date_sort": record.date_sort,
        "year": record.year, "doc_type": record.doc_type, "issuer": record.issuer,
        "fonds_code": record.fonds_code, "fonds_name": record.fonds_name,
        "file_code": record.file_code, "url": record.url, "page_count": len(record.pages),
    }  # fmt: skip
    return {name: value for name, value in values.items() if value not in ("", None)}


def write_index(index_dir: Path, records: Iterable[IndexRecord]) -> int:
    """Build a fresh index from the records and return how many documents it holds.

    The index is written into a temporary folder beside ``index_dir`` and only
    then swapped in, so a failed build never leaves a half-written index.
    Raises ``ValueError`` on a duplicate ``doc_id``, and ``FileExistsError``
    rather than replace a non-empty folder that is not a search index.
    """
    index_dir = Path(index_dir)
    if index_dir.exists() and any(index_dir.iterdir()) and not whoosh_index.exists_in(str(index_dir)):
        raise FileExistsError(
            f"{index_dir} đã có và không phải chỉ mục tìm kiếm; không thay. "
            f"/ {index_dir} exists and is not a search index; not replacing it"
        )
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.new-", dir=index_dir.parent))
    try:
        count = _fill_index(staging, records)
        _swap_in(staging, index_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


def _fill_index(folder: Path, records: Iterable[IndexRecord]) -> int:
    """Write all records with one writer; cancel it on any error."""
    writer = whoosh_index.create_in(str(folder), build_schema()).writer(limitmb=WRITER_LIMIT_MB)
    seen: set[str] = set()
    try:
        for record in records:
            if record.doc_id in seen:
                raise ValueError(f"duplicate document id {record.doc_id!r} in the search index")
            seen.add(record.doc_id)
            writer.add_document(**_document_fields(record))
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return len(seen)


def _swap_in(staging: Path, index_dir: Path) -> None:
    """Put staging at index_dir in one step where the system can; else restore the old index on failure."""
    retired = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.old-", dir=index_dir.parent))
    retired.rmdir()  # mkdtemp only provides a unique name here
    previous = atomic.swap_in(staging, index_dir, retired)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)


# --- searching -------------------------------------------------------------


def _required_query(groups: Sequence[QueryGroup]) -> Query:
    """What a document must match: every syllable; each quoted phrase in order; each number.

    A syllable matches by its folded key, since an exact match always folds to
    it too. Its title term matches nothing more (the title is part of the
    folded text); it is there to add the title boost to the BM25 score.
    """
    clauses: list[Query] = []
    for group in groups:
        folded = [syllable.folded for syllable in group.syllables]
        if group.kind == "number":
            by_key = [Term(NUMBERS, key) for key in group.number_keys]
            clauses.append(Or([*by_key, Phrase(FOLDED, folded)]))
            continue
        clauses.extend(Or([Term(FOLDED, key), Term(TITLE, key)]) for key in folded)
        if group.kind == "phrase" and len(folded) > 1:
            clauses.append(Phrase(FOLDED, folded))
    return And(clauses)


@dataclass(frozen=True)
class RankClause:
    """A ranking condition: any of ``keys`` in ``field``, or ``keys`` adjacent in that order."""

    field: str
    keys: tuple[str, ...]
    adjacent: bool = False


def _tiers(groups: Sequence[QueryGroup]) -> list[tuple[float, list[RankClause]]]:
    """Ranking tiers: (weight, clauses); a document earns weight × share of clauses matched."""
    own_number, exact_phrase, adjacent, bigrams, exact_syllables = [], [], [], [], []
    for group in groups:
        exact = tuple(s.exact for s in group.syllables)
        folded = tuple(s.folded for s in group.syllables)
        if group.kind == "number":
            own_number.append(RankClause(OWN_NUMBER, group.number_keys))
        elif len(exact) > 1 and all(s.marked for s in group.syllables):
            exact_phrase.append(RankClause(EXACT, exact, adjacent=True))
        if group.kind == "words" and len(folded) > 1:
            adjacent.append(RankClause(FOLDED, folded, adjacent=True))
        if group.kind == "words" and len(folded) > 2:
            bigrams.extend(RankClause(FOLDED, pair, adjacent=True) for pair in zip(folded, folded[1:]))
        exact_syllables.extend(RankClause(EXACT, (s.exact,)) for s in group.syllables if s.marked)
    return [
        (OWN_NUMBER_WEIGHT, own_number),
        (EXACT_PHRASE_WEIGHT, exact_phrase),
        (ADJACENT_WEIGHT, adjacent),
        (BIGRAM_WEIGHT, bigrams),
        (EXACT_SYLLABLE_WEIGHT, exact_syllables),
    ]


class CandidatePositions:
    """Token positions of query keys in the candidate documents, each key read once.

    Checking adjacency on these sets is much faster than whoosh's span-based
    phrase matcher, and the page hits reuse them.
    """

    def __init__(self, reader, docnums: Iterable[int]):
        self.reader = reader
        self.docnums = sorted(docnums)
        self.cache: dict[tuple[str, str], dict[int, set[int]]] = {}

    def of(self, field: str, key: str) -> dict[int, set[int]]:
        """docnum -> positions of the key, for candidates that contain it."""
        if (field, key) not in self.cache:
            self.cache[(field, key)] = self._read(field, key)
        return self.cache[(field, key)]

    def _read(self, field: str, key: str) -> dict[int, set[int]]:
        try:
            matcher = self.reader.postings(field, key)
        except TermNotFound:
            return {}
        found = {}
        for docnum in self.docnums:  # ascending: a matcher only moves forward
            matcher.skip_to(docnum)
            if not matcher.is_active():
                break
            if matcher.id() == docnum:
                found[docnum] = set(matcher.value_as("positions"))
        return found

    def adjacent(self, field: str, keys: Sequence[str]) -> set[int]:
        """Candidates where the keys stand at consecutive positions, in order."""
        per_key = [self.of(field, key) for key in keys]
        found = set()
        for docnum in set(per_key[0]).intersection(*per_key[1:]):
            starts = per_key[0][docnum]
            for offset, later in enumerate(per_key[1:], 1):
                # phrase starts are the positions of key i shifted back by i
                starts = starts.intersection(map((-offset).__add__, later[docnum]))
                if not starts:
                    break
            else:
                found.add(docnum)
        return found


def _clause_docs(searcher, positions: CandidatePositions, clause: RankClause) -> set[int]:
    if clause.adjacent:
        return positions.adjacent(clause.field, clause.keys)
    return set(searcher.docs_for_query(Or([Term(clause.field, key) for key in clause.keys])))


def _rank(searcher, groups: Sequence[QueryGroup]) -> tuple[dict[int, float], CandidatePositions]:
    """Final score of every matching document (docnum -> score), and their positions."""
    relevance = dict(searcher.search(_required_query(groups), limit=None).items())
    positions = CandidatePositions(searcher.reader(), relevance)
    if not relevance:
        return {}, positions
    best = max(relevance.values()) or 1.0
    scores = {docnum: RELEVANCE_WEIGHT * score / best for docnum, score in relevance.items()}
    for weight, clauses in _tiers(groups):
        for clause in clauses:
            for docnum in _clause_docs(searcher, positions, clause) & scores.keys():
                scores[docnum] += weight / len(clauses)
    return scores, positions


def _matching_pages(positions: CandidatePositions, groups: Sequence[QueryGroup], docnum: int) -> tuple[int, ...]:
    """1-based pages on which every syllable of the query occurs (best effort: ignores order)."""
    keys = dict.fromkeys(s.folded for group in groups for s in group.syllables)
    segments: set[int] | None = None
    for key in keys:
        found = {position // SEGMENT_STRIDE for position in positions.of(FOLDED, key).get(docnum, ())}
        segments = found if segments is None else segments & found
    return tuple(sorted(s - FIRST_PAGE_SEGMENT + 1 for s in segments or () if s >= FIRST_PAGE_SEGMENT))


def search(index_dir: Path, query: str, limit: int = 20) -> list[Hit]:
    """Ranked hits for a query (syntax: :func:`catalog.vietnamese.parse_query`).

    ``index_dir`` is an index folder, or a built site: then the index generation its
    marker names (:func:`catalog.output_paths.published_index`), which always matches
    the pages of that site.

    Every syllable must match (exact or folded key); quoted phrases must match
    in order; document numbers match by key or by their adjacent parts. Then
    documents rank by tiers: their own number, the syllables adjacent with the
    typed diacritics, adjacent at all, adjacent pairs, syllables with the typed
    diacritics; BM25F (title boosted) orders documents within a tier.
    """
    index_dir = Path(index_dir)
    if (index_dir / SITE_MARKER).is_file():
        index_dir = published_index(index_dir)  # a site: the index generation it was published with
    if not whoosh_index.exists_in(str(index_dir)):
        raise IndexMissing(index_dir)
    groups = parse_query(query)
    if not groups or limit <= 0:
        return []
    with whoosh_index.open_dir(str(index_dir)).searcher() as searcher:
        if searcher.doc_count_all() == 0:
            return []  # whoosh's idf is undefined for an empty index
        scores, positions = _rank(searcher, groups)
        best = sorted(scores, key=lambda docnum: (-scores[docnum], docnum))[:limit]
        return [
            _hit(searcher.stored_fields(docnum), scores[docnum], _matching_pages(positions, groups, docnum))
            for docnum in best
        ]


def _hit(stored: dict, score: float, pages: tuple[int, ...]) -> Hit:
    """A Hit from a document's stored fields (empty fields were not stored)."""
    display = {name: stored.get(name, "") for name in ("title", "number", "date_text", "url")}
    return Hit(doc_id=stored["doc_id"], score=round(score, 6), pages=pages, **display)
