"""The browser search index export: format, shards, doc numbering, editions, size."""

from __future__ import annotations

import json
import random
import re
import unicodedata

import pytest
from test_index import record

from catalog.search.browser.export import (
    META_PATH,
    date_order,
    export,
    write_search_files,
)
from catalog.search.browser.postings import (
    ALPHABET,
    BITMAP_MARK,
    LENGTH_TABLE,
    document_keys,
    encode_docs,
    encode_pages,
    fnv1a32,
    length_byte,
    varint,
)
from catalog.search.browser.reader import decode_varints
from catalog.search.browser.segment_files import (
    OWN_FILE_BYTES,
    SHARD_TARGET_BYTES,
    TEXT_CHUNK_CHARS,
    prefix_name,
    shard_of,
)

CALL = re.compile(r'^catalogSearchLoad\(("[a-z]"),(.+?),(.*)\);\n$', re.S)


def load(text: str):
    """The data a file hands to catalogSearchLoad: (kind, id, data)."""
    match = CALL.match(text)
    assert match, text[:80]
    return json.loads(match[1]), json.loads(match[2]), json.loads(match[3])


def files_of(records) -> dict[str, str]:
    return dict(export(records))


def folder_of(files: dict[str, str]) -> str:
    """The folder of the one segment of a fresh export."""
    (name, *_), = load(files[META_PATH])[2]["segments"]
    return f"search/g/{name}"


def all_postings(files: dict[str, str]) -> dict[str, str]:
    """key -> postings, from the shards and the files of their own of long lists (one segment)."""
    merged, folder = {}, folder_of(files)
    for rel, text in files.items():
        if rel.startswith(f"{folder}/s/"):
            kind, ident, content = load(text)
            shard = int(ident.split("/")[1])
            for key, value in content.items():
                if isinstance(value, int):
                    value = load(files[f"{folder}/k/{shard // 1000}/{shard}-{value}.js"])[2]
                merged[key] = value
    return merged


def decode_fixed(symbols: str) -> int:
    number = 0
    for ch in symbols:
        number = number * 64 + ALPHABET.index(ch)
    return number


def chunks(meta: dict) -> list[str]:
    width = meta["width"]
    return [meta["docs"][i : i + width] for i in range(0, len(meta["docs"]), width)]


RECORDS = [
    record("b-2020", "Đề án số hóa tài liệu lưu trữ", ("Trang một: số hóa hồ sơ", "Trang hai: kết luận"),
           number="64-CV/TW", date_sort="2020-05-01", year=2020, date_text="01/05/2020",
           fonds_code="P1", fonds_name="Phông Tỉnh ủy", doc_type="Công văn", issuer="Ban Bí thư"),
    record("a-2021", "Kế hoạch năm 2021", ("Thực hiện Công văn số 64-CV/TW",), date_sort="2021-01-09",
           year=2021, fonds_code="P2", fonds_name="Phông UBND", doc_type="Kế hoạch"),
    record("c-undated", "Báo cáo không rõ ngày", ("Nội dung",)),
    record("d-2020", "Quyết định về lưu trữ", ("Nghị định số 30/2020/NĐ-CP",), date_sort="2020-01-15",
           year=2020, fonds_code="P1", fonds_name="Phông Tỉnh ủy", issuer="Văn phòng"),
]  # fmt: skip


# --- encoding ------------------------------------------------------------


def test_varints_round_trip():
    numbers = [0, 1, 31, 32, 1023, 1024, 2**20, 2**40 + 5]
    assert decode_varints("".join(varint(n) for n in numbers)) == numbers
    assert varint(31) == "V" and len(varint(32)) == 2


def test_doc_lists_choose_gaps_or_bitmap():
    sparse = [3, 500, 9000]
    assert decode_varints(encode_docs(sparse)) == [3, 496, 8499]
    dense = list(range(0, 600, 2))
    bitmap = encode_docs(dense)
    assert bitmap.startswith(BITMAP_MARK) and len(bitmap) == 1 + 100
    assert all(ch in ALPHABET for ch in bitmap[1:])


def test_pages_as_mask_or_list():
    assert decode_varints(encode_pages({0, 1, 3})) == [0b1011 << 1]
    assert decode_varints(encode_pages({200})) == [1 << 1 | 1, 200]
    assert decode_varints(encode_pages(set())) == [0]


def test_lengths_survive_quantization():
    for length in (1, 7, 40, 400, 5000, 90000):
        assert length <= LENGTH_TABLE[length_byte(length)] <= 1.05 * length


def test_fnv1a32_known_values():
    assert fnv1a32("") == 0x811C9DC5
    assert fnv1a32("a") == 0xE40C292C
    assert fnv1a32("foobar") == 0xBF9CF968
    assert fnv1a32(unicodedata.normalize("NFD", "Việt")) == fnv1a32("Việt")  # keys are NFC first


def test_prefix_names_are_safe_file_names():
    assert prefix_name("so") == "so"
    assert prefix_name("đư") == "u111-1b0"
    assert prefix_name("中文") == "u4e2d-6587"


# --- keys -----------------------------------------------------------------


def test_document_keys_mirror_the_whoosh_segments():
    keys = document_keys(RECORDS[0])
    assert keys.folded["so"].title_tf == 1 and keys.folded["so"].pages == {1}
    assert keys.folded["hoa"].tf == 2
    assert keys.folded["ket"].pages == {2} and not keys.folded["ket"].title_tf
    assert keys.folded["ban"].pages == {0}  # issuer: metadata, not a page
    assert {"!sô1", "!hoa1", ">so hoa", ">!sô1 hoa1", "$64-CV/TW"} <= keys.others and keys.cited == ["#64-CV/TW"]
    # a position counts the tokens before it plus its segment: "số" is token 2 of the title, and
    # token 25 of the whole text on page 1 (segment 9), after 23 metadata tokens and "Trang một"
    assert keys.positional["@so hoa"] == [2, 25 + 9]
    assert ">luu trang" not in keys.others  # bigrams never cross from the title into page 1
    assert keys.length == sum(posting.tf for posting in keys.folded.values())


def test_number_keys_include_the_variant_without_stroke():
    keys = document_keys(RECORDS[3])
    assert keys.cited == ["#30/2020/NĐ-CP", "#30/2020/ND-CP"]
    assert not any(key.startswith("$") for key in keys.others)  # no number column


# --- the export -------------------------------------------------------------


def test_documents_are_numbered_by_date_undated_last():
    assert [r.doc_id for r in date_order(RECORDS)] == ["d-2020", "b-2020", "a-2021", "c-undated"]
    files = files_of(RECORDS)
    ids = [load(files[f"{folder_of(files)}/d/0/{n}.js"])[2]["id"] for n in range(4)]
    assert ids == ["d-2020", "b-2020", "a-2021", "c-undated"]
    meta = load(files[META_PATH])[2]
    assert meta["segments"][0][1:] == [4, meta["segments"][0][2], [[2020, 0, 1], [2021, 2, 2]]]
    assert meta["merge"] == ""  # one segment: its order is the index's
    assert meta["n"] == 4 and meta["fonds"] == [["P1", "Phông Tỉnh ủy"], ["P2", "Phông UBND"]]
    assert meta["columns"] == ["length", "fonds", "type", "issuer"] and meta["radices"] == [256, 3, 3, 3]
    fonds_and_issuer = [(number // 9 % 3, number % 3) for number in map(decode_fixed, chunks(meta))]
    assert fonds_and_issuer == [(1, 2), (1, 1), (2, 0), (0, 0)]


def test_every_key_is_in_the_shard_its_hash_names():
    files = files_of(RECORDS)
    (name, _, shards, _), = load(files[META_PATH])[2]["segments"]
    assert {f"search/g/{name}/s/0/{n}.js" for n in range(shards)} <= files.keys()
    for n in range(shards):
        kind, ident, content = load(files[f"search/g/{name}/s/0/{n}.js"])
        assert (kind, ident) == ("s", f"{name}/{n}")
        for key, value in content.items():
            assert shard_of(key, shards) == n, key
            assert isinstance(value, str)  # these postings are all short


def test_postings_decode_to_the_documents():
    postings = all_postings(files_of(RECORDS))
    # folded "luu": docs 0 and 1, both in the title: gap, tf<<1|title, title tf, title length, page mask
    assert decode_varints(postings["luu"]) == [0, 1 << 1 | 1, 1, 5, 0, 0, 1 << 1 | 1, 1, 8, 0]
    assert decode_varints(postings["#64-CV/TW"]) == [1, 1, 0, 1]  # docs 1 and 2, each citing one number
    assert decode_varints(postings["$64-CV/TW"]) == [1]


def test_shards_average_the_target_size_and_long_lists_have_their_own_file():
    records = [record(f"d{i}", f"Văn bản {i}", (" ".join(f"từ{j} số {i * j}" for j in range(30)),)) for i in range(1000)]
    files = files_of(records)
    shards = [text for rel, text in files.items() if rel.startswith(f"{folder_of(files)}/s/")]
    average = sum(len(text.encode()) for text in shards) / len(shards)
    assert len(shards) > 10
    assert 0.5 * SHARD_TARGET_BYTES < average < 1.5 * SHARD_TARGET_BYTES
    assert max(len(text.encode()) for text in shards) < 3 * SHARD_TARGET_BYTES
    own = [load(text)[2] for rel, text in files.items() if rel.startswith(f"{folder_of(files)}/k/")]
    assert own and all(len(postings) > OWN_FILE_BYTES for postings in own)
    assert len(all_postings(files)["so"]) > OWN_FILE_BYTES  # "số" is in every document: a file of its own


def test_display_fields_and_page_texts(tmp_path):
    count = write_search_files(tmp_path, RECORDS)
    assert count == len(files_of(RECORDS))
    folder = folder_of(files_of(RECORDS))
    kind, ident, display = load((tmp_path / folder / "d/0/1.js").read_text(encoding="utf-8"))
    assert (kind, ident, display["id"], display["number"], display["pages"]) == (
        "d", f"{folder.rsplit('/')[-1]}/1", "b-2020", "64-CV/TW", 2)
    assert display["text"]["1"] == "Trang một: số hóa hồ sơ" and display["more"] == []
    assert "Ban Bí thư" in display["text"]["0"] and "Đề án" not in display["text"]["0"]  # metadata, not the title


def test_long_documents_have_their_texts_in_chunks():
    page = "Nội dung trang " * 300  # 4,500 characters
    files = files_of([record("dai", "Hồ sơ dài", tuple(f"{page}{n}" for n in range(1, 6)))])
    folder = folder_of(files)
    display = load(files[f"{folder}/d/0/0.js"])[2]
    assert sorted(display["text"]) == ["1"] and display["more"] == [[2, 2], [3, 3], [4, 4], [5, 5]]
    kind, ident, texts = load(files[f"{folder}/d/0/0-2.js"])
    assert (kind, ident, list(texts)) == ("c", f"{folder.rsplit('/')[-1]}/0-2", ["3"])
    assert texts["3"].endswith("trang 3")
    assert all(len(text) <= 2 * TEXT_CHUNK_CHARS for text in files.values())


def test_prefix_files_list_completions_by_frequency():
    files = files_of(RECORDS)
    folder = folder_of(files)
    kind, prefix, listed = load(files[f"{folder}/p/tr.js"])
    assert (kind, prefix) == ("p", f"{folder.rsplit('/')[-1]}/tr")
    entries = [entry.split(":") for entry in listed.split(",")]
    assert entries[:2] == [["tru", "2"], ["trang", "1"]]
    assert all(key.startswith("tr") for key, _ in entries)


def test_a_record_left_out_of_the_edition_leaves_no_trace():
    secret = record("MAT-0001", "Kế hoạch tuyệt mật BIMAT", ("Nội dung mật ZZQXY",), issuer="Ban Mật")
    public = files_of(RECORDS)
    text = "".join(public.values())
    for word in ("MAT-0001", "BIMAT", "bimat", "zzqxy", "ZZQXY", "Ban Mật"):
        assert word not in text
    postings = all_postings(public)
    assert "bimat" not in postings and "zzqxy" not in postings
    with_secret = all_postings(files_of([*RECORDS, secret]))
    assert "zzqxy" in with_secret  # the check above would see it


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError):
        files_of([RECORDS[0], RECORDS[0]])


def test_empty_edition_exports_an_empty_index():
    files = files_of([])
    meta = load(files[META_PATH])[2]
    assert meta["n"] == 0 and meta["segments"] == [] and list(files) == [META_PATH]


# --- size -------------------------------------------------------------------


def test_meta_stays_small_for_ten_thousand_documents():
    rng = random.Random(7)
    issuers = [f"Cơ quan ban hành số {i}" for i in range(300)]
    types = [f"Loại {i}" for i in range(25)]
    records = [
        record(f"TL-{i:05d}", f"Văn bản {i}", (f"Trang {i}",), year=1990 + i % 35,
               date_sort=f"{1990 + i % 35}-{1 + i % 12:02d}-01", fonds_code=f"P{i % 6}", fonds_name=f"Phông {i % 6}",
               doc_type=rng.choice(types), issuer=rng.choice(issuers))
        for i in range(10_000)
    ]  # fmt: skip
    meta_bytes = len(dict(export(records))[META_PATH].encode("utf-8"))
    assert meta_bytes < 60_000, meta_bytes


def test_no_folder_holds_too_many_files():
    """FAT32 (USB sticks) allows 65,534 entries per folder, and a long file name takes two."""
    records = [record(f"d{i:04d}", f"Văn bản {i}", ("Trang một", "Trang hai")) for i in range(2100)]
    per_folder: dict[str, int] = {}
    files = files_of(records)
    for rel in files:
        folder = rel.rsplit("/", 1)[0]
        per_folder[folder] = per_folder.get(folder, 0) + 1
    segment = folder_of(files)
    assert per_folder[f"{segment}/d/0"] == 250 and per_folder[f"{segment}/d/8"] == 100
    assert max(per_folder.values()) <= 1000
