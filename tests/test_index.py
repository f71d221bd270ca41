"""The whoosh index: writing, the shared search vectors, ranking, page hits."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from catalog.search.index import IndexRecord, write_index
from catalog.search.query import Hit, IndexMissing, search, search_results

VECTORS_FILE = Path(__file__).with_name("search_vectors.json")
VECTORS = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))["vectors"]
EXPECTATIONS = ("expect_first", "expect_top", "expect_match", "expect_absent")
# Expectations on the counts of a query, beside its ranked ids (issue 11's notice and counts).
COUNT_EXPECTATIONS = {"expect_exact_count": "exact", "expect_approximate_count": "approximate",
                      "expect_no_exact": "no_exact", "expect_only_exclusions": "only_exclusions"}


def record(doc_id: str, title: str = "", pages: tuple[str, ...] = (), **fields) -> IndexRecord:
    values = dict(
        doc_id=doc_id, title=title, number="", date_text="", date_sort="", year=None,
        doc_type="", issuer="", fonds_code="", fonds_name="", file_code="",
        url=f"tai-lieu/{doc_id}.html", metadata_text="", pages=tuple(pages),
    )  # fmt: skip
    values.update(fields)
    return IndexRecord(**values)


def vector_record(doc_id: str, document: str | dict) -> IndexRecord:
    """A vector's document: a string is the text of one page; an object has title/number/pages."""
    if isinstance(document, str):
        return record(doc_id, pages=(document,))
    return record(doc_id, document.get("title", ""), tuple(document.get("pages", ())), number=document.get("number", ""))


def check_vector(vector: dict, found: list[str], pages_by_id: dict[str, list[int]], explain: str) -> None:
    """Assert a vector's expectations on ranked ids; shared by the whoosh and browser tests."""
    first = vector.get("expect_first", [])
    assert found[: len(first)] == first, explain
    top = vector.get("expect_top", [])
    assert set(found[: len(top)]) == set(top), explain
    for doc_id in vector.get("expect_match", []):
        assert doc_id in found, explain
    for doc_id in vector.get("expect_absent", []):
        assert doc_id not in found, explain
    for doc_id, pages in vector.get("expect_pages", {}).items():
        assert pages_by_id[doc_id] == pages, explain


def check_counts(vector: dict, counts: dict, explain: str) -> None:
    """Assert a vector's count expectations; ``counts`` has the keys of COUNT_EXPECTATIONS' values."""
    for key, name in COUNT_EXPECTATIONS.items():
        if key in vector:
            assert counts[name] == vector[key], f"{name}: {counts} -- {explain}"


def ids(hits: list[Hit]) -> list[str]:
    return [hit.doc_id for hit in hits]


# --- the shared vectors ----------------------------------------------------


def test_vectors_file_is_well_formed():
    assert len(VECTORS) >= 15
    for vector in VECTORS:
        assert {"name", "spec", "query", "documents"} <= vector.keys()
        assert any(key in vector for key in EXPECTATIONS), vector["name"]
        named = {i for key in EXPECTATIONS for i in vector.get(key, [])} | set(vector.get("expect_pages", {}))
        assert named <= vector["documents"].keys(), vector["name"]
    assert len({vector["name"] for vector in VECTORS}) == len(VECTORS)


def test_vectors_cover_nfd_both_ways():
    def is_nfd(text: str) -> bool:
        return unicodedata.normalize("NFC", text) != text

    assert any(is_nfd(v["query"]) for v in VECTORS)
    assert any(is_nfd(d) for v in VECTORS for d in v["documents"].values() if isinstance(d, str))


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_search_vector(tmp_path, vector):
    records = [vector_record(doc_id, document) for doc_id, document in vector["documents"].items()]
    assert len(write_index(tmp_path / "index", records)) == len(records)
    result = search_results(tmp_path / "index", vector["query"], limit=100)
    hits = result.hits
    explain = f"{vector['query']!r} -> {[(h.doc_id, h.score) for h in hits]}"
    check_vector(vector, ids(hits), {hit.doc_id: list(hit.pages) for hit in hits}, explain)
    counts = {name: getattr(result, name) for name in COUNT_EXPECTATIONS.values()}
    check_counts(vector, counts, explain)
    assert sum(hit.exact for hit in hits) == result.exact and len(hits) == result.total, explain


# --- ranking details -------------------------------------------------------


@pytest.fixture
def sample_index(tmp_path) -> Path:
    records = [
        record("exact", "Đề án số hóa tài liệu", ("Trang 1: mục lục", "Trang 2: số hóa hồ sơ", "Trang 3: kết luận")),
        record("fear", "Sợ hỏa hoạn"),
        record("plain", "So hoa tai lieu"),
        record("scattered", "Số liệu hóa chất", ("Số lượng hóa chất và số hóa đơn",)),
        record("number", "Về công tác lưu trữ", ("Nội dung",), number="64-CV/TW", issuer="Ban Bí thư",
               file_code="G09.2010.01", metadata_text="Người ký: Nguyễn Văn An; từ khóa: lưu trữ"),
    ]  # fmt: skip
    write_index(tmp_path / "index", records)
    return tmp_path / "index"


def test_unaccented_query_treats_all_spellings_equally(tmp_path):
    write_index(tmp_path / "ix", [record("a", "Số hóa"), record("b", "Sợ hỏa"), record("c", "So hoa")])
    scores = {hit.doc_id: hit.score for hit in search(tmp_path / "ix", "so hoa")}
    assert len(set(scores.values())) == 1, scores


def test_accented_query_prefers_exact_diacritics_clearly(sample_index):
    hits = {hit.doc_id: hit for hit in search(sample_index, "số hóa")}
    assert hits["exact"].score > hits["fear"].score + 1
    assert hits["exact"].score > hits["plain"].score + 1


def test_nfd_query_scores_like_nfc(sample_index):
    nfd = unicodedata.normalize("NFD", "số hóa")
    assert search(sample_index, nfd) == search(sample_index, "số hóa")


def test_page_hits_point_at_matching_pages(sample_index):
    hits = {hit.doc_id: hit for hit in search(sample_index, "số hóa")}
    assert hits["exact"].pages == (2,)  # page 2 holds both words; title matches count for no page
    assert hits["scattered"].pages == (1,)
    assert hits["fear"].pages == ()


def test_hit_carries_display_fields(sample_index):
    (hit,) = search(sample_index, "64-CV/TW")
    assert hit.doc_id == "number"
    assert (hit.title, hit.number, hit.url) == ("Về công tác lưu trữ", "64-CV/TW", "tai-lieu/number.html")
    assert hit.pages == ()


def test_metadata_fields_are_searchable(sample_index):
    assert ids(search(sample_index, "Nguyễn Văn An")) == ["number"]
    assert ids(search(sample_index, "ban bi thu")) == ["number"]
    assert ids(search(sample_index, "G09.2010.01")) == ["number"]


def test_all_syllables_are_required(sample_index):
    assert search(sample_index, "số hóa khủng long") == []
    assert search(sample_index, "") == []
    assert search(sample_index, " - / ") == []


def test_limit(sample_index):
    assert len(search(sample_index, "hoa", limit=2)) == 2
    assert search(sample_index, "hoa", limit=0) == []


def test_phrase_does_not_cross_pages(tmp_path):
    write_index(tmp_path / "ix", [record("a", pages=("cuối trang là số", "hóa đầu trang"))])
    assert search(tmp_path / "ix", '"số hóa"') == []
    assert ids(search(tmp_path / "ix", "số hóa")) == ["a"]


# --- writing ---------------------------------------------------------------


def test_search_without_index_names_the_folder_and_the_fix(tmp_path):
    with pytest.raises(IndexMissing) as raised:
        search(tmp_path / "nowhere", "số hóa")
    assert str(tmp_path / "nowhere") in str(raised.value)
    assert "catalog build" in str(raised.value)


def test_rebuild_replaces_the_index(tmp_path):
    index_dir = tmp_path / "index"
    write_index(index_dir, [record("old", "Tài liệu cũ")])
    assert len(write_index(index_dir, [record("new", "Tài liệu mới")])) == 1
    assert ids(search(index_dir, "tài liệu")) == ["new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]  # no staging or retired folders left


def test_failed_build_keeps_the_previous_index(tmp_path):
    index_dir = tmp_path / "index"
    write_index(index_dir, [record("old", "Tài liệu cũ")])

    def broken_records():
        yield record("new", "Tài liệu mới")
        raise RuntimeError("PDF stage failed")

    with pytest.raises(RuntimeError):
        write_index(index_dir, broken_records())
    assert ids(search(index_dir, "tài liệu")) == ["old"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]


def test_duplicate_document_ids_fail_the_build(tmp_path):
    with pytest.raises(ValueError, match="duplicate document id 'a'"):
        write_index(tmp_path / "index", [record("a", "một"), record("a", "hai")])
    assert not (tmp_path / "index").exists()


def test_a_folder_that_is_not_an_index_is_never_replaced(tmp_path):
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        write_index(tmp_path / "index", [record("a", "một")])
    assert (tmp_path / "index" / "notes.txt").read_text() == "mine"


def test_empty_catalog_gives_an_empty_searchable_index(tmp_path):
    assert write_index(tmp_path / "index", []) == {}
    assert search(tmp_path / "index", "số hóa") == []


# --- OR, -word and the no-exact-match notice (issue 11) --------------------------


def test_search_results_count_exact_and_approximate(tmp_path):
    write_index(tmp_path / "ix", [record("exact", "Tổ hòa giải"), record("chem", "Hóa chất, giải thể")])
    result = search_results(tmp_path / "ix", "hòa giải")
    assert ids(result.hits) == ["exact", "chem"] and [h.exact for h in result.hits] == [True, False]
    assert (result.total, result.exact, result.approximate, result.no_exact) == (2, 1, 1, False)
    only = search_results(tmp_path / "ix", "-hóa -giải")
    assert only.only_exclusions and only.hits == [] and only.total == 0


def cli_search(tmp_path, records, query: str) -> str:
    from click.testing import CliRunner

    from catalog.cli import main
    from catalog.output_paths import BuildPaths

    write_index(BuildPaths.for_output(tmp_path / "site").index_root, records)
    # "--": a query may start with "-" (an exclusion), which is no option
    outcome = CliRunner().invoke(main, ["search", "--out", str(tmp_path / "site"), "--", query])
    assert outcome.exit_code == 0, outcome.output
    return outcome.output


def test_cli_says_when_nothing_matches_with_the_typed_diacritics(tmp_path):
    output = cli_search(tmp_path, [record("chem", "Hóa chất, giải thể"), record("other", "Lưu trữ")], "hòa  giải")
    first, listed = output.splitlines()[:2]
    assert first == ("Không có kết quả đúng dấu cho “hòa giải”; kết quả gần đúng: "
                     "/ No exact match for “hòa giải” with its diacritics; approximate matches:")  # fmt: skip
    assert "[chem]" in listed


def test_cli_counts_exact_and_approximate_hits(tmp_path):
    records = [record("exact", "Tổ hòa giải"), record("chem", "Hóa chất, giải thể")]
    assert cli_search(tmp_path, records, "hòa giải").splitlines()[0] == "1 kết quả đúng dấu, 1 gần đúng / 1 exact, 1 approximate"
    assert cli_search(tmp_path, records, "-giải").splitlines()[0].startswith("Truy vấn chỉ có từ loại trừ")


def test_an_index_written_by_two_processes_ranks_as_one_written_by_one(tmp_path, monkeypatch):
    """Segments written side by side (whoosh's MpWriter, never merged) hold the same
    statistics: every query gives the same hits, scores and pages."""
    from whoosh import index as whoosh_index

    from catalog.search import index as search_index

    monkeypatch.setattr(search_index, "SEGMENT_DOCS", 10)  # 65 records: several segments either way
    words = ("số hóa tài liệu", "lưu trữ lịch sử", "báo cáo tổng kết", "kế hoạch năm", "chữ ký số")
    records = [record(f"d{i:02d}", f"Văn bản {words[i % 5]} {i}", (words[i % 3], f"trang hai {words[(i * 7) % 5]}"),
                      number=f"{i}/QĐ-UBND") for i in range(65)]
    write_index(tmp_path / "one", records)
    write_index(tmp_path / "two", records, procs=2)
    with whoosh_index.open_dir(str(tmp_path / "two")).reader() as reader:
        sizes = sorted(segment.doc_count_all() for segment, _ in reader.leaf_readers())
    # 20 records a writer, a job of 10 to each process (one may take both); the last 5 alone.
    assert sum(sizes) == 65 and len(sizes) >= 4 and max(sizes) <= 20
    for query in ("số hóa", "so hoa", "lưu trữ", '"báo cáo tổng kết"', "12/QĐ-UBND", "chữ ký OR kế hoạch", "trang -số"):
        one, two = search(tmp_path / "one", query, limit=100), search(tmp_path / "two", query, limit=100)
        assert [(h.doc_id, round(h.score, 9), h.pages) for h in two] == [(h.doc_id, round(h.score, 9), h.pages) for h in one], query
        assert one, query


def test_an_index_process_that_fails_publishes_no_index_and_leaves_no_process(tmp_path, monkeypatch):
    """whoosh goes on without a sub-writer that died; the index must not."""
    import multiprocessing

    from catalog.search import index as search_index

    monkeypatch.setattr(search_index, "SEGMENT_DOCS", 2)
    analyse = search_index.VietnameseTokenizer.__call__

    def failing(self, value, *args, **kwargs):  # the texts are analysed in the index processes only
        if "hỏng" in value:
            raise MemoryError("as a process out of memory would")
        return analyse(self, value, *args, **kwargs)

    monkeypatch.setattr(search_index.VietnameseTokenizer, "__call__", failing)
    records = [record("bad", "Văn bản hỏng")] + [record(f"d{i}", f"Văn bản {i}") for i in range(5)]
    with pytest.raises(RuntimeError, match=r"wrote [0-3] of 4 records \(exit codes \[1\]\)"):  # the first writer: 4 records
        write_index(tmp_path / "index", records, procs=2)
    assert not (tmp_path / "index").exists()
    assert multiprocessing.active_children() == []
