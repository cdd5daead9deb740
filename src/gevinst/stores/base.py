# SPDX-License-Identifier: MPL-2.0
"""The port every store implements, and what the stores share.

A proposal is kept as its document (docs/format.md, as
:func:`gevinst.format.writer.proposal_document` gives it). Every save is a new version
(docs/architecture.md): a version's id is the SHA-256 of its canonical document
(:func:`gevinst.format.writer.document_version`), so the same content has the same id in
every store and in an exported workbook. A save names the version it was edited from; if
that is no longer the current one, the store raises :class:`ConflictError` and changes
nothing: it never overwrites. Because ids are content, restoring an old version makes a new
version with the old one's id, and a save based on that content is not a conflict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from gevinst.core.catalog_versions import FrozenVersion
from gevinst.core.change_requests import ChangeRequest, Decision
from gevinst.core.errors import ConflictError, InputError, NotFoundError
from gevinst.core.evidence import Attachment, Record
from gevinst.core.lifecycle import Event
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile
from gevinst.core.realisation import Entry as RealisationEntry
from gevinst.core.review import ReviewRecord
from gevinst.format.reader import DataDocument, proposal_from_document
from gevinst.format.writer import Doc

# a follow-up record with its attached files, as a new catalog is given them
Followed = tuple[Record, Sequence[Attachment]]


@dataclass(frozen=True, kw_only=True)
class Change:
    """Who saved, when and why."""

    who: str
    when: datetime
    why: str


@dataclass(frozen=True, kw_only=True)
class Version:
    """One saved version of a proposal's document."""

    id: str
    who: str
    when: datetime
    why: str


@dataclass(frozen=True)
class Versioned:
    """A proposal's document and the id of the version it is."""

    document: Doc
    version: str


class Store(Protocol):
    """Catalogs by key (a folder's path, a database id), and their proposals' documents."""

    def catalogs(self) -> list[str]:
        """The keys of the catalogs kept."""
        ...

    def catalog(self, key: str) -> Catalog:
        """The catalog with each proposal's current version."""
        ...

    def proposal(self, key: str, proposal_id: str) -> Versioned:
        """A proposal's current document and its version."""
        ...

    def save_proposal(
        self, key: str, proposal_id: str, document: Mapping[str, Any], *, base: str, change: Change
    ) -> Version:
        """Save ``document`` as the proposal's new version, edited from version ``base``;
        :class:`ConflictError` if ``base`` is not the current version, :class:`FormatError`
        if the document does not load; nothing changes on either."""
        ...

    def versions(self, key: str, proposal_id: str) -> list[Version]:
        """The proposal's versions, the oldest first and the current last."""
        ...

    def proposal_at(self, key: str, proposal_id: str, version: str) -> Doc:
        """The document of one version of a proposal."""
        ...

    def check_new_catalog(self, key: str) -> None:
        """Raise if a new catalog cannot be created at ``key`` (before anything is read)."""
        ...

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
        """Keep ``catalog`` as a new catalog at ``key``, with each proposal's workflow
        ``events``, ``review`` records and ``followups`` (each record with its files; by
        proposal id) where given, and the catalog's ``realisation`` records: all of it, or
        nothing."""
        ...

    def events(self, key: str, proposal_id: str) -> list[Event]:
        """The transitions the proposal has taken in its workflow, the oldest first."""
        ...

    def events_by_proposal(self, key: str) -> dict[str, list[Event]]:
        """:meth:`events` of every proposal of the catalog that has any, by proposal id, read
        at once: a page that shows where each proposal stands reads them all."""
        ...

    def add_event(self, key: str, proposal_id: str, event: Event, *, expected_count: int) -> None:
        """Add ``event`` as the proposal's latest transition, if the proposal still has the
        ``expected_count`` events its caller saw; :class:`ConflictError` otherwise, and
        nothing changes."""
        ...

    def review_records(self, key: str, proposal_id: str) -> list[ReviewRecord]:
        """The proposal's review records (consultations and comments), the oldest first."""
        ...

    def review_records_by_proposal(self, key: str) -> dict[str, list[ReviewRecord]]:
        """:meth:`review_records` of every proposal of the catalog that has any, by proposal
        id, read at once."""
        ...

    def add_review_record(
        self, key: str, proposal_id: str, record: ReviewRecord, *, expected_count: int
    ) -> None:
        """Add ``record`` as the proposal's latest review record, if the proposal still has
        the ``expected_count`` records its caller judged on; :class:`ConflictError`
        otherwise, and nothing changes."""
        ...

    def followups(self, key: str, proposal_id: str) -> list[Record]:
        """The follow-up records of the proposal's goals, in the order made."""
        ...

    def add_followup(
        self,
        key: str,
        proposal_id: str,
        record: Record,
        files: Sequence[Attachment],
        *,
        expected_count: int,
    ) -> None:
        """Keep ``record`` with its attachments (``files``, one for each of its
        ``attachments``' names) as the proposal's latest follow-up record, if the proposal
        still has the ``expected_count`` records its caller saw; :class:`ConflictError`
        otherwise, and nothing changes."""
        ...

    def attachment(self, key: str, proposal_id: str, number: int, name: str) -> Attachment:
        """The attachment ``name`` of the proposal's follow-up record ``number`` (from 1, in
        the order made); :class:`NotFoundError` where there is none."""
        ...

    def realisation(self, key: str) -> list[RealisationEntry]:
        """The catalog's realisation records (:mod:`gevinst.core.realisation`: column
        mappings, baselines, measurements, realised amounts, spending), the oldest first."""
        ...

    def add_realisation(
        self, key: str, entries: Sequence[RealisationEntry], *, expected_count: int
    ) -> None:
        """Add ``entries`` after the catalog's records, all or none, if it still has the
        ``expected_count`` records its caller saw; :class:`ConflictError` otherwise, and
        nothing changes."""
        ...

    def frozen_versions(self, key: str) -> list[FrozenVersion]:
        """The catalog's frozen versions (the catalog as sent to a meeting), oldest first."""
        ...

    def add_frozen_version(self, key: str, frozen: FrozenVersion) -> None:
        """Keep ``frozen``, whose name must be new in the catalog (:class:`InputError`
        otherwise) and whose versions are the proposals' current ones (:class:`ConflictError`
        otherwise): afterwards :meth:`proposal_at` finds each of them."""
        ...

    def change_requests(self, key: str) -> list[ChangeRequest]:
        """The catalog's change requests (gevinst.core.change_requests), numbered from 1,
        each with its decision where it has one."""
        ...

    def add_change_request(
        self, key: str, proposal_id: str, document: Mapping[str, Any], *, base: str, change: Change
    ) -> ChangeRequest:
        """Keep ``document`` as a change request of the proposal, edited from ``base`` (the
        current version: :class:`ConflictError` otherwise) for ``change.why``, without saving
        it; :class:`FormatError` if it does not load. :meth:`proposal_at` finds it by its
        ``proposed`` version."""
        ...

    def decide_change_request(self, key: str, number: int, decision: Decision) -> ChangeRequest:
        """Record ``decision`` on request ``number`` if it is still open
        (:class:`ConflictError` otherwise); it saves nothing."""
        ...


def checked_proposal(
    document: Mapping[str, Any], profile: Profile, source: Path, proposal_id: str
) -> Proposal:
    """The proposal of ``document``, checked as the loader checks a file named ``source``;
    its id must be ``proposal_id``."""
    return proposal_from_document(DataDocument(source, dict(document)), profile, proposal_id)


def require_event_count(proposal_id: str, expected: int, count: int) -> None:
    if expected != count:
        raise ConflictError(
            f"forslag {proposal_id} har skiftet status, siden du så det ({count} skift nu, "
            f"{expected} da); hent den nyeste status og prøv igen"
        )


def require_followup_count(proposal_id: str, expected: int, count: int) -> None:
    if expected != count:
        raise ConflictError(
            f"forslag {proposal_id} har fået en ny opfølgning, siden du så det ({count} "
            f"registreringer nu, {expected} da); hent siden igen og se, om din stadig mangler"
        )


def require_files(record: Record, files: Sequence[Attachment]) -> None:
    """One file for each attachment the record names, and no other."""
    if sorted(a.name for a in files) != sorted(record.attachments):
        raise InputError(
            f"registreringen nævner filerne {list(record.attachments)}, men "
            f"{sorted(a.name for a in files)} er givet"
        )


def require_review_count(proposal_id: str, expected: int, count: int) -> None:
    if expected != count:
        raise ConflictError(
            f"forslag {proposal_id} har fået nye høringer eller kommentarer, siden du så det "
            f"({count} nu, {expected} da); hent siden igen og prøv igen"
        )


def require_frozen_current(frozen: FrozenVersion, current: Mapping[str, str]) -> None:
    """The proposals a frozen version names are the catalog's, at their current versions."""
    if dict(frozen.versions) != dict(current):
        raise ConflictError(
            f"kataloget er ændret, mens '{frozen.name}' blev frosset; hent det igen og frys på ny"
        )


def require_open(request: ChangeRequest) -> None:
    if request.decision is not None:
        raise ConflictError(
            f"ændringsanmodning {request.number} er allerede afgjort af {request.decision.who}"
        )


def numbered(requests: Sequence[ChangeRequest], number: int) -> ChangeRequest:
    """Change request ``number`` (from 1) of ``requests``."""
    if not 1 <= number <= len(requests):
        raise NotFoundError(f"kataloget har ingen ændringsanmodning {number}")
    return requests[number - 1]


def require_current(proposal_id: str, base: str, current: str) -> None:
    if base != current:
        raise ConflictError(
            f"forslag {proposal_id} er gemt af en anden siden version {base[:12]} "
            f"(nu version {current[:12]}); hent den nyeste version og ret i den"
        )
