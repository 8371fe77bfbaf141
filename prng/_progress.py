"""A one-line progress bar on stderr for long runs (no dependency).

``show=None`` (the default everywhere) draws the bar only when stderr is a terminal and the run is
still going after ``DELAY`` seconds, so short runs, pipes and log files never see it; ``True`` draws it
from the start on any stream, ``False`` never. The bar is redrawn at most ``REDRAW`` times a second and
erased when the run ends.
"""

import sys
import time

DELAY = 2.0
REDRAW = 10
WIDTH = 24


class Progress:
    """``with Progress(total, "bootstrap", "resamples") as bar: ... bar.update(k)``."""

    def __init__(self, total, label, unit, show=None, stream=None):
        self.total, self.label, self.unit = max(int(total), 1), label, unit
        self.stream = sys.stderr if stream is None else stream
        self.enabled = bool(show) if show is not None else _is_terminal(self.stream)
        self.start = time.monotonic()
        self.delay = 0.0 if show else DELAY
        self.done = 0
        self.drawn_at = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def update(self, count):
        """Count ``count`` more units done; redraw when due."""
        self.done += count
        now = time.monotonic()
        if not self.enabled or now - self.start < self.delay:
            return
        if self.drawn_at is None or now - self.drawn_at >= 1 / REDRAW or self.done >= self.total:
            self._draw(now)

    def close(self):
        """Erase the bar (when one was drawn)."""
        if self.drawn_at is not None:
            self.stream.write("\r\x1b[K" if _is_terminal(self.stream) else "\n")
            self.stream.flush()
            self.drawn_at = None

    def _draw(self, now):
        share = min(self.done / self.total, 1.0)
        filled = int(share * WIDTH)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {share:4.0%} "
                          f"{self.done}/{self.total} {self.unit} {now - self.start:.0f} s")
        self.stream.flush()
        self.drawn_at = now


def _is_terminal(stream):
    """Whether ``stream`` is an interactive terminal."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
