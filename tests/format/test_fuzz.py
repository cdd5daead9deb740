# SPDX-License-Identifier: MPL-2.0
"""Fuzzing the loaders (issue 9): a catalog folder, a JSON bundle and an edited workbook,
changed at random in structure and values, give either a catalog that ``check`` computes or
a :class:`GevinstError` with a message; never another exception or a hang.

Bounded in time for CI: few examples each, over a catalog of two proposals (BC01, F3).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import Cell, MergedCell

from gevinst.core.check import check_catalog
from gevinst.core.errors import FormatError, GevinstError
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.documents.xlsx import render_xlsx
from gevinst.format.reader import load_catalog
from gevinst.format.writer import catalog_document, proposal_document, write_catalog
from gevinst.importers.bundle import catalog_bundle, import_file
from gevinst.importers.xlsx import import_onto
from tests.paths import SEED

# no shrinking: a failure is reported with the example found, within the time CI allows
FUZZ = settings(
    max_examples=20,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# values a person (or a spreadsheet, or a careless script) may put anywhere
NASTY_TEXT = [
    "1.144",
    "-1.144",
    "1,144",
    "12.500.000",
    "2/0",
    "1/3",
    "2024-02-30",
    "2024-13-45",
    "2025.0",
    "1e20",
    ".nan",
    ".inf",
    "-0",
    "",
    " ",
    "[[[[",
    "{",
    "*a",
    "&a x",
    "!!python/none",
    "ØU",
    "BIU / Service",
    "9" * 40,
    "0750",
    "1:30",
    "no",
    "null",
    "~",
    "\t",
    "a: b",
    "- x",
]
SCALARS = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from([10**15, -(10**15) + 1, 10**17, 2025, -1, 0, 1900, 2200]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(NASTY_TEXT),
    st.text(max_size=8),
    st.none(),
    st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1)),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.text(max_size=5), st.integers(-5, 2030)), inner, max_size=3),
    ),
    max_leaves=6,
)
KEYS = st.one_of(
    st.sampled_from(["2025", "2025.0", 2025, -2025, "ØU", "id", "amounts", "1"]),
    st.text(max_size=6),
)
# text-level only: tags and merge keys cannot come out of yaml.safe_dump
TAGS = ["!!int x ", "!!bool maybe ", "!!timestamp 2024-02-30 ", "!!binary x ", "\n<<: {a: 1}\n"]
INSERTS = st.one_of(
    st.sampled_from([*NASTY_TEXT, *TAGS, "\n", ": ", "\n  - ", "[" * 60, "&a ", "*a "]), st.text()
)


@cache
def small() -> Catalog:
    """The seed with BC01 (phase-ins, keys, parts) and F3 (fractions, stated tables)."""
    seed = load_catalog(SEED)
    proposals = (seed.proposal("BC01"), seed.proposal("F3"))
    # the seed's target names F7, which this catalog does not hold
    return replace(seed, proposals=proposals, tables=(), statements=(), targets=())


def mutate(draw: Callable[[st.SearchStrategy[Any]], Any], doc: Any) -> Any:
    """``doc`` with one to three values replaced, keys renamed or removed, at random depth."""
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 3))):
        parent: Any = doc
        while True:
            children = list(parent) if isinstance(parent, dict) else range(len(parent))
            if not children:
                break
            step = draw(st.sampled_from(list(children)))
            child = parent[step]
            if isinstance(child, dict | list) and child and draw(st.booleans()):
                parent = child
                continue
            action = draw(st.sampled_from(["value", "value", "delete", "rename"]))
            if action == "value":
                parent[step] = draw(VALUES)
            elif action == "delete" and isinstance(parent, dict):
                del parent[step]
            elif isinstance(parent, dict):
                parent[draw(KEYS)] = parent.pop(step)
            break
    return doc


def outcome(load: Any, again: Path) -> None:
    """A catalog that ``check`` computes and that reads back as itself once written (into
    ``again``), or a GevinstError that says something."""
    try:
        cat = load()
    except FormatError as e:
        assert e.problems and all(p.message and p.path for p in e.problems)
        return
    except GevinstError as e:
        assert str(e)
        return
    check_catalog(cat)
    write_catalog(cat, again)
    assert load_catalog(again) == cat


def write_folder(folder: Path, catalog: Any, proposals: dict[str, str]) -> Path:
    (folder / "proposals").mkdir(parents=True, exist_ok=True)
    (folder / "catalog.yaml").write_text(catalog, encoding="utf-8")
    for pid, text in proposals.items():
        (folder / "proposals" / f"{pid}.yaml").write_text(text, encoding="utf-8")
    return folder


def dumped(doc: Any) -> str:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


@FUZZ
@given(data=st.data())
def test_a_catalog_folder_changed_at_random(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    cat = small()
    docs = {p.id: proposal_document(p) for p in cat.proposals}
    pid = data.draw(st.sampled_from(sorted(docs)))
    text = dumped(mutate(data.draw, docs[pid]))
    if data.draw(st.booleans()):
        # a change in the text itself: what YAML makes of a stray character
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + data.draw(INSERTS) + text[at:]
    texts = {p: dumped(d) for p, d in docs.items()} | {pid: text}
    folder = write_folder(tmp_path_factory.mktemp("fuzz"), dumped(catalog_document(cat)), texts)
    outcome(lambda: load_catalog(folder), folder.parent / "again")


@FUZZ
@given(data=st.data())
def test_a_json_bundle_changed_at_random(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    bundle = mutate(data.draw, catalog_bundle(small()))
    try:
        text = json.dumps(bundle, ensure_ascii=False, indent=1, default=str)
    except ValueError:
        return  # a key json cannot write (a float that is NaN is written; this is not input)
    if data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + data.draw(INSERTS) + text[at:]
    path = tmp_path_factory.mktemp("fuzz") / "katalog.json"
    path.write_text(text, encoding="utf-8")
    outcome(lambda: import_file(path), path.parent / "again")


@cache
def workbook() -> bytes:
    return render_xlsx(small(), ExportOptions(None, True))


CELL_VALUES = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1.144, -1.144, 1e20, 1e15, 0.1 + 0.2, 12.5, 0, "=1/0", "=A1", True]),
    # text a worksheet can hold (no control characters)
    st.text(st.characters(blacklist_categories=["Cc", "Cs"]), max_size=8),
    st.none(),
    st.dates(min_value=dt.date(1900, 3, 1)),
)


@FUZZ
@given(data=st.data())
def test_an_edited_workbook_changed_at_random(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook()))
    sheet = book[data.draw(st.sampled_from(["BC01", "F3"]))]
    # most edits go to the yellow input cells (numbers, not formulas), some anywhere
    inputs: list[Cell | MergedCell] = [
        c
        for row in sheet.iter_rows()
        for c in row
        if c.data_type == "n" and isinstance(c.value, int | float) and not isinstance(c.value, bool)
    ]
    for _ in range(data.draw(st.integers(1, 3))):
        cell: Cell | MergedCell
        if inputs and data.draw(st.integers(0, 3)) > 0:
            cell = data.draw(st.sampled_from(inputs))
        else:
            cell = sheet.cell(data.draw(st.integers(1, 60)), data.draw(st.integers(1, 12)))
        if not isinstance(cell, MergedCell):
            cell.value = data.draw(CELL_VALUES)
    path = tmp_path_factory.mktemp("fuzz") / "katalog.xlsx"
    book.save(path)

    def imported() -> Catalog:
        return import_onto(path, small()).catalog

    outcome(imported, path.parent / "again")
