"""Write the site aside, then swap it in, so a reader never sees a half-built site.

Pages and scans go into a staging folder beside the output; only when everything is
written does the staging folder replace the old site. Unchanged scans are hard-linked
from the previous site instead of copied again (never linked to the inputs, so editing
a published file can never alter an archive's original).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from catalog.errors import BuildError

MARKER = ".catalog-site"  # proves a folder is a site we built, before we replace it


class SiteWriter:
    def __init__(self, out: Path):
        self.out = out
        self.staging = out.with_name(f".{out.name}.staging")
        self.files_written = 0
        self.files_linked = 0
        _refuse_foreign_folder(out)

    def __enter__(self) -> "SiteWriter":
        if self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging.mkdir(parents=True)
        (self.staging / MARKER).write_text("built by catalog; replaced on each build\n", encoding="utf-8")
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._swap()
        elif self.staging.exists():
            shutil.rmtree(self.staging)

    def write_text(self, rel: str, text: str) -> None:
        target = self._target(rel)
        target.write_text(text, encoding="utf-8")
        self.files_written += 1

    def copy_file(self, rel: str, source: Path) -> None:
        target = self._target(rel)
        previous = self.out / rel
        if _same_copy(previous, source):
            os.link(previous, target)
            self.files_linked += 1
        else:
            shutil.copy2(source, target)  # keeps mtime, so the next build can recognise it
            self.files_written += 1

    def copy_tree(self, rel: str, source: Path) -> None:
        shutil.copytree(source, self._target(rel), dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.pyc"))

    def _target(self, rel: str) -> Path:
        target = self.staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def _swap(self) -> None:
        old = self.out.with_name(f".{self.out.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if self.out.exists():
            self.out.rename(old)
        self.staging.rename(self.out)
        if old.exists():
            shutil.rmtree(old)


def _same_copy(previous: Path, source: Path) -> bool:
    try:
        a, b = previous.stat(), source.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def _refuse_foreign_folder(out: Path) -> None:
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise BuildError(
            f"Thư mục đích {out} đã có dữ liệu khác, không phải trang do catalog dựng; không ghi đè. "
            f"Chọn thư mục trống bằng --out. / The output folder {out} holds other data, not a site built by "
            f"catalog; it is not overwritten. Choose an empty folder with --out."
        )
