"""OCR of one scanned page with Tesseract, as a plain function of (PDF, page, settings).

``ocr_page`` hands the page image to the ``tesseract`` command (Debian's
``tesseract-ocr`` with the ``vie`` model) on standard input and reads the words back as
TSV, which also carries each word's confidence. A page that is one scanned image, at
least at the resolution OCR needs (what scanners write), goes to Tesseract as the
scan's own JPEG or CCITT image, with nothing rendered or re-encoded: that keeps the
cost per page at what plain ``tesseract`` costs on an image file. Any other page is
rendered with pypdfium2 at the resolution OCR needs and sent as an uncompressed TIFF. A page that reads as no Vietnamese at all is tried again
the way Tesseract's orientation detection says it lies (a page scanned upside down or
sideways); small skew is left to Tesseract's own layout analysis, which straightens it.

Everything it needs is in its arguments and everything it learns is in its result, so
the same call can run in a local process pool or on a cluster worker.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from PIL import Image

from catalog.language.vietnamese import TOKEN_PATTERN, is_vietnamese_syllable, nfc

# Below this share of valid Vietnamese syllables (and English words, for mixed pages) a
# page's text layer is not real text (a scanner's garbage layer): born-digital pages
# score above 0.9, and so does OCR of a clean upright scan.
REAL_TEXT_SHARE = 0.75
# Read upside down, a page still yields ~65% "valid" short syllables at ~60 confidence;
# upright, 95% at 90. Below either figure the page's orientation is checked.
UPRIGHT_SHARE, UPRIGHT_CONFIDENCE = 0.85, 70.0
# A page with fewer words than this is treated as having no text layer at all.
MIN_WORDS = 3
# One Tesseract process per page should use one core: the pool decides the parallelism.
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
_ROTATE = re.compile(r"Rotate:\s*(\d+)")


class OcrUnavailable(Exception):
    """Tesseract, or one of the languages asked for, is not installed."""


@dataclass(frozen=True)
class OcrSettings:
    languages: tuple[str, ...] = ("vie", "eng")
    dpi: int = 300
    tesseract_version: str = ""

    @property
    def key(self) -> str:
        """What a cached result depends on: a change of any setting reruns the OCR."""
        text = f"{'+'.join(self.languages)}|{self.dpi}|{self.tesseract_version}|v3"
        return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float  # Tesseract's mean word confidence, 0-100 (0 when no word)
    valid_share: float  # share of words that are valid Vietnamese syllables or English words
    words: int
    rotation: int = 0  # degrees the page was turned before it was read
    # Each word's box in the image that was read ([left, top, width, height, word], pixels
    # at ``dpi`` below, after ``rotation``) and that image's size: what a text layer over the
    # page image needs, kept so that one can be made later without reading the page again.
    boxes: tuple[tuple[int, int, int, int, str], ...] = ()
    size: tuple[int, int] = (0, 0)
    dpi: int = 0  # of the image that was read: the scan's own, or the rendering's


def available_settings(languages: tuple[str, ...], dpi: int) -> OcrSettings:
    """Settings with the installed Tesseract's version; OcrUnavailable if it cannot run."""
    binary = shutil.which("tesseract")
    if binary is None:  # the Debian packages to install, named in the message
        raise OcrUnavailable(" ".join(["tesseract-ocr", *(f"tesseract-ocr-{lang}" for lang in languages)]))
    version, installed = _installed(binary)
    missing = [lang for lang in languages if lang not in installed]
    if missing:
        raise OcrUnavailable(" ".join(f"tesseract-ocr-{lang}" for lang in missing))
    return OcrSettings(tuple(languages), dpi, version)


@functools.lru_cache(maxsize=None)
def _installed(binary: str) -> tuple[str, frozenset[str]]:
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, env=_ENV)
    langs = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, env=_ENV)
    first = (version.stdout or version.stderr).splitlines()
    return (first[0].strip() if first else "", frozenset(langs.stdout.split()[1:]))


def text_quality(text: str) -> tuple[int, float]:
    """(words, share of them that are Vietnamese syllables or plain English words)."""
    words = TOKEN_PATTERN.findall(nfc(text))
    if not words:
        return 0, 0.0
    good = sum(1 for w in words if w.isdigit() or is_vietnamese_syllable(w.lower()) or _english_like(w))
    return len(words), good / len(words)


def _english_like(word: str) -> bool:
    return word.isascii() and word.isalpha() and len(word) <= 20 and any(v in word.lower() for v in "aeiouy")


def needs_ocr(text: str) -> bool:
    """Whether a page's text layer is missing, nearly empty, or not real text."""
    words, share = text_quality(text)
    return words < MIN_WORDS or share < REAL_TEXT_SHARE


def ocr_page(source: Path | bytes, page_number: int, settings: OcrSettings) -> OcrResult:
    """The text of one page (1-based) of a PDF given by path or bytes."""
    scan = scan_image(source, page_number, settings.dpi)
    if scan is not None:
        data, size, dpi = scan
    else:
        image = render_page(source, page_number, settings.dpi)
        data, size, dpi = _tiff(image), image.size, settings.dpi
    result = _recognize(data, size, dpi, settings)
    if result.words and (result.valid_share < UPRIGHT_SHARE or result.confidence < UPRIGHT_CONFIDENCE):
        rotation = _orientation(data, dpi, settings)
        if rotation:
            turned_image = Image.open(io.BytesIO(data)).rotate(-rotation, expand=True)
            turned = _recognize(_tiff(turned_image), turned_image.size, dpi, settings, rotation)
            if (turned.valid_share, turned.confidence) > (result.valid_share, result.confidence):
                result = turned
    return result


def scan_image(source: Path | bytes, page_number: int, dpi: int) -> tuple[bytes, tuple[int, int], int] | None:
    """(encoded image, size, its dpi) when the page is nothing but one scanned image of at
    least ``dpi``, stored as JPEG or CCITT fax (which Tesseract reads as is); else None."""
    try:
        with pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source) as pdf:
            page = pdf.pages[page_number - 1]
            if int(page.obj.get("/Rotate", 0)) % 360:
                return None
            operators = [str(op) for _, op in pikepdf.parse_content_stream(page)]
            images = list(page.get_images().values()) if hasattr(page, "get_images") else list(page.images.values())
            if len(images) != 1 or operators.count("Do") != 1 or not set(operators) <= {"q", "Q", "cm", "Do"}:
                return None
            return _encoded(images[0], float(page.mediabox[2]) - float(page.mediabox[0]), dpi)
    except (pikepdf.PdfError, ValueError, KeyError, IndexError, AttributeError):
        return None


def _encoded(xobject, page_width_pt: float, dpi: int) -> tuple[bytes, tuple[int, int], int] | None:
    image = pikepdf.PdfImage(xobject)
    own_dpi = round(image.width / (page_width_pt / 72)) if page_width_pt else 0
    plain = image.filters in (["/DCTDecode"], ["/CCITTFaxDecode"]) and not image.image_mask and xobject.get("/SMask") is None
    if not plain or own_dpi < dpi * 0.9 or str(image.colorspace) not in ("/DeviceGray", "/DeviceRGB", "None"):
        return None
    if xobject.get("/Decode") is not None:
        return None  # an inverted image: its file bytes would read as a negative
    buffer = io.BytesIO()
    image.extract_to(stream=buffer)  # the JPEG as stored, or the fax data wrapped as a TIFF
    return buffer.getvalue(), (image.width, image.height), own_dpi


def render_page(source: Path | bytes, page_number: int, dpi: int):
    document = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    try:
        page = document[page_number - 1]
        try:
            return page.render(scale=dpi / 72, grayscale=True).to_pil()
        finally:
            page.close()
    finally:
        document.close()


def _tiff(image) -> bytes:
    buffer = io.BytesIO()
    image.convert("L").save(buffer, "TIFF")  # uncompressed: no encoding cost, the fastest for Tesseract to read
    return buffer.getvalue()


def _tesseract(data: bytes, dpi: int, *options: str) -> str:
    command = ["tesseract", "stdin", "stdout", "--dpi", str(dpi), *options]
    done = subprocess.run(command, input=data, capture_output=True, env=_ENV, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace").strip()[-300:])
    return done.stdout.decode("utf-8", "replace")


def _recognize(data: bytes, size: tuple[int, int], dpi: int, settings: OcrSettings, rotation: int = 0) -> OcrResult:
    tsv = _tesseract(data, dpi, "-l", "+".join(settings.languages), "tsv")
    lines: dict[tuple[str, str, str], list[str]] = {}
    confidences: list[float] = []
    boxes = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = nfc((row.get("text") or "").strip())
        if row.get("level") != "5" or not word:
            continue
        lines.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(word)
        confidences.append(max(0.0, float(row.get("conf") or 0)))
        boxes.append((int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"]), word))
    text = "\n".join(" ".join(words) for words in lines.values())
    words, share = text_quality(text)
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrResult(text, round(confidence, 1), round(share, 3), words, rotation, tuple(boxes), size, dpi)


def _orientation(data: bytes, dpi: int, settings: OcrSettings) -> int:
    """Degrees clockwise the page must turn to be upright, by Tesseract's OSD (0 if unsure)."""
    try:
        found = _ROTATE.search(_tesseract(data, dpi, "--psm", "0"))
    except RuntimeError:  # too little text for OSD: nothing to turn
        return 0
    return int(found.group(1)) % 360 if found else 0
