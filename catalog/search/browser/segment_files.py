"""The files of one segment of the browser index: shards, files of long posting lists,
completion lists and document files, under ``search/g/<name>/`` (format in ``export``).

A segment's files name it in their loader ids (``"<name>/12"``), so two segments' files
never stand for each other in the browser's cache of loaded files.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from catalog.language.vietnamese import nfc
from catalog.search.browser.postings import PostingsBuilder, document_keys, fnv1a32
from catalog.search.browser.segments import SEGMENTS_FOLDER, Segment, SegmentDoc
from catalog.search.index import METADATA_SEGMENTS, IndexRecord

FOLDER = "search"
SHARD_TARGET_BYTES = 3072
# A posting list longer than this gets a file of its own: sharing a shard with it would
# make every query for a rare word of that shard load it too.
OWN_FILE_BYTES = 2048
# A document's page texts go with its display fields into files of about this size:
# few files (each costs a whole cluster on a USB stick), little to load per result.
TEXT_CHUNK_CHARS = 8000
PREFIX_CAP = 1000
LOADER = "catalogSearchLoad"
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


def segment_folder(name: str) -> str:
    return f"{FOLDER}/{SEGMENTS_FOLDER}/{name}"


def shard_path(name: str, shard: int) -> str:
    return f"{segment_folder(name)}/s/{shard // PER_FOLDER}/{shard}.js"


def own_file_path(name: str, shard: int, number: int) -> str:
    return f"{segment_folder(name)}/k/{shard // PER_FOLDER}/{shard}-{number}.js"


def document_path(name: str, doc: int, chunk: int = 0) -> str:
    file_name = f"{doc}-{chunk}" if chunk else f"{doc}"
    return f"{segment_folder(name)}/d/{doc // DOCS_PER_FOLDER}/{file_name}.js"


def prefix_name(prefix: str) -> str:
    """File name for a completion prefix; ``search-engine.js`` computes the same."""
    if _PLAIN_PREFIX.match(prefix):
        return prefix
    return "u" + "-".join(f"{ord(ch):x}" for ch in prefix)


def segment_files(name: str, ordered: Sequence[IndexRecord], fingerprints: Mapping[str, str],
                  display: Mapping[str, Display]) -> Iterator[tuple[str, str]]:
    """Every file of the segment ``name`` holding ``ordered`` (in doc-number order); returns the Segment."""
    builder = PostingsBuilder()
    docs = []
    for doc, record in enumerate(ordered):
        keys = document_keys(record)
        builder.add(doc, keys)
        docs.append(SegmentDoc(record.doc_id, fingerprints[record.doc_id], keys.length, keys.title_length,
                               len(keys.cited)))
        yield from _document_files(name, doc, record, display.get(record.doc_id, Display()))
    postings = builder.encoded()
    shards = shard_count(postings)
    yield from _shard_files(name, postings, shards)
    yield from _prefix_files(name, builder.document_frequency)
    return Segment(name, shards, tuple(docs))


def shard_count(postings: dict[str, str]) -> int:
    """S: enough shards for each to hold about SHARD_TARGET_BYTES of the small postings."""
    small = (len(key.encode("utf-8")) + len(value) + 6 for key, value in postings.items() if len(value) <= OWN_FILE_BYTES)
    return max(1, math.ceil(sum(small) / SHARD_TARGET_BYTES))


def _shard_files(name: str, postings: dict[str, str], shards: int) -> Iterator[tuple[str, str]]:
    """The shards, and a file of its own for each long posting list (the shard names it by number)."""
    grouped: list[dict[str, str | int]] = [{} for _ in range(shards)]
    own_files = [0] * shards
    for key in sorted(postings):
        shard, value = shard_of(key, shards), postings[key]
        if len(value) > OWN_FILE_BYTES:
            number = own_files[shard]
            own_files[shard] += 1
            yield own_file_path(name, shard, number), script("k", f"{name}/{shard}-{number}", value)
            grouped[shard][key] = number
        else:
            grouped[shard][key] = value
    for number, content in enumerate(grouped):  # empty shards too: a query never meets a missing file
        yield shard_path(name, number), script("s", f"{name}/{number}", content)


def _prefix_files(name: str, document_frequency: dict[str, int]) -> Iterator[tuple[str, str]]:
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for key in document_frequency:
        if len(key) >= 2:
            by_prefix[key[:2]].append(key)
    for prefix, keys in sorted(by_prefix.items()):
        keys.sort(key=lambda k: (-document_frequency[k], k))
        listed = ",".join(f"{key}:{document_frequency[key]}" for key in keys[:PREFIX_CAP])
        yield f"{segment_folder(name)}/p/{prefix_name(prefix)}.js", script("p", f"{name}/{prefix}", listed)


def _document_files(name: str, doc: int, record: IndexRecord, shown: Display) -> Iterator[tuple[str, str]]:
    """The display fields with the first chunk of page texts, then the other chunks."""
    metadata = " · ".join(value for field in METADATA_SEGMENTS[1:] if (value := getattr(record, field)))
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
    yield document_path(name, doc), script("d", f"{name}/{doc}", display)
    for number, chunk in enumerate(chunks[1:], 1):
        yield document_path(name, doc, number), script("c", f"{name}/{doc}-{number}", dict(chunk))


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
