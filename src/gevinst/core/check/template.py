# SPDX-License-Identifier: MPL-2.0
"""The template's rules, as the profile states them: which technical tables a proposal must
fill in, whose final approval it needs and whom its scope calls on it to hear (Copenhagen:
Center for Økonomi always; Ejendom, IT-kredsen, Koncern IT and HR-kredsen where its scope
calls for them). A body whose profile states no rule gets no finding from here."""

from __future__ import annotations

from collections.abc import Iterator

from gevinst.core import calc
from gevinst.core.check.say import Messages, say, voice
from gevinst.core.check.tables import filled
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile

# the technical tables whose rule is "more than one committee shares the investment"; the
# others (A to C) are called for by permanent operating costs
_SPLIT_INVESTMENT = ("D", "E")

# the glue around the template's own words (the profile's, already in its language)
MESSAGES: Messages = {
    "da": {"not-filled": "{why}, men {table} er ikke udfyldt"},
    "en": {"not-filled": "{why}, but {table} is not filled in"},
}


def required_tables(
    p: Proposal, profile: Profile, tables: calc.Tables | None = None
) -> tuple[str, ...]:
    """The technical tables the template's rules call for, of those the profile's template
    has: A, B and C where the proposal has permanent operating costs; D (capital) and E
    (operating) where its investment falls on more than one committee. The check and every
    document ask this one function; ``tables`` are the proposal's as the rest of its check
    computes them."""
    has = profile.template.technical_tables
    if p.catalog_entry_only or not has:
        return ()
    derived = tables or calc.Tables(p, profile)
    costs = not calc.operating_costs(p).is_zero()
    called_for = [t for t in "ABC" if t in has and costs]
    for t in (t for t in _SPLIT_INVESTMENT if t in has) if not calc.unbooked(p) else ():
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
    template = profile.template
    pr = voice(profile)
    for t in required_tables(p, profile, tables):
        if not filled(p.stated.technical.get(t)):
            yield rule(
                f"template-{t}",
                say(
                    pr,
                    MESSAGES,
                    "not-filled",
                    why=template.technical_tables[t],
                    table=f"{pr.words.table_word} {t}",
                ),
            )
    heard = {c.kind: c for c in p.consultations}
    approval = template.approval
    if approval is not None and not (approval.kind in heard and heard[approval.kind].heard):
        yield rule(f"template-{approval.kind}", approval.missing)
    before = f", {approval.before}" if approval is not None else ""
    for required in template.consultations:
        applies = getattr(p.scope, required.when)
        if applies and not (required.kind in heard and heard[required.kind].heard):
            yield rule(f"template-{required.kind}", f"{required.text}{before}")
