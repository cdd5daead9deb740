# SPDX-License-Identifier: MPL-2.0
"""Check a catalog: every figure recomputed and compared with what the documents state, and
the template's rules (:mod:`gevinst.core.check`), over what the acting user may see."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from gevinst.core.access import Actor, visible
from gevinst.core.check import check_catalog as findings_of
from gevinst.core.check import check_proposal, summary
from gevinst.core.check.catalog import Progress
from gevinst.core.findings import Finding, Severity
from gevinst.core.memo import per_proposal
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile
from gevinst.stores.base import Store


@dataclass(frozen=True)
class Checked:
    catalog: Catalog  # as the actor may see it
    findings: tuple[Finding, ...]
    summary: dict[str, object]

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)


def check_catalog(
    store: Store, actor: Actor, key: str, progress: Progress | None = None
) -> Checked:
    """The findings of the catalog ``key``; a confidential proposal the actor may not read in
    full is checked as the catalog publishes it, so its findings reveal nothing more.
    ``progress`` is told after each proposal."""
    catalog = visible(store.catalog(key), actor)
    findings = findings_of(catalog, progress, proposal_findings)
    return Checked(catalog, tuple(findings), summary(findings, catalog))


def proposal_findings(p: Proposal, profile: Profile) -> list[Finding]:
    """:func:`check_proposal`, remembered for as long as ``p`` lives (:mod:`gevinst.core.memo`):
    a catalog checked again after one proposal is saved, or with one proposal as it is being
    edited, checks that one."""
    return list(_findings(p, profile))


@per_proposal
def _findings(p: Proposal, profile: Profile) -> tuple[Finding, ...]:
    return tuple(check_proposal(p, profile))


@dataclass(frozen=True)
class Count:
    """The findings of one proposal (None: the catalog's own tables and statements) by
    severity."""

    proposal: str | None
    error: int
    warning: int
    info: int


@dataclass(frozen=True)
class Selected:
    """The part of a check that was asked for: some proposals, some severities."""

    findings: tuple[Finding, ...]
    summary: dict[str, object]
    counts: tuple[Count, ...]  # every proposal asked for, in the catalog's order
    has_errors: bool  # in the proposals asked for, whichever severities are shown


def select(
    checked: Checked,
    severities: Collection[Severity] = (),
    proposals: Collection[str] = (),
) -> Selected:
    """The findings of ``proposals`` (ids in any case; none: the whole catalog, its own
    tables too) of ``severities`` (none: every severity), counted per proposal. An id the
    catalog does not hold is refused (``UnknownProposalError``)."""
    asked = {checked.catalog.proposal(pid).id for pid in proposals}
    ids: list[str | None] = [p.id for p in checked.catalog.proposals if not asked or p.id in asked]
    of_proposals = [f for f in checked.findings if not asked or f.proposal in asked]
    shown = [f for f in of_proposals if not severities or f.severity in severities]
    return Selected(
        findings=tuple(shown),
        summary={**summary(shown, checked.catalog), "proposals": len(ids)},
        counts=_counts(shown, ids if asked else [*ids, None]),
        has_errors=any(f.severity is Severity.ERROR for f in of_proposals),
    )


def _counts(findings: Collection[Finding], proposals: list[str | None]) -> tuple[Count, ...]:
    """One count per proposal, even one without findings; the catalog's own (None) only
    where it has any."""
    tally = {pid: dict.fromkeys(Severity, 0) for pid in proposals}
    for f in findings:
        tally.setdefault(f.proposal, dict.fromkeys(Severity, 0))[f.severity] += 1
    return tuple(
        Count(pid, by[Severity.ERROR], by[Severity.WARNING], by[Severity.INFO])
        for pid, by in tally.items()
        if pid is not None or any(by.values())
    )
