# SPDX-License-Identifier: MPL-2.0
"""A proposal's claims as a reader sees them beside its text: where each stands, what it
says, what in the tables it refers to, and whether the tables confirm it.

The status comes from the check's findings, never from a comparison of its own:
``confirmed`` (the tables hold the figure within its precision), ``differs`` (a finding of
rule ``text-claim``), ``stale`` (``text-claim-stale``: the text or the tables changed since
the claim was recorded), ``context`` (a figure the tables do not hold: no reference).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gevinst.core.check.claims import RULE, STALE, TABLE
from gevinst.core.claims.claim import Claim, ClaimUnit, RatioRef, ShareRef
from gevinst.core.claims.fields import field_label
from gevinst.core.claims.reading import QUALIFIER_WORDS, figure_words
from gevinst.core.claims.resolve import place, simple_refs
from gevinst.core.errors import GevinstError
from gevinst.core.findings import Finding
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile
from gevinst.core.template import Printing, printing

CONFIRMED, DIFFERS, STALE_STATUS, CONTEXT = "confirmed", "differs", "stale", "context"


@dataclass(frozen=True)
class Shown:
    """One claim as the page lists it; ``messages`` are its findings' messages."""

    claim: Claim
    where: str
    says: str
    refers_to: str
    status: str
    messages: tuple[str, ...] = ()


_SAYS = {
    "da": {"steady": "varig", "onward": " og frem", "of": "af"},
    "en": {"steady": "permanent", "onward": " onwards", "of": "of"},
}


def _says(c: Claim, pr: Printing) -> str:
    """What a claim says, in the profile's language: "ca. 3,5 årsværk (2026)", "1,3 mio. kr.
    (2028 og frem)"; "£477,000 (2026/27 onwards)", "about 210,000"."""
    words = _SAYS[pr.language]
    if pr.language == "da":
        figures = "/".join(c.written) if len(c.written) > 1 else c.written[0]
        unit = "" if c.unit.value == "antal" else f" {c.unit.value}"
        said = f"{figures}{unit}"
        years = "varig" if c.steady and not c.years else ", ".join(map(str, c.years))
    else:
        shown = c.written if len(c.written) == 1 or c.unit is ClaimUnit.RATIO else c.written[:1]
        said = figure_words(shown, c.unit, pr).replace(" - ", "/")
        named = ", ".join(pr.year(y) for y in c.years)
        years = words["steady"] if c.steady and not c.years else named
    qualifier = QUALIFIER_WORDS[pr.language][c.qualifier]
    onward = words["onward"] if c.steady and c.years else ""
    return f"{qualifier + ' ' if qualifier else ''}{said}" + (
        f" ({years}{onward})" if years else ""
    )


def _refers_to(p: Proposal, profile: Profile, c: Claim, language: str = "da") -> str:
    if c.ref is None:
        return ""  # a figure of the text alone; its note is internal
    try:
        names = [place(p, profile, r).name for r in simple_refs(c.ref)]
    except GevinstError as e:
        return str(e)
    if isinstance(c.ref, ShareRef):
        return f"{names[0]} {_SAYS[language]['of']} {names[1]}"
    return " / ".join(names) if isinstance(c.ref, RatioRef) else names[0]


def shown(p: Proposal, profile: Profile, findings: Iterable[Finding]) -> list[Shown]:
    """Every claim of ``p`` in the order recorded, with its status from ``findings`` (the
    check's, of ``p`` or of the catalog)."""
    said: dict[tuple[str, str], list[str]] = {}
    for f in findings:
        if f.proposal == p.id and f.table == TABLE and f.row is not None:
            said.setdefault((f.rule, f.row), []).append(f.message)
    out = []
    pr = printing(profile)
    for c in p.claims:
        stale, differs = said.get((STALE, c.phrase), []), said.get((RULE, c.phrase), [])
        if stale:
            status, messages = STALE_STATUS, stale
        elif differs:
            status, messages = DIFFERS, differs
        else:
            status, messages = (CONTEXT if c.ref is None else CONFIRMED), []
        out.append(
            Shown(
                c,
                field_label(p, c.field, pr.language),
                _says(c, pr),
                _refers_to(p, profile, c, pr.language),
                status,
                tuple(messages),
            )
        )
    return out
