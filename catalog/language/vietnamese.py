"""The analyzer's rules for Vietnamese text: normalization, keys, tokens, numbers.

Pure functions and data tables, no search-engine imports. The browser search
engine mirrors these rules one for one, so every rule is a small table or a
regular expression rather than clever code (see /work/shared/spec/vietnamese-search.md).

Two keys per syllable make search both precise and forgiving:

* ``exact_key`` keeps the diacritics but not where the tone mark sits:
  ``hòa`` and ``hoà`` both become ``hoa2`` (old and new tone placement).
* ``folded_key`` drops every mark: ``Đường`` becomes ``duong``.

Keys are made from the *search form* of the text (:func:`search_form`): look-alike
letters from other scripts read as the Vietnamese letters they stand for (Cyrillic
``о`` as ``o``, fullwidth ``ｃ`` as ``c``), zero-width characters are gone and no-break
spaces are spaces. Tokens, offsets and number spans stay in the NFC text as written,
so results are highlighted in the document's own spelling.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from catalog.language.lookalikes import LOOKALIKES

# Tone marks as combining characters -> VNI-style tone number. U+0340/U+0341 are
# the deprecated "tone mark" variants of grave/acute; NFD maps them to U+0300/U+0301
# but they are listed so the rule does not depend on that.
TONE_NUMBERS = {
    "\u0301": "1",  # sắc   (acute)
    "\u0341": "1",
    "\u0300": "2",  # huyền (grave)
    "\u0340": "2",
    "\u0309": "3",  # hỏi   (hook above)
    "\u0303": "4",  # ngã   (tilde)
    "\u0323": "5",  # nặng  (dot below)
}

# đ/Đ have no Unicode decomposition, so folding must map them explicitly.
STROKE_LETTERS = {ord("đ"): "d", ord("Đ"): "D"}

# Dash variants that mean "-" inside a document number: hyphen-minus, hyphen,
# non-breaking hyphen, figure dash, en dash, em dash, minus sign.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"

# Invisible characters that web pages, word processors and converters leave inside
# words: zero width space, non-joiner, joiner, word joiner, byte order mark. The eye
# sees no gap, so neither does search: they neither split a token nor reach a key.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# No-break, figure and narrow no-break space: to search, just a space.
NO_BREAK_SPACES = "\u00a0\u2007\u202f"

# A token is a run of letters, digits and combining marks (the marks matter for
# text that is still NFD), zero-width characters allowed between them. Everything
# else (space, no-break space, - / . , ...) separates tokens.
COMBINING_RANGES = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TOKEN_RUN = rf"(?:[^\W_]|[{COMBINING_RANGES}])+"
TOKEN_PATTERN = re.compile(rf"{_TOKEN_RUN}(?:[{ZERO_WIDTH}]+{_TOKEN_RUN})*")

# What search_form changes, as one str.translate table.
_SEARCH_TABLE = {
    **{ord(char): None for char in ZERO_WIDTH},
    **{ord(char): " " for char in NO_BREAK_SPACES},
    **{ord(source): letter for source, letter in LOOKALIKES.items()},
}
_SEARCH_CHARS = frozenset(map(chr, _SEARCH_TABLE))


def nfc(text: str) -> str:
    """Unicode NFC: PDFs often yield NFD (``Việt`` as e + circumflex + dot below)."""
    return unicodedata.normalize("NFC", text)


def search_form(text: str) -> str:
    """The spelling keys are made from: look-alikes read as letters, no zero-width
    characters, no-break spaces as spaces, NFC.

    Decomposed first, so the table meets base letters and marks apart (Cyrillic ``ӑ``
    is ``а`` + breve -> ``ă``); composed last, so a Cyrillic ``е`` + combining acute
    becomes ``é`` (see :mod:`catalog.language.lookalikes`).
    """
    if text.isascii():  # nothing to map, already NFC
        return text
    decomposed = unicodedata.normalize("NFD", text)
    if _SEARCH_CHARS.isdisjoint(decomposed):  # the usual case, and much faster than translate
        return nfc(text)
    return nfc(decomposed.translate(_SEARCH_TABLE))


def fold(text: str) -> str:
    """Remove every diacritic and the stroke of đ/Đ; keep case. ``Đường`` -> ``Duong``."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    return nfc(bare.translate(STROKE_LETTERS))


@lru_cache(maxsize=65536)
def tone_key(syllable: str) -> str:
    """Lower-case syllable with its tone mark replaced by a trailing tone number.

    Vowel shape marks (â ă ê ô ơ ư) and đ stay, so the key is diacritic-exact,
    but where the tone mark sits does not matter: ``hòa``/``hoà`` -> ``hoa2``,
    ``uỷ``/``ủy`` -> ``uy3``, ``Đảng`` -> ``đang3``. Only the first tone mark
    counts; a well-formed syllable has at most one. Made from the search form.
    """
    tone = ""
    kept = []
    for char in unicodedata.normalize("NFD", search_form(syllable).lower()):
        number = TONE_NUMBERS.get(char)
        if number is None:
            kept.append(char)
        elif not tone:
            tone = number
    return nfc("".join(kept)) + tone


def exact_key(token_text: str) -> str:
    """Index key that keeps diacritics but ignores tone placement and case."""
    return tone_key(token_text)


@lru_cache(maxsize=65536)
def folded_key(token_text: str) -> str:
    """Index key without any diacritics, lower-case: recall for unaccented queries and OCR."""
    return fold(search_form(token_text)).lower()


def has_diacritics(token_text: str) -> bool:
    """True when the token carries any mark (or đ): then exact matches should rank higher."""
    return folded_key(token_text) != search_form(token_text).lower()


# --- tokens ----------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """One syllable or alphanumeric run, as found in the NFC text."""

    text: str  # original spelling (NFC), case kept, for display and highlighting
    start: int  # character offsets in the NFC text
    end: int
    position: int  # 0-based, consecutive


def tokenize(text: str) -> list[Token]:
    """Split text into tokens after NFC. ``64-CV/TW`` -> ``64``, ``CV``, ``TW``."""
    normalized = nfc(text)
    return [
        Token(match.group(), match.start(), match.end(), position)
        for position, match in enumerate(TOKEN_PATTERN.finditer(normalized))
    ]


# --- document numbers ------------------------------------------------------


@dataclass(frozen=True)
class DocNumber:
    """A document number found in text: the span as written and its canonical key."""

    text: str  # raw span, spelling kept for display (``367 - QĐ/TWĐTN-VP``)
    start: int  # character offsets in the NFC text
    end: int
    key: str  # canonical_number(text): ``367-QĐ/TWĐTN-VP``


_SEPARATOR = rf"[/{re.escape(DASHES)}]"
_BLANK = rf"[ \t{NO_BREAK_SPACES}]*"
# serial number, optional "/year", a separator (spaces allowed around it, as in
# "367 - QĐ/..." and "1206 /QĐ-..."), then a chain of symbol parts joined by - or /.
DOC_NUMBER_PATTERN = re.compile(
    rf"(?<![^\W_])(?<!{_SEPARATOR})"
    rf"\d{{1,6}}(?:/\d{{4}})?{_BLANK}{_SEPARATOR}{_BLANK}"
    rf"(?P<symbol>[^\W\d_][^\W_]*(?:{_SEPARATOR}[^\W_]+)*)"
)
_SYMBOL_SPLIT = re.compile(rf"({_SEPARATOR})")


def _is_symbol_part(part: str, first: bool) -> bool:
    """Is this an issuer/type abbreviation such as ``CV``, ``QH15``, ``QyĐ`` or ``CTr``?

    It starts with a capital (later parts may start with a digit). Mixed-case
    abbreviations have at least two capitals, which keeps ordinary words such
    as ``Công`` out: ``10/4/2025 - Công văn`` is a date followed by text.
    """
    head = part[0]
    if not (head.isupper() or (not first and head.isdigit())):
        return False
    capitals = sum(ch.isupper() for ch in part)
    has_lower = any(ch.islower() for ch in part)
    return not has_lower or capitals >= 2


def _valid_symbol_length(symbol: str) -> int:
    """Length of the longest prefix of the symbol chain made of valid parts (0 if none)."""
    pieces = _SYMBOL_SPLIT.split(symbol)  # part, separator, part, ...
    length = 0
    capitals = 0
    for index in range(0, len(pieces), 2):
        part = pieces[index]
        if not _is_symbol_part(part, first=index == 0):
            break
        capitals += sum(ch.isupper() for ch in part)
        length += len(part) + (len(pieces[index - 1]) if index else 0)
    return length if capitals >= 2 else 0


def find_document_numbers(text: str) -> list[DocNumber]:
    """Every document number in the text (Party, state legal and administrative forms).

    A plain date such as ``10/4/2025`` is not a number: a number always has a
    symbol part made of capitals.
    """
    normalized = nfc(text)
    found = []
    for match in DOC_NUMBER_PATTERN.finditer(normalized):
        symbol_length = _valid_symbol_length(match.group("symbol"))
        if not symbol_length:
            continue
        end = match.start("symbol") + symbol_length
        raw = normalized[match.start() : end]
        found.append(DocNumber(raw, match.start(), end, canonical_number(raw)))
    return found


_DASH_TABLE = {ord(dash): "-" for dash in DASHES}
_WHITESPACE = re.compile(r"\s+")


def canonical_number(raw: str) -> str:
    """Search key of a document number: search form, upper case, one dash, no spaces.

    ``64-СV/TW`` typed with a Cyrillic ``С`` has the key of ``64-CV/TW``.
    """
    return _WHITESPACE.sub("", search_form(raw).upper().translate(_DASH_TABLE))


def number_keys(raw: str) -> tuple[str, ...]:
    """The canonical key, plus the variant with Đ -> D since OCR often loses the stroke."""
    canonical = canonical_number(raw)
    if not canonical:
        return ()
    without_stroke = canonical.replace("Đ", "D")
    return (canonical,) if without_stroke == canonical else (canonical, without_stroke)


# --- syllable structure ----------------------------------------------------

# Initial consonants, and rhymes (medial + vowel nucleus + final) without tone.
ONSETS = ("", *"b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split())
RHYMES = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay   ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây   e ec em en eng eo ep et   ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    y ych ynh yt yu yêm yên yêng yêt yêu
    o oc oi om on ong op ot ooc oong
    oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăp oăt
    oe oem oen oeo oet   ô ôc ôi ôm ôn ông ôp ôt   ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut   uâc uân uâng uât uây   uê uêch uênh uêt
    uôc uôi uôm uôn uông uôt   uơ uy uya uych uyên uyêt uynh uyt uyu
    ư ưa ưc ưi ưm ưn ưng ưt ưu   ươc ươi ươm ươn ương ươp ươt ươu
    """.split()
)
VOWELS = frozenset("aăâeêioôơuưy")
VIETNAMESE_LETTERS = frozenset("abcdeghiklmnopqrstuvxyăâđêôơư")
SHAPE_MARKS = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn
STOP_FINALS = ("c", "ch", "p", "t")
STOP_TONES = frozenset("15")  # a syllable ending in a stop takes only sắc or nặng


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """Could this be a Vietnamese syllable: onset + rhyme, at most one tone, on a vowel?

    Reasonable rather than perfect: it accepts some non-words, but it rejects
    the typical mojibake (``nh©n``, ``Uû``, ``tænh``) and most English words.
    """
    tone = ""
    letters: list[str] = []
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in TONE_NUMBERS:
            base = nfc("".join(letters))[-1:]
            if tone or not base or fold(base) not in VOWELS:
                return False  # a second tone, or a tone on a consonant
            tone = TONE_NUMBERS[char]
        else:
            letters.append(char)
    bare = nfc("".join(letters))
    if not bare or not set(bare) <= VIETNAMESE_LETTERS:
        return False
    for onset in ONSETS:
        rhyme = bare[len(onset) :]
        if bare.startswith(onset) and rhyme in RHYMES:
            if not rhyme.endswith(STOP_FINALS) or tone in STOP_TONES:
                return True
    return False
