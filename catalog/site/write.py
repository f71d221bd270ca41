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
        # Strings beside the paths: a rebuild links tens of thousands of files, and pathlib's
        # parsing of each path costs more than the link itself.
        self._out = str(out)
        self._staging = str(self.staging)
        self.old = old_of(out)
        self.build_id = build_id  # the index generation this site is published with
        self.edition = edition
        self.files_written = 0
        self.files_linked = 0
        self.sources: dict[str, Path | str] = {}  # rel → the file copied there (see SealingWriter)
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
        with open(self._target(rel), "w", encoding="utf-8") as target:
            target.write(text)
        self.files_written += 1

    def write_bytes(self, rel: str, data: bytes) -> None:
        with open(self._target(rel), "wb") as target:
            target.write(data)
        self.files_written += 1

    def copy_file(self, rel: str, source: Path) -> None:
        target = self._target(rel)
        self.sources[rel] = source
        if not (_same_copy(os.path.join(self._out, rel), source) and self.keep_previous(rel)):
            shutil.copy2(source, target)  # keeps mtime, so the next build can recognise it
            self.files_written += 1

    def link_cached(self, rel: str, cached: Path | str) -> None:
        """A file of the build's cache, which is named by what it holds and never rewritten:
        hard-linked from there (copied where links fail), with no need to compare it."""
        target = self._target(rel)
        self.sources[rel] = cached
        try:
            os.link(cached, target)
            self.files_linked += 1
        except OSError:
            shutil.copy2(cached, target)
            self.files_written += 1

    def copy_tree(self, rel: str, source: Path) -> None:
        shutil.copytree(source, self._target(rel), dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.pyc"))

    def keep_previous(self, rel: str) -> bool:
        """Take the previous site's file at ``rel`` unchanged (a hard link); False if there is none."""
        try:
            os.link(os.path.join(self._out, rel), self._target(rel))
        except OSError:
            return False
        self.files_linked += 1
        return True

    def keep_previous_tree(self, rel: str) -> int:
        """Take every file of the previous site's folder ``rel`` unchanged (hard links); how many."""
        count = 0
        for folder, _, files in os.walk(os.path.join(self._out, rel)):
            target = os.path.join(self._staging, os.path.relpath(folder, self._out))
            os.makedirs(target, exist_ok=True)
            self._folders.add(target)
            for name in files:
                os.link(os.path.join(folder, name), os.path.join(target, name))
            count += len(files)
        self.files_linked += count
        return count

    def written(self, rel: str) -> Path | None:
        """The file this build wrote at ``rel`` so far, if any."""
        target = self.staging / rel
        return target if target.is_file() else None

    def _target(self, rel: str) -> str:
        target = os.path.join(self._staging, rel)
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


def _same_copy(previous: str, source: Path) -> bool:
    try:
        a, b = os.stat(previous), os.stat(source)
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns
