"""Deterministic PDF makers for catalog's sample data, tests and benchmarks.

Every function here writes the same bytes for the same arguments (reportlab runs with
``invariant=1``, random numbers come from ``random.Random(seed)``), so generated
fixtures can be committed and regenerated without noise in ``git diff``.

Makers
------
- :func:`write_text_pdf` -- born-digital text PDF: embedded subset TrueType font with a
  ToUnicode map, so pdfium/pypdfium2 extract the Vietnamese text exactly.
- :func:`write_scanned_pdf` -- image-only PDF (one grayscale JPEG per page, no text layer),
  optionally with an invisible "OCR" text layer (``ocr_text=``).
- :func:`write_legacy_tcvn3_pdf` -- a 1990s-style PDF typed in a .VnTime (TCVN3) font: it
  *looks* like Vietnamese, but text extraction yields TCVN3 mojibake (``Uû ban nh©n d©n``).
- :func:`write_damaged_pdf`, :func:`write_encrypted_pdf`, :func:`write_not_a_pdf` -- bad input.

Helpers: :func:`official_document` builds page strings in the layout conventions below;
:func:`encode_tcvn3` / :func:`decode_tcvn3` convert between Unicode and TCVN3 mojibake;
:func:`extract_pages` returns pdfium's text per page; :func:`squash` collapses whitespace
for comparing extracted text with the page strings that went in.

Page text conventions (plain text, no markup characters, so that the extracted text
equals the input once whitespace is collapsed with :func:`squash`):

- One string per page; ``\\n`` separates lines, a blank line is vertical space.
- A line containing a TAB is a two-column row: the text before the first TAB goes to the
  left column (issuer, number, "Nơi nhận:" list), the text after it to the right column
  (national or Party motto, place and date, signer). Either side may be empty. Cells are
  never wrapped; a cell too wide for its column is set in a smaller size.
  Upper-case cells are bold; "Độc lập - Tự do - Hạnh phúc" and "ĐẢNG CỘNG SẢN VIỆT NAM"
  are underlined; a right cell with "ngày ... năm" (place and date) or in parentheses
  ("(Đã ký)") is oblique; after a left cell "Nơi nhận:", left cells are set small and
  flush left and mixed-case right cells (the signer's name) bold.
- A line starting with ``V/v`` is the subject line of an official letter (công văn): set
  oblique, centred and wrapped inside the left column.
- A block (lines between blank lines) whose first line is all upper case is a title block
  ("QUYẾT ĐỊNH", "KẾ HOẠCH" + the subject line): centred, bold, wrapped.
  Exception: upper-case lines starting with a section number ("I.", "2.") are bold
  headings, flush left.
- Every other line is a body paragraph: first-line indent, justified, wrapped to the page.

Each input page becomes exactly one PDF page (page counts declared in inventories must
match): when a page's text does not fit, the whole page is set in smaller type, down to a
floor; beyond it ``ValueError`` is raised naming the page.

Fonts: DejaVu Serif / DejaVu Sans (Debian package ``fonts-dejavu-core``), looked up in
``$CATALOG_FONT_DIR`` and the usual system directories; :class:`FontNotFoundError`
explains what to install when they are missing.
"""

from __future__ import annotations

import io
import os
import random
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Sequence

__all__ = [
    "FontNotFoundError",
    "TCVN3_TABLE",
    "decode_tcvn3",
    "encode_tcvn3",
    "extract_pages",
    "font_path",
    "official_document",
    "page_scales",
    "squash",
    "write_damaged_pdf",
    "write_encrypted_pdf",
    "write_legacy_tcvn3_pdf",
    "write_not_a_pdf",
    "write_scanned_pdf",
    "write_text_pdf",
]

# --------------------------------------------------------------------------- geometry

PT_PER_MM = 72 / 25.4
A4 = (210 * PT_PER_MM, 297 * PT_PER_MM)  # points
# Decree 30/2020/NĐ-CP, Appendix I: top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
MARGIN_LEFT = 30 * PT_PER_MM
MARGIN_RIGHT = 20 * PT_PER_MM
MARGIN_TOP = 20 * PT_PER_MM
MARGIN_BOTTOM = 20 * PT_PER_MM
TEXT_WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
LEFT_COLUMN = 0.42  # share of the text width taken by the left header column
BODY_SIZE = 13.0  # Decree 30: body text 13-14 pt
OBLIQUE_SHEAR = 0.2  # DejaVu core has no italic faces: slant the upright ones

PRODUCER_CREATOR = "catalog scripts/pdfgen.py"

# --------------------------------------------------------------------------- fonts

FONT_FILES = {
    ("serif", False): "DejaVuSerif.ttf",
    ("serif", True): "DejaVuSerif-Bold.ttf",
    ("sans", False): "DejaVuSans.ttf",
    ("sans", True): "DejaVuSans-Bold.ttf",
}
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu: fonts-dejavu-core
    "/usr/share/fonts/dejavu",  # Fedora, Arch
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts/dejavu",
    "/usr/local/share/fonts",
    "/opt/homebrew/share/fonts",
)


class FontNotFoundError(RuntimeError):
    """The DejaVu TrueType fonts are not installed."""


def font_path(family: str = "serif", bold: bool = False) -> Path:
    """Path of the DejaVu TrueType file for ``family`` ("serif" or "sans")."""
    try:
        name = FONT_FILES[(family, bool(bold))]
    except KeyError:
        raise ValueError(f"font must be 'serif' or 'sans', not {family!r}") from None
    dirs = [os.environ["CATALOG_FONT_DIR"]] if os.environ.get("CATALOG_FONT_DIR") else []
    dirs += FONT_DIRS
    for d in dirs:
        p = Path(d) / name
        if p.is_file():
            return p
    raise FontNotFoundError(
        f"{name} not found (looked in: {', '.join(dirs)}). Install the DejaVu fonts, "
        "e.g. `sudo apt-get install fonts-dejavu-core` on Debian/Ubuntu, "
        "or point CATALOG_FONT_DIR at a directory holding DejaVuSerif.ttf, "
        "DejaVuSerif-Bold.ttf, DejaVuSans.ttf and DejaVuSans-Bold.ttf."
    )


_registered: dict[str, str] = {}


def _register(name: str, path: Path, *, face_name: bytes | None = None,
              remap: dict[int, str] | None = None) -> str:
    """Register a TrueType font with reportlab once; optionally re-map code points.

    ``remap`` maps a code point to the character whose glyph it should draw: that is how
    a .VnTime font works (code 0xA9 '©' draws 'â'). ``face_name`` must then differ from
    the stock font's, because reportlab names embedded subsets after the face.
    """
    if name in _registered:
        return name
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, str(path))
    face = font.face
    if face_name:
        face.name = face_name
    for code, char in (remap or {}).items():
        gid = face.charToGlyph[ord(char)]
        face.charToGlyph[code] = gid
        face.charWidths[code] = face.charWidths[ord(char)]
    pdfmetrics.registerFont(font)
    _registered[name] = str(path)
    return name


class _Face:
    """Measures text and splits it into (reportlab font name, string) runs."""

    def __init__(self, family: str = "serif"):
        if family not in ("serif", "sans"):
            raise ValueError(f"font must be 'serif' or 'sans', not {family!r}")
        self.family = family
        stem = "CatalogDejaVuSerif" if family == "serif" else "CatalogDejaVuSans"
        self.paths = {b: font_path(family, b) for b in (False, True)}
        self.names = {
            False: _register(stem, self.paths[False]),
            True: _register(stem + "-Bold", self.paths[True]),
        }

    def runs(self, text: str, bold: bool) -> list[tuple[str, str]]:
        return [(self.names[bold], text)]

    def width(self, text: str, size: float, bold: bool) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return sum(stringWidth(s, f, size) for f, s in self.runs(text, bold))


# --------------------------------------------------------------------------- TCVN3

# TCVN 5712:1993 "VN3" (the .VnTime / .VnTimeH font encoding, also called ABC):
# the code of every Vietnamese letter that is not plain ASCII. Lower-case letters with
# a tone mark have codes; upper-case ones do not (typists switched to a .VnTimeH font,
# which draws the lower-case codes as capitals), except the seven base letters
# Ă Â Ê Ô Ơ Ư Đ (0xA1-0xA7). Checked against mojibake strings found in real
# extracted documents, e.g. "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
# "§éc lËp - Tù do - H¹nh phóc", "Uû ban nh©n d©n".
_TCVN3_ROWS = {
    # base:   (no tone, grave, hook, tilde, acute, dot below)
    "a": ("a", 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": ("e", 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": ("i", 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": ("o", 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": ("u", 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": ("y", 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")


def _build_tcvn3() -> dict[str, int]:
    table: dict[str, int] = {"đ": 0xAE}
    for base, codes in _TCVN3_ROWS.items():
        for tone, code in zip(_TONES, codes):
            if isinstance(code, int):
                table[unicodedata.normalize("NFC", base + tone)] = code
    for letter, code in zip("ĂÂÊÔƠƯĐ", range(0xA1, 0xA8)):
        table[letter] = code
    return table


TCVN3_TABLE: dict[str, int] = _build_tcvn3()
"""Unicode letter (NFC) → TCVN3 byte, for all lower-case Vietnamese letters that are not
ASCII and for the upper-case Ă Â Ê Ô Ơ Ư Đ. Source: TCVN 5712:1993 (VN3)."""

_TCVN3_REVERSE = {code: ch for ch, code in TCVN3_TABLE.items()}


def _tcvn3_char(ch: str) -> tuple[str, bool]:
    """(TCVN3 character, needs the upper-case .VnTimeH font) for one NFC character."""
    if ch in TCVN3_TABLE:
        return chr(TCVN3_TABLE[ch]), False
    if ord(ch) < 128:
        return ch, False
    low = ch.lower()
    if low in TCVN3_TABLE and low != ch:  # upper-case toned letter: lower code, H font
        return chr(TCVN3_TABLE[low]), True
    raise ValueError(f"{ch!r} (U+{ord(ch):04X}) has no TCVN3 code")


def encode_tcvn3(text: str) -> str:
    """What a PDF typed in .VnTime/.VnTimeH yields on extraction, for Unicode ``text``.

    Upper-case toned letters become their lower-case codes (as typed with a .VnTimeH
    font), so ``encode_tcvn3("ỦY BAN") == "ñY BAN"``. Raises ``ValueError`` on characters
    TCVN3 cannot represent.
    """
    return "".join(_tcvn3_char(ch)[0] for ch in unicodedata.normalize("NFC", text))


def decode_tcvn3(text: str) -> str:
    """Unicode (NFC) for TCVN3 mojibake. Letters that were drawn upper case by a
    .VnTimeH font come back lower case (the encoding cannot tell)."""
    return "".join(_TCVN3_REVERSE.get(ord(ch), ch) for ch in text)


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(not c.islower() for c in letters)


class _Tcvn3Face(_Face):
    """Fonts built like .VnTime (lower case) and .VnTimeH (capitals) from DejaVu Serif:
    their code points are TCVN3 bytes, their glyphs Vietnamese letters, their ToUnicode
    maps Latin-1. Upper-case lines are set entirely in the H font."""

    def __init__(self):
        self.family = "serif"
        self.paths = {b: font_path("serif", b) for b in (False, True)}
        lower = {code: ch for ch, code in TCVN3_TABLE.items()}
        upper = {code: ch.upper() for ch, code in TCVN3_TABLE.items()}
        upper.update({ord(c): c.upper() for c in "abcdefghijklmnopqrstuvwxyz"})
        self.names = {}
        self.h_names = {}
        for bold in (False, True):
            suffix = "-Bold" if bold else ""
            self.names[bold] = _register(
                "CatalogVnTime" + suffix, self.paths[bold],
                face_name=("VnTime" + suffix).encode(), remap=lower)
            self.h_names[bold] = _register(
                "CatalogVnTimeH" + suffix, self.paths[bold],
                face_name=("VnTimeH" + suffix).encode(), remap=upper)

    def runs(self, text: str, bold: bool) -> list[tuple[str, str]]:
        text = unicodedata.normalize("NFC", text)
        if _is_caps(text):
            return [(self.h_names[bold], encode_tcvn3(text))]
        runs: list[tuple[str, str]] = []
        for ch in text:
            code, h = _tcvn3_char(ch)
            font = self.h_names[bold] if h else self.names[bold]
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + code)
            else:
                runs.append((font, code))
        return runs


# --------------------------------------------------------------------------- layout


@dataclass
class _Line:
    x: float  # points from the left edge
    y: float  # baseline, points from the bottom edge
    words: list[str]
    size: float
    bold: bool = False
    oblique: bool = False
    gaps: list[float] = field(default_factory=list)  # x offset of each word
    extra: float = 0.0  # added to each space when justified

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class _Rule:
    x1: float
    x2: float
    y: float
    width: float = 0.6


@dataclass
class _Page:
    lines: list[_Line]
    rules: list[_Rule]
    bottom: float
    scale: float


_SECTION = re.compile(r"^(?:[IVXLC]+|\d+|[a-zđ])[.)]\s")
_MOTTOS = {"ĐẢNG CỘNG SẢN VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}


def _units(text: str) -> list[str]:
    """Words to wrap; a lone dash stays with the word after it."""
    out: list[str] = []
    glue = False
    for w in text.split():
        if glue and out:
            out[-1] += " " + w
        else:
            out.append(w)
        glue = w in ("-", "–", "+")
    return out


class _Layout:
    def __init__(self, face: _Face, scale: float, base: float):
        self.face = face
        self.s = scale
        self.base = base * scale
        self.y = A4[1] - MARGIN_TOP
        self.lines: list[_Line] = []
        self.rules: list[_Rule] = []

    # -- helpers
    def _w(self, text: str, size: float, bold: bool) -> float:
        return self.face.width(text, size, bold)

    def _place(self, words: list[str], x: float, size: float, bold: bool,
               oblique: bool, width: float | None = None, justify: bool = False) -> _Line:
        space = self._w(" ", size, bold)
        widths = [self._w(w, size, bold) for w in words]
        extra = 0.0
        if justify and width and len(words) > 1:
            extra = max(0.0, (width - sum(widths) - space * (len(words) - 1)) / (len(words) - 1))
        gaps, pos = [], 0.0
        for w in widths:
            gaps.append(pos)
            pos += w + space + extra
        line = _Line(x, self.y, words, size, bold, oblique, gaps, extra)
        self.lines.append(line)
        return line

    def _wrap(self, text: str, size: float, bold: bool, width: float,
              first_indent: float = 0.0) -> list[list[str]]:
        units = _units(text)
        space = self._w(" ", size, bold)
        rows: list[list[str]] = []
        cur: list[str] = []
        cur_w = 0.0
        avail = width - first_indent
        for u in units:
            uw = self._w(u, size, bold)
            if cur and cur_w + space + uw > avail:
                rows.append(cur)
                cur, cur_w, avail = [], 0.0, width
            cur_w = uw if not cur else cur_w + space + uw
            cur.extend(u.split(" "))
        if cur:
            rows.append(cur)
        return rows

    def _fit(self, text: str, size: float, bold: bool, width: float) -> float:
        while size > 5 and self._w(text, size, bold) > width:
            size -= 0.25
        return size

    # -- blocks
    def gap(self, factor: float = 0.55):
        self.y -= self.base * 1.3 * factor

    def paragraph(self, text: str, *, size: float | None = None, bold: bool = False,
                  indent: float = 10 * PT_PER_MM):
        size = size or self.base
        lead = size * 1.32
        rows = self._wrap(text, size, bold, TEXT_WIDTH, indent)
        for i, words in enumerate(rows):
            self.y -= lead
            x = MARGIN_LEFT + (indent if i == 0 else 0)
            last = i == len(rows) - 1
            width = TEXT_WIDTH - (indent if i == 0 else 0)
            self._place(words, x, size, bold, False, width, justify=not last)
        self.y -= size * 0.18  # paragraph spacing (Decree 30: min 6 pt)

    def centered(self, text: str, size: float, bold: bool, oblique: bool = False,
                 x0: float = MARGIN_LEFT, width: float = TEXT_WIDTH):
        for words in self._wrap(text, size, bold, width * 0.92):
            self.y -= size * 1.28
            w = self._w(" ".join(words), size, bold)
            self._place(words, x0 + (width - w) / 2, size, bold, oblique)

    def rows(self, rows: list[tuple[str, str]]):
        pad = 4.0  # keep the two columns apart
        left_w = TEXT_WIDTH * LEFT_COLUMN - pad
        right_x = MARGIN_LEFT + TEXT_WIDTH * LEFT_COLUMN + pad
        right_w = TEXT_WIDTH - left_w - 2 * pad
        signer = False
        for i, (left, right) in enumerate(rows):
            left, right = left.strip(), right.strip()
            nxt = rows[i + 1][0].strip() if i + 1 < len(rows) else ""
            if left.startswith("Nơi nhận"):
                signer = True
            cells = []  # (text, x0, width, size, bold, oblique, align, underline)
            if left:
                if signer:
                    first = left.startswith("Nơi nhận")
                    size = self.base * (0.86 if first else 0.8)
                    cells.append((left, MARGIN_LEFT, left_w, size, first, first, "left", False))
                else:
                    caps = _is_caps(left)
                    bold = caps and not _is_caps(nxt)
                    cells.append((left, MARGIN_LEFT, left_w, self.base * 0.96, bold, False,
                                  "center", bold and nxt != "*"))
            if right:
                caps = _is_caps(right)
                nfc = unicodedata.normalize("NFC", right)
                motto = nfc in _MOTTOS
                dated = " ngày " in f" {nfc} " and " năm " in f" {nfc} "
                paren = nfc.startswith("(")
                bold = caps or motto or (signer and not paren and not dated)
                size = self.base * (1.0 if (motto or dated or signer) else 0.96)
                cells.append((right, right_x, right_w, size, bold, dated or paren,
                              "center", motto))
            sizes = [self._fit(t, s, b, w) for t, _, w, s, b, *_ in cells]
            lead = max(sizes, default=self.base) * 1.25
            self.y -= lead
            for (text, x0, width, _, bold, obl, align, under), size in zip(cells, sizes):
                w = self._w(text, size, bold)
                x = x0 if align == "left" else x0 + (width - w) / 2
                self._place(text.split(), x, size, bold, obl)
                if under:
                    uw = w if unicodedata.normalize("NFC", text) in _MOTTOS else min(w, width * 0.4)
                    ux = x0 + (width - uw) / 2
                    self.rules.append(_Rule(ux, ux + uw, self.y - size * 0.28))

    def subject_line(self, text: str):
        """``V/v ...`` of an official letter: under the number, in the left column."""
        left_w = TEXT_WIDTH * LEFT_COLUMN
        self.centered(text, self.base * 0.92, False, True, MARGIN_LEFT, left_w)


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    cur: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw.strip():
            cur.append(raw.rstrip(" "))
        else:
            if cur:
                blocks.append(cur)
                cur = []
            blocks.append([])
    if cur:
        blocks.append(cur)
    return blocks


def _layout_page(text: str, face: _Face, scale: float, base: float) -> _Page:
    lay = _Layout(face, scale, base)
    for block in _blocks(text):
        if not block:
            lay.gap()
            continue
        first = block[0]
        if (_is_caps(first) and "\t" not in first and not _SECTION.match(first)):
            for j, line in enumerate(block):
                caps = _is_caps(line)
                size = lay.base * (1.08 if caps and j == 0 else 1.0 if caps else 1.03)
                lay.centered(line.strip(), size, True)
            continue
        i = 0
        while i < len(block):
            line = block[i]
            if "\t" in line:
                rows = []
                while i < len(block) and "\t" in block[i]:
                    left, _, right = block[i].partition("\t")
                    rows.append((left, right))
                    i += 1
                lay.rows(rows)
                continue
            stripped = line.strip()
            if stripped.startswith("V/v"):
                lay.subject_line(stripped)
            elif _is_caps(stripped) and _SECTION.match(stripped):
                lay.paragraph(stripped, bold=True, indent=0)
            elif stripped.startswith("Kính gửi"):
                lay.paragraph(stripped, indent=25 * PT_PER_MM)
            else:
                lay.paragraph(stripped)
            i += 1
    return _Page(lay.lines, lay.rules, lay.y, scale)


def _layout_fit(text: str, face: _Face, number: int, base: float = BODY_SIZE,
                min_scale: float = 0.62) -> _Page:
    scale = 1.0
    while True:
        page = _layout_page(text, face, scale, base)
        if page.bottom >= MARGIN_BOTTOM:
            return page
        if scale <= min_scale + 1e-9:
            raise ValueError(
                f"page {number} does not fit on A4 even at {base * scale:.1f} pt; "
                "split its text over more pages")
        scale = max(min_scale, round(scale - 0.03, 2))


# --------------------------------------------------------------------------- PDF drawing


def _canvas(path: Path | io.BytesIO, *, title=None, author=None, subject=None,
            keywords=None, creator=PRODUCER_CREATOR):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(path if isinstance(path, io.BytesIO) else str(path),
                      pagesize=A4, invariant=1, pageCompression=1)
    c.setCreator(creator)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    if subject:
        c.setSubject(subject)
    if keywords:
        c.setKeywords(", ".join(keywords) if not isinstance(keywords, str) else keywords)
    return c


def _draw_page(c, page: _Page, face: _Face, *, invisible: bool = False):
    for line in page.lines:
        t = c.beginText()
        if invisible:
            t.setTextRenderMode(3)
        if line.oblique:
            t.setTextTransform(1, 0, OBLIQUE_SHEAR, 1, line.x, line.y)
        else:
            t.setTextOrigin(line.x, line.y)
        if line.extra:
            t.setWordSpace(line.extra)  # justification: Tw widens the real spaces
        for font, s in face.runs(line.text, line.bold):
            t.setFont(font, line.size)
            t.textOut(s)
        c.drawText(t)
    if not invisible:
        c.setLineWidth(0.6)
        for r in page.rules:
            c.line(r.x1, r.y, r.x2, r.y)


def _check_pages(pages: Sequence[str]) -> list[str]:
    if isinstance(pages, str):
        raise TypeError("pages must be a list of strings, one per page")
    pages = list(pages)
    if not pages:
        raise ValueError("at least one page is needed")
    return pages


def _write(path, data: bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _text_pdf_bytes(pages: Sequence[str], face: _Face, **meta) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, **meta)
    for n, text in enumerate(pages, 1):
        _draw_page(c, _layout_fit(text, face, n), face)
        c.showPage()
    c.save()
    return buf.getvalue()


def write_text_pdf(path, pages: list[str], *, title: str | None = None,
                   author: str | None = None, subject: str | None = None,
                   keywords: str | Sequence[str] | None = None,
                   font: str = "serif") -> Path:
    """Write a born-digital A4 PDF with one page per string in ``pages``.

    The text is set in DejaVu Serif (``font="serif"``) or DejaVu Sans (``"sans"``),
    embedded as TrueType subsets with ToUnicode maps: pypdfium2 extracts each page's
    text exactly as given, up to whitespace (compare with :func:`squash`); NFD input
    stays NFD. The layout follows the conventions in the module docstring (use
    :func:`official_document` to build them). ``title``/``author``/``subject``/
    ``keywords`` go to the document information dictionary. Returns the path.
    """
    pages = _check_pages(pages)
    face = _Face(font)
    data = _text_pdf_bytes(pages, face, title=title, author=author, subject=subject,
                           keywords=keywords)
    return _write(path, data)


def write_legacy_tcvn3_pdf(path, pages: list[str], *, title: str | None = None,
                           author: str | None = None) -> Path:
    """Write a PDF as a 1990s word processor with .VnTime/.VnTimeH fonts produced it.

    ``pages`` is ordinary Unicode Vietnamese (same layout conventions as
    :func:`write_text_pdf`). Each character is drawn with its TCVN3 code (TCVN 5712:1993)
    in a font whose glyph at that code is the Vietnamese letter, so the page *looks*
    right but pypdfium2 extracts ``encode_tcvn3(text)``: ``Uỷ ban nhân dân`` comes out as
    ``Uû ban nh©n d©n``; upper-case lines come out as .VnTimeH typing gives them
    (``CéNG HßA``). Characters TCVN3 lacks raise ``ValueError``. ``title``/``author``
    are stored as given. Returns the path.
    """
    pages = _check_pages(pages)
    face = _Tcvn3Face()
    data = _text_pdf_bytes(pages, face, title=title, author=author)
    return _write(path, data)


# --------------------------------------------------------------------------- scans


def _render_scan(page: _Page, face: _Face, dpi: int, rng: random.Random,
                 skew: tuple[float, float] = (0.35, 0.9), noise: int = 7):
    from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

    k = dpi / 72.0
    w, h = round(A4[0] * k), round(A4[1] * k)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    fonts: dict[tuple[bool, float], ImageFont.FreeTypeFont] = {}
    for line in page.lines:
        key = (line.bold, round(line.size * k, 2))
        if key not in fonts:
            fonts[key] = ImageFont.truetype(str(face.paths[line.bold]), key[1])
        font = fonts[key]
        for word, dx in zip(line.words, line.gaps):
            x = (line.x + dx) * k
            y = (A4[1] - line.y) * k
            draw.text((x, y), unicodedata.normalize("NFC", word), font=font, fill=0,
                      anchor="ls")
    for r in page.rules:
        y = (A4[1] - r.y) * k
        draw.line([(r.x1 * k, y), (r.x2 * k, y)], fill=0, width=1)

    # Toner spread, paper tone, uneven light, skew, paper grain, dust.
    img = img.filter(ImageFilter.GaussianBlur(0.45))
    paper = rng.randint(226, 238)
    ink = rng.randint(28, 52)
    img = img.point(lambda v: round(ink + v * (paper - ink) / 255))
    shade = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270))).resize((w, h))
    shade = shade.point(lambda v: 128 - v * 14 // 255)
    img = ImageChops.add(img, shade, 1.0, -121)
    angle = rng.uniform(*skew) * rng.choice((-1, 1))
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=paper - 6)
    grain = Image.frombytes("L", (w // 4, h // 4), rng.randbytes((w // 4) * (h // 4)))
    grain = grain.resize((w, h), Image.Resampling.BILINEAR)
    grain = grain.point(lambda v: 128 + (v - 128) * noise // 128)
    img = ImageChops.add(img, grain, 1.0, -128)
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(25, 60)):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((0.6, 0.8, 1.0, 1.4))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(60, 150))
    # Darker strip where the scanner lid did not close on the binding edge.
    edge = rng.randint(6, 14)
    draw.rectangle([0, 0, edge, h], fill=paper - 40)
    return img


def write_scanned_pdf(path, pages: list[str], *, dpi: int = 100, seed: int = 0,
                      ocr_text: list[str] | None = None, quality: int = 45,
                      max_page_bytes: int = 120_000, font_size: float = 17.0,
                      skew: tuple[float, float] = (0.35, 0.9), noise: int = 7,
                      upside_down: Sequence[int] = ()) -> Path:
    """Write an image-only PDF: each page a grayscale JPEG scan of its text.

    The text (same layout conventions as :func:`write_text_pdf`) is set large
    (17 pt, about 23 px at 100 dpi, so Tesseract ``vie`` reads it) and rendered with
    Pillow onto a slightly grey, unevenly lit, slightly skewed, lightly grainy page;
    the JPEG is embedded as is (DCTDecode, DeviceGray) on an A4 page, the way scanner
    software writes it: no fonts, no text objects at all. If ``ocr_text`` (one string
    per page) is given, it is laid out the same way and drawn invisibly (render mode 3)
    over the image, like the text layer an OCR engine adds -- with whatever recognition
    errors you put in it. ``seed`` varies noise and skew. JPEG quality is lowered
    until each page is under ``max_page_bytes``. ``font_size`` (pt), ``skew`` (the range of
    the tilt in degrees), ``noise`` (grain strength) and ``upside_down`` (1-based page
    numbers fed into the scanner the wrong way round) make scans as hard as real ones.
    Returns the path.
    """
    pages = _check_pages(pages)
    if ocr_text is not None and len(ocr_text) != len(pages):
        raise ValueError("ocr_text needs one string per page")
    face = _Face("serif")
    rng = random.Random(seed)
    jpegs: list[tuple[bytes, tuple[int, int]]] = []
    for n, text in enumerate(pages, 1):
        page = _layout_fit(text, face, n, base=font_size, min_scale=0.82)
        img = _render_scan(page, face, dpi, rng, skew, noise)
        if n in upside_down:
            img = img.rotate(180)
        q = quality
        while True:
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=q, dpi=(dpi, dpi))
            if buf.tell() <= max_page_bytes or q <= 15:
                break
            q -= 5
        jpegs.append((buf.getvalue(), img.size))
    if ocr_text is None:
        data = _image_pdf(jpegs)
    else:
        data = _image_pdf_with_text(jpegs, ocr_text, face)
    return _write(path, data)


def _image_pdf(jpegs: list[tuple[bytes, tuple[int, int]]]) -> bytes:
    import pikepdf
    from pikepdf import Dictionary, Name

    pdf = pikepdf.new()
    for jpeg, (w, h) in jpegs:
        image = pikepdf.Stream(pdf, jpeg)
        image.Type = Name.XObject
        image.Subtype = Name.Image
        image.Width, image.Height = w, h
        image.ColorSpace = Name.DeviceGray
        image.BitsPerComponent = 8
        image.Filter = Name.DCTDecode
        page = pdf.add_blank_page(page_size=A4)
        page.Resources = Dictionary(XObject=Dictionary(Im0=image))
        page.Contents = pdf.make_stream(
            b"q %.4f 0 0 %.4f 0 0 cm /Im0 Do Q" % (A4[0], A4[1]))
    pdf.docinfo[Name.Creator] = "Scan (catalog scripts/pdfgen.py)"
    pdf.docinfo[Name.Producer] = "pikepdf"
    out = io.BytesIO()
    pdf.save(out, static_id=True, compress_streams=True)
    return out.getvalue()


def _image_pdf_with_text(jpegs, ocr_text: Sequence[str], face: _Face) -> bytes:
    from reportlab import rl_config
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = _canvas(buf, creator="Scan + OCR (catalog scripts/pdfgen.py)")
    saved, rl_config.useA85 = rl_config.useA85, 0  # embed the JPEG bytes unencoded
    try:
        for n, ((jpeg, _), text) in enumerate(zip(jpegs, ocr_text), 1):
            c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, A4[0], A4[1])
            _draw_page(c, _layout_fit(text, face, n, base=17.0, min_scale=0.5),
                       face, invisible=True)
            c.showPage()
        c.save()
    finally:
        rl_config.useA85 = saved
    return buf.getvalue()


# --------------------------------------------------------------------------- bad input


_BAD_PAGE = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
             "Tài liệu mẫu dùng để kiểm thử. Nội dung này không có giá trị pháp lý.")


def write_damaged_pdf(path, *, mode: str = "truncated") -> Path:
    """Write a PDF that readers cannot open.

    ``mode="truncated"`` (default): the first third of a valid PDF -- header and a few
    objects, no page content, cross-reference table or trailer -- as an interrupted
    copy or download leaves it. ``mode="garbage"``: a PDF header followed by bytes that
    are not PDF syntax. pypdfium2 and pikepdf both refuse either. Returns the path.
    """
    valid = _text_pdf_bytes([_BAD_PAGE], _Face("serif"))
    if mode == "truncated":
        data = valid[: len(valid) // 3]
    elif mode == "garbage":
        data = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + random.Random(7).randbytes(4096)
    else:
        raise ValueError("mode must be 'truncated' or 'garbage'")
    return _write(path, data)


def write_encrypted_pdf(path, password: str = "secret", *,
                        pages: list[str] | None = None) -> Path:
    """Write a text PDF that needs the user password ``password`` to open.

    Encrypted with pikepdf (RC4 128-bit, security handler revision 4, the common setting
    of office software) rather than AES, because AES uses a random IV and the file would
    differ on every run. The owner password is ``password + "-owner"``. ``pages`` default
    to one short page. Returns the path.
    """
    import pikepdf

    plain = _text_pdf_bytes(_check_pages(pages or [_BAD_PAGE]), _Face("serif"))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pikepdf.open(io.BytesIO(plain)) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(
            user=password, owner=password + "-owner", R=4, aes=False, metadata=False),
            static_id=True)
    return path


def write_not_a_pdf(path, *, kind: str = "html") -> Path:
    """Write a file named like a PDF that is something else.

    ``kind="html"``: the error page a web download saved instead of the document;
    ``"text"``: a plain note; ``"empty"``: zero bytes. Returns the path.
    """
    if kind == "html":
        data = ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                "<title>404 - Không tìm thấy tệp</title></head>\n<body><h1>404</h1>"
                "<p>Không tìm thấy tệp tin được yêu cầu.</p></body></html>\n").encode()
    elif kind == "text":
        data = "Tệp quét bị lỗi, đề nghị quét lại.\r\n".encode("utf-8")
    elif kind == "empty":
        data = b""
    else:
        raise ValueError("kind must be 'html', 'text' or 'empty'")
    return _write(path, data)


# --------------------------------------------------------------------------- helpers


def official_document(*, issuer: Sequence[str], number: str, place_date: str,
                      body: Sequence[str], system: str = "state",
                      title: Sequence[str] = (), subject: str | None = None,
                      addressee: str | None = None,
                      signer: Sequence[str] = (), recipients: Sequence[str] = (),
                      national: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") -> list[str]:
    """Page strings for an official document in the layout conventions of this module.

    - ``system``: ``"state"`` (Decree 30/2020/NĐ-CP: national name and motto on the
      right, ``Số: 15/QĐ-UBND`` on the left) or ``"party"`` (Party documents:
      "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, a star under the issuer, ``Số 12-CV/TU``).
    - ``issuer``: left header lines, superior body first (``["ĐẢNG BỘ TỈNH SƠN HÀ",
      "TỈNH ỦY"]``). ``number``: the whole number line (``"Số 12-CV/TU"``).
    - ``place_date``: ``"Sơn Hà, ngày 18 tháng 4 năm 2025"``.
    - ``title``: the centred title block (``["QUYẾT ĐỊNH", "Về việc ..."]``), or
      ``subject`` for an official letter's ``V/v ...`` line; ``addressee``:
      ``"Kính gửi: ..."``.
    - ``body``: paragraphs; an element ``"\\f"`` starts a new page.
    - ``signer``: right-column lines (``["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "(Đã ký)",
      "Hoàng Minh Tuấn"]``); ``recipients``: left-column lines (``["Nơi nhận:",
      "- Như trên,", "- Lưu Văn phòng."]``).
    - ``national``: the national name, e.g. the old-style ``"CỘNG HOÀ XÃ HỘI ..."``.
    """
    if system == "party":
        left = list(issuer) + ["*"]
        right = ["ĐẢNG CỘNG SẢN VIỆT NAM"] + [""] * (len(left) - 1)
    elif system == "state":
        left = list(issuer)
        right = [national, "Độc lập - Tự do - Hạnh phúc"] + [""] * max(0, len(left) - 2)
    else:
        raise ValueError("system must be 'state' or 'party'")
    left.append(number)
    right.append(place_date)
    head = ["\t".join(r) for r in zip_longest(left, right, fillvalue="")]
    if subject:
        head.append(subject)
    first: list[str] = head + [""]
    if title:
        first += list(title) + [""]
    if addressee:
        first += [addressee, ""]

    chunks: list[list[str]] = [[]]
    for para in body:
        if para == "\f":
            chunks.append([])
        else:
            chunks[-1].append(para)
    sig_right = list(signer)
    sig_left = list(recipients)
    tail = ["\t".join(r) for r in zip_longest(sig_left, sig_right, fillvalue="")]
    pages = []
    for i, chunk in enumerate(chunks):
        lines = (first if i == 0 else []) + chunk
        if i == len(chunks) - 1 and tail:
            lines = lines + [""] + tail
        pages.append("\n".join(lines))
    return pages


def page_scales(pages: Sequence[str], *, font: str = "serif", scanned: bool = False,
                legacy: bool = False) -> list[float]:
    """How much each page's type had to shrink to fit (1.0 = not at all): a check for
    callers who write page texts by hand. ``scanned`` uses the large scan type."""
    face = _Tcvn3Face() if legacy else _Face(font)
    if scanned:
        return [_layout_fit(p, face, n, base=17.0, min_scale=0.82).scale
                for n, p in enumerate(pages, 1)]
    return [_layout_fit(p, face, n).scale for n, p in enumerate(pages, 1)]


def squash(text: str) -> str:
    """Collapse all whitespace (TABs, pdfium's CR LF) to single spaces and strip."""
    return " ".join(text.split())


def extract_pages(path) -> list[str]:
    """pypdfium2's text of each page of the PDF at ``path``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            out.append(tp.get_text_range())
            tp.close()
            page.close()
        return out
    finally:
        pdf.close()
