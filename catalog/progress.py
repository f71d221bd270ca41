"""Progress of a long build, shown to the person waiting for it."""

from __future__ import annotations

import sys
import time
from typing import Iterable, Iterator, Protocol, TextIO, TypeVar

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
    """One line per stage; on a terminal the line counts up in place, elsewhere (logs,
    CI) it prints at most every few seconds so logs stay readable."""

    def __init__(self, stream: TextIO = sys.stderr):
        self.stream = stream
        self.live = stream.isatty()
        self.title = ""
        self.total = 0
        self.done = 0
        self.last_print = 0.0
        self.started = self.stage_started = time.monotonic()

    def stage(self, title: str, total: int = 0) -> None:
        self._finish_line()
        self.title, self.total, self.done = title, total, 0
        self.last_print = self.stage_started = time.monotonic()
        self.stream.write(f"• {title}" + (f" 0/{total}" if total and self.live else "") + ("" if self.live else "\n"))
        self.stream.flush()

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.live:
            self.stream.write(f"\r• {self.title} {self.done}" + (f"/{self.total}{self._pace(now)}" if self.total else ""))
            self.stream.flush()
        elif now - self.last_print > 5:
            self.stream.write(f"  {self.done}/{self.total}{self._pace(now)}\n" if self.total else f"  {self.done}\n")
            self.stream.flush()
            self.last_print = now

    def _pace(self, now: float) -> str:
        """Rate and time left, once there is something to measure: " · 2.1/s · còn/left 40 s"."""
        elapsed = now - self.stage_started
        if self.done <= 0 or elapsed < 1:
            return ""
        rate = self.done / elapsed
        left = max(0.0, (self.total - self.done) / rate)
        shown = f"{left / 60:.0f} min" if left >= 90 else f"{left:.0f} s"
        return f" · {rate:.1f}/s · còn/left {shown}"

    def _finish_line(self) -> None:
        """On a terminal the current stage's line is still open: close it with its count."""
        if self.live and self.title:
            count = f" {self.done}/{self.total}" if self.total else (f" {self.done}" if self.done else "")
            self.stream.write(f"\r• {self.title}{count}\n")
            self.stream.flush()

    def close(self) -> None:
        self._finish_line()
        self.title = ""
        self.stream.write(f"Xong trong {time.monotonic() - self.started:.1f} s / Done in {time.monotonic() - self.started:.1f} s\n")
        self.stream.flush()
