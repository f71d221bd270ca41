"""Progress of a long build, shown to the person waiting for it."""

from __future__ import annotations

import sys
import time
from typing import Iterable, Iterator, Protocol, TextIO, TypeVar

import click

T = TypeVar("T")


class Progress(Protocol):
    def stage(self, title: str, total: int = 0) -> None: ...
    def advance(self, count: int = 1) -> None: ...


def counted(items: Iterable[T], progress: Progress) -> Iterator[T]:
    """Pass ``items`` on, advancing ``progress`` by one for each."""
    for item in items:
        yield item
        progress.advance(1)


class Silent:
    def stage(self, title: str, total: int = 0) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass


class Console:
    """One line per stage. On a terminal a stage of known length is click's progress bar
    (items done, percentage, rate, time left) and one of unknown length counts up in
    place; elsewhere (logs, CI) a line is printed at most every few seconds so logs stay
    readable."""

    def __init__(self, stream: TextIO = sys.stderr):
        self.stream = stream
        self.live = stream.isatty()
        self.title = ""
        self.total = 0
        self.done = 0
        self.bar = None
        self.last_print = 0.0
        self.started = self.stage_started = time.monotonic()

    def stage(self, title: str, total: int = 0) -> None:
        self._finish_line()
        self.title, self.total, self.done = title, total, 0
        self.last_print = self.stage_started = time.monotonic()
        if self.live and total:
            self.bar = click.progressbar(length=total, label=f"• {title}", file=self.stream, show_pos=True, show_percent=True,
                                         show_eta=True, item_show_func=lambda _: self._rate(time.monotonic()))
            self.bar.render_progress()
            return
        self.stream.write(f"• {title}" + ("" if self.live else "\n"))
        self.stream.flush()

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.bar is not None:
            self.bar.update(count)
        elif self.live:
            self.stream.write(f"\r• {self.title} {self.done}")
            self.stream.flush()
        elif now - self.last_print > 5:
            self.stream.write(f"  {self.done}/{self.total}{self._pace(now)}\n" if self.total else f"  {self.done}\n")
            self.stream.flush()
            self.last_print = now

    def _rate(self, now: float) -> str:
        elapsed = now - self.stage_started
        return f"{self.done / elapsed:.1f}/s" if self.done > 0 and elapsed >= 1 else ""

    def _pace(self, now: float) -> str:
        """Rate and time left, once there is something to measure: " · 2.1/s · còn/left 40 s"."""
        rate = self._rate(now)
        if not rate:
            return ""
        left = max(0.0, (self.total - self.done) / (self.done / (now - self.stage_started)))
        shown = f"{left / 60:.0f} min" if left >= 90 else f"{left:.0f} s"
        return f" · {rate} · còn/left {shown}"

    def _finish_line(self) -> None:
        """On a terminal the current stage's line is still open: close it with its count."""
        if self.bar is not None:
            self.bar.render_finish()
            self.bar = None
        elif self.live and self.title:
            count = f" {self.done}" if self.done else ""
            self.stream.write(f"\r• {self.title}{count}\n")
            self.stream.flush()

    def close(self) -> None:
        self._finish_line()
        self.title = ""
        elapsed = time.monotonic() - self.started
        self.stream.write(f"Xong trong {elapsed:.1f} s / Done in {elapsed:.1f} s\n")
        self.stream.flush()
