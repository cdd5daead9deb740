# SPDX-License-Identifier: MPL-2.0
"""A catalog's YAML files read by two processes at once: two of every three by a second one.

Reading YAML is most of loading a catalog from its folder (libyaml's nodes, and the walk that
makes their data), and it kept one core busy while the machine's second waited: a 1.000-
proposal catalog's PDF waited 6 s for it before typst could start. A forked process reads
files meanwhile and sends back their data, plain values that pickle quickly, while this one
reads the rest and makes the proposals of them all. A file read there keeps no nodes here:
its lines are read again, here, only when a problem needs one. The reading is the same
(:class:`.yamlsource.YamlDocument`), so the data and every problem's message are the same as
those read here.

A second process is forked only where that is safe and worth it: many files, on Linux, and a
process of one thread (a fork copies no thread, and a lock another thread held would stay
locked in the child); else every file is read here, one after another.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import suppress
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from gevinst.format.yamlsource import YamlDocument, YamlError, read_yaml

# below this many files, forking a second process costs more than it saves
APART = 40
# every third file is read here, the others in the second process: this one also makes the
# proposals of them all
_HERE = 3

# what tells a file from itself changed: its time of change and its size
Stamp = tuple[int, int]


class ReadApart(YamlDocument):
    """A YAML file whose data another process read; its nodes are read here when a problem
    needs a line, unless the file has changed since (``stamp``): then the problem is told
    without a line rather than with another file's."""

    def __init__(self, path: Path, data: Any, stamp: Stamp) -> None:
        # YamlDocument.__init__ reads the file; the other process did
        self.path, self.data, self.node = path, data, None
        self._stamp: Stamp | None = stamp

    def line_of(self, loc: Sequence[int | str]) -> int | None:
        if self._stamp is not None:
            with suppress(OSError, YamlError):
                if _stamp(self.path) == self._stamp:
                    self.node = YamlDocument(self.path).node
            self._stamp = None
        return super().line_of(loc)


def read_documents(paths: Sequence[Path], language: str) -> Iterator[YamlDocument | YamlError]:
    """Each of ``paths`` read as :class:`.yamlsource.YamlDocument` reads it, in order, with
    its messages in ``language``: the document, or why it cannot be read."""
    if len(paths) < APART or not _forks_safely():
        yield from (read_yaml(path, language) for path in paths)
        return
    fork = multiprocessing.get_context("fork")
    received, sent = fork.Pipe(duplex=False)
    apart = [path for i, path in enumerate(paths) if i % _HERE]
    reader = fork.Process(target=_reader, args=(apart, language, sent), daemon=True)
    reader.start()
    sent.close()  # the second process's end: once it has ended, receiving says so
    try:
        for i, path in enumerate(paths):
            yield _received(received, path, language) if i % _HERE else read_yaml(path, language)
    finally:
        # ended (killed, not asked: a server's own handler of SIGTERM may be its too)
        reader.kill()
        reader.join()
        received.close()


def _forks_safely() -> bool:
    # Linux: macOS's system libraries may crash a forked child (Python's default there is spawn)
    return threading.active_count() == 1 and sys.platform == "linux"


def _received(received: Connection, path: Path, language: str) -> YamlDocument | YamlError:
    """What the second process read of ``path``; where it has ended before (killed, out of
    memory), the file read here."""
    try:
        read, stamp = received.recv()
    except (EOFError, OSError):
        return read_yaml(path, language)
    return read if isinstance(read, YamlError) else ReadApart(path, read, stamp)


def _reader(paths: Sequence[Path], language: str, sent: Connection) -> None:
    """The second process: each file's data, or why it cannot be read, and its stamp."""
    # a Ctrl-C at the terminal is the first process's to handle: it ends this one
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for path in paths:
        stamp = _stamp(path)
        read = read_yaml(path, language)
        sent.send((read if isinstance(read, YamlError) else read.data, stamp))
    sent.close()


def _stamp(path: Path) -> Stamp:
    found = path.stat()
    return found.st_mtime_ns, found.st_size
