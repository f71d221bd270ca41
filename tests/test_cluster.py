"""The text stage on a real Dask cluster: a ``LocalCluster`` of two worker processes, the
sample catalog's real PDFs and scans, real Tesseract.

A build with ``--scheduler`` must make the site a local build makes, lose nothing when a
worker is killed while it reads, fall back to this machine when the scheduler is absent
or goes away, and send the scan's bytes to a worker that does not see the file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from conftest import ROOT, tree_digest  # noqa: E402

from catalog.build import BuildPaths, build  # noqa: E402
from catalog.config import load_config  # noqa: E402
from catalog.output_paths import SITE_MARKER  # noqa: E402
from catalog.text import workers as text_workers  # noqa: E402
from catalog.text.extract import extract_pdf  # noqa: E402

@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    """The sample built on this machine alone, from a cold cache."""
    out = tmp_path_factory.mktemp("local") / "site"
    result = build(load_config(ROOT / "content"), BuildPaths.for_output(out))
    assert result.report.counts["ocr_pages_read"] > 0  # the sample's scans were OCR'd here
    return out


class KillOneReader:
    """Progress that kills the worker reading a scan when the first OCR'd page comes back."""

    def __init__(self, client):
        self.client, self.stage_title, self.killed = client, "", None
        self.after_kill = 0  # results that came back after the kill

    def stage(self, title: str, total: int = 0) -> None:
        self.stage_title = title

    def advance(self, count: int = 1) -> None:
        if "OCR" not in self.stage_title:
            return
        if self.killed is not None:
            self.after_kill += count
            return
        busy = [address for address, tasks in self.client.processing().items() if tasks]
        if busy:
            pids = self.client.run(os.getpid, workers=busy[:1])
            self.killed = busy[0]
            os.kill(pids[busy[0]], signal.SIGKILL)


def site_files(site: Path) -> dict[str, str]:
    return {rel: digest for rel, digest in tree_digest(site).items() if not rel.endswith(SITE_MARKER)}


def cluster_build(out: Path, scheduler: str, progress=None):
    config = load_config(ROOT / "content")
    ocr = dataclasses.replace(config.ocr, scheduler=scheduler)
    kwargs = {"progress": progress} if progress else {}
    return build(config, BuildPaths.for_output(out), ocr=ocr, **kwargs)


def test_a_cluster_build_makes_the_site_a_local_build_makes(cluster, local_site, tmp_path):
    result = cluster_build(tmp_path / "site", cluster.scheduler_address)
    assert not [p for p in result.report.problems if p.code == "cluster-unavailable"]
    assert result.report.counts["ocr_pages_read"] > 0
    assert site_files(tmp_path / "site") == site_files(local_site)


def test_a_worker_killed_while_reading_loses_no_page(cluster, local_site, tmp_path):
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        progress = KillOneReader(client)
        result = cluster_build(tmp_path / "site", cluster.scheduler_address, progress)
    assert progress.killed, "no worker was reading when the first page came back"
    assert progress.after_kill > 0  # pages still came back after it: the cluster rescheduled them
    assert site_files(tmp_path / "site") == site_files(local_site)
    # The cache holds every page: a build from it reads nothing again.
    again = cluster_build(tmp_path / "site", cluster.scheduler_address)
    assert again.unchanged or again.report.counts["ocr_pages_read"] == 0
    cluster.scale(2)  # the next test starts with two workers again
    cluster.wait_for_workers(2, timeout=60)


def test_without_a_scheduler_the_build_runs_here_and_says_so(local_site, tmp_path, monkeypatch):
    monkeypatch.setattr(text_workers, "CONNECT_TIMEOUT", "2s")
    result = cluster_build(tmp_path / "site", "tcp://127.0.0.1:9")  # the discard port: nobody listens
    problems = [p for p in result.report.problems if p.code == "cluster-unavailable"]
    assert len(problems) == 1 and "tcp://127.0.0.1:9" in problems[0].message
    assert "máy này" in problems[0].message and "this machine" in problems[0].message
    assert site_files(tmp_path / "site") == site_files(local_site)


def test_a_worker_checks_it_sees_the_very_scan(tmp_path):
    scan = next((ROOT / "content").rglob("*.pdf"))
    data = scan.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    job = (str(tmp_path / scan.name), sha256, len(data))
    assert isinstance(text_workers.on_worker(_extract, job, _SCAN), text_workers.NotSeen)  # missing
    (tmp_path / scan.name).write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # the same size, another file
    assert isinstance(text_workers.on_worker(_extract, job, _SCAN), text_workers.NotSeen)
    (tmp_path / scan.name).write_bytes(data)
    assert text_workers.on_worker(_extract, job, _SCAN) == extract_pdf(scan, sha256, len(data))
    assert text_workers.on_worker(_extract, job, _SCAN, data) == extract_pdf(scan, sha256, len(data))


def test_a_worker_on_a_machine_without_the_files_reads_the_bytes_sent(local_site, tmp_path, copy_of_content):
    """The worker runs in its own mount namespace, where the project folder is an empty
    tmpfs: as on another machine, it sees none of the scans."""
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode:
        pytest.skip("unshare -m is not permitted here (it needs root): no way to hide the files from a worker")
    with distributed.LocalCluster(n_workers=0, dashboard_address=":0") as scheduler:
        hidden = f"mount -t tmpfs none {copy_of_content} && exec {sys.executable} -m distributed.cli.dask_worker " \
                 f"{scheduler.scheduler_address} --nthreads 1 --nworkers 1 --no-dashboard"
        worker = subprocess.Popen(["unshare", "-m", "sh", "-c", hidden], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            scheduler.wait_for_workers(1, timeout=60)
            config = load_config(copy_of_content)
            ocr = dataclasses.replace(config.ocr, scheduler=scheduler.scheduler_address)
            result = build(config, BuildPaths.for_output(tmp_path / "site"), ocr=ocr)
        finally:
            worker.kill()
            worker.wait()
    # Nothing fell back to this machine (that is always reported), and the pages are read.
    assert not [p for p in result.report.problems if p.code == "cluster-unavailable"]
    assert result.report.counts["ocr_pages_read"] > 0
    assert site_files(tmp_path / "site") == site_files(local_site)


_SCAN = text_workers.Scan(path_at=0, sha256_at=1)


def _extract(job):
    path, sha256, size = job
    return extract_pdf(Path(path), sha256, size)


class CloseTheCluster:
    """Progress that shuts the whole cluster down when the first scan has been read."""

    def __init__(self, cluster):
        self.cluster, self.closed = cluster, False

    def stage(self, title: str, total: int = 0) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        if not self.closed:
            self.closed = True
            self.cluster.close()


def test_a_build_that_loses_its_cluster_finishes_here(local_site, tmp_path):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as doomed:
        progress = CloseTheCluster(doomed)
        result = cluster_build(tmp_path / "site", doomed.scheduler_address, progress)
    assert progress.closed
    [problem] = [p for p in result.report.problems if p.code == "cluster-unavailable"]
    assert "lost" in problem.message
    assert site_files(tmp_path / "site") == site_files(local_site)


def test_an_item_the_cluster_gives_up_on_is_read_here_not_taken_for_a_lost_cluster(cluster):
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        raised = client.submit(int, "không phải số", pure=False)  # what a task raises on its worker
        raised.exception()  # waits for it to end
        assert isinstance(text_workers._result(raised, client), text_workers._Failed)
        cancelled = client.submit(sum, [1, 2], pure=False)
        cancelled.cancel()  # as when the worker holding a scan's bytes dies: the client still runs
        assert isinstance(text_workers._result(cancelled, client), text_workers._Failed)
        assert client.submit(sum, [1, 2], pure=False).result() == 3  # and the cluster is still used


def test_a_malformed_scheduler_address_is_refused_before_anything_is_read(tmp_path):
    from click.testing import CliRunner

    from catalog.cli import main

    result = CliRunner().invoke(main, ["build", str(ROOT / "content"), "--out", str(tmp_path / "site"),
                                       "--scheduler", "may-chu-8786"])
    assert result.exit_code == 2 and "tcp://MÁY:8786" in result.output and "tcp://HOST:8786" in result.output
    assert not (tmp_path / "site").exists()
