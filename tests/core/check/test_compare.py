# SPDX-License-Identifier: MPL-2.0
"""The comparison every rule shares: one finding per differing year, a warning for a
difference of exactly one and an error for any other, and the printed table's own sum."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.check.compare import (
    KEY_ROUNDING,
    compare_series,
    compare_value,
    printed_sum,
    severity,
)
from gevinst.core.findings import Finding, Severity
from gevinst.core.series import Series
from tests.core.builders import YEARS, series

D = Decimal
amounts = st.integers(min_value=-(10**6), max_value=10**6)


@pytest.mark.parametrize(
    ("stated", "computed", "expected"),
    [
        (101, 100, Severity.WARNING),
        (99, 100, Severity.WARNING),
        (102, 100, Severity.ERROR),
        (98, 100, Severity.ERROR),
        (D("100.5"), 100, Severity.ERROR),  # half a unit is no rounding of whole 1.000 kr.
        (-1, 0, Severity.WARNING),
        (0, 2, Severity.ERROR),
    ],
)
def test_one_is_a_rounding_warning_anything_else_an_error(
    stated: int | Decimal, computed: int, expected: Severity
) -> None:
    assert severity(D(stated), D(computed)) is expected


@given(amounts, amounts)
def test_warning_exactly_where_the_difference_is_one(a: int, b: int) -> None:
    assert (severity(D(a), D(b)) is Severity.WARNING) == (abs(a - b) == 1)


def _compare(stated: Series, computed: Series, rounding: str = "") -> list[Finding]:
    return list(
        compare_series(
            "T1", "1", "varig", "Samlet varig ændring", stated, computed, YEARS, "r", rounding
        )
    )


def test_one_finding_per_differing_year_with_its_figures() -> None:
    warning, error = _compare(series(0, -101, -200), series(0, -100, -250))
    assert (warning.proposal, warning.table, warning.row, warning.rule) == ("T1", "1", "varig", "r")
    assert (warning.year, warning.stated, warning.computed) == (2025, D(-101), D(-100))
    assert warning.severity is Severity.WARNING
    assert warning.message == (
        "Samlet varig ændring, 2025: angivet -101, beregnet -100 (forskel -1; afrundingsforskel)"
    )
    assert (error.year, error.severity) == (2026, Severity.ERROR)
    assert error.message.endswith("(forskel 50; uoverensstemmelse)")


def test_the_reason_for_rounding_is_given_except_on_a_stated_zero() -> None:
    [given_reason] = _compare(series(0, 11), series(0, 10), rounding=KEY_ROUNDING)
    assert given_reason.message.endswith(f"(forskel 1; afrundingsforskel: {KEY_ROUNDING})")
    # a row stated as 0 is not a rounded share: no key explains it
    [zero] = _compare(series(0, 0), series(0, 1), rounding=KEY_ROUNDING)
    assert zero.message.endswith("(forskel -1; afrundingsforskel)")


def test_a_callers_reason_replaces_the_kind() -> None:
    [f] = compare_series(
        "T1",
        "A",
        "ØU",
        "Tabel A",
        series(5),
        series(1),
        YEARS,
        "table-A",
        reason=lambda year, s, c: f"{year}: {s} mod {c}",
    )
    assert f.message == "Tabel A, 2024: angivet 5, beregnet 1 (forskel 4; 2024: 5 mod 1)"


@given(st.lists(amounts, min_size=len(YEARS), max_size=len(YEARS)))
def test_a_series_against_itself_has_no_findings(values: list[int]) -> None:
    assert _compare(series(*values), series(*values)) == []


@given(
    st.lists(amounts, min_size=len(YEARS), max_size=len(YEARS)),
    st.lists(amounts, min_size=len(YEARS), max_size=len(YEARS)),
)
def test_findings_are_exactly_the_differing_years(a: list[int], b: list[int]) -> None:
    differing = [(y, D(x), D(z)) for y, x, z in zip(YEARS, a, b, strict=True) if x != z]
    findings = _compare(series(*a), series(*b))
    assert [(f.year, f.stated, f.computed) for f in findings] == differing


def test_a_single_value() -> None:
    [f] = compare_value("T1", "catalog-1", "T1", "Investering", D(12), D(10), "r", "fordi")
    assert (f.year, f.stated, f.computed, f.severity) == (None, D(12), D(10), Severity.ERROR)
    assert f.message == "Investering: angivet 12, beregnet 10 (fordi)"
    assert list(compare_value("T1", "t", "r", "n", D(10), D(10), "r")) == []
    # a figure the document does not state is not compared
    assert list(compare_value("T1", "t", "r", "n", None, D(10), "r")) == []


def test_the_printed_total_against_the_printed_rows() -> None:
    rows = {"ØU": series(0, -60), "TMU": series(0, -40)}
    [f] = printed_sum("T1", "A", "Tabel A", rows, series(0, -101), YEARS)
    assert (f.table, f.row, f.year, f.rule) == ("A", "total", 2025, "printed-total")
    assert (f.stated, f.computed, f.severity) == (D(-101), D(-100), Severity.WARNING)
    assert (
        f.message == "Tabel A, 2025: i forslaget er totalen -101, men forslagets rækker giver -100"
    )
    [catalogs] = printed_sum(None, "catalog-1", "Tabel 1", rows, series(0, -90), YEARS)
    assert "i kataloget er totalen -90, men katalogets rækker giver -100" in catalogs.message
    assert catalogs.severity is Severity.ERROR
    assert list(printed_sum("T1", "A", "Tabel A", rows, series(0, -100), YEARS)) == []
    assert list(printed_sum("T1", "A", "Tabel A", rows, None, YEARS)) == []
