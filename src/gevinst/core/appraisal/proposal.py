# SPDX-License-Identifier: MPL-2.0
"""A proposal's appraisal with its profile's settings: the options of its ``appraisal:``
section over its horizon, as of the day its assumptions are read (1 January of its price
level, as :mod:`gevinst.core.npv`)."""

from __future__ import annotations

from gevinst.core.appraisal.options import Appraised, appraise
from gevinst.core.errors import InputError
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile


def appraise_proposal(p: Proposal, profile: Profile) -> Appraised:
    if p.appraisal is None:
        raise InputError(f"forslag {p.id} har ingen vurdering af muligheder (appraisal:)")
    if profile.appraisal is None:
        raise InputError(
            f"profilen {profile.id!r} har ingen indstillinger for vurdering (appraisal:): "
            "diskonteringsrente og evt. optimism bias"
        )
    return appraise(p.appraisal, profile.appraisal, p.assumptions_date, p.years, p.scale)
