"""Reading copies: each published scan stamped "Bản sao sử dụng" with the agency's name,
centred in the bottom margin of every page, as Circular 05/2025 sets for the copies
given to readers (``[reading_copy] stamp = true``; off by default).

The stamp is drawn once per page size with reportlab, in a font that has every
Vietnamese letter (DejaVu Sans, from Debian's ``fonts-dejavu-core``), and laid over
each page with pikepdf. The original scan is never modified: the copy is in the site only.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

import pikepdf

FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_NAME = "CatalogStamp"
BOTTOM_MARGIN_PT = 14  # the stamp's baseline above the page's bottom edge
SIZE_PT = 8


def stamp_text(agency: str, words: str) -> str:
    return f"{agency} — {words}" if agency else words


def stamped(pdf_bytes: bytes, text: str) -> bytes:
    """``pdf_bytes`` with ``text`` centred at the foot of every page."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            box = page.mediabox
            width, height = float(box[2]) - float(box[0]), float(box[3]) - float(box[1])
            with pikepdf.open(io.BytesIO(_stamp_page(text, round(width, 2), round(height, 2)))) as stamp:
                page.add_overlay(stamp.pages[0], pikepdf.Rectangle(*(float(v) for v in box)))
        out = io.BytesIO()
        pdf.save(out, static_id=True)  # the same inputs give the same bytes
        return out.getvalue()


@functools.lru_cache(maxsize=32)
def _stamp_page(text: str, width: float, height: float) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT_FILE)))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(width, height), invariant=1)
    page.setFont(FONT_NAME, SIZE_PT)
    page.setFillGray(0.25)
    page.drawCentredString(width / 2, BOTTOM_MARGIN_PT, text)
    page.showPage()
    page.save()
    return out.getvalue()
