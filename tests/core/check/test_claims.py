# SPDX-License-Identifier: MPL-2.0
"""Claims checked against small proposals: a figure within its precision confirmed, one
outside it reported with the phrase, the cell and the arithmetic; each year of "fra 2026 og
frem", a sum over years, a share, a fraction, a ratio and a count of rows."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from gevinst.core.check.claims import RULE, check_claims
from gevinst.core.claims.claim import (
    BasisRef,
    CellRef,
    Claim,
    ClaimUnit,
    LineRef,
    Qualifier,
    RatioRef,
    Ref,
    RowsRef,
    ShareRef,
)
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import BasisRow, BasisTable, LineKind, Proposal
from tests.core.builders import PROFILE, line, proposal, series

D = Decimal
EFF = LineKind.EFFICIENCY
TEXT = "Besparelsen er 1,3 mio. kr. årligt; fordelingen 47/53."


def _proposal() -> Proposal:
    p = proposal(
        line("e1", EFF, series(0, -650, -1300, -1300, -1300, -1300)),
        line("e2", EFF, series(0, -500, -1000, -1100, -1200, -1200)),
    )
    table = BasisTable(
        "t", "Tabel t", ("Værdi",), (BasisRow("a", {"Værdi": D(7)}), BasisRow("b", {"Værdi": D(0)}))
    )
    return replace(p, economy_text=TEXT, basis=(table,))


def _claim(written: tuple[str, ...], unit: ClaimUnit, ref: Ref, **kw: object) -> Claim:
    return Claim("1,3 mio. kr.", "economy_text", written, unit, ref=ref, **kw)  # type: ignore[arg-type]


def _found(c: Claim) -> list[Finding]:
    return list(check_claims(replace(_proposal(), claims=(c,)), PROFILE))


@pytest.mark.parametrize(
    ("written", "year", "found"),
    [(("1,3",), 2026, 0), (("1,2",), 2026, 1), (("1,25",), 2026, 1), (("0,65",), 2025, 0)],
)
def test_a_line_in_a_year(written: tuple[str, ...], year: int, found: int) -> None:
    c = _claim(written, ClaimUnit.MIO_KR, LineRef(("e1",)), years=(year,))
    assert len(_found(c)) == found


def test_a_disagreement_quotes_the_phrase_names_the_cell_and_shows_the_arithmetic() -> None:
    (f,) = _found(_claim(("1,2",), ClaimUnit.MIO_KR, LineRef(("e1",)), years=(2026,)))
    assert (f.proposal, f.table, f.row, f.year, f.rule) == (
        "T1",
        "text",
        "1,3 mio. kr.",
        2026,
        RULE,
    )
    assert (f.stated, f.computed, f.severity) == (D(1200), D(-1300), Severity.WARNING)
    assert f.message == (
        "«1,3 mio. kr.» (afsnit 2): teksten siger 1,2 mio. kr. i 2026, dvs. 1.150 til 1.250 "
        "(ekskl.) 1.000 kr.; men Tabel 1, linjen «e1» (e1) i 2026 er -1.300 (forskel 100)"
    )


def test_from_a_year_on_is_each_year_to_the_last() -> None:
    c = _claim(("1,2",), ClaimUnit.MIO_KR, LineRef(("e2",)), years=(2026,), steady=True)
    # 1.000 in 2026 and 1.100 in 2027 are not 1,2; 1.200 in 2028 and 2029 are
    assert [f.year for f in _found(c)] == [2026, 2027]
    c = _claim(("1,2",), ClaimUnit.MIO_KR, LineRef(("e2",)), years=(2028,), steady=True)
    assert _found(c) == []


def test_varig_is_the_last_year_and_total_adds_the_years_up() -> None:
    assert _found(_claim(("1,3",), ClaimUnit.MIO_KR, CellRef("1", "varig"), steady=True))
    assert not _found(_claim(("2,5",), ClaimUnit.MIO_KR, CellRef("1", "varig"), steady=True))
    total = _claim(("5,85",), ClaimUnit.MIO_KR, LineRef(("e1",)), total=True)
    assert _found(total) == []  # 650 + 4 x 1.300 = 5.850
    assert _found(replace(total, written=("5,9",))) == []
    (f,) = _found(replace(total, written=("6,15",)))
    assert f.year is None and "i alt 2024-2029" in f.message


def test_about_is_looser() -> None:
    c = _claim(("1,4",), ClaimUnit.MIO_KR, LineRef(("e1",)), years=(2026,))
    assert _found(c) and not _found(replace(c, qualifier=Qualifier.ABOUT))


def test_a_share_a_fraction_and_a_ratio() -> None:
    share = ShareRef(LineRef(("e1",)), CellRef("1", "varig"))
    assert not _found(_claim(("57",), ClaimUnit.PERCENT, share, years=(2026,)))  # 1.300/2.300
    (f,) = _found(_claim(("52",), ClaimUnit.PERCENT, share, years=(2026,)))
    assert (f.stated, f.computed) == (D(52), D("56.5"))
    half = ShareRef(LineRef(("e1",)), LineRef(("e1",), 2026))
    assert not _found(_claim(("1/2",), ClaimUnit.FRACTION, half, years=(2025,)))
    (f,) = _found(_claim(("2/3",), ClaimUnit.FRACTION, half, years=(2025,)))
    assert "2/3 af 1.300 er 866,7" in f.message
    ratio = RatioRef((LineRef(("e2",)), LineRef(("e1",))))
    c = _claim(("43", "57"), ClaimUnit.RATIO, ratio, years=(2026,))
    assert not _found(c)  # 1.000 / 2.300 = 43,5 %
    (f,) = _found(replace(c, years=(2028,)))  # 1.200 / 2.500 = 48 %
    assert "1.200 / 1.300" in f.message and "48 / 52" in f.message


def test_a_count_of_rows_and_a_basis_cell() -> None:
    assert not _found(_claim(("2",), ClaimUnit.COUNT, RowsRef("t")))
    assert not _found(_claim(("1",), ClaimUnit.COUNT, RowsRef("t", nonzero="Værdi")))
    assert _found(_claim(("3",), ClaimUnit.COUNT, RowsRef("t")))
    assert not _found(_claim(("7",), ClaimUnit.COUNT, BasisRef("t", "a", "Værdi")))
    assert not _found(_claim(("7",), ClaimUnit.KR, BasisRef("t", "a", "Værdi", "kr.")))
    assert _found(_claim(("7",), ClaimUnit.TKR, BasisRef("t", "a", "Værdi", "kr.")))


def test_a_claim_without_a_reference_and_a_proposal_of_the_catalog_only_are_not_checked() -> None:
    c = Claim("1,3 mio. kr.", "economy_text", ("9",), ClaimUnit.MIO_KR, note="kontekst")
    assert _found(c) == []
    bad = _claim(("9",), ClaimUnit.MIO_KR, LineRef(("e1",)))
    only = replace(_proposal(), claims=(bad,), catalog_entry_only=True)
    assert list(check_claims(only, PROFILE)) == []
