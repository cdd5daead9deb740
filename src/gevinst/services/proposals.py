# SPDX-License-Identifier: MPL-2.0
"""A catalog and its proposals as the acting user may see them, and every save as a new
version: read, save from a named version with a reason, list versions, restore an old
version as a new one (docs/architecture.md, "Every save is a new version")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gevinst.core.access import (
    Actor,
    require_edit,
    require_publication,
    require_read_in_full,
    visible,
)
from gevinst.core.check import check_catalog
from gevinst.core.errors import FormatError, InputError, Problem
from gevinst.core.findings import Finding
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile
from gevinst.format.writer import Doc, document_version, proposal_document
from gevinst.services.check import proposal_findings
from gevinst.services.workflow import require_direct_save
from gevinst.stores.base import Change, Store, Version, Versioned, checked_proposal


def read_catalog(store: Store, actor: Actor, key: str) -> Catalog:
    """The catalog, each confidential proposal the actor may not read in full reduced to
    what the catalog publishes."""
    return visible(store.catalog(key), actor)


def read_proposal(store: Store, actor: Actor, key: str, proposal_id: str) -> Versioned:
    """A proposal's current document in full, and its version (the base of an edit)."""
    require_read_in_full(actor, store.catalog(key).proposal(proposal_id))
    return store.proposal(key, proposal_id)


def checked_edit(
    store: Store,
    actor: Actor,
    key: str,
    proposal_id: str,
    document: Mapping[str, Any],
    why: str,
) -> Proposal:
    """The proposal as it is, once ``document`` is checked as an edit of it with a reason
    (``why``): the actor must be allowed to edit the proposal as it is and as it will be (an
    editor cannot hand a proposal to another administration), and to publish it as it will
    be; what a save and a change request both check."""
    if not why.strip():
        raise InputError("angiv hvorfor forslaget ændres")
    catalog = store.catalog(key)
    current = catalog.proposal(proposal_id)
    require_edit(actor, current)
    source = Path(key, "proposals", f"{current.id}.yaml")
    edited = checked_proposal(document, catalog.profile, source, current.id)
    require_edit(actor, edited)
    require_publication(actor, current, edited)
    return current


def save_proposal(
    store: Store,
    actor: Actor,
    key: str,
    proposal_id: str,
    document: Mapping[str, Any],
    *,
    base: str,
    why: str,
) -> Version:
    """Save ``document`` as a new version of the proposal, edited from version ``base``,
    once :func:`checked_edit` allows it."""
    current = checked_edit(store, actor, key, proposal_id, document, why)
    # after approval an edit is a change request (services.change_requests.submit_edit)
    require_direct_save(store, key, current.id)
    return keep(store, actor, key, current.id, document, base=base, why=why)


def keep(
    store: Store,
    actor: Actor,
    key: str,
    proposal_id: str,
    document: Mapping[str, Any],
    *,
    base: str,
    why: str,
) -> Version:
    """Save ``document`` as the proposal's new version in ``actor``'s name, from version
    ``base`` (a stale base is a ConflictError, never an overwrite), once the caller has
    checked that ``actor`` may make this change: :func:`save_proposal` for an edit, and
    :func:`gevinst.services.consultations.answer` for an answer written into "Hvem er
    hørt?" by a member of the body asked."""
    change = Change(who=actor.name, when=datetime.now(UTC), why=why.strip())
    return store.save_proposal(key, proposal_id, document, base=base, change=change)


def list_versions(store: Store, actor: Actor, key: str, proposal_id: str) -> list[Version]:
    """The proposal's versions, the oldest first."""
    require_read_in_full(actor, store.catalog(key).proposal(proposal_id))
    return store.versions(key, proposal_id)


def read_version(store: Store, actor: Actor, key: str, proposal_id: str, version: str) -> Doc:
    """One version's document, to those who may read the proposal in full as it is now and
    as it was then: a version saved while the proposal was confidential stays confidential
    after the proposal is made public."""
    catalog = store.catalog(key)
    current = catalog.proposal(proposal_id)
    require_read_in_full(actor, current)
    # the editor's base, on every keystroke: the current version, the document of the very
    # proposal whose reader was checked (a version is its document's digest in every store)
    now = proposal_document(current)
    if document_version(now) == version:
        return now
    document = store.proposal_at(key, proposal_id, version)
    source = Path(key, "proposals", f"{current.id}.yaml")
    require_read_in_full(actor, checked_proposal(document, catalog.profile, source, current.id))
    return document


def restore_version(
    store: Store, actor: Actor, key: str, proposal_id: str, version: str, *, base: str
) -> Version:
    """A new version equal to the old ``version``, saved from the current ``base``: nothing
    in between is lost, it stays in the history."""
    document = read_version(store, actor, key, proposal_id, version)
    why = f"gendannet fra version {version[:12]}"
    return save_proposal(store, actor, key, proposal_id, document, base=base, why=why)


@dataclass(frozen=True)
class Preview:
    """An edited document as it would be if it were saved: the proposal with every derived
    figure, its findings, or the problems that keep it from loading."""

    proposal: Proposal | None
    profile: Profile
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()


def preview(
    store: Store, actor: Actor, key: str, proposal_id: str, document: Mapping[str, Any]
) -> Preview:
    """What ``document`` would give as the proposal's next version, without saving it: the
    figures follow as a user types (the web editor), checked as the save will check them."""
    catalog = store.catalog(key)
    current = catalog.proposal(proposal_id)
    require_edit(actor, current)
    source = Path(key, "proposals", f"{current.id}.yaml")
    try:
        edited = checked_proposal(document, catalog.profile, source, current.id)
    except FormatError as e:
        return Preview(None, catalog.profile, problems=e.problems)
    proposals = tuple(edited if p.id == current.id else p for p in catalog.proposals)
    # the other proposals' findings as remembered: only the edited one is checked anew
    findings = check_catalog(replace(catalog, proposals=proposals), None, proposal_findings)
    mine = tuple(f for f in findings if f.proposal == current.id)
    return Preview(edited, catalog.profile, findings=mine)
