# SPDX-License-Identifier: MPL-2.0
"""What-if, sensitivity and three-point estimates, proved by worked examples by hand.

The proposal used throughout (years 2024-2029, 2025 p/l), built in code:

- e1, time saving booked to ØU: 6.000 cases × 12 min. = 72.000 min. = 1.200 hours; / the
  shared hour norm 1.200 = 1 ÅV; × (wage 560 + shared overhead 40) = 600 t.kr. a year,
  from mid-2025: 2025 -300, from 2026 -600.
- e2, 2 ÅV × 500 t.kr. = 1.000 t.kr. a year from 2026, split by a key ØU 1 : TMF 2 : SOF 1,
  i.e. ØU -250, TMU -500, SU -250.
- i1, implementation on Anlæg: 2.000 in 2025, 1.000 in 2026.

Samlet varig ændring 0, -300, -1.600, -1.600, -1.600, -1.600; Samlet økonomisk påvirkning
0, 1.700, -600, -1.600, ... cumulated from 2025: 1.700, 1.100, -500: payback 3 år (2027).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core import calc, whatif
from gevinst.core.assumptions import Assumption, Assumptions, Period
from gevinst.core.effects import Effect, Param, PhaseIn, PhaseInProfile
from gevinst.core.errors import InputError
from gevinst.core.model import (
    ByKey,
    Catalog,
    CatalogGroup,
    CatalogRow,
    CatalogTable,
    Key,
    LineKind,
    Parts,
    Proposal,
)
from gevinst.core.series import Series
from gevinst.core.whatif import Changes, _rebooked
from tests.core.builders import PROFILE, line, proposal, series

D = Decimal
EFF, IMPL = LineKind.EFFICIENCY, LineKind.IMPLEMENTATION
START = dt.date(2024, 1, 1)

ASSUMPTIONS = Assumptions(
    [
        Assumption("timenorm", "årstimenorm", "timer", (Period(START, D(1200), "testnorm"),)),
        Assumption("overhead", "overhead pr. årsværk", "t.kr.", (Period(START, D(40)),)),
        Assumption("rente", "diskonteringsrente", "andel", (Period(START, D("0.035")),)),
    ]
)
MUNI = replace(PROFILE, assumptions=ASSUMPTIONS)


def value(name: str, v: int | tuple[int, ...]) -> Param:
    return Param(name, tuple(D(x) for x in v) if isinstance(v, tuple) else D(v))


def time_saving() -> Effect:
    return Effect(
        "e1",
        "time_saving",
        {
            "cases": value("cases", (6000,)),
            "minutes": value("minutes", (12,)),
            "hour_norm": Param("hour_norm", assumption="timenorm"),
            "wage": value("wage", 560),
            "overhead": Param("overhead", assumption="overhead"),
        },
        phase=PhaseIn(PhaseInProfile.FROM_MID_YEAR, start=2025),
    )


def fte() -> Effect:
    return Effect(
        "e2",
        "fte",
        {"fte": value("fte", 2), "price": value("price", 500)},
        phase=PhaseIn(PhaseInProfile.FULL, 2026),
    )


def example(e1: Series | None = None) -> Proposal:
    key = Key("k", "test", "counts", {"ØKF": D(1), "TMF": D(2), "SOF": D(1)})
    p = proposal(
        line("e1", EFF, e1 or series(0, -300, -600, -600, -600, -600)),
        line("e2", EFF, series(0, 0, -1000, -1000, -1000, -1000), booking=ByKey("k")),
        line("i1", IMPL, series(0, 2000, 1000), area="Anlæg"),
        keys={"k": key},
    )
    return replace(p, effects=(time_saving(), fte()))


def test_without_changes_the_basis_reproduces_the_example() -> None:
    p = example()
    before = whatif.apply(p, MUNI, Changes())
    assert before.lines == p.lines
    c = whatif.compare(p, MUNI, Changes())
    assert not c.changed and c.notes == ()
    assert calc.payback(before, "total") == calc.Payback(3, 2027)


def test_a_shared_assumption_changes_lines_figures_payback_and_committees() -> None:
    # årstimenorm 1.200 -> 2.400: 1.200 hours are 0,5 ÅV × 600 = 300 t.kr. a year;
    # e1: 2025 -150, from 2026 -300. Varig ændring 0, -150, -1.300, -1.300, ...
    # påvirkning 0, 1.850, -300, -1.300: cumulated 1.850, 1.550, 250, -1.050: 4 år (2028).
    c = whatif.compare(example(), MUNI, Changes(assumptions={"timenorm": D(2400)}))
    assert c.described == ("årstimenorm (timenorm): 1.200 → 2.400 timer",)
    figures = {f.key: f for f in c.figures}
    assert figures["varig"].after == series(0, -150, -1300, -1300, -1300, -1300)
    assert figures["varig"].difference == series(0, 150, 300, 300, 300, 300)
    assert figures["impact"].after == series(0, 1850, -300, -1300, -1300, -1300)
    assert not figures["impl"].changed
    total = {pb.basis: pb for pb in c.paybacks}["total"]
    assert (total.before, total.after) == (calc.Payback(3, 2027), calc.Payback(4, 2028))
    assert [f.key for f in c.lines if f.changed] == ["e1"]
    # only ØU carries e1; TMU and SU keep e2's shares
    committees = {f.key: f for f in c.committees}
    assert committees["ØU"].difference == series(0, 150, 300, 300, 300, 300)
    assert committees["ØU"].after == series(0, -150, -550, -550, -550, -550)
    assert not committees["TMU"].changed and not committees["SU"].changed
    assert c.profile_after.assumptions.value("timenorm", dt.date(2025, 1, 1)) == D(2400)


def test_an_effect_parameter_and_a_shift() -> None:
    # e2.fte 2 -> 3: 1.500 a year from 2026; e1 shifted a year: 2026 -300, from 2027 -600
    changes = Changes(params={("e2", "fte"): D(3)}, shifts={"e1": 1})
    after = whatif.apply(example(), MUNI, changes)
    assert after.line("e1").amounts == series(0, 0, -300, -600, -600, -600)
    assert after.line("e2").amounts == series(0, 0, -1500, -1500, -1500, -1500)
    described = whatif.compare(example(), MUNI, changes).described
    assert described == ("e2.fte: 2 → 3", "indfasningen af e1 flyttes +1 år")


def test_a_phase_in_from_the_first_year_shifts_too() -> None:
    # a phase-in without a start begins in 2024; one year later it begins in 2025
    p = replace(example(), effects=(time_saving(), replace(fte(), phase=PhaseIn())))
    after = whatif.apply(p, MUNI, Changes(shifts={"e2": 1}))
    assert after.line("e2").amounts == series(0, -1000, -1000, -1000, -1000, -1000)


def test_a_split_printed_unit_by_unit_follows_the_line() -> None:
    # parts ØU 25 % and TMU 75 % of -100 from 2025; the price doubled gives -50 / -150;
    # shifted a year earlier, 2024 had no parts, so all years' parts (125 : 375) split it
    parts = Parts(
        {"ØU": series(0, -25, -25, -25, -25, -25), "TMU": series(0, -75, -75, -75, -75, -75)}
    )
    p = replace(
        proposal(line("e3", EFF, series(0, -100, -100, -100, -100, -100), booking=parts)),
        effects=(
            Effect(
                "e3",
                "fte",
                {"fte": value("fte", 1), "price": value("price", 100)},
                phase=PhaseIn(start=2025),
            ),
        ),
    )
    doubled = whatif.apply(p, MUNI, Changes(params={("e3", "price"): D(200)}))
    booking = doubled.line("e3").booking
    assert isinstance(booking, Parts)
    assert booking.parts["ØU"] == series(0, -50, -50, -50, -50, -50)
    assert booking.parts["TMU"] == series(0, -150, -150, -150, -150, -150)
    earlier = whatif.apply(p, MUNI, Changes(shifts={"e3": -1})).line("e3").booking
    assert isinstance(earlier, Parts)
    assert (earlier.parts["ØU"][2024], earlier.parts["TMU"][2024]) == (D(-25), D(-75))


def test_a_line_its_basis_does_not_reproduce_is_noted() -> None:
    c = whatif.compare(example(series(0, -299, -600, -600, -600, -600)), MUNI, Changes())
    assert c.notes == (
        "Grundlaget for linje e1 giver ikke forslagets beløb (2025: -300 mod angivet -299); "
        "før-tallene her er grundlagets",
    )
    assert not c.changed


def test_an_assumption_the_basis_does_not_use_changes_nothing() -> None:
    c = whatif.compare(example(), MUNI, Changes(assumptions={"rente": D("0.04")}))
    assert not c.changed
    assert c.described[0].endswith("indgår ikke i forslagets beregningsgrundlag")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (Changes(assumptions={"nope": D(1)}), "ukendt antagelse 'nope'"),
        (Changes(shifts={"e9": 1}), "linjen 'e9' findes ikke i T1"),
        (Changes(shifts={"i1": 1}), "linjen 'i1' i T1 har intet beregningsgrundlag"),
        (Changes(params={("e2", "x"): D(1)}), "linjen 'e2' har ingen parameter 'x'"),
        (Changes(params={("e1", "cases"): D(1)}), "parameteren e1.cases har 1 tal"),
        (Changes(params={("e2", "fte"): (D(1), D(2))}), "parameteren e2.fte har 1 tal"),
        (Changes(assumptions={"timenorm": D(0)}), "deler med nul"),
    ],
)
def test_bad_input_is_a_danish_message(changes: Changes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        whatif.compare(example(), MUNI, changes)


def test_sensitivity_by_hand() -> None:
    # årstimenorm 1.200 ± 10 %: 1.080 gives 1.200 / 1.080 × 600 = 666,7 -> e1 -667, varig
    # virkning -1.667; 1.320 gives 545,5 -> -545, varig virkning -1.545.
    # overhead 40 + 10 % = 44: 1 ÅV × 604 -> -1.604.  e2.fte 2 - 10 % = 1,8: 900 -> -1.500.
    s = whatif.sensitivity(example(), MUNI, (-10, 10))
    rows = {r.input.name: r for r in s.rows}
    assert list(rows) == [
        "timenorm",
        "overhead",
        "e1.cases",
        "e1.minutes",
        "e1.wage",
        "e2.fte",
        "e2.price",
    ]
    assert s.base.steady_state == D(-1600)
    assert rows["timenorm"].points[-10].steady_state == D(-1667)
    assert rows["timenorm"].points[10].steady_state == D(-1545)
    assert rows["overhead"].points[10].steady_state == D(-1604)
    assert rows["e2.fte"].points[-10].steady_state == D(-1500)
    # a list parameter changes every number: 6.000 × 1,1 = 6.600 cases, 1,1 ÅV: 660
    assert rows["e1.cases"].points[10].value == (D(6600),)
    assert rows["e1.cases"].points[10].steady_state == D(-1660)


def test_three_point_by_hand() -> None:
    # årstimenorm 1.000 / 1.200 / 2.400 gives e1 720 / 600 / 300 t.kr. a year, varig
    # virkning -1.720 / -1.600 / -1.300. PERT: (-1.720 + 4 × -1.600 - 1.300) / 6 = -1.570.
    # low: påvirkning 0, 1.640, -720: cumulated 1.640, 920, -800: 3 år (2027).
    t = whatif.three_point(example(), MUNI, "timenorm", D(1000), D(1200), D(2400))
    assert [pt.steady_state for pt in (t.low, t.likely, t.high)] == [D(-1720), D(-1600), D(-1300)]
    assert t.expected_steady_state == D(-1570)
    assert t.low.payback_total == calc.Payback(3, 2027)
    assert t.high.payback_total == calc.Payback(4, 2028)


def test_three_point_refuses_what_it_cannot_estimate() -> None:
    p = example()
    with pytest.raises(InputError, match="værdierne skal stige"):
        whatif.three_point(p, MUNI, "timenorm", D(3), D(2), D(1))
    with pytest.raises(InputError, match="indgår ikke i T1s beregningsgrundlag"):
        whatif.three_point(p, MUNI, "rente", D(0), D(1), D(2))
    with pytest.raises(InputError, match="er en liste"):
        whatif.three_point(p, MUNI, "e1.cases", D(0), D(1), D(2))


def catalog(*proposals: Proposal) -> Catalog:
    row = CatalogRow("1", "T1", "Testforslag", Series(), None, "")
    table = CatalogTable(
        "catalog-1", "Tabel 1", (2025, 2026), (CatalogGroup("ØU", (row,)),), None, None
    )
    return Catalog("test", "Test", "Testkommune", "B2025", 2025, MUNI, proposals, (table,))


def test_catalog_wide_only_proposals_using_the_assumption_and_the_catalog_tables() -> None:
    # T2 has no basis; T1's contribution (positive) falls from 300, 1.600 to 150, 1.300
    other = replace(example(), id="T2", effects=())
    impact = whatif.impact_of_assumptions(catalog(example(), other), {"timenorm": D(2400)})
    assert [c.before.id for c in impact.proposals] == ["T1"]
    (table,) = impact.tables
    assert table.before == Series({2025: D(300), 2026: D(1600)})
    assert table.after == Series({2025: D(150), 2026: D(1300)})
    assert (table.steady_before, table.steady_after) == (D(1600), D(1300))
    with pytest.raises(InputError, match="ukendt antagelse"):
        whatif.impact_of_assumptions(catalog(example()), {"nope": D(1)})


@given(st.integers(min_value=600, max_value=4000), st.integers(min_value=-2, max_value=2))
def test_committees_add_up_to_the_permanent_change(norm: int, shift: int) -> None:
    """Whatever changes, the split on committees adds up to Samlet varig ændring."""
    c = whatif.compare(
        example(), MUNI, Changes(assumptions={"timenorm": D(norm)}, shifts={"e2": shift})
    )
    varig = {f.key: f for f in c.figures}["varig"].after
    assert calc.column_total({f.key: f.after for f in c.committees}) == varig


@given(st.sampled_from([-50, -25, -10, 0, 10, 25, 50]))
def test_scaling_a_linear_parameter_scales_its_line(pct: int) -> None:
    """e2 is fte × price: changing fte by pct % changes e2 by pct % of 1.000."""
    s = whatif.sensitivity(example(), MUNI, (pct,))
    row = next(r for r in s.rows if r.input.name == "e2.fte")
    assert row.points[pct].steady_state == D(-1600) - D(10) * pct


def test_a_printed_split_keeps_its_signs_when_rescaled() -> None:
    # a saving of -100 split as ØKF -150 and TMF +50 (TMF pays part back); doubled to -200
    # the split stays -300 / +100, not -150 / -50 as a split by sizes would make it
    parts = Parts({"ØKF": series(0, -150), "TMF": series(0, 50)})
    old = line("e", LineKind.EFFICIENCY, series(0, -100), booking=parts)
    new = _rebooked(old, series(0, -200))
    assert isinstance(new.booking, Parts)
    assert {u: s[2025] for u, s in new.booking.parts.items()} == {"ØKF": -300, "TMF": 100}


def test_a_model_of_two_lines_moves_the_first_and_keeps_the_second() -> None:
    # a centralisation (19 -> 12 FTE at 600) explains e (-11.400) and d (+7.200) together:
    # the model gives the net -4.200; at 700 it is -4.900, all of the change on line e
    p = proposal(
        line("e", EFF, series(0, -11400)),
        line("d", LineKind.OPERATING_COST, series(0, 7200)),
    )
    effect = Effect(
        "e",
        "centralisation",
        {
            "fte_before": Param("fte_before", D(19)),
            "fte_after": Param("fte_after", D(12)),
            "price": Param("price", D(600)),
        },
        also=("d",),
    )
    p = replace(p, effects=(effect,))
    before = whatif.apply(p, PROFILE, Changes())
    after = whatif.apply(p, PROFILE, Changes(params={("e", "price"): D(700)}))
    assert before.line("e").amounts[2025] == -11400 and before.line("d").amounts[2025] == 7200
    assert after.line("e").amounts[2025] == -12100 and after.line("d").amounts[2025] == 7200
