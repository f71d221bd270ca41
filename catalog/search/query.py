"""The ranked search over the whoosh index (``catalog search``).

Ranking (see :func:`search_results`) is a sum of weighted tiers computed from whoosh
matches, with whoosh's BM25F score (title boosted) only breaking ties within a
tier. That keeps the spec's orderings guaranteed rather than statistical. With
``OR``, each side is ranked so and a document's score is the sum over the sides it
matches. The browser engine (``site_templates/static/search-engine.js``) ranks the
same way, and counts exact and approximate hits the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import And, Or, Phrase, Query, Term
from whoosh.reading import TermNotFound

from catalog.language.query_syntax import QueryGroup, parse_query
from catalog.output_paths import SITE_MARKER, published_index
from catalog.search.index import (
    EXACT, FIRST_PAGE_SEGMENT, FOLDED, NUMBERS, ORDER, OWN_NUMBER, SEGMENT_STRIDE, TITLE, open_index,
)

# Tier weights (see search_results()). Each tier contributes weight × the share of its
# clauses a document matches; BM25 adds less than 1, so it only orders a tier.
OWN_NUMBER_WEIGHT = 16.0  # the document *is* the number asked for
EXACT_PHRASE_WEIGHT = 8.0  # syllables adjacent, in order, with the typed diacritics
ADJACENT_WEIGHT = 4.0  # syllables adjacent and in order (folded)
BIGRAM_WEIGHT = 2.0  # share of adjacent query syllable pairs found adjacent
EXACT_SYLLABLE_WEIGHT = 1.0  # share of accented query syllables matched exactly
RELEVANCE_WEIGHT = 0.99  # BM25, scaled to the best candidate


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
    exact: bool = True  # matches every accented query syllable with its diacritics (see SearchResult)


@dataclass(frozen=True)
class SearchResult:
    """Hits and the counts a researcher needs to judge them (:func:`search_results`).

    A matching document is *exact* when, for a side of ``OR`` it matches, it holds every
    syllable typed with diacritics by its exact key (tone placement free); otherwise
    *approximate* (found by the folded keys only). An unaccented query: all are exact.
    """

    hits: list[Hit]
    total: int  # every matching document, not only the hits returned
    exact: int
    approximate: int
    accented: bool  # the query has syllables typed with diacritics
    only_exclusions: bool  # the query only excludes (-word): it returns nothing rather than everything

    @property
    def no_exact(self) -> bool:
        """Typed with diacritics, matches found, none exact: say so above the folded matches."""
        return self.accented and self.total > 0 and self.exact == 0


class IndexMissing(Exception):
    """There is no index to search."""

    def __init__(self, index_dir: Path):
        super().__init__(
            f"Không có chỉ mục tìm kiếm ở {index_dir}; chạy `catalog build` để tạo. "
            f"/ No search index in {index_dir}. Run `catalog build` first to create it."
        )
        self.index_dir = index_dir


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


def query_sides(groups: Sequence[QueryGroup]) -> tuple[list[list[QueryGroup]], list[QueryGroup]]:
    """The sides of OR (each a list of required groups, in order) and the excluded groups."""
    sides: dict[int, list[QueryGroup]] = {}
    for group in groups:
        if not group.excluded:
            sides.setdefault(group.side, []).append(group)
    return list(sides.values()), [group for group in groups if group.excluded]


def _side_matches(searcher, sides, excluded) -> list[dict[int, float]]:
    """Per side, its matching documents -> BM25; documents matching an excluded group removed."""
    removed = set(searcher.docs_for_query(Or([_required_query([g]) for g in excluded]))) if excluded else set()
    return [
        {docnum: score for docnum, score in searcher.search(_required_query(groups), limit=None).items()
         if docnum not in removed}
        for groups in sides
    ]  # fmt: skip


def _rank(searcher, sides, matches) -> tuple[dict[int, float], CandidatePositions]:
    """Final score of every matching document (docnum -> score), and their positions.

    Each side scores as a whole query would (tiers + BM25 scaled to the side's best);
    a document's score is the sum over the sides it matches, in side order.
    """
    positions = CandidatePositions(searcher.reader(), set().union(*matches))
    scores: dict[int, float] = {}
    for groups, relevance in zip(sides, matches):
        if not relevance:
            continue
        best = max(relevance.values()) or 1.0
        side = {docnum: RELEVANCE_WEIGHT * score / best for docnum, score in relevance.items()}
        for weight, clauses in _tiers(groups):
            for clause in clauses:
                for docnum in _clause_docs(searcher, positions, clause) & side.keys():
                    side[docnum] += weight / len(clauses)
        for docnum, score in side.items():
            scores[docnum] = scores.get(docnum, 0.0) + score
    return scores, positions


def _exact_docs(searcher, sides, matches) -> set[int]:
    """Matching documents holding every accented syllable of a side they match by its exact key."""
    exact: set[int] = set()
    for groups, relevance in zip(sides, matches):
        keys = list(dict.fromkeys(s.exact for group in groups for s in group.syllables if s.marked))
        found = set(searcher.docs_for_query(And([Term(EXACT, key) for key in keys]))) if keys else relevance.keys()
        exact |= relevance.keys() & found
    return exact


def _side_pages(positions: CandidatePositions, groups: Sequence[QueryGroup], docnum: int) -> set[int]:
    """1-based pages on which every syllable of one side occurs (best effort: ignores order)."""
    keys = dict.fromkeys(s.folded for group in groups for s in group.syllables)
    segments: set[int] | None = None
    for key in keys:
        found = {position // SEGMENT_STRIDE for position in positions.of(FOLDED, key).get(docnum, ())}
        segments = found if segments is None else segments & found
    return {s - FIRST_PAGE_SEGMENT + 1 for s in segments or () if s >= FIRST_PAGE_SEGMENT}


def _matching_pages(positions: CandidatePositions, sides, matches, docnum: int) -> tuple[int, ...]:
    """The pages of every side of OR the document matches."""
    pages = (_side_pages(positions, groups, docnum) for groups, found in zip(sides, matches) if docnum in found)
    return tuple(sorted(set().union(*pages)))


def search(index_dir: Path, query: str, limit: int = 20) -> list[Hit]:
    """Ranked hits for a query: :func:`search_results` without the counts."""
    return search_results(index_dir, query, limit).hits


def search_results(index_dir: Path, query: str, limit: int = 20) -> SearchResult:
    """Ranked hits for a query (syntax: :func:`catalog.language.query_syntax.parse_query`), and counts.

    ``index_dir`` is an index folder, or a built site: then the index generation its
    marker names (:func:`catalog.output_paths.published_index`), which always matches
    the pages of that site.

    A document must match one side of ``OR``: every syllable (exact or folded key),
    quoted phrases in order, document numbers by key or by their adjacent parts; and
    no excluded group. Then documents rank by tiers: their own number, the syllables
    adjacent with the typed diacritics, adjacent at all, adjacent pairs, syllables with
    the typed diacritics; BM25F (title boosted) orders documents within a tier.
    """
    index_dir = Path(index_dir)
    if (index_dir / SITE_MARKER).is_file():
        index_dir = published_index(index_dir)  # a site: the index generation it was published with
    if not whoosh_index.exists_in(str(index_dir)):
        raise IndexMissing(index_dir)
    sides, excluded = query_sides(parse_query(query))
    accented = any(s.marked for groups in sides for group in groups for s in group.syllables)
    nothing = SearchResult([], 0, 0, 0, accented, only_exclusions=bool(excluded) and not sides)
    with open_index(index_dir).searcher() as searcher:
        if not sides or searcher.doc_count_all() == 0:
            return nothing  # whoosh's idf is undefined for an empty index
        matches = _side_matches(searcher, sides, excluded)
        scores, positions = _rank(searcher, sides, matches)
        exact = _exact_docs(searcher, sides, matches)
        order = _order_of(searcher)
        best = sorted(scores, key=lambda docnum: (-scores[docnum], order(docnum)))[: max(limit, 0)]
        hits = [
            _hit(searcher.stored_fields(docnum), scores[docnum], _matching_pages(positions, sides, matches, docnum),
                 docnum in exact)
            for docnum in best
        ]  # fmt: skip
    return SearchResult(hits, len(scores), len(exact), len(scores) - len(exact), accented, False)


def _order_of(searcher):
    """A document's place in doc-number order (``index.order_key``), for ties; its number in an older index."""
    reader = searcher.reader()
    if not reader.has_column(ORDER):
        return lambda docnum: str(docnum).zfill(12)
    column = reader.column_reader(ORDER)
    return lambda docnum: column[docnum]


def _hit(stored: dict, score: float, pages: tuple[int, ...], exact: bool) -> Hit:
    """A Hit from a document's stored fields (empty fields were not stored)."""
    display = {name: stored.get(name, "") for name in ("title", "number", "date_text", "url")}
    return Hit(doc_id=stored["doc_id"], score=round(score, 6), pages=pages, exact=exact, **display)
