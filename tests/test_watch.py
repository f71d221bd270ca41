"""`catalog watch`: real watchdog on a copy of the sample, real builds, the real preview server.

Each watcher starts from a copy of the sample's build (site, index, cache), so its first
build only renders; then the test changes the project as an archivist would and waits
for what the watcher prints and what the site at --out becomes.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pdfgen
import pytest
from conftest import ROOT, doc_page
from projects import edit_csv, set_cell

from catalog.output_paths import BuildPaths, published_build
from catalog.site import watch
from catalog.site.serve import LIVE_BUILD, LIVE_SCRIPT, preview_server

TIMEOUT = 30  # seconds: far above a rebuild of the sample (about 1 s)
BUILT = re.compile(r"/ Built in [\d.]+ s: (\d+) documents")
TRIGGER = re.compile(r"/ (\d+) changed files?, rebuilding")
PACKAGE = Path("packages/VPTU-2025-01")
SHEET = PACKAGE / "tai_lieu.csv"
NEW_ID = "VPTU.2025.01.07"


@pytest.fixture
def project(copy_of_content, sample_build, tmp_path):
    """(content, out): a copy of the sample and of its build, as an archivist's earlier build left it."""
    shutil.copytree(sample_build.paths.site.parent, tmp_path / "build", symlinks=True)
    return copy_of_content, tmp_path / "build" / "site"


class WatchProcess:
    """`catalog watch` in a subprocess; every line it prints, as it prints it."""

    def __init__(self, content: Path, out: Path, *options: str):
        command = [sys.executable, "-m", "catalog", "watch", str(content), "--out", str(out), "--port", "0", *options]
        # PYTHONFAULTHANDLER: a watcher that does not stop is aborted with every thread's traceback (stop()).
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8", "PYTHONFAULTHANDLER": "1"}
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, encoding="utf-8")
        self.lines: list[str] = []
        self._ended = False
        self._new_line = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.address = self.wait_for(re.compile(r"Preview at (http://127\.0\.0\.1:\d+/)"))[1].group(1)

    def _read(self) -> None:
        for line in self.process.stdout:
            with self._new_line:
                self.lines.append(line.rstrip("\n"))
                self._new_line.notify_all()
        with self._new_line:
            self._ended = True
            self._new_line.notify_all()

    def wait_for(self, pattern: re.Pattern, after: int = 0, timeout: float = TIMEOUT) -> tuple[int, re.Match]:
        """The first line from index ``after`` on that matches: (its index, the match)."""
        deadline = time.monotonic() + timeout
        with self._new_line:
            while True:
                for at in range(after, len(self.lines)):
                    if found := pattern.search(self.lines[at]):
                        return at, found
                left = deadline - time.monotonic()
                if left <= 0 or self._ended:
                    raise AssertionError(f"no line matching {pattern.pattern!r}:\n" + "\n".join(self.lines))
                self._new_line.wait(min(left, 0.5))

    def matching(self, pattern: re.Pattern) -> list[re.Match]:
        with self._new_line:
            return [found for line in self.lines if (found := pattern.search(line))]

    def stop(self) -> int:
        """Ctrl+C, as a person stops it."""
        self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGABRT)  # the fault handler prints where every thread is
            self.process.wait(timeout=TIMEOUT)
            self._reader.join(TIMEOUT)
            raise AssertionError("the watcher did not stop on Ctrl+C:\n" + "\n".join(self.lines)) from None
        self._reader.join(TIMEOUT)  # every line it printed before it ended
        return code

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.address + path, timeout=10) as answer:
            return answer.read().decode("utf-8")


@pytest.fixture
def start_watch():
    # Ctrl+C reaches a watcher run from a terminal. A test run that a shell started in the
    # background (`cmd &`) ignores SIGINT, and a child inherits an ignored signal (not a
    # handled one): its Python would never raise KeyboardInterrupt. So the watchers are
    # started with SIGINT handled here.
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    started: list[WatchProcess] = []

    def start(content: Path, out: Path, *options: str) -> WatchProcess:
        started.append(WatchProcess(content, out, *options))
        return started[-1]

    try:
        yield start
    finally:
        for watcher in started:
            if watcher.process.poll() is None:
                watcher.process.kill()
                watcher.process.wait()
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def _retitle(content: Path, doc_id: str, title: str) -> None:
    set_cell(content / SHEET, doc_id, "Trích yếu nội dung", title)


def _add_document(content: Path, title: str) -> None:
    """A new scan dropped into the file's folder, and its row added to the sheet."""
    pdfgen.write_text_pdf(content / PACKAGE / "data/VPTU.2025.01/VPTU.2025.01.7.pdf",
                          [f"{title}. Văn bản bổ sung về công tác lưu trữ."])

    def change(rows):
        row = list(next(r for r in rows if r[0] == "VPTU.2025.01.06"))
        row[0], row[2], row[3] = NEW_ID, "7", "115-BC/VPTU"
        row[rows[0].index("Trích yếu nội dung")] = title
        return [*rows, row]
    edit_csv(content / SHEET, change)


def test_a_new_scan_and_row_give_a_new_page_and_a_new_build(project, start_watch):
    content, out = project
    watcher = start_watch(content, out)
    first_line, first = watcher.wait_for(BUILT)
    first_build = published_build(out)
    assert first_build and int(first.group(1)) == 32

    _add_document(content, "Báo cáo bổ sung kết quả số hóa đợt 2")
    at, rebuilt = watcher.wait_for(BUILT, first_line + 1)
    trigger = watcher.wait_for(TRIGGER, first_line + 1)[1]
    assert trigger.group(1) == "2"  # the scan and the sheet, in one rebuild
    assert int(rebuilt.group(1)) == 33
    page = out / doc_page(NEW_ID)
    assert "Báo cáo bổ sung kết quả số hóa đợt 2" in page.read_text(encoding="utf-8")
    assert published_build(out) not in (None, first_build)

    # The preview serves the new page with the live-reload script, and says which build is live.
    served = watcher.get(doc_page(NEW_ID))
    assert f'<script src="{LIVE_SCRIPT}?build={published_build(out)}" defer></script></head>' in served
    assert watcher.get(LIVE_BUILD.lstrip("/")) == published_build(out)
    assert "location.reload()" in watcher.get(LIVE_SCRIPT.lstrip("/"))
    assert not (out / LIVE_SCRIPT.strip("/")).exists()  # the script is the server's, never the site's

    assert watcher.stop() == 0
    assert watcher.lines[-1] == "Đã dừng / Stopped."


def test_a_burst_of_changes_gives_one_rebuild_and_scratch_files_none(project, start_watch):
    content, out = project
    watcher = start_watch(content, out)
    first_line, _ = watcher.wait_for(BUILT)
    package = content / PACKAGE
    for scratch in ("~$tai_lieu.xlsx", ".~lock.tai_lieu.csv#", "tai_lieu.csv.tmp", ".DS_Store"):
        (package / scratch).write_bytes(b"scratch")  # what Office, LibreOffice, editors and macOS leave
    scan = (package / "data/VPTU.2025.01/VPTU.2025.01.1.pdf").read_bytes()
    for n in range(12):  # a batch copy longer than the quiet period, its files closer together than it
        (package / f"data/VPTU.2025.01/ban-sao-{n:02}.pdf").write_bytes(scan)
        time.sleep(0.15)

    at, _ = watcher.wait_for(BUILT, first_line + 1)
    time.sleep(watch.QUIET_SECONDS + 0.5)  # a second rebuild would have started by now: its changes came during the first
    triggers = watcher.matching(TRIGGER)
    assert [t.group(1) for t in triggers] == ["12"], watcher.lines
    assert len(watcher.matching(BUILT)) == 2
    assert watcher.stop() == 0


def test_poll_notices_changes(project, start_watch):
    content, out = project
    watcher = start_watch(content, out, "--poll")
    assert any("polling every 2 s" in line for line in watcher.lines)
    first_line, _ = watcher.wait_for(BUILT)
    _retitle(content, "VPTU.2025.01.06", "Báo cáo kết quả số hóa, bản sửa khi dò định kỳ")
    watcher.wait_for(BUILT, first_line + 1)
    page = (out / doc_page("VPTU.2025.01.06")).read_text(encoding="utf-8")
    assert "Báo cáo kết quả số hóa, bản sửa khi dò định kỳ" in page
    assert watcher.stop() == 0


def test_a_broken_config_is_reported_and_its_fix_rebuilds(project, start_watch):
    content, out = project
    watcher = start_watch(content, out)
    first_line, _ = watcher.wait_for(BUILT)
    first_build = published_build(out)
    config = content / "catalog.toml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original + "\n[editions.public\n", encoding="utf-8")

    failed, _ = watcher.wait_for(re.compile(r"/ the build failed \([\d.]+ s\), still watching"), first_line + 1)
    watcher.wait_for(re.compile(r"not valid TOML"), failed)
    assert watcher.process.poll() is None
    assert published_build(out) == first_build  # the site stays the last good one

    config.write_text(original, encoding="utf-8")
    watcher.wait_for(BUILT, failed)
    assert published_build(out) not in (None, first_build)
    assert watcher.stop() == 0


def _watch_in_thread(content: Path, out: Path, rebuild) -> tuple[threading.Thread, threading.Event]:
    stop = threading.Event()
    thread = threading.Thread(target=watch.watch_and_serve, args=(content, out, rebuild, 0), kwargs={"stop": stop})
    thread.start()
    return thread, stop


class CountedBuild:
    """The real build, counting the builds started and finished, and any two running at once."""

    def __init__(self, content: Path, out: Path, before=None):
        self.content, self.out, self.before = content, out, before  # before(n): run as build n starts
        self.started = self.finished = 0
        self.overlapped = False
        self._running = threading.Lock()

    def __call__(self, progress):
        from catalog.build import build
        from catalog.config import load_config

        self.overlapped |= not self._running.acquire(blocking=False)
        try:
            self.started += 1
            if self.before:
                self.before(self.started)
            return build(load_config(self.content), BuildPaths.for_output(self.out), progress=progress)
        finally:
            self.finished += 1
            self._running.release()


def _wait_until(condition, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_without_system_notifications_it_polls_and_says_so(project, monkeypatch, capsys):
    class NoNotifications(watch.Observer):
        def start(self):
            raise OSError(errno.ENOSPC, "inotify watch limit reached")

    monkeypatch.setattr(watch, "Observer", NoNotifications)
    content, out = project
    build = CountedBuild(content, out)
    thread, stop = _watch_in_thread(content, out, build)
    try:
        _wait_until(lambda: build.finished == 1)
        _retitle(content, "VPTU.2025.01.06", "Bản sửa thấy được khi không có thông báo")
        _wait_until(lambda: build.finished == 2)
    finally:
        stop.set()
        thread.join(TIMEOUT)
    assert "Bản sửa thấy được" in (out / doc_page("VPTU.2025.01.06")).read_text(encoding="utf-8")
    printed = capsys.readouterr()
    assert "inotify watch limit reached" in printed.err and "polling every 2 s instead" in printed.err
    assert "(dò mỗi 2 s / polling every 2 s)" in printed.out


def test_changes_during_a_build_give_one_more_build_after_it(project):
    content, out = project

    def change_again(started: int) -> None:
        if started == 2:  # the build after the first change: change again while it runs
            _retitle(content, "VPTU.2025.01.05", "Đổi lần hai, trong lúc đang dựng")

    build = CountedBuild(content, out, change_again)
    thread, stop = _watch_in_thread(content, out, build)
    try:
        _wait_until(lambda: build.finished == 1)
        _retitle(content, "VPTU.2025.01.06", "Đổi lần một")
        _wait_until(lambda: build.finished == 3)
        time.sleep(watch.QUIET_SECONDS + 0.5)  # and no fourth
    finally:
        stop.set()
        thread.join(TIMEOUT)
    assert build.started == 3 and not build.overlapped
    assert "Đổi lần hai" in (out / doc_page("VPTU.2025.01.05")).read_text(encoding="utf-8")


def test_scratch_files_and_outputs_are_ignored(tmp_path):
    root = tmp_path / "content"
    ignored = watch.IgnoredPaths.for_build(root, BuildPaths.for_output(root / "build" / "site"))
    for name in ("~$tai_lieu.xlsx", ".~lock.tai_lieu.csv#", "a.TMP", ".DS_Store", "Thumbs.db", "tai_lieu.csv~",
                 "scan.pdf.part", ".git/index", "build/site/index.html", "build/.site.staging/x.html",
                 "build/index/site/x", "build/cache/fixity.sqlite", "build/report.json"):
        assert ignored(str(root / "packages" / name) if "/" not in name else str(root / name)), name
    for name in ("catalog.toml", "packages/P/tai_lieu.xlsx", "packages/P/data/scan.pdf", "pages/gioi-thieu.md"):
        assert not ignored(str(root / name)), name
    assert ignored(str(root)) and ignored(str(tmp_path / "elsewhere.csv"))


def test_serve_without_live_reload_serves_the_files_as_they_are(sample_build):
    site = sample_build.paths.site
    with preview_server(site, 0) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/index.html") as answer:
                assert answer.read() == (site / "index.html").read_bytes()
        finally:
            server.shutdown()


@pytest.mark.browser
def test_an_open_page_reloads_by_itself_after_a_rebuild(project, start_watch, page):
    from catalog.publish.server import CSP

    def with_the_sites_csp(route):  # as the intranet server sends it: no inline script would run
        answer = route.fetch()
        route.fulfill(response=answer, headers={**answer.headers, "content-security-policy": CSP})

    content, out = project
    watcher = start_watch(content, out)
    first_line, _ = watcher.wait_for(BUILT)
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.route(watcher.address + "**", with_the_sites_csp)
    page.goto(watcher.address + doc_page("VPTU.2025.01.06"))
    assert page.eval_on_selector_all("script", "scripts => scripts.filter(s => !s.src).length") == 0
    page.evaluate("window.notReloaded = true")

    with page.expect_event("load", timeout=TIMEOUT * 1000):
        _retitle(content, "VPTU.2025.01.06", "Báo cáo đã sửa, trang tự tải lại")
    assert "Báo cáo đã sửa, trang tự tải lại" in page.inner_text("body")
    assert page.evaluate("window.notReloaded") is None
    assert not violations
    assert watcher.stop() == 0
