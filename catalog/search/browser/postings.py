"""Keys and postings of the browser search index, and their compact text encoding.

The key rules come from :mod:`catalog.language.vietnamese` and the segments and number keys
from :mod:`catalog.search.index`, so the browser index holds what the whoosh index holds,
with the statistics whoosh's BM25F uses, but positions only for syllable bigrams
(adjacency is kept as bigrams). The format is described in
:mod:`catalog.search.browser.export`; ``search.js`` decodes it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from whoosh.util.numeric import byte_to_length, length_to_byte

from catalog.language.vietnamese import TOKEN_PATTERN, exact_key, folded_key, nfc
from catalog.search.index import (
    FIRST_PAGE_SEGMENT,
    SEGMENT_STRIDE,
    IndexRecord,
    record_number_keys,
    record_segments,
)

# 64 symbols that need no escaping in a JavaScript string. In a varint the first 32
# are final digits and the last 32 "more digits follow"; in a bitmap each symbol
# holds 6 bits.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
SYMBOL_VALUES = {symbol: value for value, symbol in enumerate(ALPHABET)}
BITMAP_MARK = "*"  # a doc list starting with this is a bitmap, not deltas
MASK_MAX_PAGE = 40  # page sets with higher pages are written as lists (JS numbers stay exact)

# Key namespaces (a token never contains these characters or a space).
EXACT_PREFIX, BIGRAM_PREFIX, POSITIONAL_PREFIX, CITED_PREFIX, OWN_PREFIX = "!", ">", "@", "#", "$"
DOC_ONLY_PREFIXES = (EXACT_PREFIX, BIGRAM_PREFIX, OWN_PREFIX)

# Field lengths are quantized as whoosh stores them (one byte), so BM25 scores agree.
LENGTH_TABLE = [byte_to_length(byte) for byte in range(256)]


def fnv1a32(key: str) -> int:
    """FNV-1a, 32 bits, over the UTF-8 bytes of the NFC key (``search.js`` has the same)."""
    value = 0x811C9DC5
    for byte in nfc(key).encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def _varint(value: int) -> str:
    digits = [ALPHABET[value & 31]]
    value >>= 5
    while value:
        digits.append(ALPHABET[32 + (value & 31)])
        value >>= 5
    return "".join(reversed(digits))


_SMALL_VARINTS = [_varint(value) for value in range(1 << 15)]  # up to three symbols, precomputed


def varint(value: int) -> str:
    """Big-endian base-32 digits: continuation symbols, then one final symbol."""
    return _SMALL_VARINTS[value] if value < 32768 else _varint(value)


def fixed(value: int, width: int) -> str:
    """``value`` in exactly ``width`` base-64 symbols (doc table columns)."""
    return "".join(ALPHABET[(value >> (6 * (width - 1 - i))) & 63] for i in range(width))


def width_for(count: int) -> int:
    """Symbols needed for the values 0..count."""
    width = 1
    while count >= 64**width:
        width += 1
    return width


def encode_docs(docs: list[int]) -> str:
    """A sorted doc-number list: gaps as varints, or a bitmap if that is shorter."""
    previous = -1
    gaps = []
    for doc in docs:
        gaps.append(varint(doc - previous - 1))
        previous = doc
    as_gaps = "".join(gaps)
    size = docs[-1] // 6 + 1 if docs else 0
    if 1 + size >= len(as_gaps):
        return as_gaps
    cells = [0] * size
    for doc in docs:
        cells[doc // 6] |= 1 << (doc % 6)
    return BITMAP_MARK + "".join(ALPHABET[cell] for cell in cells)


def encode_pages(pages: set[int]) -> str:
    """Pages of a key in one document (0 = a metadata field other than the title).

    Bit 0 of the first varint says which form follows: 0, a bitmask of the pages
    (``mask << 1``); 1, a count (``count << 1 | 1``) and the page gaps as varints.
    The shorter form wins; high pages always use the list.
    """
    ordered = sorted(pages)
    previous = -1
    gaps = []
    for page in ordered:
        gaps.append(varint(page - previous - 1))
        previous = page
    as_list = varint(len(ordered) << 1 | 1) + "".join(gaps)
    if ordered and ordered[-1] > MASK_MAX_PAGE:
        return as_list
    as_mask = varint(sum(1 << page for page in ordered) << 1)
    return as_mask if len(as_mask) <= len(as_list) else as_list


def length_byte(length: int) -> int:
    """whoosh's one-byte length: :data:`LENGTH_TABLE` gives the length it stands for."""
    return length_to_byte(length)


@dataclass
class FoldedPosting:
    """What a document holds for one folded syllable key."""

    tf: int = 0  # in the whole text, title included (whoosh's folded field)
    title_tf: int = 0  # in the title (whoosh's title field)
    pages: set[int] = field(default_factory=set)

    def encode(self, title_length: int) -> str:
        """tf and title flag; if in the title, its tf there and the title's length; the pages."""
        head = varint(self.tf << 1 | bool(self.title_tf))
        if self.title_tf:
            head += varint(self.title_tf) + varint(title_length)
        return head + encode_pages(self.pages)


def encode_positions(positions: list[int]) -> str:
    """Token positions of a bigram in one document: count, then gaps (first from -1)."""
    previous = -1
    gaps = []
    for position in positions:
        gaps.append(varint(position - previous - 1))
        previous = position
    return varint(len(positions)) + "".join(gaps)


@dataclass
class DocumentKeys:
    """Every key of one document: folded syllables with statistics, bigram positions, the rest as a set."""

    length: int = 0  # tokens, as whoosh counts the folded field's length
    title_length: int = 0
    folded: dict[str, FoldedPosting] = field(default_factory=lambda: defaultdict(FoldedPosting))
    positional: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    cited: list[str] = field(default_factory=list)  # number keys, whoosh's numbers field
    others: set[str] = field(default_factory=set)  # exact keys, bigrams, own number keys


def document_keys(record: IndexRecord) -> DocumentKeys:
    """The keys of one record, from the same segments and number keys as the whoosh index.

    Bigrams are built within one segment only, like whoosh phrases, which never
    span the stride between segments. A token's position counts the tokens before
    it plus its segment's number, so positions of two segments are never adjacent.
    """
    keys = DocumentKeys()
    for number, segment in enumerate(record_segments(record).segments):
        page = number - FIRST_PAGE_SEGMENT + 1 if number >= FIRST_PAGE_SEGMENT else 0
        _add_segment(keys, nfc(segment), page, number)
    own, cited = record_number_keys(record)
    keys.others.update(OWN_PREFIX + key for key in own)
    keys.cited = [CITED_PREFIX + key for key in cited]
    return keys


def _add_segment(keys: DocumentKeys, text: str, page: int, segment: int) -> None:
    previous: tuple[str, str] | None = None
    for offset, match in enumerate(TOKEN_PATTERN.finditer(text)):
        if offset >= SEGMENT_STRIDE:
            break
        token = match.group()
        folded, exact = folded_key(token), exact_key(token)
        posting = keys.folded[folded]
        posting.tf += 1
        if segment == 0:
            posting.title_tf += 1
            keys.title_length += 1
        else:
            posting.pages.add(page)
        position = keys.length + segment - 1  # of the previous token, where a bigram starts
        keys.length += 1
        keys.others.add(EXACT_PREFIX + exact)
        if previous:
            folded_pair, exact_pair = f"{previous[0]} {folded}", f"{EXACT_PREFIX}{previous[1]} {exact}"
            keys.others.update((BIGRAM_PREFIX + folded_pair, BIGRAM_PREFIX + exact_pair))
            keys.positional[POSITIONAL_PREFIX + folded_pair].append(position)
        previous = (folded, exact)


class PostingsBuilder:
    """Collects every document's keys, in doc-number order, as encoded text per key.

    Each key's postings grow in one bytearray (a list of small strings per key
    would take gigabytes for 10,000 documents).
    """

    def __init__(self) -> None:
        self.lists: dict[str, list] = {}  # key -> [bytearray of postings, last document]
        self.document_frequency: dict[str, int] = defaultdict(int)  # folded syllable keys

    def _append(self, key: str, doc: int, payload: str) -> None:
        entry = self.lists.get(key)
        if entry is None:
            self.lists[key] = [bytearray((varint(doc) + payload).encode("ascii")), doc]
        else:
            entry[0] += (varint(doc - entry[1] - 1) + payload).encode("ascii")
            entry[1] = doc

    def add(self, doc: int, keys: DocumentKeys) -> None:
        """Add document ``doc``; documents must come in increasing order."""
        for key, posting in keys.folded.items():
            self._append(key, doc, posting.encode(keys.title_length))
            self.document_frequency[key] += 1
        for key, positions in keys.positional.items():
            self._append(key, doc, encode_positions(positions))
        for key in keys.cited:  # with the length of the document's numbers field
            self._append(key, doc, varint(len(keys.cited)))
        for key in keys.others:
            self._append(key, doc, "")

    def encoded(self) -> dict[str, str]:
        """key -> posting string, every key (doc-only lists as a bitmap where shorter)."""
        result = {}
        for key, (data, last) in self.lists.items():
            text = data.decode("ascii")
            if key.startswith(DOC_ONLY_PREFIXES) and 2 + last // 6 < len(text):
                text = encode_docs(_gap_docs(text))
            result[key] = text
        return result


def _gap_docs(text: str) -> list[int]:
    """The documents of a gap-encoded doc list."""
    docs, value, doc = [], 0, -1
    for ch in text:
        code = SYMBOL_VALUES[ch]
        if code >= 32:
            value = value * 32 + code - 32
        else:
            doc += value * 32 + code + 1
            docs.append(doc)
            value = 0
    return docs
