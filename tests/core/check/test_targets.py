# SPDX-License-Identifier: MPL-2.0
"""The target accounting (Forslag 7's Tabel 4) on small proposals: the stated manko against
achieved minus target, the stated "Samlet varig ændring" against the lines, each only in the
years the table prints."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from gevinst.core.check.targets import TARGET_TOTAL, check_targets
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import LineKind, Proposal, TargetRole, TargetRow, Targets
from gevinst.core.series import Series
from tests.core.builders import line, proposal, series

D = Decimal


def figures(y2025: int, y2026: int) -> Series:
    """A row of the table, which prints 2025 and 2026 only."""
    return Series({2025: D(y2025), 2026: D(y2026)})


def accounting(*rows: tuple[TargetRole, Series]) -> Proposal:
    """Saves 500 in 2025 and 600 a year after, with a target accounting of ``rows``."""
    p = proposal(line("e", LineKind.EFFICIENCY, series(0, -500, -600, -600, -600, -600)))
    targets = Targets("Tabel 4", tuple(TargetRow(r.value, None, r, v) for r, v in rows))
    return replace(p, targets=targets)


ACHIEVED = (TargetRole.ACHIEVED, figures(y2025=-500, y2026=-600))
TARGET = (TargetRole.TARGET, figures(y2025=-450, y2026=-650))


def findings(p: Proposal) -> list[Finding]:
    return list(check_targets(p))


def test_no_target_accounting_nothing_to_check() -> None:
    assert findings(proposal(line("e", LineKind.EFFICIENCY, series(0, -500)))) == []


def test_a_manko_as_computed_has_no_finding() -> None:
    manko = (TargetRole.MANKO, figures(y2025=-50, y2026=50))
    assert findings(accounting(ACHIEVED, TARGET, manko)) == []


def test_a_manko_that_is_not_achieved_minus_target() -> None:
    manko = (TargetRole.MANKO, figures(y2025=-51, y2026=-50))
    rounded, sign = findings(accounting(ACHIEVED, TARGET, manko))
    assert (rounded.table, rounded.row, rounded.year, rounded.rule) == ("1", "manko", 2025, "manko")
    assert (rounded.stated, rounded.computed, rounded.severity) == (
        D(-51),
        D(-50),
        Severity.WARNING,
    )
    assert (
        rounded.message == "Manko, 2025: angivet -51, beregnet -50 (forskel -1; afrundingsforskel)"
    )
    assert (sign.year, sign.stated, sign.computed, sign.severity) == (
        2026,
        D(-50),
        D(50),
        Severity.ERROR,
    )


def test_the_total_against_the_lines_in_the_years_printed() -> None:
    # 2027 on is not printed in the table: the line's -600 there is not compared
    assert findings(accounting((TargetRole.TOTAL, figures(y2025=-500, y2026=-600)))) == []
    [f] = findings(accounting((TargetRole.TOTAL, figures(y2025=-500, y2026=-650))))
    assert (f.table, f.row, f.year, f.rule) == ("1", TARGET_TOTAL, 2026, "target-total")
    assert (f.stated, f.computed, f.severity) == (D(-650), D(-600), Severity.ERROR)
    assert f.message.startswith("Samlet varig ændring (måltalsopgørelsen), 2026: angivet -650")
