# SPDX-License-Identifier: MPL-2.0
"""Budget rounds (gevinst.core.rounds) and the investment pool (gevinst.core.pool): a
catalog carried into a new round, the effect of several rounds with each proposal counted
once, and the round's pool against its proposals' investments, as the actor may see them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from gevinst.core import calc
from gevinst.core.access import Actor, require_catalog_edit, visible
from gevinst.core.errors import InputError
from gevinst.core.model import Catalog, Proposal
from gevinst.core.pool import PoolBalance, pool_balance
from gevinst.core.rounds import carry, counted
from gevinst.core.series import Series, sum_series
from gevinst.stores.base import Change, Store


def pool(store: Store, actor: Actor, key: str) -> PoolBalance:
    """The catalog's pool year by year; confidential proposals as the catalog publishes them."""
    return pool_balance(visible(store.catalog(key), actor))


def carry_round(
    source: Store,
    source_key: str,
    target: Store,
    target_key: str,
    actor: Actor,
    new_round: str,
    new_id: str | None = None,
) -> Catalog:
    """A new catalog ``target_key`` for ``new_round``, holding the source catalog's proposals
    at their current versions with their workflow steps, each table row "godkendt med" the
    round it was approved with (the source's own round where the row names none); its id is
    ``new_id``, or else ``target_key``."""
    require_catalog_edit(actor)
    if not new_round.strip():
        raise InputError("angiv den nye budgetrundes navn, fx 'Budget 2026'")
    target.check_new_catalog(target_key)
    catalog = source.catalog(source_key)
    carried = carry(catalog, new_id or target_key, " ".join(new_round.split()))
    why = f"videreført fra {catalog.round} ({source_key})"
    change = Change(who=actor.name, when=datetime.now(UTC), why=why)
    events = {p.id: source.events(source_key, p.id) for p in catalog.proposals}
    target.create_catalog(target_key, carried, change, events=events)
    return carried


@dataclass(frozen=True)
class Counted:
    proposal: Proposal
    round: str
    effect: Series  # the permanent change as a contribution (positive: a saving)


def counted_once(store: Store, actor: Actor, keys: Sequence[str]) -> list[Counted]:
    """Each proposal of the catalogs ``keys`` (oldest round first) once, as the latest round
    holds it: a revised version replaces the earlier one, never adds to it."""
    rounds = []
    for key in keys:
        cat = visible(store.catalog(key), actor)
        rounds.append((cat.round, {p.id: p for p in cat.proposals}))
    return [
        Counted(p, name, Series(dict(-calc.permanent(p)))) for name, p in counted(rounds).values()
    ]


def total(rows: Sequence[Counted]) -> Series:
    return sum_series(r.effect for r in rows)
