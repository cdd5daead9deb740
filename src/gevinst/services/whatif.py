# SPDX-License-Identifier: MPL-2.0
"""The basis behind a proposal's figures, and what-if: a shared assumption, a parameter or a
phase-in changed, a sensitivity, a three-point estimate, a net present value.

A proposal's basis and its what-if are shown only to an actor who may read the proposal in
full; a what-if over the whole catalog sees each confidential proposal as the actor may see
it (one the actor may not read has no basis, so it does not change).

The numbers of a what-if are read alike from the command line and the web application's
what-if panel: a decimal comma or a decimal point ("1262,6", "1262.6"), a thousands point
only with a decimal comma ("1.262,6"), "%" for hundredths ("3,5%" is 0,035). "1.300" is
refused as ambiguous. A list (a parameter with several numbers, a three-point estimate) is
separated by ";", or by "," when the numbers use decimal points. A shift of a phase-in is a
whole number of years ("+1", "-1").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from gevinst.core import calc
from gevinst.core import whatif as wi
from gevinst.core.access import Actor, require_read_in_full, visible
from gevinst.core.basis_words import DANISH, Voice, day_text, words
from gevinst.core.effects import MODELS, EffectResult, Param, PhaseIn, model_label
from gevinst.core.errors import InputError
from gevinst.core.model import Catalog, Proposal
from gevinst.core.npv import PresentValue, net_present_value
from gevinst.core.profile import Profile
from gevinst.core.series import Series
from gevinst.core.template import printing
from gevinst.stores.base import Store

# --- reading the numbers of a what-if -------------------------------------------------------

_POINT = re.compile(r"[+-]?\d+(\.\d+)?")
_COMMA = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?")
# "1.300" and "1,300" read as 1300 in one convention and 1,3 in the other
_AMBIGUOUS = re.compile(r"[+-]?[1-9]\d{0,2}[.,]\d{3}")
_SHIFT = re.compile(r"[+-]?\d+")


def parse_number(text: str) -> Decimal:
    """A number as a Danish or an English user types it (see the module's rules)."""
    s = text.strip().replace(" ", "")
    percent = s.endswith("%")
    s = s.removesuffix("%")
    if _AMBIGUOUS.fullmatch(s):
        raise InputError(
            f"{text!r} er tvetydigt: skriv {s.replace('.', '').replace(',', '')} (uden "
            f"tusindtalsadskiller) eller {s.replace('.', ',').rstrip('0')} (med decimalkomma)"
        )
    if _POINT.fullmatch(s):
        value = Decimal(s)
    elif _COMMA.fullmatch(s):
        value = Decimal(s.replace(".", "").replace(",", "."))
    else:
        raise InputError(f"{text!r} er ikke et tal")
    return value / 100 if percent else value


def parse_numbers(text: str) -> tuple[Decimal, ...]:
    """Several numbers: separated by ";", or by "," when they use decimal points."""
    return tuple(parse_number(t) for t in text.split(";" if ";" in text else ","))


def parse_shift(text: str) -> int:
    """A phase-in moved by whole years: "+1" later, "-1" earlier."""
    if not _SHIFT.fullmatch(text.strip()):
        raise InputError(f"{text.strip()!r}: antal år skal være et helt tal, fx +1")
    return int(text)


@dataclass(frozen=True)
class Basis:
    """A proposal's effects as its basis computes them."""

    proposal: Proposal
    profile: Profile
    results: tuple[EffectResult, ...]


def basis(store: Store, actor: Actor, key: str, proposal: str) -> Basis:
    """The basis of ``proposal`` in the catalog ``key``."""
    cat = store.catalog(key)
    p = cat.proposal(proposal)
    require_read_in_full(actor, p)
    return Basis(p, cat.profile, tuple(wi.evaluated(p, cat.profile)))


@dataclass(frozen=True)
class Request:
    changes: wi.Changes = field(default_factory=wi.Changes)
    sensitivity: bool = False
    ranges: tuple[tuple[str, Decimal, Decimal, Decimal], ...] = ()
    npv: bool = False

    def has_changes(self) -> bool:
        c = self.changes
        return bool(c.assumptions or c.params or c.shifts)


@dataclass(frozen=True)
class Report:
    proposal: Proposal
    comparison: wi.Comparison | None
    npv: tuple[PresentValue, PresentValue | None] | None  # before, after (None: no change)
    sensitivity: wi.Sensitivity | None
    ranges: tuple[wi.ThreePoint, ...]


def whatif(store: Store, actor: Actor, key: str, proposal: str, request: Request) -> Report:
    """Everything a what-if for ``proposal`` in the catalog ``key`` asks for."""
    cat = store.catalog(key)
    p = cat.proposal(proposal)
    require_read_in_full(actor, p)
    if not (request.has_changes() or request.sensitivity or request.ranges or request.npv):
        raise InputError(
            "intet at beregne: angiv --set, --shift, --sensitivity, --range eller --npv"
        )
    profile = cat.profile
    comparison = wi.compare(p, profile, request.changes) if request.has_changes() else None
    npv: tuple[PresentValue, PresentValue | None] | None = None
    if request.npv:
        if comparison is None:
            npv = (net_present_value(p, profile), None)
        else:
            npv = (
                net_present_value(comparison.before, comparison.profile_before),
                net_present_value(comparison.after, comparison.profile_after),
            )
    return Report(
        p,
        comparison,
        npv,
        wi.sensitivity(p, profile) if request.sensitivity else None,
        tuple(wi.three_point(p, profile, *r) for r in request.ranges),
    )


@dataclass(frozen=True)
class CatalogReport:
    catalog: Catalog  # as the actor may see it
    impact: wi.CatalogImpact


def catalog_whatif(store: Store, actor: Actor, key: str, request: Request) -> CatalogReport:
    """Shared assumptions changed for every proposal of the catalog ``key`` that uses them; a
    parameter, a shift, a sensitivity, a range and a net present value belong to one
    proposal."""
    c = request.changes
    if c.params or c.shifts or request.sensitivity or request.ranges or request.npv:
        raise InputError(
            "parametre (LINJE.parameter), --shift, --sensitivity, --range og --npv "
            "gælder ét forslag: angiv dets ID"
        )
    if not c.assumptions:
        raise InputError("angiv mindst én fælles antagelse: --set NAVN=VÆRDI")
    cat = visible(store.catalog(key), actor)
    return CatalogReport(cat, wi.impact_of_assumptions(cat, c.assumptions))


# --- the basis in words, for every renderer ------------------------------------------------

# the texts are written once per language in core/basis_words.py; a voice is the profile's
# Printing, Danish where none is given


def param_source(param: Param, profile: Profile, day: dt.date, voice: Voice = DANISH) -> str:
    """Where a parameter's value comes from, in the voice's language: the proposal's own
    words, or the shared assumption with its period, reference and source."""
    if param.assumption is None:
        if param.assumed:
            return words(voice, "source.assumed", source=param.source)
        return param.source
    a = profile.assumptions[param.assumption]
    period = a.period(day)
    reference = f": {period.reference}" if period.reference else ""
    return words(
        voice,
        "source.shared",
        name=a.name,
        label=a.label,
        start=day_text(voice, period.start),
        reference=reference,
        source=a.source,
    )


def phase_text(phase: PhaseIn, voice: Voice = DANISH) -> str:
    """A phase-in as the basis names it: "fuldt, fra 2026", "in full, from 2026/27"."""
    text = words(voice, f"phased.{phase.profile}", years=phase.years)
    if phase.start is None:
        return text
    return words(voice, "phased.from", phase=text, start=voice.year(phase.start))


def param_unit(param: Param, profile: Profile) -> str:
    return profile.assumptions[param.assumption].unit if param.assumption else ""


@dataclass(frozen=True)
class ParamShown:
    name: str
    value: str  # in the profile's number format, with its unit
    source: str


@dataclass(frozen=True)
class Explained:
    """One effect of a basis in words and figures, as every renderer shows it."""

    lines: str  # "e3 Effektivisering ved ..." (+ the other lines it explains)
    model: str  # "Tidsbesparelse (time_saving), besparelse"
    phase: str
    text: str
    params: tuple[ParamShown, ...]
    steps: tuple[str, ...]
    series: Series  # what the basis gives
    lines_total: str  # "Linjen i Tabel 1", or the lines' total where it explains several
    amounts: Series  # the lines' amounts in Tabel 1
    gaps: tuple[int, ...]  # the years where the two differ


def explain(b: Basis) -> list[Explained]:
    """Each effect of the basis, explained: its model, phase-in, parameters with their
    sources, the computation, and whether it gives the lines' amounts."""
    p, profile, day = b.proposal, b.profile, b.proposal.assumptions_date
    pr = printing(profile)
    out = []
    for r in b.results:
        e = r.effect
        model = MODELS[e.model]
        amounts = calc.explained(p, e)
        params = tuple(
            ParamShown(
                name,
                f"{wi.shown(r.values[name], pr)} {param_unit(e.params[name], profile)}".strip(),
                param_source(e.params[name], profile, day, pr),
            )
            for name in model.params
        )
        out.append(
            Explained(
                lines=" + ".join(f"{i} {p.line(i).text}" for i in e.lines),
                model=f"{model_label(e.model, pr)} ({e.model}), {words(pr, f'sign.{e.sign}')}",
                phase=phase_text(e.phase, pr),
                text=e.text,
                params=params,
                steps=r.steps,
                series=r.series,
                lines_total="Linjen i Tabel 1" if not e.also else "Linjerne i Tabel 1 i alt",
                amounts=amounts,
                gaps=tuple(y for y in p.years if r.series[y] != amounts[y]),
            )
        )
    return out
