"""The PDF stage on real files: text per page, scans without text, legacy encodings,
metadata, bad files, and the cache that makes rebuilds fast."""

from __future__ import annotations

import hashlib

import pdfgen

from catalog.config import OcrOptions
from catalog.text.extract import TextCache, extract_all, extract_pdf
from catalog.text.ocr_pages import apply_ocr, pages_to_read, run_ocr


def _extract(path):
    data = path.read_bytes()
    return extract_pdf(path, hashlib.sha256(data).hexdigest(), len(data))


def test_text_of_each_page_and_metadata(tmp_path):
    path = pdfgen.write_text_pdf(tmp_path / "a.pdf", ["Trang một về số hóa tài liệu.", "Trang hai: Ủy ban nhân dân."],
                                 title="Công văn số hóa", author="Văn phòng")
    facts, issues = _extract(path)
    assert not issues
    assert facts.page_count == 2 and [p.number for p in facts.pages] == [1, 2]
    assert "số hóa tài liệu" in facts.pages[0].text and "Ủy ban nhân dân" in facts.pages[1].text
    assert facts.info["title"] == "Công văn số hóa"
    assert facts.info["author"] == "Văn phòng"


def test_image_only_scan_has_no_text_and_says_so_when_ocr_is_off(tmp_path):
    facts, issues = _extract(pdfgen.write_scanned_pdf(tmp_path / "scan.pdf", ["Bản quét không có lớp chữ."]))
    assert facts.page_count == 1 and not facts.has_text and not issues  # the OCR stage decides what is missing
    assert facts.pages[0].source == "none"
    never = OcrOptions(mode="never")
    assert pages_to_read([(tmp_path / "scan.pdf", facts)], "never") == []
    issues = apply_ocr(facts, run_ocr([], tmp_path, never), never)
    assert [i.code for i in issues] == ["pdf-no-text"] and "--ocr never" in issues[0].message


def test_tcvn3_text_layer_is_converted(tmp_path):
    path = pdfgen.write_legacy_tcvn3_pdf(tmp_path / "old.pdf", ["Uỷ ban nhân dân tỉnh về công tác lưu trữ"])
    facts, issues = _extract(path)
    assert "Uỷ ban nhân dân" in facts.pages[0].text
    assert facts.pages[0].legacy_encoding == "TCVN3"
    assert "pdf-legacy-encoding" in [i.code for i in issues]


def test_bad_files_never_raise(tmp_path):
    cases = {
        "pdf-damaged": pdfgen.write_damaged_pdf(tmp_path / "damaged.pdf"),
        "pdf-encrypted": pdfgen.write_encrypted_pdf(tmp_path / "locked.pdf"),
        "pdf-not-pdf": pdfgen.write_not_a_pdf(tmp_path / "html.pdf"),
        "pdf-empty": pdfgen.write_not_a_pdf(tmp_path / "empty.pdf", kind="empty"),
    }
    for code, path in cases.items():
        facts, issues = _extract(path)
        assert [i.code for i in issues] == [code]
        assert facts.pages == []
    assert _extract(cases["pdf-encrypted"])[0].encrypted


def test_cache_returns_the_same_facts_without_reading_again(tmp_path):
    path = pdfgen.write_text_pdf(tmp_path / "a.pdf", ["Nội dung được lưu đệm."])
    data = path.read_bytes()
    job = (path, hashlib.sha256(data).hexdigest(), len(data))
    cache = TextCache(tmp_path / "cache")
    first = extract_all([job], cache)
    path.unlink()  # a cached result must not need the file any more
    second = extract_all([job], cache)
    assert first == second
    assert second[job[1]][0].pages[0].text.startswith("Nội dung")


def test_many_files_are_extracted_in_parallel_with_the_same_result(tmp_path):
    jobs = []
    for n in range(6):
        path = pdfgen.write_text_pdf(tmp_path / f"{n}.pdf", [f"Văn bản thứ {n}."])
        data = path.read_bytes()
        jobs.append((path, hashlib.sha256(data).hexdigest(), len(data)))
    results = extract_all(jobs, TextCache(tmp_path / "cache"))
    assert sorted(f"{r[0].pages[0].text}" for r in results.values()) == [f"Văn bản thứ {n}." for n in range(6)]


def test_owner_password_only_pdf_is_read_normally(tmp_path):
    import pikepdf

    plain = pdfgen.write_text_pdf(tmp_path / "plain.pdf", ["Chỉ hạn chế in, vẫn đọc được chữ."])
    locked = tmp_path / "owner-only.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="chu-so-huu", user="", allow=pikepdf.Permissions(print_highres=False)))
    facts, issues = _extract(locked)
    assert not facts.encrypted and not issues
    assert "vẫn đọc được chữ" in facts.pages[0].text
