# SPDX-License-Identifier: MPL-2.0
"""Claims in the data format: every kind of reference read and written back unchanged, and
a claim that quotes what its field does not say, or names what the proposal does not hold,
refused with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.check import check_catalog
from gevinst.core.check.claims import STALE
from gevinst.core.claims.claim import (
    BasisRef,
    CellRef,
    Claim,
    ClaimUnit,
    KeyRef,
    LineRef,
    ParamRef,
    Qualifier,
    RatioRef,
    Ref,
    RowsRef,
    ShareRef,
)
from gevinst.core.numbers import dk
from gevinst.format import schema as s
from gevinst.format.claims import claim_document, claim_from_model
from gevinst.format.reader import load_catalog
from gevinst.format.writer import write_catalog
from tests.format.bc01 import bc01_catalog, edit, problems

EVERY_KIND = """
  - {phrase: "1262,6 timer", field: basis.tabel-i, value: "1262,6", unit: timer,
     ref: {effect: e3, param: hour_norm}}
  - {phrase: "0,5 ÅV", field: basis.ad-1, value: "0,5", unit: årsværk, qualifier: ca.,
     ref: {basis: ad-1, row: "Effektivisering 1 – administration af ferie", column: ÅV}}
  - {phrase: "2/3", field: followup_text, value: 2/3, unit: brøk, year: 2026,
     ref: {part: {line: e3}, of: {line: e3, year: 2027}}}
  - {phrase: "35 t. kr.", field: basis.tabel-i, value: 35, unit: t.kr., from: 2026,
     ref: {table: A, row: ØU}}
  - {phrase: "indfaset fra medio 2025", field: basis.ad-1, values: ["297", "297"],
     unit: t.kr., years: [2026, 2027], ref: {line: [e1, e2]}}
  - {phrase: "tabel i og ii", field: basis.tabel-i, value: "5", unit: antal,
     ref: {rows_of: tabel-ii}}
  - {phrase: "procentvis fordeling", field: basis.tabel-i, value: "21", unit: "%", year: varig,
     ref: {key: ledere, share: ØKF}}
  - {phrase: "procentvis fordeling", field: basis.tabel-i, values: ["47", "53"], unit: forhold,
     total: true, ref: {ratio: [{key: ledere, weight: BIF}, {table: "1", row: varig}]}}
  - {phrase: "Effektivisering 1", field: followup.4.goal, value: "1", unit: antal,
     note: "a name, not a figure"}
"""


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    folder = bc01_catalog(tmp_path / "in")
    path = folder / "proposals" / "BC01.yaml"
    text = path.read_text(encoding="utf-8")
    # the seed's own claims, the file's last field, replaced by one of every kind
    text = text[: text.index("\nclaims:")] if "\nclaims:" in text else text
    path.write_text(text + "\nclaims:" + EVERY_KIND, encoding="utf-8")
    return folder


def test_every_kind_of_reference_is_read(catalog: Path) -> None:
    claims = load_catalog(catalog).proposal("BC01").claims
    assert [c.ref for c in claims] == [
        ParamRef("e3", "hour_norm"),
        BasisRef("ad-1", "Effektivisering 1 – administration af ferie", "ÅV"),
        ShareRef(LineRef(("e3",)), LineRef(("e3",), 2027)),
        CellRef("A", "ØU"),
        LineRef(("e1", "e2")),
        RowsRef("tabel-ii"),
        KeyRef("ledere", "ØKF", share=True),
        RatioRef((KeyRef("ledere", "BIF"), CellRef("1", "varig"))),
        None,
    ]
    first, second, fraction, from_2026, paired = claims[:5]
    assert first.written == ("1262,6",) and first.unit is ClaimUnit.HOURS
    assert second.qualifier is Qualifier.ABOUT
    assert fraction.written == ("2/3",) and fraction.years == (2026,)
    assert from_2026.written == ("35",) and from_2026.steady and from_2026.years == (2026,)
    assert paired.years == (2026, 2027) and not paired.steady
    assert claims[6].steady and claims[6].years == ()
    assert claims[7].total and claims[8].note == "a name, not a figure"


def test_claims_survive_a_round_trip(catalog: Path, tmp_path: Path) -> None:
    original = load_catalog(catalog)
    write_catalog(original, tmp_path / "out")
    assert load_catalog(tmp_path / "out") == original


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ('value: "1262,6"', "value: 1262.6", "skriv tallet i anførselstegn"),
        ('value: "1262,6"', 'value: "1.2626"', "ikke et tal, som en tekst skriver det"),
        ("ref: {rows_of: tabel-ii}", "ref: {rows_of: tabel-ii, line: e1}", "præcis én henvisning"),
        ("value: 2/3, unit: brøk", "value: 2/3, unit: forhold", "henviser med ratio"),
        ("unit: forhold,", "unit: brøk,", "en brøk skrives som én værdi"),
    ],
)
def test_a_claim_of_the_wrong_form_is_refused_with_its_line(
    catalog: Path, old: str, new: str, said: str
) -> None:
    line = edit(catalog, old, new)
    found = problems(catalog)
    assert any(said in p for p in found), found
    # the line of the field named, the one edited or the next (a claim spans two lines)
    assert any(f"linje {line}," in p or f"linje {line + 1}," in p for p in found), found


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ('phrase: "1262,6 timer"', 'phrase: "1262,7 timer"', "står ikke længere i basis.tabel-i"),
        ("field: basis.ad-1, value", "field: basis.nope, value", "står ikke længere i basis.nope"),
        ("param: hour_norm", "param: minutes_x", "ingen talparameter 'minutes_x'"),
        ("rows_of: tabel-ii", "rows_of: tabel-x", "grundlagstabellen 'tabel-x' findes ikke"),
        ("row: ØU}", "row: XU}", "ukendt udvalg, forvaltning eller bevilling: 'XU'"),
        ("years: [2026, 2027]", "years: [2026, 2031]", "året 2031 er ikke blandt"),
    ],
)
def test_a_claim_that_no_longer_fits_is_read_and_reported_by_the_check(
    catalog: Path, old: str, new: str, said: str
) -> None:
    """A text may be edited, or a line removed, before the claims are: the file still reads,
    and the check says which claim must be corrected."""
    edit(catalog, old, new)
    cat = load_catalog(catalog)
    stale = [f for f in check_catalog(cat) if f.rule == STALE]
    assert len(stale) == 1 and said in stale[0].message, [f.message for f in stale]
    assert stale[0].table == "text" and "påstanden skal rettes eller fjernes" in stale[0].message


figures = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
    st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False).map(
        lambda d: dk(d, places=2)
    ),
    st.sampled_from(["tre", "ét", "halvdelen", "1/2", "2/3"]),
)
refs: st.SearchStrategy[Ref] = st.one_of(
    st.builds(LineRef, st.lists(st.sampled_from(["e1", "e2", "i1"]), min_size=1, max_size=3)
              .map(tuple), st.none() | st.integers(2024, 2029)),
    st.builds(CellRef, st.sampled_from(["1", "A", "2.1"]), st.sampled_from(["varig", "ØU"])),
    st.builds(BasisRef, st.just("tabel-ii"), st.just("Total"), st.just("Total"),
              st.sampled_from(["", "kr.", "t.kr."])),
    st.builds(RowsRef, st.just("t"), st.sampled_from(["", "Drift"]),
              st.sampled_from(["", "(KOP)"])),
    st.builds(ParamRef, st.just("e3"), st.just("cases"), st.none() | st.integers(0, 3)),
    st.builds(KeyRef, st.just("ledere"), st.just("BIF"), st.booleans()),
)  # fmt: skip


@given(
    figures,
    st.sampled_from(list(ClaimUnit)),
    st.sampled_from(list(Qualifier)),
    st.lists(st.integers(2024, 2029), unique=True, max_size=3).map(lambda ys: tuple(sorted(ys))),
    st.booleans(),
    st.booleans(),
    st.none() | refs,
)
def test_a_claim_reads_back_as_written(
    figure: str,
    unit: ClaimUnit,
    qualifier: Qualifier,
    years: tuple[int, ...],
    steady: bool,
    total: bool,
    ref: Ref | None,
) -> None:
    """Any claim the format can hold is written and read back unchanged ("fra" keeps one
    year: a claim of the permanent effect from a year names its first)."""
    if unit in (ClaimUnit.RATIO, ClaimUnit.FRACTION):
        ref = None
    years = years[:1] if steady else years
    claim = Claim("x", "description", (figure,), unit, years, steady, total, qualifier, ref, "n")
    model = s.ClaimModel.model_validate(claim_document(claim))
    assert claim_from_model(model) == claim
