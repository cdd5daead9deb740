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
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from gevinst.format.language import reading_in
from gevinst.format.yamlsource import YamlDocument, YamlError

# below this many files, forking a second process costs more than it saves
APART = 40
# files sent to the second process at a time
_CHUNK = 8
# every third file is read here, the others in the second process: this one also makes the
# proposals of them all
_HERE = 3


class ReadApart(YamlDocument):
    """A YAML file whose data another process read; its nodes are read here when a problem
    needs a line."""

    def __init__(self, path: Path, data: Any) -> None:
        # YamlDocument.__init__ reads the file; the other process did
        self.path, self.data, self.node = path, data, None
        self._nodes_read = False

    def line_of(self, loc: Sequence[int | str]) -> int | None:
        if not self._nodes_read:
            self._nodes_read = True
            # a file changed since it was read: the problem is told without a line
            with suppress(YamlError):
                self.node = YamlDocument(self.path).node
        return super().line_of(loc)


def read_documents(paths: Sequence[Path], language: str) -> Iterator[YamlDocument | YamlError]:
    """Each of ``paths`` read as :class:`.yamlsource.YamlDocument` reads it, in order, with
    its messages in ``language``: the document, or why it cannot be read."""
    if len(paths) < APART or not _forks_safely():
        yield from (_read(path, language) for path in paths)
        return
    with multiprocessing.get_context("fork").Pool(1) as pool:
        apart = pool.imap(
            _data, [(path, language) for i, path in enumerate(paths) if i % _HERE], chunksize=_CHUNK
        )
        for i, path in enumerate(paths):
            if i % _HERE == 0:
                yield _read(path, language)
            else:
                read = next(apart)
                yield read if isinstance(read, YamlError) else ReadApart(path, read)


def _forks_safely() -> bool:
    # Linux: macOS's system libraries may crash a forked child (Python's default there is spawn)
    return threading.active_count() == 1 and sys.platform == "linux"


def _read(path: Path, language: str) -> YamlDocument | YamlError:
    try:
        with reading_in(language):
            return YamlDocument(path)
    except YamlError as e:
        return e


def _data(job: tuple[Path, str]) -> Any:
    """A file's data, read in the second process, or why it cannot be read."""
    read = _read(*job)
    return read if isinstance(read, YamlError) else read.data
