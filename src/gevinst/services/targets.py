# SPDX-License-Identifier: MPL-2.0
"""The targets (måltal) of a catalog accounted for (issue 13, item 4): per committee and
year the target, what the approved proposals achieve and the manko, as the actor may see
them. The rules are :mod:`gevinst.core.targets`'; which proposals count is judged on the
lifecycle's events in the store and the catalog's "Godkendt med".

A confidential proposal the actor may not read in full counts only as the catalog publishes
it (:func:`gevinst.core.access.visible`: its permanent change, under its committee's heading
where it falls on one committee), and whether it counts is judged on the catalog's row
alone: where it stands in the lifecycle is not published."""

from __future__ import annotations

import datetime as dt

from gevinst.core.access import Actor, may_read_in_full, visible
from gevinst.core.errors import InputError
from gevinst.core.lifecycle import current
from gevinst.core.model import Catalog
from gevinst.core.targets import Account, Prices, account, counted
from gevinst.stores.base import Store


def _states(store: Store, actor: Actor, key: str, full: Catalog) -> dict[str, str]:
    """The lifecycle state of each proposal the lifecycle has moved and the actor may know."""
    workflow = full.profile.workflow
    if workflow is None:
        return {}
    states = {}
    by_proposal = store.events_by_proposal(key)
    for p in full.proposals:
        if not may_read_in_full(actor, p):
            continue
        events = by_proposal.get(p.id)
        if events:
            states[p.id] = current(workflow.initial, events)
    return states


def _prices(catalog: Catalog, as_of: dt.date | None) -> Prices:
    index = catalog.profile.price_index
    return Prices(index, index.edition(as_of) if index is not None else None)


def accounts(
    store: Store,
    actor: Actor,
    key: str,
    *,
    year: int | None = None,
    price_level: int | None = None,
    as_of: dt.date | None = None,
) -> list[Account]:
    """Each of the catalog's targets accounted for, in the catalog's order: at its own price
    level or ``price_level``, in its years or ``year`` alone (a target without that year is
    left out), converting with the profile's index edition as of ``as_of`` (default: the
    newest). An empty list for a catalog without targets; InputError where a year asked for
    has no target at all, or a proposal's amounts cannot be converted."""
    full = store.catalog(key)
    catalog = visible(full, actor)
    ids = set(counted(catalog, _states(store, actor, key, full)))
    proposals = [p for p in catalog.proposals if p.id in ids]
    prices = _prices(catalog, as_of)
    chosen = [t for t in catalog.targets if year is None or year in t.years]
    if year is not None and catalog.targets and not chosen:
        known = sorted({y for t in catalog.targets for y in t.years})
        raise InputError(
            f"kataloget {catalog.id} har intet måltal for {year} (måltal for "
            f"{', '.join(map(str, known))})"
        )
    years = None if year is None else (year,)
    return [account(t, proposals, catalog.profile, prices, price_level, years) for t in chosen]
