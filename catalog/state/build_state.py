"""What the last build made, in SQLite beside the cache: for rebuilding only what changed.

The state describes one site: the build that made it (its ``build_id``, also in the
site's marker, which names its index generation too), the fingerprint of everything that
shapes every page (configuration, templates, the catalog's own code), a fingerprint of
the inputs as found on disk, each page's fingerprint and each search record's. It is written only after the new site is swapped in, replacing
the old state in one rename; a state whose build is not the one the site's marker names
(a build killed between the swap and this write) is ignored, so a page is never kept
on the word of a state that does not describe it.

The inputs are fingerprinted by their status (size, modification and change times,
inode) as one digest, so the state names no input file: the scans of secret rows are
named nowhere. Status is only the shortcut to "nothing at all changed": the change time
moves with every write and cannot be set back, and files changed in the last seconds
before a build are not trusted (their times may not show a second change). Whatever
changed, the pages are then compared by the fingerprints of their contents.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = 4  # 4: the spare site's build and pages
RACY_SECONDS = 2  # a file this recent may change again within its timestamp's resolution (FAT: 2 s)


@dataclass
class BuildState:
    build_id: str = ""
    setup: str = ""  # fingerprint of the code, templates, configuration and options of the build
    inputs: str = ""  # status fingerprint of the project folder; "" = not to be trusted
    pages: dict[str, str] = field(default_factory=dict)  # site path → page fingerprint
    records: dict[str, str] = field(default_factory=dict)  # doc_id → fingerprint of its search record
    browser_index: str = ""  # the browser index's segments, as catalog.search.browser.segments keeps them
    spare_build_id: str = ""  # the site this build replaced, kept beside it (catalog.site.write.Spare)
    spare_pages: dict[str, str] = field(default_factory=dict)  # its pages' fingerprints

    @classmethod
    def load(cls, path: Path) -> "BuildState":
        """The state at ``path``, or an empty one if it is missing, unreadable or of another schema."""
        if not path.is_file():
            return cls()
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                meta = dict(db.execute("SELECT key, value FROM meta"))
                if meta.get("schema") != str(SCHEMA):
                    return cls()
                pages = dict(db.execute("SELECT path, fingerprint FROM pages"))
                records = dict(db.execute("SELECT doc_id, fingerprint FROM records"))
                spare_pages = dict(db.execute("SELECT path, fingerprint FROM spare_pages"))
        except sqlite3.Error:
            return cls()
        return cls(meta.get("build_id", ""), meta.get("setup", ""), meta.get("inputs", ""), pages, records,
                   meta.get("browser_index", ""), meta.get("spare_build_id", ""), spare_pages)

    def save(self, path: Path) -> None:
        """Replace the state at ``path`` in one step."""
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        partial.unlink(missing_ok=True)
        try:
            with sqlite3.connect(partial) as db:
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.execute("CREATE TABLE pages (path TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)")
                db.execute("CREATE TABLE records (doc_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)")
                db.execute("CREATE TABLE spare_pages (path TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)")
                meta = {"schema": str(SCHEMA), "build_id": self.build_id, "setup": self.setup, "inputs": self.inputs,
                        "browser_index": self.browser_index, "spare_build_id": self.spare_build_id}
                db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
                db.executemany("INSERT INTO pages VALUES (?, ?)", self.pages.items())
                db.executemany("INSERT INTO records VALUES (?, ?)", self.records.items())
                db.executemany("INSERT INTO spare_pages VALUES (?, ?)", self.spare_pages.items())
            db.close()
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)

    def describes(self, published_build: str | None) -> bool:
        return bool(self.build_id) and self.build_id == published_build

    def nothing_changed(self, published_build: str | None, setup: str, inputs: str) -> bool:
        """The site is the one this state describes, built the same way from the same files."""
        return self.describes(published_build) and bool(inputs) and (self.setup, self.inputs) == (setup, inputs)


def inputs_fingerprint(root: Path, now: float | None = None) -> str:
    """One digest of the status of every file under ``root``; "" if one changed too recently to trust."""
    recent = ((now if now is not None else time.time()) - RACY_SECONDS) * 1e9
    if not root.is_dir():
        return ""
    digest = hashlib.sha256()
    for folder, folders, files in os.walk(root):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                stat = os.lstat(path)
            except OSError:
                return ""
            if max(stat.st_mtime_ns, stat.st_ctime_ns) > recent:
                return ""
            rel = os.path.relpath(path, root)
            digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_ino}\n".encode())
    return digest.hexdigest()


def code_fingerprint(*folders: Path) -> str:
    """The content of every file under ``folders``: the catalog's code, its templates and assets."""
    digest = hashlib.sha256()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{path.relative_to(folder).as_posix()}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
