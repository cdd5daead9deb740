# SPDX-License-Identifier: MPL-2.0
"""The template's wording per language (core/template.py): the Danish is the Copenhagen
template's, word for word, under its former names too; the English says everything the Danish
says; a profile's documents print its money, years and number format."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal

import pytest

from gevinst.core import layout, numbering, template
from gevinst.core.calc import TABLE1_ROWS, Payback
from gevinst.core.errors import InputError
from gevinst.core.layout import Kind
from gevinst.core.model import LineKind
from gevinst.core.money import Money, Periods
from gevinst.core.template import DANISH, ENGLISH, Printing, printing, wording
from gevinst.format.reader import load_profile
from tests.core.builders import PROFILE, line, proposal, series

ENGLISH_PROFILE = dataclasses.replace(
    PROFILE,
    language="en",
    money=Money("GBP", 1, 0, "£"),
    periods=Periods(4),
    # Copenhagen's own wording is Danish
    template=dataclasses.replace(PROFILE.template, wording={}),
)


def test_the_danish_wording_is_the_template_s() -> None:
    assert template.TABLE1_TITLE == "Tabel 1. Forslagets samlede økonomiske konsekvenser"
    assert DANISH.sign_note == template.SIGN_NOTE
    # the data format names the headings by Copenhagen's words, and Copenhagen's profile
    # prints them so; the Danish wording of any other body names neither Kvantum nor
    # Copenhagen's investment pool
    kk = printing(load_profile("kk")).words
    assert kk.sections == template.SECTIONS
    assert dict(kk.section_headings) == template.SECTION_HEADINGS
    assert "Kvantum" in kk.technical_note and "Effektiviseringskredsen" in kk.technical_note
    generic = repr(dataclasses.asdict(DANISH))
    assert "Kvantum" not in generic and "investeringspuljen" not in generic
    assert "Effektiviseringskredsen" not in generic
    # Tabel 1's rows as the core names them in its findings
    assert {k: v[0] for k, v in TABLE1_ROWS.items()} == dict(DANISH.table1_rows)
    assert wording("da") is DANISH and wording("en") is ENGLISH


def test_english_says_everything_danish_says() -> None:
    for f in dataclasses.fields(DANISH):
        danish, english = getattr(DANISH, f.name), getattr(ENGLISH, f.name)
        # Danish says its open data and its terminal's texts as written
        if f.name in ("open_data", "terminal"):
            continue
        if isinstance(danish, Mapping):
            assert set(english) == set(danish), f.name
            assert all(english.values()), f.name
        elif isinstance(danish, tuple):
            assert len(english) == len(danish) and all(english), f.name
        else:
            assert english, f.name
    assert ENGLISH.table1_title() == "Table 1. Total financial consequences of the proposal"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(InputError, match="ukendt sprog"):
        wording("de")


def test_printing_follows_the_money_and_the_years() -> None:
    english = printing(ENGLISH_PROFILE)
    assert english.figure(Decimal("-1474")) == "-1,474"
    assert english.prices(2024) == "£, 2024/25 prices"
    assert english.payback(Payback(1, 2025)) == "1 year (2025/26)"
    assert english.payback(None) == "none"
    millions = Printing(DANISH, Money("DKK", 1_000_000, 1, "mio. kr."), Periods())
    assert millions.figure(Decimal("2")) == "2,0" and millions.figure(Decimal("-0.55")) == "-0,6"
    assert millions.prices(2026) == "mio. kr. 2026 p/l"
    assert printing(None).figure(Decimal("-1474")) == "-1.474"


def test_tabel_1_in_english() -> None:
    p = proposal(
        line("e1", LineKind.EFFICIENCY, series(0, -100, -200, -200, -200, -200)),
        line("i1", LineKind.IMPLEMENTATION, series(300, 0, 0, 0, 0, 0)),
    )
    rows = layout.table1(p, ENGLISH_PROFILE)
    labels = [r.label for r in rows if r.kind is not Kind.LINE]
    assert labels[0] == "Permanent changes (savings and running costs)"
    assert "Implementation costs" in labels and "Total financial impact" in labels
    paybacks = [(r.label, r.text) for r in rows if r.kind is Kind.PAYBACK]
    assert paybacks[-1] == ("Payback period based on total costs", "3 years (2026/27)")
    danish = layout.table1(p, PROFILE)
    assert [r.text for r in danish if r.kind is Kind.PAYBACK][-1] == "3 år (2026)"
    assert numbering.titles(p, ENGLISH).economy == ENGLISH.table1_title()
    assert numbering.economy_notes(p, ENGLISH) == [ENGLISH.sign_note]
