"""Bad input from the edges of the input contract: each is reported with its sheet, row
and column, and every other document is still published."""

from __future__ import annotations

import json
import os

import pdfgen
import pytest
from click.testing import CliRunner
from conftest import doc_page, scan_file, tree_digest
from projects import write_catalog_toml, write_workbook

from catalog.build import BuildPaths, build
from catalog.cli import main
from catalog.config import load_config

SHEET = "Tài liệu"


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A project with one package whose rows exercise every edge case."""
    root = tmp_path_factory.mktemp("broken")
    content = root / "content"
    package = content / "packages" / "P1"
    data = package / "data"
    data.mkdir(parents=True)
    write_catalog_toml(content)
    (package / "package.toml").write_text('id = "P1"\ntitle = "Gói lỗi"\nfonds_code = "F1"\n', encoding="utf-8")
    for n in (1, 3, 8):
        pdfgen.write_text_pdf(data / f"HS01.{n}.pdf", [f"Văn bản số {n} về công tác lưu trữ tài liệu."])
    pdfgen.write_damaged_pdf(data / "HS01.10.pdf")
    pdfgen.write_encrypted_pdf(data / "HS01.11.pdf")
    pdfgen.write_not_a_pdf(data / "HS01.12.pdf")
    _write_repairable_pdf(data / "HS01.13.pdf")
    outside = root / "outside.pdf"
    pdfgen.write_text_pdf(outside, ["Tệp nằm ngoài gói, không được xuất bản. OUTSIDE-MARKER"])
    os.symlink(outside, data / "link.pdf")
    rows = [
        ["D1", "HS01", 1, "1-CV/TU", "05/01/2020", "Công văn", "Văn bản hợp lệ", "01", "", 1, ""],
        ["D1", "HS01", 2, "2-CV/TU", "06/01/2020", "Công văn", "Trùng mã định danh", "01", "", 1, ""],
        ["D3", "HS01", 3, "3-CV/TU", "31/02/2020", "Công văn", "Ngày không tồn tại", "01", "", 1, ""],
        ["D4", "HS01", 4, "4-CV/TU", "07/01/2020", "Công văn", "Thiếu tệp PDF", "01", "", 1, ""],
        ["D5", "HS01", 5, "5-CV/TU", "08/01/2020", "Công văn", "Đường dẫn ra ngoài", "01", "", 1, "../../outside.pdf"],
        ["D6", "HS01", 6, "6-CV/TU", "09/01/2020", "Công văn", "Liên kết ra ngoài", "01", "", 1, "data/link.pdf"],
        ["D7", "HS99", 1, "7-CV/TU", "10/01/2020", "Công văn", "Hồ sơ không tồn tại", "01", "", 1, ""],
        ["D8", "HS01", 8, "8-CV/TU", "11/01/2020", "Công văn", "", "01", "", 1, ""],
        ["", "HS01", 9, "9-CV/TU", "12/01/2020", "Công văn", "Thiếu mã định danh", "01", "", 1, ""],
        ["D10", "HS01", 10, "10-CV/TU", "13/01/2020", "Công văn", "PDF hỏng", "01", "", 1, ""],
        ["D11", "HS01", 11, "11-CV/TU", "14/01/2020", "Công văn", "PDF có mật khẩu", "01", "", 1, ""],
        ["D12", "HS01", 12, "12-CV/TU", "15/01/2020", "Công văn", "Không phải PDF", "01", "", 1, ""],
        ["D13", "HS01", 13, "13-CV/TU", "16/01/2020", "Công văn", "PDF hỏng nhẹ", "01", "", 1, ""],
    ]
    write_workbook(package / "ho_so_tai_lieu.xlsx", [["HS01", "Phông thử", "Hồ sơ thử nghiệm", "01"]], rows)
    before = tree_digest(content)
    result = build(load_config(content), BuildPaths.for_output(root / "build" / "site"))
    return result, content, before


def _write_repairable_pdf(path):
    """A PDF whose cross-reference offset is wrong: qpdf silently rebuilds it on open."""
    pdfgen.write_text_pdf(path, ["Văn bản có bảng tham chiếu hỏng, vẫn đọc được chữ."])
    data = path.read_bytes()
    head, _, tail = data.rpartition(b"startxref")
    path.write_bytes(head + b"startxref\n12345\n%%EOF\n")


def _problems(result, code):
    return [p for p in result.report.problems if p.code == code]


def _one(result, code, row, column):
    found = [p for p in _problems(result, code) if p.row == row]
    assert found, f"no {code} problem at row {row}: {[(p.code, p.row) for p in result.report.problems]}"
    problem = found[0]
    assert problem.sheet == SHEET
    assert problem.path == "packages/P1/ho_so_tai_lieu.xlsx"
    assert problem.column == column
    assert " / " in problem.message  # Vietnamese, then English
    return problem


def test_each_edge_is_reported_with_sheet_row_and_column(broken):
    result, _, _ = broken
    assert "D1" in _one(result, "duplicate-id", 3, "Mã định danh văn bản").message
    assert "31/02/2020" in _one(result, "bad-value", 4, "Ngày, tháng, năm văn bản").message
    _one(result, "pdf-missing", 5, "Tệp tin")
    assert "../../outside.pdf" in _one(result, "pdf-path-outside", 6, "Tệp tin").message
    _one(result, "pdf-link-outside", 7, "Tệp tin")
    assert "HS99" in _one(result, "unknown-file", 8, "Mã hồ sơ").message
    _one(result, "missing-value", 9, "Trích yếu nội dung")
    _one(result, "missing-value", 10, "Mã định danh văn bản")
    assert "PDF" in _one(result, "pdf-damaged", 11, "Tệp tin").message
    assert _one(result, "pdf-repaired", 14, "Tệp tin").severity == "warning"
    _one(result, "pdf-encrypted", 12, "Tệp tin")
    _one(result, "pdf-not-pdf", 13, "Tệp tin")


def test_every_other_document_is_still_published(broken):
    result, _, _ = broken
    published = {d.doc_id for d in result.catalog.documents}
    assert published == {"D1", "D3", "D4", "D5", "D6", "D8", "D10", "D11", "D12", "D13"}
    by_id = {d.doc_id: d for d in result.catalog.documents}
    assert by_id["D1"].summary == "Văn bản hợp lệ"  # the first of the duplicates wins
    assert by_id["D3"].date is None
    site = result.paths.site
    for doc_id in published:
        assert (site / doc_page(doc_id)).is_file()
    assert "Văn bản số 8" in by_id["D8"].pdf.pages[0].text  # no summary, still extracted
    assert "vẫn đọc được chữ" in by_id["D13"].pdf.pages[0].text  # repaired, text still read
    assert (site / doc_page("D8")).read_text(encoding="utf-8").count("8-CV/TU") >= 1


def test_files_from_outside_the_package_are_never_published(broken):
    result, _, _ = broken
    site = result.paths.site
    for path in site.rglob("*"):
        if path.is_file():
            assert b"OUTSIDE-MARKER" not in path.read_bytes(), path
    assert not (site / scan_file("D5")).exists() and not (site / scan_file("D6")).exists()


def test_damaged_and_protected_scans_are_still_offered(broken):
    result, _, _ = broken
    site = result.paths.site
    for doc_id in ("D10", "D11"):
        assert (site / scan_file(doc_id)).is_file()
    page = (site / doc_page("D11")).read_text(encoding="utf-8")
    assert "PDF có mật khẩu" in page


def test_inputs_are_not_modified(broken):
    _, content, before = broken
    assert tree_digest(content) == before


def test_report_json_lists_every_problem_with_location(broken):
    result, _, _ = broken
    data = json.loads(result.paths.report.read_text(encoding="utf-8"))
    assert result.paths.report.parent == result.paths.site.parent  # beside the site, not in it
    assert data["problem_count"] == len(result.report.problems) >= 11
    for problem in data["problems"]:
        assert set(problem) >= {"path", "sheet", "row", "column", "doc_id", "message"}


def test_strict_build_exits_1_and_plain_build_exits_0(broken, tmp_path):
    _, content, _ = broken
    runner = CliRunner()
    plain = runner.invoke(main, ["build", str(content), "--out", str(tmp_path / "a" / "site")])
    assert plain.exit_code == 0, plain.output
    strict = runner.invoke(main, ["build", str(content), "--out", str(tmp_path / "b" / "site"), "--strict"])
    assert strict.exit_code == 1
    assert "dòng/row 4" in strict.output and "31/02/2020" in strict.output


def test_check_reports_without_building(broken):
    _, content, _ = broken
    outcome = CliRunner().invoke(main, ["check", str(content), "--json"])
    assert outcome.exit_code == 1
    data = json.loads(outcome.output)
    codes = {p["code"] for p in data["problems"]}
    assert {"duplicate-id", "bad-value", "unknown-file", "missing-value", "pdf-path-outside"} <= codes
    # check opens the scans (cheaply, no text read), so it finds what a build finds in them
    assert {"pdf-encrypted", "pdf-damaged", "pdf-not-pdf", "pdf-repaired"} <= codes
