# SPDX-License-Identifier: MPL-2.0
"""A proposal's options appraised (:mod:`gevinst.core.appraisal`), for an actor who may read
the proposal in full."""

from __future__ import annotations

from dataclasses import dataclass

from gevinst.core.access import Actor, require_read_in_full
from gevinst.core.appraisal.options import Appraised
from gevinst.core.appraisal.proposal import appraise_proposal
from gevinst.core.model import Proposal
from gevinst.stores.base import Store


@dataclass(frozen=True)
class AppraisalShown:
    proposal: Proposal
    unit: str  # the profile's money label, "1.000 kr.", "£"
    appraised: Appraised


def appraisal(store: Store, actor: Actor, key: str, proposal: str) -> AppraisalShown:
    """The proposal ``proposal`` of the catalog ``key`` and its options appraised."""
    cat = store.catalog(key)
    p = cat.proposal(proposal)
    require_read_in_full(actor, p)
    return AppraisalShown(p, cat.profile.money.label, appraise_proposal(p, cat.profile))
