# SPDX-License-Identifier: MPL-2.0
"""Budget rounds and the investment pool on the seed: Budget 2025 decides BC01 and BC02 and
carries Forslag 1-7 "godkendt med" earlier rounds; a proposal carried into a later round and
revised there is counted once; the pool year by year against the round's investments."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.access import Actor, visible
from gevinst.core.model import Catalog, Line, Pool
from gevinst.core.pool import pool_balance
from gevinst.core.rounds import carried, carry, counted, of_round
from gevinst.core.series import Series, sum_series

D = Decimal


def test_budget_2025_decides_bc01_and_bc02_and_carries_the_others(seed: Catalog) -> None:
    assert [p.id for p in of_round(seed)] == ["BC01", "BC02"]
    assert carried(seed) == {
        "F1": "OFS 23-24",
        "F2": "OFS 23-24",
        "F3": "OFS 23-24",
        "F4": "OFS 23-24",
        "F5": "OFS 23-24",
        "F6": "ØU 5. marts 2024",
        "F7": "Budget 2024",
    }


def test_a_carried_catalog_names_its_round_and_keeps_each_rows_approval(seed: Catalog) -> None:
    later = carry(seed, "kk-budget-2026", "Budget 2026")
    assert (later.id, later.round, later.pool) == ("kk-budget-2026", "Budget 2026", None)
    assert later.proposals == seed.proposals
    # BC01 and BC02 were the 2025 round's own; now they are carried "godkendt med" it
    assert carried(later)["BC01"] == carried(later)["BC02"] == "Budget 2025"
    assert carried(later)["F2"] == "OFS 23-24"
    assert of_round(later) == ()


def _effect(proposals: object) -> Series:
    """The proposals' permanent change added year by year, each at its own price level, as
    the catalog's summary tables add them (F3 is at 2024 p/l)."""
    return sum_series(Series(dict(calc.permanent(p))) for p in proposals)  # type: ignore[attr-defined]


def _revised(p: Line, amount: int) -> Line:
    return replace(p, amounts=Series({y: D(-amount) for y in p.amounts}))


def test_a_proposal_carried_and_revised_is_counted_once(seed: Catalog) -> None:
    later = carry(seed, "kk-budget-2026", "Budget 2026")
    bc01 = later.proposal("BC01")
    revised = replace(bc01, lines=(_revised(bc01.lines[0], 500), *bc01.lines[1:]))
    later = replace(later, proposals=(revised, *later.proposals[1:]))
    rounds = [(c.round, {p.id: p for p in c.proposals}) for c in (seed, later)]
    once = counted(rounds)
    assert list(once) == [p.id for p in seed.proposals]  # nine, not eighteen
    assert once["BC01"] == ("Budget 2026", revised)
    total = _effect(p for _, p in once.values())
    # the revised BC01 replaces the first in the total, it does not add to it
    assert total == _effect(later.proposals)
    assert total != _effect(seed.proposals)
    assert total[2027] - _effect(seed.proposals)[2027] == (
        calc.permanent(revised)[2027] - calc.permanent(bc01)[2027]
    )


def test_the_pool_against_bc01_and_bc02_year_by_year(seed: Catalog) -> None:
    pool = Pool(Series({2024: D(1000), 2025: D(3000), 2026: D(3000)}, 2025), "Budgetaftale 2025")
    balance = pool_balance(replace(seed, pool=pool))
    assert balance.source == "Budgetaftale 2025"
    assert [(y.year, y.available, y.requested, y.balance) for y in balance.years] == [
        (2024, D(1000), D(422), D(578)),
        (2025, D(3000), D(3400), D(-400)),  # a shortfall
        (2026, D(3000), D(2250), D(750)),
    ]
    # the catalog's Tabel 1 states 6.072 for BC01 and BC02 together
    assert balance.total().requested == 6072 == seed.table("catalog-1").total_investment
    assert [r.proposal for r in balance.requests] == ["BC01", "BC02"]


def test_a_catalog_without_a_pool_shows_what_is_asked(seed: Catalog) -> None:
    balance = pool_balance(seed)
    assert balance.source == ""
    assert [(y.year, y.available, y.balance) for y in balance.years] == [
        (2024, D(0), D(-422)),
        (2025, D(0), D(-3400)),
        (2026, D(0), D(-2250)),
    ]


def test_a_confidential_proposal_counts_as_the_catalog_publishes_it(seed: Catalog) -> None:
    # F1 (FORTROLIG) holds only its catalog row: its 3.630 t.kr. have no years
    own_round = replace(seed, round="OFS 23-24")
    reader = Actor(name="læser")
    balance = pool_balance(visible(own_round, reader))
    f1 = next(r for r in balance.requests if r.proposal == "F1")
    assert (f1.amounts, f1.undated) == (Series(), D(3630))
    assert balance.undated() == 3630
    assert "F1" not in {r.proposal for r in pool_balance(visible(seed, reader)).requests}
    # a reader and CFØ see the same totals: what is published is all the totals hold
    cfo = Actor(name="cfø", reads_confidential=True)
    assert pool_balance(visible(own_round, cfo)).years == balance.years
