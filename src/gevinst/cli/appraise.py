# SPDX-License-Identifier: MPL-2.0
"""``gevinst appraise PATH ID [--format json]``: a proposal's options side by side against the
do-nothing baseline (:mod:`gevinst.core.appraisal`), in the profile's language, money, years
and number format, or as JSON.

Amounts are present values in the proposal's scale at its price level, rounded to whole
units for the table (costs positive, benefits and offsets negative, as everywhere in
gevinst; a negative NPV is a net gain); JSON gives them to the øre or penny, as exact
decimal strings where they are not whole."""

from __future__ import annotations

import argparse
import sys
import textwrap
from decimal import Decimal
from typing import Any

from gevinst.cli.console import catalog_printing, write_json
from gevinst.core.access import LOCAL
from gevinst.core.appraisal.optimism import BiasBase
from gevinst.core.appraisal.options import GROUPS, Appraised, OptionResult
from gevinst.core.appraisal.rows import ROWS
from gevinst.core.appraisal.switching import SwitchingValue
from gevinst.core.calc import Payback
from gevinst.core.distribute import round_to, round_whole
from gevinst.core.model import Proposal
from gevinst.core.template import Printing, printing
from gevinst.services import appraisal as appraisal_service
from gevinst.stores.folder import FolderStore

LABEL = 44
BASES = {BiasBase.CAPITAL: "anlægsudgiften", BiasBase.REVENUE: "driftsudgifterne"}
WIDTH = 100
CENT = Decimal("0.01")
HUNDRED = Decimal(100)
GROUP_NAMES = {name for name, _, _ in GROUPS}  # the switching values of groups, not rows


# Copenhagen's printing, where no profile is given
DA = printing(None)


def _whole(value: Decimal, pr: Printing = DA) -> str:
    """A present value rounded to whole units of the scale, in the language's format."""
    return pr.plain(round_whole(value))


def _percent(share: Decimal, pr: Printing = DA) -> str:
    return f"{pr.plain(round_to(share * HUNDRED, Decimal('0.1')))} %"


def _wrap(text: str, indent: str = "") -> list[str]:
    # a figure and its per cent sign stay on one line
    kept = text.replace(" %", "\xa0%")
    lines = textwrap.wrap(kept, WIDTH, initial_indent=indent, subsequent_indent=indent)
    return [line.replace("\xa0", " ") for line in lines] or [""]


def _head(p: Proposal, a: Appraised, pr: Printing) -> list[str]:
    t = pr.words.term
    first, last = a.years[0], a.years[-1]
    edition = a.schedule
    out = [f"{p.id} {p.title}", t("Vurdering af mulighederne mod nulalternativet"), ""]
    out += _wrap(
        t(
            "Horisont {first}-{last} (år 0 = {first}). Diskontering: {label}, {rates} "
            "({reference}, gælder fra {start})."
        ).format(
            first=pr.year(first),
            last=pr.year(last),
            label=a.schedule_label,
            rates=_rates(a, pr),
            reference=edition.schedule.reference,
            start=edition.start,
        )
    )
    if a.loan is None:
        out.append(
            t("Finansiering: anlægsudgiften betales af egne midler (reserves) det år den afholdes.")
        )
    else:
        source = f" ({a.loan.source})" if a.loan.source else ""
        out += _wrap(
            t(
                "Finansiering: lån over {term} år til {rate}{source}, annuitet fra året efter "
                "udgiften; kun finansieringsudgiften tælles, ikke også anlægsudgiften."
            ).format(term=a.loan.term, rate=_percent(a.loan.rate, pr), source=source)
        )
    if a.bias is None:
        out.append(t("Optimism bias: ingen projekttype angivet."))
    else:
        b = a.bias
        out += _wrap(
            t(
                "Optimism bias: {label}, øvre grænse {upper}, anvendt {applied} på {base} "
                "({source})."
            ).format(
                label=b.label,
                upper=_percent(b.upper, pr),
                applied=_percent(a.bias_share, pr),
                base=t(BASES[b.applies_to]),
                source=b.source,
            )
        )
    return out


def _rates(a: Appraised, pr: Printing) -> str:
    """The schedule's bands in the profile's words and figures: "3,5 % år 0-30, 3 % fra år
    31", "3.5 % years 0-30, ..." (:meth:`RateSchedule.describe`)."""
    return a.schedule.schedule.describe(pr)


def _table(a: Appraised, unit: str, pr: Printing) -> list[str]:
    t = pr.words.term
    labels = [r.figures.option.label for r in a.results]
    width = max(14, *(len(x) + 2 for x in labels))
    out = [
        "",
        t("Nutidsværdier; omkostninger positive, gevinster negative (negativ NPV er en gevinst)"),
    ]
    out.append(f"{unit:<{LABEL}}" + "".join(f"{x:>{width}}" for x in labels))
    for label, cell in ROWS:
        cells = "".join(f"{cell(r, a.years, pr):>{width}}" for r in a.results)
        out.append(f"{t(label):<{LABEL}}{cells}")
    return out


def _switching(a: Appraised, pr: Printing) -> list[str]:
    t = pr.words.term
    out = [
        "",
        *_wrap(
            t(
                "Skifteværdier for {option}: hvor meget en gruppe kan ændre sig, før NPV mod "
                "nulalternativet bliver 0"
            ).format(option=a.preferred.figures.option.label)
        ),
    ]
    for sv in a.switching:
        if sv.change is None:
            out.append("  " + t("{label}: ingen (nutidsværdi 0)").format(label=_label(sv, pr)))
            continue
        at = sv.pv_at_switch
        assert at is not None
        change = f"{'+' if sv.change > 0 else ''}{_percent(sv.change, pr)}"
        out.append(
            "  "
            + t("{label}: {change} (nutidsværdi {pv} -> {at})").format(
                label=_label(sv, pr), change=change, pv=_whole(sv.pv, pr), at=_whole(at, pr)
            )
        )
    for rate in a.switching_rates:
        at_rate = (
            t("skifter ikke mellem 0 % og 100 %")
            if rate.at_switch is None
            else t("NPV mod nulalternativet er 0 ved {rate}").format(rate=_rate(rate.at_switch, pr))
        )
        out.append(
            "  "
            + t("{label}: {at_rate} (anvendt {used})").format(
                label=t(rate.label), at_rate=at_rate, used=_rate(rate.used, pr)
            )
        )
    return out


def _label(sv: SwitchingValue, pr: Printing) -> str:
    """A switching value's label: a group's in the profile's words, a row's as written."""
    return pr.words.term(sv.label) if sv.name in GROUP_NAMES else sv.label


def _rate(share: Decimal, pr: Printing = DA) -> str:
    """A rate to two decimals of a per cent: "27,43 %"."""
    return f"{pr.figure(share * HUNDRED, places=2)} %"


def _key_decision(a: Appraised, pr: Printing) -> list[str]:
    if a.key_decision is None or a.key_decision_threshold is None:
        return []
    t = pr.words.term
    answer = t("ja") if a.key_decision else t("nej")
    line = t("Nøglebeslutning (key decision): {answer}, tærskel {threshold}").format(
        answer=answer, threshold=pr.currency(a.key_decision_threshold)
    )
    return ["", line]


def render(p: Proposal, a: Appraised, unit: str, printed: Printing | None = None) -> str:
    """The options side by side in the profile's words, money, years and figures (without
    a profile: Danish, calendar years, ``unit`` as given)."""
    pr = printed or DA
    prices = pr.prices(p.price_level) if printed else f"{unit} {p.price_level} p/l"
    lines = [*_head(p, a, pr), *_table(a, prices, pr), *_switching(a, pr)]
    lines += _key_decision(a, pr)
    risk_pool = "Risikopuljen er summen af PERT-middelværdierne (lav + 4 × sandsynlig + høj) / 6."
    lines += ["", *_wrap(pr.words.term(risk_pool))]
    return "\n".join(lines) + "\n"


def _num(value: Decimal | None) -> int | str | None:
    if value is None:
        return None
    value = round_to(value, CENT)
    return int(value) if value == value.to_integral_value() else str(value)


def _share(value: Decimal | None) -> str | None:
    """A switching value for JSON: a share to four decimals (0,2534 is 25,34 %)."""
    return None if value is None else str(round_to(value, Decimal("0.0001")))


def _exact(value: Decimal) -> int | str:
    """A rate or a share for JSON, unrounded: whole as a number, else a decimal string."""
    return int(value) if value == value.to_integral_value() else str(value)


def _payback_json(pb: Payback | None) -> dict[str, int] | None:
    return None if pb is None else {"years": pb.years, "year": pb.year}


def _result_json(r: OptionResult) -> dict[str, Any]:
    f = r.figures
    return {
        "id": f.option.id,
        "label": f.option.label,
        "role": str(f.option.role),
        "pv_costs": _num(f.pv_costs),
        "pv_offsets": _num(f.pv_offsets),
        "pv_benefits_cashable": _num(f.pv_cashable),
        "pv_benefits_non_cashable": _num(f.pv_non_cashable),
        "npv": _num(f.npv),
        "npv_cashable": _num(f.npv_cashable),
        "npv_vs_baseline": _num(r.npv_vs_baseline),
        "npv_cashable_vs_baseline": _num(r.npv_cashable_vs_baseline),
        "bcr": _num(r.bcr),
        "payback": _payback_json(r.payback),
        "payback_cashable": _payback_json(r.payback_cashable),
        "optimism_bias": _num(f.bias.total()),
        "risk_pool": _num(f.risk.total()),
        "financing_cost": {str(y): _num(a) for y, a in f.financing.items()},
        "outstanding": _num(f.outstanding),
    }


def appraisal_json(p: Proposal, a: Appraised) -> dict[str, Any]:
    e = a.schedule
    return {
        "proposal": p.id,
        "years": list(a.years),
        "discount": {
            "label": a.schedule_label,
            "start": str(e.start),
            "reference": e.schedule.reference,
            "rates": [{"from": b.start, "rate": _exact(b.rate)} for b in e.schedule.bands],
        },
        "funding": (
            {"method": "reserves"}
            if a.loan is None
            else {"method": "borrowing", "term": a.loan.term, "rate": _exact(a.loan.rate)}
        ),
        "optimism_bias": (
            None
            if a.bias is None
            else {
                "kind": a.bias.kind,
                "upper": _exact(a.bias.upper),
                "applied": _exact(a.bias_share),
                "source": a.bias.source,
            }
        ),
        "options": [_result_json(r) for r in a.results],
        "switching": [
            {"name": sv.name, "label": sv.label, "pv": _num(sv.pv), "change": _share(sv.change)}
            for sv in a.switching
        ],
        "switching_rates": [
            {
                "name": r.name,
                "label": r.label,
                "used": _exact(r.used),
                "at_switch": _share(r.at_switch),
            }
            for r in a.switching_rates
        ],
        "key_decision": a.key_decision,
        "risk_mean": "PERT",
    }


def run(args: argparse.Namespace) -> int:
    shown = appraisal_service.appraisal(FolderStore(), LOCAL, args.path, args.id)
    p, a = shown.proposal, shown.appraised
    if args.format == "json":
        write_json({**appraisal_json(p, a), "unit": shown.unit})
    else:
        sys.stdout.write(render(p, a, shown.unit, catalog_printing(args.path)))
    return 0


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    appraise = sub.add_parser(
        "appraise",
        help="vurdér et forslags muligheder mod nulalternativet (NPV, BCR, skifteværdier)",
        description="Mulighederne i forslagets appraisal:-afsnit side om side: nutidsværdi af "
        "omkostninger og af kontante og ikke-kontante gevinster, NPV, cost-benefit-forhold, "
        "tilbagebetalingstid, optimism bias, risikopulje og skifteværdier, med profilens "
        "diskonteringsrente.",
    )
    appraise.add_argument("path", help="katalogmappe eller catalog.yaml")
    appraise.add_argument("id", help="forslagets id")
    appraise.add_argument("--format", choices=["table", "json"], default="table")
    appraise.set_defaults(run=run)
