# SPDX-License-Identifier: MPL-2.0
"""A progress line on a terminal for a long run (the check of a large portfolio): written
over itself on stderr, never where stderr is a pipe or a file, and only once the run has
lasted long enough to need it."""

from __future__ import annotations

import time
from typing import TextIO

SHOW_AFTER = 0.5  # seconds: a catalog checked faster than this shows nothing
EVERY = 0.1  # seconds between two updates of the line


class Progress:
    """Told ``(done, total)`` after each proposal; :meth:`close` clears the line."""

    def __init__(self, stream: TextIO, what: str, show_after: float = SHOW_AFTER) -> None:
        self.stream = stream
        self.what = what
        self.start = time.monotonic()
        self.show_after = show_after
        self.shown_at: float | None = None
        self.width = 0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.start < self.show_after:
            return
        if self.shown_at is not None and now - self.shown_at < EVERY and done < total:
            return
        text = f"{self.what}: {done}/{total} forslag ({done * 100 // max(total, 1)} %)"
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.shown_at, self.width = now, max(self.width, len(text))

    def close(self) -> None:
        if self.shown_at is not None:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def on_terminal(stream: TextIO, what: str) -> Progress | None:
    """A progress line on ``stream`` where it is a terminal, else None."""
    return Progress(stream, what) if stream.isatty() else None
