"""Every path a build writes, checked all together before anything is written.

A build writes the site (through a staging folder beside it, and an old folder where the
system cannot exchange two folders in one step), the whoosh index (one generation per
build), the text cache (with the fixity history), the JSON report and the report page
beside it (``report.html``). None may be, lie inside or contain the project folder (its
originals are never written); none may lie inside another (the report lists secret ids:
it is never published with the site); and nothing catalog did not make is overwritten or
deleted. What is ours says so: a marker file in each folder,
the key ``"generator": "catalog"`` in the report, a ``<meta name="generator">`` in its page.

The site's marker names the index generation built with it, and ``catalog search`` opens
that one. So the one swap of the site publishes the site and its index together:
whatever moment a build is killed at, search and the site at ``--out`` belong together.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from whoosh import index as whoosh_index

from catalog.errors import BuildError
from catalog.report import GENERATOR

SITE_MARKER = ".catalog-site"
INDEX_MARKER = ".catalog-index"
CACHE_MARKER = ".catalog-cache"
_MARKER_TEXT = {
    INDEX_MARKER: "built by catalog: search index generations, one per build\n",
    CACHE_MARKER: "built by catalog: digests and text of the scans, safe to delete; but keep fixity.sqlite, "
                  "the only record of each scan as received\n",
}
# What the report page (catalog.records.build_report) carries in its <head>, to say it is ours.
REPORT_PAGE_MARK = '<meta name="generator" content="catalog">'
_REPORT_KINDS = ("report", "report-page")  # both list where secret rows are: placed by --report, never in the site
_INDEX_LINE = "index: "
_EDITION_LINE = "edition: "
_EDITION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_BUILD_ID = re.compile(r"\d{8}T\d{6}-[0-9a-f]{8}")
_INDEX_TEMP = re.compile(r"\.\d{8}T\d{6}-[0-9a-f]{8}\.(new|old)-\w+")  # write_index's temporary folders
# Before generations, the index was the whoosh files in the index folder itself.
_WHOOSH_FILE = re.compile(r"_?MAIN_.*")
_OLD_REPORT_KEYS = {"edition", "counts", "withheld", "problem_count", "problems"}  # before "generator"
_OLD_CACHE_NAMES = {"digests.json", "digests.tmp", "pdf"}

_OUT_FIX = ("Chọn --out ở nơi khác, ví dụ build/site (chỉ mục và bộ nhớ đệm nằm cạnh trang).",
            "Choose another --out, e.g. build/site (the index and cache are kept beside the site).")
_REPORT_FIX = ("Chọn tệp khác bằng --report, ví dụ build/report.json.",
               "Choose another file with --report, e.g. build/report.json.")
_LEFTOVER_FIX = ("Xem lại rồi tự chuyển hoặc xóa nó, hoặc chọn --out khác.",
                 "Look at it, then move or delete it yourself, or choose another --out.")


def new_build_id() -> str:
    """Sortable by time, unique by its random part: two builds in one second differ."""
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + secrets.token_hex(4)


def staging_of(site: Path) -> Path:
    return site.with_name(f".{site.name}.staging")


def old_of(site: Path) -> Path:
    return site.with_name(f".{site.name}.old")


def site_marker_text(build_id: str = "", edition: str = "") -> str:
    line = f"{_INDEX_LINE}{build_id}\n" if build_id else ""
    if _EDITION_NAME.fullmatch(edition):  # the site says which edition it is (deploy checks it)
        line += f"{_EDITION_LINE}{edition}\n"
    return "built by catalog; replaced on each build\n" + line


def published_edition(site: Path) -> str | None:
    """The edition the site at ``site`` was built as, if its marker says."""
    return _marker_value(site, _EDITION_LINE, _EDITION_NAME)


def published_build(site: Path) -> str | None:
    """The build id of the index the site at ``site`` was built with, if it names one."""
    return _marker_value(site, _INDEX_LINE, _BUILD_ID)  # a name, never a path elsewhere


def _marker_value(site: Path, prefix: str, pattern: re.Pattern) -> str | None:
    try:
        text = (site / SITE_MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        value = line.removeprefix(prefix)
        if value != line and pattern.fullmatch(value):
            return value
    return None


def published_index(out: Path) -> Path:
    """The index folder that belongs to the site at ``out``: what ``catalog search`` opens."""
    paths = BuildPaths.for_output(out)
    named = published_build(paths.site)
    return paths.index_root / named if named else paths.index_root  # a site from before generations


@dataclass(frozen=True)
class _Role:
    """One path a build writes, how to name it, and what the user changes to move it."""

    vi: str
    en: str
    path: Path
    kind: str  # "site", "leftover", "index", "cache", "report" or "report-page": decides what counts as ours
    fix: tuple[str, str] = _OUT_FIX


@dataclass(frozen=True)
class BuildPaths:
    """Where one build writes. Index and cache stay beside the site, never inside it."""

    site: Path
    index_root: Path  # <beside the site>/index/<site name>/: one generation per build
    cache: Path
    report: Path
    build_id: str = field(default_factory=new_build_id)

    @classmethod
    def for_output(cls, out: Path, report: Path | None = None) -> "BuildPaths":
        site = Path(out).resolve()
        report = Path(report).resolve() if report else site.parent / "report.json"
        return cls(site, site.parent / "index" / site.name, site.parent / "cache", report)

    @property
    def report_html(self) -> Path:
        """The report as a page for archivists, beside the JSON report: ``build/report.html``."""
        return self.report.with_suffix(".html")

    @property
    def state(self) -> Path:
        """What the build that made the site made, for the next one (catalog.state)."""
        return self.cache / f"state-{self.site.name}.sqlite"

    @property
    def fixity_history(self) -> Path:
        """Each scan's SHA-256 when first received (catalog.read.fixity_history): in the cache folder, which
        is checked and marked as ours, but unlike the rest of it not to be deleted (its marker says so)."""
        return self.cache / "fixity.sqlite"

    @property
    def index(self) -> Path:
        """This build's index generation (it exists once the build has written it)."""
        return self.index_root / self.build_id

    def check(self, content_root: Path) -> None:
        """Raise one BuildError listing every problem with the paths this build writes."""
        problems = _problems(self._roles(), Path(content_root).resolve())
        if problems:
            lines = "\n".join(f"  - {p}" for p in problems)
            count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
            raise BuildError(
                f"Không dựng, chưa ghi gì: {len(problems)} vấn đề với nơi ghi kết quả. "
                f"/ Not built, nothing written: {count} with where the build writes.\n{lines}"
            )

    def prepare(self) -> None:
        """Create the cache and index folders with their markers; drop index generations no site uses."""
        for folder, marker in ((self.cache, CACHE_MARKER), (self.index_root, INDEX_MARKER)):
            folder.mkdir(parents=True, exist_ok=True)
            if not (folder / marker).exists():
                (folder / marker).write_text(_MARKER_TEXT[marker], encoding="utf-8")
        self.remove_stale_indexes()

    def remove_stale_indexes(self) -> None:
        """Delete the index generations (and leftovers of killed builds) the site at --out does not name."""
        if not (self.index_root / INDEX_MARKER).is_file():
            return  # not a folder of ours: nothing in it is ours to delete
        named = published_build(self.site)
        site_without_generation = named is None and self.site.exists()
        for entry in self.index_root.iterdir():
            if entry.name == named:
                continue
            if _BUILD_ID.fullmatch(entry.name) or _INDEX_TEMP.fullmatch(entry.name):
                shutil.rmtree(entry, ignore_errors=True)
            elif _WHOOSH_FILE.fullmatch(entry.name) and entry.is_file() and not site_without_generation:
                entry.unlink()  # the index from before generations, now that no site uses it

    def _roles(self) -> list[_Role]:
        return [
            *_site_roles(self.site),
            _Role("Thư mục chỉ mục tìm kiếm", "search index folder", self.index_root, "index"),
            _Role("Bộ nhớ đệm", "cache folder", self.cache, "cache"),
            _Role("Báo cáo", "report", self.report, "report", _REPORT_FIX),
            _Role("Trang báo cáo", "report page", self.report_html, "report-page", _REPORT_FIX),
        ]


def _site_roles(site: Path) -> list[_Role]:
    return [
        _Role("Thư mục trang", "site folder", site, "site"),
        _Role("Thư mục tạm của trang", "site staging folder", staging_of(site), "leftover", _LEFTOVER_FIX),
        _Role("Bản cũ của trang", "previous-site folder", old_of(site), "leftover", _LEFTOVER_FIX),
    ]


def refuse_foreign_site_folders(site: Path) -> None:
    """What SiteWriter replaces or deletes: the site, its staging and old folders must be ours."""
    problems = [p for role in _site_roles(site) if (p := _ownership(role))]
    if problems:
        raise BuildError("\n".join(problems))


def _problems(roles: list[_Role], inputs: Path) -> list[str]:
    found: dict[Path, str] = {}
    site, report = roles[0].path, next(role.path for role in roles if role.kind == "report")
    for role in roles:
        if role.kind not in ("site", *_REPORT_KINDS) and site in found:
            continue  # placed by --out beside the site: choosing another --out moves them too
        if role.kind == "report-page" and report in found:
            continue  # placed by --report beside the report: choosing another --report moves it too
        problem = _against_inputs(role, inputs) or _parent_problem(role) or _ownership(role)
        if problem:
            found[role.path] = problem
    fine = [role for role in roles if role.path not in found]  # one problem per path is enough
    clashes = [_overlap_problem(a, b) for a, b in combinations(fine, 2) if _relation(a.path, b.path)]
    return [*found.values(), *clashes]


def _relation(a: Path, b: Path) -> tuple[str, str] | None:
    """How ``a`` overlaps ``b`` (Vietnamese, English), or None if they are apart."""
    if a == b:
        return "là", "is"
    if a.is_relative_to(b):
        return "nằm trong", "is inside"
    if b.is_relative_to(a):
        return "chứa", "contains"
    return None


def _against_inputs(role: _Role, inputs: Path) -> str | None:
    relation = _relation(role.path, inputs)
    if relation is None:
        return None
    return (
        f"{role.vi} {role.path} {relation[0]} thư mục dự án {inputs}; dữ liệu gốc không bao giờ bị ghi. "
        f"{role.fix[0]} / The {role.en} {role.path} {relation[1]} the project folder {inputs}; "
        f"inputs are never written. {role.fix[1]}"
    )


def _parent_problem(role: _Role) -> str | None:
    """The nearest existing folder above the path must be a folder we may write in."""
    above = role.path.parent
    while not above.exists() and above != above.parent:
        above = above.parent
    if above.is_dir() and os.access(above, os.W_OK | os.X_OK):
        return None
    return (
        f"Không tạo được {role.vi.lower()} {role.path}: {above} không phải thư mục ghi được. {role.fix[0]} "
        f"/ The {role.en} {role.path} cannot be created: {above} is not a folder we may write in. {role.fix[1]}"
    )


def _ownership(role: _Role) -> str | None:
    path = role.path
    if not os.path.lexists(path) or _is_ours(role.kind, path):
        return None
    if role.kind == "site":
        return (
            f"Thư mục đích {path} đã có dữ liệu khác, không phải trang do catalog dựng; không ghi đè. "
            f"Chọn thư mục trống bằng --out. / The output folder {path} holds other data, not a site built by "
            f"catalog; it is not overwritten. Choose an empty folder with --out."
        )
    marker = {"leftover": SITE_MARKER, "index": INDEX_MARKER, "cache": CACHE_MARKER}.get(role.kind)
    if marker:
        sign_vi, sign_en = f"không có tệp đánh dấu {marker}", f"it has no {marker} marker"
    elif role.kind == "report-page":
        sign_vi, sign_en = (f"không phải trang báo cáo có {REPORT_PAGE_MARK}",
                            f"it is not a report page with {REPORT_PAGE_MARK}")
    else:
        sign_vi, sign_en = ('không phải báo cáo JSON có "generator": "catalog"',
                            'it is not a JSON report with "generator": "catalog"')
    return (
        f"{role.vi} {path} không do catalog tạo ({sign_vi}); không ghi đè, không xóa. {role.fix[0]} "
        f"/ The {role.en} {path} was not made by catalog ({sign_en}); it is not overwritten or deleted. {role.fix[1]}"
    )


def _is_ours(kind: str, path: Path) -> bool:
    if kind == "report":
        return _is_our_report(path)
    if kind == "report-page":
        return _is_our_report_page(path)
    if path.is_symlink() or not path.is_dir():
        return False
    marker = {"site": SITE_MARKER, "leftover": SITE_MARKER, "index": INDEX_MARKER, "cache": CACHE_MARKER}[kind]
    if (path / marker).is_file() or not any(path.iterdir()):
        return True  # an empty folder holds nothing to lose
    return (kind == "index" and _is_old_index(path)) or (kind == "cache" and _is_old_cache(path))


def _is_our_report(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        with open(path, "rb") as handle:
            if not handle.read(64).lstrip().startswith(b"{"):
                return False  # not JSON: a PDF, catalog.toml… (and not worth reading whole)
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and (data.get("generator") == GENERATOR or set(data) == _OLD_REPORT_KEYS)


def _is_our_report_page(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)  # the mark is in the page's <head>: a large file is not read whole
    except OSError:
        return False
    return REPORT_PAGE_MARK.encode() in head


def _is_old_index(folder: Path) -> bool:
    """An index written before generations: whoosh's files alone, in the folder itself."""
    entries = list(folder.iterdir())
    return all(e.is_file() and _WHOOSH_FILE.fullmatch(e.name) for e in entries) and whoosh_index.exists_in(str(folder))


def _is_old_cache(folder: Path) -> bool:
    """A cache written before markers: digests.json and pdf/<sha256>.json alone."""
    if not {e.name for e in folder.iterdir()} <= _OLD_CACHE_NAMES:
        return False
    pdf = folder / "pdf"
    return not pdf.exists() or (pdf.is_dir() and all(e.suffix in (".json", ".tmp") for e in pdf.iterdir()))


def _overlap_problem(a: _Role, b: _Role) -> str:
    if b.kind in _REPORT_KINDS:
        a, b = b, a
    vi, en = _relation(a.path, b.path)
    if b.kind in _REPORT_KINDS:  # the report and its page are one file: --report ends in .html
        return (
            f"Báo cáo {a.path} có đuôi .html, trùng tên với trang báo cáo ghi cạnh nó. {_REPORT_FIX[0]} "
            f"/ The report {a.path} ends in .html, the name of the report page written beside it. {_REPORT_FIX[1]}"
        )
    if a.kind in _REPORT_KINDS:
        return (
            f"Báo cáo {a.path} {vi} {b.vi.lower()} {b.path}; báo cáo liệt kê mã tài liệu mật nên không bao giờ nằm "
            f"trong trang, chỉ mục hay bộ nhớ đệm. {_REPORT_FIX[0]} / The report {a.path} {en} the {b.en} {b.path}; "
            f"it lists the ids of secret documents, so it is never put inside the site, the index or the cache. "
            f"{_REPORT_FIX[1]}"
        )
    return (
        f"{a.vi} {a.path} {vi} {b.vi.lower()} {b.path}: tên thư mục --out trùng với thư mục catalog dùng cạnh trang. "
        f"{_OUT_FIX[0]} / The {a.en} {a.path} {en} the {b.en} {b.path}: the --out folder's name clashes with the "
        f"folders catalog keeps beside the site. {_OUT_FIX[1]}"
    )
