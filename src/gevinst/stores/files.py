# SPDX-License-Identifier: MPL-2.0
"""Files and folders written whole or not at all.

A file is written to a temporary file in its own folder, flushed to the disk and renamed over
the target only when complete: a killed or failed write (a full disk) leaves the previous
file as it was, never a truncated one that still looks valid. A new folder is built under a
hidden name beside its target and renamed into place, so that it appears complete or not at
all. Several outputs are all written before any is renamed, so one that fails leaves every
target as it was.

A failed write is reported as a :class:`~gevinst.core.errors.GevinstError` naming the file,
in Danish, instead of the operating system's bare reason.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

from gevinst.core.errors import GevinstError

STAGING_PREFIX = ".gevinst-"

REASONS = {
    errno.ENOSPC: "der er ikke plads på disken",
    errno.EDQUOT: "diskkvoten er brugt op",
    errno.EACCES: "ingen adgang",
    errno.EPERM: "ingen adgang",
    errno.EROFS: "disken er skrivebeskyttet",
    errno.ENOENT: "mappen findes ikke",
    errno.EISDIR: "det er en mappe",
    errno.ENOTDIR: "en del af stien er ikke en mappe",
    errno.ENOTEMPTY: "mappen findes allerede og er ikke tom",
    errno.EEXIST: "mappen findes allerede og er ikke tom",
}


def write_failed(path: Path, error: OSError) -> GevinstError:
    """The message for a write to ``path`` that the operating system refused."""
    reason = REASONS.get(error.errno or 0, error.strerror or str(error))
    return GevinstError(f"{path} kunne ikke skrives: {reason}; intet er ændret")


def _mode(folder: bool) -> int:
    """The mode the user's umask gives a new file or folder (a temporary file or folder is
    private). The umask can only be read by setting it: it is put back at once."""
    umask = os.umask(0o022)
    os.umask(umask)
    return (0o777 if folder else 0o666) & ~umask


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _staged(path: Path, content: bytes) -> Path:
    """``content`` in a complete, synced temporary file beside ``path``."""
    fd, name = tempfile.mkstemp(prefix=f"{STAGING_PREFIX}{path.name}.", dir=path.parent)
    staged = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        # a replaced file keeps its mode, a new one gets the umask's, as open() would give
        staged.chmod(path.stat().st_mode & 0o7777 if path.is_file() else _mode(folder=False))
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged


def write_files(files: Mapping[Path, bytes]) -> None:
    """Write every file, replacing what is there: all are staged before any is renamed into
    place, so a failure leaves every one of them as it was."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, content in files.items():
            try:
                staged.append((_staged(path, content), path))
            except OSError as e:
                raise write_failed(path, e) from None
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, path in staged:
        os.replace(temporary, path)
    for folder in {path.parent for _, path in staged}:
        _sync_folder(folder)


STALE_AFTER = 3600  # seconds; no folder is written for that long
# what new_folder names a folder: the prefix, the process's id, mkdtemp's eight characters
STAGING_FOLDER = re.compile(re.escape(STAGING_PREFIX) + r"(\d+)-[a-z0-9_]{8}")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def remove_stale(folder: Path) -> None:
    """Remove the staging folders in ``folder`` that a killed process left (SIGKILL, a power
    cut: nothing can clean up after those): their process is gone and they are over an hour
    old, so that a folder on a disk shared with another machine, whose processes cannot be
    seen from here, is left alone while it may be in use."""
    now = time.time()
    for path in folder.glob(f"{STAGING_PREFIX}*-*"):
        named = STAGING_FOLDER.fullmatch(path.name)
        with suppress(OSError):
            if (
                named
                and now - path.lstat().st_mtime > STALE_AFTER
                and path.is_dir()
                and not path.is_symlink()
                and not _running(int(named[1]))
            ):
                shutil.rmtree(path)


@contextmanager
def new_folder(target: Path) -> Iterator[Path]:
    """A hidden folder beside ``target`` to fill; renamed to ``target`` when the block ends
    without an error, removed when it fails. ``target`` must not exist or be empty (an empty
    folder is replaced, as rename does)."""
    try:
        remove_stale(target.parent)
        # the process's id in the name tells a folder in use from one a killed process left
        prefix = f"{STAGING_PREFIX}{os.getpid()}-"
        staging = Path(tempfile.mkdtemp(prefix=prefix, dir=target.parent))
    except OSError as e:
        raise write_failed(target, e) from None
    try:
        yield staging
        staging.chmod(_mode(folder=True))
        os.rename(staging, target)
        _sync_folder(target.parent)
    except OSError as e:
        raise write_failed(target, e) from None
    finally:
        with suppress(FileNotFoundError):
            shutil.rmtree(staging)


def write_folder(target: Path, files: Mapping[str, bytes]) -> None:
    """A new folder ``target`` holding ``files`` (by their path in it), complete or not at all."""
    with new_folder(target) as staging:
        for name, content in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as f:
                f.write(content)
                f.flush()
                os.fsync(f.fileno())
            path.chmod(_mode(folder=False))
