# SPDX-License-Identifier: MPL-2.0
"""Figures in a proposal's words: Danish numbers with their unit, qualifier and years.

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

from gevinst.core.claims.claim import HALF_WORDS, NUMBER_WORDS, ClaimUnit, Qualifier

# a point before one or two digits is a decimal point typed in English ("ca. 1.9 mio. kr."):
# read as the decimal comma it stands for; before three it separates thousands
_NUMBER = r"-?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?)"
_UNITS: tuple[tuple[ClaimUnit, str], ...] = (
    (ClaimUnit.MIA_KR, r"mia\.?\s?kr\.?"),
    (ClaimUnit.MIO_KR, r"mio\.?\s?kr\.?|mio\.|millioner\s+kr(?:oner|\.)?"),
    (ClaimUnit.TKR, r"t\.\s?kr\.?|tkr\.?|1\.000\s?kr\."),
    (ClaimUnit.KR, r"kr\.|kroner|kr\b"),
    (ClaimUnit.PERCENT, r"%|pct\.?|procent\b"),
    (ClaimUnit.FTE, r"\w*årsværk\w*|ÅV\b|ÅÅ\b|fuldtidsstillinger?\b"),
    (ClaimUnit.HOURS, r"timer\b|time\b"),
    (ClaimUnit.MINUTES, r"minutter\b|min\."),
    (ClaimUnit.MONTHS, r"måneder\b|måned\b|mdr\.?"),
    (ClaimUnit.YEARS, r"år\b"),
)
_UNIT = "|".join(f"(?P<u{i}>{pattern})" for i, (_, pattern) in enumerate(_UNITS))
_QUALIFIERS: tuple[tuple[Qualifier, str], ...] = (
    (Qualifier.ABOUT, r"ca\.|cirka|omkring|omtrent|anslået|godt|knap|næsten|i gns\."),
    # "dækker over 39 matrikler" is "covers 39", not "more than 39"
    (Qualifier.AT_LEAST, r"mindst|(?<!dækker )over|mere end|minimum"),
    (Qualifier.AT_MOST, r"højst|under|op til|op imod|mindre end|maksimalt|maks\."),
)
_QUALIFIER = "|".join(f"(?P<q{i}>{pattern})" for i, (_, pattern) in enumerate(_QUALIFIERS))
_FIGURE = re.compile(
    # a qualifier is a word of its own ("derudover 2,1" is not "over 2,1"); "2x550 t.kr." is
    # 550 t.kr. twice
    rf"(?:(?<!\w)(?:{_QUALIFIER})\s+)?(?:(?<![\w.,/])|(?<=\dx))(?P<n1>{_NUMBER})"
    rf"(?:\s?(?:-|–|til)\s?(?P<n2>{_NUMBER}))?"
    rf"(?:\s?(?:{_UNIT})|\s(?P<noun>[a-zæøå][\w-]*))?",
    re.IGNORECASE,
)
# "3,5 administrative ÅV", "2 psykologfaglige årsværk": a word between a figure and its FTE
_FTE_AFTER = re.compile(r"\s+(?:[a-zæøå]+\s+)?(?:ÅV|årsværk)\b")
# "37 af indkøbsområderne": a count of a part, named by the word after "af"
_OF_WHAT = re.compile(r"\s+[a-zæøå][\w-]*")
_WORDS = "|".join(sorted([*NUMBER_WORDS, *HALF_WORDS], key=len, reverse=True))
_WORD_FIGURE = re.compile(
    rf"(?<![\w-])(?P<w>{_WORDS})\s+(?:(?:{_UNIT})|(?P<noun>[a-zæøå][\w’'-]*))", re.IGNORECASE
)
_FRACTION = re.compile(r"(?<![\w./])(?P<a>\d{1,3})/(?P<b>\d{1,3})(?![\w/])")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20|21)\d\d(?![\d,])")
_YEAR_RANGE = re.compile(r"(?<![\d.,])((?:19|20|21)\d\d)\s?[-–]\s?((?:19|20|21)\d\d)(?![\d,])")
_ONWARD = re.compile(
    r"fra\s+(?:budget\s+)?((?:19|20|21)\d\d)\s+og\s+frem|varig|årligt", re.IGNORECASE
)
# a number right after these words names a place in the document or a code, not an amount
_NAMES = re.compile(
    r"(?:afsnit|tabel|bilag|figur|kapitel|nr\.|pkt\.|punkt|SKI|hovedkonto|hovedfunktion|"
    r"side|fase|spor|trin|gruppe|kategori|klasse|version|kvartal|effektivisering|OFS|SO|ad)\s*$",
    re.IGNORECASE,
)
_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
_DATE = re.compile(rf"\\?\.\s*(?:{_MONTHS})", re.IGNORECASE)
# a count's noun that is not a thing counted
_NOT_NOUNS = {
    "og",
    "eller",
    "til",
    "af",
    "i",
    "på",
    "for",
    "med",
    "fra",
    "er",
    "var",
    "som",
    "der",
    "at",
    "en",
    "et",
    "de",
    "om",
    "ved",
    "p",
    "pr",
    "mod",
    "samt",
    "jf",
    "heraf",
    "ikke",
    "kan",
    "skal",
    "vil",
    "blev",
    "bliver",
    "har",
    "ud",
    "over",
    "under",
    "efter",
    "inden",
}


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


def _unit(m: re.Match[str]) -> ClaimUnit | None:
    return next((u for i, (u, _) in enumerate(_UNITS) if m.group(f"u{i}")), None)


def _qualifier(m: re.Match[str]) -> Qualifier:
    return next((q for i, (q, _) in enumerate(_QUALIFIERS) if m.group(f"q{i}")), Qualifier.EXACT)


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a figure: from the last full stop before a capital letter, a line
    break or a colon, to the next."""
    stops = [m.end() for m in re.finditer(r"[.!?:]\s+(?=[A-ZÆØÅ*])|\n", text[:start])]
    begin = stops[-1] if stops else 0
    after = re.search(r"[.!?]\s+(?=[A-ZÆØÅ*])|\n|[.!?]$", text[end:])
    return begin, end + after.start() + 1 if after else len(text)


def years_in(context: str) -> tuple[tuple[int, ...], bool]:
    """The years a clause names (a range "2025-2027" as each of its years), and whether it
    speaks of the permanent effect ("fra 2028 og frem", "varig", "årligt").

    >>> years_in("i perioden 2025-2027 afsat 15,6 mio. kr.")
    ((2025, 2026, 2027), False)
    >>> years_in("-3,0 mio. kr. fra 2028 og frem")
    ((2028,), True)
    """
    years: list[int] = []
    for m in _YEAR_RANGE.finditer(context):
        years.extend(range(int(m[1]), int(m[2]) + 1))
    rest = _YEAR_RANGE.sub(" ", context)
    years.extend(int(m[0]) for m in _YEAR.finditer(rest))
    return tuple(sorted(set(years))), _ONWARD.search(context) is not None


def _danish(number: str) -> str:
    """A figure as Danish writes it: an English decimal point ("1.9") as a comma."""
    return number.replace(".", ",") if re.fullmatch(r"-?\d+\.\d{1,2}", number) else number


def _is_year(written: str) -> bool:
    return len(written) == 4 and written.isdigit() and 1900 <= int(written) <= 2199


def _skipped(text: str, m: re.Match[str], unit: ClaimUnit | None) -> bool:
    """Whether a number is not a statement of amount, and why."""
    n1, noun = m["n1"], m["noun"]
    before, after = text[: m.start("n1")], text[m.end("n1") :]
    fte = unit is None and _FTE_AFTER.match(text, m.end("n1")) is not None
    not_counted = (
        unit is None
        and not fte
        and (
            noun is None
            or _is_year(n1)
            or (noun in _NOT_NOUNS and not (noun == "af" and _OF_WHAT.match(text, m.end())))
            or noun[0].isupper()
            or noun in {"p", "pl"}
        )
    )
    reasons = (
        not_counted,  # no unit and no word counted: a year, a name, "2025 p/l"
        after.startswith("/"),  # a fraction or a ratio, read on their own
        bool(_DATE.match(after)),  # "1. januar 2025"
        unit is None and bool(re.match(r"\\?\.\s", after)),  # a numbered item or an ordinal
        bool(re.match(r"\s*\d{4}\s?p/l", text[m.end() :])),  # a price basis: "1.000 kr. 2025 p/l"
        after.startswith(")") or bool(_NAMES.search(before)),  # "1)", "tabel 2", "afsnit 2.1"
        bool(re.search(r"(?:^|\n)\s*$", before) and re.match(r"\\?\.", after)),  # "1. " a list
    )
    return any(reasons)


def _fractions(text: str) -> Iterator[Candidate]:
    for m in _FRACTION.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if b == 0 or text[: m.start()].rstrip().endswith(("OFS", "p")):
            continue
        begin, end = clause(text, m.start(), m.end())
        context = text[begin:end].strip()
        years, steady = years_in(context)
        unit = ClaimUnit.RATIO if a + b == 100 else ClaimUnit.FRACTION
        if unit is ClaimUnit.FRACTION and a >= b:
            continue
        if _FTE_AFTER.match(text, m.end()):
            unit = ClaimUnit.FTE  # "1/2 ÅV": half a full-time equivalent
        written = (m["a"], m["b"]) if unit is ClaimUnit.RATIO else (m[0],)
        yield Candidate(
            m[0], m.start(), m.end(), written, unit, Qualifier.EXACT, years, steady, context
        )


def _in_words(text: str) -> Iterator[Candidate]:
    """Numbers written in words before what they count ("tre koncessionskontrakter", "to
    måneder", "halvdelen af effektiviseringen"); half of something is a fraction."""
    for m in _WORD_FIGURE.finditer(text):
        unit, noun, end = _unit(m), m["noun"] or "", m.end()
        half = m["w"].lower() in HALF_WORDS
        if text[: m.start()].lower().endswith("under "):
            continue  # "under ét": together, no count
        if unit is None and (fte := _FTE_AFTER.match(text, m.end("w"))):
            unit, noun, end = ClaimUnit.FTE, "", fte.end()  # "ét helt årsværk"
        elif noun == "af" and (what := _OF_WHAT.match(text, end)):
            noun, end = what[0].strip(), what.end()
        elif unit is None and (noun in _NOT_NOUNS or noun[:1].isupper()):
            continue
        begin, stop = clause(text, m.start(), end)
        context = text[begin:stop].strip()
        years, steady = years_in(context)
        kind = unit or (ClaimUnit.FRACTION if half else ClaimUnit.COUNT)
        yield Candidate(
            text[m.start() : end], m.start(), end, (m["w"],), kind, Qualifier.EXACT, years,
            steady, context, "" if unit else noun,
        )  # fmt: skip


def find(text: str) -> list[Candidate]:
    """Every figure of ``text`` that reads as a statement, in the order it stands."""
    found = [*_fractions(text), *_in_words(text)]
    for m in _FIGURE.finditer(text):
        unit = _unit(m)
        if _skipped(text, m, unit):
            continue
        if unit is None and _is_year(m["n1"]):
            continue
        begin, end = clause(text, m.start(), m.end())
        context = text[begin:end].strip()
        years, steady = years_in(context)
        written = tuple(_danish(n) for n in (m["n1"], m["n2"]) if n is not None)
        noun = "" if unit is not None else m["noun"]
        end = m.start() + len(m[0].rstrip())
        if unit is None and (fte := _FTE_AFTER.match(text, m.end("n1"))):
            unit, noun, end = ClaimUnit.FTE, "", fte.end()
        elif noun == "af" and (what := _OF_WHAT.match(text, end)):
            noun, end = what[0].strip(), what.end()
        found.append(
            Candidate(
                phrase=text[m.start() : end],
                start=m.start(),
                end=end,
                written=written,
                unit=unit or ClaimUnit.COUNT,
                qualifier=_qualifier(m),
                years=years,
                steady=steady,
                context=context,
                noun=noun,
                is_range=m["n2"] is not None,
            )
        )
    return sorted(found, key=lambda c: c.start)
