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

from gevinst.core.catalog_versions import FrozenVersion, freeze
from gevinst.core.change_requests import ChangeRequest, Decision
from gevinst.core.errors import InputError, NotFoundError
from gevinst.core.evidence import Attachment, Record
from gevinst.core.lifecycle import Event
from gevinst.core.model import Catalog, Proposal
from gevinst.core.realisation import Entry as RealisationEntry
from gevinst.core.review import ReviewRecord
from gevinst.format.writer import Doc, document_version, proposal_document
from gevinst.stores.base import (
    Change,
    Followed,
    Version,
    Versioned,
    checked_proposal,
    numbered,
    require_current,
    require_event_count,
    require_files,
    require_followup_count,
    require_frozen_current,
    require_open,
    require_review_count,
)
from gevinst.stores.realisation_file import require_realisation_count


@dataclass(frozen=True)
class _Saved:
    version: Version
    document: Doc


@dataclass
class _Kept:
    catalog: Catalog  # with each proposal's current version
    history: dict[str, list[_Saved]] = field(default_factory=dict)  # by proposal id
    events: dict[str, list[Event]] = field(default_factory=dict)  # by proposal id
    realisation: list[RealisationEntry] = field(default_factory=list)  # the catalog's
    review: dict[str, list[ReviewRecord]] = field(default_factory=dict)  # by proposal id
    # by proposal id: each follow-up record with its attachments by name
    followups: dict[str, list[tuple[Record, dict[str, Attachment]]]] = field(default_factory=dict)
    frozen: list[FrozenVersion] = field(default_factory=list)
    # each change request with its proposed document, in the order asked
    requests: list[tuple[ChangeRequest, Doc]] = field(default_factory=list)


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
        pid = self._get(key).catalog.proposal(proposal_id).id
        for request, document in self._get(key).requests:
            if (request.proposal, request.proposed) == (pid, version):
                return copy.deepcopy(document)
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
        review: Mapping[str, Sequence[ReviewRecord]] | None = None,
        realisation: Sequence[RealisationEntry] = (),
        followups: Mapping[str, Sequence[Followed]] | None = None,
    ) -> None:
        self.check_new_catalog(key)
        history = {p.id: [_saved(p, change)] for p in catalog.proposals}
        given, notes = events or {}, review or {}
        kept_events = {p.id: list(given.get(p.id, ())) for p in catalog.proposals}
        kept_records = {p.id: list(notes.get(p.id, ())) for p in catalog.proposals}
        for followed in (followups or {}).values():
            for record, files in followed:
                require_files(record, files)
        kept_followups = {
            p.id: [(r, {a.name: a for a in files}) for r, files in (followups or {}).get(p.id, ())]
            for p in catalog.proposals
        }
        self._kept[key] = _Kept(
            catalog,
            history,
            kept_events,
            review=kept_records,
            realisation=list(realisation),
            followups=kept_followups,
        )

    def events(self, key: str, proposal_id: str) -> list[Event]:
        kept = self._get(key)
        return list(kept.events[kept.catalog.proposal(proposal_id).id])

    def events_by_proposal(self, key: str) -> dict[str, list[Event]]:
        return {pid: list(events) for pid, events in self._get(key).events.items() if events}

    def add_event(self, key: str, proposal_id: str, event: Event, *, expected_count: int) -> None:
        kept = self._get(key)
        pid = kept.catalog.proposal(proposal_id).id
        require_event_count(pid, expected_count, len(kept.events[pid]))
        kept.events[pid].append(event)

    def realisation(self, key: str) -> list[RealisationEntry]:
        return list(self._get(key).realisation)

    def add_realisation(
        self, key: str, entries: Sequence[RealisationEntry], *, expected_count: int
    ) -> None:
        kept = self._get(key)
        require_realisation_count(expected_count, len(kept.realisation))
        kept.realisation.extend(entries)

    def _followups(self, key: str, proposal_id: str) -> list[tuple[Record, dict[str, Attachment]]]:
        kept = self._get(key)
        return kept.followups.setdefault(kept.catalog.proposal(proposal_id).id, [])

    def followups(self, key: str, proposal_id: str) -> list[Record]:
        return [record for record, _ in self._followups(key, proposal_id)]

    def add_followup(
        self,
        key: str,
        proposal_id: str,
        record: Record,
        files: Sequence[Attachment],
        *,
        expected_count: int,
    ) -> None:
        kept = self._followups(key, proposal_id)
        require_followup_count(proposal_id, expected_count, len(kept))
        require_files(record, files)
        kept.append((record, {a.name: a for a in files}))

    def attachment(self, key: str, proposal_id: str, number: int, name: str) -> Attachment:
        kept = self._followups(key, proposal_id)
        if 1 <= number <= len(kept) and name in kept[number - 1][1]:
            return kept[number - 1][1][name]
        raise NotFoundError(f"forslag {proposal_id} har ingen vedhæftet fil {name!r} nr. {number}")

    def review_records(self, key: str, proposal_id: str) -> list[ReviewRecord]:
        kept = self._get(key)
        return list(kept.review[kept.catalog.proposal(proposal_id).id])

    def review_records_by_proposal(self, key: str) -> dict[str, list[ReviewRecord]]:
        return {pid: list(kept) for pid, kept in self._get(key).review.items() if kept}

    def add_review_record(
        self, key: str, proposal_id: str, record: ReviewRecord, *, expected_count: int
    ) -> None:
        kept = self._get(key)
        pid = kept.catalog.proposal(proposal_id).id
        require_review_count(pid, expected_count, len(kept.review[pid]))
        kept.review[pid].append(record)

    def frozen_versions(self, key: str) -> list[FrozenVersion]:
        return list(self._get(key).frozen)

    def add_frozen_version(self, key: str, frozen: FrozenVersion) -> None:
        kept = self._get(key)
        freeze(frozen.name, frozen.who, frozen.when, frozen.versions, kept.frozen)
        current = {pid: h[-1].version.id for pid, h in kept.history.items()}
        require_frozen_current(frozen, current)
        kept.frozen.append(frozen)

    def change_requests(self, key: str) -> list[ChangeRequest]:
        return [request for request, _ in self._get(key).requests]

    def add_change_request(
        self, key: str, proposal_id: str, document: Mapping[str, Any], *, base: str, change: Change
    ) -> ChangeRequest:
        kept = self._get(key)
        pid = kept.catalog.proposal(proposal_id).id
        require_current(pid, base, kept.history[pid][-1].version.id)
        p = checked_proposal(document, kept.catalog.profile, Path(key, "proposals", pid), pid)
        doc = proposal_document(p)
        request = ChangeRequest(
            number=len(kept.requests) + 1,
            proposal=pid,
            base=base,
            proposed=document_version(doc),
            why=change.why,
            who=change.who,
            when=change.when,
        )
        kept.requests.append((request, doc))
        return request

    def decide_change_request(self, key: str, number: int, decision: Decision) -> ChangeRequest:
        kept = self._get(key)
        request = numbered(self.change_requests(key), number)
        require_open(request)
        decided = replace(request, decision=decision)
        kept.requests[number - 1] = (decided, kept.requests[number - 1][1])
        return decided
