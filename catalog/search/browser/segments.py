"""Segments of the browser index: a rebuild writes only the segments whose documents changed.

A segment is a self-contained part of the index (its own shards, completion lists and
document files under ``search/g/<name>/``), holding some of the documents numbered from 0
in date order. ``meta.js`` lists the segments; the browser numbers the documents of the
whole index segment after segment and sums every statistic over them (document
frequency, documents, field lengths), so the scores are those of one index. A segment's
name is a digest of what it holds, so a kept segment is the previous site's very files
(hard links) and a changed one gets a new folder: a copy on a USB stick only takes the
new files.

A rebuild (``plan``) keeps every previous segment whose documents are all unchanged and
still there, and writes the new and changed documents, with the others of every segment
that lost or changed one, into one new segment. When there are then more than
:data:`MAX_SEGMENTS`, the two smallest are written again as one, and so on, as search
engines merge segments: each document is written again a logarithmic number of times,
and a query reads a shard of at most :data:`MAX_SEGMENTS` segments per key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from catalog.search.index import IndexRecord

# More segments cost every query a shard per segment and key; fewer cost a batch more rewriting.
MAX_SEGMENTS = 4
SEGMENTS_FOLDER = "g"


@dataclass(frozen=True)
class SegmentDoc:
    """One document of a segment, with what ``meta.js`` needs of it without reading it again."""

    doc_id: str
    fingerprint: str  # of its record and display fields: unchanged means its files are
    length: int  # tokens of the folded field (whoosh's length, before quantization)
    title_length: int
    numbers: int  # length of the numbers field


@dataclass(frozen=True)
class Segment:
    name: str
    shards: int
    docs: tuple[SegmentDoc, ...]  # in the segment's doc-number order (by date, undated last)


def segment_name(fingerprints: Iterable[str], version: int) -> str:
    """The name of a segment holding documents with these fingerprints, in order."""
    digest = hashlib.sha256(f"v{version}".encode())
    for fingerprint in fingerprints:
        digest.update(fingerprint.encode("ascii"))
    return digest.hexdigest()[:12]


def plan(records: Sequence[IndexRecord], fingerprints: Mapping[str, str], previous: Sequence[Segment],
         available: Callable[[str], bool]) -> tuple[list[Segment], list[list[IndexRecord]]]:
    """The previous segments to keep, and the groups of records to write as new segments.

    ``available`` says whether the previous site still holds a segment's files.
    """
    kept = [segment for segment in previous
            if available(segment.name) and all(fingerprints.get(d.doc_id) == d.fingerprint for d in segment.docs)]
    held = {d.doc_id for segment in kept for d in segment.docs}
    fresh = [record for record in records if record.doc_id not in held]
    groups: list[Segment | list[IndexRecord]] = [*kept, fresh] if fresh else list(kept)
    by_id = {record.doc_id: record for record in records}
    while len(groups) > MAX_SEGMENTS:
        smallest = sorted(range(len(groups)), key=lambda i: (_size(groups[i]), i))[:2]
        merged = [record for i in sorted(smallest) for record in _records_of(groups[i], by_id)]
        groups = [group for i, group in enumerate(groups) if i not in smallest] + [merged]
    return ([g for g in groups if isinstance(g, Segment)], [g for g in groups if not isinstance(g, Segment)])


def _size(group: Segment | list[IndexRecord]) -> int:
    return len(group.docs) if isinstance(group, Segment) else len(group)


def _records_of(group: Segment | list[IndexRecord], by_id: Mapping[str, IndexRecord]) -> list[IndexRecord]:
    return [by_id[d.doc_id] for d in group.docs] if isinstance(group, Segment) else group


def to_json(segments: Sequence[Segment]) -> str:
    """The segments as the build state keeps them."""
    return json.dumps([
        {"name": s.name, "shards": s.shards,
         "docs": [[d.doc_id, d.fingerprint, d.length, d.title_length, d.numbers] for d in s.docs]}
        for s in segments
    ], ensure_ascii=False, separators=(",", ":"))  # fmt: skip


def from_json(text: str) -> list[Segment]:
    """The segments a build state kept; none if it holds no readable list."""
    try:
        return [Segment(s["name"], s["shards"], tuple(SegmentDoc(*d) for d in s["docs"])) for s in json.loads(text)]
    except (ValueError, TypeError, KeyError):
        return []
