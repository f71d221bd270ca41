"""The query language: what a researcher types, parsed into groups the engines match.

Syllables carry both analyzer keys (catalog.language.vietnamese); quoted phrases,
document numbers, ``OR`` between sides and ``-`` exclusions are found here, by the same
rules as the browser engine's parser (``site_templates/static/search.js``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.language.vietnamese import (
    NO_BREAK_SPACES,
    exact_key,
    find_document_numbers,
    folded_key,
    has_diacritics,
    nfc,
    number_keys,
    tokenize,
)

@dataclass(frozen=True)
class QuerySyllable:
    """One query token with both of its keys."""

    text: str
    exact: str
    folded: str
    marked: bool  # typed with diacritics: exact matches must rank higher


@dataclass(frozen=True)
class QueryGroup:
    """A unit of the query.

    ``words``: unquoted syllables, each required, adjacency ranks higher;
    ``phrase``: a quoted phrase, required in order (so is an excluded piece such as ``-kế``);
    ``number``: a document number, matched by key or by its adjacent parts.

    ``side``: the groups of one side of ``OR`` share it (0, 1, ...); a document must
    match every group of one side. ``excluded`` (``-word``, ``-"phrase"``, ``-64-CV/TW``):
    documents matching the group are removed, whichever side it was typed on, since a
    researcher who excludes a word means it for the whole query.
    """

    kind: str
    syllables: tuple[QuerySyllable, ...]
    number_keys: tuple[str, ...] = ()
    side: int = 0
    excluded: bool = False


# Straight or typographic double quotes delimit a phrase; a lone quote is ignored.
QUOTED_PATTERN = re.compile(r'["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)["\u201c\u201d\u201e]')


def _query_syllables(text: str) -> tuple[QuerySyllable, ...]:
    return tuple(
        QuerySyllable(token.text, exact_key(token.text), folded_key(token.text), has_diacritics(token.text))
        for token in tokenize(text)
    )


# Operators, outside quotes: a standalone upper-case OR (lower-case "or" stays a word),
# and "-" opening a piece (at the start or after a space: "2020-2025" is no exclusion).
# Spaces are listed, not \s, which differs between Python and JavaScript (U+FEFF, U+001C).
_NOT_SPACE = "[^ \t\n\r\f\v" + NO_BREAK_SPACES + "]"
OR_OPERATOR = re.compile(f"(?<!{_NOT_SPACE})OR(?!{_NOT_SPACE})")
EXCLUSION_MARK = re.compile(f"(?<!{_NOT_SPACE})-(?={_NOT_SPACE})")
MARK_BEFORE_QUOTE = re.compile(f"(?<!{_NOT_SPACE})-\\Z")
PIECE = re.compile(f"{_NOT_SPACE}+")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans replaced by spaces: offsets stay valid."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _exclusion_marks(text: str) -> list[int]:
    """Offsets of the "-" that exclude; not a dash inside a number (``367 -QĐ/TU``)."""
    numbers = [(number.start, number.end) for number in find_document_numbers(text)]
    marks = (mark.start() for mark in EXCLUSION_MARK.finditer(text))
    return [mark for mark in marks if not any(start <= mark < end for start, end in numbers)]


def _unquoted_groups(text: str, side: int) -> list[QueryGroup]:
    """Document numbers become number groups; the words between them, word groups.

    An excluded piece (``-kế``, ``-G09.2010``) is an excluded phrase of its syllables,
    cut out of the words around it; an excluded number is an excluded number group.
    """
    marks = _exclusion_marks(text)
    text = _blank(text, [(mark, mark + 1) for mark in marks])
    starts = {number.start for number in find_document_numbers(text)}
    pieces = [PIECE.match(text, mark + 1).span() for mark in marks if mark + 1 not in starts]
    excluded = [QueryGroup("phrase", _query_syllables(text[a:b]), (), side, True) for a, b in pieces]
    text = _blank(text, pieces)
    groups = []
    cursor = 0
    for number in find_document_numbers(text):
        groups.append(QueryGroup("words", _query_syllables(text[cursor : number.start]), (), side))
        keys = number_keys(number.text)
        groups.append(QueryGroup("number", _query_syllables(number.text), keys, side, number.start - 1 in marks))
        cursor = number.end
    groups.append(QueryGroup("words", _query_syllables(text[cursor:]), (), side))
    return [group for group in groups + excluded if group.syllables]


def _side_groups(text: str, side: int) -> list[QueryGroup]:
    """The groups of one side of OR: quoted phrases (``-"…"`` excludes one), numbers, words."""
    groups: list[QueryGroup] = []
    cursor = 0
    for quoted in QUOTED_PATTERN.finditer(text):
        before = text[cursor : quoted.start()]
        groups.extend(_unquoted_groups(before, side))
        phrase = _query_syllables(quoted.group(1))
        if phrase:
            groups.append(QueryGroup("phrase", phrase, (), side, bool(MARK_BEFORE_QUOTE.search(before))))
        cursor = quoted.end()
    groups.extend(_unquoted_groups(text[cursor:], side))
    return groups


def parse_query(query: str) -> list[QueryGroup]:
    """Split a search query into groups: quoted phrases, document numbers, plain words.

    ``OR`` (upper case, outside quotes) splits the query into sides, numbered from 0
    without gaps (a side of exclusions only is no side); ``-`` marks excluded groups.
    """
    text = nfc(query)
    quoted = [(match.start(), match.end()) for match in QUOTED_PATTERN.finditer(text)]
    cuts = [op.span() for op in OR_OPERATOR.finditer(text) if not any(a <= op.start() < b for a, b in quoted)]
    groups: list[QueryGroup] = []
    cursor = 0
    for start, end in [*cuts, (len(text), len(text))]:
        side = len({group.side for group in groups if not group.excluded})
        groups.extend(_side_groups(text[cursor:start], side))
        cursor = end
    return groups


