"""Read the text of each PDF page with pypdfium2, repaired into clean Unicode.

Text comes out NFC-normalized; text typed with 1990s .VnTime (TCVN3) or VNI fonts,
which extracts as mojibake, is detected and converted (``legacy_encoding.repair_legacy_text``).
"""

from __future__ import annotations

import pypdfium2 as pdfium

from catalog.language.vietnamese import nfc
from catalog.model import PageText
from catalog.text.legacy_encoding import repair_legacy_text
from catalog.text.ocr import needs_ocr
from catalog.text.pdf_checks import PdfIssue


def page_texts(path) -> tuple[list[PageText], list[PdfIssue]]:
    issues: list[PdfIssue] = []
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        return [], [PdfIssue("pdf-text-unreadable", f"Không đọc được chữ trong PDF ({exc}). / Cannot read the PDF's text ({exc}).")]
    pages: list[PageText] = []
    try:
        for index in range(len(document)):
            pages.append(_page_text(document, index))
    finally:
        document.close()
    legacy = sorted({p.legacy_encoding for p in pages if p.legacy_encoding})
    if legacy:
        issues.append(PdfIssue(
            "pdf-legacy-encoding",
            f"Chữ trong PDF dùng bảng mã cũ {', '.join(legacy)}; đã chuyển sang Unicode để tra cứu. "
            f"/ The PDF's text uses the legacy {', '.join(legacy)} encoding; it was converted to Unicode for search.",
            "warning",
        ))
    return pages, issues


def _page_text(document: "pdfium.PdfDocument", index: int) -> PageText:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_bounded()
        finally:
            textpage.close()
    finally:
        page.close()
    text = nfc(raw.replace("\r\n", "\n").replace("\r", "\n"))
    repaired, encoding = repair_legacy_text(text)
    return PageText(number=index + 1, text=repaired, source="pdf" if text.strip() else "none", legacy_encoding=encoding,
                    needs_ocr=needs_ocr(repaired))
