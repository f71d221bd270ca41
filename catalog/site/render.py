"""The Jinja2 environment and the page-rendering contract.

Templates come from the project's own ``templates/`` folder first, then from the
built-in ``site_templates`` package, so a catalog can override any template by
giving one of the same name.

What every template receives (the template contract):

- ``site``: title, organization, edition name, build date, languages, base_url, and
  ``sealed``: the tiers sealed in this site (the offline bundle; empty otherwise)
- ``lang``: the UI language of this page ("vi" or "en"); ``t(key)`` its words
- ``page_path``: this page's path from the site root (for relative links)
- ``href(path)``: relative link to a page of the same language (``"index.html"``)
- ``asset(path)``: relative link to a shared file (``"static/site.css"``)
- ``fonds_path(fonds)``, ``file_path(file)``, ``document_path(doc)``: the path of its page,
  for ``href`` (``"tai-lieu/ab/x.html"``: pages and scans are spread over 256 folders, see
  ``catalog.model.folder_of``); a document page's scan is its ``pdf_href``, for ``asset``
- ``other_lang_href``: the same page in the other UI language, or None
- ``nav``: the Markdown pages, for the menu
- ``archive_lang``: `` lang="vi"`` on pages of another language, "" on Vietnamese ones: for
  the elements that show the archive's own words (they are never translated), so screen
  readers and hyphenation treat them as Vietnamese
- ``thumb(doc)``: the thumbnail of a document's first own page (``page``, ``src`` from
  the site root, ``width``, ``height``; see ``catalog.site.thumbnails``), or None
- plus the page's own variables (see ``catalog.site.pages``).

All links are relative, so the site works from file:// (a USB stick) as well as from
any web server path; nothing is loaded from outside the site.
"""

from __future__ import annotations

import datetime
import functools
import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markupsafe

from catalog.model import Document, document_path, file_path, fonds_path
from catalog.site.i18n import translator

LANGUAGE_PREFIX = {"vi": "", "en": "en/"}
_VI_ATTRIBUTE = markupsafe.Markup(' lang="vi"')


@dataclass(frozen=True)
class SitePage:
    path: str  # from the site root, without language prefix: "tai-lieu/ab/x.html"
    template: str
    context: dict
    # Context keys the built-in template only links to (a name, a path): their lists do
    # not count towards the page's fingerprint (catalog.site.kept_pages).
    links: tuple[str, ...] = ()
    # Context keys worked out from the others (and the configuration) alone, such as a
    # document's field table: they count through what they are made from, not again, and
    # their values are functions, called only when the page is rendered (a rebuild keeps
    # most pages as they are).
    derived: tuple[str, ...] = ()


def make_environment(content_root: Path, thumb: Callable[[Document], object] | None = None,
                     compiled: Path | None = None) -> jinja2.Environment:
    """Templates of the project first, then the built-in ones; ``thumb``: see the contract.

    With ``compiled`` (a folder of the build cache), templates compiled by an earlier build
    are taken from there: compiling them costs a rebuild more than rendering its pages.
    Jinja keys each by the template's name and source, so an edited template is compiled again.
    """
    loaders: list[jinja2.BaseLoader] = []
    own = content_root / "templates"
    if own.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(own)))
    loaders.append(jinja2.PackageLoader("site_templates", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,  # metadata may contain "<script>": every value is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(compiled) if compiled else None,
    )
    env.filters["filesize"] = _filesize
    env.globals["doc_line"] = doc_line
    env.globals.update(fonds_path=fonds_path, file_path=file_path, document_path=document_path)
    env.globals["thumb"] = thumb or _no_thumbnail
    return env


def _no_thumbnail(document: Document) -> None:
    return None


def relative(target: str, page_path: str) -> str:
    """A link from ``page_path`` to ``target`` (both from the site root), as ``posixpath.relpath``
    makes it; worked out by path parts for the plain paths of the site (a page has many links)."""
    if not target or target.startswith("/") or target.endswith("/") or "//" in target or "/." in "/" + target:
        return posixpath.relpath(target, posixpath.dirname(page_path) or ".")
    start, parts = _folder_parts(page_path), target.split("/")
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + parts[common:]) or "."


@functools.lru_cache(maxsize=1 << 12)
def _folder_parts(page_path: str) -> tuple[str, ...]:
    folder = posixpath.normpath(posixpath.dirname(page_path) or ".")
    return () if folder == "." else tuple(folder.split("/"))


class Renderer:
    def __init__(self, env: jinja2.Environment, site: dict, nav: list, languages: tuple[str, ...]):
        self.env = env
        self.site = site
        self.nav = nav
        self.languages = languages

    def output_path(self, page: SitePage, lang: str) -> str:
        return LANGUAGE_PREFIX[lang] + page.path

    def render(self, page: SitePage, lang: str) -> str:
        own_path = self.output_path(page, lang)
        prefix = LANGUAGE_PREFIX[lang]
        others = [other for other in self.languages if other != lang]
        context = {
            "site": self.site,
            "lang": lang,
            "t": translator(lang),
            "page_path": own_path,
            "href": lambda target: relative(prefix + target, own_path),
            "asset": lambda target: relative(target, own_path),
            "other_lang_href": relative(LANGUAGE_PREFIX[others[0]] + page.path, own_path) if others else None,
            "nav": self.nav,
            "archive_lang": _VI_ATTRIBUTE if lang != "vi" else "",
            **page.context,
            **{key: page.context[key]() for key in page.derived},
        }
        return self.env.get_template(page.template).render(context)


def doc_line(document: Document) -> str:
    """One-line identification: "Công văn số 64-CV/TW ngày 10/04/2025"."""
    parts = [document.doc_type] if document.doc_type else []
    if document.number:
        parts.append(f"số {document.number}")
    if document.date:
        parts.append(f"ngày {document.date.text}" if document.date.precision == "day" else document.date.text)
    return " ".join(parts)


def _bytecode_cache(folder: Path) -> jinja2.BytecodeCache | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # compiled again each build: slower, never wrong
    return jinja2.FileSystemBytecodeCache(str(folder))


def _filesize(size: int | None) -> str:
    if size is None:
        return ""
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


def build_date() -> datetime.date:
    """Today, or the date in SOURCE_DATE_EPOCH so a rebuild of the same inputs is identical
    (reproducible-builds.org convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    return datetime.date.today()


def site_globals(config, edition_name: str, sealed: list[str] | None = None, today: datetime.date | None = None) -> dict:
    """``site`` of the template contract; ``sealed`` names the tiers sealed in the site (the bundle)."""
    return {
        "title": config.title,
        "title_en": config.title_en or config.title,
        "organization": config.organization,
        "edition": edition_name,
        "built": (today or build_date()).strftime("%d/%m/%Y"),
        "languages": config.languages,
        "base_url": config.base_url,
        "sealed": list(sealed or []),
    }
