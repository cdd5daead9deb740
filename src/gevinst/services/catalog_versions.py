# SPDX-License-Identifier: MPL-2.0
"""A catalog's versions (gevinst.core.catalog_versions): a version frozen as the one sent to
a meeting, what has changed since, proposal by proposal and cell by cell, and the catalog as
of a frozen version or a moment.

A confidential proposal that the actor may not read in full is compared and shown as the
catalog publishes it (:func:`gevinst.core.confidential.public_view`), then and now alike; a
version saved while the proposal was confidential stays so after it is made public."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from gevinst.core.access import Actor, may_read_in_full, require_catalog_edit
from gevinst.core.catalog_versions import (
    FrozenVersion,
    ProposalChange,
    freeze,
    named,
    since,
    versions_at,
)
from gevinst.core.confidential import public_view
from gevinst.core.model import Catalog, Proposal
from gevinst.format.diff import Difference, differences
from gevinst.format.writer import proposal_document
from gevinst.stores.base import Store, checked_proposal


def current_versions(store: Store, key: str) -> dict[str, str]:
    """Each proposal's current version, by proposal id, in the catalog's order."""
    return {p.id: store.proposal(key, p.id).version for p in store.catalog(key).proposals}


def freeze_catalog(store: Store, actor: Actor, key: str, name: str) -> FrozenVersion:
    """Freeze the catalog as it is now under ``name``: only those who edit the whole catalog."""
    require_catalog_edit(actor)
    # to the microsecond, as a save's time: the catalog as of this moment is what is frozen
    when = dt.datetime.now(dt.UTC)
    versions = current_versions(store, key)
    frozen = freeze(name, actor.name, when, versions, store.frozen_versions(key))
    store.add_frozen_version(key, frozen)
    return frozen


def frozen_versions(store: Store, key: str) -> list[FrozenVersion]:
    """The catalog's frozen versions, oldest first (names, who, when: no proposal's content)."""
    return store.frozen_versions(key)


def _proposal(store: Store, actor: Actor, key: str, current: Proposal, version: str) -> Proposal:
    """One version of a proposal as ``actor`` may see it: in full only where they may read
    it in full both now and as it was."""
    catalog = store.catalog(key)
    doc = store.proposal_at(key, current.id, version)
    source = Path(key, "proposals", f"{current.id}.yaml")
    then = checked_proposal(doc, catalog.profile, source, current.id)
    if may_read_in_full(actor, current) and may_read_in_full(actor, then):
        return then
    return public_view(replace(then, confidential=True), catalog.profile)


@dataclass(frozen=True)
class ChangedProposal:
    """A proposal changed since a frozen version, with every cell that differs (its place,
    the old and the new value); none for a proposal added or removed as a whole."""

    change: ProposalChange
    title: str
    differences: tuple[Difference, ...]


def changes_since(store: Store, actor: Actor, key: str, name: str) -> list[ChangedProposal]:
    """What has changed since the frozen version ``name``: each proposal whose version
    differs, cell by cell; empty where nothing has."""
    frozen = named(store.frozen_versions(key), name)
    catalog = store.catalog(key)
    held = {p.id for p in catalog.proposals}
    out = []
    for change in since(frozen.versions, current_versions(store, key)):
        if change.proposal not in held:  # removed: its documents are no longer the catalog's
            out.append(ChangedProposal(change, "", ()))
            continue
        current = catalog.proposal(change.proposal)
        now = _proposal(store, actor, key, current, change.after or "")
        if change.before is None:
            out.append(ChangedProposal(change, now.title, ()))
            continue
        then = _proposal(store, actor, key, current, change.before)
        cells = differences(proposal_document(then), proposal_document(now))
        if cells:  # none: a change only to what the actor may not see of it
            out.append(ChangedProposal(change, now.title, tuple(cells)))
    return out


def changes_since_last(
    store: Store, actor: Actor, key: str
) -> tuple[FrozenVersion | None, list[ChangedProposal]]:
    """The latest frozen version and what changed since it (none and nothing where the
    catalog has never been frozen): what an overview of the round shows."""
    frozen = store.frozen_versions(key)
    if not frozen:
        return None, []
    return frozen[-1], changes_since(store, actor, key, frozen[-1].name)


@dataclass(frozen=True)
class AsOf:
    """The catalog as it was: each proposal at its version then (``versions``), those not
    yet saved by then left out; its own tables and pool as they are now."""

    catalog: Catalog
    versions: dict[str, str]


def _as_of(store: Store, actor: Actor, key: str, versions: dict[str, str]) -> AsOf:
    catalog = store.catalog(key)
    proposals = tuple(
        _proposal(store, actor, key, p, versions[p.id])
        for p in catalog.proposals
        if p.id in versions
    )
    return AsOf(replace(catalog, proposals=proposals), versions)


def as_of_frozen(store: Store, actor: Actor, key: str, name: str) -> AsOf:
    frozen = named(store.frozen_versions(key), name)
    return _as_of(store, actor, key, dict(frozen.versions))


def as_of_moment(store: Store, actor: Actor, key: str, when: dt.datetime) -> AsOf:
    """Each proposal's last version saved at or before ``when``."""
    catalog = store.catalog(key)
    histories = {
        p.id: [(v.id, v.when) for v in store.versions(key, p.id)] for p in catalog.proposals
    }
    return _as_of(store, actor, key, versions_at(histories, when))
