# SPDX-License-Identifier: MPL-2.0
"""The marks every document draws where a stated figure differs from the derived one, and the
closing list "Afvigelser fra de angivne tal"."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from gevinst.core.check import check_catalog, required_tables
from gevinst.core.marks import Marks, Place, superscript
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions, select
from gevinst.core.series import Series

D = Decimal
BC01_2027 = Place(None, "catalog-1", "BC01", 2027)


def test_bc01s_catalog_row_prints_the_derived_figure_with_a_mark(seed: Catalog) -> None:
    marks = Marks(seed)
    mark = marks.mark(BC01_2027)
    assert mark
    assert marks.figure(BC01_2027, D(1474)) == "1.474" + mark
    listed = [d for d in marks.deviations if d.mark == mark]
    assert [(d.where, d.stated, d.computed) for d in listed] == [
        ("Kataloget, Tabel 1, BC01, 2027", "1.144", "1.474")
    ]
    assert "Angivet 1.144, beregnet 1.474" in listed[0].explanation


def test_an_archive_copy_prints_the_stated_figure_with_the_same_mark(seed: Catalog) -> None:
    derived, stated = Marks(seed), Marks(seed, as_stated=True)
    assert stated.figure(BC01_2027, D(1474)) == "1.144" + derived.mark(BC01_2027)
    assert stated.deviations == derived.deviations
    # a cell without a difference prints the same figure either way
    agreed = Place(None, "catalog-1", "BC01", 2025)
    assert stated.figure(agreed, D(297)) == derived.figure(agreed, D(297)) == "297"


def test_f3s_impact_and_the_paybacks(seed: Catalog) -> None:
    marks, stated = Marks(seed), Marks(seed, as_stated=True)
    impact = Place("F3", "1", "impact", 2026)
    assert marks.figure(impact, D(3750)) == "3.750" + marks.mark(impact)
    assert stated.figure(impact, D(3750)) == "4.850" + marks.mark(impact)
    for pid, derived, printed in (("F2", "10 år (2033)", "11"), ("F4", "6 år (2029)", "7")):
        where = Place(pid, "1", "payback_total", None)
        assert marks.text(where, derived) == derived + marks.mark(where)
        assert stated.text(where, derived) == printed + marks.mark(where)
    f5 = Place("F5", "1", "payback_service", None)
    assert stated.text(f5, "4 år (2027)") == "6 år" + marks.mark(f5)


def test_the_intros_strategy_totals(seed: Catalog) -> None:
    marks = Marks(seed)
    first, second = (marks.mark(Place(None, "intro", "catalog-2", y)) for y in (2025, None))
    assert (first, second) == (superscript(1), superscript(2))  # in reading order
    assert "for 56,0¹ mio. kr. i 2025 og 63,5² mio. kr. i varig virkning" in marks.intro(seed.intro)
    archive = Marks(seed, as_stated=True).intro(seed.intro)
    assert "for 55,6¹ mio. kr. i 2025 og 62,8² mio. kr. i varig virkning" in archive
    assert [(d.stated, d.computed) for d in marks.deviations[:2]] == [
        ("55,6", "56,0"),
        ("62,8", "63,5"),
    ]


def test_a_table_the_rules_call_for_and_the_source_left_empty(seed: Catalog) -> None:
    bc02 = seed.proposal("BC02")
    assert "C" in required_tables(bc02, seed.profile)
    marks = Marks(seed)
    assert marks.left_empty("BC02", "C")
    note = marks.empty_note(bc02, "C")
    assert note.startswith(marks.mark(Place("BC02", "C", "", None)))
    assert "står tom i forslaget" in note
    assert not marks.left_empty("BC02", "A")
    # the archive copy prints the table as the source did: without figures
    assert Marks(seed, as_stated=True).amounts("BC02", "C", "KFU", Series(), [2025]) == [""]
    entry = next(d for d in marks.deviations if d.where.startswith("BC02, Tabel C"))
    assert entry.stated == "ikke udfyldt"


def test_a_stated_row_that_gevinst_computes_as_nothing_is_drawn(seed: Catalog) -> None:
    # Forslag 2 prints budget moves in Tabel B that its lines do not make
    assert Marks(seed).rows("F2", "B") == {"SU", "BIU"}


def test_marks_are_numbered_once_in_reading_order(seed: Catalog) -> None:
    marks = Marks(seed)
    numbers = [d.mark for d in marks.deviations if d.mark]
    distinct = list(dict.fromkeys(numbers))
    assert distinct == [superscript(n) for n in range(1, len(distinct) + 1)]
    assert len(distinct) > 100
    # the catalog's own tables come before the proposals, BC01 before F7
    wheres = [d.where for d in marks.deviations if d.mark]
    assert wheres.index("Kataloget, Tabel 1, BC01, 2027") < wheres.index(
        "BC01, Tabel A, Økonomiudvalget, 2027"
    )


def test_a_difference_in_no_drawn_cell_is_listed_apart_without_a_mark(seed: Catalog) -> None:
    marks = Marks(seed)
    assert all(d.mark for d in marks.marked) and not any(d.mark for d in marks.outside)
    assert marks.deviations == marks.marked + marks.outside
    wheres = [d.where for d in marks.outside]
    assert any(w.startswith("Forslag 5, beregningsgrundlag, Bortfaldne opgaver") for w in wheres)
    assert not any("Fællesaftale" in w for w in wheres)  # a printed basis table is marked
    # a basis table the document does not print says so
    assert (
        "Forslag 3, beregningsgrundlag, Besparelser pr. forvaltning (mio. kr.) (ikke trykt), "
        "SOF: Total i 2028" in wheres
    )
    # a price level is no figure: it is not put in the figure columns
    [level] = [d for d in marks.outside if d.where == "Kataloget, Tabel 2, F3"]
    assert (level.stated, level.computed) == ("", "")
    assert "2025 p/l" in level.explanation and "2024 p/l" in level.explanation


def test_each_printed_cell_is_one_entry_with_one_mark(seed: Catalog) -> None:
    """Issue 7: a mark number appears once in the list, increasing, and a cell has one entry
    (F3's Tabel C is compared with the derived C and with the source's own A + B: one entry,
    whose computed figure is the one the cell prints)."""
    marks = Marks(seed)
    numbers = [marks.number(d.place) for d in marks.marked if d.place is not None]
    assert len(numbers) == len(marks.marked)
    assert numbers == list(range(1, len(numbers) + 1))
    cells = [d.place for d in marks.marked]
    assert len(set(cells)) == len(cells)
    c = Place("F3", "C", "BUU", 2028)
    [entry] = [d for d in marks.marked if d.place == c]
    assert (entry.stated, entry.computed) == ("-4.450", "-1.200")
    assert "forslagets Tabel A + Tabel B giver 1.550" in entry.explanation


def test_forslag_7s_distribution_is_listed_once_under_its_printed_number(seed: Catalog) -> None:
    marks = Marks(seed)
    wheres = [d.where for d in marks.deviations]
    assert wheres.count("Forslag 7, Tabel 3, Total, 2025") == 1
    assert not any(
        "Tabel 2.1" in w or "Tabel 3. Fordeling" in w for w in wheres if w.startswith("Forslag 7")
    )
    assert "Forslag 7, Tabel 2, Samlet økonomisk påvirkning, 2025" in wheres


def test_a_mark_on_the_sources_own_total_does_not_contradict_its_table(seed: Catalog) -> None:
    """BC02's Tabel A prints the derived rows (KFU -307), which add up to the printed -562:
    the mark speaks of the proposal's own rows, and says the derived figure is the same."""
    marks = Marks(seed)
    [total] = [d for d in marks.marked if d.place == Place("BC02", "A", "total", 2025)]
    assert (total.stated, total.computed) == ("-562", "-562")
    assert "I forslaget er totalen -562, men forslagets rækker giver -561." in total.explanation
    assert "rækkerne giver -561" not in total.explanation.replace("forslagets rækker giver", "")
    [kfu] = [d for d in marks.marked if d.place == Place("BC02", "A", "KFU", 2025)]
    assert "afrundet rækken for sig" in kfu.explanation and "nøgle" in kfu.explanation


def test_the_catalogs_figures_say_why_they_differ(seed: Catalog) -> None:
    marks = Marks(seed)
    by_place = {d.place: d for d in marks.marked}
    investment = by_place[Place(None, "catalog-2", "F7", "investment")]
    assert (investment.stated, investment.computed) == ("73.234", "0")
    assert "forslagets egne tabeller har ingen investering" in investment.explanation
    effect = by_place[Place(None, "catalog-2", "F7", 2025)]
    assert "kun den varige ændring på service" in effect.explanation
    assert not any(
        "uoverensstemmelse" in d.explanation
        for d in by_place.values()
        if d.place is not None and d.place.table.startswith("catalog-")
    )


def test_one_proposal_alone_has_its_own_marks(seed: Catalog) -> None:
    shown = select(seed, ExportOptions(proposal="F3"))
    marks = Marks(shown)
    assert marks.mark(Place("F3", "1", "impact", 2026)) == superscript(1)
    assert all(d.where.startswith(("Forslag 3", "Kataloget")) for d in marks.deviations)


@settings(max_examples=25, deadline=None)
@given(
    pid=st.sampled_from(["BC01", "BC02", "F2", "F3", "F4", "F5", "F6", "F7"]),
    key=st.sampled_from(["varig", "impact", "impl"]),
    delta=st.integers(-5000, 5000),
    year_index=st.integers(0, 3),
)
def test_every_stated_difference_is_listed(
    seed: Catalog, pid: str, key: str, delta: int, year_index: int
) -> None:
    """Whatever a proposal states, each finding with a stated figure is said in the closing
    list, and each marked cell has one number and one entry."""
    p = seed.proposal(pid)
    year = p.years[year_index]
    table1 = dict(p.stated.table1)
    table1[key] = table1.get(key, Series()) + Series({year: D(delta)})
    changed = replace(p, stated=replace(p.stated, table1=table1))
    cat = replace(seed, proposals=tuple(changed if q.id == pid else q for q in seed.proposals))
    marks = Marks(cat)
    findings = check_catalog(cat)
    # each finding's message (less the place it begins with) is in exactly one entry
    entries = [d.explanation for d in marks.deviations]
    for f in (f for f in findings if f.stated is not None and not marks.drawn_elsewhere(f)):
        said = f.message.rpartition(": ")[2][1:]  # after the place, as the entry says it
        assert sum(said in e for e in entries) >= 1, f.message
    numbers = [d.mark for d in marks.marked]
    assert len(set(numbers)) == len(numbers)
    differs = any((f.proposal, f.table, f.row, f.year) == (pid, "1", key, year) for f in findings)
    assert bool(marks.mark(Place(pid, "1", key, year))) == differs


def test_every_marked_entry_says_why(seed: Catalog) -> None:
    """Issue 7: an entry names the cause, not only "uoverensstemmelse": F3's impact counts a
    year's operating costs twice, its Tabel B moves nothing between committees."""
    marks = Marks(seed)
    assert not [d.where for d in marks.marked if "uoverensstemmelse" in d.explanation]
    by_place = {d.place: d.explanation for d in marks.marked}
    impact = by_place[Place("F3", "1", "impact", 2026)]
    assert "årets varige driftsudgifter (1.100), som forslaget har talt med to gange" in impact
    assert "så intet flyttes" in by_place[Place("F3", "B", "SU", 2028)]
    assert (
        "ingen række her; forslagets linjer giver -3"
        in by_place[Place("F5", "A", "Borgerrådgiveren", 2026)]
    )


def test_a_printed_basis_tables_own_arithmetic_is_marked_in_its_cell(seed: Catalog) -> None:
    """Forslag 7's Tabel 1 is printed as the proposal prints it: its row whose total is not
    the sum of its columns carries the mark, and the list names the table by its title."""
    marks = Marks(seed)
    cell = Place("F7", "basis:tabel-1", "Tjenestecykler delaftale 1", "Total")
    [entry] = [d for d in marks.marked if d.place == cell]
    assert entry.mark == marks.mark(cell) != ""
    assert entry.where == (
        "Forslag 7, Tabel 1. Fællesaftale indkøbseffektiviseringer til budget 2025 fordelt på "
        "indkøbsaftaler, Tjenestecykler delaftale 1, Total"
    )
    assert (entry.stated, entry.computed) == ("-118", "-120")
    assert entry.explanation == "Total er -118, men kolonnerne giver -120."
    # one cell, two rules of the source's arithmetic: its row and its column
    total = Place("F7", "basis:tabel-1", "Varige ændringer totalt", "Total")
    [both] = [d.explanation for d in marks.marked if d.place == total]
    assert "kolonnerne giver -43.564" in both and "rækkerne giver -43.562" in both
