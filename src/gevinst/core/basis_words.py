# SPDX-License-Identifier: MPL-2.0
"""The calculation basis in words, in the profile's language (``Profile.language``: "da" or
"en"): the effect models' labels and computation steps, the phase-in, the sign, a
parameter's source, what a what-if changed and its inputs' labels.

Every text is written once per language in :data:`TEXTS`, a language to a key to a
``str.format`` text, the Danish beside the English with the same fields (a test checks
it); figures are filled in by a :class:`Voice`, the profile's
:class:`~gevinst.core.template.Printing` (its number format and year labels), or
:data:`DANISH` where none is given, so Copenhagen's explanation is as it always was.

>>> words(DANISH, "per_year", amount="148,3", unit="t.kr.")
'148,3 t.kr. om året'
>>> class English:
...     language = "en"
...     def plain(self, amount, blank=""): return f"{amount:,}"
...     def year(self, year): return f"{year}/{(year + 1) % 100:02d}"
>>> words(English(), "per_year", amount="462,000", unit="£")
'£462,000 a year'
>>> phase_factor(English(), 2025, Decimal("0.333")), phase_factor(DANISH, 2025, Decimal("0.333"))
('2025/26: 33.3 %', '2025: 33,3 %')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from gevinst.core.distribute import round_to
from gevinst.core.money import Money
from gevinst.core.numbers import dk, dk_date

TENTH = Decimal("0.1")
KK_LABEL = Money().label  # "1.000 kr."


class Voice(Protocol):
    """How an explanation writes its figures and years: a
    :class:`~gevinst.core.template.Printing` is one."""

    @property
    def language(self) -> str: ...

    def plain(self, amount: Decimal | None, blank: str = "") -> str: ...

    def year(self, year: int) -> str: ...


@dataclass(frozen=True)
class _Danish:
    """Copenhagen's voice: Danish figures ("33.000", "0,5"), calendar years."""

    language: str = "da"

    def plain(self, amount: Decimal | None, blank: str = "") -> str:
        return dk(amount, blank)

    def year(self, year: int) -> str:
        return str(year)


DANISH: Voice = _Danish()

# language -> key -> text; the fields in braces are filled in by the code that says it
TEXTS: Mapping[str, Mapping[str, str]] = {
    "da": {
        # the models' labels (``effects.MODELS``)
        "model.time_saving": "Tidsbesparelse",
        "model.fte": "Årsværk",
        "model.fte_overhead": "Årsværk med tillæg",
        "model.shortened_courses": "Kortere forløb",
        "model.centralisation": "Centralisering",
        "model.budget_share": "Andel af et budget",
        "model.subscription": "Abonnement",
        "model.concession": "Koncessionsindtægt",
        "model.energy": "Energibesparelse",
        "model.procurement": "Indkøb",
        # the computation, one step a line: "{label}: {formula} = {result}"
        "step": "{label}: {formula} = {result}",
        "per_year": "{amount} {unit} om året",
        "step.fte": "ÅV × årsværkspris",
        "step.budget_share": "budget × andel",
        "step.fte_overhead": "ÅV gange (årsværkspris plus tillæg)",
        "step.shortened_courses": "forløb × måneders afkortning × månedspris",
        "step.centralisation": "ÅV før minus ÅV efter gange pris",
        "step.subscription": "enheder × pris pr. enhed ({currency})",
        "step.concession": "Indtægt minus driftsudgift gange henført andel",
        "step.energy": "kWh × pris pr. kWh ({currency})",
        "step.procurement": "Mængde gange prisforskel gange aftaleoverholdelse",
        "time.cases": "{cases} sager × {minutes} min.",
        "time.hours": "{parts} = {total} minutter = {hours} timer",
        "time.fte": "{hours} timer / årstimenorm {norm} timer = {fte} ÅV",
        "time.cost": "{fte} ÅV × ({wage} + {overhead} {unit} overhead) = {result}",
        # the phase-in: the step, a year's share, the shape's name in the step and alone
        "phase.step": "Indfasning ({name}): {factors}",
        "phase.factor": "{year}: {percent} %",
        "phase.full": "fuldt fra start",
        "phase.from_mid_year": "fra medio startåret",
        "phase.two_thirds": "2/3 i startåret, derefter fuldt",
        "phase.linear": "lineær indfasning",
        "phase.factors": "som angivet år for år",
        "phased.full": "fuldt",
        "phased.from_mid_year": "fra medio (halvt det første år, derefter fuldt)",
        "phased.two_thirds": "2/3 det første år, derefter fuldt",
        "phased.linear": "lineært over {years} år",
        "phased.factors": "med de angivne andele pr. år",
        "phased.from": "{phase}, fra {start}",
        # the sign of an effect's line
        "sign.saving": "besparelse",
        "sign.income": "indtægt",
        "sign.cost": "udgift",
        # a parameter's source
        "source.assumed": "antaget, ikke oplyst i forslaget: {source}",
        "source.shared": "fælles antagelse {name} ({label}), gælder fra {start}{reference}; "
        "kilde: {source}",
        # what a what-if varies and changes
        "input.param": "linje {line}: {param}",
        "changed.assumption": "{label} ({name}): {before} → {after} {unit}{unused}",
        "changed.unused": "; indgår ikke i forslagets beregningsgrundlag",
        "changed.param": "{name}: {before} → {after}",
        "changed.shift": "indfasningen af {line} flyttes {years} år",
        "note.gap": "{year}: {computed} mod angivet {stated}",
        "note.unreproduced": "Grundlaget for linje {line} giver ikke forslagets beløb "
        "({years}); før-tallene her er grundlagets",
        "note.unbooked": "Mindst én linje har ingen fordeling på udvalg; den står som {row}",
        # why a model cannot be computed
        "error.scalar": "parameteren {name!r} skal være ét tal, ikke en liste",
        "error.lengths": "listerne skal have samme længde",
        "error.missing": "modellen {model!r} mangler parametrene {names}",
        "error.no_value": "parameteren {name!r} har hverken værdi eller antagelse",
        "error.zero": "beregningen deler med nul med disse værdier",
        "error.range": "beregningen giver et tal uden for det område gevinst kan regne med; "
        "tjek værdiernes størrelse",
    },
    "en": {
        "model.time_saving": "Time saving",
        "model.fte": "Full-time equivalents",
        "model.fte_overhead": "Full-time equivalents with overheads",
        "model.shortened_courses": "Shorter courses",
        "model.centralisation": "Centralisation",
        "model.budget_share": "Share of a budget",
        "model.subscription": "Subscription",
        "model.concession": "Concession income",
        "model.energy": "Energy saving",
        "model.procurement": "Procurement",
        "step": "{label}: {formula} = {result}",
        "per_year": "{unit}{amount} a year",
        "step.fte": "FTE × cost per FTE",
        "step.budget_share": "budget × share",
        "step.fte_overhead": "FTE times (cost per FTE plus on-costs)",
        "step.shortened_courses": "courses × months shorter × monthly price",
        "step.centralisation": "FTE before minus FTE after times cost",
        "step.subscription": "units × price per unit ({currency})",
        "step.concession": "Income minus operating cost times the share attributed",
        "step.energy": "kWh × price per kWh ({currency})",
        "step.procurement": "Volume times price difference times compliance",
        "time.cases": "{cases} cases × {minutes} min.",
        "time.hours": "{parts} = {total} minutes = {hours} hours",
        "time.fte": "{hours} hours / annual hours {norm} hours = {fte} FTE",
        "time.cost": "{fte} FTE × ({wage} + {overhead} {unit} on-costs) = {result}",
        "phase.step": "Phase-in ({name}): {factors}",
        "phase.factor": "{year}: {percent} %",
        "phase.full": "in full from the start",
        "phase.from_mid_year": "from the middle of the first year",
        "phase.two_thirds": "2/3 in the first year, then in full",
        "phase.linear": "linear phase-in",
        "phase.factors": "as given year by year",
        "phased.full": "in full",
        "phased.from_mid_year": "from mid-year (half the first year, then in full)",
        "phased.two_thirds": "2/3 the first year, then in full",
        "phased.linear": "linearly over {years} years",
        "phased.factors": "with the shares given for each year",
        "phased.from": "{phase}, from {start}",
        "sign.saving": "saving",
        "sign.income": "income",
        "sign.cost": "cost",
        "source.assumed": "assumed, not given in the proposal: {source}",
        "source.shared": "shared assumption {name} ({label}), valid from {start}{reference}; "
        "source: {source}",
        "input.param": "line {line}: {param}",
        "changed.assumption": "{label} ({name}): {before} → {after} {unit}{unused}",
        "changed.unused": "; not used in the proposal's calculation basis",
        "changed.param": "{name}: {before} → {after}",
        "changed.shift": "the phase-in of {line} moves {years} year(s)",
        "note.gap": "{year}: {computed} against {stated} stated",
        "note.unreproduced": "The basis for line {line} does not give the proposal's amounts "
        "({years}); the figures before are the basis's",
        "note.unbooked": "At least one line is not distributed to a committee; it stands as {row}",
        "error.scalar": "the parameter {name!r} must be one number, not a list",
        "error.lengths": "the lists must be of the same length",
        "error.missing": "the model {model!r} lacks the parameters {names}",
        "error.no_value": "the parameter {name!r} has neither a value nor an assumption",
        "error.zero": "the calculation divides by zero with these values",
        "error.range": "the calculation gives a number outside the range gevinst can compute "
        "with; check the values' size",
    },
}

# the money's unit as an explanation writes it, where it is not the label: Danish running
# text abbreviates 1.000 kr. to "t.kr."
UNITS: Mapping[str, Mapping[str, str]] = {"da": {KK_LABEL: "t.kr."}, "en": {}}

# a day as an explanation writes it: "1. januar 2025", "2025-01-01"
DATES: Mapping[str, Callable[[dt.date], str]] = {"da": dk_date, "en": dt.date.isoformat}


def words(voice: Voice, key: str, **fields: object) -> str:
    """The text ``key`` in ``voice``'s language, its fields filled in."""
    return TEXTS[voice.language][key].format(**fields)


def unit_word(voice: Voice, money: Money) -> str:
    """The money's unit as the explanation writes it: "t.kr." for 1.000 kr. in Danish,
    otherwise the label ("mio. kr.", "£")."""
    return UNITS[voice.language].get(money.label, money.label)


def phase_factor(voice: Voice, year: int, factor: Decimal) -> str:
    """A year's share of the full effect: "2025: 33,3 %", "2025/26: 33.3 %"."""
    percent = voice.plain(round_to(factor * 100, TENTH))
    return words(voice, "phase.factor", year=voice.year(year), percent=percent)


def day_text(voice: Voice, day: dt.date) -> str:
    """A day in the voice's language."""
    return DATES[voice.language](day)
