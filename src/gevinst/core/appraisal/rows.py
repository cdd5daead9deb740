# SPDX-License-Identifier: MPL-2.0
"""The options compared, as rows of labelled figures: one table for the documents' options
appraisal and the terminal's ``gevinst appraise``. Each row's label is its Danish wording
(``Wording.terminal`` words it in the profile's language) and its figure comes from
:mod:`gevinst.core.appraisal.options`, printed in the profile's number format, money and
years."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from gevinst.core.appraisal.options import OptionResult
from gevinst.core.template import Printing


def money(value: Decimal, printed: Printing) -> str:
    """A present value at the money's quantum in the language's format, rounded half away
    from zero.

    >>> from gevinst.core.template import printing
    >>> money(Decimal("-2147128.5"), printing(None)), money(Decimal("731653.4"), printing(None))
    ('-2.147.129', '731.653')
    """
    return printed.figure(value, places=printed.money.decimals)


Figure = Callable[[OptionResult, tuple[int, ...], Printing], str]

# the options table's rows, by their Danish wording (Wording.terminal words them): the
# documents' and the terminal's (gevinst appraise) one table
ROWS: tuple[tuple[str, Figure], ...] = (
    ("Omkostninger i alt (nutidsværdi)", lambda r, _, pr: money(r.figures.pv_costs, pr)),
    ("Eksisterende budgetter modregnet", lambda r, _, pr: money(r.figures.pv_offsets, pr)),
    ("Gevinster, kontante (cashable)", lambda r, _, pr: money(r.figures.pv_cashable, pr)),
    (
        "Gevinster, ikke-kontante (non-cashable)",
        lambda r, _, pr: money(r.figures.pv_non_cashable, pr),
    ),
    ("Nutidsværdi (NPV)", lambda r, _, pr: money(r.figures.npv, pr)),
    ("NPV, kun kontante gevinster", lambda r, _, pr: money(r.figures.npv_cashable, pr)),
    ("NPV mod nulalternativet", lambda r, _, pr: money(r.npv_vs_baseline, pr)),
    (
        "NPV mod nulalternativet, kun kontante",
        lambda r, _, pr: money(r.npv_cashable_vs_baseline, pr),
    ),
    (
        "Cost-benefit-forhold (BCR)",
        lambda r, _, pr: "–" if r.bcr is None else pr.figure(r.bcr, places=2),
    ),
    ("Tilbagebetalingstid", lambda r, _, pr: pr.payback(r.payback)),
    ("Tilbagebetalingstid, kun kontante", lambda r, _, pr: pr.payback(r.payback_cashable)),
    ("Optimism bias lagt til (i alt)", lambda r, _, pr: money(r.figures.bias.total(), pr)),
    (
        "Finansieringsudgift i horisonten",
        lambda r, ys, pr: money(r.figures.financing_within(ys), pr),
    ),
    ("Risikopulje (PERT, i alt)", lambda r, _, pr: money(r.figures.risk.total(), pr)),
    ("Restgæld ved horisontens slutning", lambda r, _, pr: money(r.figures.outstanding, pr)),
)
