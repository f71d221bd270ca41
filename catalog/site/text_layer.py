"""A reading copy of a scan with an invisible text layer over its OCR'd pages (``--ocr-pdf``).

The reader's own PDF viewer can then find and select the words, as OCRmyPDF's output
allows. The page images are not touched: each OCR'd page gets one more content stream
of invisible text (render mode 3), one word per Tesseract box, in a font without glyphs
whose character codes are the text's UTF-16 code units (``Identity-H``, and a ToUnicode
map that says so), so copying or searching yields the Vietnamese text exactly. The
original scan is never modified; the copy exists in the build output only.

Not PDF/A: the glyph-less font is not embedded (it draws nothing), and nothing here can
validate PDF/A conformance.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

from catalog.text.ocr import OcrResult

FONT = Name("/FOcr")


@dataclass(frozen=True)
class TextLayers:
    """The OCR results of the scans to publish with a text layer: SHA-256 → page → result."""

    pages: dict[str, dict[int, OcrResult]] = field(default_factory=dict)

    @classmethod
    def from_results(cls, results: dict[tuple[str, int], OcrResult]) -> "TextLayers":
        pages: dict[str, dict[int, OcrResult]] = {}
        for (sha256, number), result in results.items():
            if result.size[0] and result.size[1]:
                pages.setdefault(sha256, {})[number] = result
        return cls(pages)
_ASCENT_SHARE = 0.8  # of a word box's height above the baseline (descenders below)


def with_text_layer(source: Path, layers: dict[int, OcrResult]) -> bytes:
    """The PDF at ``source`` with a text layer over each page in ``layers`` (1-based)."""
    with pikepdf.open(source) as pdf:
        font = _glyphless_font(pdf)
        for number, result in sorted(layers.items()):
            if not 1 <= number <= len(pdf.pages) or not result.boxes:
                continue
            page = pdf.pages[number - 1]
            if int(page.obj.get("/Rotate", 0)) % 360:
                continue  # the rendered image no longer matches user space; left without a layer
            if Name.Resources not in page.obj:
                page.obj.Resources = Dictionary()
            if Name.Font not in page.obj.Resources:
                page.obj.Resources.Font = Dictionary()
            page.obj.Resources.Font[FONT] = font
            page.contents_add(pikepdf.Stream(pdf, _text_stream(result, page.cropbox)), prepend=False)
        out = io.BytesIO()
        pdf.save(out, static_id=True)  # the same inputs give the same bytes
        return out.getvalue()


def _text_stream(result: OcrResult, cropbox) -> bytes:
    x0, y0, x1, y1 = (float(v) for v in cropbox)
    # The image read covers the page: pixels to points, whatever its resolution.
    width_px, height_px = result.size if result.rotation in (0, 180) else result.size[::-1]
    sx, sy = (x1 - x0) / width_px, (y1 - y0) / height_px
    parts = ["BT 3 Tr"]
    for left, top, width, height, word in result.boxes:
        left, top, width, height = _unrotate(left, top, width, height, result)
        size = max(1.0, height * sy)
        units = word.encode("utf-16-be")
        natural = len(units) // 2 * 0.5 * size  # every code is 500/1000 em wide (DW 500)
        stretch = 100 * width * sx / natural if natural else 100
        if result.rotation == 180:  # upside down on the page: the words run right to left, top down
            matrix = f"-1 0 0 -1 {x0 + (left + width) * sx:.2f} {y1 - (top + height * (1 - _ASCENT_SHARE)) * sy:.2f}"
        else:
            matrix = f"1 0 0 1 {x0 + left * sx:.2f} {y1 - (top + height * _ASCENT_SHARE) * sy:.2f}"
        parts.append(f"/FOcr {size:.2f} Tf {stretch:.1f} Tz {matrix} Tm <{units.hex()}> Tj")
    parts.append("ET")
    return "\n".join(parts).encode("ascii")


def _unrotate(left: int, top: int, width: int, height: int, result: OcrResult) -> tuple[float, float, float, float]:
    """A box of the image Tesseract read (turned ``rotation``° clockwise) in the page's image."""
    w, h = result.size
    corners = [(left, top), (left + width, top + height)]
    if result.rotation == 180:
        corners = [(w - x, h - y) for x, y in corners]
    elif result.rotation == 90:  # read turned clockwise: the page's image was w x h as read h x w
        corners = [(y, w - x) for x, y in corners]
    elif result.rotation == 270:
        corners = [(h - y, x) for x, y in corners]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


def _glyphless_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    descriptor = pdf.make_indirect(Dictionary(
        Type=Name.FontDescriptor, FontName=Name("/GlyphLessFont"), Flags=5, FontBBox=Array([0, 0, 500, 1000]),
        ItalicAngle=0, Ascent=1000, Descent=0, CapHeight=1000, StemV=80,
    ))
    cid_font = pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=Name("/GlyphLessFont"),
        CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"), Supplement=0),
        FontDescriptor=descriptor, DW=500, CIDToGIDMap=Name.Identity,
    ))
    return pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.Type0, BaseFont=Name("/GlyphLessFont"), Encoding=Name("/Identity-H"),
        DescendantFonts=Array([cid_font]), ToUnicode=pikepdf.Stream(pdf, _to_unicode()),
    ))


def _to_unicode() -> bytes:
    """Each two-byte code is the UTF-16 code unit of the same value. A bfrange may vary only
    its last byte and a section holds at most 100 ranges, so there are 248 ranges (the
    surrogate bytes D8-DF never start a BMP character) in three sections."""
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(256) if not 0xD8 <= hi <= 0xDF]
    sections = "".join(
        f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange\n"
        for chunk in (ranges[i:i + 100] for i in range(0, len(ranges), 100))
    )
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + sections + "endcmap\nCMapName currentdict /CIDInit /ProcSet findresource /defineresource pop\nend\nend\n"
    ).encode("ascii")
