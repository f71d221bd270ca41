"""Secrecy stamps on a document's first page: a sheet that says "public" can be wrong.

A state-secret document (Law 29/2018/QH14) is stamped ``MẬT``, ``TỐI MẬT`` or
``TUYỆT MẬT`` near its head, on a line of its own (or with an urgency mark: ``MẬT - KHẨN``). A document
whose first page carries such a line is held back from every edition and listed for an
archivist's review, whatever its sheet says, until the package's ``secrecy_review.toml``
names it as a false alarm and who checked it. The urgency marks alone (``KHẨN``,
``THƯỢNG KHẨN``, ``HỎA TỐC``) are not secrecy; nor is "mật" inside a sentence.

Matching is by each syllable's folded key (``MAT``), so a stamp OCR read without its
marks still counts: a false alarm costs a review, a missed stamp a disclosure.
"""

from __future__ import annotations

import functools
import re

from catalog.language.vietnamese import folded_key, nfc, tokenize

SECRECY_MARKS = ("MẬT", "TỐI MẬT", "TUYỆT MẬT")
URGENCY_MARKS = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "HỎA TỐC HẸN GIỜ", "KHẨN CẤP")
LABELS = ("ĐỘ MẬT", "ĐỘ KHẨN")  # "Độ mật: Tối mật" as a form prints it
_PARTS = re.compile(r"\s*(?:[-–—/,;:·•|]|\s{2,})\s*")
_FRAME = "[](){}*_=+\"'“”.«»"


def _key(text: str) -> tuple[str, ...]:
    return tuple(folded_key(token.text) for token in tokenize(text))


_SECRECY = {_key(mark) for mark in SECRECY_MARKS}
_ALLOWED = _SECRECY | {_key(mark) for mark in URGENCY_MARKS + LABELS}


def secrecy_stamp(page_text: str) -> str | None:
    """The first stamp line of the page (as written), or None."""
    for line in nfc(page_text).splitlines():
        stripped = line.strip().strip(_FRAME).strip()
        if stripped and stripped == stripped.upper() and _is_stamp(stripped):
            return stripped
    return None


@functools.lru_cache(maxsize=4096)  # the same heads ("CỘNG HÒA XÃ HỘI ...") open thousands of documents
def _is_stamp(line: str) -> bool:
    parts = [_key(part) for part in _PARTS.split(line) if part.strip(_FRAME).strip()]
    return bool(parts) and all(p in _ALLOWED for p in parts) and any(p in _SECRECY for p in parts)
