# SPDX-License-Identifier: MPL-2.0
"""The calculations, proved by worked examples from the seed and by invariants."""

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gevinst.core import calc
from gevinst.core.distribute import apportion
from gevinst.core.model import BudgetMove, ByKey, Key, LineKind, Parts, Proposal, ToUnit
from gevinst.core.series import Series
from tests.core.builders import PROFILE, YEARS, line, proposal, series

D = Decimal
EFF, COST, IMPL = LineKind.EFFICIENCY, LineKind.OPERATING_COST, LineKind.IMPLEMENTATION


def bc01_like() -> Proposal:
    """BC01's Tabel 1: three efficiencies on Service, implementation on Anlæg."""
    return proposal(
        line("e1", EFF, series(0, -149, -297, -297, -297, -297)),
        line("e2", EFF, series(0, -148, -297, -297, -297, -297)),
        line("e3", EFF, series(0, 0, -550, -880, -880, -880)),
        line("i1", IMPL, series(0, 750, 750), area="Anlæg"),
        line("i2", IMPL, series(0, 1250, 1500), area="Anlæg"),
    )


def test_bc01_table_1() -> None:
    p = bc01_like()
    assert calc.permanent(p) == series(0, -297, -1144, -1474, -1474, -1474)
    assert calc.permanent(p, "Service") == calc.permanent(p)
    assert calc.implementation(p, "Anlæg") == series(0, 2000, 2250)
    assert calc.implementation(p, "Service").is_zero()
    assert calc.impact(p) == series(0, 1703, 1106, -1474, -1474, -1474)
    assert calc.steady_state(p) == D(-1474)


def test_bc01_payback_is_4_years_in_2028() -> None:
    # cumulative from 2025 (the first year with an amount): 1.703, 2.809, 1.335, -139
    result = calc.payback(bc01_like(), "total")
    assert result == calc.Payback(years=4, year=2028)
    assert str(result) == "4 år (2028)"


def test_payback_carries_the_last_permanent_change_beyond_the_table() -> None:
    # Forslag 2's Tabel 1: impact 700, 9.800, 8.000, 7.400, -4.500, -4.500 (2024-2029);
    # the cumulative 16.900 in 2029 is paid back by -4.500 a year in 2033: 10 years
    p = proposal(
        line("e", EFF, series(0, -1200, -1200, -1800, -4500, -4500)),
        line("i", IMPL, series(700, 11000, 9200, 9200)),
    )
    assert calc.payback(p, "total") == calc.Payback(years=10, year=2033)


def test_no_payback_when_nothing_is_saved() -> None:
    p = proposal(line("i", IMPL, series(0, 100)), line("c", COST, series(0, 10, 10, 10, 10, 10)))
    assert calc.payback(p, "total") is None


def test_service_basis_leaves_out_other_permanent_areas() -> None:
    p = proposal(
        line("s", EFF, series(0, -100, -100, -100, -100, -100)),
        line("o", EFF, series(0, -900, -900, -900, -900, -900), area="Anlæg"),
        line("i", IMPL, series(1000)),
    )
    assert calc.payback(p, "service") == calc.Payback(years=11, year=2034)
    assert calc.payback(p, "total") == calc.Payback(years=2, year=2025)


def f4_like() -> Proposal:
    """Forslag 4: a shared system cost placed at TMU, an existing budget moved from KIT."""
    return proposal(
        line(
            "eff",
            EFF,
            series(0, -910, -2455, -2455, -2455, -2455),
            booking=Parts(
                {
                    "ØKF": series(0, -455, -455, -455, -455, -455),
                    "TMF": series(0, -455, -2000, -2000, -2000, -2000),
                }
            ),
        ),
        line("sys", COST, series(0, 345, 345, 345, 345, 345), booking=ByKey("sys"), placed="TMU"),
        line("adapt", COST, series(0, 0, 250, 250, 250, 250), booking=ToUnit("TMF"), placed="TMU"),
        keys={"sys": Key("sys", "", "shares", {"ØKF": D(25), "TMF": D(75)})},
        moves=(BudgetMove("KIT", "TMU", series(0, 300, 300, 300, 300, 300)),),
    )


def test_f4_tables_a_b_c_match_the_seed() -> None:
    p = f4_like()
    a, b, c = (f(p, PROFILE) for f in (calc.table_a, calc.table_b, calc.table_c))
    assert a["ØU"] == series(0, -369, -369, -369, -369, -369)
    assert a["TMU"] == series(0, -196, -1491, -1491, -1491, -1491)
    assert b == {
        "ØU": series(0, -86, -86, -86, -86, -86),
        "TMU": series(0, 386, 386, 386, 386, 386),
        "Koncern IT": series(0, -300, -300, -300, -300, -300),
    }
    assert c["ØU"] == series(0, -455, -455, -455, -455, -455)
    assert c["TMU"] == series(0, 190, -1105, -1105, -1105, -1105)
    assert calc.column_total(c) == series(0, -565, -1860, -1860, -1860, -1860)


def test_shares_within_the_placing_committee_are_not_moved() -> None:
    # BC02: net income placed at Københavns Ejendomme (under ØU); ØU's own share stays
    p = proposal(
        line("inc", LineKind.INCOME, series(0, -100), booking=ByKey("k"), placed="KIT"),
        keys={"k": Key("k", "", "amounts", {"ØKF": D(1), "TMF": D(1)})},
    )
    assert calc.table_b(p, PROFILE) == {"TMU": series(0, 50), "Koncern IT": series(0, -50)}


def test_distribution_adds_appropriations_to_their_committee() -> None:
    p = proposal(
        line("e", EFF, series(0, -10), booking=ToUnit("KIT")),
        line("i", IMPL, series(0, 50), area="Anlæg", booking=ToUnit("KIT")),
    )
    assert calc.distribution(p, PROFILE, include_implementation=True) == {"ØU": series(0, 40)}
    assert calc.distribution(p, PROFILE, include_implementation=False) == {"ØU": series(0, -10)}


def test_manko_is_achieved_minus_target() -> None:
    # Forslag 7, Tabel 4: achieved -43.142 against a target of -41.920
    assert calc.manko(Series({2025: D(-43142)}), Series({2025: D(-41920)})) == {2025: D(-1222)}


# --- invariants ---------------------------------------------------------------------------

amounts = st.lists(st.integers(-5000, 5000), min_size=len(YEARS), max_size=len(YEARS)).map(
    lambda xs: series(*xs)
)
units = st.sampled_from(["ØKF", "TMF", "SOF", "KIT"])
bookings = st.one_of(
    units.map(ToUnit),
    st.just(ByKey("k")),
)
kinds = st.sampled_from([EFF, COST, LineKind.INCOME])


areas = st.sampled_from(["Service", "Anlæg"])
placements = st.one_of(st.none(), st.sampled_from(["TMU", "KIT", "SU"]))


@st.composite
def proposals(draw: st.DrawFn) -> Proposal:
    lines = [
        line(f"l{i}", draw(kinds), draw(amounts), draw(areas), draw(bookings), draw(placements))
        for i in range(draw(st.integers(1, 5)))
    ]
    investment = Series({y: abs(a) for y, a in draw(amounts).items()})
    lines.append(line("inv", IMPL, investment, draw(areas), draw(bookings)))
    weights = draw(st.lists(st.integers(0, 1000), min_size=3, max_size=3).filter(any))
    key = Key("k", "", "counts", dict(zip(["ØKF", "TMF", "SOF"], map(D, weights), strict=True)))
    return proposal(*lines, keys={"k": key})


@given(proposals())
def test_impact_is_permanent_plus_implementation(p: Proposal) -> None:
    assert calc.impact(p) == calc.permanent(p) + calc.implementation(p)


@given(proposals())
def test_table_a_sums_to_the_permanent_change(p: Proposal) -> None:
    assert calc.column_total(calc.table_a(p, PROFILE)) == calc.permanent(p)


@given(proposals())
def test_c_is_a_plus_b_and_b_moves_sum_to_zero(p: Proposal) -> None:
    a, b, c = (f(p, PROFILE) for f in (calc.table_a, calc.table_b, calc.table_c))
    for unit in set(a) | set(b):
        assert c[unit] == a.get(unit, Series()) + b.get(unit, Series())
    assert calc.column_total(b).is_zero()


@given(proposals())
def test_d_and_e_sum_to_the_implementation_costs(p: Proposal) -> None:
    assert calc.column_total(calc.table_d(p, PROFILE)) == calc.implementation(p, "Anlæg")
    assert calc.column_total(calc.table_e(p, PROFILE)) == calc.implementation(p, "Service")


@given(proposals(), st.integers(1, 5000), st.sampled_from(YEARS))
def test_payback_is_monotone_in_the_investment(p: Proposal, extra: int, year: int) -> None:
    # with no amount at all there is nothing to pay back, which is not "never"
    assume(calc.impact(p).first_year() is not None)
    more = proposal(*p.lines, line("more", IMPL, Series({year: D(extra)})), keys=dict(p.keys))
    before, after = calc.payback(p, "total"), calc.payback(more, "total")
    if after is not None:
        assert before is not None
        assert after.year >= before.year


def test_payback_is_when_the_cumulative_flow_stays_paid_back() -> None:
    # -100 a year from 2024, 1.000 invested in 2026: cumulative -100, -200, 700, 600, 500,
    # 400 (2029), then -100 a year: 300, 200, 100, 0 in 2033. Not 2024, before the spending.
    p = proposal(
        line("e", EFF, series(-100, -100, -100, -100, -100, -100)),
        line("i", IMPL, series(0, 0, 1000)),
    )
    assert calc.payback(p, "total") == calc.Payback(years=10, year=2033)


def test_payback_reads_the_table_end_from_the_years_not_from_the_amounts() -> None:
    # the last year of the table is 2029 even when the last amounts are zero
    p = proposal(line("e", EFF, series(0, -100, -100)), line("i", IMPL, series(250)))
    assert calc.payback(p, "total") is None  # nothing is saved after 2026
    assert calc.payback_text(None) == "ingen"


def test_unknown_payback_basis_is_refused() -> None:
    with pytest.raises(ValueError, match="ukendt grundlag"):
        calc.payback(bc01_like(), "brutto")


# --- the technical tables' split, row by row, against its definition year by year -----------

written = st.lists(
    st.decimals(-5000, 5000, places=2, allow_nan=False, allow_infinity=False) | st.just(D("-0")),
    min_size=len(YEARS),
    max_size=len(YEARS),
).map(lambda xs: Series(dict(zip(YEARS, xs, strict=True))))
parts = st.dictionaries(units, written, min_size=1, max_size=3).map(Parts)


@st.composite
def split_lines(draw: st.DrawFn) -> Proposal:
    """Lines of written amounts (decimals, a negative zero) booked to a unit, by a key or in
    parts, the key's weights drawn too: every way a line reaches the units."""
    booked = st.one_of(bookings, parts)
    lines = [
        line(f"l{i}", draw(kinds), draw(written), booking=draw(booked))
        for i in range(draw(st.integers(1, 6)))
    ]
    weights = draw(st.lists(st.integers(0, 1000), min_size=3, max_size=3).filter(any))
    key = Key("k", "", "counts", dict(zip(["ØKF", "TMF", "SOF"], map(D, weights), strict=True)))
    return proposal(*lines, keys={"k": key})


def _year_by_year(p: Proposal) -> calc.UnitSeries:
    """apportion_lines as its rule reads: in each year, the lines' exact
    shares added unit by unit in the order the units come, then apportioned."""
    per_year = {}
    for year in p.years:
        exact: dict[str, Decimal] = {}
        for ln in p.lines:
            for unit, share in calc.exact_shares(p, PROFILE, ln, year).items():
                exact[unit] = exact.get(unit, D(0)) + share
        per_year[year] = apportion(exact, PROFILE.money.quantum)
    return {u: Series({y: cut[u] for y, cut in per_year.items()}) for u in per_year[YEARS[0]]}


@given(split_lines())
def test_apportion_lines_row_by_row_is_its_definition_year_by_year(p: Proposal) -> None:
    """The row-at-a-time split gives each unit, in the same order, the amounts the year-at-
    a-time definition gives, each as written (exponent and sign of zero too)."""
    rows, reference = calc.apportion_lines(p, PROFILE, list(p.lines)), _year_by_year(p)
    assert list(rows) == list(reference)
    for unit, amounts in rows.items():
        assert [str(a) for a in amounts.values()] == [str(a) for a in reference[unit].values()]


@given(proposals(), st.sampled_from(list(calc.PAYBACK_BASES)))
def test_payback_from_the_tables_rows_is_the_payback_from_the_lines(
    p: Proposal, basis: str
) -> None:
    """The check counts a payback from Tabel 1's rows it has summed already (Tables.row):
    the same payback as summing the lines for it."""
    assert calc.payback(p, basis, rows=calc.Tables(p, PROFILE)) == calc.payback(p, basis)
