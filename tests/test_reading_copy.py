"""Reading copies (``[reading_copy] stamp = true``): every published page carries the
agency's name and "Bản sao sử dụng" at its foot; the originals are unchanged."""

from __future__ import annotations

import hashlib

import pypdfium2 as pdfium

import pdfgen
from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.model import pdf_path
from projects import DOC_HEADERS, FILE_HEADERS, write_workbook


def test_published_scans_are_stamped_and_the_originals_are_not(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "catalog.toml").write_text(
        'title = "Kho"\norganization = "Văn phòng Tỉnh ủy Sơn Hà"\ndefault_access = "public"\n'
        '[reading_copy]\nstamp = true\n', encoding="utf-8")
    package = content / "packages" / "P"
    scans = [pdfgen.write_text_pdf(package / "data" / "HS1.1.pdf", ["Trang một.", "Trang hai."]),
             pdfgen.write_scanned_pdf(package / "data" / "HS1.2.pdf", ["Bản quét."])]
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in scans]
    rows = [[f"D{n}", "HS1", n, "", "", "", "Văn bản", "01", "", "", ""] for n in (1, 2)]
    write_workbook(package / "s.xlsx", [["HS1", "Phông", "Hồ sơ", "01"]], rows, FILE_HEADERS, DOC_HEADERS)
    result = build(load_config(content), BuildPaths.for_output(tmp_path / "site"))
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in scans] == before
    for document in result.catalog.documents:
        copy = pdfium.PdfDocument(result.paths.site / pdf_path(document))
        for index in range(len(copy)):
            text = " ".join(copy[index].get_textpage().get_text_bounded().split())
            assert "Văn phòng Tỉnh ủy Sơn Hà — Bản sao sử dụng" in text, (document.doc_id, index, text)
        copy.close()
