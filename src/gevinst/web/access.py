# SPDX-License-Identifier: MPL-2.0
"""Django's users as the core's actors (:mod:`gevinst.core.access` holds the rule), and every
read of a confidential proposal logged."""

from __future__ import annotations

from typing import Any

from gevinst.core.access import Actor, Edits
from gevinst.core.model import Proposal
from gevinst.web.models import AuditEvent, Membership, Role


def actor_of(user: Any) -> Actor:
    """The actor a signed-in user is: CFØ edits and reads everything; an editor edits the
    proposals their administration presents; a reader reads what is not confidential."""
    name = user.get_username()
    try:
        m = user.membership
    except Membership.DoesNotExist:
        m = None
    bodies = _bodies(m)
    if user.is_superuser or (m is not None and m.role == Role.CFO):
        return Actor(name=name, edits=Edits.CATALOG, reads_confidential=True, bodies=bodies)
    if m is not None and m.role == Role.EDITOR and m.administration:
        return Actor(name=name, administration=m.administration, edits=Edits.OWN, bodies=bodies)
    return Actor(name=name, bodies=bodies)


def _bodies(m: Membership | None) -> frozenset[str]:
    """The bodies a member answers consultations for: those named in their membership, and
    their administration."""
    if m is None:
        return frozenset()
    named = {str(b) for b in m.bodies or ()}
    return frozenset(named | ({m.administration} if m.administration else set()))


def audit(user: Any, action: str, catalog: str, proposal: str = "", **detail: object) -> None:
    """Log what ``user`` did or saw."""
    AuditEvent.objects.create(
        user=user if user.is_authenticated else None,
        action=action,
        catalog=catalog,
        proposal=proposal,
        detail=detail,
    )


def record_read(user: Any, catalog: str, p: Proposal) -> None:
    """Log a read of a confidential proposal shown in full."""
    if p.confidential and not p.catalog_entry_only:
        audit(user, "read-confidential", catalog, p.id)
