# SPDX-License-Identifier: MPL-2.0
"""Targets (måltal): per committee and year, what the approved proposals achieve against
what was set, and the manko (issue 13, item 4).

Conventions:

- Amounts are in 1.000 kr. at the target's price level, savings negative (the seed's sign
  convention everywhere): a target of -41.920 asks for savings of 41,9 mio. kr.
- A committee's achieved effect is what the counted proposals' lines on the target's
  styringsområde book to it (the Tabel A effect on that area, added up to the committee:
  ``calc.distribution_on_area``), each proposal converted from its own price level to the
  target's (:mod:`gevinst.core.prices`).
- Manko = achieved - target. A negative manko means the target is exceeded, a positive one
  a shortfall; the target is met where the manko is zero or negative.
- A target set per committee is used as set; a municipality-wide target is shared out by
  the shares given (largest remainder, whole 1.000 kr., :func:`distribute.distribute`), or,
  without shares, accounted for the whole municipality alone.
- Which proposals count (:func:`counted`): a proposal the lifecycle has moved counts where
  its state is one of the workflow's ``counted`` states (approved by the committees, in the
  budget, in implementation, realised); one it has never moved counts where the catalog
  records it approved by an earlier decision: its row's "Godkendt med" names another round
  or decision than the catalog's own (the seed's Tabel 2: "OFS 23-24", "Budget 2024", "ØU 5.
  marts 2024"), not "Budget 2025", which the seed's Tabel 1 asks to approve.

Forslag 7's Tabel 4: the target for Fremtidens Indkøb, -41.920 in 2025 (2025 p/l, Service),
against the -43.142 its lines book on Service: manko -1.222, the target exceeded.

>>> from gevinst.core.series import Series
>>> from decimal import Decimal as D
>>> calc.manko(Series({2025: D(-43142)}), Series({2025: D(-41920)}))[2025]
Decimal('-1222')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.distribute import ONE, distribute
from gevinst.core.errors import InputError
from gevinst.core.model import Catalog, Proposal, Target
from gevinst.core.prices import Conversion, IndexEdition, PriceIndex, conversion, convert_series
from gevinst.core.profile import Profile
from gevinst.core.rounds import approved_with
from gevinst.core.series import EMPTY, ZERO, Series, sum_series

MUNICIPALITY = "Hele kommunen"


@dataclass(frozen=True)
class AccountRow:
    """One committee's (or, with ``committee`` None, the whole municipality's) target,
    achieved effect and manko in the account's years; ``target`` and ``manko`` are None
    where no target is set for it."""

    committee: str | None
    name: str
    target: Series | None
    achieved: Series
    manko: Series | None

    def has_target(self, year: int) -> bool:
        return self.target is not None and year in self.target

    def figures(self, year: int) -> tuple[Decimal | None, Decimal, Decimal | None]:
        """Target, achieved and manko in ``year``; target and manko None where no target is
        set for that year."""
        if self.target is None or self.manko is None or year not in self.target:
            return None, self.achieved[year], None
        return self.target[year], self.achieved[year], self.manko[year]

    def met(self, year: int) -> bool | None:
        """Whether the target is met in ``year`` (manko zero or negative); None where there
        is no target."""
        _, _, manko = self.figures(year)
        return None if manko is None else manko <= 0


@dataclass(frozen=True)
class Account:
    """A target accounted for: a row per committee in the profile's order, the whole
    municipality's row, the proposals counted and those converted to the price level."""

    target: Target
    price_level: int
    years: tuple[int, ...]
    rows: tuple[AccountRow, ...]
    total: AccountRow
    counted: tuple[str, ...]
    conversions: tuple[Conversion, ...]


def counted(cat: Catalog, states: Mapping[str, str]) -> tuple[str, ...]:
    """The proposals whose effect counts toward the targets, in the catalog's order.
    ``states``: the lifecycle state of each proposal the lifecycle has moved (a proposal
    left out has no events, or its state is not known to the viewer)."""
    workflow = cat.profile.workflow
    in_states = set(workflow.counted) if workflow is not None else set()
    decided = approved_with(cat)

    def counts(pid: str) -> bool:
        if pid in states:
            return states[pid] in in_states
        earlier = decided.get(pid, "")
        return bool(earlier) and earlier.casefold() != cat.round.casefold()

    return tuple(p.id for p in cat.proposals if counts(p.id))


def _by_committee(named: Mapping[str, Series], profile: Profile) -> dict[str, Series]:
    out: dict[str, Series] = {}
    for name, amounts in named.items():
        committee = profile.committee_of(profile.unit(name))
        out[committee] = out.get(committee, EMPTY) + amounts
    return out


def committee_targets(target: Target, profile: Profile) -> dict[str, Series]:
    """The target per committee: as set, or the total shared out by the shares (figures of
    the profile's quantum that add up to the total); empty for a total without shares."""
    if target.committees:
        return _by_committee(target.committees, profile)
    if target.total is None or target.shares is None:
        return {}
    weights: dict[str, Decimal] = {}
    for name, weight in target.shares.weights.items():
        committee = profile.committee_of(profile.unit(name))
        weights[committee] = weights.get(committee, ZERO) + weight
    quantum = profile.money.quantum
    per_year = {y: distribute(amount, weights, quantum) for y, amount in target.total.items()}
    return {
        c: Series({y: parts[c] for y, parts in per_year.items()}, target.price_level)
        for c in weights
    }


def achieved(p: Proposal, profile: Profile, area: str | None) -> Mapping[str, Series]:
    """What a proposal's permanent lines on ``area`` (None: all) book to each committee:
    its Tabel A on that area, added up to the committees."""
    if area is None:
        return calc.distribution(p, profile, False)
    return calc.distribution_on_area(p, profile, False, area)


@dataclass(frozen=True)
class Prices:
    """The index a target's account converts with; None where the profile has none."""

    index: PriceIndex | None
    edition: IndexEdition | None

    def require(self, what: str, level: int) -> tuple[PriceIndex, IndexEdition]:
        if self.index is None or self.edition is None:
            raise InputError(
                f"{what} skal omregnes til {level} p/l, men profilen har intet prisindeks "
                "(price_index)"
            )
        return self.index, self.edition

    def series(
        self, s: Series, level: int, to_level: int, what: str, quantum: Decimal = ONE
    ) -> Series:
        """``s`` at ``to_level`` p/l, rounded at the profile's ``quantum``."""
        if level == to_level:
            return Series(dict(s), to_level, s.scale)
        _, edition = self.require(what, to_level)
        return convert_series(s, to_level, edition, from_level=level, exponent=quantum)


def _within(s: Series, years: Iterable[int], level: int) -> Series:
    """``s`` in ``years``, each of them (zero where ``s`` has none)."""
    return Series({y: s[y] for y in years}, level, s.scale)


def _set_within(s: Series, years: Iterable[int], level: int) -> Series:
    """A target in ``years``, only those it is set for."""
    return Series({y: s[y] for y in years if y in s}, level, s.scale)


def account(
    target: Target,
    proposals: Sequence[Proposal],
    profile: Profile,
    prices: Prices,
    price_level: int | None = None,
    years: Sequence[int] | None = None,
) -> Account:
    """``target`` accounted for with ``proposals`` (those that count; the target's own
    ``proposals`` narrow them further), at ``price_level`` (default: the target's own) in
    ``years`` (default: the target's)."""
    level = target.price_level if price_level is None else price_level
    shown = tuple(years) if years is not None else target.years
    scope = [p for p in proposals if target.proposals is None or p.id in target.proposals]
    quantum = profile.money.quantum
    effect: dict[str, Series] = {}
    conversions = []
    for p in scope:
        if p.price_level != level:
            index, edition = prices.require(f"forslag {p.id} ({p.price_level} p/l)", level)
            conversions.append(conversion(p, level, index, edition))
        for committee, amounts in achieved(p, profile, target.area).items():
            converted = prices.series(amounts, p.price_level, level, f"forslag {p.id}", quantum)
            effect[committee] = effect.get(committee, EMPTY) + converted
    what = f"måltallet {target.id} ({target.price_level} p/l)"
    targets = {
        c: _set_within(prices.series(s, target.price_level, level, what, quantum), shown, level)
        for c, s in committee_targets(target, profile).items()
    }
    rows = []
    for c in profile.sort_units(set(effect) | set(targets)):
        done = _within(effect.get(c, EMPTY), shown, level)
        aim = targets.get(c)
        if aim is None and not any(done.values()):
            continue  # nothing set for it and nothing achieved in these years
        manko = calc.manko(done, aim) if aim is not None else None
        rows.append(AccountRow(c, profile.unit_name(c), aim, done, manko))
    whole: Series | None = None
    if target.total is not None:
        whole = _set_within(
            prices.series(target.total, target.price_level, level, what, quantum), shown, level
        )
    elif targets:
        whole = _set_within(sum_series(targets.values()), shown, level)
    done = _within(sum_series(r.achieved for r in rows), shown, level)
    total = AccountRow(
        None, MUNICIPALITY, whole, done, None if whole is None else calc.manko(done, whole)
    )
    return Account(
        target, level, shown, tuple(rows), total, tuple(p.id for p in scope), tuple(conversions)
    )
