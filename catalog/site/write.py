"""Write the site aside, then swap it in, so a reader never sees a half-built site.

Pages and scans go into a staging folder beside the output; only when everything is
written does the staging folder replace the old site, in one exchange where the system
can (see catalog.atomic), so there is no moment without a site at the output. The site
stays a real folder (offices copy it to USB sticks with ``cp -r``). Unchanged scans are
hard-linked from the previous site instead of copied again (never linked to the inputs,
so editing a published file can never alter an archive's original).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from catalog import atomic
from catalog.output_paths import SITE_MARKER, old_of, refuse_foreign_site_folders, site_marker_text, staging_of

MARKER = SITE_MARKER  # proves a folder is a site we built, before we replace or delete it


class SiteWriter:
    def __init__(self, out: Path, build_id: str = "", edition: str = ""):
        self.out = out
        self.staging = staging_of(out)
        self.old = old_of(out)
        self.build_id = build_id  # the index generation this site is published with
        self.edition = edition
        self.files_written = 0
        self.files_linked = 0
        self.sources: dict[str, Path] = {}  # rel → the input file copied there (see SealingWriter)
        self._folders: set[str] = set()  # folders made in staging
        refuse_foreign_site_folders(out)  # then staging and old, if present, are ours to delete

    def __enter__(self) -> "SiteWriter":
        atomic.remove_tree(self.staging, MARKER)  # a killed build's leftover
        self.staging.mkdir(parents=True)
        self._folders.clear()
        (self.staging / MARKER).write_text(site_marker_text(self.build_id, self.edition), encoding="utf-8")
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self._swap()
        finally:
            # The new tree after a failure, or the old one if the exchange was done.
            atomic.remove_tree(self.staging, MARKER)

    def write_text(self, rel: str, text: str) -> None:
        target = self._target(rel)
        target.write_text(text, encoding="utf-8")
        self.files_written += 1

    def write_bytes(self, rel: str, data: bytes) -> None:
        self._target(rel).write_bytes(data)
        self.files_written += 1

    def copy_file(self, rel: str, source: Path) -> None:
        target = self._target(rel)
        self.sources[rel] = source
        if not (_same_copy(self.out / rel, source) and self.keep_previous(rel)):
            shutil.copy2(source, target)  # keeps mtime, so the next build can recognise it
            self.files_written += 1

    def copy_tree(self, rel: str, source: Path) -> None:
        shutil.copytree(source, self._target(rel), dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.pyc"))

    def keep_previous(self, rel: str) -> bool:
        """Take the previous site's file at ``rel`` unchanged (a hard link); False if there is none."""
        try:
            os.link(self.out / rel, self._target(rel))
        except OSError:
            return False
        self.files_linked += 1
        return True

    def keep_previous_tree(self, rel: str) -> int:
        """Take every file of the previous site's folder ``rel`` unchanged (hard links); how many."""
        count = 0
        for folder, _, files in os.walk(self.out / rel):
            target = self.staging / os.path.relpath(folder, self.out)
            target.mkdir(parents=True, exist_ok=True)
            self._folders.add(str(target))
            for name in files:
                os.link(os.path.join(folder, name), target / name)
            count += len(files)
        self.files_linked += count
        return count

    def written(self, rel: str) -> Path | None:
        """The file this build wrote at ``rel`` so far, if any."""
        target = self.staging / rel
        return target if target.is_file() else None

    def _target(self, rel: str) -> Path:
        target = self.staging / rel
        folder = os.path.dirname(target)
        if folder not in self._folders:  # thousands of files share a folder: make it once
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        return target

    def _swap(self) -> None:
        atomic.remove_tree(self.old, MARKER)  # the fallback below needs the name free
        retired = atomic.swap_in(self.staging, self.out, self.old)
        if retired is not None:
            atomic.remove_tree(retired, MARKER)


def _same_copy(previous: Path, source: Path) -> bool:
    try:
        a, b = previous.stat(), source.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns
