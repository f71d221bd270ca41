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
    with tempfile.TemporaryDirectory(prefix="catalog-scan-") as folder:
        copy = os.path.join(folder, "scan" + os.path.splitext(path)[1])
        with open(copy, "wb") as handle:
            handle.write(data)
        return work(item[:scan.path_at] + (copy,) + item[scan.path_at + 1:])


def _same_file(path: str, sha256: str) -> bool:
    """Hashing costs a few milliseconds a scan, against the seconds of reading it: a stale
    copy on a worker's own disk must never put its text in the cache under this SHA-256."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return False
    return digest.hexdigest() == sha256


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
            self._client.close(timeout=5)
            self._client = None

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
            except (OSError, TimeoutError) as exc:
                return self._give_up(f"không có bộ điều phối nào trả lời sau {CONNECT_TIMEOUT}",
                                     f"no scheduler answered within {CONNECT_TIMEOUT} ({type(exc).__name__})")
        return self._client

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
        """Yield what the cluster reads; return the items it could not (to run locally)."""
        from distributed import as_completed

        pending = {client.submit(on_worker, work, item, scan, pure=False): item for item in items}
        sent, retries = _SentScans(client, scan), set()
        finished = as_completed(pending, loop=client.loop)
        try:
            for future in finished:
                item = pending[future]
                result = _result(future)
                if isinstance(result, NotSeen):
                    retry = client.submit(on_worker, work, item, scan, sent.data(item), pure=False)
                    pending[retry] = item
                    retries.add(retry)
                    finished.add(retry)
                elif isinstance(result, _Failed):
                    self.problems.append((f"cụm máy không đọc được một mục ({result.why})",
                                          f"the cluster could not read one item ({result.why})"))
                    yield item, work(item)
                else:
                    yield item, result
                if future in retries:
                    sent.done(item)
                del pending[future]
        except _ClusterLost as lost:
            self._cluster_gone = True
            self.problems.append((f"mất kết nối giữa chừng ({lost}), còn {len(pending)} mục",
                                  f"it was lost mid-way ({lost}), with {len(pending)} items left"))
            client.close(timeout=5)
            self._client = None
        return list(dict.fromkeys(pending.values()))


class _Failed:
    def __init__(self, why: str):
        self.why = why


class _ClusterLost(Exception):
    pass


def _result(future):
    """The future's result; a task the cluster gave up on is :class:`_Failed`; a cluster
    that went away raises :class:`_ClusterLost`."""
    from distributed import CancelledError
    from distributed.comm.core import CommClosedError

    try:
        return future.result()
    except (CancelledError, CommClosedError, OSError, TimeoutError) as exc:
        raise _ClusterLost(type(exc).__name__) from exc
    except Exception as exc:  # noqa: BLE001 - KilledWorker and kin: that item is read locally
        return _Failed(f"{type(exc).__name__}: {exc}"[:200])


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

