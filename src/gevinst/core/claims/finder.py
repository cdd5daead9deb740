# SPDX-License-Identifier: MPL-2.0
"""Figures in a proposal's words: numbers with their unit, qualifier and years, as a text of
the profile's language writes them (:mod:`gevinst.core.claims.reading`: Danish or English).

The finder reads a text as the data format holds it (with its markup) and gives each figure
that reads as a statement: a number with a unit (kr., t.kr., mio. kr., %, årsværk, timer,
minutter, måneder, år), a count ("39 matrikler"), a ratio ("47/53") or a fraction ("2/3").
It leaves out what is not a statement of amount: years, dates ("1. januar 2025"), the
numbers of sections, tables and appendices, list numbers, price levels ("2025 p/l").

>>> [(c.phrase, c.written, c.unit.value, c.years) for c in find("Det giver 3,0 mio. kr. i 2028.")]
[('3,0 mio. kr.', ('3,0',), 'mio. kr.', (2028,))]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from gevinst.core.claims.claim import MONEY, ClaimUnit, Qualifier
from gevinst.core.claims.reading import ClaimReading, reading

MONEY_UNITS = frozenset(MONEY)


@dataclass(frozen=True)
class _Patterns:
    """A language's patterns compiled (:class:`~gevinst.core.claims.reading.ClaimReading`)."""

    reading: ClaimReading
    figure: re.Pattern[str]
    fte_after: re.Pattern[str]
    of_what: re.Pattern[str]
    word_figure: re.Pattern[str] | None
    onward: re.Pattern[str]
    names: re.Pattern[str]
    date: re.Pattern[str]


@cache
def _patterns(language: str) -> _Patterns:
    r = reading(language)
    unit = "|".join(f"(?P<u{i}>{pattern})" for i, (_, pattern) in enumerate(r.units))
    qualifier = "|".join(f"(?P<q{i}>{pattern})" for i, (_, pattern) in enumerate(r.qualifiers))
    currency = rf"(?P<cur>{r.currency})?" if r.currency else ""
    then = rf"\s?(?:{r.currency})?" if r.currency else r"\s?"
    figure = re.compile(
        # a qualifier is a word of its own ("derudover 2,1" is not "over 2,1"); "2x550 t.kr."
        # is 550 t.kr. twice
        rf"(?:(?<!\w)(?:{qualifier})\s+)?{currency}(?:(?<![\w.,/])|(?<=\dx))(?P<n1>{r.number})"
        rf"(?:\s?(?:-|–|{r.range_word}){then}(?P<n2>{r.number}))?"
        rf"(?:\s?(?:{unit})|\s(?P<noun>[a-zæøå][\w-]*))?",
        re.IGNORECASE,
    )
    words = "|".join(sorted([*r.number_words, *r.half_words], key=len, reverse=True))
    word_figure = re.compile(
        rf"(?<![\w-])(?P<w>{words})\s+(?:(?:{unit})|(?P<noun>[a-zæøå][\w’'-]*))", re.IGNORECASE
    )
    return _Patterns(
        r,
        figure,
        # "3,5 administrative ÅV", "2 psykologfaglige årsværk": a word between a figure and
        # its FTE
        re.compile(r.fte_after),
        # "37 af indkøbsområderne": a count of a part, named by the word after "af"
        re.compile(r.of_what),
        word_figure,
        re.compile(r.onward, re.IGNORECASE),
        # a number right after these words names a place in the document or a code, not an
        # amount
        re.compile(r.names, re.IGNORECASE),
        re.compile(r.date, re.IGNORECASE),
    )


_FRACTION = re.compile(r"(?<![\w./])(?P<a>\d{1,3})/(?P<b>\d{1,3})(?![\w/])")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20|21)\d\d(?![\d,])")
_YEAR_RANGE = re.compile(r"(?<![\d.,])((?:19|20|21)\d\d)\s?[-–]\s?((?:19|20|21)\d\d)(?![\d,])")


@dataclass(frozen=True)
class Candidate:
    """A figure found in a text: its phrase and where it stands (``start``, ``end`` in the
    text), the figures as written (two for a range or a ratio), the unit, the years of its
    clause, whether the clause speaks of the permanent effect, and the clause itself."""

    phrase: str
    start: int
    end: int
    written: tuple[str, ...]
    unit: ClaimUnit
    qualifier: Qualifier
    years: tuple[int, ...]
    steady: bool
    context: str
    noun: str = ""
    is_range: bool = False


def _unit(pt: _Patterns, m: re.Match[str]) -> ClaimUnit | None:
    return next((u for i, (u, _) in enumerate(pt.reading.units) if m.group(f"u{i}")), None)


def _qualifier(pt: _Patterns, m: re.Match[str]) -> Qualifier:
    return next(
        (q for i, (q, _) in enumerate(pt.reading.qualifiers) if m.group(f"q{i}")), Qualifier.EXACT
    )


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a figure: from the last full stop before a capital letter, a line
    break or a colon, to the next."""
    stops = [m.end() for m in re.finditer(r"[.!?:]\s+(?=[A-ZÆØÅ*])|\n", text[:start])]
    begin = stops[-1] if stops else 0
    after = re.search(r"[.!?]\s+(?=[A-ZÆØÅ*])|\n|[.!?]$", text[end:])
    return begin, end + after.start() + 1 if after else len(text)


def years_in(context: str, language: str = "da") -> tuple[tuple[int, ...], bool]:
    """The years a clause names (a range "2025-2027" as each of its years; a financial year
    "2026/27" as the year it starts in), and whether it speaks of the permanent effect ("fra
    2028 og frem", "varig", "årligt"; "a year from 2026/27", "by 2027/28").

    >>> years_in("i perioden 2025-2027 afsat 15,6 mio. kr.")
    ((2025, 2026, 2027), False)
    >>> years_in("-3,0 mio. kr. fra 2028 og frem")
    ((2028,), True)
    >>> years_in("saves £477,000 a year from 2026/27", "en")
    ((2026,), True)
    """
    years: list[int] = []
    for m in _YEAR_RANGE.finditer(context):
        years.extend(range(int(m[1]), int(m[2]) + 1))
    rest = _YEAR_RANGE.sub(" ", context)
    years.extend(int(m[0]) for m in _YEAR.finditer(rest))
    return tuple(sorted(set(years))), _patterns(language).onward.search(context) is not None


def _is_year(written: str) -> bool:
    return len(written) == 4 and written.isdigit() and 1900 <= int(written) <= 2199


def _skipped(pt: _Patterns, text: str, m: re.Match[str], unit: ClaimUnit | None) -> bool:
    """Whether a number is not a statement of amount, and why."""
    n1, noun = m["n1"], m["noun"]
    before, after = text[: m.start("n1")], text[m.end("n1") :]
    fte = unit is None and pt.fte_after.match(text, m.end("n1")) is not None
    of = pt.reading.of
    not_counted = (
        unit is None
        and not fte
        and (
            noun is None
            or _is_year(n1)
            or (
                noun in pt.reading.not_nouns
                and not (noun == of and pt.of_what.match(text, m.end()))
            )
            or noun[0].isupper()
            or noun in {"p", "pl"}
        )
    )
    reasons = (
        not_counted,  # no unit and no word counted: a year, a name, "2025 p/l"
        after.startswith("/"),  # a fraction or a ratio, read on their own
        bool(pt.date.match(after)),  # "1. januar 2025"
        unit is None and bool(re.match(r"\\?\.\s", after)),  # a numbered item or an ordinal
        bool(re.match(r"\s*\d{4}\s?p/l", text[m.end() :])),  # a price basis: "1.000 kr. 2025 p/l"
        after.startswith(")") or bool(pt.names.search(before)),  # "1)", "tabel 2", "afsnit 2.1"
        bool(re.search(r"(?:^|\n)\s*$", before) and re.match(r"\\?\.", after)),  # "1. " a list
    )
    return any(reasons)


def _fractions(pt: _Patterns, text: str) -> Iterator[Candidate]:
    for m in _FRACTION.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if b == 0 or text[: m.start()].rstrip().endswith(("OFS", "p")):
            continue
        begin, end = clause(text, m.start(), m.end())
        context = text[begin:end].strip()
        years, steady = years_in(context, pt.reading.language)
        unit = ClaimUnit.RATIO if a + b == 100 else ClaimUnit.FRACTION
        if unit is ClaimUnit.FRACTION and a >= b:
            continue
        if pt.fte_after.match(text, m.end()):
            unit = ClaimUnit.FTE  # "1/2 ÅV": half a full-time equivalent
        written = (m["a"], m["b"]) if unit is ClaimUnit.RATIO else (m[0],)
        yield Candidate(
            m[0], m.start(), m.end(), written, unit, Qualifier.EXACT, years, steady, context
        )


def _in_words(pt: _Patterns, text: str) -> Iterator[Candidate]:
    """Numbers written in words before what they count ("tre koncessionskontrakter", "to
    måneder", "halvdelen af effektiviseringen"; "three years", "fourteen posts"); half of
    something is a fraction."""
    r = pt.reading
    assert pt.word_figure is not None
    for m in pt.word_figure.finditer(text):
        unit, noun, end = _unit(pt, m), m["noun"] or "", m.end()
        half = m["w"].lower() in r.half_words
        if text[: m.start()].lower().endswith(r.under_one):
            continue  # "under ét": together, no count
        if unit is None and (fte := pt.fte_after.match(text, m.end("w"))):
            unit, noun, end = ClaimUnit.FTE, "", fte.end()  # "ét helt årsværk"
        elif noun == r.of and (what := pt.of_what.match(text, end)):
            noun, end = what[0].strip(), what.end()
        elif unit is None and (noun in r.not_nouns or noun[:1].isupper()):
            continue
        if unit in MONEY_UNITS:
            continue  # "ten million": no currency, no money
        begin, stop = clause(text, m.start(), end)
        context = text[begin:stop].strip()
        years, steady = years_in(context, r.language)
        kind = unit or (ClaimUnit.FRACTION if half else ClaimUnit.COUNT)
        yield Candidate(
            text[m.start() : end], m.start(), end, (r.word_written(m["w"]),), kind,
            Qualifier.EXACT, years, steady, context, "" if unit else noun,
        )  # fmt: skip


def _money_unit(pt: _Patterns, m: re.Match[str], unit: ClaimUnit | None) -> ClaimUnit | None:
    """A figure's unit where a currency sign may stand before it: "£175,000" is money in the
    currency itself, "£1.2m" in millions; a thousand or a million without the sign is a
    number, not money (None: a count of its noun, if any)."""
    if not pt.reading.currency:
        return unit
    if m["cur"]:
        return ClaimUnit.KR if unit is None else unit
    written = next((m[f"u{i}"] for i in range(len(pt.reading.units)) if m[f"u{i}"]), "")
    if re.search(pt.reading.currency, written):
        return unit  # "175 (£000s)": the sign in the unit
    return None if unit in MONEY_UNITS and unit is not ClaimUnit.KR else unit


def find(text: str, language: str = "da") -> list[Candidate]:
    """Every figure of ``text`` that reads as a statement, in the order it stands, as a
    text of ``language`` writes them ("da" or "en").

    >>> [(c.phrase, c.written, c.unit.value) for c in find("It costs £1.2m a year.", "en")]
    [('£1.2m', ('1,2',), 'mio. kr.')]
    """
    pt = _patterns(language)
    r = pt.reading
    found = [*_fractions(pt, text), *_in_words(pt, text)]
    for m in pt.figure.finditer(text):
        unit = _money_unit(pt, m, _unit(pt, m))
        if unit is None and r.currency and m["noun"] is None and _unit(pt, m) is not None:
            continue  # "1.2 million" without a currency: not read
        if _skipped(pt, text, m, unit):
            continue
        if unit is None and _is_year(m["n1"]):
            continue
        begin, end = clause(text, m.start(), m.end())
        context = text[begin:end].strip()
        years, steady = years_in(context, language)
        written = tuple(r.to_format(n) for n in (m["n1"], m["n2"]) if n is not None)
        noun = "" if unit is not None else m["noun"]
        end = m.start() + len(m[0].rstrip())
        if m.groupdict().get("cur") and _unit(pt, m) is None:
            end = m.end("n2") if m["n2"] is not None else m.end("n1")  # "£477,000" a year
        if unit is None and (fte := pt.fte_after.match(text, m.end("n1"))):
            unit, noun, end = ClaimUnit.FTE, "", fte.end()
        elif noun == r.of and (what := pt.of_what.match(text, end)):
            noun, end = what[0].strip(), what.end()
        found.append(
            Candidate(
                phrase=text[m.start() : end],
                start=m.start(),
                end=end,
                written=written,
                unit=unit or ClaimUnit.COUNT,
                qualifier=_qualifier(pt, m),
                years=years,
                steady=steady,
                context=context,
                noun=noun,
                is_range=m["n2"] is not None,
            )
        )
    return sorted(found, key=lambda c: c.start)
