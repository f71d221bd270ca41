"""Regression tests for the ways secret or restricted pages reached an edition.

Each builds a small project in which a secret or restricted row shares a scan or a
fonds with a public one, through an ordinary sheet mistake, and scans every byte the
build wrote (site, whoosh index, report) for the canaries planted in the withheld pages.
"""

from __future__ import annotations

import json
import os

import pdfgen
import pytest
from leak_scan import scan
from projects import DOC_HEADERS, write_catalog_toml, write_workbook

from catalog.build import BuildPaths, build
from catalog.config import load_config
from conftest import file_page

FILE_HEADERS = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Chế độ sử dụng", "Mã phông"]
RESTRICTED_EDITIONS = {"public": {"tiers": ["public"]}, "restricted": {"tiers": ["public", "restricted"]}}


def _doc(doc_id, file_code, ordinal, access="01", secrecy="", summary="Văn bản công khai", file=""):
    return [doc_id, file_code, ordinal, f"{ordinal}-CV/TU", "05/01/2020", "Công văn", summary, access, secrecy, 1, file]


def _project(tmp_path, file_rows, doc_rows, pdfs: dict[str, list[str]]):
    content = tmp_path / "content"
    package = content / "packages" / "P1"
    write_catalog_toml(content)
    toml = (content / "catalog.toml").read_text(encoding="utf-8")
    toml += "".join(f'[editions.{n}]\ntiers = {json.dumps(s["tiers"])}\n' for n, s in RESTRICTED_EDITIONS.items())
    (content / "catalog.toml").write_text(toml, encoding="utf-8")
    (package / "package.toml").parent.mkdir(parents=True, exist_ok=True)
    (package / "package.toml").write_text('id = "P1"\nfonds_code = "F1"\n', encoding="utf-8")
    for rel, pages in pdfs.items():
        pdfgen.write_text_pdf(package / rel, pages)
    write_workbook(package / "ho_so_tai_lieu.xlsx", file_rows, doc_rows, file_headers=FILE_HEADERS, doc_headers=DOC_HEADERS)
    return content, package


def _build(tmp_path, content, edition):
    out = tmp_path / f"build-{edition}" / "site"
    result = build(load_config(content), BuildPaths.for_output(out), edition)
    return result, out.parent


def _leaks(tmp_path, content, canaries, edition="public"):
    result, root = _build(tmp_path, content, edition)
    return result, scan(root, set(canaries))


def _file(code="HS01", access="01", fonds_name="Phông công khai"):
    return [code, fonds_name, f"Hồ sơ {code}", access, "F1"]


PUBLIC_PAGE = "Trang một của hồ sơ, công khai."
SECRET_PAGE = "Trang mật qzxsecretpage không được công bố."


@pytest.mark.parametrize("secret_row", [
    _doc("", "HS01", 2, secrecy="Mật"),  # no doc_id
    _doc("D1", "HS01", 2, secrecy="Mật"),  # a doc_id that repeats a public row's
    _doc("D2", "hs01", 2, secrecy="Mật"),  # the file code in another letter case
], ids=["empty-id", "duplicate-id", "code-case"])
def test_a_secret_row_skipped_for_another_reason_still_withholds_its_files_scan(tmp_path, secret_row):
    content, _ = _project(
        tmp_path, [_file()], [_doc("D1", "HS01", 1), secret_row], {"data/HS01.pdf": [PUBLIC_PAGE, SECRET_PAGE]},
    )
    result, leaks = _leaks(tmp_path, content, {"qzxsecretpage"})
    assert leaks == {}
    assert [d.doc_id for d in result.catalog.documents] == ["D1"]
    assert result.catalog.documents[0].pdf_withheld


def test_a_scan_named_by_a_public_and_a_secret_row_is_withheld(tmp_path):
    rows = [_doc("D1", "HS01", 1, file="data/chung.pdf"), _doc("D2", "HS01", 2, secrecy="Tối mật", file="data/chung.pdf")]
    content, _ = _project(tmp_path, [_file()], rows, {"data/chung.pdf": [PUBLIC_PAGE, SECRET_PAGE]})
    result, leaks = _leaks(tmp_path, content, {"qzxsecretpage"})
    assert leaks == {}
    assert result.catalog.documents[0].pdf_withheld


def test_a_link_to_a_secret_rows_scan_is_the_same_scan(tmp_path):
    rows = [_doc("D1", "HS01", 1, file="data/ban-sao.pdf"), _doc("D2", "HS01", 2, secrecy="Mật")]
    content, package = _project(tmp_path, [_file()], rows, {"data/HS01.2.pdf": [SECRET_PAGE]})
    os.symlink("HS01.2.pdf", package / "data" / "ban-sao.pdf")
    _, leaks = _leaks(tmp_path, content, {"qzxsecretpage"})
    assert leaks == {}


def test_a_whole_file_scan_under_another_name_stays_out_of_the_public_edition(tmp_path):
    restricted_page = "Trang hạn chế qzxrestrictedpage chỉ cho ấn bản hạn chế."
    rows = [_doc("D1", "HS01", 1, file="data/ca-ho-so.pdf"), _doc("D2", "HS01", 2, access="02", file="data/ca-ho-so.pdf")]
    content, _ = _project(tmp_path, [_file()], rows, {"data/ca-ho-so.pdf": [PUBLIC_PAGE, restricted_page]})
    result, leaks = _leaks(tmp_path, content, {"qzxrestrictedpage"})
    assert leaks == {}
    assert [d.doc_id for d in result.catalog.documents] == ["D1"]
    restricted, found = _leaks(tmp_path, content, {"qzxrestrictedpage"}, "restricted")
    assert all(d.pdf_path for d in restricted.catalog.documents)
    assert any(path.startswith("site/") for path in found)  # admitted where its tier is


def test_a_restricted_files_fonds_name_never_names_the_fonds_of_the_public_edition(tmp_path):
    files = [_file("HS01", access="02", fonds_name="Phông qzxrestrictedname"), _file("HS02")]
    rows = [_doc("D1", "HS01", 1, access="02"), _doc("D2", "HS02", 1)]
    content, _ = _project(tmp_path, files, rows, {})
    result, leaks = _leaks(tmp_path, content, {"qzxrestrictedname"})
    assert leaks == {}
    assert [f.name for f in result.catalog.fonds] == ["Phông công khai"]


def test_a_secret_rows_access_cell_is_not_quoted_in_the_report(tmp_path):
    rows = [_doc("D1", "HS01", 1), _doc("D2", "HS01", 2, access="qzxsecretaccess", secrecy="Mật")]
    content, _ = _project(tmp_path, [_file()], rows, {})
    result, leaks = _leaks(tmp_path, content, {"qzxsecretaccess"})
    assert leaks == {}
    assert result.report.withheld_secret == ['packages/P1/ho_so_tai_lieu.xlsx, sheet "Tài liệu", dòng/row 3']


def test_a_secret_file_marked_only_by_its_duplicate_row_takes_its_documents_along(tmp_path):
    files = [_file(), _file("HS01", access="03")]
    rows = [_doc("D1", "HS01", 1, summary="Tóm tắt qzxsecretsummary")]
    content, _ = _project(tmp_path, files, rows, {"data/HS01.1.pdf": [SECRET_PAGE]})
    result, leaks = _leaks(tmp_path, content, {"qzxsecretsummary", "qzxsecretpage"})
    assert leaks == {}
    assert result.catalog.documents == []


def test_long_identifiers_give_bounded_file_names_and_the_build_goes_on(tmp_path):
    long_id = "TL-" + "rất-dài-" * 60
    long_type = "Công văn hướng dẫn " * 30
    rows = [_doc(long_id, "HS01", 1), _doc("D2", "HS01", 2)]
    rows[0][5] = long_type  # also a browse page named after the value
    content, _ = _project(tmp_path, [_file()], rows, {"data/HS01.1.pdf": [PUBLIC_PAGE]})
    result, root = _build(tmp_path, content, "public")
    assert {d.doc_id for d in result.catalog.documents} == {long_id, "D2"}
    names = [p.name for p in root.rglob("*")]
    assert max(len(n.encode()) for n in names) <= 120


def test_a_files_declared_counts_are_not_shown_where_documents_are_withheld(tmp_path):
    headers = [*FILE_HEADERS, "Tổng số tài liệu", "Số lượng tờ"]
    files = [[*_file(), 3, 41]]
    rows = [_doc("D1", "HS01", 1), _doc("D2", "HS01", 2, access="02"), _doc("D3", "HS01", 3, secrecy="Mật")]
    content, package = _project(tmp_path, files, rows, {})
    write_workbook(package / "ho_so_tai_lieu.xlsx", files, rows, file_headers=headers, doc_headers=DOC_HEADERS)
    for edition in ("public", "restricted"):
        result, root = _build(tmp_path, content, edition)
        page = (root / "site" / file_page("HS01")).read_text(encoding="utf-8")
        assert "Tổng số tài liệu" not in page and ">41<" not in page, edition  # 3 declared, fewer published


def test_words_in_the_image_of_a_withheld_scan_reach_no_edition_that_may_not_show_them(tmp_path):
    """The text is in the image only: OCR reads it, and only where the scan is admitted."""
    content, package = _project(tmp_path, [_file()], [_doc("D1", "HS01", 1), _doc("D2", "HS01", 2, access="02"),
                                                    _doc("D3", "HS01", 3, secrecy="Mật")], {})
    for n, word in ((2, "qzxscanrestricted"), (3, "qzxscansecret")):
        pdfgen.write_scanned_pdf(package / "data" / f"HS01.{n}.pdf", [f"Công văn về việc {word} lưu trữ"],
                                 dpi=300, font_size=16, quality=70, max_page_bytes=900_000)
    canaries = {"qzxscanrestricted", "qzxscansecret"}
    public, leaks = _leaks(tmp_path, content, canaries)
    assert leaks == {} and [d.doc_id for d in public.catalog.documents] == ["D1"]
    restricted, found = _leaks(tmp_path, content, canaries, "restricted")
    assert "qzxscansecret" not in set().union(*found.values())
    read = next(d for d in restricted.catalog.documents if d.doc_id == "D2")
    assert read.pdf.pages[0].source == "ocr"  # the restricted edition reads the scan it shows
