# SPDX-License-Identifier: MPL-2.0
"""What a figure found in a text may refer to, with a confidence.

Every place of the proposal whose figure the found one allows (within its precision) is a
candidate: its lines, the rows of Tabel 1 and the printed tables, a line's or Tabel 1's sum
over the years the clause names, the basis tables' cells and numbers of rows, the effect
models' parameters, the keys' weights and shares. The confidence (0 to 1) adds up what
speaks for a candidate: the figure is allowed (0,4), the years agree (0,3: the clause's
years, or its last year for "varig"), and the clause shares words with the place's name
(up to 0,3). A found figure is a claim only when a person says so; the confidence orders
the candidates.

>>> [round(s, 1) for s in (word_overlap("ferie i Koncernservice", "administration af ferie"),)]
[0.5]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from gevinst.core import calc
from gevinst.core.claims.claim import (
    MONEY,
    SCALE_UNIT,
    BasisRef,
    CellRef,
    Claim,
    ClaimUnit,
    KeyRef,
    LineRef,
    ParamRef,
    Ref,
    RowsRef,
    in_scale,
    read_figure,
)
from gevinst.core.claims.fields import text_fields
from gevinst.core.claims.finder import Candidate, find
from gevinst.core.claims.precision import interval
from gevinst.core.claims.resolve import Referent, place
from gevinst.core.errors import GevinstError
from gevinst.core.model import LineKind, Proposal, Section
from gevinst.core.profile import Profile

_WORD = re.compile(r"[a-zæøå]{4,}", re.IGNORECASE)


@dataclass(frozen=True)
class Suggestion:
    """A place a found figure may refer to: the reference, its name, the figure there, the
    years it is read in, whether it is their sum, and the confidence."""

    ref: Ref
    name: str
    figure: Decimal
    years: tuple[int, ...]
    total: bool
    steady: bool
    confidence: float


def word_overlap(context: str, name: str) -> float:
    """The share of the name's words (of four letters or more) that the clause uses, by
    their first five letters (Danish inflects the ends)."""
    stems = {w.lower()[:5] for w in _WORD.findall(name)}
    if not stems:
        return 0.0
    used = {w.lower()[:5] for w in _WORD.findall(context)}
    return len(stems & used) / len(stems)


def _line_sums(p: Proposal) -> Iterator[tuple[Ref, float]]:
    """Sums of lines a text may state as one figure, each with the confidence it costs (a
    sum is a likelier reading the fewer lines it adds): the lines of a kind ("samlet
    effektivisering ... 9 mio. kr."), two lines of the permanent changes (an efficiency net
    of its operating cost), and two or three lines of the implementation costs."""
    by_kind: dict[LineKind, list[str]] = {}
    for line in p.lines:
        by_kind.setdefault(line.kind, []).append(line.id)
    for ids in by_kind.values():
        if len(ids) > 1:
            yield LineRef(tuple(ids)), 0.05
    for section in Section:
        ids = [line.id for line in p.lines if line.section is section]
        sizes = (2, 3) if section is Section.IMPLEMENTATION else (2,)
        for size in sizes:
            for group in combinations(ids, size):
                yield LineRef(group), 0.1 * size


def _series_refs(p: Proposal) -> Iterator[tuple[Ref, float]]:
    for line in p.lines:
        yield LineRef((line.id,)), 0.0
    yield from _line_sums(p)
    for row in ("varig", "impl", "impact", "varig_service", "impl_anlaeg", "impl_service"):
        yield CellRef("1", row), 0.0
    printed = [("2.1", p.stated.distribution)] if p.stated.distribution else []
    printed += list(p.stated.technical.items())
    for name, table in printed:
        if table is None:
            continue
        for row in table.rows:
            yield CellRef(name, row), 0.0
        if table.total is not None:
            yield CellRef(name, "total"), 0.0
    if p.stated.admin_total is not None:
        yield CellRef("admin", "total"), 0.0


def _basis_refs(p: Proposal, cells_unit: str = "") -> Iterator[tuple[Ref, float]]:
    """The basis tables' cells (``cells_unit``: the money unit a cell is read in, for a
    figure in mio. kr. or kr.) and, for a count, their numbers of rows."""
    for b in p.basis:
        if not cells_unit:
            yield RowsRef(b.id), 0.0
        for r in b.rows:
            for column, value in r.values.items():
                if isinstance(value, Decimal):
                    yield BasisRef(b.id, r.label, column, cells_unit), 0.0


def _model_refs(p: Proposal) -> Iterator[tuple[Ref, float]]:
    """The effect models' parameters and the keys' weights and shares."""
    for e in p.effects:
        for name, param in e.params.items():
            if isinstance(param.value, tuple):
                for i in range(len(param.value)):
                    yield ParamRef(e.line, name, i), 0.0
            else:
                yield ParamRef(e.line, name), 0.0
    for key_name, key in p.keys.items():
        for unit in key.weights:
            yield KeyRef(key_name, unit), 0.0
            yield KeyRef(key_name, unit, share=True), 0.0


def _refs(p: Proposal, unit: ClaimUnit, scale: int = 1000) -> Iterator[tuple[Ref, float]]:
    """Every place a figure of ``unit`` may refer to, with what a reading costs; the tables
    are written in ``scale`` (the profile's money: 1.000 kr., whole pounds)."""
    if unit not in MONEY:
        yield from _basis_refs(p)
        yield from _model_refs(p)
        return
    yield from _series_refs(p)
    # a sum in the calculation basis: read as written in the tables' scale, or converted to it
    tables_unit = SCALE_UNIT[scale]
    yield from _basis_refs(p, "" if unit is tables_unit else tables_unit.value)
    if unit is tables_unit:
        yield from ((ref, cost) for ref, cost in _model_refs(p) if isinstance(ref, ParamRef))


def _readings(p: Proposal, c: Candidate) -> Iterator[tuple[tuple[int, ...], bool, bool, bool]]:
    """(years, total, steady, years agree with the clause) to read a row in."""
    last = p.years[-1]
    named = tuple(y for y in c.years if y in p.years)
    if c.steady:
        yield (max(named) if named else last,), False, True, True
    for y in named:
        yield (y,), False, False, True
    if len(named) > 1:
        yield named, True, False, True
    if not named:
        yield (last,), False, True, False
        yield p.years, True, False, False
        for y in p.years[:-1]:
            yield (y,), False, False, False


def suggest(
    p: Proposal,
    profile: Profile,
    c: Candidate,
    limit: int = 3,
    tables: calc.Tables | None = None,
) -> list[Suggestion]:
    """The places ``c`` may refer to, the likeliest first (at most ``limit``); ``tables``
    are ``p``'s, shared by every figure of its texts (made here if none)."""
    if c.is_range or c.unit in (ClaimUnit.RATIO, ClaimUnit.FRACTION):
        return []
    written = read_figure(c.written[0])
    found: dict[Ref, Suggestion] = {}
    places: list[tuple[Ref, Referent, float]] = []
    tables = tables or calc.Tables(p, profile)
    scale = profile.money.scale
    for ref, cost in _refs(p, c.unit, scale):
        try:
            places.append((ref, place(p, profile, ref, tables), cost))
        except GevinstError:
            continue
    readings = list(_readings(p, c))
    for ref, where, cost in places:
        if c.unit not in MONEY:
            size = Decimal(1)
        elif isinstance(ref, BasisRef) and ref.unit:
            size = in_scale(c.unit, MONEY[ClaimUnit(ref.unit)])
        elif where.series is not None:
            size = in_scale(c.unit, scale)  # "1,1 mio. kr." in 1.000 kr., "£1.2m" in £
        else:
            size = Decimal(1)
        allowed = interval(written, c.qualifier, size)
        for years, total, steady, agree in (
            readings if where.series is not None else [((), False, False, True)]
        ):
            figure = where.at(years)
            if not figure or not allowed.accepts(figure):
                continue
            confidence = 0.4 - cost + (0.3 if agree else 0.0)
            confidence += 0.3 * word_overlap(c.context, where.name)
            if ref not in found or found[ref].confidence < confidence:
                found[ref] = Suggestion(
                    ref, where.name, figure, years, total, steady, round(confidence, 2)
                )
            break
    ranked = sorted(found.values(), key=lambda s: -s.confidence)
    return ranked[:limit]


@dataclass(frozen=True)
class Found:
    """A figure found in one of the proposal's texts, what it may refer to, and the claim
    already recorded for it (whose phrase covers it), if any."""

    field: str
    candidate: Candidate
    suggestions: tuple[Suggestion, ...]
    recorded: Claim | None


def _covering(p: Proposal, field: str, text: str, c: Candidate) -> Claim | None:
    for claim in p.claims:
        if claim.field != field:
            continue
        at = text.find(claim.phrase)
        while at >= 0:
            if at <= c.start and c.end <= at + len(claim.phrase):
                return claim
            at = text.find(claim.phrase, at + 1)
    return None


def found_in(p: Proposal, profile: Profile) -> list[Found]:
    """Every figure of every printed text of ``p``, in the order the document prints them."""
    out = []
    tables = calc.Tables(p, profile)  # each table apportioned once for every figure
    for field, text in text_fields(p).items():
        for c in find(text, profile.language):
            out.append(
                Found(
                    field,
                    c,
                    tuple(suggest(p, profile, c, tables=tables)),
                    _covering(p, field, text, c),
                )
            )
    return out


def unique_phrase(text: str, start: int, end: int) -> str:
    """The phrase from ``start`` to ``end``, widened word by word to the left until it
    stands in ``text`` once, so a claim names one place.

    >>> unique_phrase("3 mio. kr. til BIF og 3 mio. kr. til SOF", 22, 32)
    'og 3 mio. kr.'
    """
    begin = start
    while text.count(text[begin:end]) > 1 and begin > 0:
        begin = text.rfind(" ", 0, begin - 1) + 1 if " " in text[: begin - 1] else 0
    return text[begin:end]


def as_claim(p: Proposal, f: Found, s: Suggestion | None) -> Claim:
    """The claim a person confirms: the found figure, and the place it refers to (none:
    a figure the tables do not hold)."""
    c = f.candidate
    text = text_fields(p)[f.field]
    if s is None:
        years: tuple[int, ...] = c.years
        steady, total = c.steady, False
    else:
        steady, total = s.steady, s.total
        years = () if steady and s.years == (p.years[-1],) and not c.years else s.years
    return Claim(
        phrase=unique_phrase(text, c.start, c.end),
        field=f.field,
        written=c.written,
        unit=c.unit,
        years=years,
        steady=steady,
        total=total,
        qualifier=c.qualifier,
        ref=None if s is None else s.ref,
    )
