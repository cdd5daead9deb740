# SPDX-License-Identifier: MPL-2.0
"""What the text says against the tables: every recorded claim (docs/format.md, "Claims")
compared with the figure it refers to, within the precision it is written with.

A claim of one figure a year is compared year by year (the years it names; the table's last
year for the permanent effect, "varig"; each year from the first it names to the table's
last for "fra 2028 og frem"); a ``total`` claim with the sum over its years; a basis cell, a
parameter or a count once. Figures are compared by magnitude, in the claim's unit converted
to the tables' scale (the profile's money: 1.000 kr., whole pounds) where the figure is money
in a table; the messages are in the profile's language ("the text says £1.2m in 2026/27").
A disagreement is a finding of table ``text`` whose row is the phrase, with the arithmetic in
its message. It is a warning: the tables are the figures a committee decides, and a text
that says otherwise is to be corrected, but it does not make the figures wrong (the
lifecycle's "no errors in the proposal's figures" does not wait for it).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.check.say import Messages, say, voice
from gevinst.core.claims.claim import (
    MONEY,
    BasisRef,
    Claim,
    ClaimUnit,
    RatioRef,
    ShareRef,
    in_scale,
)
from gevinst.core.claims.fields import field_label, text_fields
from gevinst.core.claims.precision import Interval, interval
from gevinst.core.claims.reading import money_written, unit_word
from gevinst.core.claims.resolve import Referent, place, ratio_of, share_of, simple_refs
from gevinst.core.errors import GevinstError
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile
from gevinst.core.template import Printing

RULE = "text-claim"
STALE = "text-claim-stale"
TABLE = "text"
HALF = Decimal("0.5")

# the check's own words around a claim; the places a claim names (a table's row, a basis
# cell, a field of the text) are worded by core/claims in the profile's language, its units
# ("mio. kr.", "årsværk") as the claim is written
MESSAGES: Messages = {
    "da": {
        "described": "«{phrase}» ({field})",
        "in-year": " i {year}",
        "in-years": " i alt {first}-{last}",
        "text-claim": "{described}: teksten siger {written}{unit}{years}, dvs. {allowed}"
        "{in_unit}; men {where}{years} er {figure} (forskel {difference})",
        "fraction": "{written} af {whole} er {expected}",
        "percent": "dvs. {allowed} %",
        "share": "{described}: teksten siger {written}{percent}{years} af {of} ({whole}); "
        "{told}, men {where} er {part} ({share} %)",
        "ratio": "{described}: teksten siger {written}{years}; men {name} er {parts}, dvs. "
        "{shares} i procent",
        "text-claim-stale": "{described}: påstanden skal rettes eller fjernes: {why}",
        "not-in-text": "står ikke længere i {field}",
        "not-a-year": "året {years} er ikke blandt forslagets år",
        "at-most": "højst {high}",
        "at-least": "mindst {low}",
        "between": "{low} til {high}{end}",
        "excluded": " (ekskl.)",
    },
    "en": {
        "described": "«{phrase}» ({field})",
        "in-year": " in {year}",
        "in-years": " in all {first}-{last}",
        "text-claim": "{described}: the text says {written}{unit}{years}, i.e. {allowed}"
        "{in_unit}; but {where}{years} is {figure} (difference {difference})",
        "fraction": "{written} of {whole} is {expected}",
        "percent": "i.e. {allowed} %",
        "share": "{described}: the text says {written}{percent}{years} of {of} ({whole}); "
        "{told}, but {where} is {part} ({share} %)",
        "ratio": "{described}: the text says {written}{years}; but {name} is {parts}, i.e. "
        "{shares} in per cent",
        "text-claim-stale": "{described}: the claim must be corrected or removed: {why}",
        "not-in-text": "is no longer in {field}",
        "not-a-year": "the year {years} is not among the proposal's years",
        "at-most": "at most {high}",
        "at-least": "at least {low}",
        "between": "{low} to {high}{end}",
        "excluded": " (excl.)",
    },
}


def _allowed(allowed: Interval, pr: Printing, sign: str = "") -> str:
    """The values a written figure allows, in words: "højst 5", "1.250 til 1.350 (ekskl.)";
    with a currency's ``sign`` before each figure, as English writes money ("£1,145,000")."""
    low = sign + pr.plain(allowed.low) if allowed.low is not None else ""
    high = sign + pr.plain(allowed.high) if allowed.high is not None else ""
    if allowed.low is None:
        return say(pr, MESSAGES, "at-most", high=high)
    if allowed.high is None:
        return say(pr, MESSAGES, "at-least", low=low)
    end = "" if allowed.high_in else say(pr, MESSAGES, "excluded")
    return say(pr, MESSAGES, "between", low=low, high=high, end=end)


def _sign(c: Claim, in_unit: str, pr: Printing) -> str:
    """The currency's sign an English message writes before an amount in the tables' money
    ("£"), where the tables are in the currency itself; none in Danish ("1.000 kr." after)."""
    label = pr.money.label
    money_sign = label == in_unit and not any(ch.isalnum() for ch in label)
    return label if pr.language != "da" and c.unit in MONEY and money_sign else ""


def claim_years(p: Proposal, c: Claim) -> list[tuple[int, ...]]:
    """The groups of years a claim is compared in: one group a comparison (a ``total``
    claim's years are added up in one group).

    A claim with a value a year pairs them; "varig" alone is the table's last year; "fra
    2028 og frem" (``steady`` with a year) is each year from 2028 to the last."""
    last = p.years[-1]
    if c.total:
        return [c.years or p.years]
    if c.steady:
        first = min(c.years) if c.years else last
        return [(y,) for y in p.years if y >= first]
    return [(y,) for y in c.years] if c.years else [(last,)]


def _described(p: Proposal, c: Claim, pr: Printing) -> str:
    field = field_label(p, c.field, pr.words.language)
    return say(pr, MESSAGES, "described", phrase=c.phrase, field=field)


def _in_years(years: tuple[int, ...], pr: Printing) -> str:
    if not years:
        return ""
    if len(years) == 1:
        return say(pr, MESSAGES, "in-year", year=pr.year(years[0]))
    return say(pr, MESSAGES, "in-years", first=pr.year(years[0]), last=pr.year(years[-1]))


def _finding(
    p: Proposal, c: Claim, year: int | None, stated: Decimal, figure: Decimal, message: str
) -> Finding:
    return Finding(
        proposal=p.id,
        table=TABLE,
        row=c.phrase,
        year=year,
        stated=stated,
        computed=figure,
        rule=RULE,
        severity=Severity.WARNING,
        message=message,
    )


def _scale(c: Claim, series: bool, figure_unit: str, pr: Printing) -> tuple[Decimal, str]:
    """What one unit of the claim is in the figure's unit, and that unit's name: a table's
    row is in the profile's money (Copenhagen's 1.000 kr.: "1,1 mio. kr." is 1.100 of it; an
    English council's £: "£1.2m" is 1,200,000), a basis cell in the unit its reference names
    ("kr.")."""
    if c.unit in MONEY and series:
        return in_scale(c.unit, pr.money.scale), pr.money.label
    if c.unit in MONEY and figure_unit:
        return in_scale(c.unit, MONEY[ClaimUnit(figure_unit)]), _word(ClaimUnit(figure_unit), pr)
    return Decimal(1), "" if c.unit is ClaimUnit.COUNT else _word(c.unit, pr)


def _word(unit: ClaimUnit, pr: Printing) -> str:
    return unit_word(unit, pr.language, pr.money.currency)


def _plain(
    p: Proposal, profile: Profile, c: Claim, tables: calc.Tables, pr: Printing
) -> Iterator[Finding]:
    assert c.ref is not None and not isinstance(c.ref, (ShareRef, RatioRef))
    where = place(p, profile, c.ref, tables)
    figure_unit = c.ref.unit if isinstance(c.ref, BasisRef) else ""
    scale, in_unit = _scale(c, where.series is not None, figure_unit, pr)
    values = c.values
    groups = claim_years(p, c) if where.series is not None else [()]
    if len(values) > 1 and len(values) == len(groups):
        pairs = list(zip(values, groups, strict=True))
    else:
        pairs = [(values[0], g) for g in groups]
    sign = _sign(c, in_unit, pr)
    in_unit = "" if sign else in_unit
    for value, years in pairs:
        allowed = interval(value, c.qualifier, scale)
        figure = where.at(years)
        if allowed.accepts(figure):
            continue
        yield _finding(
            p,
            c,
            years[0] if len(years) == 1 else None,
            abs(value) * scale,
            figure,
            say(
                pr,
                MESSAGES,
                "text-claim",
                described=_described(p, c, pr),
                written=_written(c, pr, None if len(values) == 1 else value),
                unit=_unit_words(c, pr),
                years=_in_years(years, pr),
                allowed=_allowed(allowed, pr, sign),
                in_unit=" " + in_unit if in_unit else "",
                where=where.name,
                figure=pr.plain(figure),
                difference=pr.plain(abs(figure) - abs(value) * scale),
            ),
        )


def _unit_words(c: Claim, pr: Printing) -> str:
    """The unit after a figure in a message; a count is a number alone, and English money
    is written with its figure ("£1.2m")."""
    if c.unit is ClaimUnit.COUNT or (pr.language != "da" and c.unit in MONEY):
        return ""
    return f" {_word(c.unit, pr)}"


def _written(c: Claim, pr: Printing, value: Decimal | None = None) -> str:
    """A claim's figure (``value``: one of its figures a year) as its text writes it: in
    Danish as the claim holds it ("1,3", "tre"), in English in the English number format,
    money with its sign ("1.3", "£1,150,000")."""
    if pr.language == "da":
        return c.written[0] if value is None else pr.plain(value)
    if value is None and "/" in c.written[0]:
        figure = c.written[0]
    else:
        figure = pr.plain(c.values[0] if value is None else value)
    return money_written(figure, c.unit, pr.money.currency) if c.unit in MONEY else figure


def _named(where: Referent, years: tuple[int, ...], pr: Printing) -> str:
    """A place's name, with the years it is read in where it is a row read in the claim's."""
    return where.name + (
        _in_years(years, pr) if where.series is not None and where.year is None else ""
    )


def _share(
    p: Proposal, profile: Profile, c: Claim, ref: ShareRef, tables: calc.Tables, pr: Printing
) -> Iterator[Finding]:
    for years in claim_years(p, c):
        part, part_figure, whole, whole_figure = share_of(p, profile, ref, years, tables)
        a, b = abs(part_figure), abs(whole_figure)
        share = (a * 100 / b).quantize(Decimal("0.1")) if b else Decimal(0)
        where, of = _named(part, years, pr), _named(whole, years, pr)
        if c.unit is ClaimUnit.FRACTION:
            expected = b * c.values[0]
            # a table prints whole 1.000 kr.: the part may be rounded by half of one
            if abs(a - expected) <= HALF:
                continue
            stated, computed = round(expected, 1), a
            told = say(
                pr,
                MESSAGES,
                "fraction",
                written=_written(c, pr),
                whole=pr.plain(b),
                expected=pr.plain(round(expected, 1)),
            )
        else:
            allowed = interval(c.values[0], c.qualifier)
            if allowed.accepts(share):
                continue
            stated, computed = abs(c.values[0]), share
            told = say(pr, MESSAGES, "percent", allowed=_allowed(allowed, pr))
        yield _finding(
            p,
            c,
            years[0] if len(years) == 1 else None,
            stated,
            computed,
            say(
                pr,
                MESSAGES,
                "share",
                described=_described(p, c, pr),
                written=_written(c, pr),
                percent=" %" if c.unit is ClaimUnit.PERCENT else "",
                years=_in_years(years, pr),
                of=of,
                whole=pr.plain(b),
                told=told,
                where=where,
                part=pr.plain(a),
                share=pr.plain(share),
            ),
        )


def _ratio(
    p: Proposal, profile: Profile, c: Claim, ref: RatioRef, tables: calc.Tables, pr: Printing
) -> Iterator[Finding]:
    values = c.values
    total_v = sum((abs(v) for v in values), Decimal(0))
    for years in claim_years(p, c):
        name, parts = ratio_of(p, profile, ref, years, tables)
        total_f = sum((abs(f) for f in parts), Decimal(0))
        if not total_f or not total_v:
            continue
        shares = [abs(f) * 100 / total_f for f in parts]
        scale = 100 / total_v
        if all(
            interval(v, c.qualifier, scale).accepts(s) for v, s in zip(values, shares, strict=True)
        ):
            continue
        printed = " / ".join(pr.plain(s.quantize(Decimal("0.1"))) for s in shares)
        yield _finding(
            p,
            c,
            years[0] if len(years) == 1 else None,
            abs(values[0]) * scale,
            shares[0].quantize(Decimal("0.1")),
            say(
                pr,
                MESSAGES,
                "ratio",
                described=_described(p, c, pr),
                written="/".join(c.written),
                years=_in_years(years, pr),
                name=name,
                parts=" / ".join(pr.plain(abs(f)) for f in parts),
                shares=printed,
            ),
        )


def stale(
    p: Proposal,
    profile: Profile,
    c: Claim,
    texts: dict[str, str],
    tables: calc.Tables | None = None,
) -> str:
    """Why a claim no longer fits its proposal ("" where it does): its phrase is not in its
    text (the text was edited), its reference names what the proposal no longer holds, or
    it names a year the proposal's tables do not have."""
    pr = voice(profile)
    if c.phrase not in texts.get(c.field, ""):
        return say(pr, MESSAGES, "not-in-text", field=c.field)
    for ref in simple_refs(c.ref) if c.ref is not None else ():
        try:
            place(p, profile, ref, tables)
        except GevinstError as e:
            return str(e)
    missing = [pr.year(y) for y in c.years if c.ref is not None and y not in p.years]
    return say(pr, MESSAGES, "not-a-year", years=", ".join(missing)) if missing else ""


def check_claims(
    p: Proposal, profile: Profile, tables: calc.Tables | None = None
) -> Iterator[Finding]:
    """Every claim of ``p`` that refers to a figure, compared with it; a claim that no longer
    fits the proposal is reported as such (rule ``text-claim-stale``) and not compared.
    ``tables`` are ``p``'s derived tables, shared with the other rule families and by every
    claim (each table apportioned once, not once a claim)."""
    if p.catalog_entry_only:
        return
    texts = text_fields(p)
    derived = tables or calc.Tables(p, profile)
    pr = voice(profile)
    for c in p.claims:
        why = stale(p, profile, c, texts, derived)
        if why:
            yield Finding.note(
                proposal=p.id,
                table=TABLE,
                row=c.phrase,
                rule=STALE,
                severity=Severity.WARNING,
                message=say(
                    pr, MESSAGES, "text-claim-stale", described=_described(p, c, pr), why=why
                ),
            )
            continue
        if c.ref is None:
            continue
        if isinstance(c.ref, ShareRef):
            yield from _share(p, profile, c, c.ref, derived, pr)
        elif isinstance(c.ref, RatioRef):
            yield from _ratio(p, profile, c, c.ref, derived, pr)
        else:
            yield from _plain(p, profile, c, derived, pr)
