"""Input as a hostile or careless archivist hands it over: each build finishes in
bounded time and memory, reports the problem where the archivist will find it, and
publishes everything else.

Every build runs in a child process, so that a hang is cut off by the timeout and the
child's own peak memory can be read; both are guards, not speed benchmarks. The child
reads its peak itself (its own and its children's ``ru_maxrss``): the test process's
``RUSAGE_CHILDREN`` would be the largest of every child the whole session ever had.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pdfgen
import pytest
from make_sample import windows_1258_form
from projects import DOC_HEADERS, FILE_HEADERS, write_catalog_toml, write_csv, write_workbook

from catalog.read.packages import discover
from catalog.report import Report
from conftest import doc_page, scan_file

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120  # seconds: a hang guard, far above any of these builds
MAX_RSS_MB = 1536  # the child's peak resident memory

_RUNNER = """
import json, resource, sys
from pathlib import Path
from catalog.build import BuildPaths, build
from catalog.config import load_config
result = build(load_config(Path(sys.argv[1])), BuildPaths.for_output(Path(sys.argv[2])))
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({
    "peak_mb": peak // 1024,
    "problems": [p.__dict__ for p in result.report.problems],
    "published": sorted(d.doc_id for d in result.catalog.documents),
}, ensure_ascii=False))
"""


def _doc(doc_id, file_code, ordinal, summary, access="01"):
    return [doc_id, file_code, ordinal, f"{ordinal}-CV/TU", "05/01/2020", "Công văn", summary, access, "", "", ""]


def _project(tmp_path: Path) -> Path:
    """A project whose package P2 is sound: whatever breaks P1, P2 must be published."""
    content = tmp_path / "content"
    write_catalog_toml(content)
    p2 = content / "packages" / "P2"
    (p2 / "data").mkdir(parents=True)
    (p2 / "package.toml").write_text('id = "P2"\ntitle = "Gói lành"\n', encoding="utf-8")
    pdfgen.write_text_pdf(p2 / "data" / "HS2.1.pdf", ["Văn bản của gói lành."])
    write_workbook(p2 / "ho_so_tai_lieu.xlsx", [["HS2", "Phông thử", "Hồ sơ lành", "01"]],
                   [_doc("P2-D1", "HS2", 1, "Văn bản của gói lành")])
    p1 = content / "packages" / "P1"
    (p1 / "data").mkdir(parents=True)
    (p1 / "package.toml").write_text('id = "P1"\ntitle = "Gói hỏng"\n', encoding="utf-8")
    return content


def _build(tmp_path: Path, content: Path) -> dict:
    site = tmp_path / "build" / "site"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, "-c", _RUNNER, str(content), str(site)], env=env,
                              capture_output=True, text=True, timeout=TIMEOUT, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build did not finish within {TIMEOUT} s")
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["peak_mb"] < MAX_RSS_MB, f"peak memory {result['peak_mb']} MB"
    result["site"] = site
    assert "P2-D1" in result["published"]
    assert (site / doc_page("P2-D1")).is_file()  # the sound package is published
    return result


def _problem(result: dict, code: str, path: str, row: int | None = None) -> dict:
    found = [p for p in result["problems"] if p["code"] == code and p["path"] == path]
    summary = [(p["code"], p["path"], p["row"]) for p in result["problems"]]
    assert found, f"no {code} problem for {path}: {summary}"
    assert len(found) == 1, f"{code} for {path} reported {len(found)} times"
    problem = found[0]
    assert problem["row"] == row
    vi, _, en = problem["message"].partition(" / ")
    assert vi and en, problem["message"]  # Vietnamese, then English
    return problem


def _page(result: dict, doc_id: str) -> str:
    return (result["site"] / doc_page(doc_id)).read_text(encoding="utf-8")


def _write_p1_sheets(content: Path, docs: list[list]) -> Path:
    p1 = content / "packages" / "P1"
    write_csv(p1 / "ho_so.csv", FILE_HEADERS, [["HS1", "Phông thử", "Hồ sơ thử", "01"]])
    write_csv(p1 / "tai_lieu.csv", DOC_HEADERS, docs)
    return p1


# ---------------------------------------------------------------- not regular files

def test_fifo_named_like_a_scan_is_reported_not_opened(tmp_path):
    content = _project(tmp_path)
    p1 = _write_p1_sheets(content, [_doc("P1-D1", "HS1", 1, "Văn bản có bản quét là FIFO")])
    os.mkfifo(p1 / "data" / "HS1.1.pdf")
    result = _build(tmp_path, content)
    problem = _problem(result, "not-regular-file", "packages/P1/data/HS1.1.pdf")
    assert problem["severity"] == "error"
    assert "P1-D1" in result["published"]  # published without its scan
    assert not (result["site"] / scan_file("P1-D1")).exists()


def test_device_node_named_like_a_scan_is_reported_not_opened(tmp_path):
    content = _project(tmp_path)
    p1 = _write_p1_sheets(content, [_doc("P1-D1", "HS1", 1, "Văn bản có bản quét là thiết bị")])
    try:  # /dev/zero's numbers: reading it never ends
        os.mknod(p1 / "data" / "HS1.1.pdf", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    result = _build(tmp_path, content)
    _problem(result, "not-regular-file", "packages/P1/data/HS1.1.pdf")
    assert "P1-D1" in result["published"]
    assert not (result["site"] / scan_file("P1-D1")).exists()


def test_sheet_linked_from_outside_the_package_is_refused(tmp_path):
    content = _project(tmp_path)
    p1 = content / "packages" / "P1"
    write_csv(p1 / "ho_so.csv", FILE_HEADERS, [["HS1", "Phông thử", "Hồ sơ thử", "01"]])
    outside = tmp_path / "elsewhere" / "tai_lieu.csv"
    write_csv(outside, DOC_HEADERS, [_doc("P1-OUT", "HS1", 1, "OUTSIDE-SHEET-MARKER")])
    os.symlink(outside, p1 / "tai_lieu.csv")
    result = _build(tmp_path, content)
    _problem(result, "sheet-link-outside", "packages/P1/tai_lieu.csv")
    assert "P1-OUT" not in result["published"]
    assert not [p for p in result["problems"] if p["code"] == "missing-sheet"]  # it is there, refused
    for path in result["site"].rglob("*"):
        if path.is_file():
            assert b"OUTSIDE-SHEET-MARKER" not in path.read_bytes(), path


# ---------------------------------------------------------------- sizes

def _write_bomb_workbook(path: Path, declared: int) -> None:
    """A real two-sheet workbook whose "Tài liệu" sheet XML inflates to ``declared`` bytes."""
    sound = path.with_name("sound.xlsx")
    write_workbook(sound, [["HS1", "Phông thử", "Hồ sơ thử", "01"]], [_doc("P1-D1", "HS1", 1, "Bom")])
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 1000
    with zipfile.ZipFile(sound) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "xl/worksheets/sheet2.xml":
                dst.writestr(item, src.read(item.filename))
                continue
            with dst.open(item.filename, "w", force_zip64=True) as out:
                out.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
                          b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                for _ in range(declared // len(row) + 1):
                    out.write(row)
                out.write(b"</sheetData></worksheet>")
    sound.unlink()


def test_zip_bomb_workbook_is_refused_before_it_is_opened(tmp_path):
    content = _project(tmp_path)
    bomb = content / "packages" / "P1" / "ho_so_tai_lieu.xlsx"
    _write_bomb_workbook(bomb, 1100 * (1 << 20))
    assert bomb.stat().st_size < 8 << 20  # small on disk
    declared = sum(i.file_size for i in zipfile.ZipFile(bomb).infolist())
    assert declared > 1 << 30
    result = _build(tmp_path, content)
    problem = _problem(result, "xlsx-bomb", "packages/P1/ho_so_tai_lieu.xlsx")
    assert "xl/worksheets/sheet2.xml" in problem["message"]


def test_million_row_csv_stops_at_the_row_limit(tmp_path):
    content = _project(tmp_path)
    p1 = content / "packages" / "P1"
    # The file is secret (03), so the rows that are read cost nothing downstream: this
    # test is about reading, not about publishing 200,000 documents.
    write_csv(p1 / "ho_so.csv", FILE_HEADERS, [["HS1", "Phông thử", "Hồ sơ mật", "03"]])
    with open(p1 / "tai_lieu.csv", "w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(DOC_HEADERS) + "\r\n")
        handle.writelines(f"M{n},HS1,{n},,,,Văn bản {n},,,,\r\n" for n in range(1, 1_000_001))
    result = _build(tmp_path, content)
    # the header and 199,999 documents are read: 200,000 rows; row 200,001 is not
    problem = _problem(result, "too-many-rows", "packages/P1/tai_lieu.csv", row=200_001)
    assert "200.000" in problem["message"] and "200,000" in problem["message"]
    assert not [d for d in result["published"] if d.startswith("M")]


def test_fifty_megabyte_cell_flags_its_row_only(tmp_path):
    content = _project(tmp_path)
    p1 = _write_p1_sheets(content, [
        _doc("P1-D1", "HS1", 1, "Văn bản trước ô lớn"),
        _doc("P1-D2", "HS1", 2, "x" * (50 << 20)),
        _doc("P1-D3", "HS1", 3, "Văn bản sau ô lớn"),
    ])
    assert (p1 / "tai_lieu.csv").stat().st_size > 50 << 20
    result = _build(tmp_path, content)
    problem = _problem(result, "cell-too-large", "packages/P1/tai_lieu.csv", row=3)
    assert "Trích yếu nội dung" in problem["column"]
    assert set(result["published"]) >= {"P1-D1", "P1-D3"}
    assert "P1-D2" not in result["published"]
    assert "Văn bản sau ô lớn" in _page(result, "P1-D3")


# ---------------------------------------------------------------- encodings

def test_one_windows_1258_row_in_a_utf8_csv_is_flagged_not_mojibake(tmp_path):
    content = _project(tmp_path)
    p1 = _write_p1_sheets(content, [])
    # Every UTF-8 byte of these lines is also a Windows-1258 character (and the headers
    # are the ASCII keys), so the whole file *can* be read as Windows-1258: that reading
    # is the published mojibake this test rules out.
    lines = ["doc_id,file_code,summary,access",
             "P1-D1,HS1,Báo cáo tình hình thực hiện nhiệm vụ,01",
             "P1-D2,HS1,Tờ trình về việc đề nghị khen thưởng,01",
             "P1-D3,HS1,Công văn gửi các sở ban ngành,01"]
    data = b"".join(
        (windows_1258_form(line).encode("cp1258") if n == 2 else line.encode("utf-8")) + b"\r\n"
        for n, line in enumerate(lines))
    (p1 / "tai_lieu.csv").write_bytes(data)  # no BOM, as most exports
    result = _build(tmp_path, content)
    problem = _problem(result, "mixed-encoding", "packages/P1/tai_lieu.csv", row=3)
    assert "1" in problem["message"]
    assert set(result["published"]) >= {"P1-D1", "P1-D3"}
    assert "P1-D2" not in result["published"]
    assert "Báo cáo tình hình thực hiện nhiệm vụ" in _page(result, "P1-D1")
    assert "Công văn gửi các sở ban ngành" in _page(result, "P1-D3")


def test_stray_nul_in_a_utf8_csv_is_a_warning_not_utf16(tmp_path):
    content = _project(tmp_path)
    p1 = _write_p1_sheets(content, [])
    rows = [_doc("P1-D1", "HS1", 1, "Báo cáo tình hình"), _doc("P1-D2", "HS1", 2, "Tờ trình khen thưởng")]
    lines = [",".join(DOC_HEADERS)] + [",".join(str(v) for v in row) for row in rows]
    lines[1] = lines[1].replace("Báo cáo", "Báo\x00 cáo")
    (p1 / "tai_lieu.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    result = _build(tmp_path, content)
    problem = _problem(result, "stray-nul", "packages/P1/tai_lieu.csv", row=2)
    assert problem["severity"] == "warning"
    assert set(result["published"]) >= {"P1-D1", "P1-D2"}
    assert "Báo cáo tình hình" in _page(result, "P1-D1")


# ---------------------------------------------------------------- package files, read directly

def _discover(content: Path) -> Report:
    report = Report()
    discover(content / "packages", content, report)
    return report


def _codes(report: Report) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in report.problems]


def test_package_toml_and_manifest_linked_from_outside_are_not_read(tmp_path):
    content = _project(tmp_path)
    p1 = _write_p1_sheets(content, [_doc("P1-D1", "HS1", 1, "Văn bản")])
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "package.toml").write_text('id = "OUTSIDE"\n', encoding="utf-8")
    (outside / "manifest-sha256.txt").write_text(f"{'0' * 64}  data/x.pdf\n", encoding="utf-8")
    (p1 / "package.toml").unlink()
    os.symlink(outside / "package.toml", p1 / "package.toml")
    os.symlink(outside / "manifest-sha256.txt", p1 / "manifest-sha256.txt")
    report = Report()
    (raw, _) = sorted(discover(content / "packages", content, report), key=lambda r: r.display)
    assert raw.package.id == "P1" and raw.package.manifest == {}
    assert ("sheet-link-outside", "packages/P1/package.toml") in _codes(report)
    assert ("sheet-link-outside", "packages/P1/manifest-sha256.txt") in _codes(report)
    assert "no-package-metadata" not in {code for code, _ in _codes(report)}


def test_fifo_sheet_and_dangling_scan_link_are_reported_not_opened(tmp_path):
    content = _project(tmp_path)
    p1 = content / "packages" / "P1"
    write_csv(p1 / "ho_so.csv", FILE_HEADERS, [["HS1", "Phông thử", "Hồ sơ thử", "01"]])
    os.mkfifo(p1 / "tai_lieu.csv")
    os.symlink(p1 / "data" / "gone.pdf", p1 / "data" / "HS1.1.pdf")
    os.mkfifo(p1 / "manifest-sha256.txt")
    report = _discover(content)  # would block on opening a FIFO
    codes = _codes(report)
    for rel in ("tai_lieu.csv", "data/HS1.1.pdf", "manifest-sha256.txt"):
        assert codes.count(("not-regular-file", f"packages/P1/{rel}")) == 1, codes
    assert "missing-sheet" not in {code for code, _ in codes}  # it is there, refused
