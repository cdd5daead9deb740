# SPDX-License-Identifier: MPL-2.0
"""The follow-up goals' time phrases as date intervals: every phrase of the seed, the
recurrences, and a phrase that cannot be read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.errors import InputError
from gevinst.core.followup import Due, Recurrence, following, occurrences, parse_when
from gevinst.core.model import Catalog
from gevinst.core.money import Periods

D = date
# every phrase in the seed's follow-up goals, read with 2025 as the proposal's first year
SEED_PHRASES = {
    "Tredje kvartal 2025": (D(2025, 7, 1), D(2025, 9, 30), None),
    "Fjerde kvartal 2025": (D(2025, 10, 1), D(2025, 12, 31), None),
    "Fjerde kvartal 2026": (D(2026, 10, 1), D(2026, 12, 31), None),
    "Andet kvartal 2026": (D(2026, 4, 1), D(2026, 6, 30), None),
    "Første kvartal 2027": (D(2027, 1, 1), D(2027, 3, 31), None),
    "Q4 2025": (D(2025, 10, 1), D(2025, 12, 31), None),
    "Q2 2026": (D(2026, 4, 1), D(2026, 6, 30), None),
    "2Q 2025": (D(2025, 4, 1), D(2025, 6, 30), None),
    "3Q 2025": (D(2025, 7, 1), D(2025, 9, 30), None),
    "Primo 2024": (D(2024, 1, 1), D(2024, 3, 31), None),
    "Primo 2025": (D(2025, 1, 1), D(2025, 3, 31), None),
    "Medio 2024": (D(2024, 4, 1), D(2024, 9, 30), None),
    "Ultimo 2024": (D(2024, 10, 1), D(2024, 12, 31), None),
    "Ultimo 2025": (D(2025, 10, 1), D(2025, 12, 31), None),
    "Sommeren 2025": (D(2025, 6, 1), D(2025, 8, 31), None),
    "Maj 2025": (D(2025, 5, 1), D(2025, 5, 31), None),
    "September 2025": (D(2025, 9, 1), D(2025, 9, 30), None),
    "Udgangen af Q2 2024": (D(2024, 6, 1), D(2024, 6, 30), None),
    "Primo 2025 (løbende)": (D(2025, 1, 1), D(2025, 3, 31), "continuous"),
    "Første gang i sommeren 2025 og herefter årligt i investeringsperioden op til sommerferien": (
        D(2025, 6, 1),
        D(2025, 8, 31),
        "yearly",
    ),
    "Årligt ved årets udgang og første gang med udgangen af 2025": (
        D(2025, 12, 1),
        D(2025, 12, 31),
        "yearly",
    ),
    "Kvartalsvis": (D(2025, 1, 1), D(2025, 3, 31), "quarterly"),
    "Løbende": (D(2025, 1, 1), D(2025, 12, 31), "continuous"),
    "Årligt": (D(2025, 1, 1), D(2025, 12, 31), "yearly"),
    "Ca. 8-10 gange årligt i forbindelse med styregruppemøder og 4 gange ifm. TMF IT-rådsmøder": (
        D(2025, 1, 1),
        D(2025, 3, 31),
        "quarterly",
    ),
}


@pytest.mark.parametrize(("text", "expected"), SEED_PHRASES.items())
def test_each_seed_phrase_reads_as_its_interval(
    text: str, expected: tuple[date, date, str | None]
) -> None:
    due = parse_when(text, 2025)
    assert (due.start, due.end, due.recurrence) == expected
    assert due.text == text


def test_the_table_holds_every_phrase_of_the_seed(seed: Catalog) -> None:
    phrases = {f.when for p in seed.proposals for f in p.followup}
    assert phrases == set(SEED_PHRASES)


def test_the_issues_examples_read_as_well() -> None:
    assert parse_when("Første gang i sommeren 2025 og herefter årligt", 2020) == Due(
        D(2025, 6, 1), D(2025, 8, 31), "yearly", "Første gang i sommeren 2025 og herefter årligt"
    )
    # case and spacing do not matter
    assert parse_when("  tredje  KVARTAL 2025 ", 2020).start == D(2025, 7, 1)


def test_a_phrase_without_a_date_recurs_from_the_first_year() -> None:
    assert parse_when("Kvartalsvis", 2027).start == D(2027, 1, 1)
    assert parse_when("Månedligt", 2026).end == D(2026, 1, 31)


@pytest.mark.parametrize(
    "text",
    ["Snarest", "Q5 2025", "Medio", "Efteråret 2025", "Tredje kvartal 2025 eller senere", ""],
)
def test_an_unreadable_phrase_is_named_never_guessed(text: str) -> None:
    with pytest.raises(InputError, match="kan ikke læses") as e:
        parse_when(text, 2025)
    assert repr(text) in str(e.value)


def test_quarterly_occurrences_up_to_a_date() -> None:
    due = parse_when("Kvartalsvis", 2025)
    assert occurrences(due, D(2025, 10, 1)) == [
        (D(2025, 1, 1), D(2025, 3, 31)),
        (D(2025, 4, 1), D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 9, 30)),
        (D(2025, 10, 1), D(2025, 12, 31)),
    ]
    assert following(due, D(2025, 10, 1)) == (D(2026, 1, 1), D(2026, 3, 31))


def test_yearly_occurrences_keep_the_time_of_year() -> None:
    due = parse_when("Årligt ved årets udgang og første gang med udgangen af 2025", 2024)
    assert occurrences(due, D(2027, 12, 1)) == [
        (D(2025, 12, 1), D(2025, 12, 31)),
        (D(2026, 12, 1), D(2026, 12, 31)),
        (D(2027, 12, 1), D(2027, 12, 31)),
    ]
    assert occurrences(due, D(2025, 11, 30)) == []


def test_a_monthly_goal_ends_each_month_on_its_last_day() -> None:
    due = parse_when("Månedligt", 2024)
    assert occurrences(due, D(2024, 3, 1))[1] == (D(2024, 2, 1), D(2024, 2, 29))


def test_a_one_time_and_a_continuous_goal_occur_once() -> None:
    once = parse_when("Medio 2024", 2024)
    assert occurrences(once, D(2030, 1, 1)) == [(D(2024, 4, 1), D(2024, 9, 30))]
    assert following(once, D(2024, 3, 31)) == (D(2024, 4, 1), D(2024, 9, 30))
    assert following(once, D(2024, 4, 1)) is None
    ongoing = parse_when("Primo 2025 (løbende)", 2024)
    assert occurrences(ongoing, D(2026, 5, 1)) == [(D(2025, 1, 1), D(2026, 5, 1))]
    assert occurrences(ongoing, D(2025, 2, 1)) == [(D(2025, 1, 1), D(2025, 3, 31))]
    assert following(ongoing, D(2025, 2, 1)) is None


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31))


@st.composite
def dues(draw: st.DrawFn) -> Due:
    start = draw(dates)
    end = start + timedelta(days=draw(st.integers(0, 400)))
    recurrences: list[Recurrence | None] = [None, "yearly", "quarterly", "monthly", "continuous"]
    recurrence = draw(st.sampled_from(recurrences))
    return Due(start, end, recurrence, "x")


@given(dues(), dates)
def test_occurrences_start_within_the_goal_and_the_date_in_order(due: Due, until: date) -> None:
    found = occurrences(due, until)
    assert all(due.start <= start <= until and start <= end for start, end in found)
    assert [s for s, _ in found] == sorted({s for s, _ in found})
    assert bool(found) == (due.start <= until)
    nxt = following(due, until)
    if nxt is not None:
        assert nxt[0] > until
        assert not found or nxt[0] > found[-1][0]


APRIL = Periods(start_month=4)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Q1 2025", D(2025, 4, 1), D(2025, 6, 30)),
        ("Q1 2025/26", D(2025, 4, 1), D(2025, 6, 30)),
        ("Q4 2025", D(2026, 1, 1), D(2026, 3, 31)),
        ("4Q 2025/26", D(2026, 1, 1), D(2026, 3, 31)),
        ("Tredje kvartal 2025", D(2025, 10, 1), D(2025, 12, 31)),
        ("Udgangen af Q4 2025/26", D(2026, 3, 1), D(2026, 3, 31)),
        ("Primo 2025", D(2025, 1, 1), D(2025, 3, 31)),
    ],
)
def test_quarters_are_of_the_financial_year(text: str, start: date, end: date) -> None:
    due = parse_when(text, 2025, APRIL)
    assert (due.start, due.end) == (start, end)


def test_calendar_quarters_are_unchanged_by_default() -> None:
    assert parse_when("Q4 2025", 2025) == parse_when("Q4 2025", 2025, Periods())
    due = parse_when("Q4 2025", 2025, Periods())
    assert (due.start, due.end) == (D(2025, 10, 1), D(2025, 12, 31))


def test_a_recurring_goal_starts_with_the_first_financial_year() -> None:
    due = parse_when("Kvartalsvis", 2025, APRIL)
    assert occurrences(due, D(2025, 10, 1)) == [
        (D(2025, 4, 1), D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 9, 30)),
        (D(2025, 10, 1), D(2025, 12, 31)),
    ]
    assert (parse_when("Årligt", 2025, APRIL).end) == D(2026, 3, 31)


def test_a_quarter_of_no_financial_year_is_not_read() -> None:
    with pytest.raises(InputError, match="kan ikke læses"):
        parse_when("Q1 2025/27", 2025, APRIL)
