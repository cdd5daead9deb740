# SPDX-License-Identifier: MPL-2.0
"""A large catalog's files read two processes at a time (format.apart): the same data, the
same proposals and the same problems, with their lines, as read one after another.

Each test runs in a Python process of its own: the second process is forked only by a process
of one thread, and the test process may have others."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bench.generate import write_portfolio

from gevinst.format.apart import ReadApart, _stamp
from gevinst.format.yamlsource import YamlDocument

_COMPARE = """
import json, os, sys
from pathlib import Path
from gevinst.core.errors import FormatError
from gevinst.format import apart
from gevinst.format.reader import load_catalog
from gevinst.format.yamlsource import YamlDocument

read_apart = []
made = apart.ReadApart.__init__
def counted(self, *args):
    read_apart.append(self)
    made(self, *args)
apart.ReadApart.__init__ = counted

if sys.argv[2] == "dies":
    # the second process ends at its third file, as if the system killed it
    stamped = apart._stamp
    calls = []
    def dying(path):
        calls.append(path)
        if len(calls) == 3:
            os._exit(1)
        return stamped(path)
    apart._stamp = dying

def loaded(folder):
    try:
        return load_catalog(folder).proposals, []
    except FormatError as e:
        return None, [(str(p.path), p.line, p.proposal, p.field, p.message) for p in e.problems]

folder = Path(sys.argv[1])
paths = sorted((folder / "proposals").glob("*.yaml"))
read = list(apart.read_documents(paths, "da"))
same_data = all(
    r.data == YamlDocument(p).data for p, r in zip(paths, read) if not isinstance(r, Exception)
)
read_apart.clear()
together = loaded(folder)
by_load = len(read_apart)
apart.APART = 10**9  # every file read here, one after another
alone = loaded(folder)
print(json.dumps({
    "read_apart": by_load,
    "same_data": same_data,
    "same_proposals": together[0] == alone[0],
    "proposals": len(together[0] or ()),
    "problems": together[1],
    "same_problems": together[1] == alone[1],
}))
"""


def _compared(folder: Path, mode: str = "") -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _COMPARE, str(folder), mode],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    [folder] = write_portfolio(tmp_path, 1, 45, seed=7)
    return folder


def test_a_large_catalog_is_read_the_same_in_two_processes(catalog: Path) -> None:
    found = _compared(catalog)
    # two of every three files were read by the second process
    assert found["read_apart"] == 30
    assert found["same_data"] and found["same_proposals"]
    assert found["proposals"] == 45 and found["problems"] == []


def test_files_the_second_process_did_not_read_are_read_here(catalog: Path) -> None:
    """The second process ends at its third file (killed, out of memory): the rest are read
    here, and the catalog is the same."""
    found = _compared(catalog, "dies")
    assert found["read_apart"] == 2
    assert found["same_proposals"] and found["proposals"] == 45


def test_the_problems_of_files_read_apart_keep_their_lines(catalog: Path) -> None:
    """A syntax error and a wrong value, each in a file the second process reads (the 2nd and
    the 3rd), and a file that is missing (the 5th): the same problems, each with its line, in
    the order the catalog lists the proposals, as read here one after another."""
    files = sorted((catalog / "proposals").glob("*.yaml"))
    second, third = files[1:3]
    files[4].unlink()
    second.write_text(second.read_text(encoding="utf-8") + "\nid: [\n", encoding="utf-8")
    lines = third.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] = "title: [en, liste]"
    third.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = _compared(catalog)
    listed = (catalog / "catalog.yaml").read_text(encoding="utf-8").splitlines()
    assert found["same_problems"]
    problems = found["problems"]
    assert isinstance(problems, list)
    assert [
        (proposal, Path(path).name == f"{proposal}.yaml", line)
        for path, line, proposal, *_ in problems
    ] == [
        (second.stem, True, len(second.read_text(encoding="utf-8").splitlines()) + 1),
        (third.stem, True, at + 1),
        (files[4].stem, False, listed.index(f"- {files[4].stem}") + 1),
    ]


def test_a_file_changed_since_it_was_read_apart_gives_no_line(tmp_path: Path) -> None:
    """A problem in a file read by the second process is told with the line of the file it
    read, or without a line where the file has changed since, never with another's."""
    path = tmp_path / "P0001.yaml"
    path.write_text("id: P0001\ntitle: Et forslag\n", encoding="utf-8")
    data = YamlDocument(path).data
    read = ReadApart(path, data, _stamp(path))
    assert read.line_of(["title"]) == 2
    changed = ReadApart(path, data, _stamp(path))
    path.write_text("id: P0001\n\ntitle: Et forslag\n", encoding="utf-8")
    assert changed.line_of(["title"]) is None
