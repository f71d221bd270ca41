"""Fixity: every BagIt bag checked with the bagit library on every build, and each PDF's
SHA-256 remembered from the build that first received it.

Real files throughout: a copy of the sample bag ``content/packages/SNV-2023-bag`` is
tampered with the way transfers and hands do it, built with the real pipeline, and the
report, the build folder and ``catalog fixity`` are read back. The bag's row 6
(``H42.13-2023-0105``, access 03) and row 8 (``H42.13-2023-0202``, Độ mật: Mật) are
secret: their scans are named nowhere, only placed by their rows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import tree_digest

from catalog.build import BuildPaths, build
from catalog.cli import main
from catalog.config import load_config
from catalog.errors import BuildError

BAG = "packages/SNV-2023-bag"
PUBLIC = "data/pdf/SNV.2023.01.2.pdf"  # H42.13-2023-0102, public
DELETED = "data/pdf/SNV.2023.01.3.pdf"  # H42.13-2023-0103, restricted: its name may be given
SECRET = "data/pdf/SNV.2023.01.5.pdf"  # H42.13-2023-0105, listed at tai_lieu.csv row 6, secret
SECRET_ROW = f"{BAG}/data/tai_lieu.csv"
EXTRA = "data/pdf/SNV.2023.09.9.pdf"  # named by no row at all: counted, never named
# Names that may appear in no byte of build/: the scans of the secret rows, the unlisted extra.
UNNAMEABLE = ("SNV.2023.01.5", "SNV.2023.02.2", "SNV.2023.09.9")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_build(content: Path, out: Path):
    config = load_config(content)  # without OCR: fixity needs no page text, and OCR is slow
    return build(config, BuildPaths.for_output(out), ocr=dataclasses.replace(config.ocr, mode="never"))


def problems(result, code: str) -> list:
    return [p for p in result.report.problems if p.code == code]


def assert_named_nowhere(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for name in UNNAMEABLE:
                assert name.encode() not in data, f"{name} in {path}"


def set_line(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert changed != text, pattern
    path.write_text(changed, encoding="utf-8")


@pytest.fixture
def bag(copy_of_content) -> Path:
    return copy_of_content / BAG


def test_the_sample_bag_is_valid_and_its_build_reports_no_fixity_problem(copy_of_content, tmp_path):
    before = tree_digest(copy_of_content)
    result = run_build(copy_of_content, tmp_path / "build" / "site")
    assert not [p for p in result.report.problems if p.code.startswith(("fixity", "bag"))]
    assert tree_digest(copy_of_content) == before  # a build never writes into the inputs


def test_every_finding_of_a_tampered_bag_is_reported_at_once_with_its_place(bag, copy_of_content, tmp_path):
    received = sha256(bag / PUBLIC)
    with open(bag / PUBLIC, "ab") as handle:
        handle.write(b"\n% altered in transfer\n")
    with open(bag / SECRET, "ab") as handle:
        handle.write(b"\n% altered\n")
    (bag / DELETED).unlink()
    shutil.copyfile(bag / "data/pdf/SNV.2023.01.4.pdf", bag / EXTRA)
    set_line(bag / "tagmanifest-sha256.txt", r"^[0-9a-f]{64}(?=  bagit\.txt$)", "0" * 64)  # a broken tag manifest
    set_line(bag / "bag-info.txt", r"^Payload-Oxum: .*$", "Payload-Oxum: 529245.12000")
    before = tree_digest(copy_of_content)
    build_dir = tmp_path / "build"
    result = run_build(copy_of_content, build_dir / "site")
    assert tree_digest(copy_of_content) == before  # only the test's own edits

    places = {(p.code, p.path, p.row, p.column) for p in result.report.problems}
    assert ("fixity-mismatch", f"{BAG}/manifest-sha256.txt", None, PUBLIC) in places
    assert ("fixity-missing", f"{BAG}/manifest-sha256.txt", None, DELETED) in places
    assert ("fixity-unlisted", f"{BAG}/manifest-sha256.txt", None, None) in places  # counted, not named
    assert ("fixity-mismatch", f"{BAG}/tagmanifest-sha256.txt", None, "bagit.txt") in places
    assert ("fixity-mismatch", f"{BAG}/tagmanifest-sha256.txt", None, "bag-info.txt") in places  # Oxum edited
    assert ("bag-oxum", f"{BAG}/bag-info.txt", None, "Payload-Oxum") in places
    assert ("fixity-mismatch", SECRET_ROW, 6, "Tệp tin") in places  # the secret row's scan: by its row

    [altered] = [p for p in problems(result, "fixity-mismatch") if p.column == PUBLIC]
    assert received[:12] in altered.message and sha256(bag / PUBLIC)[:12] in altered.message
    assert " / " in altered.message and "Chép lại" in altered.message and "Copy it again" in altered.message
    [oxum] = problems(result, "bag-oxum")
    assert "529245.12000" in oxum.message and "12 tệp" in oxum.message and "12 files" in oxum.message
    [extra] = problems(result, "fixity-unlisted")  # check()'s count of unlisted PDFs was replaced, not repeated
    assert extra.message.startswith("1 tệp không nêu tên") and "bagit.py --validate" in extra.message
    assert "H42.13-2023-0102" in {d.doc_id for d in result.catalog.documents}  # still published
    assert_named_nowhere(build_dir)


def test_a_payload_file_in_no_manifest_is_named_when_a_published_record_uses_it(bag, copy_of_content, tmp_path):
    set_line(bag / "manifest-sha256.txt", rf"^[0-9a-f]{{64}}  {re.escape(PUBLIC)}\n", "")
    digest = sha256(bag / "manifest-sha256.txt")  # re-bagged by hand, tag manifest and all
    set_line(bag / "tagmanifest-sha256.txt", r"^[0-9a-f]{64}(?=  manifest-sha256\.txt$)", digest)
    result = run_build(copy_of_content, tmp_path / "build" / "site")
    [unlisted] = problems(result, "fixity-unlisted")
    assert (unlisted.path, unlisted.column, unlisted.severity) == (f"{BAG}/manifest-sha256.txt", PUBLIC, "warning")
    assert f'"{PUBLIC}"' in unlisted.message and "no manifest" in unlisted.message
    assert not [p for p in result.report.problems if p.code.startswith("bag") or p.code == "fixity-mismatch"]


def test_a_bag_bagit_cannot_open_is_reported_and_its_manifest_still_checked(bag, copy_of_content, tmp_path):
    (bag / "bagit.txt").write_text("BagIt-Version: 1.0\n", encoding="utf-8")  # no Tag-File-Character-Encoding
    with open(bag / PUBLIC, "ab") as handle:
        handle.write(b"x")
    result = run_build(copy_of_content, tmp_path / "build" / "site")
    [invalid] = problems(result, "bag-invalid")
    assert invalid.path == f"{BAG}/bagit.txt" and "Tag-File-Character-Encoding" in invalid.message
    assert [p.column for p in problems(result, "fixity-mismatch")] == [PUBLIC]


def test_a_tag_file_that_is_no_regular_file_is_not_opened(bag, copy_of_content, tmp_path):
    (bag / "tagmanifest-sha256.txt").unlink()
    (bag / "tagmanifest-sha256.txt").symlink_to(tmp_path / "elsewhere.txt")  # bagit would follow it out
    (tmp_path / "elsewhere.txt").write_text(f"{'0' * 64}  bagit.txt\n", encoding="utf-8")
    result = run_build(copy_of_content, tmp_path / "build" / "site")
    [refused] = problems(result, "bag-not-checked")
    assert refused.path == f"{BAG}/tagmanifest-sha256.txt"
    assert not problems(result, "fixity-mismatch")  # manifest-sha256.txt checked as catalog reads it: all fine


def test_history_records_each_pdf_when_received_and_reports_what_changed_or_vanished(bag, copy_of_content, tmp_path):
    out = tmp_path / "build" / "site"
    first = run_build(copy_of_content, out)
    assert not problems(first, "fixity-changed-since-received") and not problems(first, "fixity-vanished")
    received = sha256(bag / PUBLIC)
    with open(bag / PUBLIC, "ab") as handle:
        handle.write(b"\n% edited after handover\n")
    with open(bag / SECRET, "ab") as handle:
        handle.write(b"\n% edited\n")
    before = tree_digest(copy_of_content)
    second = run_build(copy_of_content, out)
    assert tree_digest(copy_of_content) == before
    changed = {(p.path, p.row): p for p in problems(second, "fixity-changed-since-received")}
    assert set(changed) == {(f"{BAG}/{PUBLIC}", None), (SECRET_ROW, 6)}
    message = changed[(f"{BAG}/{PUBLIC}", None)].message
    assert received in message and sha256(bag / PUBLIC) in message and " / " in message
    assert "SNV" not in changed[(SECRET_ROW, 6)].message  # the secret row's scan: not named

    gone = bag / "data/pdf/SNV.2023.03.2.pdf"
    kept = gone.read_bytes()
    gone.unlink()
    third = run_build(copy_of_content, out)
    [vanished] = problems(third, "fixity-vanished")
    assert vanished.path == f"{BAG}/data/pdf/SNV.2023.03.2.pdf" and hashlib.sha256(kept).hexdigest() in vanished.message
    assert len(problems(third, "fixity-changed-since-received")) == 2  # still not what was received

    gone.write_bytes(kept)  # put back as received
    fourth = run_build(copy_of_content, out)
    assert not problems(fourth, "fixity-vanished")
    assert_named_nowhere(tmp_path / "build")
    _assert_history(BuildPaths.for_output(out).fixity_history, received)


def _assert_history(history: Path, received: str) -> None:
    with sqlite3.connect(history) as db:
        rows = {path or listed_at: (sha, state) for path, listed_at, sha, state in db.execute(
            "SELECT path, listed_at, sha256, state FROM files WHERE package_id = 'SNV-2023-bag'")}
        events = db.execute("SELECT f.path, f.listed_at, e.event, e.old_sha256, e.new_sha256 FROM events e "
                            "JOIN files f ON f.id = e.file_id ORDER BY e.id").fetchall()
    assert rows[PUBLIC] == (received, "present")
    assert f"{SECRET_ROW}, dòng/row 6" in rows and f"{SECRET_ROW}, dòng/row 8" in rows
    assert [(e[0] or e[1], e[2]) for e in events] == [
        (PUBLIC, "changed"), (f"{SECRET_ROW}, dòng/row 6", "changed"),
        ("data/pdf/SNV.2023.03.2.pdf", "vanished"), ("data/pdf/SNV.2023.03.2.pdf", "reappeared")]
    assert events[0][3] == received and events[2][4] is None and events[3][3] == events[3][4]


def test_catalog_fixity_prints_the_history_of_a_package(bag, copy_of_content, tmp_path):
    out = tmp_path / "build" / "site"
    run_build(copy_of_content, out)
    received = sha256(bag / PUBLIC)
    with open(bag / PUBLIC, "ab") as handle:
        handle.write(b"x")
    (bag / DELETED).unlink()
    run_build(copy_of_content, out)
    shown = CliRunner().invoke(main, ["fixity", str(copy_of_content), "SNV-2023-bag", "--out", str(out)])
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert lines[0].startswith("Lịch sử toàn vẹn của gói SNV-2023-bag") and "/ Fixity history" in lines[0]
    [header] = [line for line in lines if line.startswith("Tệp / Path")]
    assert "Nhận lần đầu / First received" in header and "Sự kiện / Events" in header
    [public] = [line for line in lines if line.startswith(PUBLIC)]
    assert received[:12] in public and "đã đổi/changed" in public and sha256(bag / PUBLIC)[:12] in public
    [deleted] = [line for line in lines if line.startswith(DELETED)]
    assert "mất/vanished" in deleted
    assert sum("dòng mật / secret row" in line for line in lines) == 2
    assert not any(name in shown.output for name in UNNAMEABLE)
    assert "1 đã thay đổi, 1 đã mất" in lines[-1] and "1 changed, 1 gone" in lines[-1]
    by_folder = CliRunner().invoke(main, ["fixity", "SNV-2023-bag", "--out", str(out)])  # CONTENT_DIR optional
    assert by_folder.exit_code == 0 and by_folder.output == shown.output


def test_catalog_fixity_of_an_unknown_package_lists_the_known_ones(copy_of_content, tmp_path):
    out = tmp_path / "build" / "site"
    missing = CliRunner().invoke(main, ["fixity", str(copy_of_content), "SNV-2023-bag", "--out", str(out)])
    assert missing.exit_code == 1 and "catalog build" in missing.output and " / " in missing.output
    run_build(copy_of_content, out)
    unknown = CliRunner().invoke(main, ["fixity", str(copy_of_content), "KHONG-CO", "--out", str(out)])
    assert unknown.exit_code == 1
    assert 'Không có gói "KHONG-CO"' in unknown.output and 'No package "KHONG-CO"' in unknown.output
    assert "SNV-2023-bag, UBND-2024-03, VPTU-2025-01" in unknown.output


def test_the_history_is_kept_in_the_cache_folder_and_a_foreign_folder_there_is_not_touched(copy_of_content,
                                                                                           tmp_path):
    paths = BuildPaths.for_output(tmp_path / "build" / "site")
    assert paths.fixity_history == tmp_path / "build" / "cache" / "fixity.sqlite"
    (tmp_path / "build" / "cache").mkdir(parents=True)
    (tmp_path / "build" / "cache" / "fixity.sqlite").write_text("của người khác", encoding="utf-8")
    before = tree_digest(tmp_path / "build")
    with pytest.raises(BuildError, match="cache folder"):  # not ours: no .catalog-cache marker
        run_build(copy_of_content, tmp_path / "build" / "site")
    assert tree_digest(tmp_path / "build") == before


def test_a_history_that_cannot_be_read_is_reported_and_left_as_it_is(copy_of_content, tmp_path):
    history = BuildPaths.for_output(tmp_path / "build" / "site").fixity_history
    run_build(copy_of_content, tmp_path / "build" / "site")
    history.write_bytes(b"not a database, but someone's only copy")
    result = run_build(copy_of_content, tmp_path / "build" / "site2")
    [unreadable] = problems(result, "fixity-history-unreadable")
    assert str(history) in unreadable.message and " / " in unreadable.message
    assert history.read_bytes() == b"not a database, but someone's only copy"


def test_a_rebuild_reads_no_file_again_and_the_cache_names_no_secret_scan(copy_of_content, tmp_path):
    run_build(copy_of_content, tmp_path / "build" / "site")
    again = run_build(copy_of_content, tmp_path / "build" / "site2")  # the same cache and history, another site
    assert again.report.counts["files_hashed"] == 0
    keys = json.loads((tmp_path / "build" / "cache" / "digests.json").read_text(encoding="utf-8"))
    assert sum(key.startswith("inode:") for key in keys) == 2  # the two secret rows' scans
    assert_named_nowhere(tmp_path / "build")


def test_a_scan_whose_row_turns_secret_leaves_the_history_by_name_and_is_kept_by_its_row(bag, copy_of_content,
                                                                                          tmp_path):
    out = tmp_path / "build" / "site"
    run_build(copy_of_content, out)
    received = sha256(bag / "data/pdf/SNV.2023.01.1.pdf")
    sheet = bag / "data/tai_lieu.csv"
    data = sheet.read_bytes()
    row = re.search(rb"^H42\.13-2023-0101,.*$", data, re.MULTILINE)
    sheet.write_bytes(data[:row.start()] + row.group().replace(b",1,01,,02,", b",1,03,,02,", 1) + data[row.end():])
    result = run_build(copy_of_content, out)  # H42.13-2023-0101 is secret now (access 03)
    assert "H42.13-2023-0101" not in {d.doc_id for d in result.catalog.documents}
    assert not problems(result, "fixity-vanished") and not problems(result, "fixity-changed-since-received")
    with sqlite3.connect(BuildPaths.for_output(out).fixity_history) as db:
        rows = db.execute("SELECT path, listed_at, sha256 FROM files WHERE sha256 = ?", (received,)).fetchall()
        assert db.execute("SELECT count(*) FROM events").fetchone() == (0,)
    assert rows == [(None, f"{SECRET_ROW}, dòng/row 2", received)]  # the same entry, its name taken out
    assert b"SNV.2023.01.1" not in BuildPaths.for_output(out).fixity_history.read_bytes()
    assert "SNV.2023.01.1" not in (tmp_path / "build" / "cache" / "digests.json").read_text(encoding="utf-8")
