# SPDX-License-Identifier: MPL-2.0
"""Two versions compared as a document."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.model import Catalog
from gevinst.format.diff import Difference, Piece, differences, word_diff
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
