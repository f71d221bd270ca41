"""What the archivist's HTML records (the handover record, the build report) share: their
Jinja2 environment and the way they write pairs of Vietnamese and English, numbers and
severities."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from catalog.report import ERROR


def environment() -> jinja2.Environment:
    """The records' templates, every value escaped: sheet metadata and messages come from many hands."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("catalog.records", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(pair=pair_markup, severity_words=severity_words)
    env.filters["grouped"] = grouped
    return env


def pair_markup(pair: tuple[str, str]) -> Markup:
    """Vietnamese, then English in smaller type."""
    return Markup('{} <span class="en">/ {}</span>').format(pair[0], pair[1])


def grouped(number: int | None) -> str:
    """1234567 → "1.234.567", as Vietnamese writes numbers."""
    return "" if number is None else f"{number:,}".replace(",", ".")


def severity_words(severity: str) -> tuple[str, str]:
    return ("Lỗi", "Error") if severity == ERROR else ("Chú ý", "Warning")
