"""The search index for the browser: sharded ``.js`` files written into the site.

The browser cannot fetch files from file:// (a USB stick), so every file is a
script that hands its data to ``catalogSearchLoad(kind, id, data)``, defined by
``static/search.js``, which mirrors :mod:`catalog.language.vietnamese` and the matching and
ranking of :func:`catalog.search.query.search`. Only the records of the edition being
built are exported, so a restricted or secret document's words are in no file.

The postings carry the statistics whoosh's BM25F uses (tf, tf in the title and
the title's length, field lengths in whoosh's one-byte form, the length of the
numbers field), so ``search-engine.js`` computes the same scores as
``catalog search`` and returns the same documents. One difference, by design:
for a group of three or more syllables, the ADJACENT and EXACT_PHRASE ranking
tiers count documents holding every adjacent pair (which may stand apart);
whoosh wants the whole run. Required phrases are exact (see ``@`` keys).

Format (all under ``search/``; version 3, which made the index of segments):

``meta.js`` — ``catalogSearchLoad("m", 0, {...})`` with ``n`` documents, ``avgLength``,
``avgTitle`` and ``avgNumbers`` (whoosh's average lengths of the folded, title and
numbers fields over the whole index), facet tables ``fonds`` ([code, name]), ``types``
and ``issuers``, the ``segments`` ([name, documents, shards S, years] each, years as
[year, first doc, last doc] of the segment's own numbering), ``merge``, and the doc
table ``docs``: ``width`` base-64 symbols per document (most significant first) holding
one number that packs the ``columns`` (``length``, ``fonds``, ``type``, ``issuer``) in
mixed radix ``radices`` (first column most significant). ``length`` is whoosh's
one-byte length of the document (tokens), standing for ``lengths[byte]``; the others
index their table + 1 (0 = none).

A segment's documents are numbered 0..count-1 in (undated last, year, date, doc_id)
order (``index.order_key``), so a year is a contiguous range of them; the index numbers
documents segment after segment (the doc table's order). ``merge`` gives the order of
the whole index, by which results are sorted by date and ties broken: pairs of varints
(segment, run length − 1), saying from which segment the next documents of that order
come ("" for one segment). See ``segments`` for how a rebuild keeps, writes and merges
segments. A segment's files are under ``g/<name>/``; their loader ids start with
``<name>/``:

``g/<name>/s/<shard // 1000>/<shard>.js`` — ``catalogSearchLoad("s", "<name>/<shard>",
{key: postings})`` where ``shard = FNV-1a-32(UTF-8 of key) mod S``. A posting list
longer than :data:`OWN_FILE_BYTES` is not in the shard but in a file of its own, and the
shard holds its number ``j`` instead of a string: ``k/<shard // 1000>/<shard>-<j>.js``,
``catalogSearchLoad("k", "<name>/<shard>-<j>", postings)``. S is chosen so that a shard
averages about :data:`SHARD_TARGET_BYTES`. Keys, from the same text segments as the
whoosh index (title, number, doc_type, issuer, fonds_code, fonds_name, file_code,
date_text, metadata_text, then each page); bigrams never cross a text segment:

* ``hoa`` folded syllable; ``!hoa2`` exact syllable (tone key);
* ``>so hoa`` folded bigram; ``>!so1 hoa2`` exact bigram (documents only: enough
  for two syllables, and a cheap first filter for longer phrases);
* ``@so hoa`` the folded bigram with its token positions, loaded only to confirm
  a required phrase of three or more syllables (a quoted phrase, or a number's
  parts): ``a b`` and ``b c`` apart do not make ``a b c``. A position counts the
  tokens before it plus the number of its text segment, so two never touch;
* ``#64-CV/TW`` any number the document cites (and its Đ→D variant);
  ``$64-CV/TW`` the document's own number.

Postings are strings over the alphabet ``0-9A-Za-z-_`` (symbol value 0..63).
A *varint* is big-endian base 32: symbols 32..63 carry 5 bits and say "more
follows", a symbol 0..31 carries the last 5 bits. A folded syllable's postings
are, per document: varint(doc − previous doc − 1) (previous starts at −1),
varint(tf << 1 | occurs in title); if in the title, varint(tf in the title)
and varint(title length in tokens); then the pages it occurs on: varint(mask << 1)
with bit p for page p (0 = a metadata field other than the title), or
varint(count << 1 | 1) followed by the page gaps as varints. A positional
bigram's postings are, per document: the doc gap, varint(count), then the
position gaps (the first from −1). A ``#`` key's postings are, per document:
the doc gap and varint(how many number keys the document has: whoosh's length
of its numbers field). Every other key holds only documents: the gap varints,
or ``*`` and a bitmap (6 documents per symbol, low bit first) when shorter.

``g/<name>/p/<prefix>.js`` — ``catalogSearchLoad("p", "<name>/<prefix>", "key:df,key:df,…")``:
the folded syllable keys of the segment starting with the two-character prefix, most frequent
first (at most :data:`PREFIX_CAP`), for completing the last word while typing.
The file name is the prefix itself if it is ``[a-z0-9]{2}``, else ``u`` and its
code points in hex joined by ``-``.

``g/<name>/d/<doc // 250>/<doc>.js`` — ``catalogSearchLoad("d", "<name>/<doc>", {...})``, loaded for
a shown result: ``id``, ``title``, ``number``, ``date``, ``issuer``, ``type``,
``url`` (document page, relative to the language root), ``pdf`` (site-relative,
may be empty), ``pages`` (how many pages are the document's own), ``range`` ([first,
last] of those pages in the PDF's numbering, the one ``pdf#page=N`` and the postings
use: [3, 7] for a document on pages 3 to 7 of its file's whole scan; [] without page
texts), ``thumb`` ([site-relative URL, width, height] of the thumbnail of its first
page, or [] when there is none), and page texts for the snippet: ``text``
({page: text} of the first pages, up to about :data:`TEXT_CHUNK_CHARS`; NFC,
whitespace collapsed; page 0 holds the metadata fields other than the title;
pages without text are left out) and ``more`` ([first page, last page] of each
further chunk ``j`` = 1, 2, …, in ``d/<doc // 250>/<doc>-<j>.js`` as
``catalogSearchLoad("c", "<name>/<doc>-<j>", {page: text})``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from catalog.language.collation import sorted_vi
from catalog.search.browser import segments as index_segments
from catalog.search.browser.postings import (
    LENGTH_TABLE,
    fixed,
    length_byte,
    varint,
    width_for,
)
from catalog.search.browser.segment_files import FOLDER, Display, script, segment_files
from catalog.search.browser.segments import Segment, segment_name
from catalog.search.index import IndexRecord, order_key
from catalog.state.fingerprint import Fingerprinter

FORMAT_VERSION = 3
META_PATH = f"{FOLDER}/meta.js"
DOC_COLUMNS = ("length", "fonds", "type", "issuer")


def date_order(records: Iterable[IndexRecord]) -> list[IndexRecord]:
    """Records in doc-number order: dated ones by year and date, undated last."""
    return sorted(records, key=order_key)


class Exporter:
    """The browser index of ``records``: the previous segments it keeps, and the files of the new ones.

    ``previous``: the segments of the previous site's index, of which those ``available``
    (their files still there) and unchanged are kept (``kept``: the caller takes their
    folders from the previous site); ``files()`` yields the new segments' files, then
    ``meta.js``; ``segments`` then lists every segment of the index, in its order.
    """

    def __init__(self, records: Iterable[IndexRecord], display: Mapping[str, Display] | None = None,
                 previous: Sequence[Segment] = (), available: Callable[[str], bool] = lambda name: False,
                 fingerprints: Fingerprinter | None = None):
        self.records = list(records)
        self.by_id = {record.doc_id: record for record in self.records}
        if len(self.by_id) != len(self.records):
            raise ValueError("duplicate document id in the browser search index")
        self.display = display or {}
        fingerprints = fingerprints or Fingerprinter()  # the build's: the whoosh index digested the records
        self.fingerprints = {r.doc_id: fingerprints.of((r, self.display.get(r.doc_id))) for r in self.records}
        self.kept, self._groups = index_segments.plan(self.records, self.fingerprints, previous, available)
        self.segments: list[Segment] = list(self.kept)

    def files(self) -> Iterator[tuple[str, str]]:
        """Every file to write, as (path from the site root, text)."""
        for group in self._groups:
            ordered = date_order(group)
            name = segment_name((self.fingerprints[r.doc_id] for r in ordered), FORMAT_VERSION)
            segment = yield from segment_files(name, ordered, self.fingerprints, self.display)
            self.segments.append(segment)
        yield META_PATH, script("m", 0, meta(self.segments, self.by_id))


def export(records: Iterable[IndexRecord], display: Mapping[str, Display] | None = None) -> Iterator[tuple[str, str]]:
    """Every file of a fresh browser index (one segment) as (path from the site root, text)."""
    return Exporter(records, display).files()


def write_search_files(folder: Path, records: Iterable[IndexRecord], display: Mapping[str, Display] | None = None) -> int:
    """Write a fresh export under ``folder`` (the site root); return the number of files."""
    count = 0
    for rel, text in export(records, display):
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        count += 1
    return count


def _table(values: Iterable[str]) -> list[str]:
    return sorted_vi({v for v in values if v})  # in the order the filters list them


def meta(segments: Sequence[Segment], by_id: Mapping[str, IndexRecord]) -> dict:
    """The facet tables, the segments, their merge order and the doc table (see the module docstring)."""
    docs = [doc for segment in segments for doc in segment.docs]  # the index's numbering
    ordered = [by_id[doc.doc_id] for doc in docs]
    fonds = sorted({(r.fonds_code, r.fonds_name) for r in ordered if r.fonds_code or r.fonds_name})
    types, issuers = _table(r.doc_type for r in ordered), _table(r.issuer for r in ordered)
    fonds_index = {value: i + 1 for i, value in enumerate(fonds)}
    type_index = {value: i + 1 for i, value in enumerate(types)}
    issuer_index = {value: i + 1 for i, value in enumerate(issuers)}
    rows = [
        (length_byte(doc.length), fonds_index.get((r.fonds_code, r.fonds_name), 0),
         type_index.get(r.doc_type, 0), issuer_index.get(r.issuer, 0))
        for r, doc in zip(ordered, docs)
    ]  # fmt: skip
    radices = (256, len(fonds) + 1, len(types) + 1, len(issuers) + 1)
    width = width_for(math.prod(radices) - 1)
    count = len(docs) or 1
    return {
        "v": FORMAT_VERSION, "n": len(docs),
        "avgLength": sum(d.length for d in docs) / count or 1, "avgTitle": sum(d.title_length for d in docs) / count or 1,
        "avgNumbers": sum(d.numbers for d in docs) / count or 1,
        "fonds": [list(pair) for pair in fonds], "types": types, "issuers": issuers,
        "segments": [[s.name, len(s.docs), s.shards, _years([by_id[d.doc_id] for d in s.docs])] for s in segments],
        "merge": merge_runs(segments, by_id),
        "lengths": LENGTH_TABLE, "columns": list(DOC_COLUMNS), "radices": list(radices), "width": width,
        "docs": "".join(fixed(_mixed_radix(row, radices), width) for row in rows),
    }  # fmt: skip


def _years(ordered: Sequence[IndexRecord]) -> list[list[int]]:
    """[year, first doc, last doc] of a segment's dated documents (contiguous: they are in date order)."""
    years: dict[int, list[int]] = {}
    for doc, record in enumerate(ordered):
        if record.year is not None:
            years.setdefault(record.year, [doc, doc])[1] = doc
    return [[year, *span] for year, span in sorted(years.items())]


def merge_runs(segments: Sequence[Segment], by_id: Mapping[str, IndexRecord]) -> str:
    """The index's date order as runs: which segment each next document comes from."""
    if len(segments) < 2:
        return ""
    held = sorted((order_key(by_id[d.doc_id]), number) for number, s in enumerate(segments) for d in s.docs)
    runs: list[list[int]] = []
    for _, number in held:
        if runs and runs[-1][0] == number:
            runs[-1][1] += 1
        else:
            runs.append([number, 1])
    return "".join(varint(number) + varint(length - 1) for number, length in runs)


def _mixed_radix(values: Iterable[int], radices: Iterable[int]) -> int:
    number = 0
    for value, radix in zip(values, radices):
        number = number * radix + value
    return number
