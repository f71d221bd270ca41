"""Reading packages (package.toml, BagIt, manifests) and resolving access tiers."""

from __future__ import annotations

import hashlib

import pdfgen
import pytest
from projects import DOC_HEADERS, write_catalog_toml, write_csv, write_workbook

from catalog.access.editions import for_edition
from catalog.access.tiers import Edition, Tier
from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.read.assemble import assemble
from catalog.read.packages import discover
from catalog.report import Report

FILE_HEADERS = ["Mã hồ sơ", "Tiêu đề hồ sơ", "Chế độ sử dụng"]


def _doc(doc_id, file_code, ordinal, access="", secrecy="", summary=None, file=""):
    return [doc_id, file_code, ordinal, "", "", "Công văn", summary or f"Văn bản {doc_id}", access, secrecy, "", file]


def _assembled(content, default=Tier.RESTRICTED):
    report = Report()
    raw = discover(content / "packages", content, report)
    return assemble(raw, default, report), report, raw


def test_bag_info_and_manifest_are_read(tmp_path):
    bag = tmp_path / "packages" / "bag1"
    pdfgen.write_text_pdf(bag / "data" / "HS1.1.pdf", ["Nội dung."])
    digest = hashlib.sha256((bag / "data" / "HS1.1.pdf").read_bytes()).hexdigest()
    (bag / "bagit.txt").write_text("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", encoding="utf-8")
    (bag / "bag-info.txt").write_text(
        "Source-Organization: Sở Nội vụ\nExternal-Identifier: SNV-01\nExternal-Description: Hồ sơ\n"
        "  công tác văn thư\nBagging-Date: 2023-02-27\nFonds-Code: P9\nHandover-Date: 02/03/2023\n", encoding="utf-8")
    (bag / "manifest-sha256.txt").write_text(f"{digest}  data/HS1.1.pdf\n", encoding="utf-8")
    write_csv(bag / "data" / "ho_so.csv", FILE_HEADERS, [["HS1", "Hồ sơ một", "01"]])
    write_csv(bag / "data" / "tai_lieu.csv", DOC_HEADERS, [_doc("D1", "HS1", 1, "01")])
    catalog, report, raw = _assembled(tmp_path)
    package = raw[0].package
    assert package.is_bag and package.id == "SNV-01" and package.agency == "Sở Nội vụ"
    assert package.description == "Hồ sơ công tác văn thư"  # continuation line joined
    # Handover-Date wins over BagIt's Bagging-Date, whichever comes first
    assert package.fonds_code == "P9" and package.handover_date.text == "02/03/2023"
    assert package.manifest == {"data/HS1.1.pdf": digest}
    assert catalog.documents[0].pdf_rel == "data/HS1.1.pdf"
    assert not report.problems


def test_manifest_mismatch_is_reported(tmp_path):
    content = tmp_path / "content"
    write_catalog_toml(content)
    bag = content / "packages" / "bag1"
    pdfgen.write_text_pdf(bag / "data" / "HS1.1.pdf", ["Nội dung."])
    (bag / "bagit.txt").write_text("BagIt-Version: 1.0\n", encoding="utf-8")
    (bag / "bag-info.txt").write_text("External-Identifier: B1\n", encoding="utf-8")
    (bag / "manifest-sha256.txt").write_text(f"{'0' * 64}  data/HS1.1.pdf\n{'1' * 64}  data/gone.pdf\n", encoding="utf-8")
    write_csv(bag / "data" / "ho_so.csv", FILE_HEADERS, [["HS1", "Hồ sơ một", "01"]])
    write_csv(bag / "data" / "tai_lieu.csv", DOC_HEADERS, [_doc("D1", "HS1", 1, "01")])
    result = build(load_config(content), BuildPaths.for_output(tmp_path / "site"))
    codes = result.report.by_code()
    assert codes["fixity-mismatch"] == 1
    assert [d.doc_id for d in result.catalog.documents] == ["D1"]  # still published


@pytest.mark.parametrize("file_access, doc_access, secrecy, default, expected", [
    ("01", "01", "", Tier.RESTRICTED, Tier.PUBLIC),
    ("01", "", "", Tier.RESTRICTED, Tier.RESTRICTED),  # empty cell: the configured default
    ("01", "", "", Tier.PUBLIC, Tier.PUBLIC),
    ("02", "01", "", Tier.PUBLIC, Tier.RESTRICTED),  # the stricter of document and file
    ("01", "Hạn chế", "", Tier.PUBLIC, Tier.RESTRICTED),
    ("01", "01", "Tối mật", Tier.PUBLIC, None),  # any secrecy mark: never published
    ("01", "03", "", Tier.PUBLIC, None),
    ("01", "01", "không rõ", Tier.PUBLIC, None),  # an unreadable mark counts as secret
    ("03", "01", "", Tier.PUBLIC, None),  # a secret file takes its documents with it
    ("01", "lạ", "", Tier.PUBLIC, Tier.RESTRICTED),  # an unknown word is never public
])
def test_access_tier_resolution(tmp_path, file_access, doc_access, secrecy, default, expected):
    package = tmp_path / "packages" / "P"
    write_workbook(package / "s.xlsx", [["HS1", "Hồ sơ", file_access]],
                   [_doc("D1", "HS1", 1, doc_access, secrecy)], file_headers=FILE_HEADERS)
    catalog, _, _ = _assembled(tmp_path, default)
    if expected is None:
        assert catalog.documents == [] and 'sheet "Tài liệu", dòng/row 2' in catalog.withheld_secret[-1]
        assert not any("D1" in where for where in catalog.withheld_secret)  # by where it is listed, not by name
    else:
        assert catalog.documents[0].tier is expected


def test_whole_file_scan_is_withheld_when_any_document_is(tmp_path):
    package = tmp_path / "packages" / "P"
    pdfgen.write_text_pdf(package / "data" / "HS1.pdf", ["Trang 1", "Trang 2"])
    pdfgen.write_text_pdf(package / "data" / "HS2.pdf", ["Trang 1"])
    rows = [_doc("A1", "HS1", 1, "01"), _doc("A2", "HS1", 2, "02"), _doc("B1", "HS2", 1, "01")]
    write_workbook(package / "s.xlsx", [["HS1", "Một", "01"], ["HS2", "Hai", "01"]], rows, file_headers=FILE_HEADERS)
    catalog, report, _ = _assembled(tmp_path)
    assert all(d.pdf_shared for d in catalog.documents)
    public = for_edition(catalog, Edition("public", frozenset({Tier.PUBLIC})))
    by_id = {d.doc_id: d for d in public.documents}
    assert set(by_id) == {"A1", "B1"}
    assert by_id["A1"].pdf_path is None and by_id["A1"].pdf_withheld  # HS1's scan shows A2 too
    assert by_id["B1"].pdf_path is not None
    restricted = for_edition(catalog, Edition("r", frozenset({Tier.PUBLIC, Tier.RESTRICTED})))
    assert all(d.pdf_path for d in restricted.documents)


def test_sheets_in_any_encoding_give_the_same_catalog(tmp_path):
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        package = tmp_path / encoding / "packages" / "P"
        write_csv(package / "ho_so.csv", FILE_HEADERS, [["HS1", "Hồ sơ lưu trữ", "01"]], encoding)
        write_csv(package / "tai_lieu.csv", DOC_HEADERS, [_doc("D1", "HS1", 1, "01", summary="Về việc số hóa")], encoding)
        catalog, report, _ = _assembled(tmp_path / encoding)
        assert [d.summary for d in catalog.documents] == ["Về việc số hóa"], (encoding, report.problems)
        assert catalog.files[0].title == "Hồ sơ lưu trữ"
