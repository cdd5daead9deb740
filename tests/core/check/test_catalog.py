# SPDX-License-Identifier: MPL-2.0
"""The catalog's own tables on a small catalog: each row against its proposal's own tables
(with the reason the check gives), the proposal's price level, the printed totals against
the printed rows and against the recomputed ones, and the figures stated in words."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.check import check_catalog, check_proposal, summary
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import (
    Catalog,
    CatalogGroup,
    CatalogRow,
    CatalogTable,
    Consultation,
    LineKind,
    Proposal,
    Statement,
)
from gevinst.core.numbers import dk
from gevinst.core.series import Series
from tests.core.builders import catalog, line, proposal, series

D = Decimal
YEARS = (2025, 2026)


def saving_proposal() -> Proposal:
    """Saves 1.000 on Service and 234 on another styringsområde from 2025, for 300 spent
    in 2024; its contribution to the catalog is 1.234 a year, its investment 300."""
    p = proposal(
        line("e1", LineKind.EFFICIENCY, series(0, -1000, -1000, -1000, -1000, -1000)),
        line("e2", LineKind.EFFICIENCY, series(0, -234, -234, -234, -234, -234), area="Anlæg"),
        line("i", LineKind.IMPLEMENTATION, series(300)),
    )
    return replace(p, consultations=(Consultation("Center for Økonomi", "cfo", heard=True),))


def figures(y2025: int, y2026: int) -> Series:
    return Series({2025: D(y2025), 2026: D(y2026)})


CONTRIBUTION = figures(1234, 1234)
SPENT = D(300)


def with_table(
    effect: Series = CONTRIBUTION,
    investment: Decimal | None = SPENT,
    total_effect: Series | None = None,
    total_investment: Decimal | None = None,
    p: Proposal | None = None,
    statements: tuple[Statement, ...] = (),
) -> Catalog:
    row = CatalogRow("1", "T1", "Testforslag", effect, investment, "")
    table = CatalogTable(
        "catalog-1", "Tabel 1", YEARS, (CatalogGroup("ØU", (row,)),), total_effect, total_investment
    )
    return catalog(p or saving_proposal(), tables=(table,), statements=statements)


def catalog_findings(cat: Catalog) -> list[Finding]:
    """The catalog's findings after its proposals' own."""
    own = [f for p in cat.proposals for f in check_proposal(p, cat.profile)]
    found = check_catalog(cat)
    assert found[: len(own)] == own
    return found[len(own) :]


def test_a_table_that_agrees_with_its_proposals_has_no_findings() -> None:
    cat = with_table(total_effect=figures(1234, 1234), total_investment=D(300))
    assert catalog_findings(cat) == []


@pytest.mark.parametrize(
    ("stated", "severity", "reason"),
    [
        (1235, Severity.WARNING, "afrundingsforskel"),
        (
            1000,
            Severity.ERROR,
            "kataloget angiver kun den varige ændring på service (1.000); "
            "forslagets egne tabeller giver 1.234 i alt",
        ),
        (
            1500,
            Severity.ERROR,
            "forslagets egne tabeller giver det beregnede tal, kataloget angiver et andet",
        ),
    ],
)
def test_a_row_against_its_proposal(stated: int, severity: Severity, reason: str) -> None:
    [f] = catalog_findings(with_table(effect=figures(1234, stated)))
    assert (f.proposal, f.table, f.row, f.year, f.rule) == (
        "T1",
        "catalog-1",
        "T1",
        2026,
        "catalog-effect",
    )
    assert (f.stated, f.computed, f.severity) == (D(stated), D(1234), severity)
    assert f.message.startswith(f"Tabel 1, Testforslag, effekt, 2026: angivet {dk(D(stated))},")
    assert f.message.endswith(f"; {reason})")


def test_an_investment_against_its_proposal() -> None:
    [f] = catalog_findings(with_table(investment=D(250)))
    assert (f.table, f.row, f.year, f.rule) == ("catalog-1", "T1", None, "catalog-investment")
    assert (f.stated, f.computed, f.severity) == (D(250), D(300), Severity.ERROR)
    assert f.message == (
        "Tabel 1, Testforslag, samlet investering: angivet 250, beregnet 300 (forslagets "
        "egne tabeller giver det beregnede tal, kataloget angiver et andet)"
    )
    no_investment = replace(saving_proposal(), lines=saving_proposal().lines[:2])
    [g] = catalog_findings(with_table(investment=D(300), p=no_investment))
    assert "ingen investering (ingen implementeringsomkostninger)" in g.message
    # a row printing no investment is not compared
    assert catalog_findings(with_table(investment=None)) == []


def test_a_proposal_in_another_price_level() -> None:
    [f] = catalog_findings(with_table(p=replace(saving_proposal(), price_level=2024)))
    assert (f.proposal, f.table, f.row, f.year, f.rule) == (
        "T1",
        "catalog-1",
        "T1",
        None,
        "catalog-price-level",
    )
    assert (f.stated, f.computed, f.severity) == ("2025", "2024", Severity.WARNING)
    assert f.message == (
        "Tabel 1, Testforslag: kataloget er i 2025 p/l, men forslagets Tabel 1 er i 2024 p/l"
    )


def test_a_printed_total_that_its_rows_do_not_give() -> None:
    printed, recomputed = catalog_findings(with_table(total_effect=figures(1234, 1236)))
    assert (printed.proposal, printed.table, printed.row, printed.year) == (
        None,
        "catalog-1",
        "total",
        2026,
    )
    assert (printed.rule, printed.severity) == ("printed-total", Severity.ERROR)
    assert "i kataloget er totalen 1.236, men katalogets rækker giver 1.234" in printed.message
    assert (recomputed.rule, recomputed.year) == ("catalog-total", 2026)
    assert recomputed.message.endswith(
        "(forskel 2; summen af rækkerne, som de beregnes ud fra forslagenes egne tabeller)"
    )


def test_a_printed_total_investment() -> None:
    printed, recomputed = catalog_findings(with_table(total_investment=D(301)))
    assert (printed.row, printed.year, printed.rule) == ("total", None, "printed-total")
    assert (printed.stated, printed.computed, printed.severity) == (
        D(301),
        D(300),
        Severity.WARNING,
    )
    assert "samlet investering i alt (trykt total mod rækkerne)" in printed.message
    assert (recomputed.rule, recomputed.stated, recomputed.computed) == (
        "catalog-total",
        D(301),
        D(300),
    )


@pytest.mark.parametrize(
    ("year", "mio_kr", "when"),
    [(2025, "1.3", "i 2025"), (None, "1.24", "i varig virkning")],
)
def test_a_figure_in_words_that_the_proposals_do_not_give(
    year: int | None, mio_kr: str, when: str
) -> None:
    # 1.234 t.kr. is 1,2 mio. kr. to one place and 1,23 to two
    wrong = Statement("…", "catalog-1", year, D(mio_kr))
    [f] = catalog_findings(with_table(statements=(wrong,)))
    computed = D("1.2") if year else D("1.23")
    assert (f.proposal, f.table, f.row, f.year, f.rule) == (
        None,
        "catalog-1",
        "statement",
        year,
        "catalog-statement",
    )
    assert (f.stated, f.computed, f.severity) == (D(mio_kr), computed, Severity.ERROR)
    assert f.message == (
        f"Kataloget skriver {mio_kr.replace('.', ',')} mio. kr. {when}; forslagenes egne "
        f"tabeller giver {str(computed).replace('.', ',')} mio. kr."
    )
    right = Statement("…", "catalog-1", year, computed)
    assert catalog_findings(with_table(statements=(right,))) == []


def test_summary_counts_the_findings_by_severity() -> None:
    cat = with_table(effect=figures(1234, 1500), total_investment=D(301))
    found = check_catalog(cat)
    assert summary(found, cat) == {
        "catalog": "test",
        "proposals": 1,
        "findings": 5,
        "error": 1,
        "warning": 2,
        "info": 2,  # the two savings that no model explains
    }


@given(st.integers(-(10**5), 10**5), st.integers(-(10**5), 10**5), st.integers(0, 10**5))
def test_a_catalog_stated_as_its_proposals_give_has_no_findings(
    first: int, later: int, spent: int
) -> None:
    p = replace(
        saving_proposal(),
        lines=(
            line("e", LineKind.EFFICIENCY, series(0, first, later, later, later, later)),
            line("i", LineKind.IMPLEMENTATION, series(spent)),
        ),
    )
    effect = figures(-first, -later)
    cat = with_table(effect, D(spent), effect, D(spent), p)
    assert catalog_findings(cat) == []
