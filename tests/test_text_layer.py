"""``--ocr-pdf``: the published reading copy of a scan carries an invisible text layer
that a PDF viewer (here pdfium) finds the words in; the original is never touched."""

from __future__ import annotations

import dataclasses
import hashlib

import pypdfium2 as pdfium
import pytest

import pdfgen
from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.model import pdf_path
from projects import DOC_HEADERS, FILE_HEADERS, write_catalog_toml, write_workbook
from test_ocr import PAGES



def _page_texts(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    try:
        return [document[i].get_textpage().get_text_bounded() for i in range(len(document))]
    finally:
        document.close()


def _render(data: bytes, page: int):
    document = pdfium.PdfDocument(data)
    try:
        return document[page].render(scale=0.5, grayscale=True).to_pil().tobytes()
    finally:
        document.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("layer")
    content = root / "content"
    write_catalog_toml(content)
    package = content / "packages" / "P"
    scan = pdfgen.write_scanned_pdf(package / "data" / "HS1.1.pdf", PAGES[:2], dpi=300, font_size=12.5,
                                    quality=70, max_page_bytes=900_000)
    pdfgen.write_text_pdf(package / "data" / "HS1.2.pdf", [PAGES[2]])
    rows = [[f"D{n}", "HS1", n, "", "", "", "Văn bản", "01", "", "", ""] for n in (1, 2)]
    write_workbook(package / "s.xlsx", [["HS1", "Phông", "Hồ sơ", "01"]], rows, FILE_HEADERS, DOC_HEADERS)
    before = hashlib.sha256(scan.read_bytes()).hexdigest()
    config = load_config(content)
    result = build(config, BuildPaths.for_output(root / "site"), ocr=dataclasses.replace(config.ocr, pdf_layers=True))
    return result, scan, before


def test_the_reading_copy_has_the_words_and_the_original_is_unchanged(built):
    result, scan, before = built
    assert hashlib.sha256(scan.read_bytes()).hexdigest() == before
    document = next(d for d in result.catalog.documents if d.doc_id == "D1")
    copy = (result.paths.site / pdf_path(document)).read_bytes()
    assert copy != scan.read_bytes()
    texts = _page_texts(copy)
    assert "không tháo ghim làm rách trang" in " ".join(texts[1].split())
    assert _page_texts(scan.read_bytes()) == ["", ""]  # the original has no text at all
    assert _render(copy, 0) == _render(scan.read_bytes(), 0)  # the layer is invisible


def test_a_born_digital_scan_is_published_as_it_is(built):
    result, scan, _ = built
    document = next(d for d in result.catalog.documents if d.doc_id == "D2")
    published = (result.paths.site / pdf_path(document)).read_bytes()
    assert published == document.pdf_path.read_bytes()
