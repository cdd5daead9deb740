# SPDX-License-Identifier: MPL-2.0
"""Files written whole or not at all: several files all or none, two writers at once, the
user's umask for a new file."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from gevinst.core.errors import GevinstError
from gevinst.stores.files import STAGING_PREFIX, write_files


def test_several_files_are_written_all_or_none(tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_bytes(b"forrige")
    missing = tmp_path / "mangler" / "b.svg"
    with pytest.raises(GevinstError, match=f"^{missing} kunne ikke skrives: mappen findes ikke"):
        write_files({first: b"ny", missing: b"<svg/>"})
    assert first.read_bytes() == b"forrige"
    assert os.listdir(tmp_path) == ["a.csv"]


def test_two_writers_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    out = tmp_path / "katalog.csv"
    contents = [bytes([65 + i]) * 200_000 for i in range(2)]

    def write(content: bytes) -> None:
        for _ in range(20):
            write_files({out: content})

    writers = [threading.Thread(target=write, args=(c,)) for c in contents]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    assert out.read_bytes() in contents
    assert [p for p in os.listdir(tmp_path) if p.startswith(STAGING_PREFIX)] == []


def test_a_new_file_gets_the_users_umask(tmp_path: Path) -> None:
    umask = os.umask(0o027)
    try:
        write_files({tmp_path / "ny.pdf": b"%PDF-"})
    finally:
        os.umask(umask)
    assert (tmp_path / "ny.pdf").stat().st_mode & 0o777 == 0o640
