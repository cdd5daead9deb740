# SPDX-License-Identifier: MPL-2.0
"""A proposal checked by every rule family at once: one that states every table as the
lines give it, explains its lines by models and is heard as the template asks has no
findings; the families' findings come in a fixed order (the command line lists them so)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gevinst.core import calc
from gevinst.core.check import check_proposal
from gevinst.core.effects import Effect, Param, Sign, evaluate
from gevinst.core.model import (
    Consultation,
    Line,
    LineKind,
    Proposal,
    Stated,
    StatedTable,
    ToUnit,
)
from gevinst.core.series import Series
from tests.core.builders import PROFILE, YEARS, line, proposal, series

D = Decimal
UNITS = ("ØU", "TMU", "SU", "KIT")
AREAS = ("Service", "Anlæg")
CFO = Consultation("Center for Økonomi", "cfo", heard=True)


def modelled(i: int, kind: LineKind, fte: int, area: str, unit: str) -> tuple[Line, Effect]:
    """A permanent line that an FTE model (``fte`` at 100) explains."""
    sign = Sign.COST if kind is LineKind.OPERATING_COST else Sign.SAVING
    params = {"fte": Param("fte", value=D(fte)), "price": Param("price", value=D(100))}
    effect = Effect(f"l{i}", "fte", params, sign=sign)
    amounts = evaluate(effect, YEARS, PROFILE.assumptions, proposal().assumptions_date).series
    return line(f"l{i}", kind, amounts, area=area, booking=ToUnit(unit)), effect


def stated_as_computed(p: Proposal) -> Stated:
    def table(rows: Mapping[str, Series]) -> StatedTable:
        # a table with no row to fill in (Tabel B where nothing moves) is printed filled in
        # with a total of 0, as the template asks
        zeros = Series({y: D(0) for y in p.years})
        return StatedTable(rows=rows, total=calc.column_total(rows) if rows else zeros)

    return Stated(
        table1={key: compute(p) for key, (_name, compute) in calc.TABLE1_ROWS.items()},
        payback={b: calc.payback_text(calc.payback(p, b)) for b in calc.PAYBACK_BASES},
        technical={t: table(compute(p, PROFILE)) for t, compute in calc.TECHNICAL_TABLES.items()},
        distribution=table(calc.distribution(p, PROFILE, include_implementation=False)),
    )


permanent = st.tuples(
    st.sampled_from((LineKind.EFFICIENCY, LineKind.OPERATING_COST)),
    st.integers(0, 30),
    st.sampled_from(AREAS),
    st.sampled_from(UNITS),
)
investments = st.tuples(
    st.lists(st.integers(0, 5000), min_size=1, max_size=len(YEARS)),
    st.sampled_from(AREAS),
    st.sampled_from(UNITS),
)


@given(st.lists(permanent, min_size=1, max_size=4), st.lists(investments, max_size=3))
def test_a_proposal_stated_as_computed_has_no_findings(
    drawn: list[tuple[LineKind, int, str, str]],
    spent: list[tuple[list[int], str, str]],
) -> None:
    explained = [modelled(i, *d) for i, d in enumerate(drawn)]
    costs = [
        line(f"i{i}", LineKind.IMPLEMENTATION, series(*a), area=area, booking=ToUnit(unit))
        for i, (a, area, unit) in enumerate(spent)
    ]
    p = proposal(*(line for line, _effect in explained), *costs)
    p = replace(p, effects=tuple(e for _line, e in explained), consultations=(CFO,))
    assert check_proposal(replace(p, stated=stated_as_computed(p)), PROFILE) == []


def test_the_families_in_their_order() -> None:
    p = proposal(
        line("e", LineKind.EFFICIENCY, series(0, -100)),
        line("c", LineKind.OPERATING_COST, series(0, 10), area="Anlæg"),
    )
    wrong = Stated(
        table1={"varig": series(0, -91)},
        technical={"A": StatedTable(rows={"ØU": series(0, -91)}, total=None)},
    )
    found = check_proposal(replace(p, stated=wrong), PROFILE)
    assert [(f.rule, f.row) for f in found] == [
        ("table1-sum", "varig"),
        ("basis-missing", "e"),
        ("basis-missing", "c"),
        ("table-A", "ØU"),
        ("template-B", None),
        ("template-C", None),
        ("template-cfo", None),
    ]
