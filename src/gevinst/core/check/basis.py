# SPDX-License-Identifier: MPL-2.0
"""The calculation basis: each effect model recomputed against the lines it explains, each
value it had to assume, each permanent line no model explains, and the printed basis
tables' own row and column totals."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import partial

from gevinst.core import calc
from gevinst.core.check.compare import compare_series, severity
from gevinst.core.check.say import Messages, say, voice
from gevinst.core.effects import evaluate, model_label
from gevinst.core.errors import GevinstError
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import BasisTable, Proposal, Section
from gevinst.core.profile import Profile
from gevinst.core.series import ZERO
from gevinst.core.template import Printing

MESSAGES: Messages = {
    "da": {
        "basis-row-total": "{title}, {row!r}: {column} er {stated}, men kolonnerne giver "
        "{computed}",
        "basis-column-total": "{title}, {row!r}, {column}: angivet {stated}, men rækkerne "
        "giver {computed}",
        "basis-missing": "Beregningsgrundlaget for {text!r} er ikke udtrykt som en model; "
        "forslaget oplyser ikke nok til at genberegne linjen",
        "basis": "Grundlaget for {text!r} ({model})",
        "basis-error": "{name} kan ikke beregnes: {error}",
        "basis-assumed": "{name}: parameteren {param!r} er ikke oplyst i forslaget ({source})",
    },
    "en": {
        "basis-row-total": "{title}, {row!r}: {column} is {stated}, but the columns give "
        "{computed}",
        "basis-column-total": "{title}, {row!r}, {column}: stated {stated}, but the rows give "
        "{computed}",
        "basis-missing": "The calculation basis for {text!r} is not expressed as a model; the "
        "proposal does not give enough to recalculate the line",
        "basis": "The basis for {text!r} ({model})",
        "basis-error": "{name} cannot be calculated: {error}",
        "basis-assumed": "{name}: the parameter {param!r} is not given in the proposal ({source})",
    },
}


def _model_name(model: str, pr: Printing) -> str:
    """A model's name inside a message: its label in lower case ("årsværk", "full-time
    equivalents"), as core/basis_words.py writes it."""
    return model_label(model, pr).lower()


def _basis_name(text: str, model: str, pr: Printing) -> str:
    """An effect model in a message: the line it explains and the model's name."""
    return say(pr, MESSAGES, "basis", text=text, model=_model_name(model, pr))


def check_basis_table(
    p: Proposal, b: BasisTable, profile: Profile | None = None
) -> Iterator[Finding]:
    """A basis table's total column against its other columns, and its total rows against
    the rows they add up."""
    pr = voice(profile)

    def number(v: object) -> Decimal:
        return v if isinstance(v, Decimal) else ZERO

    if b.total_column:
        parts = [c for c in b.columns if c != b.total_column]
        for row in b.rows:
            stated = row.values.get(b.total_column)
            if not isinstance(stated, Decimal):
                continue
            computed = sum((number(row.values.get(c)) for c in parts), ZERO)
            if stated != computed:
                yield Finding(
                    proposal=p.id,
                    table="basis",
                    row=f"{b.id}: {row.label}",
                    year=None,
                    stated=stated,
                    computed=computed,
                    rule="basis-row-total",
                    severity=severity(stated, computed),
                    message=say(
                        pr,
                        MESSAGES,
                        "basis-row-total",
                        title=b.title,
                        row=row.label,
                        column=b.total_column,
                        stated=pr.plain(stated),
                        computed=pr.plain(computed),
                    ),
                )
    rows = {r.label: r for r in b.rows}
    for total in b.total_rows:
        for col in b.columns:
            stated = rows[total.row].values.get(col) if total.row in rows else None
            if not isinstance(stated, Decimal):
                continue
            computed = sum((number(rows[r].values.get(col)) for r in total.of if r in rows), ZERO)
            if stated != computed:
                yield Finding(
                    proposal=p.id,
                    table="basis",
                    row=f"{b.id}: {total.row}",
                    year=None,
                    stated=stated,
                    computed=computed,
                    rule="basis-column-total",
                    severity=severity(stated, computed),
                    message=say(
                        pr,
                        MESSAGES,
                        "basis-column-total",
                        title=b.title,
                        row=total.row,
                        column=col,
                        stated=pr.plain(stated),
                        computed=pr.plain(computed),
                    ),
                )


def check_effects(p: Proposal, profile: Profile) -> Iterator[Finding]:
    """Each effect model against the line it explains, each value it had to assume, and each
    permanent line that no model explains."""
    explained = {line_id for e in p.effects for line_id in e.lines}
    pr = voice(profile)
    for line in p.lines:
        if (
            line.section is Section.PERMANENT
            and line.id not in explained
            and not p.catalog_entry_only
        ):
            yield Finding.note(
                proposal=p.id,
                table="basis",
                row=line.id,
                rule="basis-missing",
                severity=Severity.INFO,
                message=say(pr, MESSAGES, "basis-missing", text=line.text),
            )
    for e in p.effects:
        # worded only for a finding: most effects agree with their lines
        name = partial(_basis_name, p.line(e.line).text, e.model, pr)
        try:
            result = evaluate(
                e, p.years, profile.assumptions, p.assumptions_date, money=profile.money, voice=pr
            )
        except GevinstError as err:
            yield Finding.note(
                proposal=p.id,
                table="basis",
                row=e.line,
                rule="basis-error",
                severity=Severity.ERROR,
                message=say(pr, MESSAGES, "basis-error", name=name(), error=err),
            )
            continue
        yield from compare_series(
            p.id,
            "basis",
            e.line,
            name,
            calc.explained(p, e),
            result.series,
            p.years,
            "basis-model",
            pr=pr,
        )
        for param in e.params.values():
            if param.assumed:
                yield Finding.note(
                    proposal=p.id,
                    table="basis",
                    row=e.line,
                    rule="basis-assumed",
                    severity=Severity.INFO,
                    message=say(
                        pr,
                        MESSAGES,
                        "basis-assumed",
                        name=name(),
                        param=param.name,
                        source=param.source,
                    ),
                )
