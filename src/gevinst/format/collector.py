# SPDX-License-Identifier: MPL-2.0
"""Reading a catalog without Python's cycle collector running meanwhile (issue 11).

A catalog's documents become hundreds of thousands of dicts, lists and models, all kept: the
collector, set off by every 700 new objects, walked them again and again for nothing, a
quarter of a national portfolio's load. Memory is freed as before, by reference counts;
only cycles wait for the collector, which runs again once the last read at a time is done.

The collector is the process's: reads in several threads share one pause, counted under a
lock, and the collector runs again after the last of them as it was before the first (off,
if something else had turned it off).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pause:
    """How many reads are under way, and whether the collector ran before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reading = 0
        self.was_enabled = False


_pause = _Pause()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the block (or the decorated function) runs.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    with _pause.lock:
        if _pause.reading == 0:
            _pause.was_enabled = gc.isenabled()
            gc.disable()
        _pause.reading += 1
    try:
        yield
    finally:
        with _pause.lock:
            _pause.reading -= 1
            if _pause.reading == 0 and _pause.was_enabled:
                gc.enable()
