"""Write the site aside, then swap it in, so a reader never sees a half-built site.

Pages and scans go into a staging folder beside the output; only when everything is
written does the staging folder replace the old site, in one exchange where the system
can (see catalog.atomic), so there is no moment without a site at the output. The site
stays a real folder (offices copy it to USB sticks with ``cp -r``). Unchanged scans are
hard-linked from the previous site instead of copied again (never linked to the inputs,
so editing a published file can never alter an archive's original).

The site a rebuild replaces is kept in the staging folder as the *spare*: the next
rebuild brings it up to date in place (``Spare``) rather than linking every file of the
site into an empty folder and deleting the old tree, which cost a batch of 100 documents
on 10,000 about 2 s. A file the spare shares with the live site (a hard link) is never
written into: it is unlinked and made anew. The spare is trusted only while its marker
names the build the state says it holds; a rebuild renames it to the new build first, so
one killed while updating it leaves a spare nobody trusts, made again from scratch.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from catalog import atomic
from catalog.output_paths import (
    SITE_MARKER,
    old_of,
    published_build,
    refuse_foreign_site_folders,
    site_marker_text,
    staging_of,
)

MARKER = SITE_MARKER  # proves a folder is a site we built, before we replace or delete it


@dataclass(frozen=True)
class Spare:
    """The site the previous rebuild replaced, as the build state knows it."""

    build_id: str  # of the build that made it ("" = unknown: never trusted)
    pages: Mapping[str, str] = field(default_factory=dict)  # site path → page fingerprint


class SiteWriter:
    def __init__(self, out: Path, build_id: str = "", edition: str = "", spare: Spare | None = None):
        """With ``spare``, the site this build replaces is kept as the next one's spare, and the
        spare in the staging folder, if it is the one named, is brought up to date in place."""
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
        self.keeps_spare = spare is not None
        self._spare_pages: Mapping[str, str] | None = None  # while the staging folder is a trusted spare
        self._wanted = spare
        self._produced: set[str] = set()  # with a spare: every file this build put there
        self._produced_trees: set[str] = set()
        refuse_foreign_site_folders(out)  # then staging and old, if present, are ours to delete

    def __enter__(self) -> "SiteWriter":
        marker = self.staging / MARKER
        spare = self._wanted
        if spare and spare.build_id and self.staging.is_dir() and published_build(self.staging) == spare.build_id:
            self._spare_pages = spare.pages  # its marker names this build from here on (below)
        else:
            atomic.remove_tree(self.staging, MARKER)  # a killed build's leftover, or a spare not known
            self.staging.mkdir(parents=True)
        self._folders.clear()
        marker.write_text(site_marker_text(self.build_id, self.edition), encoding="utf-8")
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        swapped = False
        try:
            if exc_type is None:
                if self._spare_pages is not None:
                    self._remove_unproduced()
                self._swap()
                swapped = True
        finally:
            # The new tree after a failure; after the swap, the old site, unless it is kept as the spare.
            if not (swapped and self.keeps_spare):
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
        self.sources[rel] = source
        if self._spare_pages is not None and _same_copy(os.path.join(self._staging, rel), source):
            self._produced.add(rel)
            return
        target = self._target(rel)
        if not (_same_copy(os.path.join(self._out, rel), source) and self.keep_previous(rel)):
            shutil.copy2(source, target)  # keeps mtime, so the next build can recognise it
            self.files_written += 1

    def link_cached(self, rel: str, cached: Path | str) -> None:
        """A file of the build's cache, which is named by what it holds and never rewritten:
        hard-linked from there (copied where links fail), with no need to compare it."""
        self.sources[rel] = cached
        if self._spare_pages is not None and _same_file(os.path.join(self._staging, rel), cached):
            self._produced.add(rel)
            return
        target = self._target(rel)
        try:
            os.link(cached, target)
            self.files_linked += 1
        except OSError:
            shutil.copy2(cached, target)
            self.files_written += 1

    def copy_tree(self, rel: str, source: Path) -> None:
        target = os.path.join(self._staging, rel)
        if self._spare_pages is not None:
            shutil.rmtree(target, ignore_errors=True)  # a few assets: copied afresh, never written into
            self._produced_trees.add(rel)
        shutil.copytree(source, target, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.pyc"))

    def keep_spare(self, rel: str, fingerprint: str) -> bool:
        """Leave the spare's page at ``rel`` as it is: True if it was made from the same data."""
        if self._spare_pages is None or self._spare_pages.get(rel) != fingerprint:
            return False
        self._produced.add(rel)
        return True

    def keep_previous(self, rel: str) -> bool:
        """Take the previous site's file at ``rel`` unchanged (a hard link); False if there is none."""
        try:
            os.link(os.path.join(self._out, rel), self._target(rel))
        except OSError:
            return False
        self.files_linked += 1
        return True

    def keep_previous_tree(self, rel: str) -> int:
        """Take every file of the previous site's folder ``rel`` unchanged (hard links); how many.
        A folder named by what it holds (a segment of the browser index) is the same in the spare."""
        if self._spare_pages is not None:
            self._produced_trees.add(rel)
            if os.path.isdir(os.path.join(self._staging, rel)):
                return 0
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
        if self._spare_pages is not None:
            self._produced.add(rel)
            try:
                os.unlink(target)  # it may be a hard link to the live site's file
            except FileNotFoundError:
                pass
        return target

    def _remove_unproduced(self) -> None:
        """Delete what the spare holds that this build did not put there, and the folders left empty."""
        emptied = []
        for folder, folders, files in os.walk(self._staging):
            rel = os.path.relpath(folder, self._staging)
            prefix = "" if rel == "." else rel + "/"
            gone = [name for name in files if prefix + name not in self._produced and (prefix or name != MARKER)]
            for name in gone:
                os.unlink(os.path.join(folder, name))
            if gone:
                emptied.append(folder)
            folders[:] = [name for name in folders if prefix + name not in self._produced_trees]
        for folder in sorted(emptied, key=len, reverse=True):  # deepest first, then up while empty
            while folder != self._staging:
                try:
                    os.rmdir(folder)
                except OSError:
                    break
                folder = os.path.dirname(folder)

    def _swap(self) -> None:
        atomic.remove_tree(self.old, MARKER)  # the fallback below needs the name free
        retired = atomic.swap_in(self.staging, self.out, self.old)
        if retired is None:
            return
        if not self.keeps_spare:
            atomic.remove_tree(retired, MARKER)
        elif retired != self.staging:  # after the two-rename fallback: the spare's place is free now
            os.rename(retired, self.staging)


def _same_file(path: str, other: Path | str) -> bool:
    try:
        a, b = os.stat(path), os.stat(other)
    except OSError:
        return False
    return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)


def _same_copy(previous: str, source: Path) -> bool:
    try:
        a, b = os.stat(previous), os.stat(source)
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns
