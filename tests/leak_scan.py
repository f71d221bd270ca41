"""Look for canary strings in every byte a build wrote.

Files are read as bytes and, where they are compressed (gzip, zlib, zip members), also
decompressed; text is also read with ``\\uXXXX`` escapes and HTML character references
decoded; whoosh indexes are opened and every term of every field and every stored value is
read, so a canary cannot hide in an encoding. Canaries are lower-case ASCII letters, so
the analyzer's folded and exact keys of a canary are the canary itself.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
import zlib
from pathlib import Path


def _variants(data: bytes) -> list[bytes]:
    found = [data]
    if data[:2] == b"\x1f\x8b":
        try:
            found.append(gzip.decompress(data))
        except OSError:
            pass
    if data[:1] == b"\x78":
        try:
            found.append(zlib.decompress(data))
        except zlib.error:
            pass
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                found.extend(archive.read(name) for name in archive.namelist())
        except zipfile.BadZipFile:
            pass
    if b"\\u" in data or b"&#" in data:
        found.append(_ESCAPE.sub(_unescape, data))
    return found


# JSON and JavaScript \uXXXX escapes, HTML &#xNN; and &#NN; references.
_ESCAPE = re.compile(rb"\\u([0-9a-fA-F]{4})|&#x([0-9a-fA-F]+);|&#([0-9]+);")


def _unescape(match: re.Match) -> bytes:
    code = int(match[3]) if match[3] else int(match[1] or match[2], 16)
    return chr(min(code, 0x10FFFF)).encode("utf-8", "surrogatepass")


def file_hits(path: Path, canaries: set[str]) -> set[str]:
    blobs = [b.lower() for b in _variants(path.read_bytes())]
    return {c for c in canaries if any(c.encode() in blob for blob in blobs)}


def whoosh_hits(folder: Path, canaries: set[str]) -> set[str]:
    """Every term and stored value of the whoosh index in ``folder``."""
    from whoosh import index

    if not index.exists_in(str(folder)):
        return set()
    hits: set[str] = set()
    with index.open_dir(str(folder)).reader() as reader:
        for fieldname, term in reader.all_terms():
            text = term.decode("utf-8", "replace") if isinstance(term, bytes) else str(term)
            hits |= {c for c in canaries if c in text.lower() or c in fieldname}
        for stored in reader.all_stored_fields():
            text = json.dumps(stored, ensure_ascii=False, default=str).lower()
            hits |= {c for c in canaries if c in text}
    return hits


def scan(root: Path, canaries: set[str]) -> dict[str, set[str]]:
    """Canaries found under ``root``: relative path → canaries (names of files included)."""
    found: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        hits = {c for c in canaries if c in rel.lower()}
        if path.is_file() and not path.is_symlink():
            hits |= file_hits(path, canaries)
        elif path.is_dir():
            hits |= whoosh_hits(path, canaries)
        if hits:
            found[rel] = hits
    return found
