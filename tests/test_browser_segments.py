"""The browser index in segments: a batch adds a segment and writes nothing else but meta.js; a
changed document's segment is written again; more than MAX_SEGMENTS are merged; and whatever
the segments, the index holds what a fresh one holds and the browser answers as it does."""

from __future__ import annotations

import dataclasses
import random
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_index import record
from test_search_browser import loose_adjacency

from catalog.progress import Silent
from catalog.search.browser import reader
from catalog.search.browser.export import Exporter, export
from catalog.search.browser.segments import MAX_SEGMENTS, Segment
from catalog.search.index import write_index
from catalog.search.query import search
from catalog.site.output import write_search
from catalog.site.render import Renderer, make_environment, site_globals
from catalog.site.write import SiteWriter

WORDS = ("lưu trữ", "số hóa", "văn thư", "kiểm tra", "hồ sơ", "quyết định", "biên bản", "tổng kết", "chuyển đổi số",
         "ngân sách", "đất đai", "cán bộ", "công tác", "tài liệu", "báo cáo", "kế hoạch")
NUMBERS = ("64-CV/TW", "05/2025/TT-BNV", "30/2020/NĐ-CP", "12-QĐ/TU")
QUERIES = ("lưu trữ", "so hoa", "kiểm tra hồ sơ", '"chuyển đổi số"', "biên bản", "ngân sách đất đai", "can bo",
           "64-CV/TW", "30/2020/NĐ-CP", "tài liệu lưu trữ số hóa", "báo cáo", "tổng kết công tác văn thư")


def batch(rng: random.Random, first: int, count: int) -> list:
    """Records with random words, dates (some undated), facets and numbers."""
    records = []
    for i in range(first, first + count):
        year = rng.choice((None, 2018, 2019, 2020, 2021, 2022, 2023))
        pages = tuple(" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 30))) + " " + rng.choice(NUMBERS)
                      for _ in range(rng.randint(1, 4)))
        records.append(record(
            f"TL-{i:04d}", " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))), pages,
            year=year, date_sort=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if year else "",
            fonds_code=rng.choice(("P1", "P2", "P3")), fonds_name="Phông", doc_type=rng.choice(("Báo cáo", "Công văn")),
            issuer=rng.choice(("Văn phòng", "Ban Tổ chức", "")), number=rng.choice(("", *NUMBERS)),
        ))  # fmt: skip
    return records


def write_site(out: Path, records, previous: list[Segment] = ()) -> list[Segment]:
    """search.html, the static files and the browser index, from the previous site's segments where they hold."""
    config = SimpleNamespace(title="Thử", title_en="Test", organization="", languages=("vi", "en"), base_url="")
    renderer = Renderer(make_environment(out.parent / "no-project"), site_globals(config, "public"), [], config.languages)
    with SiteWriter(out) as writer:
        segments = write_search(renderer, config.languages, records, writer, Silent(), previous=previous)
        writer.copy_tree("static", Path(str(resources.files("site_templates") / "static")))
    return segments


def index_files(site: Path) -> dict[str, int]:
    """rel → inode of every file of the browser index's data."""
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in (site / "search").rglob("*.js")}


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """A site grown by batches (with one edit), and a fresh site of the same records."""
    rng, root = random.Random(5), tmp_path_factory.mktemp("segments")
    site, records, segments = root / "grown" / "site", [], []
    for size in (40, 6, 3, 5, 2, 4):
        records += batch(rng, len(records), size)
        segments = write_site(site, records, segments)
    fresh = root / "fresh" / "site"
    write_site(fresh, records)
    write_index(root / "index", records)
    return SimpleNamespace(site=site, fresh=fresh, records=records, segments=segments, index=root / "index")


def test_a_batch_adds_a_segment_and_rewrites_only_meta(tmp_path):
    rng = random.Random(1)
    site, records = tmp_path / "site", batch(rng, 0, 30)
    first = write_site(site, records)
    before = index_files(site)
    records += batch(rng, 30, 3)
    second = write_site(site, records, first)
    after = index_files(site)
    assert [s.name for s in second][:1] == [first[0].name] and len(second) == 2
    kept = {rel for rel, inode in after.items() if before.get(rel) == inode}
    assert kept == set(before) - {"search/meta.js"}  # the first segment's files, linked unchanged
    assert all(rel.startswith(f"search/g/{second[1].name}/") for rel in set(after) - kept - {"search/meta.js"})


def test_a_changed_document_rewrites_its_segment_only(tmp_path):
    rng = random.Random(2)
    site, records = tmp_path / "site", batch(rng, 0, 20)
    segments = write_site(site, records)
    records += batch(rng, 20, 5)
    segments = write_site(site, records, segments)
    old, young = segments
    records[22] = record(records[22].doc_id, "Tiêu đề đã sửa", records[22].pages)
    again = write_site(site, records, segments)
    assert again[0] == old and again[1].name != young.name  # the old segment kept, the young one written again
    assert {d.doc_id for d in again[1].docs} == {d.doc_id for d in young.docs}
    gone = records.pop(3).doc_id
    last = write_site(site, records, again)
    assert len(last) == 2 and last[0] == again[1] and gone not in {d.doc_id for d in last[1].docs}
    assert reader.contents(site) == reader.contents(_fresh(tmp_path, records))


def _fresh(tmp_path: Path, records) -> Path:
    write_site(tmp_path / "fresh" / "site", records)
    return tmp_path / "fresh" / "site"


def test_more_than_max_segments_are_merged_smallest_first(grown):
    assert len(grown.segments) == MAX_SEGMENTS
    sizes = [len(s.docs) for s in grown.segments]
    assert sizes[0] == 40 and sum(sizes) == len(grown.records)  # the big one never merged with the small ones
    on_disk = {p.name for p in (grown.site / "search" / "g").iterdir()}
    assert on_disk == {s.name for s in grown.segments}  # no stale segment left in the site


def test_segments_hold_what_a_fresh_index_holds(grown):
    assert reader.contents(grown.site) == reader.contents(grown.fresh)


def test_a_fresh_export_is_one_segment_named_by_its_contents():
    records = batch(random.Random(3), 0, 10)
    first, second = dict(export(records)), dict(export(list(reversed(records))))
    assert first == second  # the order records come in does not matter
    assert len(Exporter(records).kept) == 0


@pytest.mark.browser
def test_the_browser_answers_a_grown_index_as_a_fresh_one(grown, page):
    answers = {}
    for site in (grown.site, grown.fresh):
        page.goto((site / "search.html").as_uri())
        page.wait_for_function("() => window.CatalogSearch && window.CatalogSearch.query")
        answers[site] = [page.evaluate(ANSWER, [query, {"limit": 1000, **options}])
                         for query in QUERIES for options in OPTIONS]
    assert answers[grown.site] == answers[grown.fresh]
    assert all(answer["total"] for answer in answers[grown.site][::len(OPTIONS)])
    for answer in answers[grown.site][::len(OPTIONS)]:  # relevance order without filters: as `catalog search`
        if loose_adjacency(answer["query"]):
            continue  # the browser ranks 3+ syllable runs by their pairs (test_search_browser)
        hits = search(grown.index, answer["query"], limit=1000)
        assert [r["id"] for r in answer["results"]] == [h.doc_id for h in hits], answer["query"]
        assert [r["score"] for r in answer["results"]] == pytest.approx([h.score for h in hits], abs=1e-4)


# The answer without its doc numbers, which are the index's own (they differ with its segments).
ANSWER = """async ([q, o]) => {
  const answer = await CatalogSearch.query(q, o);
  answer.results.forEach((r) => { delete r.doc; });
  return answer;
}"""
OPTIONS = ({}, {"sort": "date"}, {"sort": "date-desc"}, {"fonds": "P2", "from": 2019, "to": 2021},
           {"type": "Công văn", "issuer": "Văn phòng"}, {"prefix": True})


def test_the_reader_sees_a_difference_a_rebuild_could_make(tmp_path):
    """The comparison above is not empty: one word, a date or a facet changed is seen."""
    records = batch(random.Random(4), 0, 12)
    base = reader.contents(_fresh(tmp_path / "a", records))
    changes = {
        "word": dataclasses.replace(records[5], title=records[5].title + " bổ sung"),
        "date": dataclasses.replace(records[5], year=1999, date_sort="1999-01-01"),
        "facet": dataclasses.replace(records[5], issuer="Cơ quan khác"),
    }
    for name, changed in changes.items():
        other = reader.contents(_fresh(tmp_path / name, [*records[:5], changed, *records[6:]]))
        assert other != base, name
