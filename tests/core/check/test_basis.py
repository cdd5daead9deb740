# SPDX-License-Identifier: MPL-2.0
"""The calculation basis on small proposals: an effect model against its line, a model that
cannot be computed, a value it assumed, a permanent line no model explains, and a printed
basis table's own totals."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.check.basis import check_basis_table, check_effects
from gevinst.core.effects import Effect, Param, evaluate
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import BasisRow, BasisTable, LineKind, Proposal, TotalRow
from gevinst.core.series import Series
from tests.core.builders import PROFILE, YEARS, line, proposal, series

D = Decimal
EFF, IMPL = LineKind.EFFICIENCY, LineKind.IMPLEMENTATION
TWO_FTE = {"fte": Param("fte", value=D(2)), "price": Param("price", value=D(100))}


def explained(amounts: Series, params: dict[str, Param] = TWO_FTE) -> Proposal:
    """A line explained by two FTE at 100 (1.000 kr.) each: a saving of 200 a year."""
    return replace(proposal(line("e", EFF, amounts)), effects=(Effect("e", "fte", params),))


def findings(p: Proposal) -> list[Finding]:
    return list(check_effects(p, PROFILE))


def test_a_line_as_its_model_gives_it_has_no_finding() -> None:
    assert findings(explained(series(-200, -200, -200, -200, -200, -200))) == []


def test_a_line_that_differs_from_its_model() -> None:
    one_off, wrong = findings(explained(series(-200, -199, -200, -200, -200, -150)))
    assert (one_off.table, one_off.row, one_off.year, one_off.rule) == (
        "basis",
        "e",
        2025,
        "basis-model",
    )
    assert (one_off.stated, one_off.computed, one_off.severity) == (
        D(-199),
        D(-200),
        Severity.WARNING,
    )
    assert one_off.message == (
        "Grundlaget for 'e' (årsværk), 2025: angivet -199, beregnet -200 "
        "(forskel 1; afrundingsforskel)"
    )
    assert (wrong.year, wrong.severity) == (2029, Severity.ERROR)


def test_a_model_that_cannot_be_computed() -> None:
    [f] = findings(explained(series(-200), {"fte": Param("fte", value=D(2))}))
    assert (f.table, f.row, f.year, f.rule) == ("basis", "e", None, "basis-error")
    assert f.severity is Severity.ERROR
    assert f.message == (
        "Grundlaget for 'e' (årsværk) kan ikke beregnes: modellen 'fte' mangler parametrene price"
    )


def test_an_unknown_shared_assumption_cannot_be_computed() -> None:
    params = {**TWO_FTE, "price": Param("price", assumption="ukendt")}
    [f] = findings(explained(series(-200), params))
    assert (f.rule, f.severity) == ("basis-error", Severity.ERROR)


def test_a_value_the_model_assumes() -> None:
    params = {**TWO_FTE, "price": Param("price", value=D(100), source="skønnet", assumed=True)}
    [f] = findings(explained(series(-200, -200, -200, -200, -200, -200), params))
    assert (f.table, f.row, f.year, f.rule) == ("basis", "e", None, "basis-assumed")
    assert f.severity is Severity.INFO
    assert f.message == (
        "Grundlaget for 'e' (årsværk): parameteren 'price' er ikke oplyst i forslaget (skønnet)"
    )


def test_a_permanent_line_no_model_explains() -> None:
    [f] = findings(proposal(line("e", EFF, series(0, -100)), line("i", IMPL, series(50))))
    assert (f.table, f.row, f.year, f.rule) == ("basis", "e", None, "basis-missing")
    assert f.severity is Severity.INFO
    assert f.message.startswith("Beregningsgrundlaget for 'e' er ikke udtrykt som en model")
    unexplained = proposal(line("e", EFF, series(0, -100)))
    assert findings(replace(unexplained, catalog_entry_only=True)) == []


@given(st.integers(0, 50), st.integers(0, 2000))
def test_a_line_written_as_its_model_gives_it_has_no_findings(fte: int, price: int) -> None:
    params = {"fte": Param("fte", value=D(fte)), "price": Param("price", value=D(price))}
    effect = Effect("e", "fte", params)
    modelled = evaluate(effect, YEARS, PROFILE.assumptions, proposal().assumptions_date).series
    p = replace(proposal(line("e", EFF, modelled)), effects=(effect,))
    assert findings(p) == []


FORTY = D(40)


def basis_table(
    loen: int, samlet_2026: int, samlet: Decimal | str = FORTY, total_rows: bool = True
) -> BasisTable:
    """Løn and Drift by year with an "I alt" column, and "Samlet" adding them up (where
    ``total_rows``); ``loen`` is Løn's "I alt", ``samlet`` Samlet's."""
    return BasisTable(
        id="i",
        title="Tabel i",
        columns=("2025", "2026", "I alt"),
        rows=(
            BasisRow("Løn", {"2025": D(10), "2026": D(20), "I alt": D(loen)}),
            BasisRow("Drift", {"2025": D(5), "2026": D(5), "I alt": D(10)}),
            BasisRow("Samlet", {"2025": D(15), "2026": D(samlet_2026), "I alt": samlet}),
        ),
        total_column="I alt",
        total_rows=(TotalRow("Samlet", ("Løn", "Drift")),) if total_rows else (),
    )


def test_a_basis_table_that_adds_up_has_no_findings() -> None:
    assert list(check_basis_table(proposal(), basis_table(30, 25))) == []


@pytest.mark.parametrize(("total", "severity"), [(31, Severity.WARNING), (33, Severity.ERROR)])
def test_a_row_whose_total_column_is_not_its_sum(total: int, severity: Severity) -> None:
    [f] = check_basis_table(proposal(), basis_table(total, 25, total_rows=False))
    assert (f.table, f.row, f.year, f.rule) == ("basis", "i: Løn", None, "basis-row-total")
    assert (f.stated, f.computed, f.severity) == (D(total), D(30), severity)
    assert f.message == f"Tabel i, 'Løn': I alt er {total}, men kolonnerne giver 30"


def test_a_text_where_a_total_stands_is_not_compared() -> None:
    assert list(check_basis_table(proposal(), basis_table(30, 25, samlet="se note"))) == []


def test_a_total_row_that_is_not_the_sum_of_its_rows() -> None:
    row_total, column_total = check_basis_table(proposal(), basis_table(30, 24))
    # the row "Samlet" no longer adds up across, and its 2026 not down
    assert (row_total.row, row_total.rule) == ("i: Samlet", "basis-row-total")
    assert (column_total.table, column_total.row, column_total.rule) == (
        "basis",
        "i: Samlet",
        "basis-column-total",
    )
    assert (column_total.stated, column_total.computed) == (D(24), D(25))
    assert column_total.severity is Severity.WARNING
    assert column_total.message == "Tabel i, 'Samlet', 2026: angivet 24, men rækkerne giver 25"
