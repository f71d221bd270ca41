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

Format (all under ``search/``; version 2, which added ``thumb`` and ``range`` to the
``d/`` files):

``meta.js`` — ``catalogSearchLoad("m", 0, {...})`` with ``n`` documents, ``shards``
(S), ``avgLength``, ``avgTitle`` and ``avgNumbers`` (whoosh's average lengths of
the folded, title and numbers fields), facet tables ``fonds`` ([code, name]),
``types``, ``issuers`` and ``years`` ([year, first doc, last doc]), and the doc
table ``docs``: ``width``
base-64 symbols per document (most significant first) holding one number that
packs the ``columns`` (``length``, ``fonds``, ``type``, ``issuer``) in mixed
radix ``radices`` (first column most significant). ``length`` is whoosh's
one-byte length of the document (tokens), standing for ``lengths[byte]``; the
others index their table + 1 (0 = none).

Documents are numbered 0..n-1 in (undated last, year, date, doc_id) order, so
sorting by date is sorting by number and a year is a contiguous number range.

``s/<shard // 1000>/<shard>.js`` — ``catalogSearchLoad("s", shard, {key: postings})`` where
``shard = FNV-1a-32(UTF-8 of key) mod S``. A posting list longer than
:data:`OWN_FILE_BYTES` is not in the shard but in a file of its own, and the
shard holds its number ``j`` instead of a string: ``k/<shard // 1000>/<shard>-<j>.js``,
``catalogSearchLoad("k", "<shard>-<j>", postings)``. S is chosen so that a shard
averages about :data:`SHARD_TARGET_BYTES`. Keys, from the same segments as the whoosh
index (title, number, doc_type, issuer, fonds_code, fonds_name, file_code,
date_text, metadata_text, then each page); bigrams never cross a segment:

* ``hoa`` folded syllable; ``!hoa2`` exact syllable (tone key);
* ``>so hoa`` folded bigram; ``>!so1 hoa2`` exact bigram (documents only: enough
  for two syllables, and a cheap first filter for longer phrases);
* ``@so hoa`` the folded bigram with its token positions, loaded only to confirm
  a required phrase of three or more syllables (a quoted phrase, or a number's
  parts): ``a b`` and ``b c`` apart do not make ``a b c``. A position counts the
  tokens before it plus the number of its segment, so two segments never touch;
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

``p/<prefix>.js`` — ``catalogSearchLoad("p", prefix, "key:df,key:df,…")``: the
folded syllable keys starting with the two-character prefix, most frequent
first (at most :data:`PREFIX_CAP`), for completing the last word while typing.
The file name is the prefix itself if it is ``[a-z0-9]{2}``, else ``u`` and its
code points in hex joined by ``-``.

``d/<doc // 250>/<doc>.js`` — ``catalogSearchLoad("d", doc, {...})``, loaded for
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
``catalogSearchLoad("c", "<doc>-<j>", {page: text})``).
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from catalog.language.vietnamese import nfc
from catalog.search.browser.postings import (
    LENGTH_TABLE,
    PostingsBuilder,
    document_keys,
    fixed,
    fnv1a32,
    length_byte,
    width_for,
)
from catalog.search.index import METADATA_SEGMENTS, IndexRecord, order_key

FOLDER = "search"
FORMAT_VERSION = 2
SHARD_TARGET_BYTES = 3072
# A posting list longer than this gets a file of its own: sharing a shard with it would
# make every query for a rare word of that shard load it too.
OWN_FILE_BYTES = 2048
# A document's page texts go with its display fields into files of about this size:
# few files (each costs a whole cluster on a USB stick), little to load per result.
TEXT_CHUNK_CHARS = 8000
PREFIX_CAP = 1000
LOADER = "catalogSearchLoad"
DOC_COLUMNS = ("length", "fonds", "type", "issuer")
# Files per folder stay far below FAT32's limit of 65,534 entries per folder (a long
# name takes two): shards 1000 to a folder, documents 250 (a long one has several files).
PER_FOLDER, DOCS_PER_FOLDER = 1000, 250
_PLAIN_PREFIX = re.compile(r"^[a-z0-9]{2}$")


@dataclass(frozen=True)
class Display:
    """What the site adds to a document's ``d/`` file: shown with a result, never searched."""

    thumb: tuple[str, int, int] | None = None  # first own page's thumbnail: site-relative URL, width, height
    own_pages: tuple[int, int] | None = None  # first and last own page (PDF numbering); None: every page


def script(kind: str, ident: int | str, data) -> str:
    """One data file: a call of the loader (a script works from file://, fetch does not)."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"{LOADER}({json.dumps(kind)},{json.dumps(ident)},{payload});\n"


def shard_of(key: str, shards: int) -> int:
    return fnv1a32(key) % shards


def shard_path(shard: int) -> str:
    return f"{FOLDER}/s/{shard // PER_FOLDER}/{shard}.js"


def own_file_path(shard: int, number: int) -> str:
    return f"{FOLDER}/k/{shard // PER_FOLDER}/{shard}-{number}.js"


def document_path(doc: int, chunk: int = 0) -> str:
    name = f"{doc}-{chunk}" if chunk else f"{doc}"
    return f"{FOLDER}/d/{doc // DOCS_PER_FOLDER}/{name}.js"


def prefix_name(prefix: str) -> str:
    """File name for a completion prefix; ``search.js`` computes the same."""
    if _PLAIN_PREFIX.match(prefix):
        return prefix
    return "u" + "-".join(f"{ord(ch):x}" for ch in prefix)


def date_order(records: Iterable[IndexRecord]) -> list[IndexRecord]:
    """Records in doc-number order: dated ones by year and date, undated last."""
    return sorted(records, key=order_key)


def export(records: Iterable[IndexRecord], display: Mapping[str, Display] | None = None) -> Iterator[tuple[str, str]]:
    """Every file of the browser index as (path from the site root, text); ``display``: by doc id."""
    ordered = date_order(records)
    if len({record.doc_id for record in ordered}) != len(ordered):
        raise ValueError("duplicate document id in the browser search index")
    builder = PostingsBuilder()
    lengths, title_lengths, number_counts = [], [], []
    for doc, record in enumerate(ordered):
        keys = document_keys(record)
        builder.add(doc, keys)
        lengths.append(keys.length)
        title_lengths.append(keys.title_length)
        number_counts.append(len(keys.cited))
        yield from _document_files(doc, record, (display or {}).get(record.doc_id, Display()))
    postings = builder.encoded()
    shards = shard_count(postings)
    yield from _shard_files(postings, shards)
    yield from _prefix_files(builder.document_frequency)
    yield f"{FOLDER}/meta.js", script("m", 0, meta(ordered, (lengths, title_lengths, number_counts), shards))


def write_search_files(folder: Path, records: Iterable[IndexRecord], display: Mapping[str, Display] | None = None) -> int:
    """Write the export under ``folder`` (the site root); return the number of files."""
    count = 0
    for rel, text in export(records, display):
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        count += 1
    return count


def shard_count(postings: dict[str, str]) -> int:
    """S: enough shards for each to hold about SHARD_TARGET_BYTES of the small postings."""
    small = (len(key.encode("utf-8")) + len(value) + 6 for key, value in postings.items() if len(value) <= OWN_FILE_BYTES)
    return max(1, math.ceil(sum(small) / SHARD_TARGET_BYTES))


def _shard_files(postings: dict[str, str], shards: int) -> Iterator[tuple[str, str]]:
    """The shards, and a file of its own for each long posting list (the shard names it by number)."""
    grouped: list[dict[str, str | int]] = [{} for _ in range(shards)]
    own_files = [0] * shards
    for key in sorted(postings):
        shard, value = shard_of(key, shards), postings[key]
        if len(value) > OWN_FILE_BYTES:
            number = own_files[shard]
            own_files[shard] += 1
            yield own_file_path(shard, number), script("k", f"{shard}-{number}", value)
            grouped[shard][key] = number
        else:
            grouped[shard][key] = value
    for number, content in enumerate(grouped):  # empty shards too: a query never meets a missing file
        yield shard_path(number), script("s", number, content)


def _prefix_files(document_frequency: dict[str, int]) -> Iterator[tuple[str, str]]:
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for key in document_frequency:
        if len(key) >= 2:
            by_prefix[key[:2]].append(key)
    for prefix, keys in sorted(by_prefix.items()):
        keys.sort(key=lambda k: (-document_frequency[k], k))
        listed = ",".join(f"{key}:{document_frequency[key]}" for key in keys[:PREFIX_CAP])
        yield f"{FOLDER}/p/{prefix_name(prefix)}.js", script("p", prefix, listed)


def _document_files(doc: int, record: IndexRecord, shown: Display) -> Iterator[tuple[str, str]]:
    """The display fields with the first chunk of page texts, then the other chunks."""
    metadata = " · ".join(value for name in METADATA_SEGMENTS[1:] if (value := getattr(record, name)))
    texts = [(page, " ".join(nfc(text).split())) for page, text in enumerate((metadata, *record.pages))]
    chunks = _chunks([(page, text) for page, text in texts if text])
    first, last = shown.own_pages or (1, len(record.pages))
    display = {
        "id": record.doc_id, "title": record.title, "number": record.number, "date": record.date_text,
        "issuer": record.issuer, "type": record.doc_type, "url": record.url, "pdf": record.pdf_url,
        "pages": last - first + 1 if record.pages else 0, "range": [first, last] if record.pages else [],
        "thumb": list(shown.thumb or ()), "text": dict(chunks[0]),
        "more": [[chunk[0][0], chunk[-1][0]] for chunk in chunks[1:]],
    }  # fmt: skip
    yield document_path(doc), script("d", doc, display)
    for number, chunk in enumerate(chunks[1:], 1):
        yield document_path(doc, number), script("c", f"{doc}-{number}", dict(chunk))


def _chunks(texts: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Consecutive pages grouped up to TEXT_CHUNK_CHARS (a longer page alone); at least one chunk."""
    chunks: list[list[tuple[int, str]]] = [[]]
    size = 0
    for page, text in texts:
        if chunks[-1] and size + len(text) > TEXT_CHUNK_CHARS:
            chunks.append([])
            size = 0
        chunks[-1].append((page, text))
        size += len(text)
    return chunks


def _table(values: Iterable[str]) -> list[str]:
    return sorted({v for v in values if v}, key=lambda v: (v.casefold(), v))


def meta(ordered: list[IndexRecord], field_lengths: tuple[list[int], ...], shards: int) -> dict:
    """The facet tables and the doc table (see the module docstring)."""
    lengths, title_lengths, number_counts = field_lengths
    fonds = sorted({(r.fonds_code, r.fonds_name) for r in ordered if r.fonds_code or r.fonds_name})
    types, issuers = _table(r.doc_type for r in ordered), _table(r.issuer for r in ordered)
    fonds_index = {value: i + 1 for i, value in enumerate(fonds)}
    type_index = {value: i + 1 for i, value in enumerate(types)}
    issuer_index = {value: i + 1 for i, value in enumerate(issuers)}
    rows = [
        (length_byte(length), fonds_index.get((r.fonds_code, r.fonds_name), 0),
         type_index.get(r.doc_type, 0), issuer_index.get(r.issuer, 0))
        for r, length in zip(ordered, lengths)
    ]  # fmt: skip
    radices = (256, len(fonds) + 1, len(types) + 1, len(issuers) + 1)
    width = width_for(math.prod(radices) - 1)
    years: dict[int, list[int]] = {}
    for doc, record in enumerate(ordered):
        if record.year is not None:
            years.setdefault(record.year, [doc, doc])[1] = doc
    count = len(ordered) or 1
    return {
        "v": FORMAT_VERSION, "n": len(ordered), "shards": shards,
        "avgLength": sum(lengths) / count or 1, "avgTitle": sum(title_lengths) / count or 1,
        "avgNumbers": sum(number_counts) / count or 1,
        "fonds": [list(pair) for pair in fonds], "types": types, "issuers": issuers,
        "years": [[year, *span] for year, span in sorted(years.items())],
        "lengths": LENGTH_TABLE, "columns": list(DOC_COLUMNS), "radices": list(radices), "width": width,
        "docs": "".join(fixed(_mixed_radix(row, radices), width) for row in rows),
    }  # fmt: skip


def _mixed_radix(values: Iterable[int], radices: Iterable[int]) -> int:
    number = 0
    for value, radix in zip(values, radices):
        number = number * radix + value
    return number
