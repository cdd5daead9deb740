# SPDX-License-Identifier: MPL-2.0
"""A store in memory with every version of every proposal: for tests of the services, and
the model of the web application's database store (a proposal points at its current
version; versions are never changed or removed)."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gevinst.core.errors import InputError, NotFoundError
from gevinst.core.lifecycle import Event
from gevinst.core.model import Catalog, Proposal
from gevinst.format.writer import Doc, document_version, proposal_document
from gevinst.stores.base import (
    Change,
    Version,
    Versioned,
    checked_proposal,
    require_current,
    require_event_count,
)


@dataclass(frozen=True)
class _Saved:
    version: Version
    document: Doc


@dataclass
class _Kept:
    catalog: Catalog  # with each proposal's current version
    history: dict[str, list[_Saved]] = field(default_factory=dict)  # by proposal id
    events: dict[str, list[Event]] = field(default_factory=dict)  # by proposal id


def _saved(p: Proposal, change: Change) -> _Saved:
    doc = proposal_document(p)
    version = Version(id=document_version(doc), who=change.who, when=change.when, why=change.why)
    return _Saved(version, doc)


class MemoryStore:
    """Catalogs in memory; a document handed out is a copy, so an edit of it changes nothing
    until it is saved."""

    def __init__(self) -> None:
        self._kept: dict[str, _Kept] = {}

    def _get(self, key: str) -> _Kept:
        if key not in self._kept:
            raise NotFoundError(f"kataloget {key!r} findes ikke")
        return self._kept[key]

    def _history(self, key: str, proposal_id: str) -> list[_Saved]:
        kept = self._get(key)
        return kept.history[kept.catalog.proposal(proposal_id).id]

    def catalogs(self) -> list[str]:
        return sorted(self._kept)

    def catalog(self, key: str) -> Catalog:
        return self._get(key).catalog

    def proposal(self, key: str, proposal_id: str) -> Versioned:
        current = self._history(key, proposal_id)[-1]
        return Versioned(copy.deepcopy(current.document), current.version.id)

    def save_proposal(
        self, key: str, proposal_id: str, document: Mapping[str, Any], *, base: str, change: Change
    ) -> Version:
        kept = self._get(key)
        pid = kept.catalog.proposal(proposal_id).id
        history = kept.history[pid]
        require_current(pid, base, history[-1].version.id)
        p = checked_proposal(document, kept.catalog.profile, Path(key, "proposals", pid), pid)
        saved = _saved(p, change)
        history.append(saved)
        proposals = tuple(p if q.id == pid else q for q in kept.catalog.proposals)
        kept.catalog = replace(kept.catalog, proposals=proposals)
        return saved.version

    def versions(self, key: str, proposal_id: str) -> list[Version]:
        return [s.version for s in self._history(key, proposal_id)]

    def proposal_at(self, key: str, proposal_id: str, version: str) -> Doc:
        for saved in reversed(self._history(key, proposal_id)):
            if saved.version.id == version:
                return copy.deepcopy(saved.document)
        raise NotFoundError(f"forslag {proposal_id} har ingen version {version[:12]}")

    def check_new_catalog(self, key: str) -> None:
        if key in self._kept:
            raise InputError(f"kataloget {key!r} findes allerede; intet er skrevet")

    def create_catalog(
        self,
        key: str,
        catalog: Catalog,
        change: Change,
        *,
        events: Mapping[str, Sequence[Event]] | None = None,
    ) -> None:
        self.check_new_catalog(key)
        history = {p.id: [_saved(p, change)] for p in catalog.proposals}
        given = events or {}
        kept_events = {p.id: list(given.get(p.id, ())) for p in catalog.proposals}
        self._kept[key] = _Kept(catalog, history, kept_events)

    def events(self, key: str, proposal_id: str) -> list[Event]:
        kept = self._get(key)
        return list(kept.events[kept.catalog.proposal(proposal_id).id])

    def add_event(self, key: str, proposal_id: str, event: Event, *, expected_count: int) -> None:
        kept = self._get(key)
        pid = kept.catalog.proposal(proposal_id).id
        require_event_count(pid, expected_count, len(kept.events[pid]))
        kept.events[pid].append(event)
