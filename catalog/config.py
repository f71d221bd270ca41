"""Load ``catalog.toml`` into a frozen, typed configuration.

Every problem in the file is collected and reported at once (in the spirit of mkdocs'
config validation), so an archivist fixes the file in one pass instead of one error per
run. Unknown keys are reported too: a misspelt key silently ignored is worse than an
error.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from catalog.access.tiers import DEFAULT_EDITIONS, Edition, Tier
from catalog.errors import ConfigError, ProjectError

CONFIG_NAME = "catalog.toml"
UI_LANGUAGES = ("vi", "en")
_TIER_WORDS = {"public": Tier.PUBLIC, "restricted": Tier.RESTRICTED}


OCR_MODES = ("auto", "always", "never")


@dataclass(frozen=True)
class OcrOptions:
    """How scanned pages are read (``[ocr]`` in catalog.toml; ``--ocr``, ``--jobs`` and
    ``--scheduler`` on the command line)."""

    mode: str = "auto"  # auto: pages without real text; always: every page; never
    languages: tuple[str, ...] = ("vie", "eng")
    dpi: int = 300
    jobs: int = 0  # worker processes; 0 = one per core
    scheduler: str = ""  # a Dask scheduler ("tcp://HOST:8786") to read and OCR scans on; "" = this machine
    review_share: float = 0.8  # pages under either figure are listed for review
    review_confidence: float = 70.0
    pdf_layers: bool = False  # publish scans with an invisible text layer over their OCR'd pages


@dataclass(frozen=True)
class ReadingCopy:
    """``[reading_copy]``: stamp the published scans (Circular 05/2025's reading copies)."""

    stamp: bool = False
    text: str = "Bản sao sử dụng"
    agency: str = ""  # the name printed before the words; "" = the catalog's organization


@dataclass(frozen=True)
class Config:
    root: Path
    title: str
    title_en: str = ""
    organization: str = ""
    languages: tuple[str, ...] = ("vi", "en")
    default_access: Tier = Tier.RESTRICTED
    new_items: int = 10
    base_url: str = ""  # where the site is served, for absolute permalinks; "" for relative
    markdown_raw_html: bool = True  # raw HTML in pages/*.md is kept (the archive's own pages)
    ocr: OcrOptions = OcrOptions()
    reading_copy: ReadingCopy = ReadingCopy()
    editions: Mapping[str, Edition] = field(
        default_factory=lambda: MappingProxyType(dict(DEFAULT_EDITIONS))
    )

    @property
    def language(self) -> str:
        """The default UI language."""
        return self.languages[0]

    @property
    def packages_dir(self) -> Path:
        return self.root / "packages"

    @property
    def pages_dir(self) -> Path:
        return self.root / "pages"

    def edition(self, name: str | None) -> Edition:
        """The named edition; ``None`` means the public one."""
        key = name or "public"
        if key not in self.editions:
            known = ", ".join(sorted(self.editions))
            raise ConfigError(
                str(self.root / CONFIG_NAME),
                [f'Không có ấn bản "{key}" (có: {known}). / No edition "{key}" (known: {known}).'],
            )
        return self.editions[key]


def load_config(content_dir: Path) -> Config:
    """Read ``content_dir/catalog.toml``; defaults apply when the file is absent."""
    content_dir = content_dir.resolve()
    if not content_dir.is_dir():
        raise ProjectError(
            f"Không tìm thấy thư mục dự án {content_dir}. / Project folder {content_dir} not found."
        )
    path = content_dir / CONFIG_NAME
    if not path.exists():
        if not (content_dir / "packages").is_dir():
            raise ProjectError(
                f"{content_dir} không phải dự án catalog: thiếu {CONFIG_NAME} và thư mục packages/. "
                f"/ {content_dir} is not a catalog project: it has neither {CONFIG_NAME} nor packages/."
            )
        return Config(root=content_dir, title=content_dir.name)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(
            str(path), [f"Không đọc được tệp TOML: {exc}. / The file is not valid TOML: {exc}."]
        ) from None
    return _validate(content_dir, str(path), data)


def _validate(root: Path, path: str, data: dict[str, Any]) -> Config:
    problems: list[str] = []
    known = {
        "title", "title_en", "organization", "languages", "default_access", "new_items", "editions", "base_url",
        "markdown_raw_html", "ocr", "reading_copy",
    }
    for key in sorted(set(data) - known):
        problems.append(f'Khoá lạ "{key}" (có thể viết sai). / Unknown key "{key}" (misspelt?).')
    values = {
        "title": _text(data, "title", problems, default=root.name),
        "title_en": _text(data, "title_en", problems),
        "organization": _text(data, "organization", problems),
        "base_url": _text(data, "base_url", problems).rstrip("/"),
        "languages": _languages(data.get("languages", ["vi", "en"]), problems),
        "default_access": _default_access(data.get("default_access", "restricted"), problems),
        "new_items": _positive_int(data.get("new_items", 10), "new_items", problems),
        "editions": _editions(data.get("editions"), problems),
        "markdown_raw_html": _flag(data, "markdown_raw_html", problems, default=True),
        "ocr": _ocr(data.get("ocr", {}), problems),
        "reading_copy": _reading_copy(data.get("reading_copy", {}), problems),
    }
    if problems:
        raise ConfigError(path, problems)
    return Config(root=root, **values)


def _text(data: dict, key: str, problems: list[str], default: str = "", table: str = "") -> str:
    value = data.get(key, default)
    name = f"{table}.{key}" if table else key
    if not isinstance(value, str):
        problems.append(f'"{name}" phải là chuỗi văn bản. / "{name}" must be a string.')
        return default
    return value.strip()


def _ocr(value: Any, problems: list[str]) -> OcrOptions:
    """``[ocr]``: dpi, languages, review_share, review_confidence (mode and jobs are per build)."""
    default = OcrOptions()
    if not isinstance(value, dict):
        problems.append('"ocr" phải là bảng [ocr]. / "ocr" must be an [ocr] table.')
        return default
    for key in sorted(set(value) - {"dpi", "languages", "review_share", "review_confidence"}):
        problems.append(f'Khoá lạ "ocr.{key}". / Unknown key "ocr.{key}".')
    dpi = value.get("dpi", default.dpi)
    if not isinstance(dpi, int) or isinstance(dpi, bool) or not 100 <= dpi <= 1200:
        problems.append('"ocr.dpi" phải là số nguyên từ 100 đến 1200 (nên 300). / "ocr.dpi" must be a whole number '
                        'from 100 to 1200 (300 is best).')
        dpi = default.dpi
    languages = value.get("languages", list(default.languages))
    if not isinstance(languages, list) or not languages or not all(isinstance(v, str) and v.isidentifier() for v in languages):
        problems.append('"ocr.languages" phải là danh sách mã ngôn ngữ Tesseract, ví dụ ["vie", "eng"]. '
                        '/ "ocr.languages" must be a list of Tesseract language codes, e.g. ["vie", "eng"].')
        languages = list(default.languages)
    share = _fraction(value, "review_share", default.review_share, 1.0, problems)
    confidence = _fraction(value, "review_confidence", default.review_confidence, 100.0, problems)
    return OcrOptions(languages=tuple(languages), dpi=dpi, review_share=share, review_confidence=confidence)


def _reading_copy(value: Any, problems: list[str]) -> ReadingCopy:
    if not isinstance(value, dict):
        problems.append('"reading_copy" phải là bảng [reading_copy]. / "reading_copy" must be a [reading_copy] table.')
        return ReadingCopy()
    for key in sorted(set(value) - {"stamp", "text", "agency"}):
        problems.append(f'Khoá lạ "reading_copy.{key}". / Unknown key "reading_copy.{key}".')
    return ReadingCopy(
        stamp=_flag(value, "stamp", problems, default=False, table="reading_copy"),
        text=_text(value, "text", problems, default=ReadingCopy.text, table="reading_copy") or ReadingCopy.text,
        agency=_text(value, "agency", problems, table="reading_copy"),
    )


def _fraction(table: dict, key: str, default: float, top: float, problems: list[str]) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= top:
        problems.append(f'"ocr.{key}" phải là số từ 0 đến {top:g}. / "ocr.{key}" must be a number from 0 to {top:g}.')
        return default
    return float(value)


def _flag(data: dict, key: str, problems: list[str], default: bool, table: str = "") -> bool:
    value = data.get(key, default)
    name = f"{table}.{key}" if table else key
    if not isinstance(value, bool):
        problems.append(f'"{name}" phải là true hoặc false. / "{name}" must be true or false.')
        return default
    return value


def _languages(value: Any, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        problems.append('"languages" phải là danh sách, ví dụ ["vi", "en"]. / "languages" must be a list like ["vi", "en"].')
        return ("vi", "en")
    bad = [v for v in value if v not in UI_LANGUAGES]
    if bad:
        problems.append(
            f'Ngôn ngữ giao diện không hỗ trợ: {", ".join(bad)} (chỉ có vi, en). '
            f'/ Unsupported UI language: {", ".join(bad)} (only vi, en).'
        )
        return ("vi", "en")
    return tuple(dict.fromkeys(value))


def _default_access(value: Any, problems: list[str]) -> Tier:
    tier = _TIER_WORDS.get(str(value).strip().lower())
    if tier is None:
        problems.append(
            f'"default_access" = "{value}": chỉ nhận "public" hoặc "restricted" (không thể mặc định là mật). '
            f'/ "default_access" must be "public" or "restricted" (secret can never be a default).'
        )
        return Tier.RESTRICTED
    return tier


def _positive_int(value: Any, key: str, problems: list[str]) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        problems.append(f'"{key}" phải là số nguyên không âm. / "{key}" must be a whole number ≥ 0.')
        return 10
    return value


def _editions(value: Any, problems: list[str]) -> Mapping[str, Edition]:
    """``[editions.<name>]`` tables: ``tiers`` shown plainly, ``sealed`` tiers encrypted (the bundle)."""
    if value is None:
        return MappingProxyType(dict(DEFAULT_EDITIONS))
    if not isinstance(value, dict):
        problems.append('"editions" phải là bảng [editions.<tên>]. / "editions" must be [editions.<name>] tables.')
        return MappingProxyType(dict(DEFAULT_EDITIONS))
    editions = {}
    for name, spec in value.items():
        tiers = spec.get("tiers") if isinstance(spec, dict) else None
        if not isinstance(tiers, list) or not tiers:
            problems.append(
                f'Ấn bản "{name}": cần "tiers", ví dụ ["public"]. / Edition "{name}": "tiers" is required, e.g. ["public"].'
            )
            continue
        for key in sorted(set(spec) - {"tiers", "sealed"}):
            problems.append(f'Khoá lạ "editions.{name}.{key}". / Unknown key "editions.{name}.{key}".')
        shown = _edition_tiers(name, "tiers", tiers, problems)
        sealed = _edition_tiers(name, "sealed", spec.get("sealed", []), problems)
        if Tier.PUBLIC in sealed or shown & sealed:
            problems.append(
                f'Ấn bản "{name}": một mức không thể vừa hiện rõ vừa mã hoá, và mức "public" không mã hoá. '
                f'/ Edition "{name}": a tier cannot be both plain and sealed, and "public" is never sealed.'
            )
        editions[name] = Edition(name, frozenset(shown), frozenset(sealed - shown - {Tier.PUBLIC}))
    if "public" not in editions and editions:
        problems.append('Cần có ấn bản "public". / An edition named "public" is required.')
    return MappingProxyType(editions or dict(DEFAULT_EDITIONS))


def _edition_tiers(name: str, key: str, words: Any, problems: list[str]) -> set[Tier]:
    if not isinstance(words, list):
        problems.append(f'"editions.{name}.{key}" phải là danh sách, ví dụ ["restricted"]. '
                        f'/ "editions.{name}.{key}" must be a list, e.g. ["restricted"].')
        return set()
    chosen = set()
    for word in words:
        tier = _TIER_WORDS.get(str(word).strip().lower())
        if tier is None:
            problems.append(
                f'Ấn bản "{name}": mức "{word}" không hợp lệ; chỉ "public", "restricted" (tài liệu mật không bao giờ được xuất bản). '
                f'/ Edition "{name}": tier "{word}" is not allowed; only "public", "restricted" (secret is never published).'
            )
        else:
            chosen.add(tier)
    return chosen
