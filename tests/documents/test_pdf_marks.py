# SPDX-License-Identifier: MPL-2.0
"""The PDF marks every figure that differs from the one stated, lists each difference at the
end, and prints as an archive copy with --as-stated; read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from gevinst.cli.main import main
from gevinst.core.marks import COLUMNS, OUTSIDE_COLUMNS, OUTSIDE_TITLE, Marks, Place
from gevinst.core.model import Catalog
from gevinst.core.numbering import printed_name
from gevinst.core.selection import ExportOptions
from gevinst.documents.pdf import render_pdf
from tests.paths import SEED

TITLE = "Afvigelser fra de angivne tal"


def read(path: Path) -> str:
    """The text as laid out, a table row on a line, whitespace collapsed; then (after a form
    feed) the closing list's text with its header and every space, hyphen and line break left
    out, since pdftotext reads a wrapped cell's lines in an order of its own."""

    def text(*layout: str) -> str:
        done = subprocess.run(
            ["pdftotext", *layout, str(path), "-"], capture_output=True, check=True
        )
        return done.stdout.decode("utf-8")

    laid_out = " ".join(text("-layout").split())
    flow = text()
    listed = flow[flow.rindex(TITLE) :]
    # a page that goes on with the list repeats its header, a line of its own each word
    for header in {*COLUMNS, *OUTSIDE_COLUMNS}:
        listed = re.sub(rf"^{header}$", "", listed, flags=re.MULTILINE)
    return laid_out + "\f" + squash(listed)


def squash(text: str) -> str:
    # pdftotext joins a word broken at its hyphen ("Kultur- og" at a line's end: "Kulturog")
    return re.sub(r"[\s\-\u00ad]", "", text)


@pytest.fixture(scope="module")
def derived(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("pdf") / "katalog.pdf"
    out.write_bytes(render_pdf(seed, ExportOptions()))
    return read(out)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("pdf") / "arkiv.pdf"
    assert main(["export", str(SEED), "--format", "pdf", "-o", str(out), "--as-stated"]) == 0
    return read(out)


@pytest.fixture(scope="module")
def marks(seed: Catalog) -> Marks:
    return Marks(seed)


def closing_list(text: str) -> str:
    return text.split("\f")[1]


def body(text: str) -> str:
    laid_out = text.split("\f", maxsplit=1)[0]
    return laid_out[: laid_out.rindex(TITLE)]


def listed(text: str, *parts: str) -> bool:
    """Whether the closing list shows ``parts`` one after the other in a row."""
    return squash(" ".join(parts)) in closing_list(text)


def test_bc01s_catalog_row_is_derived_marked_and_explained(
    derived: str, archive: str, marks: Marks
) -> None:
    m27, m28 = (marks.mark(Place(None, "catalog-1", "BC01", y)) for y in (2027, 2028))
    row = "Samlet ferieløsning i Serviceportalen 297 1.144"
    assert f"{row} 1.474{m27} 1.474{m28} 4.250 Budget 2025" in body(derived)
    assert f"{row} 1.144{m27} 1.144{m28} 4.250 Budget 2025" in body(archive)
    for text in (derived, archive):
        assert listed(text, m27, "Kataloget, Tabel 1, BC01, 2027")
        assert listed(text, "Angivet 1.144, beregnet 1.474 (forskel -330")


def test_the_catalog_total_follows_its_rows(derived: str, archive: str, marks: Marks) -> None:
    m = marks.mark(Place(None, "catalog-2", "total", 2025))
    assert f"I alt 56.019{m}" in body(derived)
    assert f"I alt 55.597{m}" in body(archive)


def test_the_intros_strategy_totals(derived: str, archive: str, marks: Marks) -> None:
    first, second = (marks.mark(Place(None, "intro", "catalog-2", y)) for y in (2025, None))
    said = "De tværgående forslag bidrager samlet med effektiviseringer for"
    assert f"{said} 56,0{first} mio. kr. i 2025 og 63,5{second} mio. kr." in body(derived)
    assert f"{said} 55,6{first} mio. kr. i 2025 og 62,8{second} mio. kr." in body(archive)
    assert listed(derived, first, "Indledningen, 2025")
    assert listed(derived, "Kataloget skriver 55,6 mio. kr. i 2025")


def test_f3s_impact(derived: str, archive: str, marks: Marks) -> None:
    m26, m27 = (marks.mark(Place("F3", "1", "impact", y)) for y in (2026, 2027))
    impact = "Samlet økonomisk påvirkning 350 5.950"
    assert f"{impact} 3.750{m26} 1.750{m27} -2.900 -2.900" in body(derived)
    assert f"{impact} 4.850{m26} 3.950{m27} -2.900 -2.900" in body(archive)
    assert listed(derived, m26, "Forslag 3, Tabel 1, Samlet økonomisk påvirkning, 2026")
    assert listed(derived, "Angivet 4.850, beregnet 3.750")


@pytest.mark.parametrize(
    ("pid", "computed", "stated"),
    [("F2", "10 år (2033)", "11"), ("F4", "6 år (2029)", "7"), ("F5", "4 år (2027)", "6 år")],
)
def test_the_paybacks(
    derived: str, archive: str, marks: Marks, pid: str, computed: str, stated: str
) -> None:
    mark = marks.mark(Place(pid, "1", "payback_total", None))
    assert f" {computed}{mark} " in body(derived)
    assert f" {stated}{mark} " in body(archive)
    name = f"Forslag {pid[1:]}, Tabel {2 if pid == 'F5' else 1}"  # F5 numbers it Tabel 2
    assert listed(derived, mark, f"{name}, Tilbagebetalingstid (totaløkonomi)")
    assert listed(derived, f"Angivet '{stated}', beregnet {computed}")


def test_bc02s_tabel_c_is_printed_and_says_the_source_left_it_empty(
    derived: str, archive: str, marks: Marks
) -> None:
    mark = marks.mark(Place("BC02", "C", "", None))
    title = (
        "Tabel C. Bevillingsmæssig effekt – hvis forslaget indarbejdes (bruttoeffektivisering)"
        + mark
    )
    assert title in body(derived)
    assert (
        f"{mark} Tabellen står tom i forslaget; tallene er beregnet ud fra forslagets egne tal."
        in derived
    )
    assert f"{mark} Tabellen står tom i forslaget, som her." in archive
    assert listed(derived, mark, "BC02, Tabel C")
    assert listed(derived, "Forslaget har varige driftsudgifter, men Tabel C er ikke udfyldt")


def proposal_part(text: str, seed: Catalog, pid: str) -> str:
    """A proposal's pages: from its title (the last time it is printed before the closing
    list) to the next proposal's title."""
    text = body(text)
    # with the name the catalog gives it: a title alone may recur in a text (F7's Bilag 1)
    titles = [f"{printed_name(p, seed)} {p.title}" for p in seed.proposals]
    index = [p.id for p in seed.proposals].index(pid)
    start = text.rindex(titles[index])
    end = text.rindex(titles[index + 1]) if index + 1 < len(titles) else len(text)
    return text[start:end]


def test_no_payback_without_an_investment(seed: Catalog, derived: str) -> None:
    for pid in ("F6", "F7"):
        part = proposal_part(derived, seed, pid)
        assert "Tilbagebetalingstid" not in part, pid
        assert "Akkumuleret økonomisk påvirkning" not in part, pid  # the payback chart
        assert "Implementeringsomkostninger" not in part, pid
    # F6's Tabel 1 ends with its permanent change, as the seed prints it (2024 blank)
    f6 = proposal_part(derived, seed, "F6")
    assert "Samlet varig ændring -475 -475 -475 -475 -475" in f6
    assert "Samlet økonomisk påvirkning" not in f6


def test_no_table_the_proposal_lacks_and_no_rule_calls_for(seed: Catalog, derived: str) -> None:
    bc01 = proposal_part(derived, seed, "BC01")
    assert "Tabel A." in bc01
    assert "Tabel D." in bc01
    for absent in ("Tabel B.", "Tabel C.", "Tabel E."):
        assert absent not in bc01
    f7 = proposal_part(derived, seed, "F7")
    for absent in ("Tabel A.", "Tabel B.", "Tabel C.", "Tabel D.", "Tabel E."):
        assert absent not in f7


def test_every_stated_difference_is_listed(derived: str, marks: Marks) -> None:
    # pdftotext reads a wrapped cell, or a row that goes on over a page, in an order of its
    # own: each row's mark and its two figures side by side are what it reads reliably
    for d in marks.deviations:
        assert not d.mark or listed(derived, d.mark), d.where
        assert listed(derived, d.stated, d.computed), d.where


def test_each_mark_is_listed_once_and_the_rest_apart(derived: str, marks: Marks) -> None:
    """Issue 7: one cell, one mark, one entry in the list; what no printed cell shows is
    listed under its own title; a committee document does not name the tool."""
    main, title, outside = closing_list(derived).partition(squash(OUTSIDE_TITLE))
    assert title and marks.outside
    # the list says it also marks the source's own arithmetic, where no figure is changed
    assert squash("fx en total, som ikke er summen af de rækker, forslaget selv angiver") in main
    assert all(main.count(squash(d.mark + d.where)) == 1 for d in marks.marked)
    # F3's Tabel C, BUU 2028: the derived figure and the source's own A + B, in one entry
    c = marks.mark(Place("F3", "C", "BUU", 2028))
    assert squash(f"{c}Forslag 3, Tabel C, Børne- og Ungdomsudvalget, 2028 -4.450 -1.200") in main
    assert squash("forslagets Tabel A + Tabel B giver 1.550") in main
    assert squash("Besparelser pr. forvaltning (mio. kr.) (ikke trykt), SOF") in outside
    assert squash("Kataloget, Tabel 2, F3") in outside
    assert not re.search(r"af gevinst\b", derived)  # the tool, not the word "gevinster"


def test_an_archive_copy_writes_an_agreeing_payback_as_the_source_does(
    derived: str, archive: str, marks: Marks
) -> None:
    """BC02 states its payback as "5"; it means the derived 5 years: no mark, and an archive
    copy prints "5" where the derived document prints "5 år (2028)"."""
    assert not marks.mark(Place("BC02", "1", "payback_total", None))
    bc02 = (
        r"Samlet økonomisk påvirkning 422 838 -562 -562 -562 -562 Tilbagebetalingstid \S+ \S+ \S+"
    )
    assert re.search(bc02 + r" 5 år \(2028\) ", body(derived))
    assert re.search(bc02 + r" 5 (?!år)", body(archive))


def test_a_total_the_source_writes_out_is_printed(derived: str) -> None:
    """BC02's Tabel B leaves its rows' empty years blank but writes "Total 0 0 0 0 0"."""
    bc02 = body(derived).split("Tabel B. Bevillingsmæssig effekt – varig drift")[1]
    tabel_b = bc02.split("Tabel C.")[0]
    assert " Socialudvalget 76 76 76 76 76 " in tabel_b
    assert " Total 0 0 0 0 0 " in tabel_b + " "


def test_a_printed_basis_table_carries_its_marks(derived: str, marks: Marks) -> None:
    mark = marks.mark(Place("F7", "basis:tabel-1", "Tjenestecykler delaftale 1", "Total"))
    assert f" Tjenestecykler delaftale 1 -120 0 -118{mark} " in body(derived)
    assert listed(derived, mark, "Forslag 7, Tabel 1. Fællesaftale")


def test_f7s_target_total_is_derived_and_marked(derived: str, archive: str, marks: Marks) -> None:
    """Tabel 4's "Samlet varig ændring, årets priser" is the lines' permanent change, -43.564,
    where the source repeats the rounded -43.565, as Tabel 2 and 3 do."""
    mark = marks.mark(Place("F7", "targets", "target_total", 2025))
    assert mark
    row = "Samlet varig ændring, årets priser"
    assert f" {row} -43.564{mark} " in body(derived)
    assert f" {row} -43.565{mark} " in body(archive)
    assert listed(derived, mark, "Forslag 7, Tabel 4")
    assert listed(derived, "Angivet -43.565, beregnet -43.564")


@pytest.mark.parametrize("table", ["A", "B", "C", "E"])
def test_f3s_technical_tables_say_the_proposals_price_level_and_mark_the_sources(
    derived: str, archive: str, marks: Marks, table: str
) -> None:
    """F3 is a 2024 p/l proposal; the source heads its tables A-E "1.000 kr. 2025 p/l" over
    the same figures: the document prints 2024 p/l with a mark, an archive copy 2025 p/l."""
    mark = marks.mark(Place("F3", table, "price_basis", None))
    assert mark
    assert f"Udvalg (1.000 kr. 2024 p/l{mark})" in body(derived)
    assert f"Udvalg (1.000 kr. 2025 p/l{mark})" in body(archive)
    assert listed(derived, mark, f"Forslag 3, Tabel {table}, prisniveau")
    assert listed(derived, "1.000 kr. 2025 p/l", "1.000 kr. 2024 p/l")
