"""Read a site's browser index back as what it means, whatever its segments.

Two indexes with the same :func:`contents` give every query the same answers in the
browser: the engine (``search-engine.js``) only sees documents through their statistics,
postings, facets and date order, all listed here by doc id. A rebuild's index, made of
other segments than a full build's, is checked against it this way (tests, benchmarks).
Decoding mirrors ``search.js``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from catalog.search.browser.postings import (
    BITMAP_MARK,
    CITED_PREFIX,
    DOC_ONLY_PREFIXES,
    POSITIONAL_PREFIX,
    SYMBOL_VALUES,
)
from catalog.search.browser.segment_files import (
    FOLDER,
    LOADER,
    document_path,
    own_file_path,
    segment_folder,
    shard_path,
)

_CALL = re.compile(rf'^{LOADER}\(("[a-z]"),(.+?),(.*)\);\n$', re.S)
_VALUES = SYMBOL_VALUES


def load_file(path: Path):
    """The data a file hands to ``catalogSearchLoad``."""
    match = _CALL.match(path.read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{path} is not a file of the browser index")
    return json.loads(match[3])


def decode_varints(text: str) -> list[int]:
    """The varints of a posting string, in order."""
    values, value = [], 0
    for ch in text:
        code = _VALUES[ch]
        if code >= 32:
            value = value * 32 + code - 32
        else:
            values.append(value * 32 + code)
            value = 0
    return values


def _entries(key: str, text: str) -> list[tuple[int, tuple[int, ...]]]:
    """(doc, its payload) of each document of a posting list, as ``search.js`` decodes it."""
    if key.startswith(DOC_ONLY_PREFIXES) and text.startswith(BITMAP_MARK):
        return [(i * 6 + bit, ()) for i, ch in enumerate(text[1:]) for bit in range(6) if _VALUES[ch] >> bit & 1]
    values, at, doc, entries = decode_varints(text), 0, -1, []
    while at < len(values):
        doc += values[at] + 1
        start = at = at + 1
        if key.startswith(POSITIONAL_PREFIX):
            at += 1 + values[at]
        elif key.startswith(CITED_PREFIX):
            at += 1
        elif not key.startswith(DOC_ONLY_PREFIXES):  # a folded syllable: tf and title, then its pages
            at += 3 if values[at] & 1 else 1
            at += 1 + (values[at] >> 1 if values[at] & 1 else 0)
        entries.append((doc, tuple(values[start:at])))
    return entries


def contents(site: Path) -> dict:
    """The index of the site as plain data keyed by doc id (see the module docstring)."""
    meta = load_file(site / FOLDER / "meta.js")
    ids, postings, documents, completions = [], defaultdict(set), {}, defaultdict(int)
    for name, count, shards, _ in meta["segments"]:
        base = len(ids)
        for doc in range(count):
            shown = load_file(site / document_path(name, doc))
            chunks = [load_file(site / document_path(name, doc, j)) for j in range(1, len(shown["more"]) + 1)]
            ids.append(shown["id"])
            documents[shown["id"]] = (shown, chunks)
        for shard in range(shards):
            for key, value in load_file(site / shard_path(name, shard)).items():
                text = value if isinstance(value, str) else load_file(site / own_file_path(name, shard, value))
                postings[key] |= {(ids[base + doc], payload) for doc, payload in _entries(key, text)}
        for prefix_file in sorted((site / segment_folder(name) / "p").glob("*.js")):
            for entry in load_file(prefix_file).split(","):
                key, _, frequency = entry.rpartition(":")
                completions[key] += int(frequency)
    return {
        "statistics": {name: meta[name] for name in ("n", "avgLength", "avgTitle", "avgNumbers")},
        "facets": {name: meta[name] for name in ("fonds", "types", "issuers")},
        "documents": _document_columns(meta, ids, documents),
        "date_order": _date_order(meta, ids),
        "postings": {key: sorted(entries) for key, entries in postings.items()},
        "completions": dict(completions),
    }


def _document_columns(meta: dict, ids: list[str], documents: dict) -> dict:
    """Each document's display data, chunks, doc-table columns (by their values) and year."""
    width, radices, tables = meta["width"], meta["radices"], (None, meta["fonds"], meta["types"], meta["issuers"])
    years: dict[int, int] = {}
    base = 0
    for _, count, _, spans in meta["segments"]:
        years.update({base + doc: year for year, first, last in spans for doc in range(first, last + 1)})
        base += count
    columns = {}
    for doc, doc_id in enumerate(ids):
        number = 0
        for ch in meta["docs"][doc * width:(doc + 1) * width]:
            number = number * 64 + _VALUES[ch]
        values = []
        for radix in reversed(radices):
            number, value = divmod(number, radix)
            values.append(value)
        length, *indexes = reversed(values)
        named = [table[i - 1] if i else None for table, i in zip(tables[1:], indexes)]
        columns[doc_id] = (length, *named, years.get(doc), *documents[doc_id])
    return columns


def _date_order(meta: dict, ids: list[str]) -> list[str]:
    """The doc ids in the index's date order (``meta.merge``)."""
    if not meta["merge"]:
        return list(ids)
    bases, base = [], 0
    for _, count, _, _ in meta["segments"]:
        bases.append(base)
        base += count
    runs, order = decode_varints(meta["merge"]), []
    for segment, run in zip(runs[::2], runs[1::2]):
        order += ids[bases[segment]:bases[segment] + run + 1]
        bases[segment] += run + 1
    return order
