# SPDX-License-Identifier: MPL-2.0
"""The workbook's layout without a file: sheet names, what an input cell stands for, and how
cells are compared (gevinst.format.workbook)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.format.workbook.book import record
from gevinst.format.workbook.names import (
    AFVIGELSER,
    KATALOG,
    LINJER,
    SHEET_NAME_MAX,
    VERSIONS,
    sheet_names,
)
from gevinst.format.workbook.targets import KeyWeight, LineAmount, target_key, target_of
from gevinst.format.workbook.versions import formula_key, token

FULL = ExportOptions(include_confidential=True)
RESERVED = {n.casefold() for n in (KATALOG, LINJER, AFVIGELSER, VERSIONS)}


def test_every_input_of_the_seed_names_itself_and_its_cell_holds_a_number(
    seed: Catalog,
) -> None:
    recorder, inputs = record(seed, FULL)
    assert sum(len(cells) for cells in inputs.values()) > 100
    for sheet, cells in inputs.items():
        for coord, target in cells.items():
            assert target_of(target_key(target)) == target
            assert target.proposal == sheet
            kind, value = recorder.sheets[sheet].cells.get(coord, ("", None))
            # a blank input is a year that a row of Tabel 2 leaves blank
            assert kind == "n" or (kind == "" and type(target).__name__ == "AdminAmount")
            assert kind == "" or isinstance(value, int | float)


def test_bc01s_first_line_is_an_input_with_its_amount(seed: Catalog) -> None:
    recorder, inputs = record(seed, FULL)
    line = seed.proposal("BC01").lines[0]
    year = seed.proposal("BC01").years[0]
    (coord,) = [c for c, t in inputs["BC01"].items() if t == LineAmount("BC01", line.id, year)]
    assert recorder.sheets["BC01"].cells[coord] == ("n", int(line.amounts[year]))


@pytest.mark.parametrize("key", ["", "[]", '["Nope", 1]', '["KeyWeight", "BC01"]', "{"])
def test_a_key_that_names_no_input_is_refused(key: str) -> None:
    with pytest.raises(ValueError):
        target_of(key)


def test_a_key_keeps_danish_letters() -> None:
    target = KeyWeight("BC01", "ledere", "ØKF")
    assert "ØKF" in target_key(target)
    assert target_of(target_key(target)) == target


def test_a_formula_saved_by_a_spreadsheet_program_compares_equal() -> None:
    assert formula_key("='BC01'!$D$8 + SUM(D8:D10)") == formula_key("=BC01!D8+sum(d8:d10)")
    assert formula_key("=D8") != formula_key("=D9")
    assert token("n", 1474) == token("n", 1474.0)
    assert token("n", 0.1 + 0.2) == token("n", 0.3)


@given(st.lists(st.text(max_size=40), min_size=1, max_size=8, unique=True))
def test_sheet_names_are_valid_and_distinct(seed: Catalog, ids: list[str]) -> None:
    first = seed.proposals[0]
    cat = replace(seed, proposals=tuple(replace(first, id=i) for i in ids))
    names = sheet_names(cat)
    assert list(names) == ids
    folded = [n.casefold() for n in names.values()]
    assert len(set(folded)) == len(folded)
    for name in names.values():
        assert 0 < len(name) <= SHEET_NAME_MAX
        assert not re.search(r"[\[\]:*?/\\']", name)
        assert name.casefold() not in {
            n.casefold() for n in (KATALOG, LINJER, AFVIGELSER, VERSIONS)
        }


def test_a_proposal_named_like_a_sheet_of_the_workbook_gets_another_name(seed: Catalog) -> None:
    first = seed.proposals[0]
    cat = replace(seed, proposals=(replace(first, id="linjer"), replace(first, id="A" * 40)))
    assert sheet_names(cat) == {"linjer": "linjer (2)", "A" * 40: "A" * 31}
