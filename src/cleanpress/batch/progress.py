"""The batch command's progress line and closing summary."""

from __future__ import annotations

import time
from typing import IO

from .records import Status


class Progress:
    """Counts results and, on a terminal, redraws one status line a few times a second."""

    def __init__(self, total: int | None, *, show: bool, stream: IO[str]) -> None:
        self.total = total
        self.show = show
        self.stream = stream
        self.counts: dict[Status, int] = {"article": 0, "empty": 0, "error": 0}
        self.start = time.monotonic()
        self.drawn = 0.0

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    def add(self, status: Status) -> None:
        self.counts[status] += 1
        now = time.monotonic()
        if self.show and now - self.drawn >= 0.2:
            self.drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.records / elapsed
        text = f"{self.records}/{self.total} records ({100 * self.records / self.total:.0f}%)" if self.total \
            else f"{self.records} records"
        text += f"  {rate:.1f}/s  {self.counts['error']} errors"
        if self.total and rate > 0:
            text += f"  ETA {_duration(max(0, self.total - self.records) / rate)}"
        return text

    def clear(self) -> None:
        if self.show and self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def summary(self) -> str:
        elapsed = time.monotonic() - self.start
        rate = self.records / elapsed if elapsed > 0 else 0.0
        return (f"{self.records} records: {self.counts['article']} articles, {self.counts['empty']} empty, "
                f"{self.counts['error']} errors in {_duration(elapsed)} ({rate:.1f} records/s)")


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"
