# SPDX-License-Identifier: MPL-2.0
"""The pattern finder: a phrase of the seed's prose in, its figure, unit, years and
precision out (table-driven), and what it leaves out (years, dates, names of tables)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gevinst.core.claims.claim import ClaimUnit, Qualifier, read_figure
from gevinst.core.claims.finder import find, years_in
from gevinst.core.claims.precision import interval

U = ClaimUnit
Q = Qualifier

# (text as the seed prints it, phrase, written, unit, qualifier, years, steady, allowed range
# in the unit written: its lowest allowed figure and the first figure above it)
CASES = [
    (
        "Der er indregnet en besparelse på 0,5 ÅV i Koncernservice",
        "0,5 ÅV",
        ("0,5",),
        U.FTE,
        Q.EXACT,
        (),
        False,
        ("0.45", "0.55"),
    ),
    (
        "er der anvendt en årstimenorm på 1262,6 timer, jf. Vejledning",
        "1262,6 timer",
        ("1262,6",),
        U.HOURS,
        Q.EXACT,
        (),
        False,
        ("1262.55", "1262.65"),
    ),
    (
        "Der er anvendt den direkte overheadsats på 35 t. kr. Derudover",
        "35 t. kr.",
        ("35",),
        U.TKR,
        Q.EXACT,
        (),
        False,
        ("34.5", "35.5"),
    ),
    (
        "Der er estimeret et behov for 1,4 mio. kr. til udvikling af systemunderstøttelse",
        "1,4 mio. kr.",
        ("1,4",),
        U.MIO_KR,
        Q.EXACT,
        (),
        False,
        ("1.35", "1.45"),
    ),
    (
        "Forslagets samlede effektivisering ved fuld indfasning fra 2028 er på 9 mio. kr.",
        "9 mio. kr.",
        ("9",),
        U.MIO_KR,
        Q.EXACT,
        (2028,),
        False,
        ("8.5", "9.5"),
    ),
    (
        "*Kortere varighed på foranstaltninger på børne og ungeområdet: -3,0 mio. kr. fra 2028 og "
        "frem (SOF)*",
        "-3,0 mio. kr.",
        ("-3,0",),
        U.MIO_KR,
        Q.EXACT,
        (2028,),
        True,
        ("2.95", "3.05"),
    ),
    (
        "Derudover er der i perioden 2025-2027 afsat 15,6 mio. kr. til ansættelse",
        "15,6 mio. kr.",
        ("15,6",),
        U.MIO_KR,
        Q.EXACT,
        (2025, 2026, 2027),
        False,
        ("15.55", "15.65"),
    ),
    (
        "I 2023 var der 1.197 varslede fogedudsættelser på grund af huslejerestancer.",
        "1.197 varslede",
        ("1.197",),
        U.COUNT,
        Q.EXACT,
        (2023,),
        False,
        ("1196.5", "1197.5"),
    ),
    (
        "Der ansættes 2,5 socialrådgiverårsværk til hvert ca. 600 t.kr. (et",
        "ca. 600 t.kr.",
        ("600",),
        U.TKR,
        Q.ABOUT,
        (),
        False,
        ("540", "660.000001"),
    ),
    (
        "Eksisterende bygninger med mere end 20 parkeringspladser, der ikke er",
        "mere end 20 parkeringspladser",
        ("20",),
        U.COUNT,
        Q.AT_LEAST,
        (),
        False,
        ("19.5", None),
    ),
    (
        "koster Københavns Kommune mellem 50.000-100.000 kr., når en borger udsættes",
        "50.000-100.000 kr.",
        ("50.000", "100.000"),
        U.KR,
        Q.EXACT,
        (),
        False,
        ("49999.5", "50000.5"),
    ),
    (
        "senest med målsætningen om en reduktion på 10 pct. frem mod 2022.",
        "10 pct.",
        ("10",),
        U.PERCENT,
        Q.EXACT,
        (2022,),
        False,
        ("9.5", "10.5"),
    ),
    (
        "effektiviseringer i forvaltningerne hentes med 2/3 fra 2026 og fuldt fra 2027 og frem.",
        "2/3",
        ("2/3",),
        U.FRACTION,
        Q.EXACT,
        (2026, 2027),
        True,
        None,
    ),
    (
        "fordelingsnøglen 47/53 mellem de to forvaltninger",
        "47/53",
        ("47", "53"),
        U.RATIO,
        Q.EXACT,
        (),
        False,
        ("46.5", "47.5"),
    ),
    (
        "Det vil give en samlet effektivisering i BBU i SOF på 3,0 mio. kr.",
        "3,0 mio. kr.",
        ("3,0",),
        U.MIO_KR,
        Q.EXACT,
        (),
        False,
        ("2.95", "3.05"),
    ),
    (
        "Energiforbedringer for 38 projekter i 2023",
        "38 projekter",
        ("38",),
        U.COUNT,
        Q.EXACT,
        (2023,),
        False,
        ("37.5", "38.5"),
    ),
    (
        "et forløb varer i gns. 12 mdr. +/-",
        "i gns. 12 mdr.",
        ("12",),
        U.MONTHS,
        Q.ABOUT,
        (),
        False,
        ("10.8", "13.2000001"),
    ),
    # numbers in words
    (
        "et udbud, der består af tre koncessionskontrakter – alle",
        "tre koncessionskontrakter",
        ("tre",),
        U.COUNT,
        Q.EXACT,
        (),
        False,
        ("2.5", "3.5"),
    ),
    (
        "er vurderet, at halvdelen af effektiviseringen retteligt",
        "halvdelen af effektiviseringen",
        ("halvdelen",),
        U.FRACTION,
        Q.EXACT,
        (),
        False,
        ("0.45", "0.55"),
    ),
    (
        "frikøb af ét helt årsværk i hvert område",
        "ét helt årsværk",
        ("ét",),
        U.FTE,
        Q.EXACT,
        (),
        False,
        ("0.5", "1.5"),
    ),
    (
        "indtægterne for de næste ti år er låst",
        "ti år",
        ("ti",),
        U.YEARS,
        Q.EXACT,
        (),
        False,
        ("9.5", "10.5"),
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "written", "unit", "qualifier", "years", "steady", "allowed"),
    CASES,
    ids=[c[1] for c in CASES],
)
def test_a_phrase_gives_its_figure_unit_years_and_precision(
    text: str,
    phrase: str,
    written: tuple[str, ...],
    unit: ClaimUnit,
    qualifier: Qualifier,
    years: tuple[int, ...],
    steady: bool,
    allowed: tuple[str, str | None] | None,
) -> None:
    found = [c for c in find(text) if c.phrase == phrase]
    assert len(found) == 1, [c.phrase for c in find(text)]
    c = found[0]
    assert (c.written, c.unit, c.qualifier, c.years, c.steady) == (
        written,
        unit,
        qualifier,
        years,
        steady,
    )
    assert text[c.start : c.end] == phrase
    if allowed is not None:
        low, high = allowed
        iv = interval(read_figure(written[0]), qualifier)
        assert iv.accepts(Decimal(low))
        assert not iv.accepts(Decimal(low) - Decimal("0.0001"))
        if high is not None:
            assert not iv.accepts(Decimal(high))


@pytest.mark.parametrize(
    "text",
    [
        "senest den 1. januar 2025.",
        "klar til ibrugtagning senest den 20. december 2024",
        "Se afsnit 2.1, tabel 2, for en oversigt",
        "Forslaget skal udarbejdes i 2025 p/l.",
        "1. Effektivisering ved administration af ferie i Koncernservice",
        "fra medio 2025 og fuldt fra 2026",
        "i OFS 22/23 og efterfølgende",
        "jf. Bilag 1 E2024",
        "(under ét benævnt ”mobilenheder”)",
    ],
)
def test_what_is_not_a_statement_of_amount_is_left_out(text: str) -> None:
    assert find(text) == []


def test_a_range_of_years_is_each_of_its_years() -> None:
    assert years_in("i perioden 2025-2027 afsat") == ((2025, 2026, 2027), False)
    assert years_in("Fra budget 2028 og frem vil der") == ((2028,), True)
