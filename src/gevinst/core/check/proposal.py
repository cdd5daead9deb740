# SPDX-License-Identifier: MPL-2.0
"""One proposal checked by every rule family, in the order the findings are listed."""

from __future__ import annotations

from gevinst.core import calc
from gevinst.core.check.basis import check_basis_table, check_effects
from gevinst.core.check.claims import check_claims
from gevinst.core.check.table1 import check_table1
from gevinst.core.check.tables import (
    check_admin,
    check_c_is_a_plus_b,
    check_price_bases,
    check_technical,
)
from gevinst.core.check.targets import check_targets
from gevinst.core.check.template import check_template
from gevinst.core.findings import Finding
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile


def check_proposal(p: Proposal, profile: Profile) -> list[Finding]:
    """Every finding about one proposal: its figures recomputed (each technical table once),
    the template applied; each message in ``profile``'s language."""
    tables = calc.tables_of(p, profile)
    findings = [
        *check_table1(p, profile, tables),
        *check_effects(p, profile),
        *check_technical(p, profile, tables),
        *check_c_is_a_plus_b(p, profile),
        *check_admin(p, profile),
        *check_template(p, profile, tables),
        *check_targets(p, profile),
        *check_price_bases(p, profile),
    ]
    for b in p.basis:
        findings.extend(check_basis_table(p, b, profile))
    findings.extend(check_claims(p, profile, tables))
    return findings
