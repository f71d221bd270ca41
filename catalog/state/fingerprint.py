"""Fingerprints of plain data: what a page was made from, to know whether it must be made again.

A fingerprint is a SHA-256 over a canonical encoding of the value: dataclasses field by
field (with their class name), mappings in key order, sequences in order, scalars with
their type. It is keyed by content, never by time. A ``Fingerprinter`` remembers the
fingerprint of each dataclass instance it met during one build, so the thousands of pages
that show the same document or file digest it once.

``shallow`` is for what a page only links to (the fonds in a document's breadcrumb, the
previous and next documents): a dataclass's own values, its ``list`` fields by their
length only. The model keeps that convention: lists hold children (a fonds' files, a
file's documents, a scan's pages), tuples hold values (keywords, extra fields, ranges).
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
        return self._digest(value, shallow).hex()

    def _digest(self, value, shallow: bool) -> bytes:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._shallow_dataclass(value) if shallow else self._deep_dataclass(value)
        return hashlib.sha256(self._encode(value, shallow)).digest()

    def _deep_dataclass(self, value) -> bytes:
        return self._remembered(self._deep, value, lambda: hashlib.sha256(self._fields(value, shallow=False)))

    def _shallow_dataclass(self, value) -> bytes:
        return self._remembered(self._shallow, value,
                                lambda: hashlib.sha256(b"shallow:" + self._fields(value, shallow=True)))

    @staticmethod
    def _remembered(known: dict, value, compute) -> bytes:
        found = known.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        digest = compute().digest()
        known[id(value)] = (value, digest)
        return digest

    def _fields(self, value, shallow: bool) -> bytes:
        parts = [type(value).__qualname__.encode()]
        for item in dataclasses.fields(value):
            field_value = getattr(value, item.name)
            if shallow and isinstance(field_value, list):
                parts.append(f"{item.name}=#{len(field_value)}".encode())
            else:
                parts.append(item.name.encode() + b"=" + self._digest(field_value, shallow))
        return b"\0".join(parts)

    def _encode(self, value, shallow: bool) -> bytes:
        if value is None or isinstance(value, (bool, int, float, str, bytes)):
            return f"{type(value).__name__}:".encode() + (value if isinstance(value, bytes) else repr(value).encode())
        if isinstance(value, enum.Enum):
            return f"enum:{type(value).__qualname__}.{value.name}".encode()
        if isinstance(value, (PurePath, datetime.date, range)):
            return f"{type(value).__name__}:{value}".encode()
        if isinstance(value, Mapping):
            items = sorted((repr(k), self._digest(v, shallow)) for k, v in value.items())
            return b"map:" + b"".join(k.encode() + b"=" + v for k, v in items)
        if isinstance(value, (list, tuple, set, frozenset)):
            ordered = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
            return b"seq:" + b"".join(self._digest(v, shallow) for v in ordered)
        raise TypeError(f"no fingerprint for {type(value).__qualname__}: add it to catalog.state.fingerprint")
