"""Vietnamese alphabetical order: a ă â b c d đ e ê … o ô ơ … u ư …, each tone after its base.

ICU's Vietnamese collation (CLDR), through PyICU: the browser sorts with the same rules
(``Intl.Collator("vi")``), so a list reads in one order on a built page and in the search
page's filters. Code point order would put "Biên bản" before "Báo cáo" and "Ủy ban"
after "Văn phòng".
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

import icu

T = TypeVar("T")

# An ICU collator must not be used by two threads at once: one per thread, made on first use.
_local = threading.local()


def _collator() -> icu.Collator:
    collator = getattr(_local, "collator", None)
    if collator is None:
        collator = _local.collator = icu.Collator.createInstance(icu.Locale("vi"))
    return collator


def sort_key(text: str) -> bytes:
    """The ICU sort key of ``text`` in Vietnamese order; compare keys, never the texts."""
    return _collator().getSortKey(text)


def sorted_vi(items: Iterable[T], key: Callable[[T], str] | None = None, reverse: bool = False) -> list[T]:
    """``items`` in Vietnamese order of ``key(item)`` (the item itself by default).

    Texts the collator finds equal (e.g. NFC and NFD of one word) are ordered by their
    code points, so an order never depends on the order the items came in.
    """
    text_of = key or (lambda item: item)
    return sorted(items, key=lambda item: (sort_key(text_of(item)), text_of(item)), reverse=reverse)
