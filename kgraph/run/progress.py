"""A progress bar for long builds: articles done, articles per second and time left.

Only on a terminal: in a pipe, in CI (``CI`` set) or with ``TERM=dumb`` it stays silent, so
logs hold the summary only. It redraws at most ten times a second.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

WIDTH = 24


def wanted(stream: TextIO) -> bool:
    """A bar helps a person watching a terminal, and garbles everything else."""
    is_tty = getattr(stream, "isatty", lambda: False)()
    return bool(is_tty) and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """Call with (done, total) after each article; the last call ends the line."""

    def __init__(self, stream: TextIO | None = None, label: str = "extracting"):
        self.stream = stream or sys.stderr
        self.label = label
        self.started: float | None = None
        self.first = 0
        self.drawn = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.started is None:
            # cached articles arrive at once: the rate counts only the work after them
            self.started, self.first = now, done
        if done < total and now - self.drawn < 0.1:
            return
        self.drawn = now
        self.stream.write("\r" + self.line(done, total, now) + ("\n" if done >= total else ""))
        self.stream.flush()

    def line(self, done: int, total: int, now: float) -> str:
        """E.g. ``extracting [#######.........]  120/300  5.3 articles/s  ETA 0:34``."""
        filled = int(WIDTH * done / total) if total else WIDTH
        bar = "#" * filled + "." * (WIDTH - filled)
        elapsed = now - self.started if self.started is not None else 0.0
        rate = (done - self.first) / elapsed if elapsed > 0 else 0.0
        if done >= total:
            tail = f"in {clock(elapsed)}"
        elif rate > 0:
            tail = f"ETA {clock((total - done) / rate)}"
        else:
            tail = "ETA --:--"
        width = len(str(total))
        return f"{self.label} [{bar}] {done:>{width}}/{total} {rate:5.1f} articles/s  {tail}".ljust(
            78
        )


def progress_bar(stream: TextIO | None = None) -> ProgressBar | None:
    """A bar on ``stream`` (default stderr) when a person is watching, else None."""
    stream = stream or sys.stderr
    return ProgressBar(stream) if wanted(stream) else None
