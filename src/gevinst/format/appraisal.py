# SPDX-License-Identifier: MPL-2.0
"""The appraisal parts of the format (docs/format.md, "Funding and appraisal"): a profile's
``appraisal:`` settings and a proposal's ``appraisal:`` section read into the core
(:mod:`gevinst.core.appraisal`), and a proposal's written back, so that a document read and
written again is the same document."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from gevinst.core.appraisal.case import (
    Appraisal,
    AppraisalOption,
    AppraisalRow,
    OptionRole,
    RowKind,
)
from gevinst.core.appraisal.discount import (
    DiscountRates,
    RateBand,
    RateSchedule,
    ScheduleEdition,
)
from gevinst.core.appraisal.financing import Loan
from gevinst.core.appraisal.optimism import BiasBase, OptimismBias
from gevinst.core.appraisal.risk import RiskEstimate
from gevinst.core.appraisal.settings import AppraisalSettings
from gevinst.core.series import Series
from gevinst.format import schema as s

Doc = dict[str, Any]

# --- the profile's settings ---------------------------------------------------------------


def appraisal_settings(am: s.AppraisalSettingsModel) -> AppraisalSettings:
    """A profile's ``appraisal:`` settings as the core holds them."""
    dr = am.discount_rates
    editions = sorted(
        (
            ScheduleEdition(
                e.start,
                RateSchedule(tuple(RateBand(b.from_, b.rate) for b in e.rates), e.reference),
            )
            for e in dr.editions
        ),
        key=lambda e: e.start,
    )
    biases = tuple(
        OptimismBias(
            kind=b.kind,
            label=b.label,
            upper=b.upper,
            start=b.start,
            source=b.source,
            applies_to=BiasBase(b.applies_to),
            works_duration=b.works_duration,
        )
        for b in am.optimism_bias
    )
    key = am.key_decision
    return AppraisalSettings(
        discount=DiscountRates(dr.label, dr.source, tuple(editions)),
        optimism=biases,
        key_decision_threshold=None if key is None else key.threshold,
        key_decision_source="" if key is None else key.source,
    )


# --- a proposal's section -----------------------------------------------------------------


def _series(values: Mapping[int, Decimal], level: int) -> Series:
    # in the scale of the proposal's lines (the Series' own default), so the two add up
    return Series(dict(values), level)


def _option(o: s.AppraisalOptionModel, level: int) -> AppraisalOption:
    return AppraisalOption(
        id=o.id,
        label=o.label,
        role=OptionRole(o.role),
        text=o.text,
        capital=_series(o.capital, level),
        rows=tuple(
            AppraisalRow(r.id, r.text, RowKind(r.kind), _series(r.amounts, level), r.cashable)
            for r in o.rows
        ),
        risks=tuple(RiskEstimate(r.id, r.text, r.year, r.low, r.likely, r.high) for r in o.risks),
    )


def appraisal_case(am: s.ProposalAppraisalModel, level: int) -> Appraisal:
    """A proposal's ``appraisal:`` section, its amounts at the proposal's price level."""
    f = am.funding
    loan = None
    if f.method == "borrowing" and f.term is not None and f.rate is not None:
        loan = Loan(f.rate, f.term, f.source)
    return Appraisal(
        options=tuple(_option(o, level) for o in am.options),
        loan=loan,
        project_kind=am.project_kind,
        mitigation=am.mitigation,
        years=tuple(am.years),
        text=am.text,
        borrowed_lines=tuple(f.lines),
    )


# the writer's number format (:func:`gevinst.format.writer.number`), passed in by the writer,
# which imports this module
Number = Callable[[Decimal], int | str]


def _option_document(o: AppraisalOption, number: Number) -> Doc:
    def amounts(values: Series) -> dict[int, int | str]:
        return {y: number(a) for y, a in values.items()}

    doc: Doc = {"id": o.id, "label": o.label, "role": str(o.role)}
    if o.text:
        doc["text"] = o.text
    if o.capital:
        doc["capital"] = amounts(o.capital)
    doc["rows"] = [
        {
            "id": r.id,
            "text": r.text,
            "kind": str(r.kind),
            **({"cashable": r.cashable} if r.cashable is not None else {}),
            "amounts": amounts(r.amounts),
        }
        for r in o.rows
    ]
    if o.risks:
        doc["risks"] = [
            {
                "id": r.id,
                "text": r.text,
                "year": r.year,
                "low": number(r.low),
                "likely": number(r.likely),
                "high": number(r.high),
            }
            for r in o.risks
        ]
    return doc


def appraisal_document(a: Appraisal, number: Number) -> Doc:
    """A proposal's ``appraisal:`` section as the format writes it."""
    doc: Doc = {}
    if a.text:
        doc["text"] = a.text
    if a.years:
        doc["years"] = list(a.years)
    if a.loan is None:
        doc["funding"] = {"method": "reserves"}
    else:
        doc["funding"] = {
            "method": "borrowing",
            "term": a.loan.term,
            "rate": number(a.loan.rate),
            **({"source": a.loan.source} if a.loan.source else {}),
            **({"lines": list(a.borrowed_lines)} if a.borrowed_lines else {}),
        }
    if a.project_kind is not None:
        doc["project_kind"] = a.project_kind
    if a.mitigation:
        doc["mitigation"] = number(a.mitigation)
    doc["options"] = [_option_document(o, number) for o in a.options]
    return doc
