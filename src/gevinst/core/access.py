# SPDX-License-Identifier: MPL-2.0
"""Who may do what: the one access rule that every entry point (the command line, the web
views, the API) asks through the services.

- Reading a proposal in full: anyone may read a proposal that is not confidential; a
  confidential (FORTROLIG) one only those allowed to read confidential proposals and those
  who may edit it. Everyone else sees what the catalog publishes of it
  (:func:`gevinst.core.confidential.public_view`).
- Editing a proposal: those who edit the whole catalog, and those who edit for an
  administration that presents the proposal (``Proposal.presenting``).
- Making a proposal confidential or public (or a catalog entry alone): only those who edit
  the whole catalog, so that an administration cannot publish what CFØ keeps confidential.
- Importing a catalog: only those who edit the whole catalog.

A local command-line user owns the files they name and may do everything (:data:`LOCAL`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from gevinst.core.confidential import public_view
from gevinst.core.errors import AccessDeniedError
from gevinst.core.model import Catalog, Proposal


class Edits(StrEnum):
    """What an actor may edit."""

    NOTHING = "nothing"
    OWN = "own"  # the proposals presented by their own administration
    CATALOG = "catalog"  # every proposal, and whole catalogs (an import)


@dataclass(frozen=True, kw_only=True)
class Actor:
    """The user a service acts for."""

    name: str
    administration: str | None = None  # the code of their administration, e.g. ØKF
    edits: Edits = Edits.NOTHING
    reads_confidential: bool = False
    # the bodies they answer consultations for: consultation kinds of the profile
    # (it-kredsen) and the code of their administration (gevinst.core.consultation)
    bodies: frozenset[str] = frozenset()


LOCAL = Actor(name="lokal bruger", edits=Edits.CATALOG, reads_confidential=True)


def may_edit(actor: Actor, p: Proposal) -> bool:
    if actor.edits is Edits.CATALOG:
        return True
    return actor.edits is Edits.OWN and actor.administration in p.presenting


def may_read_in_full(actor: Actor, p: Proposal) -> bool:
    return not p.confidential or actor.reads_confidential or may_edit(actor, p)


def require_edit(actor: Actor, p: Proposal) -> None:
    if not may_edit(actor, p):
        raise AccessDeniedError(f"{actor.name} må ikke rette forslag {p.id}")


def require_read_in_full(actor: Actor, p: Proposal) -> None:
    if not may_read_in_full(actor, p):
        raise AccessDeniedError(f"forslag {p.id} er fortroligt; {actor.name} må ikke se det")


def require_publication(actor: Actor, before: Proposal, after: Proposal) -> None:
    """An edit that changes what is published of a proposal needs the whole catalog's right."""
    changed = (before.confidential, before.catalog_entry_only) != (
        after.confidential,
        after.catalog_entry_only,
    )
    if changed and actor.edits is not Edits.CATALOG:
        raise AccessDeniedError(
            f"kun de, der retter hele kataloget, kan gøre forslag {before.id} fortroligt "
            "eller offentligt"
        )


def require_catalog_edit(actor: Actor) -> None:
    if actor.edits is not Edits.CATALOG:
        raise AccessDeniedError(f"{actor.name} må ikke indlæse eller oprette et katalog")


def visible(cat: Catalog, actor: Actor) -> Catalog:
    """The catalog as ``actor`` may see it: each confidential proposal they may not read in
    full reduced to what the catalog publishes."""
    proposals = tuple(
        p if may_read_in_full(actor, p) else public_view(p, cat.profile) for p in cat.proposals
    )
    return replace(cat, proposals=proposals)
