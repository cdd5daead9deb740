# SPDX-License-Identifier: MPL-2.0
"""The finder reads an English council's prose (core/claims/reading.py): its number format,
money with the currency's sign ("£175,000", "£1.2m", "£1.2 million", "£175k"), counts, FTE,
per cent, numbers in words, financial years ("2026/27" is 2026) and the qualifiers; and a
claim's money is sized in the tables' scale from the profile's money (whole pounds), not
1.000 kr. The Danish finder is pinned by tests/core/test_claims_finder.py and
tests/test_seed_claims.py."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.claims.claim import ClaimUnit, Qualifier, in_scale, read_figure
from gevinst.core.claims.fields import text_fields
from gevinst.core.claims.finder import Candidate, find, years_in
from gevinst.core.claims.matcher import found_in
from gevinst.format.reader import load_catalog
from tests.paths import ROOT

EXAMPLE = ROOT / "catalogs" / "en-unitary-2025-26"
POUNDS = 1  # the English example's money: whole pounds


def _amount(c: Candidate, scale: int = POUNDS) -> Decimal:
    """A found money figure in the tables' scale."""
    return read_figure(c.written[0]) * in_scale(c.unit, scale)


def _one(text: str, phrase: str) -> Candidate:
    found = [c for c in find(text, "en") if c.phrase == phrase]
    assert len(found) == 1, [c.phrase for c in find(text, "en")]
    return found[0]


def test_obc01_texts_figures_and_units() -> None:
    p = load_catalog(EXAMPLE).proposal("OBC01")
    found = {
        (field, c.phrase): c for field, text in text_fields(p).items() for c in find(text, "en")
    }
    capital = found[("economy_text", "£1,150,000")]
    assert capital.unit is ClaimUnit.KR and _amount(capital) == 1150000
    assert capital.years == (2025,)  # "in 2025/26"
    licences = found[("economy_text", "£175,000")]
    assert _amount(licences) == 175000 and licences.steady  # "a year"
    saving = found[("summary", "£477,000")]
    assert _amount(saving) == 477000 and saving.years == (2026,) and saving.steady
    million = found[("summary", "£1.15m")]
    assert million.unit is ClaimUnit.MIO_KR and _amount(million) == 1150000
    assert _amount(found[("summary", "£0.3m")]) == 300000
    posts = found[("economy_text", "Fourteen posts")]
    assert posts.unit is ClaimUnit.COUNT and read_figure(posts.written[0]) == 14
    about = found[("description", "about 210,000 contacts")]
    assert about.qualifier is Qualifier.ABOUT and read_figure(about.written[0]) == 210000
    years = found[("economy_text", "ten years")]
    assert years.unit is ClaimUnit.YEARS and read_figure(years.written[0]) == 10
    # the years and the prices are no figures: "2025/26", "2026/27"
    assert not any(c.phrase.startswith(("2025", "2026")) for c in found.values())


def test_obc01_figures_matched_in_pounds() -> None:
    """ "£477,000" is the permanent change of Table 1 in whole pounds (not 477.000 x 1.000)."""
    catalog = load_catalog(EXAMPLE)
    p = catalog.proposal("OBC01")
    by_phrase = {f.candidate.phrase: f for f in found_in(p, catalog.profile)}
    assert by_phrase["£477,000"].suggestions[0].figure == -477000
    assert by_phrase["£1,150,000"].suggestions[0].figure == 1150000
    assert by_phrase["£175,000"].suggestions[0].figure == 175000


TEXT = (
    "The platform costs £1.2m, or £1.2 million, in 2026/27. We buy 350 licences for 14 FTE, "
    "and take-up rises by 12 per cent (12%) over three years, about £0.5m by 2027/28. "
    "It costs at least £40,000 and at most £60,000, up to £175k a year. "
    "Table 2 on 20 January 2025 shows a half of the posts."
)


def test_english_units_values_and_qualifiers() -> None:
    cases = {
        "£1.2m": ("1,2", ClaimUnit.MIO_KR, Qualifier.EXACT, 1200000),
        "£1.2 million": ("1,2", ClaimUnit.MIO_KR, Qualifier.EXACT, 1200000),
        "350 licences": ("350", ClaimUnit.COUNT, Qualifier.EXACT, 350),
        "14 FTE": ("14", ClaimUnit.FTE, Qualifier.EXACT, 14),
        "12 per cent": ("12", ClaimUnit.PERCENT, Qualifier.EXACT, 12),
        "12%": ("12", ClaimUnit.PERCENT, Qualifier.EXACT, 12),
        "three years": ("3", ClaimUnit.YEARS, Qualifier.EXACT, 3),
        "about £0.5m": ("0,5", ClaimUnit.MIO_KR, Qualifier.ABOUT, 500000),
        "at least £40,000": ("40.000", ClaimUnit.KR, Qualifier.AT_LEAST, 40000),
        "at most £60,000": ("60.000", ClaimUnit.KR, Qualifier.AT_MOST, 60000),
        "up to £175k": ("175", ClaimUnit.TKR, Qualifier.AT_MOST, 175000),
        "a half of the posts": ("1/2", ClaimUnit.FRACTION, Qualifier.EXACT, Decimal("0.5")),
    }
    for phrase, (written, unit, qualifier, value) in cases.items():
        c = _one(TEXT, phrase)
        assert (c.written, c.unit, c.qualifier) == ((written,), unit, qualifier), phrase
        size = (
            in_scale(unit, POUNDS) if unit in (ClaimUnit.KR, ClaimUnit.TKR, ClaimUnit.MIO_KR) else 1
        )
        assert read_figure(c.written[0]) * size == value, phrase
    assert _one(TEXT, "£1.2m").years == (2026,)  # the financial year 2026/27
    assert _one(TEXT, "about £0.5m").steady  # "by 2027/28": the permanent effect from then
    phrases = [c.phrase for c in find(TEXT, "en")]
    assert not any(p.startswith(("2", "20 January")) for p in phrases), phrases  # years, a date


def test_thousands_of_pounds_and_a_million_without_a_sign() -> None:
    c = _one("Savings of 175 (£000s) in 2026/27.", "175 (£000s)")
    assert (c.written, c.unit) == (("175",), ClaimUnit.TKR) and _amount(c) == 175000
    assert find("It serves 1.2 million residents.", "en") == []  # a number, not money


def test_financial_years_and_onward() -> None:
    assert years_in("saves £477,000 a year from 2026/27", "en") == ((2026,), True)
    assert years_in("the savings are reached by 2027/28", "en") == ((2027,), True)
    assert years_in("one-off costs in 2025/26", "en") == ((2025,), False)


def test_an_amount_in_thousands_in_the_tables_scale() -> None:
    """The same figure in Copenhagen's 1.000 kr. and in whole pounds."""
    c = _one("It saves £1.2m.", "£1.2m")
    assert (
        _amount(c, 1000) == 1200
        and _amount(c, 1) == 1200000
        and _amount(c, 10**6) == Decimal("1.2")
    )


@given(st.integers(min_value=1, max_value=99_999))
def test_every_english_money_form_reads_as_the_same_amount(tenths: int) -> None:
    """£1,200,000, £1.2m, £1.2 million and £1,200k are one amount in the tables' scale."""
    millions = Decimal(tenths) / 10
    pounds = int(millions * 1_000_000)
    forms = (
        f"£{pounds:,}",
        f"£{millions}m",
        f"£{millions} million",
        f"£{pounds // 1000:,}k",
    )
    for form in forms:
        found = find(f"The case saves {form} a year.", "en")
        assert [c.phrase for c in found] == [form]
        assert _amount(found[0]) == pounds, form
        assert _amount(found[0], 1000) == pounds / 1000, form
