"""``catalog check`` opens every scan a build would read, cheaply, and says what a build says.

A project with a scan of each kind of trouble (damaged, encrypted, missing, not a PDF,
empty, repaired by qpdf, a page count that differs from the sheet's) is checked and built:
both report the same problems at the same places. A secret row's broken scan is neither
opened nor named. Sheet headers that name no known column are warned about, with the
closest known header when one is close.
"""

from __future__ import annotations

import json
from pathlib import Path

import pdfgen
import pytest
from click.testing import CliRunner
from projects import DOC_HEADERS, write_catalog_toml, write_workbook
from test_leak_canaries import SECRET
from test_leak_canaries import _project as canary_project

from catalog.build import BuildPaths, build, check
from catalog.cli import main
from catalog.config import load_config
from catalog.read.headers import (
    DOCUMENT_HEADERS,
    FILE_HEADERS,
    closest_header,
    map_headers,
    unknown_columns,
)
from catalog.text import extract, pdf_checks

ROOT = Path(__file__).resolve().parent.parent
SHEET_PATH = "packages/P1/ho_so_tai_lieu.xlsx"
SECRET_WORD = "sqzsecret"  # in the secret row's id and scan name: named nowhere
# The sheet's own spelling of "Số và ký hiệu" (column D), and a column of the office's own (L).
HEADERS = [*(("Số và kí hiệu" if h == "Số và ký hiệu" else h) for h in DOC_HEADERS), "Ghi chú nội bộ"]
# Only a build reads the text: what check cannot know of a scan.
TEXT_ONLY = {"pdf-text-unreadable", "pdf-legacy-encoding", "pdf-no-text"}


def _row(doc_id, ordinal, summary, *, access="01", secrecy="", pages=1, file=""):
    return [doc_id, "HS01", ordinal, f"{ordinal}-CV/VP", "05/01/2021", "Công văn", summary, access, secrecy,
            pages, file, "ghi chú"]


def _write_repairable_pdf(path: Path) -> None:
    """A wrong cross-reference offset: qpdf rebuilds the table on open, and warns."""
    pdfgen.write_text_pdf(path, ["Văn bản có bảng tham chiếu hỏng, vẫn đọc được chữ."])
    head, _, _ = path.read_bytes().rpartition(b"startxref")
    path.write_bytes(head + b"startxref\n12345\n%%EOF\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("check") / "content"
    data = content / "packages" / "P1" / "data"
    data.mkdir(parents=True)
    write_catalog_toml(content)
    (content / "packages" / "P1" / "package.toml").write_text('id = "P1"\ntitle = "Gói thử"\n', encoding="utf-8")
    for n in (1, 8):
        pdfgen.write_text_pdf(data / f"HS01.{n}.pdf", [f"Văn bản số {n} về công tác lưu trữ."])
    pdfgen.write_damaged_pdf(data / "HS01.2.pdf")
    pdfgen.write_encrypted_pdf(data / "HS01.3.pdf")
    pdfgen.write_not_a_pdf(data / "HS01.5.pdf")
    pdfgen.write_not_a_pdf(data / "HS01.6.pdf", kind="empty")
    _write_repairable_pdf(data / "HS01.7.pdf")
    pdfgen.write_damaged_pdf(data / f"{SECRET_WORD}scan.pdf", mode="garbage")
    pdfgen.write_damaged_pdf(data / "HS01.11.pdf")
    rows = [
        _row("D1", 1, "Văn bản hợp lệ"),
        _row("D2", 2, "PDF hỏng"),
        _row("D3", 3, "PDF có mật khẩu"),
        _row("D4", 4, "Thiếu tệp PDF"),
        _row("D5", 5, "Không phải PDF"),
        _row("D6", 6, "PDF rỗng"),
        _row("D7", 7, "PDF hỏng nhẹ"),
        _row("D8", 8, "Khai sai số trang", pages=3),
        _row(SECRET_WORD.upper(), 9, "Văn bản mật", secrecy="Mật", file=f"data/{SECRET_WORD}scan.pdf"),
        # The secret row's scan also shows this public row: it is published without it, unopened.
        _row("D10", 10, "Cùng bản quét với văn bản mật", file=f"data/{SECRET_WORD}scan.pdf"),
        _row("D11", 11, "Hạn chế, PDF hỏng", access="02"),
    ]
    write_workbook(content / "packages" / "P1" / "ho_so_tai_lieu.xlsx",
                   [["HS01", "Phông thử", "Hồ sơ thử nghiệm", "01"]], rows, doc_headers=HEADERS)
    return content


def _places(problems) -> list[tuple]:
    return [(p.code, p.path, p.sheet, p.row, p.column, p.doc_id, p.severity, p.message) for p in problems]


def _of_scans_and_headers(problems) -> list[tuple]:
    """What check and build both find in the scans and the header rows (a build also checks
    fixity, the site, OCR: problems of its own)."""
    return _places(p for p in problems if p.code not in TEXT_ONLY
                   and (p.code.startswith("pdf-") or p.code in ("pages-mismatch", "unknown-column")))


@pytest.fixture(scope="module")
def checked(project):
    report, _, _ = check(load_config(project), pdf_jobs=2)
    return report


def test_check_and_build_report_the_same_pdf_problems_at_the_same_places(project, checked, tmp_path):
    # The restricted edition reads every non-secret document, as check does.
    built = build(load_config(project), BuildPaths.for_output(tmp_path / "site"), "restricted").report
    assert _of_scans_and_headers(checked.problems) == _of_scans_and_headers(built.problems)
    assert set(_places(checked.problems)) <= set(_places(built.problems))  # nothing check alone says
    rows = {(p.code, p.row) for p in checked.problems if p.column == "Tệp tin" or p.code == "pages-mismatch"}
    assert rows == {("pdf-damaged", 3), ("pdf-encrypted", 4), ("pdf-missing", 5), ("pdf-not-pdf", 6),
                    ("pdf-empty", 7), ("pdf-repaired", 8), ("pages-mismatch", 9), ("pdf-damaged", 12)}
    assert all(p.sheet == "Tài liệu" and p.path == SHEET_PATH for p in checked.problems)
    assert checked.counts["pdfs_checked"] == 8  # the secret row's scan is not among them


def test_the_public_edition_reads_fewer_scans_than_check(project, checked, tmp_path):
    """Check covers the widest edition: the restricted row's broken scan is reported, a public build skips it."""
    built = build(load_config(project), BuildPaths.for_output(tmp_path / "site")).report
    assert ("pdf-damaged", 12) in {(p.code, p.row) for p in checked.problems}
    assert ("pdf-damaged", 12) not in {(p.code, p.row) for p in built.problems}


def test_a_secret_rows_scan_is_neither_opened_nor_named(project, monkeypatch):
    opened = []

    def recording(path, facts):
        opened.append(Path(path).name)
        return inspect(path, facts)

    inspect = pdf_checks.inspect_pdf
    monkeypatch.setattr(extract, "inspect_pdf", recording)  # one worker: checked in this process
    report, _, _ = check(load_config(project), pdf_jobs=1)
    assert sorted(opened) == sorted(f"HS01.{n}.pdf" for n in (1, 2, 3, 5, 6, 7, 8, 11))
    assert SECRET_WORD not in json.dumps(report.to_dict(), ensure_ascii=False).lower()
    outcome = CliRunner().invoke(main, ["check", str(project), "--jobs", "2"])
    assert SECRET_WORD not in outcome.output.lower()


def test_check_names_no_secret_canary(tmp_path):
    """The canary project of the leak tests: no word of its secret document in what check says.

    (Its stamped document is another matter: a stamp is found in the text, which check does
    not read; check names a stamped row only where its sheet or scan has a problem.)
    """
    content = canary_project(tmp_path)
    for args in (["--json"], []):
        outcome = CliRunner().invoke(main, ["check", str(content), "--jobs", "2", *args])
        assert outcome.exit_code == 0, outcome.output
        assert not {word for word in SECRET.values() if word in outcome.output.lower()}


def test_reading_without_pdf_jobs_opens_no_scan(project, monkeypatch):
    """What ``build`` calls first: the scans wait for its text stage, which checks them as it reads them."""
    monkeypatch.setattr(extract, "inspect_pdf", lambda path, facts: pytest.fail(f"{path} opened"))
    report, _, _ = check(load_config(project))
    assert "pdfs_checked" not in report.counts and "pdf-damaged" not in report.by_code()


def test_one_worker_and_two_find_the_same(project, checked):
    one, _, _ = check(load_config(project), pdf_jobs=1)
    assert _places(one.problems) == _places(checked.problems)


def test_cli_check_with_two_jobs(project):
    outcome = CliRunner().invoke(main, ["check", str(project), "--jobs", "2", "--json"])
    assert outcome.exit_code == 1  # damaged scans are errors
    data = json.loads(outcome.stdout)
    codes = {(p["code"], p["row"]) for p in data["problems"]}
    assert {("pdf-damaged", 3), ("pdf-encrypted", 4), ("pdf-not-pdf", 6), ("unknown-column", 1)} <= codes
    assert data["counts"]["pdfs_checked"] == 8 and data["counts"]["documents"] == 10
    shown = CliRunner().invoke(main, ["check", str(project), "--jobs", "2"])
    assert "Kiểm tra PDF / Checking PDFs" in shown.output  # the stage's progress
    assert 'cột/column "D (Số và kí hiệu)"' in shown.output and "“Số và ký hiệu”" in shown.output


# ---------------------------------------------------------------- unknown headers


def test_an_unknown_header_is_warned_about_with_the_closest_known_one(checked):
    warned = {p.column: p for p in checked.problems if p.code == "unknown-column"}
    assert set(warned) == {"D (Số và kí hiệu)", "L (Ghi chú nội bộ)"}
    close = warned["D (Số và kí hiệu)"]
    assert (close.severity, close.path, close.sheet, close.row) == ("warning", SHEET_PATH, "Tài liệu", 1)
    assert "Có phải là cột “Số và ký hiệu”?" in close.message
    assert "Did you mean “Số và ký hiệu”?" in close.message
    assert "Did you mean" not in warned["L (Ghi chú nội bộ)"].message  # nothing close: no guess
    assert " / The column “Ghi chú nội bộ” is not a known column" in warned["L (Ghi chú nội bộ)"].message


@pytest.mark.parametrize(("header", "kind", "meant"), [
    ("Số và kí hiệu", "document", "Số và ký hiệu"),  # i/y spelling
    ("SO VA KI HIEU", "document", "Số và ký hiệu"),  # and no marks, upper case
    ("Tình trạng vật lí", "file", "Tình trạng vật lý"),
    ("Trích yếu nội dug", "document", "Trích yếu nội dung"),  # a letter left out
    ("Thời hạn bảo quàn", "file", "Thời hạn bảo quản"),  # a wrong mark that changes the letters
    ("Ма hồ sơ", "file", "Mã hồ sơ"),  # Cyrillic М and а
    ("Người nhập liệu", "document", None),  # a column of the office's own: nothing close
    ("Ghi chú nội bộ", "file", None),
    ("STT", "file", None),
])
def test_closest_header(header, kind, meant):
    assert closest_header(header, kind) == meant


def test_a_header_already_in_the_sheet_is_not_suggested():
    assert closest_header("Mã hồ sơ cũ", "document") == "Mã hồ sơ"
    assert closest_header("Mã hồ sơ cũ", "document", taken=["file_code"]) is None


@pytest.mark.parametrize(("kind", "table"), [("file", FILE_HEADERS), ("document", DOCUMENT_HEADERS)])
def test_no_recognised_header_is_ever_warned_about(kind, table):
    names = [name for key, aliases in table.items() for name in (key, *aliases)]
    for written in (names, [n.upper() for n in names], [n.replace(" ", "_") for n in names]):
        headers = map_headers(written, kind)  # repeated keys too: recognised, kept as extra
        assert unknown_columns(headers, kind, "p/x.xlsx", "Hồ sơ", 1) == []


def test_the_sample_warns_only_about_its_own_columns():
    report, _, raw_packages = check(load_config(ROOT / "content"), pdf_jobs=0)
    unknown = {(s.path, h) for raw in raw_packages for s in raw.sheets.values() for h, key in s.headers
               if h and key is None}
    warned = {(p.path, p.column.split(" ", 1)[1][1:-1]) for p in report.problems if p.code == "unknown-column"}
    assert warned == unknown == {
        ("packages/SNV-2023-bag/data/tai_lieu.csv", "Người nhập liệu"),
        ("packages/VPTU-2025-01/tai_lieu.csv", "Người nhập liệu"),
        ("packages/UBND-2024-03/ho_so_tai_lieu.xlsx", "STT"),  # the serial number, in the file sheet
    }
    assert {p.code for p in report.problems} == {"unknown-column"}  # its scans are sound
    assert report.counts["pdfs_checked"] > 30

