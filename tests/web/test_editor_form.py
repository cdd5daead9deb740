# SPDX-License-Identifier: MPL-2.0
"""The editor's form without a browser or a database: a list's buttons move, remove and add
as a plain list would, and each problem of the format lands at its field."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import NumberFormatError, parse_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from gevinst.web import editor


def _form(goals: int) -> editor.Form:
    form = editor.Form("v1", dict.fromkeys(editor.TEXTS, ""), [])
    form.followup = [editor.Goal("implementation", f"mål {i}", "", "", "") for i in range(goals)]
    return form


@given(
    st.integers(0, 5),
    st.lists(st.tuples(st.sampled_from(["up", "down", "remove", "add"]), st.integers(0, 6))),
)
def test_a_lists_buttons_do_what_a_plain_list_would(goals: int, ops: list[tuple[str, int]]) -> None:
    form = _form(goals)
    model = [f"mål {i}" for i in range(goals)]
    for verb, i in ops:
        editor.apply_op(form, f"goals:{verb}" if verb == "add" else f"goals:{verb}-{i}", [])
        if verb == "add":
            model.append("")
        elif i < len(model):
            if verb == "remove":
                del model[i]
            elif verb == "up" and i > 0:
                model[i - 1], model[i] = model[i], model[i - 1]
            elif verb == "down" and i + 1 < len(model):
                model[i], model[i + 1] = model[i + 1], model[i]
    assert [g.goal for g in form.followup] == model


def test_each_problem_lands_at_its_field() -> None:
    form = _form(2)
    form.rows = [editor.Row("e1", "", "permanent", "efficiency", "", "", "", {2025: "x"})]
    form.consultations = [editor.Consultation("HR-kredsen", "", "2024-02-30", "")]
    form.keys = [editor.Key("ledere", "", "amounts", {"BIF": "1", "BUF": ""})]
    left = editor.place_problems(
        form,
        [
            ("lines[0].amounts[2025]", "a"),
            ("lines[0].booking.key", "b"),
            ("followup[1].goal", "c"),
            ("consultations[0].dates[0]", "d"),
            ("keys.ledere.weights.BIF", "e"),
            ("keys.ledere.weights", "f"),
            ("risk.level", "g"),
            ("admin.text", "h"),
            ("presenting[0]", "i"),
            ("title", "j"),
            ("stated.A.rows.XYZ", "k"),
            ("lines[7].text", "l"),
        ],
    )
    assert form.rows[0].errors == {2025: "a", "booking": "b"}
    assert form.followup[1].errors == {"goal": "c"} and form.followup[0].errors == {}
    assert form.consultations[0].errors == {"dates": "d"}
    assert form.keys[0].errors == {"BIF": "e", "weights": "f"}
    assert form.errors == {"risk_level": "g", "admin_text": "h", "presenting": "i", "title": "j"}
    assert left == ["stated.A.rows.XYZ: k", "lines[7].text: l"]


def _babel_amount(text: str) -> Decimal | None:
    """An amount as babel's strict Danish reading gives it, or None where it refuses."""
    cleaned = text.translate(editor._MINUS)
    try:
        return parse_decimal(cleaned, locale="da_DK", strict=True) if cleaned else Decimal(0)
    except NumberFormatError:
        return None


@given(
    st.text(alphabet="01.,-", max_size=7)
    | st.text(alphabet="0123456789.,-− ", max_size=14)
    | st.from_regex(r"-?[0-9]{1,4}(\.[0-9]{2,4}){0,3}(,[0-9]{0,3})?", fullmatch=True)
    | st.text(max_size=6)
)
@example("1.00")
@example("1234.567")
@example("01.000")
@example("0.000")
@example("1,")
@example(",5")
@example("-0")
@example("007")
def test_an_amount_is_read_as_babel_reads_it(text: str) -> None:
    """The form's fast reading of a plainly typed amount gives babel's very Decimal (its
    exponent too), and refuses nothing babel reads."""
    expected = _babel_amount(text)
    if expected is None:
        with pytest.raises(ValueError, match="er ikke et tal"):
            editor.parse_amount(text)
    else:
        assert editor.parse_amount(text).as_tuple() == expected.as_tuple()
