"""The handover record (`catalog handover`): counts, every scan's SHA-256 and size as
`sha256sum` gives them, the problems with their places, the same rows in CSV and XLSX, a
printable A4 page in Chromium, and no secret item named in any of the three files.

Run on two packages of the sample (the BagIt bag, whose sheets are UTF-16 and Windows-1258, and
a plain folder of UTF-8 CSV) and on a small project with a secret row, a secret archival
file, a first page stamped MẬT, a damaged secret scan, a scan no row names and a manifest
entry that does not match.
"""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import openpyxl
import pdfgen
import pikepdf
import pytest
from click.testing import CliRunner
from conftest import ROOT, tree_digest
from leak_scan import scan
from projects import DOC_HEADERS, FILE_HEADERS, write_catalog_toml, write_workbook

from catalog.build import check
from catalog.cli import main
from catalog.config import load_config
from catalog.records.handover import MANIFEST_MATCH, MANIFEST_MISMATCH, MANIFEST_UNLISTED, find_package, handover_record

SAMPLE = ROOT / "content"
STEM = "bien-ban-giao-nhan"
# Where each secret or stamped item could show: its id, summary, file title, file name, text.
SECRET = {"docid": "SQZDOCID", "docid2": "SQZSECONDID", "summary": "sqzsummary", "filetitle": "sqzfiletitle",
          "filename": "sqzfilename", "damaged": "sqzdamaged", "text": "sqztextlayer"}
STAMPED = {"docid": "TQZDOCID", "summary": "tqzsummary", "filename": "tqzfilename", "text": "tqztextlayer"}
ORPHAN = "oqzorphan"  # a scan no row names: of unknown tier, so not named either
CANARIES = {word.lower() for word in (*SECRET.values(), *STAMPED.values(), ORPHAN)}
# The sample bag's two secret rows (tai_lieu.csv rows 6 and 8): their ids, scans and marker.
SAMPLE_SECRETS = {"h42.13-2023-0105", "h42.13-2023-0202", "snv.2023.01.5", "snv.2023.02.2", "bimat"}
SHEET = "packages/P1/ho_so_tai_lieu.xlsx"


def _where(sheet: str, row: int) -> str:
    return f'{SHEET}, sheet "{sheet}", dòng/row {row}'


def _cell(sheet: str, row: int) -> str:
    """Where a row names its scan: its "Tệp tin" cell."""
    return f'{_where(sheet, row)}, cột/column "Tệp tin"'


def _doc(doc_id, file_code, ordinal, summary, access, secrecy, pages, pdf) -> list:
    return [doc_id, file_code, ordinal, f"{ordinal}-CV/VP", "05/01/2021", "Công văn", summary, access, secrecy, pages,
            f"data/{pdf}"]


def _project(root: Path) -> Path:
    content = root / "content"
    write_catalog_toml(content, default_access="restricted")
    package = content / "packages" / "P1"
    data = package / "data"
    package.mkdir(parents=True)
    (package / "package.toml").write_text(
        'id = "P1"\ntitle = "Gói <i>thử</i> giao nộp"\nfonds_code = "F1"\nfonds_name = "Phông thử"\n'
        'agency = "Văn phòng Sở Thử"\nhandover_date = "05/02/2024"\nhanded_over_by = "Phòng Hành chính"\n'
        'received_by = "Kho Lưu trữ"\n', encoding="utf-8")
    pdfgen.write_text_pdf(data / "cong-khai.pdf", ["Trang một công khai.", "Trang hai công khai."])
    pdfgen.write_text_pdf(data / "han-che.pdf", ["Văn bản sử dụng có điều kiện."])
    pdfgen.write_damaged_pdf(data / f"{SECRET['damaged']}.pdf")
    pdfgen.write_text_pdf(data / f"{SECRET['filename']}.pdf", [f"Nội dung {SECRET['text']} lưu trữ"])
    pdfgen.write_text_pdf(data / f"{STAMPED['filename']}.pdf", [f"MẬT\nCÔNG VĂN\nNội dung {STAMPED['text']}"])
    pdfgen.write_text_pdf(data / f"{ORPHAN}.pdf", ["Tệp không dòng nào của bảng kê nêu."])
    files = [["HS01", "Phông thử", "Hồ sơ công khai", "01"], ["HSR", "Phông thử", "Hồ sơ hạn chế", "02"],
             ["HSS", "Phông thử", f"Hồ sơ {SECRET['filetitle']}", "03"]]  # row 4 of "Hồ sơ": a secret file
    docs = [  # rows 2 to 6 of "Tài liệu"
        _doc("D1", "HS01", 1, "Về việc lưu trữ", "01", "", 2, "cong-khai.pdf"),
        _doc("R1", "HSR", 1, "Về việc hạn chế", "02", "", 1, "han-che.pdf"),
        _doc(SECRET["docid"], "HS01", 2, f"Về việc {SECRET['summary']}", "01", "Mật", 1, f"{SECRET['damaged']}.pdf"),
        _doc(SECRET["docid2"], "HSS", 1, "Về việc khác", "01", "", 1, f"{SECRET['filename']}.pdf"),
        _doc(STAMPED["docid"], "HS01", 3, f"Về việc {STAMPED['summary']}", "01", "", 1, f"{STAMPED['filename']}.pdf"),
    ]
    write_workbook(package / "ho_so_tai_lieu.xlsx", files, docs, FILE_HEADERS, DOC_HEADERS)
    sums = {rel: sha for sha, rel in ((line[:64], line[66:]) for line in _sha256sum(package).splitlines())}
    sums["data/cong-khai.pdf"] = "0" * 64  # changed in transfer
    del sums[f"data/{ORPHAN}.pdf"]
    (package / "manifest-sha256.txt").write_text("".join(f"{sha}  {rel}\n" for rel, sha in sums.items()), encoding="utf-8")
    return content


def _sha256sum(package: Path) -> str:
    rels = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.pdf"))
    return subprocess.run(["sha256sum", *rels], cwd=package, check=True, capture_output=True, text=True).stdout


def _record(content: Path, package: str):
    report, catalog, raw_packages = check(load_config(content))
    return handover_record(find_package(raw_packages, package), catalog, raw_packages, report)


def _cli(*args: str):
    return CliRunner().invoke(main, ["handover", *args])


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Each package's record written by the command, with its package folder and the digests of the inputs."""
    root = tmp_path_factory.mktemp("handover")
    project = _project(root)
    cases = {"bag": (SAMPLE, "SNV-2023-bag"), "csv": (SAMPLE, "VPTU-2025-01"), "project": (project, "P1")}
    before = {name: tree_digest(content) for name, (content, _) in cases.items()}
    found = {}
    for name, (content, package) in cases.items():
        outcome = _cli(str(content), package, "--out", str(root / "out" / name))
        assert outcome.exit_code == 0, outcome.output
        found[name] = {"out": root / "out" / name, "package": content / "packages" / package, "output": outcome.output,
                       "content": content, "before": before[name]}
    return found


def test_the_command_says_where_it_wrote_the_three_files(made):
    for case in made.values():
        written = [line.rsplit(": ", 1)[1] for line in case["output"].splitlines()]
        assert written == [str(case["out"] / f"{STEM}.{suffix}") for suffix in ("html", "csv", "xlsx")]
        assert all(Path(path).stat().st_size > 0 for path in written)


def test_inputs_are_unchanged(made):
    for case in made.values():
        assert tree_digest(case["content"]) == case["before"]


def _pages(package: Path) -> int:
    total = 0
    for path in package.rglob("*.pdf"):
        try:
            with pikepdf.open(path) as pdf:
                total += len(pdf.pages)
        except pikepdf.PdfError:
            pass  # a damaged scan has no pages to count
    return total


def _csv_rows(path: Path, encoding: str, delimiter: str = ",") -> int:
    with open(path, encoding=encoding, newline="") as handle:
        return sum(1 for row in csv.reader(handle, delimiter=delimiter) if any(row)) - 1


def test_the_bag_counts_its_secret_rows_but_names_none_of_them():
    package = SAMPLE / "packages" / "SNV-2023-bag"
    record = _record(SAMPLE, "SNV-2023-bag")
    assert record.files.total == _csv_rows(package / "data" / "ho_so.csv", "utf-16", "\t") == 3
    assert record.documents.total == _csv_rows(package / "data" / "tai_lieu.csv", "cp1258") == 10
    assert record.documents.secret == 2
    assert record.secret_rows == ("packages/SNV-2023-bag/data/tai_lieu.csv, dòng/row 6",
                                  "packages/SNV-2023-bag/data/tai_lieu.csv, dòng/row 8")
    assert len(record.scans) == len(list(package.rglob("*.pdf"))) == 10
    assert record.withheld_scans == 2
    assert [s.listed_at for s in record.scans if s.withheld] == [f'{row}, cột/column "Tệp tin"' for row in record.secret_rows]
    assert record.pages == _pages(package)
    assert {s.manifest for s in record.scans} == {MANIFEST_MATCH}
    assert (record.agency, record.received_by) == ("Sở Nội vụ tỉnh Sơn Hà", "Trung tâm Lưu trữ lịch sử tỉnh Sơn Hà")


def test_a_csv_package_counts_every_row_and_scan():
    package = SAMPLE / "packages" / "VPTU-2025-01"
    record = _record(SAMPLE, "VPTU-2025-01")
    assert record.files.total == _csv_rows(package / "ho_so.csv", "utf-8-sig") == 3
    assert record.documents.total == _csv_rows(package / "tai_lieu.csv", "utf-8-sig") == 15
    assert (record.documents.restricted, record.documents.secret) == (2, 0)
    assert len(record.scans) == 15 and record.withheld_scans == 0
    assert record.pages == _pages(package) == 18
    assert record.handover_date.text == "20/06/2025"
    assert not [p for p in record.problems if p.severity == "error"]
    assert {s.manifest for s in record.scans} == {""}  # no manifest to compare with


def test_the_project_with_secrets_counts_them_by_row(made):
    record = _record(made["project"]["content"], "P1")
    assert (record.files.public, record.files.restricted, record.files.secret) == (1, 1, 1)
    assert (record.documents.public, record.documents.restricted, record.documents.secret) == (1, 1, 3)
    assert record.secret_rows == (_where("Hồ sơ", 4), _where("Tài liệu", 4), _where("Tài liệu", 5),
                                  _where("Tài liệu", 6))
    assert [s.name for s in record.scans if not s.withheld] == ["data/cong-khai.pdf", "data/han-che.pdf"]
    # The damaged secret scan, the secret file's scan, the stamped one, then the one no row names.
    assert [s.listed_at for s in record.scans if s.withheld] == [
        _cell("Tài liệu", 4), _cell("Tài liệu", 5), _cell("Tài liệu", 6), ""]
    assert record.pages == _pages(made["project"]["package"]) == 6
    manifest = {s.name or s.listed_at: s.manifest for s in record.scans}
    assert manifest["data/cong-khai.pdf"] == MANIFEST_MISMATCH and manifest["data/han-che.pdf"] == MANIFEST_MATCH
    assert manifest[""] == MANIFEST_UNLISTED


def test_the_problems_carry_their_places_and_name_no_secret(made):
    record = _record(made["project"]["content"], "P1")
    places = {(p.code, p.path, p.sheet, p.row, p.column) for p in record.problems}
    assert ("fixity-mismatch", "packages/P1/manifest-sha256.txt", None, None, "data/cong-khai.pdf") in places
    assert ("secrecy-stamp", SHEET, "Tài liệu", 6, "Tệp tin") in places
    assert ("pdf-damaged", SHEET, "Tài liệu", 4, "Tệp tin") in places  # at the secret row, not the file's name
    assert not {c for p in record.problems for c in CANARIES if c in f"{p.message} {p.where()}".lower()}


def test_no_secret_item_is_named_in_any_of_the_three_files(made):
    assert scan(made["project"]["out"], CANARIES) == {}  # XLSX members unzipped, HTML references decoded
    assert scan(made["bag"]["out"], SAMPLE_SECRETS) == {}
    html = (made["bag"]["out"] / f"{STEM}.html").read_text(encoding="utf-8")
    assert "packages/SNV-2023-bag/data/tai_lieu.csv, dòng/row 6" in html  # counted by where it is listed


def _xlsx_rows(path: Path) -> list[list[str]]:
    sheet = openpyxl.load_workbook(path).active
    return [_trimmed(["" if v is None else str(v) for v in row]) for row in sheet.iter_rows(values_only=True)]


def _trimmed(row: list[str]) -> list[str]:
    while row and row[-1] == "":
        row = row[:-1]
    return row


@pytest.mark.parametrize("case", ["bag", "csv", "project"])
def test_the_csv_and_the_xlsx_hold_the_same_rows(made, case):
    out = made[case]["out"]
    data = (out / f"{STEM}.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the file as UTF-8
    rows = [_trimmed(row) for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))]
    assert rows == _xlsx_rows(out / f"{STEM}.xlsx")
    sums = {line[66:]: line[:64] for line in _sha256sum(made[case]["package"]).splitlines()}
    listed = {row[1]: row[4] for row in rows if len(row) >= 5 and row[1] in sums}
    assert listed == {rel: sha for rel, sha in sums.items() if rel in listed} and listed


def _scan_table(page) -> list[dict]:
    return page.eval_on_selector_all("table.scans tr.scan", """rows => rows.map(row => ({
        withheld: row.classList.contains("withheld"),
        name: row.querySelector("td.file").textContent.trim(),
        sha256: row.querySelector("td.sha256").textContent.trim(),
        size: row.querySelector("td.size").textContent.trim(),
    }))""")


@pytest.mark.browser
@pytest.mark.parametrize("case", ["bag", "csv", "project"])
def test_the_page_lists_every_scan_as_sha256sum_sees_it(made, page, case):
    out, package = made[case]["out"], made[case]["package"]
    page.goto((out / f"{STEM}.html").as_uri())
    table = _scan_table(page)
    sums = {line[66:]: line[:64] for line in _sha256sum(package).splitlines()}
    named = {row["name"]: row for row in table if not row["withheld"]}
    assert {rel: row["sha256"] for rel, row in named.items()} == {rel: sums[rel] for rel in named}
    unnamed = [row for row in table if row["withheld"]]
    assert sorted(row["sha256"] for row in unnamed) == sorted(sha for rel, sha in sums.items() if rel not in named)
    assert len(table) == len(sums)
    sizes = {rel: (package / rel).stat().st_size for rel in sums}
    assert {rel: int(row["size"].replace(".", "")) for rel, row in named.items()} == {rel: sizes[rel] for rel in named}
    assert sorted(int(row["size"].replace(".", "")) for row in unnamed) == sorted(
        size for rel, size in sizes.items() if rel not in named)


@pytest.mark.browser
def test_the_page_is_laid_out_as_a_printed_record(made, page, tmp_path):
    page.goto((made["project"]["out"] / f"{STEM}.html").as_uri())
    text = page.inner_text("body")
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "VĂN PHÒNG SỞ THỬ",
                  "BIÊN BẢN GIAO NHẬN TÀI LIỆU LƯU TRỮ SỐ", "ngày 05 tháng 02 năm 2024", "BÊN GIAO", "BÊN NHẬN",
                  "(Ký, ghi rõ họ tên)"):
        assert words in text, words
    assert text.index("BÊN GIAO") < text.index("BÊN NHẬN")
    assert page.locator(".subject").inner_text() == "Gói tài liệu P1: Gói <i>thử</i> giao nộp"  # escaped, not markup
    counts = {key: page.locator(f"#count-{key} .total").inner_text() for key in ("files", "documents", "pages", "scans")}
    assert counts == {"files": "3", "documents": "5", "pages": "6", "scans": "6"}
    page.screenshot(path=tmp_path / "handover.png", full_page=True)
    assert (tmp_path / "handover.png").stat().st_size > 10_000
    pdf = tmp_path / "handover.pdf"
    pdf.write_bytes(page.pdf(prefer_css_page_size=True))  # as the browser prints it: the @page rule gives A4
    with pikepdf.open(pdf) as printed:
        width, height = (float(v) for v in printed.pages[0].mediabox[2:])
        assert (round(width), round(height)) == (595, 842)
        assert len(printed.pages) >= 2


def test_an_unknown_package_is_refused_with_the_known_ones():
    outcome = _cli(str(SAMPLE), "KHONG-CO")
    assert outcome.exit_code == 1
    assert 'Không có gói "KHONG-CO"' in outcome.output and 'There is no package "KHONG-CO"' in outcome.output
    assert "SNV-2023-bag, UBND-2024-03, VPTU-2025-01" in outcome.output


def test_a_folder_inside_the_project_or_a_built_site_is_refused(made, tmp_path):
    content = made["project"]["content"]
    before = tree_digest(content)
    inside = _cli(str(content), "P1", "--out", str(content / "packages" / "bien-ban"))
    assert inside.exit_code == 1 and "inputs are never written" in inside.output
    assert tree_digest(content) == before
    site = tmp_path / "site"
    site.mkdir()
    (site / ".catalog-site").write_text("built by catalog\n", encoding="utf-8")
    in_site = _cli(str(content), "P1", "--out", str(site / "ho-so"))
    assert in_site.exit_code == 1 and "inside the built site" in in_site.output
    assert not (site / "ho-so").exists()


def test_by_default_the_record_goes_to_build_handover(made, monkeypatch, tmp_path):
    """``catalog handover P1`` in the folder holding ``content/``."""
    project = tmp_path / "work"
    project.mkdir()
    (project / "content").symlink_to(made["project"]["content"], target_is_directory=True)
    monkeypatch.chdir(project)
    outcome = _cli("P1")
    assert outcome.exit_code == 0, outcome.output
    assert sorted(p.name for p in (project / "build" / "handover" / "P1").iterdir()) == [
        f"{STEM}.csv", f"{STEM}.html", f"{STEM}.xlsx"]
