"""Which text encoding a CSV inventory is in, decided per file.

The contract allows UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") and
Windows-1258. A BOM decides. Text that is valid UTF-8 and holds no NUL byte is UTF-8:
no other encoding of the contract produces it by chance. Anything else is weighed by
charset-normalizer, limited to the contract's encodings, which accepts a decoding only
when the text it gives is not a mess (its "chaos" ratio). It happily reads a few
digits as Chinese, though, so its UTF-16 is taken only when the NUL bytes also fall as
UTF-16's do; one stray NUL in UTF-8 text is just a bad character, removed and reported.

Files edited by hand are not always one encoding: a row pasted from an old Windows-1258
file into a UTF-8 one is invalid UTF-8. Decoding the whole file as Windows-1258 would
turn every other row into mojibake, so such a *mixed* file is decoded line by line:
UTF-8 where a line is valid UTF-8, Windows-1258 (best effort) where it is not, and the
caller is told which lines those were, so their rows are flagged, not published.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from charset_normalizer import from_bytes

CONTRACT_ENCODINGS = ("utf_8", "utf_16_le", "utf_16_be", "cp1258")
# The most "chaos" (charset-normalizer's measure of implausible text: odd characters,
# impossible letter sequences) a decoding may give and still be trusted: the library's
# own default, under which real Vietnamese text in the right encoding scores about 0.
MAX_CHAOS = 0.2
# UTF-16 text has a NUL high byte for every character below U+0100: in an inventory
# (digits, commas, spaces, line ends, Latin letters, most toned vowels) far more than a
# quarter of the characters. The low byte is NUL only for rare characters (U+0300, the
# combining grave of decomposed text): at most a quarter as often.
_UTF16_MIN_NUL_SHARE = 0.25
_UTF16_MIN_NULS = 4  # fewer is no evidence: "a,b" and its line end already have four
_NUL_SAMPLE = 1 << 16  # bytes looked at: enough for the pattern, cheap on a large file


@dataclass(frozen=True)
class DecodedCsv:
    text: str  # NFC, NUL characters removed
    encoding: str  # "utf-8", "utf-16-le", "utf-16-be", "cp1258", or "mixed"
    foreign_lines: tuple[int, ...] = ()  # lines (1-based) read as Windows-1258 in a UTF-8 file
    nul_lines: tuple[int, ...] = ()  # lines from which NUL characters were removed


def decode_csv(data: bytes) -> DecodedCsv | None:
    """The file's text, or None when no decoding of it can be trusted.

    Lines are numbered as :func:`csv_lines` gives them, which is how
    :class:`csv.reader` counts them (``line_num``).
    """
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[len(codecs.BOM_UTF8):], declared=True)
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _whole(data[len(bom):], encoding)
    if b"\x00" not in data:
        try:
            return _finish(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    best = from_bytes(data, cp_isolation=list(CONTRACT_ENCODINGS), threshold=MAX_CHAOS,
                      preemptive_behaviour=False, enable_fallback=False).best()
    guess = best.encoding if best is not None else None
    if guess in ("utf_16_le", "utf_16_be") and _nuls_fall_as_in(data, guess):
        return _whole(data, guess.replace("_", "-"))
    decoded = _utf8(data, declared=False)
    if decoded is None and guess == "cp1258":
        return _whole(data, "cp1258")
    return decoded


def _nuls_fall_as_in(data: bytes, encoding: str) -> bool:
    """Whether the NUL bytes fall as in UTF-16 text of that byte order (see above)."""
    sample = data[:_NUL_SAMPLE]
    first, second = sample[0::2].count(0), sample[1::2].count(0)  # NULs at even, odd offsets
    high_nuls, low_nuls = (second, first) if encoding == "utf_16_le" else (first, second)
    return (high_nuls >= max(_UTF16_MIN_NULS, _UTF16_MIN_NUL_SHARE * (len(sample) // 2))
            and low_nuls * 4 <= high_nuls)


def _utf8(data: bytes, declared: bool) -> DecodedCsv | None:
    """UTF-8, or mixed: UTF-8 with lines that are not, read as Windows-1258.

    A file is taken as mostly UTF-8 when its BOM says so or when at least one line
    beyond ASCII is valid UTF-8 (Windows-1258 Vietnamese practically never is).
    """
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    texts, foreign, utf8_seen = [], [], declared
    for number, line in enumerate(data.splitlines(keepends=True), 1):
        try:
            texts.append(line.decode("utf-8"))
            utf8_seen = utf8_seen or not line.isascii()
        except UnicodeDecodeError:
            texts.append(line.decode("cp1258", errors="replace"))
            foreign.append(number)
    if not utf8_seen:
        return None
    return _finish("".join(texts), "mixed", tuple(foreign))


def _whole(data: bytes, encoding: str) -> DecodedCsv | None:
    try:
        return _finish(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None


def _finish(text: str, encoding: str, foreign: tuple[int, ...] = ()) -> DecodedCsv:
    nul_lines: tuple[int, ...] = ()
    if "\x00" in text:  # never meaningful in an inventory; csv would keep it in the cell
        nul_lines = tuple(n for n, line in enumerate(csv_lines(text), 1) if "\x00" in line)
        text = text.replace("\x00", "")
    return DecodedCsv(unicodedata.normalize("NFC", text), encoding, foreign, nul_lines)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def csv_lines(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its ending (``\\r\\n``, ``\\r`` or ``\\n``), as
    ``io.StringIO(text, newline="")`` would give them but without copying the text into
    a buffer four bytes a character: a 64 MiB file would take 256 MB more."""
    return (match.group() for match in _LINE.finditer(text))
