"""Canaries in every part of a restricted, a secret and a stamped document, through every edition.

Each canary is a unique word planted in one place: the text layer, the scanned image
(read by OCR), the title of a document and of its archival file, the summary, the
keywords, the file name of the scan and the ``doc_id``. Every edition is built, and
every byte written is scanned (``leak_scan``: compressed data, escapes and the whoosh
index included). Restricted canaries appear in the restricted edition (each one: the
test would prove nothing if a canary were simply lost), in no other site or index, and
in the bundle only inside its sealed files, which, opened with the key, hold them all.
Secret and stamped canaries appear nowhere: not in any site, index, cache or report,
not inside the sealed files either.
"""

from __future__ import annotations


import pdfgen
import pytest
from leak_scan import file_hits, scan
from projects import DOC_HEADERS, write_catalog_toml, write_workbook

from catalog.access.tiers import Tier
from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.site.sealed_layer import read_sealed, tier_key

FILE_HEADERS = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Chế độ sử dụng", "Mã phông"]
HEADERS = [*DOC_HEADERS, "Tiêu đề", "Từ khóa"]
PASSPHRASE = "chỉ người được phép mới biết câu này"


def canaries(prefix: str) -> dict[str, str]:
    """The words planted in one document: where → word (lower-case ASCII, found whatever the case)."""
    return {part: f"{prefix}qz{part}" for part in
            ("docid", "textlayer", "image", "title", "summary", "keywords", "filename", "filetitle")}


RESTRICTED, SECRET = canaries("r"), canaries("s")
# A stamped document is secret, its archival file is not: the file's title is public.
STAMPED = {part: word for part, word in canaries("t").items() if part != "filetitle"}


def _doc(c: dict[str, str], file_code: str, ordinal: int, access: str, secrecy: str = "") -> list:
    return [c["docid"].upper(), file_code, ordinal, f"{ordinal}-CV/VP", "05/01/2021", "Công văn",
            f"Về việc {c['summary']} lưu trữ", access, secrecy, 1, f"data/{c['filename']}.pdf",
            f"Công văn {c['title']}", f"lưu trữ; {c['keywords']}"]


def _scan_doc(c: dict[str, str], file_code: str, access: str, secrecy: str = "") -> list:
    """A second document of the same kind, whose scan is an image only."""
    return [c["docid"].upper() + "-2", file_code, 1, "9-BC/VP", "06/01/2021", "Báo cáo", "Báo cáo định kỳ",
            access, secrecy, 1, f"data/{c['filename']}-2.pdf", "Báo cáo định kỳ", ""]


def _project(tmp_path):
    content = tmp_path / "content"
    write_catalog_toml(content, default_access="restricted")
    package = content / "packages" / "P1"
    package.mkdir(parents=True)
    (package / "package.toml").write_text('id = "P1"\nfonds_code = "F1"\n', encoding="utf-8")
    data = package / "data"
    pdfgen.write_text_pdf(data / "cong-khai.pdf", ["Trang công khai về công tác lưu trữ năm 2021."])
    for c, first_line in ((RESTRICTED, ""), (SECRET, ""), (canaries("t"), "MẬT\n")):
        pdfgen.write_text_pdf(data / f"{c['filename']}.pdf", [f"{first_line}CÔNG VĂN\nNội dung {c['textlayer']} lưu trữ"])
        scan_text = f"{first_line}BÁO CÁO về {c['image']} lưu trữ"
        pdfgen.write_scanned_pdf(data / f"{c['filename']}-2.pdf", [scan_text], dpi=300, font_size=18, quality=75,
                                 max_page_bytes=900_000)
    files = [
        ["HS01", "Phông công khai", "Hồ sơ công khai", "01", "F1"],
        ["HSR", "Phông công khai", f"Hồ sơ {RESTRICTED['filetitle']}", "02", "F1"],
        ["HSS", "Phông công khai", f"Hồ sơ {SECRET['filetitle']}", "03", "F1"],
        ["HST", "Phông công khai", f"Hồ sơ {canaries('t')['filetitle']}", "01", "F1"],
    ]
    docs = [
        ["D1", "HS01", 1, "1-CV/VP", "04/01/2021", "Công văn", "Về việc lưu trữ", "01", "", 1, "data/cong-khai.pdf",
         "Công văn lưu trữ", "lưu trữ"],
        _doc(RESTRICTED, "HSR", 1, "02"), _scan_doc(RESTRICTED, "HSR", "02"),
        _doc(SECRET, "HSS", 1, "01", secrecy="Mật"), _scan_doc(SECRET, "HSS", "01"),
        _doc(canaries("t"), "HST", 1, "01"), _scan_doc(canaries("t"), "HST", "01"),
    ]
    write_workbook(package / "ho_so_tai_lieu.xlsx", files, docs, file_headers=FILE_HEADERS, doc_headers=HEADERS)
    return content


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Every edition of the project, each into its own build folder."""
    tmp_path = tmp_path_factory.mktemp("canaries")
    config = load_config(_project(tmp_path))
    results = {}
    for edition in config.editions:
        passphrases = {Tier.RESTRICTED: PASSPHRASE} if config.edition(edition).sealed else {}
        results[edition] = build(config, BuildPaths.for_output(tmp_path / edition / "site"), edition,
                                 passphrases=passphrases)
    return results


def _found(root, words) -> set[str]:
    return set().union(*scan(root, set(words)).values())


def _sealed_bytes(result) -> bytes:
    site = result.paths.site
    key = tier_key(site, PASSPHRASE)
    return b"\n".join(name.encode() + b"\n" + data for name, data in read_sealed(site, key).items()).lower()


def test_the_editions_are_public_restricted_and_bundle(builds):
    assert set(builds) == {"public", "restricted", "bundle"}


def test_restricted_canaries_are_all_in_the_restricted_edition(builds):
    assert _found(builds["restricted"].paths.site, RESTRICTED.values()) == set(RESTRICTED.values())


def test_restricted_canaries_reach_no_other_edition_in_plain(builds):
    for edition in ("public", "bundle"):
        paths = builds[edition].paths
        assert scan(paths.site, set(RESTRICTED.values())) == {}, edition
        assert scan(paths.index_root, set(RESTRICTED.values())) == {}, edition
        for report in (paths.report, paths.report_html):  # the archivist's reports of this edition
            assert report.is_file() and not file_hits(report, set(RESTRICTED.values())), (edition, report.name)


def test_the_bundle_holds_every_restricted_canary_sealed(builds):
    sealed = _sealed_bytes(builds["bundle"])
    assert {word for word in RESTRICTED.values() if word.encode() in sealed} == set(RESTRICTED.values())


@pytest.mark.parametrize("edition", ["public", "restricted", "bundle"])
def test_secret_and_stamped_canaries_are_nowhere_not_even_in_build(builds, edition):
    words = set(SECRET.values()) | set(STAMPED.values())
    build_root = builds[edition].paths.site.parent  # site, index generations, cache and report
    assert scan(build_root, words) == {}
    if edition == "bundle":
        sealed = _sealed_bytes(builds["bundle"])
        assert not [word for word in words if word.encode() in sealed]
