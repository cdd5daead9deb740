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

from gevinst.core.errors import ConflictError
from gevinst.core.lifecycle import Event
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile
from gevinst.format.reader import DataDocument, proposal_from_document
from gevinst.format.writer import Doc


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
    ) -> None:
        """Keep ``catalog`` as a new catalog at ``key``, with each proposal's workflow
        ``events`` (by proposal id) where given: all of it, or nothing."""
        ...

    def events(self, key: str, proposal_id: str) -> list[Event]:
        """The transitions the proposal has taken in its workflow, the oldest first."""
        ...

    def add_event(self, key: str, proposal_id: str, event: Event, *, expected_count: int) -> None:
        """Add ``event`` as the proposal's latest transition, if the proposal still has the
        ``expected_count`` events its caller saw; :class:`ConflictError` otherwise, and
        nothing changes."""
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


def require_current(proposal_id: str, base: str, current: str) -> None:
    if base != current:
        raise ConflictError(
            f"forslag {proposal_id} er gemt af en anden siden version {base[:12]} "
            f"(nu version {current[:12]}); hent den nyeste version og ret i den"
        )
