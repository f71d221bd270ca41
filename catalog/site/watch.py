"""Watch the project folder, rebuild the site after each change, and preview it (``catalog watch``).

The build is passed in by the command line: this stage does not run the stages. Changes
are collected until none came for ``QUIET_SECONDS``, so copying a folder of a hundred
scans gives one rebuild, not a hundred; builds run one at a time, and what changes
during a build is built right after it. The build's own outputs and the scratch files
that editors and systems leave beside the inputs (``~$x.xlsx``, ``.~lock.x.csv#``,
``*.tmp``, ``.DS_Store``) are no reason to rebuild. A build that fails (a broken
``catalog.toml``) is reported and watching goes on: the next change may fix it.

The system's file notifications (inotify on Linux) are used where they start; network
and USB drives often give none for changes made elsewhere, hence ``--poll``, and the
same polling when the notifications cannot start (say, the inotify watch limit).
"""

from __future__ import annotations

import os
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import click
from watchdog.events import (EVENT_TYPE_CLOSED, EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED,
                             EVENT_TYPE_MOVED, FileSystemEvent, FileSystemEventHandler)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from catalog.errors import CatalogError, ProjectError
from catalog.output_paths import BuildPaths, old_of, staging_of
from catalog.progress import Progress, Silent
from catalog.report import Report
from catalog.site.serve import preview_address, preview_server

QUIET_SECONDS = 1.0  # a batch copy's files come closer together than this
POLL_SECONDS = 2.0  # each poll reads the status of every file of the project: cheap, but not free on a share
# Opening and reading a file are events too (the build reads every input): only writes count.
_WRITES = {EVENT_TYPE_CREATED, EVENT_TYPE_MODIFIED, EVENT_TYPE_DELETED, EVENT_TYPE_MOVED, EVENT_TYPE_CLOSED}
_SCRATCH = re.compile(
    r"""\..*                              # hidden: .DS_Store, .~lock.x.csv# (LibreOffice), .x.swp (vim), .git
      | ~\$.*                             # the owner file Office keeps beside an open workbook
      | .*~                               # editors' backups
      | .*\.(tmp|temp|part|crdownload)    # partial saves, copies and downloads
      | thumbs\.db | desktop\.ini         # Windows Explorer's own files
    """, re.IGNORECASE | re.VERBOSE)


class Built(Protocol):
    """What the build passed in returns (``catalog.build.BuildResult``)."""

    unchanged: bool
    report: Report


Rebuild = Callable[[Progress], Built]


@dataclass(frozen=True)
class IgnoredPaths:
    """Paths whose changes are no reason to rebuild."""

    root: Path
    outputs: tuple[Path, ...]  # what the build writes, in case it lies inside the watched folder

    @classmethod
    def for_build(cls, root: Path, paths: BuildPaths) -> "IgnoredPaths":
        site = paths.site
        return cls(root, (site, staging_of(site), old_of(site), paths.index_root, paths.cache, paths.report))

    def __call__(self, path: str) -> bool:
        where = Path(os.path.abspath(path))
        if where == self.root or any(where.is_relative_to(output) for output in self.outputs):
            return True
        if not where.is_relative_to(self.root):
            return True  # not the project's
        return any(_SCRATCH.fullmatch(part) for part in where.relative_to(self.root).parts)


class PendingChanges:
    """The paths changed since the last build was started, and when the last change came."""

    def __init__(self) -> None:
        self._paths: set[str] = set()
        self._last = 0.0
        self._arrived = threading.Condition()

    def add(self, path: str) -> None:
        with self._arrived:
            self._paths.add(path)
            self._last = time.monotonic()
            self._arrived.notify_all()

    def next_batch(self, quiet: float, stop: threading.Event) -> set[str]:
        """Wait for a change, then until none came for ``quiet`` seconds; take them all. Empty once stopped."""
        with self._arrived:
            while not stop.is_set():
                left = self._last + quiet - time.monotonic()
                if self._paths and left <= 0:
                    batch, self._paths = self._paths, set()
                    return batch
                # Bounded, so that ``stop`` and Ctrl+C are noticed while nothing changes.
                self._arrived.wait(min(left, 0.25) if self._paths else 0.25)
        return set()


class _ChangeHandler(FileSystemEventHandler):
    def __init__(self, pending: PendingChanges, ignored: IgnoredPaths):
        self.pending = pending
        self.ignored = ignored

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _WRITES:
            return
        if event.is_directory and event.event_type == EVENT_TYPE_MODIFIED:
            return  # a folder's time changes with its entries, which have events of their own
        # A save through a temporary file is a move onto the real name: the destination counts.
        for path in (event.src_path, getattr(event, "dest_path", "")):
            path = os.fsdecode(path)
            if path and not self.ignored(path):
                self.pending.add(path)


def start_observer(root: Path, handler: FileSystemEventHandler, poll: bool) -> BaseObserver:
    """Notifications of the system where they start, else (or with ``poll``) polling; says which."""
    if not poll:
        native = Observer()
        try:
            native.schedule(handler, str(root), recursive=True)
            native.start()
            return native
        except OSError as exc:  # e.g. ENOSPC: the inotify watch limit (fs.inotify.max_user_watches)
            click.echo(f"Không dùng được thông báo thay đổi của hệ thống ({exc}); chuyển sang dò mỗi "
                       f"{POLL_SECONDS:g} s. / The system's change notifications could not start ({exc}); "
                       f"polling every {POLL_SECONDS:g} s instead.", err=True)
    polling = PollingObserver(timeout=POLL_SECONDS)
    polling.schedule(handler, str(root), recursive=True)
    polling.start()
    return polling


def watch_and_serve(content_dir: Path, out: Path, rebuild: Rebuild, port: int, poll: bool = False,
                    stop: threading.Event | None = None) -> None:
    """Build, serve the site at ``out`` with live reload, and rebuild on changes until Ctrl+C (or ``stop``)."""
    root = content_dir.resolve()
    if not root.is_dir():
        raise ProjectError(f"Không tìm thấy thư mục dự án {root}. / Project folder {root} not found.")
    paths = BuildPaths.for_output(out)
    pending = PendingChanges()
    with preview_server(paths.site, port, live_reload=True) as server:  # first: a busy port is said before a build
        # Watching starts before the first build: what changes while it runs is built after it.
        observer = start_observer(root, _ChangeHandler(pending, IgnoredPaths.for_build(root, paths)), poll)
        threading.Thread(target=server.serve_forever, name="catalog-preview", daemon=True).start()
        _say_watching(root, observer, preview_address(server))
        try:
            rebuild_on_changes(pending, rebuild, stop or threading.Event())
        except KeyboardInterrupt:
            pass
        finally:
            observer.stop()
            server.shutdown()
            observer.join()
    click.echo("Đã dừng / Stopped.")


def _say_watching(root: Path, observer: BaseObserver, address: str) -> None:
    how = (f"dò mỗi {POLL_SECONDS:g} s / polling every {POLL_SECONDS:g} s" if isinstance(observer, PollingObserver)
           else "thông báo của hệ thống / system notifications")
    click.echo(f"Đang theo dõi {root} ({how}) / Watching {root}")
    click.echo(f"Xem thử tại / Preview at {address} — trang tự tải lại sau mỗi lần dựng "
               f"/ pages reload after each build (Ctrl+C để dừng / to stop)")


def rebuild_on_changes(pending: PendingChanges, rebuild: Rebuild, stop: threading.Event,
                       quiet: float = QUIET_SECONDS) -> None:
    """The first build, then one build per batch of changes, one at a time, until ``stop``."""
    build_and_tell(rebuild, None)
    while not stop.is_set():
        batch = pending.next_batch(quiet, stop)
        if batch:
            build_and_tell(rebuild, len(batch))


def build_and_tell(rebuild: Rebuild, changed: int | None) -> None:
    """Run one build and say what started it, how long it took and how it went; a failure stops nothing."""
    if changed is None:
        click.echo("Đang dựng… / Building…")
    else:
        files = "file" if changed == 1 else "files"
        click.echo(f"{changed} tệp thay đổi, đang dựng lại… / {changed} changed {files}, rebuilding…")
    started = time.monotonic()
    try:
        # Only the first build, which may be long (OCR), shows its stages.
        result = rebuild(_StageTitles() if changed is None else Silent())
    except Exception as exc:  # whatever failed (a half-copied file, a bug), the next change may fix it
        seconds = time.monotonic() - started
        if not isinstance(exc, CatalogError):
            traceback.print_exc(file=sys.stderr)  # not a message for the archivist: a fault to report
        detail = exc.format_message() if isinstance(exc, CatalogError) else f"{type(exc).__name__}: {exc}"
        click.echo(f"LỖI/ERROR: dựng không được ({seconds:.1f} s), vẫn theo dõi / the build failed "
                   f"({seconds:.1f} s), still watching:\n{detail}", err=True)
        return
    click.echo(result_line(result, time.monotonic() - started))


def result_line(result: Built, seconds: float) -> str:
    if result.unchanged:
        return f"Không có gì thay đổi ({seconds:.1f} s) / Nothing changed ({seconds:.1f} s)"
    report = result.report
    problems, errors = len(report.problems), len(report.errors)
    documents = report.counts.get("documents", 0)
    return (f"Đã dựng trong {seconds:.1f} s: {documents} tài liệu, {problems} vấn đề ({errors} lỗi) "
            f"/ Built in {seconds:.1f} s: {documents} documents, {problems} problems ({errors} errors)")


class _StageTitles:
    """Progress as one line per stage: counts in place would mix with the lines printed around them."""

    def stage(self, title: str, total: int = 0) -> None:
        click.echo(f"  • {title}")

    def advance(self, count: int = 1) -> None:
        pass
