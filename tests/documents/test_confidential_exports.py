# SPDX-License-Identifier: MPL-2.0
"""No byte of a confidential proposal reaches an export beyond its catalog row.

The hard way: every free text of a full proposal (BC01) is replaced by a distinct marker word,
the proposal is made confidential, every format is exported without
``--include-confidential``, every file is unpacked (zip members, XML, hidden sheets, PDF text
and metadata, SVG, file names) and no marker may appear. The same export with
``--include-confidential`` must show the markers, so the test can fail.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gevinst.cli.main import main
from gevinst.core.model import Catalog
from gevinst.format.reader import load_catalog
from gevinst.format.writer import proposal_document, to_yaml, write_catalog

SECRET = "BC01"
# a confidential proposal that the catalog knows only by its row, as F1 in the seed
ROW_ONLY = "F1"
# the keys of a proposal document whose values are the authors' own words; ids, unit names
# and amounts are references and published anyway
FREE_TEXT = {
    "heading",
    "summary",
    "description",
    "economy_text",
    "notes",
    "text",
    "distribution_text",
    "title",
    "label",
    "goal",
    "measure",
    "responsible",
    "when",
    "followup_text",
    "innovation_title",
    "partners_text",
    "remarks",
    "source",
    "price_basis",
}
MARKER = re.compile(r"Qzx\d+qz")
FORMATS = ("pdf", "docx", "xlsx", "csv", "fdp")


def _mark(doc: Any, counter: Iterator[int], key: str | None = None) -> Any:
    """The document with every free text replaced by a fresh marker word."""
    if isinstance(doc, dict):
        return {k: _mark(v, counter, k) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_mark(v, counter, key) for v in doc]
    if isinstance(doc, str) and key in FREE_TEXT and doc:
        return f"Qzx{next(counter)}qz"
    return doc


@pytest.fixture(scope="module")
def secret_catalog(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("secret") / "katalog"
    write_catalog(seed, folder)
    counter = itertools.count(1)
    for pid in (SECRET, ROW_ONLY):
        p = seed.proposal(pid)
        doc = _mark(proposal_document(p), counter)
        doc["title"] = p.title  # the title is published in the catalog's row
        doc["confidential"] = True
        doc["origin"]["innovation_title"] = f"Qzx{next(counter)}qz"
        doc["remarks"].append(f"Qzx{next(counter)}qz")
        (folder / "proposals" / f"{pid}.yaml").write_text(to_yaml(doc), encoding="utf-8")
    loaded = load_catalog(folder)
    assert loaded.proposal(SECRET).confidential
    assert loaded.proposal(ROW_ONLY).catalog_entry_only
    return folder


def _texts(path: Path) -> Iterator[str]:
    """Everything a reader of ``path`` could find: names, bytes, zip members, PDF text."""
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    for f in files:
        yield f.name
        if f.is_dir():
            continue
        data = f.read_bytes()
        yield data.decode("utf-8", "replace")
        if zipfile.is_zipfile(f):
            with zipfile.ZipFile(f) as z:
                for member in z.namelist():
                    yield member
                    yield z.read(member).decode("utf-8", "replace")
        if data.startswith(b"%PDF"):
            for tool in (["pdftotext", "-layout", str(f), "-"], ["pdfinfo", str(f)]):
                run = subprocess.run(tool, capture_output=True, check=True)
                yield run.stdout.decode("utf-8", "replace")


def _export(folder: Path, fmt: str, out: Path, *extra: str) -> Path:
    target = out / f"export.{fmt}"
    charts = out / f"charts-{fmt}"
    args = ["export", str(folder), "--format", fmt, "-o", str(target), "--charts", str(charts)]
    assert main([*args, *extra]) == 0
    return out


def _markers(path: Path) -> set[str]:
    return {m for text in _texts(path) for m in MARKER.findall(text)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_marker_in_any_export(secret_catalog: Path, tmp_path: Path, fmt: str) -> None:
    assert _markers(_export(secret_catalog, fmt, tmp_path)) == set()


@pytest.mark.parametrize(("fmt", "pid"), list(itertools.product(FORMATS, (SECRET, ROW_ONLY))))
def test_no_marker_when_the_proposal_is_asked_for(
    secret_catalog: Path, tmp_path: Path, fmt: str, pid: str
) -> None:
    out = _export(secret_catalog, fmt, tmp_path, "--proposal", pid)
    assert _markers(out) == set()


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "csv"])
def test_markers_appear_when_allowed(secret_catalog: Path, tmp_path: Path, fmt: str) -> None:
    """The counter-test: with the right to see it, the proposal's words are exported."""
    assert _markers(_export(secret_catalog, fmt, tmp_path, "--include-confidential"))
