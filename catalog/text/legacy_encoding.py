"""Character maps for the pre-Unicode Vietnamese font encodings TCVN3 and VNI.

Documents typed with .VnTime (TCVN3, also called ABC) or VNI-Times fonts stored
Vietnamese letters in the upper half of an 8-bit code page. PDF text extraction
reads those bytes as Windows-1252/Latin-1, so ``Uỷ ban nhân dân`` comes out as
``Uû ban nh©n d©n`` (TCVN3) or ``UÛy ban nhaân daân`` (VNI). Both encodings only
use code points 0xA0-0xFF, where Windows-1252 and Latin-1 agree, so the tables
below are keyed on the Latin-1 characters a PDF extractor produces.

* TCVN3 (TCVN 5712:1993, the "VN3" font subset): one byte per letter. It has
  the lower-case toned vowels and the capital shape letters (Ă Â Ê Ô Ơ Ư Đ);
  capital toned vowels were drawn by the separate all-caps ".VnTimeH" fonts
  with the lower-case codes, so decoding yields lower case for them.
* VNI: a base ASCII letter followed by a mark byte (``a`` + ``ù`` = ``á``), with
  a few precomposed letters (``ñ`` = ``đ``, ``ô`` = ``ơ``, ``ö`` = ``ư``, the
  toned ``i``s and ``ỵ``).

The tables are plain data so that the browser engine can mirror them. Whether a
text is mojibake at all is decided by :func:`repair_legacy_text`, by the share of
words that are valid Vietnamese syllables before and after decoding.
"""

from __future__ import annotations

import string
import unicodedata

from catalog.language.vietnamese import is_vietnamese_syllable, nfc

# --- TCVN3 -----------------------------------------------------------------
# Two aligned strings: TCVN3_LEGACY[i] (as read through Latin-1) is TCVN3_UNICODE[i].
# fmt: off
TCVN3_LEGACY = (
    "\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7"          # 0xA1-0xA7
    "\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae"          # 0xA8-0xAE
    "\u00b5\u00b6\u00b7\u00b8\u00b9"                      # 0xB5-0xB9
    "\u00bb\u00bc\u00bd\u00be\u00c6"                      # 0xBB-0xBE, 0xC6
    "\u00c7\u00c8\u00c9\u00ca\u00cb"                      # 0xC7-0xCB
    "\u00cc\u00ce\u00cf\u00d0\u00d1"                      # 0xCC, 0xCE-0xD1
    "\u00d2\u00d3\u00d4\u00d5\u00d6"                      # 0xD2-0xD6
    "\u00d7\u00d8\u00dc\u00dd\u00de"                      # 0xD7, 0xD8, 0xDC-0xDE
    "\u00df\u00e1\u00e2\u00e3\u00e4"                      # 0xDF, 0xE1-0xE4
    "\u00e5\u00e6\u00e7\u00e8\u00e9"                      # 0xE5-0xE9
    "\u00ea\u00eb\u00ec\u00ed\u00ee"                      # 0xEA-0xEE
    "\u00ef\u00f1\u00f2\u00f3\u00f4"                      # 0xEF, 0xF1-0xF4
    "\u00f5\u00f6\u00f7\u00f8\u00f9"                      # 0xF5-0xF9
    "\u00fa\u00fb\u00fc\u00fd\u00fe"                      # 0xFA-0xFE
)
TCVN3_UNICODE = (
    "ĂÂÊÔƠƯĐ"
    "ăâêôơưđ"
    "àảãáạ"
    "ằẳẵắặ"
    "ầẩẫấậ"
    "èẻẽéẹ"
    "ềểễếệ"
    "ìỉĩíị"
    "òỏõóọ"
    "ồổỗốộ"
    "ờởỡớợ"
    "ùủũúụ"
    "ừửữứự"
    "ỳỷỹýỵ"
)
# fmt: on

TCVN3_DECODE = {ord(old): new for old, new in zip(TCVN3_LEGACY, TCVN3_UNICODE, strict=True)}
TCVN3_ENCODE = {new: old for old, new in zip(TCVN3_LEGACY, TCVN3_UNICODE, strict=True)}

# --- VNI ---------------------------------------------------------------------
# Combining marks as Unicode spells them.
ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"

# Mark bytes that follow a base vowel: lower-case form, capital form, marks.
# A capital base letter is normally followed by the capital form, but fonts
# render both the same, so both decode regardless of the base letter's case.
VNI_MARKS = (
    ("\u00f9", "\u00d9", ACUTE),               # ù Ù  sắc
    ("\u00f8", "\u00d8", GRAVE),               # ø Ø  huyền
    ("\u00fb", "\u00db", HOOK),                # û Û  hỏi
    ("\u00f5", "\u00d5", TILDE),               # õ Õ  ngã
    ("\u00ef", "\u00cf", DOT),                 # ï Ï  nặng
    ("\u00e2", "\u00c2", CIRCUMFLEX),          # â Â  â ê ô
    ("\u00ea", "\u00ca", BREVE),               # ê Ê  ă
    ("\u00e1", "\u00c1", CIRCUMFLEX + ACUTE),  # á Á  ấ ế ố
    ("\u00e0", "\u00c0", CIRCUMFLEX + GRAVE),  # à À  ầ ề ồ
    ("\u00e5", "\u00c5", CIRCUMFLEX + HOOK),   # å Å  ẩ ể ổ
    ("\u00e3", "\u00c3", CIRCUMFLEX + TILDE),  # ã Ã  ẫ ễ ỗ
    ("\u00e4", "\u00c4", CIRCUMFLEX + DOT),    # ä Ä  ậ ệ ộ
    ("\u00e9", "\u00c9", BREVE + ACUTE),       # é É  ắ
    ("\u00e8", "\u00c8", BREVE + GRAVE),       # è È  ằ
    ("\u00fa", "\u00da", BREVE + HOOK),        # ú Ú  ẳ
    ("\u00fc", "\u00dc", BREVE + TILDE),       # ü Ü  ẵ
    ("\u00eb", "\u00cb", BREVE + DOT),         # ë Ë  ặ
)

# Letters VNI stores as a single byte: (lower-case byte, capital byte, lower-case letter).
VNI_LETTERS = (
    ("\u00f1", "\u00d1", "đ"),  # ñ Ñ
    ("\u00f4", "\u00d4", "ơ"),  # ô Ô
    ("\u00f6", "\u00d6", "ư"),  # ö Ö
    ("\u00ec", "\u00cc", "ì"),  # ì Ì
    ("\u00ed", "\u00cd", "í"),  # í Í
    ("\u00e6", "\u00c6", "ỉ"),  # æ Æ
    ("\u00f3", "\u00d3", "ĩ"),  # ó Ó
    ("\u00f2", "\u00d2", "ị"),  # ò Ò
    ("\u00ee", "\u00ce", "ỵ"),  # î Î
)

VNI_MARK_DECODE = {}
for _lower, _upper, _marks in VNI_MARKS:
    VNI_MARK_DECODE[_lower] = _marks
    VNI_MARK_DECODE[_upper] = _marks
VNI_LETTER_DECODE = {}
for _lower, _upper, _letter in VNI_LETTERS:
    VNI_LETTER_DECODE[_lower] = _letter
    VNI_LETTER_DECODE[_upper] = _letter.upper()

# Encoding direction: (shape mark, tone mark) -> (lower-case byte, capital byte).
VNI_MARK_ENCODE = {}
for _lower, _upper, _marks in VNI_MARKS:
    _shape = _marks[0] if _marks[0] in (CIRCUMFLEX, BREVE) else ""
    _tone = _marks[len(_shape) :]
    VNI_MARK_ENCODE[(_shape, _tone)] = (_lower, _upper)
VNI_LETTER_ENCODE = {}
for _lower, _upper, _letter in VNI_LETTERS:
    VNI_LETTER_ENCODE[_letter] = _lower
    VNI_LETTER_ENCODE[_letter.upper()] = _upper

VNI_BASE_VOWELS = frozenset("aeiouyAEIOUYơưƠƯ")
TONE_MARKS = frozenset((ACUTE, GRAVE, HOOK, TILDE, DOT))


def decode_tcvn3(text: str) -> str:
    """Convert TCVN3 mojibake (as read through Latin-1) to Unicode NFC."""
    return unicodedata.normalize("NFC", text.translate(TCVN3_DECODE))


def encode_tcvn3(text: str) -> str:
    """Spell Unicode Vietnamese the way a .VnTime PDF extracts (for tests and tools).

    Capital toned vowels have no TCVN3 code; like the .VnTimeH caps fonts, they
    are written with the lower-case code, so they decode back in lower case.
    """
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in TCVN3_ENCODE:
            out.append(TCVN3_ENCODE[char])
        elif char.lower() in TCVN3_ENCODE and char.lower() != char:
            out.append(TCVN3_ENCODE[char.lower()])
        else:
            out.append(char)
    return "".join(out)


def decode_vni(text: str) -> str:
    """Convert VNI mojibake (as read through Latin-1) to Unicode NFC.

    A mark byte only counts as a mark right after a vowel; anywhere else it is
    left alone, since then it cannot have come from a VNI font.
    """
    out: list[str] = []
    previous_is_vowel = False
    for char in text:
        letter = VNI_LETTER_DECODE.get(char)
        if letter is not None:
            out.append(letter)
            previous_is_vowel = letter in "ơưƠƯ"  # the others already carry a tone
            continue
        marks = VNI_MARK_DECODE.get(char)
        if marks is not None and previous_is_vowel:
            out.append(marks)
            previous_is_vowel = False  # one mark byte per vowel in VNI
            continue
        out.append(char)
        previous_is_vowel = char in VNI_BASE_VOWELS
    return unicodedata.normalize("NFC", "".join(out))


def encode_vni(text: str) -> str:
    """Spell Unicode Vietnamese the way a VNI-Times PDF extracts (for tests and tools)."""
    return "".join(_encode_vni_letter(char) for char in unicodedata.normalize("NFC", text))


def _encode_vni_letter(char: str) -> str:
    """One NFC letter to its VNI byte sequence."""
    if char in VNI_LETTER_ENCODE:
        return VNI_LETTER_ENCODE[char]
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not marks:
        return char
    shape = next((m for m in marks if m in (CIRCUMFLEX, BREVE, HORN)), "")
    tone = next((m for m in marks if m in TONE_MARKS), "")
    if shape == HORN:
        # ơ and ư are single VNI letters; only the tone follows them.
        horn_letter = unicodedata.normalize("NFC", base + HORN)
        base, shape = VNI_LETTER_ENCODE.get(horn_letter, horn_letter), ""
        if not tone:
            return base
    elif not shape:
        # The toned i's and ỵ are single VNI letters too.
        toned = unicodedata.normalize("NFC", base + tone)
        if toned in VNI_LETTER_ENCODE:
            return VNI_LETTER_ENCODE[toned]
    mark = VNI_MARK_ENCODE.get((shape, tone))
    if mark is None:
        return char  # not a Vietnamese letter: VNI cannot spell it
    return base + (mark[1] if base.isupper() else mark[0])


# --- legacy encodings ------------------------------------------------------

# Repair only text where at least this share of words is not Vietnamese ...
LEGACY_MIN_INVALID_SHARE = 0.3
# ... and only when a decoding turns at least this share of words valid.
LEGACY_MIN_GAIN_SHARE = 0.2
LEGACY_DECODERS = (("TCVN3", decode_tcvn3), ("VNI", decode_vni))
_EDGE_PUNCTUATION = string.punctuation + "“”‘’–—…«»"


def _legacy_candidate_words(text: str) -> list[str]:
    """Whitespace-separated words without edge punctuation or digits.

    Not :func:`tokenize`: mojibake letters such as ``©`` and ``¸`` are symbols
    to Unicode and would split a word in two.
    """
    words = (word.strip(_EDGE_PUNCTUATION) for word in text.split())
    return [word for word in words if word and not any(ch.isdigit() for ch in word)]


def _count_valid_syllables(words: list[str]) -> int:
    return sum(1 for word in words if is_vietnamese_syllable(word))


def repair_legacy_text(text: str) -> tuple[str, str | None]:
    """Convert TCVN3 or VNI mojibake to Unicode; return (text, "TCVN3" | "VNI" | None).

    Text that already reads as Vietnamese (or English, which no decoding
    improves) comes back unchanged with ``None``. Of the two decodings, the one
    that yields more valid syllables wins.
    """
    normalized = nfc(text)
    words = _legacy_candidate_words(normalized)
    if not words:
        return text, None
    valid = _count_valid_syllables(words)
    if (len(words) - valid) / len(words) < LEGACY_MIN_INVALID_SHARE:
        return text, None
    best_count, best_text, best_name = valid, text, None
    for name, decode in LEGACY_DECODERS:
        candidate = decode(normalized)
        count = _count_valid_syllables(_legacy_candidate_words(candidate))
        if count > best_count:
            best_count, best_text, best_name = count, candidate, name
    if best_count - valid < max(1.0, LEGACY_MIN_GAIN_SHARE * len(words)):
        return text, None
    return best_text, best_name
