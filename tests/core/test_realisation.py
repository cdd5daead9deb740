# SPDX-License-Identifier: MPL-2.0
"""The rules of gevinstrealisering: numbers and dates of an operational export, the goals,
the committee an amount is recorded for, a CSV file's rows accepted and rejected, and planned
against realised per committee (the seed's Tabel A and D + E)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core import calc
from gevinst.core import realisation as r
from gevinst.core.errors import InputError
from gevinst.core.model import Catalog
from gevinst.core.series import Series

WHEN = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
D = Decimal


@pytest.mark.parametrize(
    ("text", "danish", "value"),
    [
        ("1.234,5", True, D("1234.5")),
        ("1234,5", True, D("1234.5")),
        ("1.234", True, D("1234")),  # a Danish file: the point separates thousands
        ("-1.234.567", True, D("-1234567")),
        ("12.5", True, D("12.5")),  # a point that cannot separate thousands is a decimal point
        ("0,25", True, D("0.25")),
        (" 42 ", True, D("42")),
        ("\u22127", True, D("-7")),  # a typographic minus, as a spreadsheet may write it
        ("1234.5", False, D("1234.5")),
        ("1.234", False, D("1.234")),  # an ISO file: the point is the decimal sign
        ("-0.5", False, D("-0.5")),
    ],
)
def test_a_number_is_read_danish_or_iso_as_the_file_writes_it(
    text: str, danish: bool, value: Decimal
) -> None:
    assert r.read_number(text, danish) == value


@pytest.mark.parametrize(
    ("text", "danish"),
    [("", True), ("abc", True), ("1,2,3", True), ("12.34,5", True), ("1 234", True),
     ("1,5", False), ("1.234,5", False), ("1e5", False), ("NaN", False)],
)  # fmt: skip
def test_a_number_that_cannot_be_read_is_refused(text: str, danish: bool) -> None:
    with pytest.raises(InputError, match="ikke et tal"):
        r.read_number(text, danish)


def test_a_number_outside_the_formats_range_is_refused() -> None:
    with pytest.raises(InputError, match="uden for det tilladte område"):
        r.read_number("1" + "0" * 16, False)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-01-31", date(2025, 1, 31)),
        ("31-01-2025", date(2025, 1, 31)),
        ("31.1.2025", date(2025, 1, 31)),
        ("1/2/2025", date(2025, 2, 1)),
        (" 2024-02-29 ", date(2024, 2, 29)),
    ],
)
def test_a_date_is_read_iso_or_danish(text: str, day: date) -> None:
    assert r.read_date(text) == day


@pytest.mark.parametrize(
    ("text", "why"),
    [("2025-02-30", "findes ikke"), ("31-13-2025", "findes ikke"), ("jan 2025", "ikke en dato"),
     ("2025/01/31", "ikke en dato"), ("", "ikke en dato")],
)  # fmt: skip
def test_a_date_that_cannot_be_read_is_refused(text: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        r.read_date(text)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2))
def test_a_number_written_the_danish_way_reads_back(value: Decimal) -> None:
    whole, _, fraction = f"{abs(value):,.2f}".partition(".")
    text = ("-" if value < 0 else "") + whole.replace(",", ".") + "," + fraction
    assert r.read_number(text, True) == value


def test_a_goal_is_its_proposal_and_row(seed: Catalog) -> None:
    ids = [p.id for p in seed.proposals]
    assert r.parse_goal("bc02/4", ids) == r.GoalRef("BC02", 4)
    assert str(r.parse_goal("F2 / 7", ids)) == "F2/7"
    with pytest.raises(InputError, match="er ikke et mål"):
        r.parse_goal("BC02", ids)
    with pytest.raises(InputError, match="er ikke et mål"):
        r.parse_goal("BC02/0", ids)
    with pytest.raises(InputError, match="forslaget 'BC99' findes ikke"):
        r.parse_goal("BC99/1", ids)
    r.require_goal(r.GoalRef("BC02", 4), len(seed.proposal("BC02").followup))
    with pytest.raises(InputError, match="ukendt mål BC02/5: forslag BC02 har 4 opfølgningsmål"):
        r.require_goal(r.GoalRef("BC02", 5), len(seed.proposal("BC02").followup))


def test_an_amount_is_recorded_for_the_committee_the_plan_names(seed: Catalog) -> None:
    f1 = r.planned_effect(seed.proposal("F1"), seed.profile)  # all of it on BIU
    assert r.committee_for(None, f1, "F1") == "BIU"
    bc01 = r.planned_effect(seed.proposal("BC01"), seed.profile)  # split by a key
    with pytest.raises(InputError, match=r"fordeles på flere udvalg .*angiv udvalget"):
        r.committee_for(None, bc01, "BC01, 2026")
    assert r.committee_for("SU", bc01, "BC01") == "SU"
    with pytest.raises(InputError, match="'XX' er ikke blandt udvalgene"):
        r.committee_for("XX", bc01, "BC01")
    assert r.committee_for(None, {}, "F7") is None


def test_the_plan_is_tabel_a_and_the_grant_tabel_d_and_e_per_committee(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    planned = r.planned_effect(bc01, seed.profile)
    assert planned["ØU"][2025] == -297 and planned["SU"][2027] == -172
    # summed over committees, Tabel A is "Samlet varig ændring"
    assert r.total_row("x", [r.OutcomeRow(c, s, Series()) for c, s in planned.items()]).planned == (
        r.plain(calc.permanent(bc01))
    )
    assert {c: s.total() for c, s in r.granted(seed.proposal("F2"), seed.profile).items()} == {
        "SU": 14450,
        "BIU": 15650,
    }


def _realised(proposal: str, year: int, committee: str | None, amount: int) -> r.Realised:
    return r.Realised(
        proposal=proposal, year=year, committee=committee, amount=D(amount),
        evidence="lønudtræk", who="Anna", when=WHEN,
    )  # fmt: skip


def test_the_latest_amount_of_a_place_is_in_force_and_compared_with_the_plan() -> None:
    entries = [
        _realised("BC02", 2025, "KFU", -200),
        _realised("BC02", 2025, "KFU", -250),  # corrected
        _realised("BC02", 2026, "KFU", -307),
        _realised("BC01", 2025, "ØU", -1),
    ]
    kept = [e for e in r.in_force(entries, r.Realised).values() if e.proposal == "BC02"]
    assert [e.amount for e in kept] == [-250, -307]
    planned = {"KFU": Series({2025: D(-307), 2026: D(-307)}), "SU": Series({2025: D(-76)})}
    c = r.compare(planned, r.by_committee(kept, calc.UNBOOKED), (2025, 2026))
    kfu, su = c.rows
    assert kfu.label == "KFU" and dict(kfu.difference()) == {2025: 57, 2026: 0}
    assert (su.label, dict(su.realised), dict(su.difference())) == ("SU", {}, {})
    assert dict(c.total.planned) == {2025: -383, 2026: -307}
    assert dict(c.total.realised) == {2025: -250, 2026: -307}


def test_an_amount_without_evidence_is_refused() -> None:
    with pytest.raises(InputError, match=r"BC02, 2025: dokumentation .* mangler; intet er gemt"):
        r.require_text("  ", "dokumentation for den realiserede gevinst", "BC02, 2025")


series = st.dictionaries(
    st.integers(2024, 2029), st.integers(-(10**6), 10**6).map(D), max_size=6
).map(Series)


@given(st.lists(st.tuples(st.dictionaries(st.sampled_from(["ØU", "SU", "BUU", "KFU"]),
                                          series, max_size=4),
                          st.dictionaries(st.sampled_from(["ØU", "SU", "BIU"]), series,
                                          max_size=3)),
                min_size=1, max_size=6))  # fmt: skip
def test_the_committees_totals_add_up_to_the_catalogs(
    proposals: list[tuple[dict[str, Series], dict[str, Series]]],
) -> None:
    years = tuple(range(2024, 2030))
    each = [r.compare(planned, realised, years) for planned, realised in proposals]
    combined = r.combine(each, ["ØU", "KFU", "BUU", "SU", "BIU"])
    catalog_planned = r.total_row("x", [c.total for c in each]).planned
    catalog_realised = r.total_row("x", [c.total for c in each]).realised
    assert combined.total.planned == catalog_planned
    assert combined.total.realised == catalog_realised
    labels = [row.label for row in combined.rows]
    assert labels == sorted(labels, key=["ØU", "KFU", "BUU", "SU", "BIU"].index)


# --- a CSV file's rows ---------------------------------------------------------------


MAPPING = {"dato": None, "registreringer": r.GoalRef("BC02", 4), "ladere": r.GoalRef("F2", 7)}
GOALS = {"BC02": 4, "F2": 10}


def _table(*rows: str, header: str = "Dato;Registreringer;Ladere;Afdeling") -> r.Table:
    return r.Table(
        "drift.csv",
        tuple(header.split(";")),
        tuple((n, tuple(row.split(";"))) for n, row in enumerate(rows, start=2)),
        decimal_comma=True,
    )


def _read(table: r.Table, recorded: list[r.Measurement] | None = None) -> r.ReadRows:
    return r.read_rows(table, MAPPING, GOALS, recorded or [], who="Anna", when=WHEN)


def test_a_files_rows_become_measurements_of_their_columns_goals() -> None:
    read = _read(_table("2025-01-31;1.234;12;KS", "28-02-2025;1.300,5;;KS"))
    assert [(str(m.goal), m.day, m.value) for m in read.measurements] == [
        ("BC02/4", date(2025, 1, 31), 1234),
        ("F2/7", date(2025, 1, 31), 12),
        ("BC02/4", date(2025, 2, 28), D("1300.5")),  # an empty cell is no measurement
    ]
    assert read.measurements[0].note == "indlæst fra drift.csv, række 2"
    assert read.rejections == () and read.unmapped == ("Afdeling",)


@pytest.mark.parametrize(
    ("row", "column", "value", "why"),
    [
        ("31-02-2025;1;2;x", "Dato", "31-02-2025", "datoen findes ikke"),
        ("januar;1;2;x", "Dato", "januar", "ikke en dato"),
        ("2025-01-31;mange;2;x", "Registreringer", "mange", "ikke et tal"),
        ("2025-01-31;1;2,3,4;x", "Ladere", "2,3,4", "ikke et tal"),
        ("2025-01-31;1;2", "", "2025-01-31;1;2", "rækken har 3 felter, overskriften 4"),
    ],
)
def test_every_rejected_value_is_named_with_its_row_column_and_reason(
    row: str, column: str, value: str, why: str
) -> None:
    read = _read(_table("2025-03-31;5;6;x", row))
    [rejected] = read.rejections
    assert (rejected.file, rejected.row, rejected.column, rejected.value) == (
        "drift.csv", 3, column, value,
    )  # fmt: skip
    assert why in rejected.why
    assert str(rejected).startswith(f"drift.csv, række 3, kolonne {column!r}: {value!r}: ")


def test_a_duplicate_in_the_file_or_of_one_recorded_is_rejected() -> None:
    kept = r.Measurement(
        goal=r.GoalRef("F2", 7), value=D(1), day=date(2025, 1, 31), note="", who="x", when=WHEN
    )
    read = _read(_table("2025-01-31;1;2;x", "2025-02-28;3;;x", "28.2.2025;4;;x"), [kept])
    assert [(x.row, x.column, x.why) for x in read.rejections] == [
        (2, "Ladere", "dublet: F2/7 har en måling 2025-01-31, der er allerede registreret"),
        (4, "Registreringer", "dublet: BC02/4 har en måling 2025-02-28, der står i række 3"),
    ]
    assert len(read.measurements) == 2


def test_a_column_mapped_to_a_goal_that_no_longer_exists_is_rejected_cell_by_cell() -> None:
    stale = {**MAPPING, "ladere": r.GoalRef("F2", 11)}
    read = r.read_rows(_table("2025-01-31;1;2;x"), stale, GOALS, [], who="A", when=WHEN)
    assert [(x.column, x.why) for x in read.rejections] == [("Ladere", "ukendt mål F2/11")]


def test_a_file_without_its_date_column_or_any_goal_column_is_refused_whole() -> None:
    with pytest.raises(InputError, match=r"netop én kolonne med datoer .* filen har ingen"):
        _read(_table("1;2;3", header="Periode;Registreringer;Ladere"))
    with pytest.raises(InputError, match="ingen af filens kolonner er koblet til et mål"):
        r.read_rows(_table("2025-01-31;1;2;x"), {"dato": None}, GOALS, [], who="A", when=WHEN)
