# SPDX-License-Identifier: MPL-2.0
"""The figures a proposal's texts state: found and matched against its tables
(:mod:`gevinst.core.claims`), and those a person confirms recorded as its claims, saved as
a new version of the proposal like every other edit."""

from __future__ import annotations

from collections.abc import Sequence

from gevinst.core.access import Actor, require_read_in_full
from gevinst.core.claims.claim import Claim
from gevinst.core.claims.matcher import Found, found_in
from gevinst.core.model import Proposal
from gevinst.format.claims import claim_document
from gevinst.services.proposals import read_proposal, save_proposal
from gevinst.stores.base import Store, Version


def find(store: Store, actor: Actor, key: str, proposal_id: str) -> tuple[Proposal, list[Found]]:
    """The proposal and every figure of its texts, to those who may read it in full."""
    catalog = store.catalog(key)
    p = catalog.proposal(proposal_id)
    require_read_in_full(actor, p)
    return p, found_in(p, catalog.profile)


def record(
    store: Store, actor: Actor, key: str, proposal_id: str, claims: Sequence[Claim]
) -> Version | None:
    """``claims`` added after the proposal's own, saved as its next version (None where there
    is nothing to add); the store refuses the save if the proposal changed in between."""
    if not claims:
        return None
    current = read_proposal(store, actor, key, proposal_id)
    document = dict(current.document)
    document["claims"] = [*document.get("claims", []), *(claim_document(c) for c in claims)]
    why = f"{len(claims)} tal fra teksten registreret som påstande"
    return save_proposal(store, actor, key, proposal_id, document, base=current.version, why=why)
