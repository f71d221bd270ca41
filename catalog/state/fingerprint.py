"""Fingerprints of plain data: what a page was made from, to know whether it must be made again.

A fingerprint is a SHA-256 over a canonical encoding of the value: dataclasses field by
field (with their class name), mappings in key order, sequences in order, scalars with
their type. It is keyed by content, never by time. A ``Fingerprinter`` remembers the
fingerprint of each dataclass instance it met during one build, so the thousands of pages
that show the same document or file digest it once.

``shallow`` is for what a page only links to (the fonds and file in a document's
breadcrumb): a dataclass's own values, without its ``list`` fields. The
model keeps that convention: lists hold children (a fonds' files, a file's documents, a
scan's pages), tuples hold values (keywords, extra fields, ranges). So a page must not
show a linked value's children, not even their number: a new file in a fonds then
changes none of the pages that only link to the fonds.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
from collections.abc import Mapping
from pathlib import PurePath


class Fingerprinter:
    def __init__(self):
        self._deep: dict[int, tuple[object, bytes]] = {}  # id → (the object, kept alive; digest)
        self._shallow: dict[int, tuple[object, bytes]] = {}

    def of(self, value, shallow: bool = False) -> str:
        if _is_dataclass_instance(value):
            return self._dataclass(value, shallow).hex()
        return hashlib.sha256(self._encode(value, shallow)).hexdigest()

    def _dataclass(self, value, shallow: bool) -> bytes:
        """The digest of a dataclass instance, remembered for the build."""
        known = self._shallow if shallow else self._deep
        found = known.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        digest = hashlib.sha256(self._fields(value, shallow)).digest()
        known[id(value)] = (value, digest)
        return digest

    def _fields(self, value, shallow: bool) -> bytes:
        cls = type(value)
        parts = [b"shallow " if shallow else b"", cls.__qualname__.encode(), b"{"]
        for name, label in _field_labels(cls):
            field_value = getattr(value, name)
            kind = type(field_value)
            if kind is str:  # most fields, and every page's text: encoded here, as _encode does
                data = field_value.encode("utf-8", "surrogatepass")
                parts.append(b"%bs%d:%b" % (label, len(data), data))
            elif field_value is None:
                parts.append(label + b"N")
            elif not (shallow and isinstance(field_value, list)):
                parts += (label, self._encode(field_value, shallow))
        parts.append(b"}")
        return b"".join(parts)

    def _encode(self, value, shallow: bool) -> bytes:
        """A self-delimiting encoding: two values never encode alike, nor one value as two."""
        kind = type(value)
        if kind is str:
            data = value.encode("utf-8", "surrogatepass")
            return b"s%d:%b" % (len(data), data)
        if value is None:
            return b"N"
        if kind is bool:
            return b"T" if value else b"F"
        if kind is int:
            return b"i%d;" % value
        if _is_dataclass_instance(value):
            return b"D" + self._dataclass(value, shallow)
        if kind is list or kind is tuple:
            return b"l%d[%b]" % (len(value), b"".join([self._encode(v, shallow) for v in value]))
        return self._encode_other(value, shallow)

    def _encode_other(self, value, shallow: bool) -> bytes:
        if isinstance(value, enum.Enum):
            return f"e{type(value).__qualname__}.{value.name};".encode()
        if isinstance(value, float):
            return b"f%b;" % repr(value).encode()
        if isinstance(value, bytes):
            return b"b%d:%b" % (len(value), value)
        for base in (str, int, list, tuple):  # a subclass counts as its base type
            if isinstance(value, base):
                return self._encode(base(value), shallow)
        if isinstance(value, (PurePath, datetime.date, range)):
            text = f"{type(value).__name__}:{value}".encode()
            return b"o%d:%b" % (len(text), text)
        if isinstance(value, Mapping):
            items = sorted(self._encode(k, shallow) + self._encode(v, shallow) for k, v in value.items())
            return b"m%d{%b}" % (len(items), b"".join(items))
        if isinstance(value, (set, frozenset)):
            items = sorted(self._encode(v, shallow) for v in value)
            return b"u%d{%b}" % (len(items), b"".join(items))
        raise TypeError(f"no fingerprint for {type(value).__qualname__}: add it to catalog.state.fingerprint")


_FIELD_LABELS: dict[type, tuple[tuple[str, bytes], ...]] = {}


def _field_labels(cls: type) -> tuple[tuple[str, bytes], ...]:
    """(name, b"name=") of each field of a dataclass."""
    labels = _FIELD_LABELS.get(cls)
    if labels is None:
        labels = _FIELD_LABELS[cls] = tuple((f.name, f.name.encode() + b"=") for f in dataclasses.fields(cls))
    return labels


def _is_dataclass_instance(value) -> bool:
    return hasattr(type(value), "__dataclass_fields__") and not isinstance(value, type)
