"""Where the text stage's work runs: worker processes on this machine, or a Dask cluster.

Reading a scan's text and OCR'ing its pages are the two long jobs of a build, and each
item of them (a scan, a page) is independent. :class:`Workers` runs one function over
such items and hands back each item with its result as it is ready, so the caller can
put it in the cache at once: a build that stops, or loses its cluster, resumes where it
stopped.

With a scheduler address (``catalog build --scheduler tcp://HOST:8786``) the items go to
the Dask ``distributed`` cluster behind it. A worker that sees the scan at the same path
(a shared folder), with the same SHA-256, reads it there; one that does not is sent the
file's bytes, once per scan, and reads a private copy. The cluster reschedules what a
lost worker held; an item it gives up on, and everything still to do when the cluster
itself goes away or cannot be reached, runs in local processes instead, and
:attr:`Workers.problems` says so for the build report. PDFium is not thread-safe, so
local work runs in processes, never threads.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

T, R = TypeVar("T"), TypeVar("R")

CONNECT_TIMEOUT = "20s"  # a scheduler that does not answer by then is taken as absent


@dataclass(frozen=True)
class Scan:
    """Where an item names its scan, so a worker can check it sees the same file:
    ``path_at`` and ``sha256_at`` index the item tuple."""

    path_at: int
    sha256_at: int


class NotSeen:
    """A worker's answer when the scan at the item's path is missing or another file."""

    def __reduce__(self):
        return (NotSeen, ())


def on_worker(work: Callable[[tuple], R], item: tuple, scan: Scan, data: bytes | None = None) -> R | NotSeen:
    """Run ``work`` on a cluster worker: on the scan it sees, or on a private copy of ``data``."""
    path, sha256 = item[scan.path_at], item[scan.sha256_at]
    if data is None:
        return work(item) if _same_file(path, sha256) else NotSeen()
    return work(item[:scan.path_at] + (_COPIES.of(sha256, data, os.path.splitext(path)[1]),) + item[scan.path_at + 1:])


_CHECKED: dict[tuple, str] = {}  # (path, size, mtime) → SHA-256, per worker process: the pages of one scan


def _same_file(path: str, sha256: str) -> bool:
    """Is the file at ``path`` the scan? A stale copy on a worker's own disk must never put its
    text in the cache under this SHA-256. Hashed once per worker and scan, not per page."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    key = (path, info.st_size, info.st_mtime_ns)
    if key not in _CHECKED:
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            return False
        _CHECKED[key] = digest.hexdigest()
    return _CHECKED[key] == sha256


class _PrivateCopies:
    """The scans a worker was sent, as files (PDFium and Tesseract read files), the last few
    kept: the pages of one scan come one after another. Removed when the worker exits."""

    KEPT = 4

    def __init__(self):
        self.folder: tempfile.TemporaryDirectory | None = None
        self.paths: dict[str, str] = {}  # SHA-256 → file, oldest first

    def of(self, sha256: str, data: bytes, suffix: str) -> str:
        if sha256 not in self.paths:
            self.folder = self.folder or tempfile.TemporaryDirectory(prefix="catalog-scans-")
            path = os.path.join(self.folder.name, sha256 + suffix)
            with open(path, "wb") as handle:
                handle.write(data)
            self.paths[sha256] = path
            while len(self.paths) > self.KEPT:
                os.unlink(self.paths.pop(next(iter(self.paths))))
        return self.paths[sha256]


_COPIES = _PrivateCopies()


class Workers:
    """Runs the text stage's items locally (``jobs`` processes, 0 = one per core) or on the
    Dask cluster at ``scheduler``; one connection for the whole stage (use as a context)."""

    def __init__(self, jobs: int = 0, scheduler: str = ""):
        self.jobs = jobs
        self.scheduler = scheduler
        self.problems: list[tuple[str, str]] = []  # what went wrong with the cluster (Vietnamese, English)
        self._client = None
        self._cluster_gone = False

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        if self._client is not None:
            self._close()

    def run(self, work: Callable[[T], R], items: Sequence[T], scan: Scan | None = None,
            chunksize: int = 1) -> Iterator[tuple[T, R]]:
        """Each item with ``work(item)``, as results come in. ``scan`` says where an item
        names its scan; items without one never go to the cluster."""
        if not items:
            return
        client = self._connect() if scan is not None else None
        if client is None:
            yield from self._local(work, items, chunksize)
            return
        left = yield from self._on_cluster(client, work, items, scan)
        yield from self._local(work, left, chunksize)

    def _connect(self):
        if not self.scheduler or self._cluster_gone:
            return None
        if self._client is None:
            try:
                from distributed import Client
            except ImportError:
                return self._give_up("chưa cài gói `distributed`: pip install 'catalog[cluster]'",
                                     "the `distributed` package is not installed: pip install 'catalog[cluster]'")
            try:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except ValueError as exc:  # a malformed address (the CLI checks its own)
                return self._give_up(f"địa chỉ không dùng được ({exc})", f"the address is not usable ({exc})")
            except (OSError, TimeoutError) as exc:
                return self._give_up(f"không có bộ điều phối nào trả lời sau {CONNECT_TIMEOUT}",
                                     f"no scheduler answered within {CONNECT_TIMEOUT} ({type(exc).__name__})")
            try:
                self._client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError):
                self._close()
                return self._give_up(f"bộ điều phối không có máy làm việc nào sau {CONNECT_TIMEOUT}",
                                     f"the scheduler had no worker within {CONNECT_TIMEOUT}")
        return self._client

    def _close(self) -> None:
        with contextlib.suppress(Exception):  # a client whose scheduler went away may time out closing
            self._client.close(timeout=5)
        self._client = None

    def _give_up(self, vi: str, en: str) -> None:
        self._cluster_gone = True
        self.problems.append((vi, en))
        return None

    def _local(self, work: Callable[[T], R], items: Sequence[T], chunksize: int) -> Iterator[tuple[T, R]]:
        workers = min(self.jobs or cores(), len(items))
        if workers <= 1 or len(items) < 4:
            for item in items:
                yield item, work(item)
            return
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from zip(items, pool.map(work, items, chunksize=chunksize))

    def _on_cluster(self, client, work, items: Sequence[T], scan: Scan):
        """Yield what the cluster reads; return the items it did not (to run locally)."""
        from distributed import as_completed

        pending = {client.submit(on_worker, work, item, scan, pure=False): item for item in items}
        sent, retries, failed = _SentScans(client, scan), set(), []
        finished = as_completed(pending, loop=client.loop)
        try:
            for future in finished:
                item = pending[future]
                result = _result(future, client)  # may raise: the item stays pending, to run here
                del pending[future]
                if future in retries:
                    retries.discard(future)
                    sent.done(item)
                if isinstance(result, NotSeen):
                    retry = client.submit(on_worker, work, item, scan, sent.data(item), pure=False)
                    pending[retry] = item
                    retries.add(retry)
                    finished.add(retry)
                elif isinstance(result, _Failed):
                    failed.append((item, result.kind))
                else:
                    yield item, result
        except _ClusterLost as lost:
            self._cluster_gone = True
            self.problems.append((f"mất kết nối giữa chừng ({lost}), còn {len(pending)} mục",
                                  f"it was lost mid-way ({lost}), with {len(pending)} items left"))
            self._close()
        if failed:
            kinds = ", ".join(sorted({kind for _, kind in failed}))
            self.problems.append((f"cụm máy bỏ dở {len(failed)} mục ({kinds})",
                                  f"the cluster gave up on {len(failed)} items ({kinds})"))
        return [item for item, _ in failed] + list(dict.fromkeys(pending.values()))


class _Failed:
    """An item the cluster gave up on (a task that killed its workers, or raised): read locally."""

    def __init__(self, kind: str):
        self.kind = kind


class _ClusterLost(Exception):
    pass


def _result(future, client):
    """The future's result; :class:`_Failed` for an item the cluster gave up on; raises
    :class:`_ClusterLost` when the client lost its scheduler (every future is then cancelled)."""
    from distributed import CancelledError
    from distributed.comm.core import CommClosedError

    if future.status == "error":  # KilledWorker, or what the task raised: that item alone
        return _Failed(type(future.exception()).__name__)
    try:
        return future.result()
    except (CancelledError, CommClosedError, OSError, TimeoutError) as exc:
        if client.status == "running":  # cancelled with the scattered bytes of a lost worker
            return _Failed(type(exc).__name__)
        raise _ClusterLost(type(exc).__name__) from exc


class _SentScans:
    """The bytes of scans sent to workers that do not see them, held on the cluster only
    while items of that scan (the pages of one scan) are still to be read."""

    def __init__(self, client, scan: Scan):
        self.client, self.scan = client, scan
        self.futures: dict[str, object] = {}
        self.waiting: dict[str, int] = {}  # path → items of it sent with its bytes, not yet back

    def data(self, item: tuple):
        path = item[self.scan.path_at]
        if path not in self.futures:
            with open(path, "rb") as handle:
                self.futures[path] = self.client.scatter(handle.read(), hash=False)
        self.waiting[path] = self.waiting.get(path, 0) + 1
        return self.futures[path]

    def done(self, item: tuple) -> None:
        path = item[self.scan.path_at]
        if path in self.waiting:
            self.waiting[path] -= 1
            if not self.waiting[path]:
                del self.waiting[path], self.futures[path]  # the cluster lets the bytes go


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)

