# SPDX-License-Identifier: MPL-2.0
"""The template's rules: which technical tables a proposal must fill in, and whom it must
have heard (Center for Økonomi always; Ejendom, IT-kredsen, Koncern IT and HR-kredsen where
its scope calls for them)."""

from __future__ import annotations

from collections.abc import Iterator

from gevinst.core import calc
from gevinst.core.check.tables import filled
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile

# why the template calls for each technical table (its rule, in the template's own words)
_CALLED_FOR = {
    "A": "Forslaget har varige driftsudgifter",
    "B": "Forslaget har varige driftsudgifter",
    "C": "Forslaget har varige driftsudgifter",
    "D": f"Investeringen på {calc.ANLAEG} fordeler sig på flere udvalg",
    "E": f"Investeringen på {calc.SERVICE} fordeler sig på flere udvalg",
}


def required_tables(
    p: Proposal, profile: Profile, tables: calc.Tables | None = None
) -> tuple[str, ...]:
    """The technical tables the template's rules call for: A, B and C where the proposal has
    permanent operating costs; D (Anlæg) and E (Service) where its investment falls on more
    than one committee. The check and every document ask this one function; ``tables`` are
    the proposal's as the rest of its check computes them."""
    if p.catalog_entry_only:
        return ()
    derived = tables or calc.Tables(p, profile)
    called_for = list("ABC") if not calc.operating_costs(p).is_zero() else []
    for t in ("D", "E") if not calc.unbooked(p) else ():
        units = derived[t]
        if len({profile.committee_of(u) for u, s in units.items() if not s.is_zero()}) > 1:
            called_for.append(t)
    return tuple(called_for)


def check_template(
    p: Proposal, profile: Profile, tables: calc.Tables | None = None
) -> Iterator[Finding]:
    """Each table the template calls for and is not filled in, and each consultation it
    calls for and has not taken place."""

    def rule(name: str, message: str) -> Finding:
        return Finding.note(
            proposal=p.id,
            table="template",
            row=None,
            rule=name,
            severity=Severity.WARNING,
            message=message,
        )

    if p.catalog_entry_only:
        return
    for t in required_tables(p, profile, tables):
        if not filled(p.stated.technical.get(t)):
            yield rule(f"template-{t}", f"{_CALLED_FOR[t]}, men Tabel {t} er ikke udfyldt")
    heard = {c.kind: c for c in p.consultations}
    cfo = heard.get("cfo")
    if cfo is None or not cfo.heard:
        yield rule(
            "template-cfo",
            "Forslaget er ikke godkendt i endelig form af Center for "
            "Økonomi (skal ske før udvalgsgodkendelse)",
        )
    required = (
        (p.scope.m2_change, "ejendom", "Ændrede m2-behov kræver en ejendomsfaglig vurdering"),
        (
            p.scope.digitalisation,
            "it-kredsen",
            "Digitaliseringsprojekter skal i høring i IT-kredsen",
        ),
        (p.scope.new_it_system, "koncern-it", "Nye it-systemer skal vurderes af Koncern IT"),
        (
            p.scope.employer_area,
            "hr-kredsen",
            "Effektiviseringer på arbejdsgiverområdet skal i høring i HR-kredsen",
        ),
    )
    for applies, kind, text in required:
        if applies and not (kind in heard and heard[kind].heard):
            yield rule(f"template-{kind}", f"{text}, før Center for Økonomi kan godkende endeligt")
