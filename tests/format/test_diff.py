# SPDX-License-Identifier: MPL-2.0
"""Two versions compared as a document."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.model import Catalog
from gevinst.format.diff import Conflict, Difference, Piece, differences, merge, resolve, word_diff
from gevinst.format.writer import proposal_document


def test_a_changed_cell_is_named_by_its_line_id_and_year(seed: Catalog) -> None:
    before = proposal_document(seed.proposal("BC01"))
    after: dict[str, Any] = {**before, "lines": [dict(line) for line in before["lines"]]}
    first = after["lines"][0]["id"]
    after["lines"][0]["amounts"] = {**after["lines"][0]["amounts"], 2026: -300}
    after["title"] = "Ny titel"
    assert differences(before, after) == [
        Difference("title", before["title"], "Ny titel"),
        Difference(f"lines[{first}].amounts[2026]", -297, -300),
    ]


def test_a_line_added_before_others_is_one_difference(seed: Catalog) -> None:
    before = proposal_document(seed.proposal("BC02"))
    new = {**before["lines"][0], "id": "ny"}
    after = {**before, "lines": [new, *before["lines"]]}
    assert differences(before, after) == [Difference("lines[ny]", None, new)]


def test_a_text_is_compared_word_by_word() -> None:
    assert word_diff("ferie og fravær i 2025", "ferie og sygdom i 2026") == [
        Piece("same", "ferie og "),
        Piece("removed", "fravær"),
        Piece("added", "sygdom"),
        Piece("same", " i "),
        Piece("removed", "2025"),
        Piece("added", "2026"),
    ]


@given(st.text(), st.text())
def test_a_word_diff_holds_both_texts(before: str, after: str) -> None:
    pieces = word_diff(before, after)
    assert "".join(p.text for p in pieces if p.kind != "added") == before
    assert "".join(p.text for p in pieces if p.kind != "removed") == after


@given(
    st.recursive(
        st.integers() | st.text(max_size=3),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=2), c, max_size=3),
    )
)
def test_a_document_does_not_differ_from_itself(doc: Any) -> None:
    assert differences({"d": doc}, {"d": doc}) == []


def _edited(doc: dict[str, Any], line: int, year: int, amount: int) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    out["lines"][line]["amounts"][year] = amount
    return out


def test_two_edits_of_different_places_merge(seed: Catalog) -> None:
    base = proposal_document(seed.proposal("BC01"))
    theirs = {**_edited(base, 0, 2026, -300), "title": "Deres titel"}
    mine = _edited(base, 2, 2027, -900)
    merged, conflicts = merge(base, theirs, mine)
    assert conflicts == []
    assert merged["title"] == "Deres titel"
    assert merged["lines"][0]["amounts"][2026] == -300
    assert merged["lines"][2]["amounts"][2027] == -900


def test_the_same_cell_changed_twice_is_a_conflict_decided_by_a_person(seed: Catalog) -> None:
    base = proposal_document(seed.proposal("BC01"))
    theirs, mine = _edited(base, 0, 2026, -300), _edited(base, 0, 2026, -310)
    merged, conflicts = merge(base, theirs, mine)
    line = base["lines"][0]["id"]
    assert conflicts == [Conflict(f"lines[{line}].amounts[2026]", -297, -300, -310)]
    assert merged["lines"][0]["amounts"][2026] == -300  # theirs until chosen
    assert resolve(merged, mine, [conflicts[0].place])["lines"][0]["amounts"][2026] == -310
    # the same change made by both is no conflict
    assert merge(base, theirs, theirs) == (theirs, [])


def test_a_change_in_a_line_the_other_removed_is_a_conflict(seed: Catalog) -> None:
    base = proposal_document(seed.proposal("BC01"))
    theirs = {**base, "lines": base["lines"][1:]}
    mine = _edited(base, 0, 2026, -300)
    merged, [conflict] = merge(base, theirs, mine)
    assert conflict.theirs is None and conflict.mine == -300
    assert len(merged["lines"]) == len(base["lines"]) - 1


def test_a_line_added_by_me_and_one_changed_by_them_both_stay(seed: Catalog) -> None:
    base = proposal_document(seed.proposal("BC02"))
    new = {**base["lines"][0], "id": "ny", "text": "Ny linje"}
    mine = {**base, "lines": [*base["lines"], new]}
    theirs = _edited(base, 0, 2026, 1)
    merged, conflicts = merge(base, theirs, mine)
    assert (
        conflicts == [] and merged["lines"][-1] == new and merged["lines"][0]["amounts"][2026] == 1
    )
