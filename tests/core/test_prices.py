# SPDX-License-Identifier: MPL-2.0
"""Price levels: the profile's index, conversions of amounts, series and whole proposals,
and the seed's case, Forslag 3 in 2024 p/l in a 2025 p/l catalog."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core import calc
from gevinst.core.errors import InputError
from gevinst.core.model import Catalog, Parts
from gevinst.core.prices import (
    IndexEdition,
    PriceIndex,
    conversion,
    convert,
    convert_proposal,
    convert_series,
    factor,
)
from gevinst.core.series import Series
from gevinst.format.reader import load_catalog
from tests.paths import ROOT

D = Decimal
EDITION = IndexEdition(dt.date(2024, 7, 29), {2024: D(100), 2025: D("104.8")}, "Forslag 7")


def test_the_profile_holds_the_index_derived_from_forslag_7(seed: Catalog) -> None:
    index = seed.profile.price_index
    assert index is not None
    edition = index.edition()
    assert dict(edition.values) == {2024: D(100), 2025: D("104.8")}
    assert edition.start == dt.date(2024, 7, 29)
    assert "Forslag 7" in index.source and "Ikke KL's" in index.source
    # the figure it is derived from: 40 mio. kr. in 2024 p/l is the måltal of 41.920 t.kr.
    assert convert(D(-40000), 2024, 2025, edition) == D(-41920)
    assert factor(2024, 2025, edition) == D("1.048")


def test_an_edition_is_chosen_by_its_date() -> None:
    newer = IndexEdition(dt.date(2025, 2, 1), {2024: D(100), 2025: D(103)}, "nyere skøn")
    index = PriceIndex("PL", "kilde", (EDITION, newer))
    assert index.edition() is newer
    assert index.edition(dt.date(2025, 1, 31)) is EDITION
    with pytest.raises(InputError, match=r"ingen udgave pr\. 2024-01-01"):
        index.edition(dt.date(2024, 1, 1))


def test_a_year_the_index_does_not_hold_is_refused_with_its_source() -> None:
    with pytest.raises(InputError, match=r"intet tal for 2023 p/l .*år 2024, 2025; Forslag 7"):
        convert(D(100), 2023, 2025, EDITION)


def test_forslag_3_in_2025_p_l(seed: Catalog) -> None:
    """F3's own Tabel 1 is in 2024 p/l; the catalog's Tabel 2 (in 2025 p/l) prints its
    2024 figures unconverted (1.900, 2.450, 2.800, 2.900). At 2025 p/l they are 4,8 % more."""
    f3 = seed.proposal("F3")
    assert f3.price_level == 2024
    shown = convert_proposal(f3, 2025, EDITION)
    assert shown.price_level == 2025
    assert dict(calc.permanent(f3)) == {
        2025: D(-1900),
        2026: D(-2450),
        2027: D(-2800),
        2028: D(-2900),
        2029: D(-2900),
    }
    # line by line, then added up: in 2028 e1 -4.450 -> -4.664, e2 -3.950 -> -4.140, d1 and
    # d2 2.750 -> 2.882 each: -3.040, where -2.900 * 1,048 = -3.039,2 (a rounding apart)
    assert dict(calc.permanent(shown)) == {
        2025: D(-1991),
        2026: D(-2569),
        2027: D(-2934),
        2028: D(-3040),
        2029: D(-3040),
    }
    assert calc.permanent(shown).price_level == 2025
    # the printed parts of i5 still add up to the converted line
    i5 = shown.line("i5")
    assert isinstance(i5.booking, Parts)
    parts = i5.booking.parts
    for year in i5.amounts:
        assert sum(p[year] for p in parts.values()) == i5.amounts[year]
    # every stated figure moves with it: Tabel C's total, 2025
    c = shown.stated.technical["C"].total
    assert c is not None and c[2025] == convert(D(-1900), 2024, 2025, EDITION)
    assert str(conversion(f3, 2025, seed.profile.price_index, EDITION)).startswith(  # type: ignore[arg-type]
        "F3: udarbejdet i 2024 p/l, vist i 2025 p/l (omregnet med faktor 1,048: Pris- og "
        "lønudvikling, serviceudgifter, udgaven fra 2024-07-29)"
    )


def test_a_proposal_at_the_level_asked_for_is_unchanged(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    assert convert_proposal(bc01, 2025, EDITION) is bc01


def test_a_series_of_unknown_level_needs_its_level_given() -> None:
    with pytest.raises(InputError, match="prisniveau er ukendt"):
        convert_series(Series({2025: D(1)}), 2025, EDITION)
    with pytest.raises(InputError, match="er i 2024 p/l, ikke 2025 p/l"):
        convert_series(Series({2025: D(1)}, 2024), 2025, EDITION, from_level=2025)


# --- properties -----------------------------------------------------------------------------

levels = st.sampled_from([2020, 2021, 2022, 2023, 2024])
index_values = st.decimals(min_value=D(50), max_value=D(200), places=1)
amounts = st.integers(min_value=-(10**9), max_value=10**9).map(D)


@st.composite
def editions(draw: st.DrawFn) -> IndexEdition:
    values = {y: draw(index_values) for y in range(2020, 2025)}
    return IndexEdition(dt.date(2020, 1, 1), values, "test")


@given(editions(), levels, levels, amounts)
def test_there_and_back_within_the_rounding(
    edition: IndexEdition, a: int, b: int, amount: Decimal
) -> None:
    """Each way rounds to a whole unit (at most a half); the first rounding is scaled by the
    way back."""
    back = convert(convert(amount, a, b, edition), b, a, edition)
    assert abs(back - amount) <= (factor(b, a, edition) + 1) / 2


@given(editions(), levels, amounts)
def test_to_the_same_level_is_the_identity(edition: IndexEdition, a: int, amount: Decimal) -> None:
    assert convert(amount, a, a, edition) == amount
    fraction = amount / 7
    assert convert(fraction, a, a, edition) == fraction  # nothing rounded either


@given(editions(), levels, levels, amounts, amounts, st.integers(-1000, 1000))
def test_conversion_is_linear(
    edition: IndexEdition, a: int, b: int, x: Decimal, y: Decimal, k: int
) -> None:
    """Exactly so unrounded; rounded, the sum of two conversions misses the conversion of
    the sum by at most one unit."""

    def exact(v: Decimal) -> Decimal:
        return convert(v, a, b, edition, None)

    assert abs(exact(x + y) - (exact(x) + exact(y))) <= D("1e-15") * (abs(x) + abs(y) + 1)
    assert abs(exact(k * x) - k * exact(x)) <= D("1e-15") * abs(k * x) + D("1e-15")
    rounded = convert(x, a, b, edition) + convert(y, a, b, edition)
    assert abs(convert(x + y, a, b, edition) - rounded) <= 1


@given(editions(), levels, levels, st.dictionaries(st.integers(2024, 2029), amounts, max_size=6))
def test_a_series_converts_year_by_year(
    edition: IndexEdition, a: int, b: int, values: dict[int, Decimal]
) -> None:
    s = convert_series(Series(values, a), b, edition)
    assert s.price_level == b
    assert dict(s) == {y: convert(v, a, b, edition) for y, v in values.items()}


def test_a_proposal_in_tenths_of_millions_is_converted_in_tenths() -> None:
    """P2 of the Danish example catalog (mio. kr. with one decimal) shown a year later: its
    -1,4 at 4,8 % more is -1,5 (-1,4672), not -1; its split by invoices stays in tenths."""
    cat = load_catalog(ROOT / "catalogs" / "dk-kommune-budget-2026")
    p2 = cat.proposal("P2")
    edition = IndexEdition(dt.date(2025, 7, 1), {2026: D(100), 2027: D("104.8")}, "et skøn")
    quantum = cat.profile.money.quantum
    shown = convert_proposal(p2, 2027, edition, quantum)
    assert dict(shown.line("e1").amounts) == {
        2026: D("-0.6"),
        2027: D("-1.5"),
        2028: D("-1.5"),
        2029: D("-1.5"),
    }
    assert convert_proposal(p2, 2027, edition).line("e1").amounts[2027] == D(-1)  # whole units
