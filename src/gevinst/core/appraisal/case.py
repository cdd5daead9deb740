# SPDX-License-Identifier: MPL-2.0
"""What a proposal's ``appraisal:`` section holds (docs/format.md, "Funding and appraisal").

A case has options (do nothing, do minimum, preferred, others), each its own costs and
benefits by year; one is the do-nothing baseline the others are compared against, one the
preferred. Amounts follow the format's sign convention: costs positive, benefits and
existing budgets that the case releases negative. Every benefit says whether it is
cashable (money that leaves a budget) or not (time released, value to residents), and the
two are kept apart in every total.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from gevinst.core.appraisal.financing import Loan
from gevinst.core.appraisal.risk import RiskEstimate
from gevinst.core.errors import InputError
from gevinst.core.series import EMPTY, ZERO, Series


class RowKind(StrEnum):
    COST = "cost"  # revenue costs (running costs, licences, staff)
    BENEFIT = "benefit"  # savings and other benefits, negative; cashable or not
    OFFSET = "offset"  # an existing budget that pays for part of the case, negative


class OptionRole(StrEnum):
    DO_NOTHING = "do_nothing"  # the baseline
    DO_MINIMUM = "do_minimum"
    PREFERRED = "preferred"
    OTHER = "other"


@dataclass(frozen=True)
class AppraisalRow:
    id: str
    text: str
    kind: RowKind
    amounts: Series
    cashable: bool | None = None  # a benefit's; None for a cost or an offset


@dataclass(frozen=True)
class AppraisalOption:
    id: str
    label: str
    role: OptionRole
    rows: tuple[AppraisalRow, ...] = ()
    capital: Series = EMPTY  # capital expenditure by year, before optimism bias and funding
    risks: tuple[RiskEstimate, ...] = ()
    text: str = ""

    def rows_of(self, kind: RowKind, cashable: bool | None = None) -> tuple[AppraisalRow, ...]:
        return tuple(
            r for r in self.rows if r.kind is kind and (cashable is None or r.cashable is cashable)
        )


@dataclass(frozen=True)
class Appraisal:
    """A proposal's appraisal: its options, how capital is funded (a loan, or reserves where
    ``loan`` is None), the kind of project for optimism bias and the share of the bias the
    case shows to be mitigated, and its horizon (the proposal's years where empty).

    ``borrowed_lines`` are the proposal's own Tabel 1 implementation lines that hold capital
    funded by the loan, whose financing cost its permanent (revenue) lines already hold: Tabel
    1's payback and present value leave them out, so the capital counts once
    (:func:`gevinst.core.calc.counted_implementation`)."""

    options: tuple[AppraisalOption, ...]
    loan: Loan | None = None
    project_kind: str | None = None
    mitigation: Decimal = ZERO
    years: tuple[int, ...] = ()
    text: str = ""
    borrowed_lines: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        problem = case_problem(self)
        if problem:
            raise InputError(problem)

    def _one(self, role: OptionRole) -> AppraisalOption:
        return next(o for o in self.options if o.role is role)

    @property
    def baseline(self) -> AppraisalOption:
        return self._one(OptionRole.DO_NOTHING)

    @property
    def preferred(self) -> AppraisalOption:
        return self._one(OptionRole.PREFERRED)


def case_problem(case: Appraisal) -> str:
    """Why a case cannot be appraised (in Danish), or "" where it can."""
    roles = Counter(o.role for o in case.options)
    for role, word in ((OptionRole.DO_NOTHING, "do_nothing"), (OptionRole.PREFERRED, "preferred")):
        if roles[role] != 1:
            return f"en vurdering skal have netop én mulighed med role: {word}, ikke {roles[role]}"
    if case.borrowed_lines and case.loan is None:
        return "lines under funding gælder kapital finansieret med lån (method: borrowing)"
    ids = Counter(o.id for o in case.options)
    if twice := sorted(i for i, n in ids.items() if n > 1):
        return f"muligheden {twice[0]!r} står to gange"
    for o in case.options:
        row_ids = Counter(r.id for r in o.rows)
        if twice := sorted(i for i, n in row_ids.items() if n > 1):
            return f"muligheden {o.id!r}: rækken {twice[0]!r} står to gange"
        for r in o.rows:
            if (r.kind is RowKind.BENEFIT) != (r.cashable is not None):
                return (
                    f"muligheden {o.id!r}, rækken {r.id!r}: en gevinst (benefit) siger "
                    "cashable: true eller false; en omkostning eller et eksisterende budget ikke"
                )
    return ""
