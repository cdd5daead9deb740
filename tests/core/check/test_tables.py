# SPDX-License-Identifier: MPL-2.0
"""The stated tables beside Tabel 1 on small proposals: the technical tables A to E and the
distribution (2.1) against what the lines distribute, the printed C = A + B, the
administration's total and a table's own price basis."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gevinst.core import calc
from gevinst.core.check.compare import KEY_ROUNDING
from gevinst.core.check.tables import (
    NOTHING_MOVES,
    PRICE_BASIS,
    check_admin,
    check_c_is_a_plus_b,
    check_price_bases,
    check_technical,
)
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import AdminRow, Line, LineKind, Proposal, Stated, StatedTable, ToUnit
from gevinst.core.series import Series
from tests.core.builders import PROFILE, YEARS, line, proposal, series

D = Decimal
EFF, COST, IMPL = LineKind.EFFICIENCY, LineKind.OPERATING_COST, LineKind.IMPLEMENTATION
SAVE_100 = series(0, -100, -100, -100, -100, -100)
SAVE_50 = series(0, -50, -50, -50, -50, -50)


def two_units() -> Proposal:
    """Saves 100 a year at ØU and 50 at TMU, from 2025; nothing is placed elsewhere, so
    Tabel B is empty and C is A."""
    return proposal(
        line("e1", EFF, SAVE_100),
        line("e2", EFF, SAVE_50, booking=ToUnit("TMU")),
    )


def stating(p: Proposal, **tables: StatedTable) -> Proposal:
    return replace(p, stated=Stated(technical=tables))


def table(rows: Mapping[str, Series], total: Series | None = None) -> StatedTable:
    return StatedTable(rows=rows, total=total)


def findings(p: Proposal) -> list[Finding]:
    return list(check_technical(p, PROFILE))


def test_a_table_as_computed_has_no_findings() -> None:
    a = table({"ØU": SAVE_100, "TMU": SAVE_50}, total=SAVE_100 + SAVE_50)
    assert findings(stating(two_units(), A=a, C=a)) == []


def test_a_row_off_by_one_and_the_printed_total_that_no_longer_adds_up() -> None:
    rounded = table(
        {"ØU": series(0, -99, -100, -100, -100, -100), "TMU": SAVE_50}, SAVE_100 + SAVE_50
    )
    row, printed = findings(stating(two_units(), A=rounded))
    assert (row.table, row.row, row.year, row.rule) == ("A", "ØU", 2025, "table-A")
    assert (row.stated, row.computed, row.severity) == (D(-99), D(-100), Severity.WARNING)
    assert row.message == (
        "Tabel A (måltalseffekt), Økonomiudvalget, 2025: angivet -99, beregnet -100 "
        f"(forskel 1; afrundingsforskel: {KEY_ROUNDING})"
    )
    assert (printed.table, printed.row, printed.year) == ("A", "total", 2025)
    assert (printed.rule, printed.severity) == ("printed-total", Severity.WARNING)
    assert "i forslaget er totalen -150, men forslagets rækker giver -149" in printed.message


def test_a_row_that_differs_is_an_error_with_the_lines_distribution_as_reason() -> None:
    wrong = table({"ØU": series(0, -120, -100, -100, -100, -100), "TMU": SAVE_50})
    [f] = findings(stating(two_units(), A=wrong))
    assert (f.table, f.row, f.year, f.severity) == ("A", "ØU", 2025, Severity.ERROR)
    assert "det beregnede tal er det, forslagets linjer fordeler til rækken" in f.message


def test_a_unit_the_table_leaves_out() -> None:
    found = findings(stating(two_units(), A=table({"ØU": SAVE_100})))
    assert [(f.row, f.year) for f in found] == [("TMU", y) for y in YEARS[1:]]
    assert {f.rule for f in found} == {"table-A"}
    assert "forslagets tabel har ingen række her; forslagets linjer giver -50" in found[0].message


def test_a_total_that_is_not_the_sum_of_the_computed_rows() -> None:
    total = series(0, -160, -150, -150, -150, -150)
    computed, printed = findings(
        stating(two_units(), A=table({"ØU": SAVE_100, "TMU": SAVE_50}, total))
    )
    assert (computed.row, computed.year, computed.rule) == ("total", 2025, "table-A")
    assert "det beregnede tal er summen af de beregnede rækker" in computed.message
    assert (printed.row, printed.year, printed.rule) == ("total", 2025, "printed-total")


def test_tabel_b_stated_where_nothing_moves() -> None:
    own_cost = table({"ØU": series(0, 10)})
    [f] = findings(stating(two_units(), B=own_cost))
    assert (f.table, f.row, f.year, f.rule) == ("B", "ØU", 2025, "table-B")
    assert (f.stated, f.computed) == (D(10), D(0))
    assert f.message.endswith(f"(forskel 10; {NOTHING_MOVES})")


def test_tabel_c_names_a_plus_b_as_its_reason() -> None:
    wrong = table({"ØU": series(0, -90, -100, -100, -100, -100), "TMU": SAVE_50})
    [f] = findings(stating(two_units(), C=wrong))
    assert (f.table, f.row, f.year, f.rule) == ("C", "ØU", 2025, "table-C")
    assert "den beregnede Tabel C er de beregnede Tabel A og Tabel B lagt sammen" in f.message


def test_a_printed_table_left_empty_is_not_compared() -> None:
    assert findings(stating(two_units(), A=table({}))) == []


def test_the_distribution_adds_an_appropriations_row_to_its_committee() -> None:
    p = proposal(*two_units().lines, line("e3", EFF, series(0, -40), booking=ToUnit("KIT")))
    printed = {"Økonomiudvalget": SAVE_100, "Koncern IT": series(0, -40), "TMU": SAVE_50}
    assert findings(replace(p, stated=Stated(distribution=table(printed)))) == []
    [f] = findings(replace(p, stated=Stated(distribution=table({"ØU": SAVE_100, "TMU": SAVE_50}))))
    assert (f.table, f.row, f.year, f.rule) == ("2.1", "ØU", 2025, "table-2.1")
    assert (f.stated, f.computed, f.severity) == (D(-100), D(-140), Severity.ERROR)
    assert f.message.startswith("Tabel 2.1 (fordeling på udvalg), Økonomiudvalget, 2025")


def test_the_distribution_with_implementation_costs() -> None:
    p = proposal(line("e1", EFF, SAVE_100), line("i", IMPL, series(300), booking=ToUnit("TMU")))
    without = {"ØU": SAVE_100}
    assert findings(replace(p, stated=Stated(distribution=table(without)))) == []
    including = replace(table(without), includes_implementation=True)
    [f] = findings(replace(p, stated=Stated(distribution=including)))
    assert (f.row, f.year, f.computed) == ("TMU", 2024, D(300))


def unbooked() -> Line:
    return replace(line("e", EFF, SAVE_100), booking=None)


def test_a_line_without_booking_stops_the_tables() -> None:
    p = stating(proposal(unbooked()), A=table({"ØU": series(0, -1)}))
    [f] = findings(p)
    assert (f.table, f.row, f.year, f.rule) == ("A", None, None, "booking-missing")
    assert f.severity is Severity.ERROR
    assert (
        f.message == "Mindst én linje har ingen fordeling på udvalg; tabellerne kan ikke beregnes"
    )
    # no stated table, nothing to compute: the missing booking is not a finding of its own
    assert findings(proposal(unbooked())) == []


def test_an_implementation_cost_outside_anlaeg_and_service() -> None:
    p = proposal(line("i", IMPL, series(300), area="Efterspørgselsstyret"))
    [f] = findings(p)
    assert (f.table, f.row, f.year, f.rule) == ("1", "i", None, "implementation-area")
    assert f.severity is Severity.WARNING
    assert f.message == (
        "Implementeringsomkostningen 'i' er på Efterspørgselsstyret styringsområde; "
        "Tabel D og E fordeler kun Anlæg og Service"
    )
    assert (
        "på intet styringsområde"
        in findings(proposal(line("i", IMPL, series(300), area=None)))[0].message
    )
    assert findings(proposal(line("i", IMPL, series(300), area="Anlæg"))) == []


def test_printed_c_must_be_printed_a_plus_b() -> None:
    a = table({"ØU": SAVE_100})
    b = table({"ØU": series(0, 10, 10, 10, 10, 10)})
    c = table({"ØU": series(0, -100, -90, -90, -90, -90)})
    [f] = check_c_is_a_plus_b(stating(two_units(), A=a, B=b, C=c), PROFILE)
    assert (f.table, f.row, f.year, f.rule) == ("C", "ØU", 2025, "C=A+B")
    assert (f.stated, f.computed, f.severity) == (D(-100), D(-90), Severity.ERROR)
    assert f.message == (
        "Tabel C, Økonomiudvalget, 2025: i forslaget er Tabel C -100, men forslagets "
        "Tabel A + Tabel B giver -90"
    )
    # B not filled in: the printed tables are not held to C = A + B
    assert list(check_c_is_a_plus_b(stating(two_units(), A=a, B=table({}), C=c), PROFILE)) == []


def test_the_administrations_total() -> None:
    rows = (AdminRow("ØKF", series(0, -30)), AdminRow("TMF", series(0, -20)))
    p = replace(two_units(), admin_rows=rows)
    assert list(check_admin(replace(p, stated=Stated(admin_total=series(0, -50))))) == []
    [f] = check_admin(replace(p, stated=Stated(admin_total=series(0, -51))))
    assert (f.table, f.row, f.year, f.rule) == ("admin", "total", 2025, "admin-sum")
    assert (f.stated, f.computed, f.severity) == (D(-51), D(-50), Severity.WARNING)
    assert f.message.startswith("Varige ændringer totalt, administration, 2025: angivet -51")


def test_a_table_printed_under_another_price_level() -> None:
    def printed_in(basis: str) -> Proposal:
        return stating(two_units(), A=replace(table({"ØU": SAVE_100}), price_basis=basis))

    [f] = check_price_bases(printed_in("1.000 kr. 2026 p/l"))
    assert (f.table, f.row, f.year, f.rule) == ("A", PRICE_BASIS, None, "table-price-basis")
    assert (f.stated, f.computed, f.severity) == (
        "1.000 kr. 2026 p/l",
        "1.000 kr. 2025 p/l",
        Severity.WARNING,
    )
    assert f.message == (
        "Tabel A (måltalseffekt), prisniveau: tabellen angiver 1.000 kr. 2026 p/l, men dens "
        "tal er forslagets egne i 2025 p/l (ikke omregnet)"
    )
    assert list(check_price_bases(printed_in("1.000 kr. 2025 p/l"))) == []
    assert list(check_price_bases(printed_in("1.000 kr."))) == []


UNITS = ("ØU", "TMU", "SU", "KIT")
amounts = st.lists(st.integers(-3000, 3000), min_size=len(YEARS), max_size=len(YEARS))
lines = st.lists(
    st.tuples(
        st.sampled_from((EFF, COST, IMPL)),
        amounts,
        st.sampled_from(UNITS),
        st.sampled_from((None, *UNITS)),
        st.sampled_from(("Service", "Anlæg")),
    ),
    min_size=1,
    max_size=5,
)


@given(lines, st.booleans())
def test_tables_stated_as_computed_have_no_findings(
    drawn: list[tuple[LineKind, list[int], str, str | None, str]], implementation: bool
) -> None:
    p = proposal(
        *(
            line(f"l{i}", kind, series(*a), area=area, booking=ToUnit(unit), placed=placed)
            for i, (kind, a, unit, placed, area) in enumerate(drawn)
        )
    )
    technical = {
        t: table(rows, calc.column_total(rows))
        for t, compute in calc.TECHNICAL_TABLES.items()
        for rows in [compute(p, PROFILE)]
    }
    distribution = calc.distribution(p, PROFILE, implementation)
    stated = Stated(
        technical=technical,
        distribution=replace(table(distribution), includes_implementation=implementation),
    )
    p = replace(p, stated=stated)
    assert findings(p) == []
    assert list(check_c_is_a_plus_b(p, PROFILE)) == []
