# SPDX-License-Identifier: MPL-2.0
"""The calculation basis: each effect model recomputed against the lines it explains, each
value it had to assume, each permanent line no model explains, and the printed basis
tables' own row and column totals."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.check.compare import compare_series, severity
from gevinst.core.effects import MODELS, evaluate
from gevinst.core.errors import GevinstError
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import BasisTable, Proposal, Section
from gevinst.core.numbers import dk
from gevinst.core.profile import Profile
from gevinst.core.series import ZERO


def check_basis_table(p: Proposal, b: BasisTable) -> Iterator[Finding]:
    """A basis table's total column against its other columns, and its total rows against
    the rows they add up."""

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
                    message=f"{b.title}, {row.label!r}: {b.total_column} er {dk(stated)}, "
                    f"men kolonnerne giver {dk(computed)}",
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
                    message=f"{b.title}, {total.row!r}, {col}: angivet {dk(stated)}, men "
                    f"rækkerne giver {dk(computed)}",
                )


def check_effects(p: Proposal, profile: Profile) -> Iterator[Finding]:
    """Each effect model against the line it explains, each value it had to assume, and each
    permanent line that no model explains."""
    explained = {line_id for e in p.effects for line_id in e.lines}
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
                message=f"Beregningsgrundlaget for {line.text!r} er ikke udtrykt som en "
                "model; forslaget oplyser ikke nok til at genberegne linjen",
            )
    for e in p.effects:
        line = p.line(e.line)
        name = f"Grundlaget for {line.text!r} ({MODELS[e.model].label.lower()})"
        try:
            result = evaluate(
                e, p.years, profile.assumptions, p.assumptions_date, money=profile.money
            )
        except GevinstError as err:
            yield Finding.note(
                proposal=p.id,
                table="basis",
                row=e.line,
                rule="basis-error",
                severity=Severity.ERROR,
                message=f"{name} kan ikke beregnes: {err}",
            )
            continue
        yield from compare_series(
            p.id, "basis", e.line, name, calc.explained(p, e), result.series, p.years, "basis-model"
        )
        for param in e.params.values():
            if param.assumed:
                yield Finding.note(
                    proposal=p.id,
                    table="basis",
                    row=e.line,
                    rule="basis-assumed",
                    severity=Severity.INFO,
                    message=f"{name}: parameteren {param.name!r} er ikke oplyst i forslaget"
                    f" ({param.source})",
                )
