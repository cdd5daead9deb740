# SPDX-License-Identifier: MPL-2.0
"""A proposal's options appraisal as document blocks (``appraisal:``, issue 10, item 4): the
options side by side against the do-nothing baseline, the funding, the optimism bias, the
risk pool, the switching values, the discount-rate schedule and the key decision, as
:mod:`gevinst.core.appraisal` computes them; every figure is the core's, worded, formatted
and rounded here in the profile's language, number format, money and years.

The blocks are :mod:`gevinst.documents.blocks`' vocabulary (heading, prose, fields, table),
so the PDF, the HTML page and the Word document lay them out as any other; a proposal
without an ``appraisal:`` section (the Copenhagen seed) gets none.

Amounts are present values in the proposal's scale at its price level, rounded at the
money's quantum (whole pounds: "-2,147,129"); shares and rates as per cent with one decimal
("30 %", "3.5 %") and the rates where a switch happens with two ("36.22 %").
"""

from __future__ import annotations

from decimal import Decimal

from gevinst.core.appraisal.case import OptionRole
from gevinst.core.appraisal.optimism import BiasBase
from gevinst.core.appraisal.options import GROUPS, Appraised
from gevinst.core.appraisal.proposal import appraise_proposal
from gevinst.core.appraisal.rows import ROWS, money
from gevinst.core.distribute import round_to
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile
from gevinst.core.template import Printing
from gevinst.documents.block_kinds import Block
from gevinst.documents.block_kinds import para as _prose
from gevinst.documents.block_kinds import row as _row
from gevinst.documents.block_kinds import table as _table

PART = "appraisal"  # every block of the appraisal says so: ``{"part": "appraisal", ...}``

HUNDRED = Decimal(100)
TENTH = Decimal("0.1")  # a tenth of a per cent
# the options table: the row label twice as wide as an option's column
LABEL_WEIGHT = 2.2

ROLES = {
    OptionRole.DO_NOTHING: "Nulalternativ",
    OptionRole.DO_MINIMUM: "Minimumsalternativ",
    OptionRole.PREFERRED: "Foretrukket alternativ",
    OptionRole.OTHER: "Andet alternativ",
}
BASES = {BiasBase.CAPITAL: "anlægsudgiften", BiasBase.REVENUE: "driftsudgifterne"}
# the switching values of groups (worded by the profile), not of rows (worded by the case)
GROUP_NAMES = {name for name, _, _ in GROUPS}


def heading(printed: Printing) -> str:
    """The block's heading: "Vurdering af alternativer", "Options appraisal"."""
    return printed.words.term("Vurdering af alternativer")


def percent(share: Decimal, printed: Printing) -> str:
    """A share as per cent to one decimal, as written (no trailing zero).

    >>> from gevinst.core.template import printing
    >>> percent(Decimal("0.3"), printing(None)), percent(Decimal("-0.69123"), printing(None))
    ('30 %', '-69,1 %')
    """
    return f"{printed.plain(round_to(share * HUNDRED, TENTH))} %"


def rate(share: Decimal, printed: Printing) -> str:
    """A rate to two decimals of a per cent.

    >>> from gevinst.core.template import printing
    >>> rate(Decimal("0.362248"), printing(None)), rate(Decimal("0.035"), printing(None))
    ('36,22 %', '3,50 %')
    """
    return f"{printed.figure(share * HUNDRED, places=2)} %"


# rows that are the comparison's result, set in bold
STRONG = {"Nutidsværdi (NPV)", "NPV mod nulalternativet", "Cost-benefit-forhold (BCR)"}


def options_table(p: Proposal, a: Appraised, printed: Printing) -> Block:
    """The options side by side, the baseline first as the case lists it; the preferred
    option marked in the first row."""
    t = printed.words.term
    results = a.results
    rows = [_row([t("Rolle"), *(t(ROLES[r.figures.option.role]) for r in results)], "sub")]
    for label, figure in ROWS:
        style = "sub" if label in STRONG else ""
        rows.append(_row([t(label), *(figure(r, a.years, printed) for r in results)], style))
    return _table(
        t("Alternativerne mod nulalternativet, nutidsværdier"),
        [printed.prices(p.price_level), *(r.figures.option.label for r in results)],
        rows,
        [LABEL_WEIGHT, *([1] * len(results))],
        ["left", *(["right"] * len(results))],
        notes=[
            t(
                "Nutidsværdier; omkostninger positive, gevinster negative (negativ NPV er en "
                "gevinst)"
            )
        ],
    )


def _funding(a: Appraised, printed: Printing) -> str:
    t = printed.words.term
    if a.loan is None:
        return t("egne midler (reserves): anlægsudgiften tælles det år, den afholdes")
    source = f" ({a.loan.source})" if a.loan.source else ""
    return t(
        "lån over {term} år til {rate}{source}; finansieringsudgiften (annuitet fra året efter "
        "udgiften) tælles i stedet for anlægsudgiften"
    ).format(term=a.loan.term, rate=percent(a.loan.rate, printed), source=source)


def _bias(a: Appraised, printed: Printing) -> str:
    t = printed.words.term
    if a.bias is None:
        return t("ingen projekttype angivet")
    b = a.bias
    return t("{label}: øvre grænse {upper}, anvendt {applied} på {base} ({source})").format(
        label=b.label,
        upper=percent(b.upper, printed),
        applied=percent(a.bias_share, printed),
        base=t(BASES[b.applies_to]),
        source=b.source,
    )


def fields(p: Proposal, profile: Profile, a: Appraised, printed: Printing) -> list[list[str]]:
    """The appraisal's settings as label and value: horizon, discounting, funding, optimism
    bias, risk pool and key decision."""
    t = printed.words.term
    first, last = printed.year(a.years[0]), printed.year(a.years[-1])
    rows = [
        [t("Horisont"), t("{first}-{last} (år 0 = {first})").format(first=first, last=last)],
        [
            t("Diskontering"),
            t("{label} ({reference}), gælder fra {start}").format(
                label=a.schedule_label,
                reference=a.schedule.schedule.reference,
                start=a.schedule.start,
            ),
        ],
        [t("Finansiering"), _funding(a, printed)],
        ["Optimism bias", _bias(a, printed)],
        [
            t("Risikopulje"),
            t("Risikopuljen er summen af PERT-middelværdierne (lav + 4 × sandsynlig + høj) / 6."),
        ],
    ]
    if a.key_decision is not None and a.key_decision_threshold is not None:
        answer = t("ja") if a.key_decision else t("nej")
        rows.append(
            [
                t("Nøglebeslutning"),
                t("{answer} (tærskel {threshold})").format(
                    answer=answer, threshold=printed.currency(a.key_decision_threshold)
                ),
            ]
        )
    return rows


def schedule_table(a: Appraised, printed: Printing) -> Block:
    """The discount-rate schedule used, band by band, with its source."""
    t = printed.words.term
    bands = a.schedule.schedule.bands
    rows = []
    for i, band in enumerate(bands):
        years = (
            t("år {first}-{last}").format(first=band.start, last=bands[i + 1].start - 1)
            if i + 1 < len(bands)
            else t("fra år {first}").format(first=band.start)
        )
        rows.append(_row([years, percent(band.rate, printed)]))
    return _table(
        f"{t('Diskonteringsrente')}: {a.schedule_label}",
        [t("År"), t("Rente")],
        rows,
        ["auto", "auto"],
        ["left", "right"],
        notes=[a.schedule.schedule.reference] if a.schedule.schedule.reference else [],
    )


def risk_table(p: Proposal, a: Appraised, printed: Printing) -> Block | None:
    """Every option's three-point estimates with their PERT means; None where none has any."""
    t = printed.words.term
    rows = [
        _row(
            [
                r.figures.option.label,
                risk.text,
                printed.year(risk.year),
                *(money(v, printed) for v in (risk.low, risk.likely, risk.high, risk.expected)),
            ]
        )
        for r in a.results
        for risk in r.figures.option.risks
    ]
    if not rows:
        return None
    columns = [t(c) for c in ("Alternativ", "Risiko", "År", "Lav", "Sandsynlig", "Høj")]
    return _table(
        t("Risici (trepunktsestimater)"),
        [*columns, t("Forventet (PERT)")],
        rows,
        [1.2, 1.6, "auto", "auto", "auto", "auto", "auto"],
        ["left", "left", "left", *(["right"] * 4)],
        unit=printed.prices(p.price_level),
    )


def switching_table(p: Proposal, a: Appraised, printed: Printing) -> Block:
    """How far each group and row of the preferred option may move before its NPV against
    the baseline is 0, then the rates at which it is."""
    t = printed.words.term
    rows = []
    for sv in a.switching:
        at = sv.pv_at_switch
        change = (
            t("ingen")
            if sv.change is None
            else f"{'+' if sv.change > 0 else ''}{percent(sv.change, printed)}"
        )
        rows.append(
            _row(
                [
                    _capital(t(sv.label) if sv.name in GROUP_NAMES else sv.label),
                    money(sv.pv, printed),
                    change,
                    "" if at is None else money(at, printed),
                ]
            )
        )
    title = t(
        "Skifteværdier for {option}: hvor meget en gruppe kan ændre sig, før NPV mod "
        "nulalternativet bliver 0"
    ).format(option=a.preferred.figures.option.label)
    columns = [t("Gruppe"), t("Nutidsværdi"), t("Skifteværdi"), t("Nutidsværdi ved skift")]
    return _table(
        title,
        columns,
        rows,
        [2.4, 1, 1, 1],
        ["left", "right", "right", "right"],
        unit=printed.prices(p.price_level),
    )


def _capital(label: str) -> str:
    # the core's group labels are written to stand inside a sentence ("omkostninger i alt")
    return label[:1].upper() + label[1:]


def rates_table(a: Appraised, printed: Printing) -> Block | None:
    """The rates (the discount rate, one for every year, and the loan's) at which the
    preferred option's NPV against the baseline is 0, beside the rate used."""
    t = printed.words.term
    rows = [
        _row(
            [
                _capital(t(sr.label)),
                rate(sr.used, printed),
                t("skifter ikke") if sr.at_switch is None else rate(sr.at_switch, printed),
            ]
        )
        for sr in a.switching_rates
    ]
    if not rows:
        return None
    return _table(
        "",
        [t("Rente"), t("Anvendt"), t("NPV mod nulalternativet er 0 ved")],
        rows,
        [2.4, 1, 2],
        ["left", "right", "right"],
    )


def appraisal_blocks(p: Proposal, profile: Profile, printed: Printing) -> list[Block]:
    """The proposal's options appraisal, or nothing where it has no ``appraisal:`` section
    (or its profile no appraisal settings, which the check reports)."""
    if p.appraisal is None or profile.appraisal is None:
        return []
    a = appraise_proposal(p, profile)
    options = [[o.label, o.text] for o in p.appraisal.options if o.text]
    risks = risk_table(p, a, printed)
    rates = rates_table(a, printed)
    shown = [
        {"kind": "heading", "level": 2, "text": heading(printed)},
        *_prose(p.appraisal.text),
        *([{"kind": "fields", "rows": options}] if options else []),
        options_table(p, a, printed),
        {"kind": "fields", "rows": fields(p, profile, a, printed)},
        schedule_table(a, printed),
        *([risks] if risks is not None else []),
        switching_table(p, a, printed),
        *([rates] if rates is not None else []),
    ]
    # each block says it is the appraisal's, so that the web page can show them as a panel
    return [{**b, "part": PART} for b in shown]
