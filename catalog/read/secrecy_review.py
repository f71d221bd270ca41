"""``secrecy_review.toml``: the false alarms of the secrecy-stamp check, each with who checked it.

A document whose first page carries a secrecy stamp is held back (``access.stamps``).
When an archivist has looked and found the stamp is not a secrecy mark (a form's
printed heading, a quotation), the package says so, by ``doc_id``, with the name of who
checked it; without that name the entry releases nothing::

    [[release]]
    doc_id = "H42.01-2024-0014"
    checked_by = "Nguyễn Thị Lan, Phòng Lưu trữ"
    note = "Chữ MẬT là tên biểu mẫu, không phải dấu độ mật"
"""

from __future__ import annotations

import tomllib
import unicodedata

from catalog.access.editions import REVIEW_FILE
from catalog.model import Location
from catalog.report import Report


def stamp_releases(data: bytes | None, display: str, report: Report) -> dict[str, str]:
    """doc_id → who checked, for every well-formed ``[[release]]`` entry."""
    if data is None:
        return {}
    try:
        entries = tomllib.loads(data.decode("utf-8-sig")).get("release", [])
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        report.add("bad-secrecy-review", f"Không đọc được {REVIEW_FILE}: {exc}. Sửa cú pháp TOML. "
                   f"/ Cannot read {REVIEW_FILE}: {exc}. Fix the TOML syntax.", Location(display))
        return {}
    releases = {}
    for number, entry in enumerate(entries if isinstance(entries, list) else [], 1):
        doc_id = _text(entry, "doc_id")
        checked_by = _text(entry, "checked_by")
        if doc_id and checked_by:
            releases[doc_id] = checked_by
            continue
        report.add(
            "bad-secrecy-review",
            f"Mục [[release]] thứ {number} thiếu doc_id hoặc checked_by (người đã kiểm tra); mục này không có hiệu lực. "
            f"/ [[release]] entry {number} lacks doc_id or checked_by (who checked it); it releases nothing.",
            Location(display, row=number),
        )
    return releases


def _text(entry: object, key: str) -> str:
    value = entry.get(key) if isinstance(entry, dict) else None
    return unicodedata.normalize("NFC", value).strip() if isinstance(value, str) else ""
