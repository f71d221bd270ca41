"""Markdown pages from ``content/pages``: about, how to search, and the like.

Each file may start with front matter between ``---`` lines (``title``, ``title_en``,
``order``). Markdown pages are written by the archive itself, so raw HTML in them is
kept, as in mkdocs, unless ``catalog.toml`` says ``markdown_raw_html = false``: then it
is shown as text. Sheet metadata, which comes from many hands, is always escaped.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import markdown

from catalog.model import Location, slug_for
from catalog.report import Report


@dataclass(frozen=True)
class MarkdownPage:
    slug: str
    title: str
    title_en: str
    order: int
    html: str

    @property
    def path(self) -> str:
        return f"trang/{self.slug}.html"


def read_pages(pages_dir: Path, content_root: Path, report: Report, raw_html: bool = True) -> list[MarkdownPage]:
    if not pages_dir.is_dir():
        return []
    pages = []
    for path in sorted(pages_dir.glob("*.md")):
        display = path.relative_to(content_root).as_posix()
        try:
            text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            report.add(
                "bad-page",
                "Trang Markdown không phải UTF-8; lưu lại tệp với mã UTF-8. / The Markdown page is not UTF-8; save it as UTF-8.",
                Location(display),
            )
            continue
        meta, body = split_front_matter(text)
        order = int(meta["order"]) if meta.get("order", "").isdigit() else 100
        title = meta.get("title") or _first_heading(body) or path.stem
        html = _to_html(body, raw_html)
        pages.append(MarkdownPage(slug_for(path.stem), title, meta.get("title_en", ""), order, html))
    return sorted(pages, key=lambda p: (p.order, p.slug))


def _to_html(body: str, raw_html: bool) -> str:
    converter = markdown.Markdown(extensions=["tables", "toc", "sane_lists"], output_format="html")
    if not raw_html:
        # Python-Markdown has no safe mode since 3.0; without these two steps raw HTML
        # blocks and inline tags are escaped like any other text.
        converter.preprocessors.deregister("html_block")
        converter.inlinePatterns.deregister("html")
    return converter.convert(body)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between leading ``---`` fences, and the rest."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            meta = {}
            for line in lines[1:end]:
                key, sep, value = line.partition(":")
                if sep:
                    meta[key.strip().lower()] = value.strip().strip("\"'")
            return meta, "\n".join(lines[end + 1:])
    return {}, text


def _first_heading(body: str) -> str:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""
