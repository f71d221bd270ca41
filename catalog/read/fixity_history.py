"""The fixity history: each scan's SHA-256 and size when first received, and what became of it.

A manifest says what a package held when it was bagged; plain packages have none, and a
bag can be re-bagged. So the first build that sees a PDF records its SHA-256 and size,
and every later build compares: a file that changed or vanished since it was received
is reported (``fixity-changed-since-received``, ``fixity-vanished``) on every build
until it is put right, and each change is an event (changed, vanished, reappeared, with
the old and the new hash). Catalog never modifies a package: it only tells.

Stored in SQLite (``BuildPaths.fixity_history``, ``<build>/cache/fixity.sqlite``): in the
cache folder, which the build checks and marks as its own before writing, though unlike
the rest of the cache it is the only record of what was received (the marker says to
keep it). A file is recorded by its path only while a published record names
it (:mod:`catalog.read.fixity_names`); the scan of a secret row is recorded by the sheet
row that lists it (``listed_at``: file, sheet, row), and a scan no row lists is not
recorded. When a file stops being nameable its path is taken out of the history (kept
by its row, or by nothing: ``path`` and ``listed_at`` both empty), so no name of a scan
of a secret document stays in ``build/``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from catalog.model import Location
from catalog.read.fixity import DigestCache
from catalog.read.fixity_names import PayloadNames
from catalog.read.packages import RawPackage
from catalog.report import Report

CHANGED, VANISHED = "fixity-changed-since-received", "fixity-vanished"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS packages (
    package_id TEXT PRIMARY KEY,
    folder TEXT NOT NULL,                  -- packages/<folder>, as the report places problems
    first_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    package_id TEXT NOT NULL,
    path TEXT,                             -- the path in the package, while a published record names it
    listed_at TEXT,                        -- else the sheet row listing a secret row's scan
    sha256 TEXT NOT NULL,                  -- when first received
    size INTEGER NOT NULL,
    first_seen TEXT NOT NULL,              -- UTC, ISO 8601
    current_sha256 TEXT NOT NULL,          -- when last seen
    current_size INTEGER NOT NULL,
    last_verified TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('present', 'vanished'))
);
CREATE UNIQUE INDEX IF NOT EXISTS files_by_path ON files (package_id, path) WHERE path IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS files_by_row ON files (package_id, listed_at) WHERE listed_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files (id),
    at TEXT NOT NULL,
    event TEXT NOT NULL CHECK (event IN ('changed', 'vanished', 'reappeared')),
    old_sha256 TEXT,
    new_sha256 TEXT,
    old_size INTEGER,
    new_size INTEGER
);
INSERT OR IGNORE INTO meta VALUES ('generator', 'catalog'), ('schema', '1');
"""
_COLUMNS = "id, path, listed_at, sha256, size, first_seen, current_sha256, current_size, last_verified, state"
Key = tuple[str, str]  # ("path", path in the package) | ("row", sheet row) | ("withheld", "#id")


class HistoryError(Exception):
    """The history cannot be read; the message is bilingual."""


@dataclass(frozen=True)
class Seen:
    """One PDF as this build found it."""

    sha256: str
    size: int
    alias: Key | None  # the same file under its other key (path ↔ row): follows a change of tier
    where: Location  # the file, or the row that lists it


@dataclass(frozen=True)
class Entry:
    """One file of the history."""

    id: int
    path: str | None
    listed_at: str | None
    sha256: str
    size: int
    first_seen: str
    current_sha256: str
    current_size: int
    last_verified: str
    state: str

    @property
    def key(self) -> Key:
        if self.path is not None:
            return ("path", self.path)
        return ("row", self.listed_at) if self.listed_at is not None else ("withheld", f"#{self.id}")

    @property
    def changed(self) -> bool:
        return self.state == "present" and self.current_sha256 != self.sha256


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@contextmanager
def opened(path: Path, write: bool = True) -> Iterator[sqlite3.Connection]:
    """The history at ``path``; read-only (and never created) unless ``write``."""
    try:
        uri = path.as_uri() + ("?mode=rwc" if write else "?mode=ro")
        with closing(sqlite3.connect(uri, uri=True, timeout=60)) as db:
            if write:
                db.execute("PRAGMA secure_delete = ON")  # a name taken out is overwritten, not left in a free page
                db.executescript(_SCHEMA)
            elif db.execute("SELECT value FROM meta WHERE key = 'generator'").fetchone() != ("catalog",):
                raise sqlite3.DatabaseError("no catalog history")
            yield db
    except sqlite3.Error as exc:
        raise HistoryError(
            f"Không đọc được lịch sử toàn vẹn {path} ({exc}); không ghi gì vào đó. Khôi phục từ bản sao lưu, hoặc "
            f"chuyển tệp đi để bắt đầu lịch sử mới. / The fixity history {path} cannot be read ({exc}); nothing is "
            f"written to it. Restore it from a backup, or move it away to start a new history."
        ) from exc


def record_fixity(raw_packages: list[RawPackage], names_of: dict[str, PayloadNames], digests: DigestCache,
                  history: Path, report: Report, now: str | None = None) -> None:
    """Record the PDFs of every package, and report those changed or gone since received."""
    now = now or utc_now()
    observed = {raw.display: _observe(raw, names_of[raw.display], digests) for raw in raw_packages}
    try:
        with opened(history) as db, db:  # one transaction: two builds sharing the history wait for each other
            db.execute("BEGIN IMMEDIATE")
            for raw in raw_packages:
                found = observed[raw.display]
                _update_package(db, raw, names_of[raw.display], found, now)
                _report_package(entries(db, raw.package.id).values(), raw, found.seen, report)
    except HistoryError as exc:
        report.add("fixity-history-unreadable", str(exc), Location(str(history)))


@dataclass
class Observed:
    """The PDFs of one package as this build found them."""

    seen: dict[Key, Seen] = field(default_factory=dict)
    unrecorded: set[str] = field(default_factory=set)  # paths no key may name: named by no record, listed by no row
    unreadable: set[Key] = field(default_factory=set)  # there but not readable: neither verified nor vanished


def _observe(raw: RawPackage, names: PayloadNames, digests: DigestCache) -> Observed:
    found = Observed()
    for rel, path in sorted(raw.pdfs.items()):
        named, row = names.may_name(rel), names.listed_at(rel)
        if not named and row is None:
            found.unrecorded.add(rel)
            continue
        row_key = ("row", _row_item(row, found.seen)) if row else None
        key, alias = (("path", rel), row_key) if named else (row_key, ("path", rel))
        try:
            sha256, size = digests.digest(path, named=named)
        except OSError:
            found.unreadable.add(key)  # reported by the text stage, or by the reader
            continue
        found.seen[key] = Seen(sha256, size, alias, Location(f"{raw.display}/{rel}") if named else row)
    return found


def _row_item(row: Location, seen: dict[Key, Seen]) -> str:
    """The row, without its column; numbered when one row lists several secret scans."""
    item = Location(row.path, row.sheet, row.row).where()
    number = 1
    while ("row", item if number == 1 else f"{item} ({number})") in seen:
        number += 1
    return item if number == 1 else f"{item} ({number})"


def entries(db: sqlite3.Connection, package_id: str) -> dict[Key, Entry]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM files WHERE package_id = ? ORDER BY path, listed_at, id", (package_id,))
    found = [Entry(*row) for row in rows]
    return {entry.key: entry for entry in found}


def _update_package(db: sqlite3.Connection, raw: RawPackage, names: PayloadNames, observed: Observed,
                    now: str) -> None:
    package_id = raw.package.id
    db.execute("INSERT INTO packages VALUES (?, ?, ?) ON CONFLICT (package_id) DO UPDATE SET folder = excluded.folder",
               (package_id, raw.display, now))
    known = entries(db, package_id)
    for key in observed.unreadable:
        known.pop(key, None)
    for rel in observed.unrecorded:  # a file named nowhere now: its name leaves the history
        if entry := known.pop(("path", rel), None):
            _rekey(db, entry.id, ("withheld", ""))
    for key, found in observed.seen.items():
        entry = known.pop(key, None) or _same_file(known, found)
        if entry is None:
            db.execute(f"INSERT INTO files (package_id, {_COLUMNS}) "
                       "VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 'present')",
                       (package_id, *_columns_of(key), found.sha256, found.size, now, found.sha256, found.size, now))
            continue
        if entry.key != key:
            _rekey(db, entry.id, key)
        _verify(db, entry, found, now)
    for entry in known.values():  # not seen this build
        if entry.key[0] != "withheld" and entry.state == "present":
            _event(db, entry.id, now, "vanished", entry.current_sha256, None, entry.current_size, None)
            db.execute("UPDATE files SET state = 'vanished' WHERE id = ?", (entry.id,))
        if entry.key[0] == "path" and not names.may_name(entry.path):
            _rekey(db, entry.id, ("withheld", ""))  # gone, and no published record names it any more


def _same_file(known: dict[Key, Entry], found: Seen) -> Entry | None:
    """The entry of this file under another key: its tier changed, or it is named again after its name was taken out.

    Only with the same content: a row or a name taken by another file is not this file.
    """
    candidates = [known.get(found.alias)] if found.alias else []
    candidates += [e for k, e in known.items() if k[0] == "withheld"]
    entry = next((e for e in candidates if e and found.sha256 in (e.current_sha256, e.sha256)), None)
    return known.pop(entry.key) if entry else None


def _columns_of(key: Key) -> tuple[str | None, str | None]:
    kind, item = key
    return (item if kind == "path" else None), (item if kind == "row" else None)


def _rekey(db: sqlite3.Connection, file_id: int, key: Key) -> None:
    db.execute("UPDATE files SET path = ?, listed_at = ? WHERE id = ?", (*_columns_of(key), file_id))


def _verify(db: sqlite3.Connection, entry: Entry, found: Seen, now: str) -> None:
    if entry.state == "vanished":
        _event(db, entry.id, now, "reappeared", entry.current_sha256, found.sha256, entry.current_size, found.size)
    elif found.sha256 != entry.current_sha256:
        _event(db, entry.id, now, "changed", entry.current_sha256, found.sha256, entry.current_size, found.size)
    db.execute("UPDATE files SET current_sha256 = ?, current_size = ?, last_verified = ?, state = 'present' "
               "WHERE id = ?", (found.sha256, found.size, now, entry.id))


def _event(db: sqlite3.Connection, file_id: int, now: str, event: str, old: str | None, new: str | None,
           old_size: int | None, new_size: int | None) -> None:
    db.execute("INSERT INTO events (file_id, at, event, old_sha256, new_sha256, old_size, new_size) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)", (file_id, now, event, old, new, old_size, new_size))


def _report_package(found: Iterator[Entry], raw: RawPackage, seen: dict[Key, Seen], report: Report) -> None:
    gone_unnamed = 0
    for entry in found:
        if entry.key[0] == "withheld":
            gone_unnamed += entry.state == "vanished"
        elif entry.changed:  # not seen: there, but unreadable this build
            where = seen[entry.key].where if entry.key in seen else Location(f"{raw.display}/{entry.path or ''}")
            _report_changed(entry, raw, where, report)
        elif entry.state == "vanished":
            _report_vanished(entry, raw, report)
    if gone_unnamed:
        report.add(VANISHED, f"{gone_unnamed} tệp đã nhận trước đây không còn trong gói (không nêu tên: không bản ghi "
                             f"nào được xuất bản ghi tên chúng). Xem bằng `catalog fixity {raw.package.id}`, khôi phục "
                             f"từ bản giao nộp. / {gone_unnamed} files received earlier are gone from the package (not "
                             f"named: no published record names them). See `catalog fixity {raw.package.id}`; restore "
                             f"them from the handed-over original.", Location(raw.display))


def _report_changed(entry: Entry, raw: RawPackage, where: Location, report: Report) -> None:
    what_vi = f'Tệp "{entry.path}"' if entry.path else "Bản quét mà dòng này ghi (không nêu tên tệp)"
    what_en = f'"{entry.path}"' if entry.path else "The scan this row lists (the file is not named)"
    report.add(
        CHANGED,
        f"{what_vi} đã thay đổi kể từ khi nhận ({entry.first_seen}): SHA-256 lúc nhận {entry.sha256}, nay "
        f"{entry.current_sha256} ({entry.size} → {entry.current_size} byte). Catalog không sửa tệp nào; đối chiếu "
        f"với bản giao nộp và chép lại bản gốc nếu tệp không được phép thay đổi. / {what_en} has changed since it "
        f"was received ({entry.first_seen}): SHA-256 when received {entry.sha256}, now {entry.current_sha256} "
        f"({entry.size} → {entry.current_size} bytes). Catalog modifies no file; compare with the handed-over "
        f"original and copy it again if the file was not meant to change.",
        where,
    )


def _report_vanished(entry: Entry, raw: RawPackage, report: Report) -> None:
    what_vi = f'Tệp "{entry.path}"' if entry.path else f"Bản quét mà {entry.listed_at} ghi (không nêu tên tệp)"
    what_en = f'"{entry.path}"' if entry.path else f"The scan listed at {entry.listed_at} (the file is not named)"
    report.add(
        VANISHED,
        f"{what_vi}, nhận ngày {entry.first_seen} (SHA-256 {entry.sha256}), không còn trong gói; lần cuối thấy "
        f"{entry.last_verified}. Khôi phục từ bản giao nộp, hoặc kiểm tra xem tệp có bị đổi tên, chuyển đi. "
        f"/ {what_en}, received {entry.first_seen} (SHA-256 {entry.sha256}), is gone from the package; last seen "
        f"{entry.last_verified}. Restore it from the handed-over original, or check whether it was renamed or moved.",
        Location(f"{raw.display}/{entry.path}") if entry.path else Location(raw.display),
    )


# --- reading it back: `catalog fixity PACKAGE` --------------------------------------

_EVENT_WORDS = {"changed": "đã đổi/changed", "vanished": "mất/vanished", "reappeared": "trở lại/reappeared"}


@dataclass(frozen=True)
class PackageHistory:
    package_id: str
    folder: str
    files: list[tuple[Entry, list[tuple]]]  # each file with its events (at, event, old, new, old size, new size)


class UnknownPackage(HistoryError):
    def __init__(self, package: str, known: list[str]):
        self.known = known
        names = ", ".join(known) or "—"
        super().__init__(f'Không có gói "{package}" trong lịch sử toàn vẹn. Các gói đã có lịch sử: {names}. '
                         f'/ No package "{package}" in the fixity history. Packages with a history: {names}.')


def read_history(history: Path, package: str) -> PackageHistory:
    """The history of one package, by its id or its folder (``packages/<folder>`` or ``<folder>``)."""
    with opened(history, write=False) as db:
        packages = db.execute("SELECT package_id, folder FROM packages ORDER BY package_id").fetchall()
        match = next((p for p in packages if package in (p[0], p[1], p[1].rsplit("/", 1)[-1])), None)
        if match is None:
            raise UnknownPackage(package, [p[0] for p in packages])
        files = []
        for entry in entries(db, match[0]).values():
            events = db.execute("SELECT at, event, old_sha256, new_sha256, old_size, new_size FROM events "
                                "WHERE file_id = ? ORDER BY id", (entry.id,)).fetchall()
            files.append((entry, events))
    return PackageHistory(match[0], match[1], files)


def history_lines(found: PackageHistory) -> list[str]:
    """A table for the terminal, Vietnamese first then English."""
    header = ("Tệp / Path", "Cỡ (byte) / Size", "SHA-256", "Nhận lần đầu / First received",
              "Kiểm lần cuối / Last verified", "Sự kiện / Events")
    rows = [(_shown(entry), str(entry.size), entry.sha256[:12], entry.first_seen, entry.last_verified,
             "; ".join(_event_text(event) for event in events) or "—") for entry, events in found.files]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = [f"Lịch sử toàn vẹn của gói {found.package_id} ({found.folder}) / Fixity history of package "
             f"{found.package_id}", ""]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1]
              for row in [header, *rows]]
    changed = sum(1 for entry, _ in found.files if entry.changed)
    gone = sum(1 for entry, _ in found.files if entry.state == "vanished")
    summary = (f"{len(found.files)} tệp, {changed} đã thay đổi, {gone} đã mất kể từ khi nhận "
               f"/ {len(found.files)} files, {changed} changed, {gone} gone since received")
    return [*lines, "", summary]


def _shown(entry: Entry) -> str:
    if entry.path is not None:
        return entry.path
    if entry.listed_at is not None:
        return f"dòng mật / secret row: {entry.listed_at}"
    return "(không nêu tên / not named)"


def _event_text(event: tuple) -> str:
    at, kind, old, new, old_size, new_size = event
    sizes = f" ({old_size}→{new_size} B)" if None not in (old_size, new_size) and old_size != new_size else ""
    return f"{_EVENT_WORDS[kind]} {at} {(old or '—')[:12]}→{(new or '—')[:12]}{sizes}"
