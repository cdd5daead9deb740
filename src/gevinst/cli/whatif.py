# SPDX-License-Identifier: MPL-2.0
"""``gevinst basis`` and ``gevinst whatif``: their input read from the command line, and
their results (:mod:`gevinst.services.whatif`) as plain text (Danish number format) or JSON.

Numbers are read as :func:`gevinst.services.whatif.parse_number` reads them, as the web
application's what-if panel does.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from gevinst.core import calc
from gevinst.core import whatif as wi
from gevinst.core.basis_words import day_text
from gevinst.core.calc import Payback
from gevinst.core.distribute import round_to, round_whole
from gevinst.core.effects import MODELS, Param, model_label
from gevinst.core.errors import InputError
from gevinst.core.model import Proposal
from gevinst.core.npv import PresentValue
from gevinst.core.profile import Profile
from gevinst.core.series import Series
from gevinst.core.template import DANISH, Printing, printing
from gevinst.services.whatif import (
    Basis,
    CatalogReport,
    Explained,
    Report,
    explain,
    parse_number,
    parse_numbers,
    parse_shift,
)

LABEL = 40
TAG = 9
CELL = 9
WIDE = 13
NAME = 30
WIDTH = 100
INDENT = "  "
CENT = Decimal("0.01")  # the JSON output's amounts, rounded as every printed figure

# --- reading the command line --------------------------------------------------------------


def _pair(item: str, option: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise InputError(f"{option} {item!r}: skriv NAVN=VÆRDI")
    return name.strip(), value.strip()


def parse_changes(sets: Sequence[str], shifts: Sequence[str]) -> wi.Changes:
    """``--set NAME=VALUE`` (a shared assumption), ``--set LINE.param=VALUE`` (an effect's
    parameter; several numbers for a list) and ``--shift LINE=+1`` (years)."""
    assumptions: dict[str, Decimal] = {}
    params: dict[tuple[str, str], wi.Value] = {}
    for item in sets:
        name, value = _pair(item, "--set")
        if "." in name:
            line, param = name.split(".", maxsplit=1)
            many = ";" in value
            params[(line, param)] = parse_numbers(value) if many else parse_number(value)
        else:
            assumptions[name] = parse_number(value)
    moved: dict[str, int] = {}
    for item in shifts:
        line, years = _pair(item, "--shift")
        try:
            moved[line] = parse_shift(years)
        except InputError as e:
            raise InputError(f"--shift {item!r}: {e}") from None
    return wi.Changes(assumptions, params, moved)


def parse_range(item: str) -> tuple[str, Decimal, Decimal, Decimal]:
    """``--range NAME=low,likely,high`` (or with ";" and decimal commas)."""
    name, values = _pair(item, "--range")
    numbers = parse_numbers(values)
    if len(numbers) != 3:
        raise InputError(f"--range {item!r}: angiv tre tal: lav, mest sandsynlig, høj")
    return name, numbers[0], numbers[1], numbers[2]


# --- shared formatting ----------------------------------------------------------------------


def _num(value: Decimal) -> int | str:
    """A number for JSON: whole numbers as numbers, others as exact decimal strings."""
    return int(value) if value == value.to_integral_value() else str(value)


def _json_series(s: Series) -> dict[str, int | str]:
    return {str(y): _num(a) for y, a in s.items()}


def _json_value(v: wi.Value) -> int | str | list[int | str]:
    return [_num(x) for x in v] if isinstance(v, tuple) else _num(v)


def _payback(p: Payback | None, pr: Printing | None = None) -> str:
    if pr is None:
        return str(p) if p is not None else "ingen"
    return pr.payback(p)


# Copenhagen's printing: 1.000 kr., calendar years, Danish
DA = printing(None)


def _tag(pr: Printing) -> int:
    """The width of the before/after/difference column: TAG, wider for a longer word."""
    return max(TAG, *(len(pr.words.term(w)) + 1 for w in ("før", "efter", "forskel")))


def _years_header(first: str, years: Iterable[int], pr: Printing = DA, cell: int = CELL) -> str:
    return f"{first:<{LABEL + _tag(pr)}}" + "".join(f"{pr.year(y):>{cell}}" for y in years)


def _series_row(
    label: str, tag: str, s: Series, years: Iterable[int], pr: Printing = DA, cell: int = CELL
) -> list[str]:
    cells = "".join(f"{pr.figure(s[y]):>{cell}}" for y in years)
    return [f"{label:<{LABEL}}{tag:<{_tag(pr)}}{cells}"]


def _cell(pr: Printing, series: Iterable[Series], years: Sequence[int]) -> int:
    """A year column's width: CELL, wider for a longer figure or year ("-462,000",
    "2025/26")."""
    longest = [len(pr.figure(s[y])) + 1 for s in series for y in years]
    return max([CELL, *longest, *(len(pr.year(y)) + 1 for y in years)])


def _before_after(
    label: str,
    before: Series,
    after: Series,
    years: Sequence[int],
    pr: Printing = DA,
    cell: int = CELL,
) -> list[str]:
    """Three rows; a label too long for its column gets a line of its own above them."""
    t = pr.words.term
    head = [label] if len(label) >= LABEL else []
    return [
        *head,
        *_series_row("" if head else label, t("før"), before, years, pr, cell),
        *_series_row("", t("efter"), after, years, pr, cell),
        *_series_row("", t("forskel"), after - before, years, pr, cell),
    ]


def _joined(lines: Iterable[str]) -> str:
    return "".join(f"{line.rstrip()}\n" for line in lines)


def _wrap(text: str, indent: str = INDENT) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_on_hyphens=False,
    )


# --- gevinst basis ----------------------------------------------------------------------------


def _effect_text(x: Explained, p: Proposal, pr: Printing = DA) -> list[str]:
    # the fixed words in the profile's language; the model, phase-in and computation in it
    # too, as the core writes them (core/basis_words.py)
    t = pr.words.term
    out = [
        x.lines,
        f"{INDENT}{t('Model:')} {x.model}",
        f"{INDENT}{t('Indfasning:')} {x.phase}",
    ]
    if x.text:
        out += _wrap(x.text)
    out.append(f"{INDENT}{t('Parametre:')}")
    for param in x.params:
        out.append(f"{INDENT * 2}{param.name:<12} {param.value}")
        out += _wrap(param.source, INDENT * 4)
    out.append(f"{INDENT}{t('Beregning:')}")
    # the steps are computations; they are shown whole, however long
    out += [f"{INDENT * 2}{step}" for step in x.steps]
    difference = x.amounts - x.series
    cell = _cell(pr, (x.series, x.amounts, difference), p.years)
    out.append(_years_header(f"{INDENT}{pr.prices(p.price_level)}", p.years, pr, cell))
    out += _series_row(f"{INDENT}{t('Grundlaget')}", "", x.series, p.years, pr, cell)
    out += _series_row(f"{INDENT}{t(x.lines_total)}", "", x.amounts, p.years, pr, cell)
    if x.gaps:
        label = f"{INDENT}{t('Forskel (linje - grundlag)')}"
        out += _series_row(label, "", difference, p.years, pr, cell)
        gaps = ", ".join(pr.year(y) for y in x.gaps)
        out.append(
            f"{INDENT}{t('Grundlaget giver ikke linjens beløb i {years}.').format(years=gaps)}"
        )
    else:
        out.append(f"{INDENT}{t('Grundlaget giver linjens beløb.')}")
    return out


def basis_text(b: Basis) -> str:
    """The basis of each effect, in the profile's words, money, years and figures."""
    p, results = b.proposal, b.results
    pr = printing(b.profile)
    t = pr.words.term
    day = p.assumptions_date
    out = [t("Beregningsgrundlag for {id} {title}").format(id=p.id, title=p.title)]
    if not results:
        out.append(
            t("{id} har intet beregningsgrundlag som effektmodeller (effects).").format(id=p.id)
        )
        return _joined(out)
    out.append(
        t("Fælles antagelser pr. {day}; beløb i {prices}.").format(
            day=day_text(pr, day), prices=pr.prices(p.price_level)
        )
    )
    for x in explain(b):
        out += ["", *_effect_text(x, p, pr)]
    return _joined(out)


def _param_json(param: Param, value: wi.Value, profile: Profile, day: dt.date) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": param.name,
        "value": _json_value(value),
        "source": param.source,
        "assumed": param.assumed,
        "assumption": None,
    }
    if param.assumption is not None:
        a = profile.assumptions[param.assumption]
        period = a.period(day)
        out["assumption"] = {
            "name": a.name,
            "label": a.label,
            "unit": a.unit,
            "source": a.source,
            "valid_from": period.start.isoformat(),
            "reference": period.reference,
        }
    return out


def basis_json(b: Basis) -> dict[str, Any]:
    p, profile = b.proposal, b.profile
    day = p.assumptions_date
    effects = []
    for r in b.results:
        e, line = r.effect, p.line(r.effect.line)
        effects.append(
            {
                "line": e.line,
                "line_text": line.text,
                "model": e.model,
                "model_label": model_label(e.model, printing(profile)),
                "sign": str(e.sign),
                "text": e.text,
                "phase": {
                    "profile": str(e.phase.profile),
                    "start": e.phase.start,
                    "years": e.phase.years,
                    "factors": {str(y): _num(f) for y, f in e.phase.factors.items()},
                },
                "params": [
                    _param_json(e.params[n], r.values[n], profile, day)
                    for n in MODELS[e.model].params
                ],
                "annual": _num(round_to(r.annual, CENT)),
                "steps": list(r.steps),
                "series": _json_series(r.series),
                "also": list(e.also),
                "line_amounts": _json_series(calc.explained(p, e)),
                "reproduced": all(r.series[y] == calc.explained(p, e)[y] for y in p.years),
            }
        )
    return {
        "proposal": p.id,
        "title": p.title,
        "price_level": p.price_level,
        "as_of": day.isoformat(),
        "effects": effects,
    }


# --- gevinst whatif: one proposal --------------------------------------------------------------


def _comparison_text(c: wi.Comparison, pr: Printing = DA) -> list[str]:
    t = pr.words.term
    years = c.before.years
    out = []
    changed_figures = [f for f in c.figures if f.changed]
    changed_lines = [f for f in c.lines if f.changed]
    changed_units = [f for f in c.committees if f.changed]
    shown = [s for f in (*changed_figures, *changed_lines, *changed_units) for s in _three(f)]
    cell = _cell(pr, shown, years)
    if changed_figures:
        out.append(_years_header(pr.prices(c.before.price_level), years, pr, cell))
    for f in changed_figures:
        out += _before_after(_table1_row(f.label, pr), f.before, f.after, years, pr, cell)
    for pb in c.paybacks:
        out.append(
            t("Tilbagebetalingstid baseret på {basis}: {before} → {after}").format(
                basis=pr.words.payback_bases.get(pb.basis, pb.label),
                before=_payback(pb.before, pr),
                after=_payback(pb.after, pr),
            )
        )
    if changed_lines:
        out += ["", t("Linjer med beregningsgrundlag, der ændres:")]
        for f in changed_lines:
            out += _before_after(f"{f.key} {f.label}", f.before, f.after, years, pr, cell)
    if changed_units:
        out += ["", t("Fordeling på udvalg, udvalg der ændres:")]
        for f in changed_units:
            out += _before_after(f.label, f.before, f.after, years, pr, cell)
    if not c.changed:
        out.append(t("Ingen af forslagets tal ændres."))
    return out


def _table1_row(label: str, pr: Printing) -> str:
    """A Tabel 1 row the core names in Danish, as the profile words it."""
    for key, danish in DANISH.table1_rows.items():
        if danish == label:
            return pr.words.table1_rows[key]
    return label


def _three(f: wi.Figure) -> tuple[Series, Series, Series]:
    return f.before, f.after, f.after - f.before


def _npv_text(npv: tuple[PresentValue, PresentValue | None], pr: Printing = DA) -> list[str]:
    t, f = pr.words.term, pr.plain
    before, after = npv
    head = t(
        "Nutidsværdi af samlet økonomisk påvirkning (totaløkonomi), år 0 = {first} til år "
        "{n} = {last}, {unit}:"
    ).format(
        first=pr.year(before.first_year),
        n=before.last_year - before.first_year,
        last=pr.year(before.last_year),
        unit=pr.unit,
    )
    out = ["", head]
    if after is None:
        value = t("{value} ved {rate}").format(
            value=f(round_whole(before.value)), rate=_percent(before.rate, pr)
        )
        out.append(f"{INDENT}{value}")
        out += _wrap(t("Renten: {source}").format(source=before.source))
    else:
        diff = round_whole(after.value) - round_whole(before.value)
        both = t(
            "før {before} ved {rate_before}, efter {after} ved {rate_after}, forskel {diff}"
        ).format(
            before=f(round_whole(before.value)),
            rate_before=_percent(before.rate, pr),
            after=f(round_whole(after.value)),
            rate_after=_percent(after.rate, pr),
            diff=f(diff),
        )
        out.append(f"{INDENT}{both}")
        out += _wrap(t("Renten før: {source}").format(source=before.source))
        if after.source != before.source:
            out += _wrap(t("Renten efter: {source}").format(source=after.source))
    out += _wrap(
        t(
            "År t diskonteres med (1 + r)^t; efter tabellens sidste år regnes med den varige "
            "virkning. Negativ nutidsværdi er en nettogevinst (besparelser har negativt fortegn)."
        )
    )
    return out


def _percent(rate: Decimal, pr: Printing = DA) -> str:
    return f"{pr.plain(rate * 100)} %"


def _sensitivity_text(s: wi.Sensitivity, pr: Printing = DA) -> list[str]:
    t, dk = pr.words.term, pr.figure
    # a column as wide as its longest payback ("5 years (2029/30)")
    paybacks = [
        _payback(p, pr)
        for row in s.rows
        for pt in row.points.values()
        for p in (pt.payback_total, pt.payback_service)
    ]
    wide = max(WIDE, *(len(x) + 1 for x in paybacks))
    out = [
        "",
        t(
            "Følsomhed: varig virkning ({unit}) og tilbagebetalingstid, når ét input ændres "
            "ad gangen"
        ).format(unit=pr.unit),
        t(
            "Grundlaget: varig virkning {effect}, tilbagebetalingstid {service} (service) / "
            "{total} (total)"
        ).format(
            effect=dk(s.base.steady_state),
            service=_payback(s.base.payback_service, pr),
            total=_payback(s.base.payback_total, pr),
        ),
        f"{t('input'):<{NAME}}{t('værdi'):>{WIDE + 2}}"
        + "".join(f"{f'{pct:+d} %':>{wide}}" for pct in s.percents),
    ]
    for row in s.rows:
        points = [row.points[pct] for pct in s.percents]
        out += textwrap.wrap(row.input.label, NAME - 1)[:-1]
        out.append(
            f"{textwrap.wrap(row.input.label, NAME - 1)[-1]:<{NAME}}"
            f"{wi.shown(row.input.value, pr):>{WIDE + 2}}"
            + "".join(f"{dk(pt.steady_state):>{wide}}" for pt in points)
        )
        out.append(
            f"{INDENT + t('tilbagebetalingstid, total'):<{NAME + WIDE + 2}}"
            + "".join(f"{_payback(pt.payback_total, pr):>{wide}}" for pt in points)
        )
        if any(pt.payback_service != pt.payback_total for pt in points):
            out.append(
                f"{INDENT + t('tilbagebetalingstid, service'):<{NAME + WIDE + 2}}"
                + "".join(f"{_payback(pt.payback_service, pr):>{wide}}" for pt in points)
            )
    return out


def _three_point_text(t: wi.ThreePoint, pr: Printing = DA) -> list[str]:
    w, dk = pr.words.term, pr.figure
    # the paybacks' columns as wide as their longest ("5 years (2029/30)")
    pays = [
        _payback(p, pr)
        for pt in (t.low, t.likely, t.high)
        for p in (pt.payback_service, pt.payback_total)
    ]
    pay = max(WIDE + 6, *(len(x) + 1 for x in pays))
    wide = WIDE
    out = [
        "",
        w("Trepunktsestimat: {label}").format(label=t.input.label),
        f"{'':<{WIDE + 2}}{w('værdi'):>{wide}}{w('varig virkning'):>{wide}}"
        f"{w('tilbagebet. service'):>{pay}}{w('tilbagebet. total'):>{pay}}",
    ]
    for name, pt in (("lav", t.low), ("mest sandsynlig", t.likely), ("høj", t.high)):
        paybacks = (
            f"{_payback(pt.payback_service, pr):>{pay}}{_payback(pt.payback_total, pr):>{pay}}"
        )
        out.append(
            f"{w(name):<{WIDE + 2}}{wi.shown(pt.value, pr):>{wide}}{dk(pt.steady_state):>{wide}}"
            + paybacks
        )
    effects = [pt.steady_state for pt in (t.low, t.likely, t.high)]
    out.append(
        w("Spænd for varig virkning: {low} til {high}").format(
            low=dk(min(effects)), high=dk(max(effects))
        )
    )
    out.append(
        w("Forventet varig virkning (PERT: (lav + 4 × mest sandsynlig + høj) / 6): {value}").format(
            value=pr.figure(t.expected_steady_state, places=1)
        )
    )
    return out


def whatif_text(report: Report, printed: Printing | None = None) -> str:
    """The what-if in the profile's words, money, years and figures (Copenhagen's without
    one); what changed and the notes as the core writes them in the profile's language
    (core/basis_words.py)."""
    pr = printed or DA
    w = pr.words.term
    p = report.proposal
    out = [w("Hvad nu hvis – {id} {title}").format(id=p.id, title=p.title)]
    c = report.comparison
    if c is not None:
        out.append(w("Ændringer:"))
        out += [f"{INDENT}{d}" for d in c.described]
        if c.notes:
            out.append(w("Bemærk:"))
            for note in c.notes:
                out += _wrap(note)
        out += ["", *_comparison_text(c, pr)]
    if report.npv is not None:
        out += _npv_text(report.npv, pr)
    if report.sensitivity is not None:
        out += _sensitivity_text(report.sensitivity, pr)
    for t in report.ranges:
        out += _three_point_text(t, pr)
    return _joined(out)


def _figure_json(f: wi.Figure) -> dict[str, Any]:
    return {
        "label": f.label,
        "before": _json_series(f.before),
        "after": _json_series(f.after),
        "difference": _json_series(f.difference),
    }


def _comparison_json(c: wi.Comparison) -> dict[str, Any]:
    return {
        "proposal": c.before.id,
        "request": {
            "assumptions": {n: _num(v) for n, v in c.changes.assumptions.items()},
            "params": {f"{line}.{n}": _json_value(v) for (line, n), v in c.changes.params.items()},
            "shifts": dict(c.changes.shifts),
        },
        "changes": list(c.described),
        "notes": list(c.notes),
        "changed": c.changed,
        "figures": {f.key: _figure_json(f) for f in c.figures},
        "payback": {
            pb.basis: {"before": _payback(pb.before), "after": _payback(pb.after)}
            for pb in c.paybacks
        },
        "lines": {f.key: _figure_json(f) for f in c.lines},
        "committees": {f.key: _figure_json(f) for f in c.committees},
    }


def _point_json(pt: wi.Point) -> dict[str, Any]:
    return {
        "value": _json_value(pt.value),
        "steady_state": _num(pt.steady_state),
        "payback_service": _payback(pt.payback_service),
        "payback_total": _payback(pt.payback_total),
    }


def _pv_json(pv: PresentValue) -> dict[str, Any]:
    return {
        "value": _num(round_to(pv.value, CENT)),
        "rate": _num(pv.rate),
        "first_year": pv.first_year,
        "last_year": pv.last_year,
        "source": pv.source,
    }


def whatif_json(report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {"proposal": report.proposal.id}
    if report.comparison is not None:
        out["comparison"] = _comparison_json(report.comparison)
    if report.npv is not None:
        before, after = report.npv
        out["npv"] = {
            "before": _pv_json(before),
            "after": _pv_json(after) if after is not None else None,
        }
    if report.sensitivity is not None:
        s = report.sensitivity
        out["sensitivity"] = {
            "percents": list(s.percents),
            "base": _point_json(s.base),
            "rows": [
                {
                    "name": row.input.name,
                    "label": row.input.label,
                    "value": _json_value(row.input.value),
                    "points": {f"{pct:+d}": _point_json(row.points[pct]) for pct in s.percents},
                }
                for row in s.rows
            ],
        }
    out["three_point"] = [
        {
            "name": t.input.name,
            "label": t.input.label,
            "low": _point_json(t.low),
            "likely": _point_json(t.likely),
            "high": _point_json(t.high),
            "expected_steady_state": _num(round_to(t.expected_steady_state, CENT)),
        }
        for t in report.ranges
    ]
    return out


# --- gevinst whatif: the whole catalog ---------------------------------------------------------


def catalog_text(report: CatalogReport) -> str:
    """The catalog's what-if in its profile's words, money, years and figures."""
    cat, impact = report.catalog, report.impact
    pr = printing(cat.profile)
    w, f = pr.words.term, pr.figure
    out = [w("Hvad nu hvis – kataloget {id}").format(id=cat.id), w("Ændringer:")]
    out += [f"{INDENT}{d}" for d in impact.described]
    if not impact.proposals:
        out.append(w("Intet forslags beregningsgrundlag bruger antagelsen; intet ændres."))
        return _joined(out)
    ids = ", ".join(c.before.id for c in impact.proposals)
    out.append(w("Forslag, hvis beregningsgrundlag bruger antagelsen: {ids}").format(ids=ids))
    for c in impact.proposals:
        out += ["", f"{c.before.id} {c.before.title}", *_comparison_text(c, pr)]
        for note in c.notes:
            out += _wrap(w("Bemærk: {note}").format(note=note))
    out += ["", w("Katalogets tabeller (effektiviseringsbidrag som positive tal):")]
    for t in impact.tables:
        if t.before == t.after and t.steady_before == t.steady_after:
            out.append(w("{title}: uændret").format(title=t.title))
            continue
        years = list(t.before)
        cell = _cell(pr, (t.before, t.after, t.after - t.before), years)
        out += [
            _years_header("", years, pr, cell),
            *_before_after(t.title, t.before, t.after, years, pr, cell),
        ]
        total = w("varig virkning i alt: {before} → {after} (forskel {diff})").format(
            before=f(t.steady_before),
            after=f(t.steady_after),
            diff=f(t.steady_after - t.steady_before),
        )
        out.append(f"{INDENT}{total}")
    return _joined(out)


def catalog_json(report: CatalogReport) -> dict[str, Any]:
    cat, impact = report.catalog, report.impact
    return {
        "catalog": cat.id,
        "changes": list(impact.described),
        "proposals": [_comparison_json(c) for c in impact.proposals],
        "tables": {
            t.table: {
                "title": t.title,
                "before": _json_series(t.before),
                "after": _json_series(t.after),
                "difference": _json_series(t.after - t.before),
                "steady_state": {"before": _num(t.steady_before), "after": _num(t.steady_after)},
            }
            for t in impact.tables
        },
    }
