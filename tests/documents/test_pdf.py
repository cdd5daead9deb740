# SPDX-License-Identifier: MPL-2.0
"""The catalog as PDF, read back with pdftotext (poppler-utils).

One page is also written as PNG to ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from gevinst.core.marks import Marks, Place
from gevinst.core.model import BasisRow, BasisTable, Catalog, Line, Proposal, Stated
from gevinst.core.numbering import printed_name
from gevinst.core.numbers import dk
from gevinst.core.selection import ExportOptions, select
from gevinst.core.series import Series
from gevinst.core.summary import summarise
from gevinst.documents.pdf import render_pdf
from tests.paths import ROOT, SEED_DOCUMENT

ARTIFACTS = ROOT / "test-artifacts"


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed (table cells and wrapped lines alike)."""
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    pages = done.stdout.decode("utf-8").split("\f")[:-1]
    return [" ".join(page.split()) for page in pages]


def render(cat: Catalog, options: ExportOptions, out: Path) -> list[str]:
    out.write_bytes(render_pdf(select(cat, options), options))
    return pdf_pages(out)


def section(text: str, cat: Catalog, proposal_id: str) -> str:
    """A proposal's part of the whole document: from its heading (the last time its title
    is printed; the table of contents comes first) to the next proposal's heading."""
    ids = [p.id for p in cat.proposals]
    heads = [f"{printed_name(p, cat)} {p.title}" for p in cat.proposals]
    index = ids.index(proposal_id)
    start = text.rindex(heads[index])
    end = text.rindex(heads[index + 1]) if index + 1 < len(ids) else len(text)
    return text[start:end]


@pytest.fixture(scope="module")
def whole(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("pdf") / "katalog.pdf"
    return out, render(seed, ExportOptions(), out)


def test_every_proposal_is_in_the_catalog(seed: Catalog, whole: tuple[Path, list[str]]) -> None:
    text = " ".join(whole[1])
    assert "Indhold" in text
    for p in seed.proposals:
        assert f"{printed_name(p, seed)} {p.title}" in text
    # named as the catalog names them
    assert "Forslag 2 Udbredelse og videreudvikling" in text
    assert "BC01 Samlet ferieløsning" in text


def test_bc01_is_laid_out_like_the_seed(seed: Catalog, whole: tuple[Path, list[str]]) -> None:
    bc01 = section(" ".join(whole[1]), seed, "BC01")
    for expected in (
        "1. Beskrivelse af forslag (fremgangsmåde og effekt)",
        "Kort resumé",
        "Tabel 1. Forslagets samlede økonomiske konsekvenser",
        "Samlet varig ændring, service Service 0 -297 -1.144 -1.474 -1.474 -1.474",
        "Samlet økonomisk påvirkning 0 1.703 1.106 -1.474 -1.474 -1.474",
        "Tilbagebetalingstid baseret på",
        "4 år (2028)",
        "Alle besparelser er angivet med negativt (-) fortegn.",
        "Tabel 2.1.1. Fordeling på udvalg, inkl. implementeringsudgifter",
        # the seed prints 1.539 (a known rounding); the cell says so with its mark
        # a zero is a blank cell in this table, as the seed prints it
        f"Økonomiudvalget 1.703 1.538{Marks(seed).mark(Place('BC01', '2.1', 'ØU', 2026))} -782",
        "Kultur- og Fritidsudvalget -58 -93 -93 -93",
        "3. Implementering og opfølgning",
        "Realisering af effektiviseringer",
        "4. Risikovurdering",
        "Tabel 2. Varige ændringer, administration",
        "6. Hvem er hørt?",
        "18. marts 2024",
        "Tabel A.",
        "Koncernservice - -297 -594 -594 -594 -594",
        "Tabel D.",
        "3190, KS anlæg",
    ):
        assert expected in bc01, expected


def test_the_summary_tables_are_recomputed(seed: Catalog, whole: tuple[Path, list[str]]) -> None:
    text = " ".join(whole[1])
    assert "Tabel 1. Tværgående investeringsforslag til godkendelse" in text
    assert "Økonomiudvalget 1 Samlet ferieløsning i Serviceportalen" in text
    assert "I alt 859 1.706" in text  # BC01 and BC02 in 2025 and 2026, as the seed prints
    total = summarise(seed, "catalog-2").total_effect()
    # the printed 'I alt' (55.597, 59.038) adds up the rows as printed: marked
    m25, m26 = (Marks(seed).mark(Place(None, "catalog-2", "total", y)) for y in (2025, 2026))
    assert f"I alt {dk(total[2025])}{m25} {dk(total[2026])}{m26}" in text
    assert "*5) Forslaget er godkendt af Teknik- og Miljøudvalget" in text


def _parts(cat: Catalog, pages: list[str]) -> dict[str, list[str]]:
    """The pages of each proposal, from the page its heading is on (after the contents)."""
    starts = {
        p.id: next(
            i
            for i, page in enumerate(pages)
            if i > 1 and f"{printed_name(p, cat)} {p.title}" in page
        )
        for p in cat.proposals
    }
    # the closing list of differences is a part of its own
    last = list(starts.values())[-1]
    closing = [i for i in range(last, len(pages)) if "Afvigelser fra de angivne tal" in pages[i]]
    ends = [*list(starts.values())[1:], closing[0] if closing else len(pages)]
    return {pid: pages[start:end] for (pid, start), end in zip(starts.items(), ends, strict=True)}


def test_each_proposal_is_numbered_on_its_own(seed: Catalog, whole: tuple[Path, list[str]]) -> None:
    pages = whole[1]
    parts = _parts(seed, pages)
    assert len(parts["BC01"]) > 3
    for pid, part in parts.items():
        for number, page in enumerate(part, start=1):
            assert f"Side {number} af {len(part)}" in page, (pid, number)
    # the document's own page number stands in the margin, as the contents list counts:
    # "Side 1 af N" of a proposal, then its page in the whole document
    first = pages.index(parts["F3"][0]) + 1
    assert re.search(rf"Side 1 af {len(parts['F3'])} {first}$", parts["F3"][0])
    contents = " ".join(pages[:2])
    assert re.search(rf"Forslag 3 Styrket fælles indsats .*?{first} Forslag 4", contents)


def test_the_footer_gives_the_proposal_s_own_price_level(
    seed: Catalog, whole: tuple[Path, list[str]]
) -> None:
    parts = _parts(seed, whole[1])
    assert seed.proposal("F3").price_level == 2024
    assert all("Beløb i 1.000 kr. 2024 p/l" in page for page in parts["F3"])
    assert all("Beløb i 1.000 kr. 2025 p/l" in page for page in parts["BC01"])


# Every numbered table of a proposal in the seed, in the seed's words.
SEED_TABLES = {
    "BC01": [
        "Tabel 1. Forslagets samlede økonomiske konsekvenser",
        "Tabel i: beregningsgrundlag",
        "Tabel ii: Antal sager og økonomisk effekt per forvaltning 2023",
        "Tabel 2.1.1. Fordeling på udvalg, inkl. implementeringsudgifter",
        "Tabel 2. Varige ændringer, administration",
    ],
    # the seed itself prints two tables "Tabel 2" in BC02; gevinst keeps the source's numbers
    "BC02": [
        "Tabel 1. Forslagets samlede økonomiske konsekvenser",
        "Tabel 2 Effektiviseringer pr. forvaltning",
        "Tabel 2. Varige ændringer, administration",
    ],
    # Forslag 2 numbers the tables of its description 1-4, then the template's 1 and 2 again
    "F2": [
        "Tabel 1. Centrale elementer i ’Step Up-indsats’",
        "Tabel 2. Om ’Step Up-indsats’",
        "Tabel 3. Centrale elementer i fremskudt beskæftigelsesindsats",
        "Tabel 4. Centrale elementer i kompetenceudvikling",
        "Tabel 1. Forslagets samlede økonomiske konsekvenser",
        "Tabel 2. Varige ændringer, administration",
    ],
    "F3": ["Tabel 1. Forslagets samlede økonomiske konsekvenser"],
    "F4": [
        "Tabel 1. Forslagets samlede økonomiske konsekvenser",
        "Tabel 2. Varige ændringer, administration",
    ],
    "F5": [
        "Tabel 2. Forslagets samlede økonomiske konsekvenser",
        "Tabel 3. Forslagets opfølgningsmål",
        "Tabel 1. Grundabonnement og antal enheder",
    ],
    "F6": ["Tabel 1. Forslagets samlede økonomiske konsekvenser"],
    "F7": [
        "Tabel 1. Fællesaftale indkøbseffektiviseringer til budget 2025 fordelt på indkøbsaftaler",
        "Tabel 2. Forslagets samlede økonomiske konsekvenser",
        "Tabel 3. Fordeling af indkøbseffektiviseringer på udvalg",
        "Tabel 4 viser de samlede indkøbseffektiviseringer fra 2025 til 2029",
    ],
}


def _captions(pdf: Path) -> list[list[str]]:
    """Each page's table captions: the text set in bold that starts "Tabel" ("Bilag 1, Tabel
    1."), read back with pdftohtml, which keeps the font; prose that mentions a table is not
    bold, a table continued on a page says so in italics."""
    xml = ["pdftohtml", "-xml", "-i", "-stdout", str(pdf)]
    done = subprocess.run(xml, capture_output=True, check=True)
    pages = re.split(r"<page number=", done.stdout.decode("utf-8"))[1:]
    caption = re.compile(r"<text [^>]*><b>((?:Bilag \d+, )?Tabel [^<]*)</b></text>")
    return [caption.findall(page) for page in pages]


def _numbers(captions: list[str]) -> Counter[str]:
    number = re.compile(r"Tabel (\d+(?:\.\d+)*|[ivx]+)\b")
    return Counter(m.group(1) for c in captions if (m := number.search(c)))


def test_table_numbers_are_the_seed_s(seed: Catalog, whole: tuple[Path, list[str]]) -> None:
    source = " ".join(SEED_DOCUMENT.read_text(encoding="utf-8").split())
    pdf, pages = whole
    captions = _captions(pdf)
    assert len(captions) == len(pages)
    parts = _parts(seed, pages)
    # Forslag 1 is published only as its row of the catalog's Tabel 2
    assert set(SEED_TABLES) == {p.id for p in seed.proposals} - {"F1"}
    for pid, expected in SEED_TABLES.items():
        part = parts[pid]
        first = pages.index(part[0])
        found = [c for page in captions[first : first + len(part)] for c in page]
        assert _numbers(found) == _numbers(expected), (pid, found)
        text = " ".join(part)
        for title in expected:
            assert title in source, title  # the list is the seed's
            assert title in text, (pid, title)


def test_f7_tabel_4_has_its_own_years(seed: Catalog, whole: tuple[Path, list[str]]) -> None:
    f7 = " ".join(_parts(seed, whole[1])["F7"])
    # its title says 2025 to 2029, its rows leave 2026-2029 blank; Tabel 2 stops at 2028
    tabel_4 = f7[f7.index("Tabel 4 viser de samlede") :]
    assert "område 2025 2026 2027 2028 2029 Effektivisering" in tabel_4


def test_headings_as_the_template_prints_them(seed: Catalog, whole: tuple[Path, list[str]]) -> None:
    parts = {pid: " ".join(pages) for pid, pages in _parts(seed, whole[1]).items()}
    # F2 and F3 number their administrative appendix on its own (test_printed_sections)
    for pid in ("BC01", "F4"):
        for heading in (
            "1. Beskrivelse af forslag (fremgangsmåde og effekt)",
            "2. Økonomi",
            "3. Implementering og opfølgning",
            "6. Hvem er hørt?",
            "7. Tekniske tabeller til korrektioner i Kvantum",
        ):
            assert parts[pid].count(heading) == 1, (pid, heading)
    # Forslag 5's template has no section 5: no empty heading for it
    assert "5. Effektivisering på administration" not in parts["F5"]
    # the charts are gevinst's own: they take no figure number from the proposal's text
    assert "Figur 1" not in parts["BC01"]


def test_a_long_table_says_it_continues(seed: Catalog, whole: tuple[Path, list[str]]) -> None:
    f7 = " ".join(_parts(seed, whole[1])["F7"])
    title = "Tabel 1. Fællesaftale indkøbseffektiviseringer til budget 2025 fordelt på " + (
        "indkøbsaftaler"
    )
    assert f"{title} (fortsat)" in f7
    assert f7.count(title) == 2  # the table and its continuation; no other Tabel 1


def test_a_catalog_entry_shows_its_row_only(seed: Catalog, whole: tuple[Path, list[str]]) -> None:
    f1 = section(" ".join(whole[1]), seed, "F1")
    assert "Forslaget er fortroligt (FORTROLIG)" in f1
    assert "6.419 6.419 6.419 6.419" in f1
    assert "3.630 OFS 23-24" in f1
    for detail in ("Tabel A", "2. Økonomi", "Tabel 1. Forslagets", "Tilbagebetalingstid"):
        assert detail not in f1


def test_a_page_as_png_for_people(whole: tuple[Path, list[str]]) -> None:
    pdf, pages = whole
    first = next(i for i, page in enumerate(pages, 1) if "1. Beskrivelse af forslag" in page)
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / "pdf-BC01-first-page"
    page = ["-f", str(first), "-l", str(first), "-singlefile"]
    subprocess.run(["pdftoppm", "-png", "-r", "80", *page, str(pdf), stem], check=True)
    assert stem.with_suffix(".png").stat().st_size > 20_000


def test_one_proposal_alone(seed: Catalog, tmp_path: Path) -> None:
    pages = render(seed, ExportOptions(proposal="BC01"), tmp_path / "bc01.pdf")
    text = " ".join(pages)
    # once before the closing list, which names it in the catalog row's differences
    assert (
        text[: text.index("Afvigelser fra de angivne tal")].count(
            "Samlet ferieløsning i Serviceportalen"
        )
        == 1
    )
    assert "Indhold" not in text
    assert "Oversigt over forslagene" not in text
    # the proposal's pages, then the closing list of differences, numbered on its own
    closing = next(i for i, page in enumerate(pages) if "Afvigelser fra de angivne tal" in page)
    assert f"Side 1 af {closing}" in pages[0]
    assert f"Side 1 af {len(pages) - closing}" in pages[closing]


def test_a_confidential_proposal_is_shown_only_when_asked(seed: Catalog, tmp_path: Path) -> None:
    bc01 = replace(seed.proposal("BC01"), confidential=True)
    cat = replace(seed, proposals=(bc01, *seed.proposals[1:]))
    public = " ".join(render(cat, ExportOptions(proposal="BC01"), tmp_path / "public.pdf"))
    assert "Forslaget er fortroligt (FORTROLIG)" in public
    # its catalog row, recomputed, where the catalog states 1.144 marked
    marks = Marks(select(cat, ExportOptions(proposal="BC01")), with_summary=False)
    m27, m28 = (marks.mark(Place(None, "catalog-1", "BC01", y)) for y in (2027, 2028))
    assert f"297 1.144 1.474{m27} 1.474{m28} 4.250 Budget 2025" in public
    for detail in ("Tabel A", "Kort resumé", "4 år (2028)", "Ferie, sygdom, barn syg"):
        assert detail not in public
    options = ExportOptions(proposal="BC01", include_confidential=True)
    full = " ".join(render(cat, options, tmp_path / "full.pdf"))
    assert "Forslaget er fortroligt (FORTROLIG)" in full
    assert "Tabel A" in full
    assert "4 år (2028)" in full


def test_user_text_is_never_typst_markup(seed: Catalog, tmp_path: Path) -> None:
    hostile = '#set page(width: 1cm) $x^2$ *fed* _skrå_ <mærke> @ref \\ `kode` ] [ // "'
    bc01 = replace(
        seed.proposal("BC01"), title=hostile, summary=hostile, description="#pagebreak()"
    )
    cat = replace(seed, proposals=(bc01,))
    text = " ".join(render(cat, ExportOptions(proposal="BC01"), tmp_path / "hostile.pdf"))
    assert f"BC01 {hostile}" in text
    assert "#pagebreak()" in text


def test_a_confidential_proposal_outside_the_catalog_tables(seed: Catalog, tmp_path: Path) -> None:
    bc01 = replace(seed.proposal("BC01"), confidential=True)
    cat = replace(seed, proposals=(bc01,), tables=())
    text = " ".join(render(cat, ExportOptions(proposal="BC01"), tmp_path / "alone.pdf"))
    assert "Forslaget er fortroligt (FORTROLIG)" in text
    assert "Samlet varig ændring 0 -297 -1.144 -1.474 -1.474 -1.474" in text
    assert "Samlede implementeringsomkostninger 0 2.000 2.250 0 0 0" in text
    assert "Tabel A" not in text


def test_the_pdf_is_reproducible(seed: Catalog, tmp_path: Path) -> None:
    options = ExportOptions(proposal="BC01")
    first = render_pdf(select(seed, options), options)
    assert first.startswith(b"%PDF-")
    assert render_pdf(select(seed, options), options) == first


def test_f7_target_accounting_is_printed_with_its_manko(seed: Catalog, tmp_path: Path) -> None:
    """Tabel 4 as the seed prints it: two tables, one a price basis, the manko in the first
    with its own label and styringsområde."""
    text = " ".join(render(seed, ExportOptions(proposal="F7"), tmp_path / "f7.pdf"))
    table = text[text.index("Tabel 4 viser") :]
    first = re.escape("1.000 kr. løbende p/l område 2025 2026 2027 2028 2029")
    second = re.escape("1.000 kr. 2025 p/l område 2025 2026 2027 2028 2029")
    assert re.search(
        f"{first} Effektivisering på indkøbsområdet Service -43.142 .*"
        "Måltal for effektivisering, årets priser Service -41.920 "
        f"Manko Service -1.222 Styrings\\S* {second} Varig ændring Service -43.142 "
        "Akkumuleret varig ændring Service -43.142",
        table,
    ), table[:800]


def _ten_years(p: Proposal) -> Proposal:
    """BC01 over 2024-2035: twelve year columns, its lines carried on at their last amount;
    nothing stated, so no figure carries a mark."""
    years = tuple(range(2024, 2036))

    def longer(line: Line) -> Line:
        last = line.amounts[2029]
        return replace(line, amounts=Series({**line.amounts, **dict.fromkeys(years[6:], last)}))

    return replace(p, years=years, lines=tuple(longer(line) for line in p.lines), stated=Stated())


def test_twelve_year_columns_fit(seed: Catalog, tmp_path: Path) -> None:
    wide = _ten_years(seed.proposal("BC01"))
    cat = replace(seed, proposals=(wide,))
    out = tmp_path / "wide.pdf"
    pages = render(cat, ExportOptions(proposal="BC01"), out)
    text = " ".join(pages)
    years = " ".join(str(y) for y in wide.years)
    assert f"område {years}" in text  # every column, in order, read back
    assert "Samlet varig ændring 0 -297 -1.144 " + " ".join(["-1.474"] * 9) in text
    # a landscape page: wider than high
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, check=True).stdout
    width, height = re.search(rb"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()  # type: ignore[union-attr]
    assert float(width) > float(height)
    # a row label has the room for several words a line, never one syllable a line
    raw = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True)
    lines = raw.stdout.decode("utf-8").splitlines()
    assert any(line.strip().startswith("Effektivisering ved administration af") for line in lines)


def test_years_never_get_a_thousands_separator(seed: Catalog, tmp_path: Path) -> None:
    years = BasisTable(
        id="aar",
        title="Investering pr. spor",
        columns=("Mio. kr.", "Fra", "Til"),
        rows=(
            BasisRow(
                "Spor 1", {"Mio. kr.": Decimal("15.6"), "Fra": Decimal(2025), "Til": Decimal(2027)}
            ),
            BasisRow("Spor 2", {"Mio. kr.": Decimal(2025), "Fra": Decimal(2024), "Til": None}),
        ),
    )
    bc01 = replace(seed.proposal("BC01"), basis=(years,))
    cat = replace(seed, proposals=(bc01,))
    text = " ".join(render(cat, ExportOptions(proposal="BC01"), tmp_path / "y.pdf"))
    assert "Spor 1 15,6 2025 2027" in text
    # an amount of 2.025 mio. kr. is an amount, with its separator; the years are years
    assert "Spor 2 2.025 2024" in text
    headers = re.findall(r"(?:20\d\d ){3,}", text)
    assert headers  # the year columns of the tables
    assert not re.search(r"\b2\.0\d\d (?:2\.0\d\d )+", text)


def test_f6_bilag_1_gives_the_address_its_width(
    seed: Catalog, whole: tuple[Path, list[str]]
) -> None:
    bilag = next(b for b in seed.proposal("F6").basis if b.id == "bilag-1")
    addresses = [str(r.values["Adresse"]) for r in bilag.rows]
    assert len(addresses) > 40
    raw = subprocess.run(
        ["pdftotext", "-layout", str(whole[0]), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    # every address on one line of its row, never broken into syllables
    assert [a for a in addresses if a not in raw] == []


def test_zeros_and_all_zero_rows_as_the_source_prints_them(
    seed: Catalog, whole: tuple[Path, list[str]]
) -> None:
    parts = {pid: " ".join(pages) for pid, pages in _parts(seed, whole[1]).items()}
    bc01 = parts["BC01"]
    tabel_a = bc01[bc01.index("Tabel A. Måltalseffekt og") :]
    # the seed's BC01 Tabel A prints "-" for a zero and keeps the rows with nothing in them
    for unit in ("Koncern IT", "Københavns Ejendomme", "Byggeri København"):
        assert f"{unit} - - - - - -" in tabel_a, unit
    assert "Koncernservice - -297 -594" in tabel_a
    # BC02's Tabel A leaves a zero blank, and its rows with nothing in them blank too
    bc02 = parts["BC02"]
    tabel_a = bc02[bc02.index("Tabel A. Måltalseffekt") : bc02.index("Tabel B.")]
    assert re.search(r"Økonomiudvalget -78 -78 -78 -78 -78 Koncernservice Koncern IT", tabel_a)


def test_no_note_is_printed_twice(seed: Catalog, whole: tuple[Path, list[str]]) -> None:
    parts = {pid: " ".join(pages) for pid, pages in _parts(seed, whole[1]).items()}
    sign = "Alle besparelser er angivet med negativt (-) fortegn."
    # Forslag 7's notes say it for each of its tables (1 to 4); not once more
    assert parts["F7"].count(sign) == 4
    assert parts["BC01"].count(sign) == 1
    assert (
        parts["BC01"].count("Noter til alle tabeller: Forslaget skal udarbejdes i 2025 p/l.") == 1
    )


def test_no_chart_alone_on_a_page(whole: tuple[Path, list[str]]) -> None:
    """A chart floats beside the text: every page with a chart is mostly text and tables (a
    chart alone, with its legend and axes, has some 60 words on its page)."""
    captions = (
        "Akkumuleret økonomisk påvirkning og tilbagebetalingstid",
        "Måltalseffekt pr. udvalg og år (Tabel A",
    )
    pages = [page for page in whole[1] if any(c in page for c in captions)]
    assert len(pages) == 7  # the catalog's and the six proposals with an investment
    assert all(len(page.split()) > 200 for page in pages)


def test_column_headers_keep_their_words_whole(whole: tuple[Path, list[str]]) -> None:
    """Header cells are set in white: read back with their font, none ends in a broken word
    but "Styrings-" (område), which the seed itself breaks so."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", str(whole[0])], capture_output=True, check=True
    ).stdout.decode("utf-8")
    white = set(re.findall(r'<fontspec id="(\d+)"[^>]*color="#ffffff"', xml))
    cells = re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', xml)
    headers = [re.sub("<[^>]+>", "", text) for font, text in cells if font in white]
    assert len(headers) > 300
    broken = {h for h in headers if h.endswith(("-", "\xad"))}
    assert broken == {"Styrings-"}


def test_f3_tabel_1_prints_its_service_subtotals_per_administration(
    seed: Catalog, whole: tuple[Path, list[str]]
) -> None:
    """As the seed prints them, derived from the lines' bookings: no merged service row."""
    f3 = section(" ".join(whole[1]), seed, "F3")
    for expected in (
        "Samlet varig ændring, service SOF Service 0 -1.000 -1.300 -1.500 -1.700 -1.700",
        "Samlet varig ændring, service BUF Service 0 -900 -1.150 -1.300 -1.200 -1.200",
        # the stated row leaves 2024 blank, as the seed prints it
        "Samlet varig ændring -1.900 -2.450",
        # the label wraps, as in the seed: its second line follows the figures
        "Samlede implementeringsomkostninger, Service 175 4.200 3.100 2.275 0 0 service (SOF)",
        "Samlede implementeringsomkostninger, Service 175 3.650 3.100 2.275 0 0 service (BUF)",
    ):
        assert expected in f3, expected
    assert "Samlet varig ændring, service Service" not in f3
    assert "Samlede implementeringsomkostninger, service Service" not in f3


def test_f7_tabel_3_has_its_key_column_and_biu_rows_as_the_seed(
    seed: Catalog, whole: tuple[Path, list[str]]
) -> None:
    """The seed's order, the share of each row ("Fordelingsnøgle") and Beskæftigelses- og
    Integrationsudvalget's two rows, one per styringsområde, derived from the lines."""
    f7 = section(" ".join(whole[1]), seed, "F7")
    table = f7[f7.index("Tabel 3. Fordeling") : f7.index("3. Implementering og opfølgning")]
    assert "Fordelingsnøgle 2025 2026 2027 2028" in table
    assert "Økonomiudvalget 8% -3.368" in table
    assert re.search(r"Integrationsudvalget – Servi\S* 4% -1.614 .* -1.614 \S*ce ", table)
    assert "1% -422 -422 -422 -422" in table
    assert "Integrationsudvalget -2.036" not in table
    order = ["Økonomiudvalget", "Integrationsudvalget", "Børne- og Ungdomsudvalget"]
    assert sorted(order, key=table.index) == order
    assert "Intern Revision 0% -5" in table
    assert re.search(r"Total 100% -43.564", table)


def test_bc02_prints_the_rows_and_headers_its_source_prints(
    seed: Catalog, whole: tuple[Path, list[str]]
) -> None:
    """Tabel 1's service implementation row, printed blank in the source; Tabel A's and B's
    committee rows left blank; the column 'Bevilling, profitcenter mv.*' and its note."""
    bc02 = section(" ".join(whole[1]), seed, "BC02")
    # the label wraps: its second line follows the blank cells, blank as in the source
    assert re.search(r"Samlede implementeringsomkostnin\S* Service ger, service", bc02)
    tabel_a = bc02[bc02.index("Tabel A. Måltalseffekt") : bc02.index("Tabel B.")]
    # the header wraps over three lines, the first column's text between them
    assert re.search(r"Bevilling, profitcenter Udvalg \(1.000 kr. 2025 p/l\) mv\.\* 2024", tabel_a)
    assert "Koncernservice Koncern IT Københavns Ejendomme Byggeri København Kultur-" in tabel_a
    assert "Teknik- og Miljøudvalget Beskæftigelses- og Integrationsudvalget Total" in tabel_a
    assert "* I forbindelse med godkendelse i Effektiviseringskredsen" in tabel_a


def test_a_blank_cell_of_the_source_stays_blank(
    seed: Catalog, whole: tuple[Path, list[str]]
) -> None:
    """BC02 leaves its Tabel 1's empty years and its administration table blank: the derived
    0 there is printed blank too; BC01 writes its administration's zeros out, and keeps them."""
    parts = {pid: " ".join(pages) for pid, pages in _parts(seed, whole[1]).items()}
    bc02 = parts["BC02"]
    assert "Samlet varig ændring, service Service -562 -562 -562 -562 -562 Samlet" in bc02
    # the implementation rows' labels wrap ("...omkostnin- ger, anlæg") after the figures
    assert "Anlæg 422 1.400 ger, anlæg" in bc02
    assert "omkostnin­ 422 1.400 ger Samlet økonomisk" in bc02
    assert "Varige ændringer totalt, administration Note:" in bc02
    # a line's year left out is blank, as the source prints its lines
    assert "båse Anlæg 372 Flytning af bom Anlæg 50 Systemunderstøttelse Anlæg 1.400 " in bc02
    assert "Varige ændringer totalt, administration 0 -297" in parts["BC01"]
