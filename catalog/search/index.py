"""The full-text index: a whoosh schema and its writer (searched by ``query``).

Every rule about Vietnamese text comes from :mod:`catalog.language.vietnamese`; this
module only wires those rules into whoosh.

Each document's text is indexed twice, with positions: once by ``exact_key``
(diacritics kept, tone placement ignored) and once by ``folded_key`` (no
diacritics). The text is a sequence of *segments* (title, number, each metadata
value, then one segment per PDF page); segment ``i`` starts at token position
``i * SEGMENT_STRIDE``, so phrases never run from one segment into the next and
the page of a matched position is ``position // SEGMENT_STRIDE``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.multiproc import MpWriter
from whoosh.analysis import Filter, Token, Tokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from catalog import atomic
from catalog.state.fingerprint import Fingerprinter
from catalog.language.vietnamese import (
    TOKEN_PATTERN,
    exact_key,
    find_document_numbers,
    folded_key,
    nfc,
    number_keys,
)

# Field names.
EXACT, FOLDED, TITLE, NUMBERS, OWN_NUMBER = "exact", "folded", "title", "numbers", "own_number"
ORDER = "order"  # a record's place in doc-number order: breaks ties between equal scores, as the browser does

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
# Documents per segment of a fresh index: a rebuild writes again only the segments that
# hold a changed document, so smaller segments cost less per change, more per query.
SEGMENT_DOCS = 1000

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
    url: str  # site-relative URL of the document page, e.g. "tai-lieu/ab/X.html"
    metadata_text: str  # other searchable metadata joined (signer, keywords, notes, file title…)
    pages: tuple[str, ...]  # text of each PDF page, page 1 first (may be empty)
    pdf_url: str = ""  # site-relative URL of the published scan ("pdf/ab/x.pdf"), "" if none


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

    def __reduce__(self):
        # Made again from its segments (whoosh's index processes receive records pickled):
        # str's own pickling would pass the joined text as if it were the segments.
        return (SegmentedText, (self.segments,))


class VietnameseTokenizer(Tokenizer):
    """whoosh tokenizer using :data:`catalog.language.vietnamese.TOKEN_PATTERN` on NFC text.

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
        order=ID(sortable=True),
        **{name: ID(stored=True) for name in ("date_sort", "doc_type", "fonds_code", "file_code")},
        **{name: STORED() for name in ("number", "date_text", "issuer", "fonds_name", "url", "page_count")},
    )


# --- writing ---------------------------------------------------------------


# record_segments and record_number_keys are shared with the browser export
# (browser/postings.py), so both indexes see the very same text and numbers.
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


def order_key(record: IndexRecord) -> str:
    """Doc-number order as one string: dated records by year and date, undated last, then by id.

    The browser numbers documents in this order (``browser.export.date_order``) and breaks
    ties by that number; ``query`` breaks ties by this key, so both agree, whatever order
    the documents entered the index in (a rebuild adds new ones at the end).
    """
    return f"{int(record.year is None)}{record.year or 0:04d}\0{record.date_sort}\0{record.doc_id}"


def _document_fields(record: IndexRecord) -> dict:
    """whoosh field values for one record; empty values are left out."""
    segments = record_segments(record)
    own, every_number = record_number_keys(record)
    values = {
        "doc_id": record.doc_id, "exact": segments, "folded": segments, "order": order_key(record),
        "title": record.title, "numbers": " ".join(every_number), "own_number": " ".join(own),
        "number": record.number, "date_text": record.date_text, "date_sort": record.date_sort,
        "year": record.year, "doc_type": record.doc_type, "issuer": record.issuer,
        "fonds_code": record.fonds_code, "fonds_name": record.fonds_name,
        "file_code": record.file_code, "url": record.url, "page_count": len(record.pages),
    }  # fmt: skip
    return {name: value for name, value in values.items() if value not in ("", None)}


@dataclass(frozen=True)
class PreviousIndex:
    """The index of the previous build, and the fingerprint of each record it holds."""

    folder: Path
    fingerprints: Mapping[str, str]  # doc_id → fingerprint


def open_index(folder: Path) -> whoosh_index.Index:
    """The whoosh index in ``folder``, its files read as needed.

    Not memory-mapped: whoosh wraps each part of a mapped segment in a ``BytesIO``, which
    copies it, so opening a searcher would load the whole index (``catalog search`` of a
    rare number on 10,000 documents: 325 MB and 0.60 s mapped, 33 MB and 0.40 s so;
    ``bench/cli_search_bench.py``).
    """
    return FileStorage(str(folder), supports_mmap=False).open_index()


def write_index(index_dir: Path, records: Iterable[IndexRecord], previous: PreviousIndex | None = None,
                fingerprints: Fingerprinter | None = None, procs: int = 1) -> dict[str, str]:
    """Write the index of the records; return each record's fingerprint (doc_id → fingerprint).

    With ``previous``, the previous index is copied and only its segments that hold a
    changed or deleted record are written again (``_update_index``): the index ranks as a
    fresh one would. The index is
    written into a temporary folder beside ``index_dir`` and only then swapped in, so a
    failed build never leaves a half-written index. Raises ``ValueError`` on a duplicate
    ``doc_id``, and ``FileExistsError`` rather than replace a non-empty folder that is
    not a search index. ``fingerprints``: the build's, when other stages fingerprint the
    same records (each is then digested once). ``procs``: processes writing the segments of
    a fresh index side by side (whoosh's ``MpWriter``).
    """
    fingerprints = fingerprints or Fingerprinter()
    index_dir = Path(index_dir)
    if index_dir.exists() and any(index_dir.iterdir()) and not whoosh_index.exists_in(str(index_dir)):
        raise FileExistsError(
            f"{index_dir} đã có và không phải chỉ mục tìm kiếm; không thay. "
            f"/ {index_dir} exists and is not a search index; not replacing it"
        )
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.new-", dir=index_dir.parent))
    try:
        if previous and previous.fingerprints and whoosh_index.exists_in(str(previous.folder)):
            made = _update_index(staging, _fingerprinted(records, fingerprints), previous)
        else:
            made = _fill_index(staging, _fingerprinted(records, fingerprints), procs)
        _swap_in(staging, index_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return made


def _fingerprinted(records: Iterable[IndexRecord], fingerprints: Fingerprinter) -> Iterator[tuple[IndexRecord, str]]:
    seen = set()
    for record in records:
        if record.doc_id in seen:
            raise ValueError(f"duplicate document id {record.doc_id!r} in the search index")
        seen.add(record.doc_id)
        yield record, fingerprints.of(record)


def _fill_index(folder: Path, records: Iterable[tuple[IndexRecord, str]], procs: int = 1) -> dict[str, str]:
    """Write all records, SEGMENT_DOCS to a segment, ``procs`` segments at a time."""
    ix = whoosh_index.create_in(str(folder), build_schema())
    made: dict[str, str] = {}
    chunk: list[IndexRecord] = []
    for record, fingerprint in records:
        made[record.doc_id] = fingerprint
        chunk.append(record)
        if len(chunk) == SEGMENT_DOCS * procs:
            _add_segment(ix, chunk, procs=procs)
            chunk = []
    _add_segment(ix, chunk, procs=procs)
    return made


def _add_segment(ix, records: list[IndexRecord], deleted: Iterable[str] = (), procs: int = 1) -> None:
    """One writer: delete, then add the records as new segments, one per process (the
    analysis of the texts is most of the cost); existing segments are never merged. An
    error cancels the writer."""
    if procs > 1 and len(records) > SEGMENT_DOCS and not deleted:  # a fresh index's chunks
        _add_segments_in_parallel(ix, records, procs)
        return
    writer = ix.writer(limitmb=WRITER_LIMIT_MB)
    try:
        for doc_id in deleted:
            writer.delete_by_term("doc_id", doc_id)
        for record in records:
            writer.add_document(**_document_fields(record))
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=_without_empty_segments)


def _add_segments_in_parallel(ix, records: list[IndexRecord], procs: int) -> None:
    """The records as one segment per process: each of whoosh's sub-writers gets one job
    of them and commits it as a segment of its own (``multisegment``: never merged).

    whoosh does not notice a sub-writer that failed (it waits a second for each result and
    goes on without it), nor stop them when cancelled: both are checked here, so an index
    is never committed without some of its records and no process outlives an error.
    """
    before = ix.doc_count_all()
    writer = MpWriter(ix, procs=procs, batchsize=-(-len(records) // procs), multisegment=True,
                      limitmb=WRITER_LIMIT_MB)
    try:
        for record in records:
            writer.add_document(**_document_fields(record))
        writer.commit(mergetype=_without_empty_segments)
    except BaseException:
        for task in writer.tasks:
            task.terminate()
            task.join()
        if not writer.is_closed:
            writer.cancel()
        raise
    failed = [task.exitcode for task in writer.tasks if task.exitcode]
    written = ix.doc_count_all() - before
    if failed or written != len(records):
        raise RuntimeError(f"whoosh's index processes wrote {written} of {len(records)} records "
                           f"(exit codes {failed or 'all 0'}); the index is not published")


def _without_empty_segments(writer, segments):
    """whoosh's merging copies each document's length rounded to a byte, so the ranking's average
    lengths would drift from a fresh index's; instead a segment is only ever dropped, once all of
    its documents were deleted (they are written again from their records)."""
    return [segment for segment in segments if segment.doc_count() > 0]


def _update_index(folder: Path, records: Iterable[tuple[IndexRecord, str]], previous: PreviousIndex) -> dict[str, str]:
    """The previous index, copied; every segment holding a changed or gone record is written again.

    The records of such a segment are deleted and added anew from this build's records,
    with the new and changed ones, into one new segment; the other segments stay as they
    are. So the index holds exactly what a fresh one would, with the same statistics.
    """
    for path in previous.folder.iterdir():
        if path.is_file() and not path.name.endswith("WRITELOCK"):
            _link_or_copy(path, folder / path.name)
    ix = open_index(folder)
    current = {record.doc_id: (record, fingerprint) for record, fingerprint in records}
    changed = {i for i, (_, fingerprint) in current.items() if previous.fingerprints.get(i) != fingerprint}
    stale = changed | (previous.fingerprints.keys() - current.keys())
    rewritten = _segments_touched(ix, stale) | changed
    again = [record for doc_id, (record, _) in current.items() if doc_id in rewritten]
    _add_segment(ix, again, deleted=sorted(rewritten | stale))
    return {doc_id: fingerprint for doc_id, (_, fingerprint) in current.items()}


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the file system has them: whoosh never writes into a file it made (a
    segment's files have names of their own, the table of contents is renamed into place)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _segments_touched(ix, doc_ids: set[str]) -> set[str]:
    """Every document of the segments that hold one of ``doc_ids``."""
    touched: set[str] = set()
    if not doc_ids:  # a batch of new documents only: no segment's stored fields need reading
        return touched
    with ix.reader() as reader:
        for segment, _ in reader.leaf_readers():
            held = {stored["doc_id"] for stored in segment.all_stored_fields()}
            if held & doc_ids:
                touched |= held
    return touched


def _swap_in(staging: Path, index_dir: Path) -> None:
    """Put staging at index_dir in one step where the system can; else restore the old index on failure."""
    retired = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.old-", dir=index_dir.parent))
    retired.rmdir()  # mkdtemp only provides a unique name here
    previous = atomic.swap_in(staging, index_dir, retired)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
