# SPDX-License-Identifier: MPL-2.0
"""The template's wording, in one place: the titles, headings, column labels and notes that
the template prints and every renderer prints alike, in each language a profile may choose
(``Profile.language``: "da" or "en"), with the profile's money, years and number format
(:class:`Printing`).

The Danish wording is the Copenhagen template's, word for word; the English is that of an
English council's business case. A proposal may word a heading otherwise or not print it
(``printed_headings`` in the data format); the data format names such a heading by its
Danish wording (:data:`TEMPLATE_HEADINGS`), whatever the language the documents print.

>>> from gevinst.core.calc import Payback
>>> pr = Printing(ENGLISH, Money("GBP", 1, 0, "£"), Periods(4))
>>> pr.figure(Decimal("-1474")), pr.year(2024), pr.prices(2024), pr.payback(Payback(4, 2027))
('-1,474', '2024/25', '£, 2024/25 prices', '4 years (2027/28)')
>>> dk_print = printing(None)
>>> dk_print.figure(Decimal("-1474")), dk_print.prices(2025), dk_print.payback(None)
('-1.474', '1.000 kr. 2025 p/l', 'ingen')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from gevinst.core.errors import InputError
from gevinst.core.model import (
    Booking,
    ByKey,
    FollowUpPhase,
    LineKind,
    Parts,
    RiskLevel,
    Section,
    ToUnit,
)
from gevinst.core.money import Money, Periods
from gevinst.core.numbers import currency, dk, en
from gevinst.core.profile import Profile

if TYPE_CHECKING:
    from gevinst.core.calc import Payback


@dataclass(frozen=True, eq=False)
class Wording:
    """Every fixed text the documents print, in one language. ``{...}`` fields are filled in
    by :class:`Printing` or the renderer that prints them."""

    language: str  # "da" or "en": the documents' language (typst's ``lang``, Word's)
    economy_title: str
    table_word: str  # "Tabel": a table's number is "<table_word> 1. <title>"
    admin_title: str
    followup_title: str
    distribution_title: str
    appropriation_header: str
    technical_note: str
    sign_note: str
    all_tables_note: str  # before the notes a proposal gives for all its tables
    admin_note: str
    technical_titles: Mapping[str, str]
    followup_phases: Mapping[FollowUpPhase, str]
    followup_columns: tuple[str, ...]
    sections: tuple[str, ...]
    section_headings: Mapping[Section, str]
    basis: str
    distribution: str
    partners: str
    appendices: str
    approval: str
    approval_and_answer: str
    yes_no: str
    yes: str
    no: str
    kind_names: Mapping[LineKind, str]
    section_names: Mapping[Section, str]
    key_booking: str  # "nøgle: {key}"
    parts_booking: str
    # Tabel 1's subtotal and total rows by their key (``calc.TABLE1_ROWS``)
    table1_rows: Mapping[str, str]
    payback_row: str  # "Tilbagebetalingstid baseret på {basis}"
    payback_bases: Mapping[str, str]
    payback_stated: str  # after a payback the proposal states: " (angivet)"
    payback_years: str  # "{years} år ({year})"
    payback_year: str  # one year: "1 år (2026)"
    payback_never: str
    prices: str  # the unit line: "{unit} {level} p/l"
    prices_cash: str  # the unit line of a body that counts in cash: "{unit}, løbende priser"
    area_header: str  # Tabel 1's styringsområde column (a soft hyphen where it may break)
    committee: str  # the technical tables' first column: "Udvalg"
    total: str  # a unit table's total row
    in_all: str  # a catalog table's total row
    row_total: str  # Tabel 1's column of each row's total over its years (template.table1_total)
    confidential: str
    summary_fields: tuple[str, ...]  # section 1: resumé, innovation, simplification, ...
    risk_level: str
    admin_total: str
    admin_net: str  # "Nettoeffekt på administrative udgifter, {prices}"
    entry_permanent: str
    entry_implementation: str
    # over a proposal known by its catalog row alone: a confidential one, a public summary
    entry_withheld: str
    entry_summary: str
    proposal_chart_caption: str
    proposal_chart_title: str  # "{id}: akkumuleret økonomisk påvirkning"
    proposal_chart_never: str
    chart_year_bars: str
    chart_cumulated: str
    chart_payback: str  # "Tilbagebetaling {year}"
    catalog_chart_title: str
    catalog_chart_caption: str
    catalog_chart_unit: str  # "{prices} (besparelser negative)"
    catalog_chart_note: str
    catalog_chart_summary_note: str
    overview: str
    summary_columns: tuple[str, str, str]  # committee / proposal, investment, approved with
    full_effect: str  # a catalog's column of the effect at full phase-in, with no year
    payback_column: str
    # a catalog's columns of a split by area: "Effekt {year}, {area}" (the table's last
    # year), "Investering, {area}"
    area_effect: str
    area_investment: str
    summary_unit: str
    # the PDF's page furniture: "(fortsat)", "Beløb i", "Side {page} af {pages}", the cover's
    # "Forslag" and "Beløb", the contents list's title
    continued: str
    amounts_in: str
    page_of: str
    cover_proposals: str
    cover_amounts: str
    contents: str
    contents_hint: str  # Word's contents list before it is updated
    # Word's own texts: section 1's questions, the confidential mark after a title, a catalog
    # row's first column and the note under it
    innovation_question: str
    simplification_question: str
    confidential_mark: str
    entry_first: str
    entry_note: str
    # the terminal's own texts (``gevinst show``): the technical tables' second column, the
    # summary's investment column, its closing line and the printed texts' headings
    appropriation: str
    invest_short: str
    steady_state_total: str
    text_headings: tuple[str, ...]
    # the technical tables' and 2.1's short names, where a proposal gives none
    table_names: Mapping[str, str]
    # the technical workbook's own texts: its sheets, notes, headers and helper rows, by name
    workbook: Mapping[str, str]
    # the closing list of stated figures that differ from the derived ones (its entries, the
    # check's findings, are in Danish whatever the language)
    deviations_title: str
    deviations_intro: str
    deviations_intro_as_stated: str
    deviations_columns: tuple[str, ...]
    outside_title: str
    outside_intro: str
    outside_columns: tuple[str, ...]
    # the open data package's titles and values, by their Danish wording (the Danish
    # wording's own map is empty: the package says them as written)
    open_data: Mapping[str, str]

    def open_data_text(self, danish: str) -> str:
        """A title or value of the open data package in this language."""
        return self.open_data.get(danish, danish)

    # the flat exports' columns (CSV)
    csv_columns: tuple[str, ...]
    # a proposal's risk level as it is worded (the data format reads either language's word)
    risk_levels: Mapping[RiskLevel, str]
    # the terminal's own texts beyond the documents' (gevinst pool, basis, targets, appraise,
    # followup, status, overview, check), by their Danish wording; the Danish wording's own
    # map is empty: it says them as written. ``{...}`` fields are filled in by the command
    terminal: Mapping[str, str]

    def term(self, danish: str) -> str:
        """A text of the terminal in this language.

        >>> ENGLISH.term("Til rådighed"), DANISH.term("Til rådighed")
        ('Available', 'Til rådighed')
        """
        return self.terminal.get(danish, danish)

    def table1_title(self) -> str:
        return f"{self.table_word} 1. {self.economy_title}"

    def admin_table_title(self) -> str:
        return f"{self.table_word} 2. {self.admin_title}"

    def numbered(self, number: int, title: str) -> str:
        return f"{self.table_word} {number}. {title}"

    def answer(self, value: bool | None) -> str:
        return {True: self.yes, False: self.no, None: ""}[value]

    def booking(self, booking: Booking | None) -> str:
        """Who carries a line: the unit, ``nøgle: NAME`` for a key, ``dele`` for printed
        parts."""
        if isinstance(booking, ToUnit):
            return booking.unit
        if isinstance(booking, ByKey):
            return self.key_booking.format(key=booking.key)
        if isinstance(booking, Parts):
            return self.parts_booking
        return ""


DANISH = Wording(
    language="da",
    economy_title="Forslagets samlede økonomiske konsekvenser",
    table_word="Tabel",
    admin_title="Varige ændringer, administration",
    followup_title="Forslagets opfølgningsmål",
    distribution_title="Fordeling på udvalg",
    appropriation_header="Bevilling, profitcenter mv.*",
    technical_note=(
        "* Det er forvaltningernes eget ansvar at udfylde de relevante oplysninger til teknisk "
        "udmøntning af forslaget."
    ),
    sign_note="Alle besparelser er angivet med negativt (-) fortegn.",
    all_tables_note="Noter til alle tabeller: ",
    admin_note=(
        "Note: Reducerede administrative udgifter angives med negativt (-) fortegn og øgede "
        "administrative udgifter angives med positivt (+) fortegn."
    ),
    technical_titles={
        "A": "Tabel A. Måltalseffekt – hvis forslaget indarbejdes (nettoeffektivisering)",
        "B": "Tabel B. Bevillingsmæssig effekt – varig drift",
        "C": (
            "Tabel C. Bevillingsmæssig effekt – hvis forslaget indarbejdes (bruttoeffektivisering)"
        ),
        "D": "Tabel D. Fordeling af anlægsinvesteringer mellem udvalg",
        "E": "Tabel E. Fordeling af serviceinvesteringer mellem udvalg",
    },
    followup_phases={
        FollowUpPhase.IMPLEMENTATION: "Implementering og anvendelse af investeringsmidler",
        FollowUpPhase.REALISATION: "Realisering af effektiviseringer",
    },
    followup_columns=(
        "Opfølgningsmål",
        "Hvordan måles opfølgningsmålet?",
        "Hvem er ansvarlig for opfølgning?",
        "Hvornår gennemføres opfølgningen?",
    ),
    sections=(
        "1. Beskrivelse af forslag (fremgangsmåde og effekt)",
        "2. Økonomi",
        "3. Implementering og opfølgning",
        "4. Risikovurdering",
        "5. Effektivisering på administration",
        "6. Hvem er hørt?",
        "7. Tekniske tabeller",
    ),
    section_headings={
        Section.PERMANENT: "Varige ændringer (effektiviseringer og drift)",
        Section.IMPLEMENTATION: "Implementeringsomkostninger",
    },
    basis="Grundlag for beregning af effektivisering",
    distribution="2.1 Fordeling på udvalg",
    partners="Relevante samarbejdspartnere i kommunen, der er inddraget",
    appendices="Bilagsoversigt",
    approval="Dato for godkendelse",
    approval_and_answer="Dato for godkendelse og evt. høringssvar",
    yes_no="Ja/Nej",
    yes="Ja",
    no="Nej",
    kind_names={
        LineKind.EFFICIENCY: "effektivisering",
        LineKind.OPERATING_COST: "driftsomkostning",
        LineKind.INCOME: "indtægt",
        LineKind.IMPLEMENTATION: "implementering",
    },
    section_names={Section.PERMANENT: "varig", Section.IMPLEMENTATION: "implementering"},
    key_booking="nøgle: {key}",
    parts_booking="dele",
    table1_rows={
        "varig_service": "Samlet varig ændring, service",
        "varig": "Samlet varig ændring",
        "impl_service": "Samlede implementeringsomkostninger, service",
        "impl_anlaeg": "Samlede implementeringsomkostninger, anlæg",
        "impl": "Samlede implementeringsomkostninger",
        "impact": "Samlet økonomisk påvirkning",
    },
    payback_row="Tilbagebetalingstid baseret på {basis}",
    payback_bases={"service": "serviceeffektivisering", "total": "totaløkonomi"},
    payback_stated=" (angivet)",
    payback_years="{years} år ({year})",
    payback_year="{years} år ({year})",
    payback_never="ingen",
    prices="{unit} {level} p/l",
    prices_cash="{unit}, løbende priser",
    area_header="Styrings\u00adområde",
    committee="Udvalg",
    total="Total",
    in_all="I alt",
    row_total="I alt",
    confidential="Forslaget er fortroligt (FORTROLIG)",
    summary_fields=(
        "Kort resumé",
        "Udspringer af et innovationsforslag",
        "Udspringer af arbejdsprogrammet for administrativ forenkling",
        "Fremstillende forvaltning",
        "Berørte forvaltninger",
    ),
    risk_level="Samlet risikovurdering",
    admin_total="Varige ændringer totalt, administration",
    admin_net="Nettoeffekt på administrative udgifter, {prices}",
    entry_permanent="Samlet varig ændring",
    entry_implementation="Samlede implementeringsomkostninger",
    entry_withheld="Kun forslagets række i katalogets oversigt offentliggøres.",
    entry_summary=(
        "Kataloget indeholder kun et resumé af forslaget. Tal, som resuméet ikke angiver, er "
        "ikke beregnet."
    ),
    proposal_chart_caption=(
        "Akkumuleret økonomisk påvirkning og tilbagebetalingstid (totaløkonomi)"
    ),
    proposal_chart_title="{id}: akkumuleret økonomisk påvirkning",
    proposal_chart_never=" (ingen tilbagebetaling)",
    chart_year_bars="Påvirkning i året",
    chart_cumulated="Akkumuleret påvirkning",
    chart_payback="Tilbagebetaling {year}",
    catalog_chart_title="Måltalseffekt pr. udvalg og år",
    catalog_chart_caption=(
        "Måltalseffekt pr. udvalg og år (Tabel A for hvert forslag, lagt sammen)"
    ),
    catalog_chart_unit="{prices} (besparelser negative)",
    catalog_chart_note="Fortrolige forslag uden tabeller indgår ikke.",
    catalog_chart_summary_note="Forslag, der kun foreligger som resumé, indgår ikke.",
    overview="Oversigt over forslagene",
    summary_columns=("Udvalg / forslag", "Samlet investering", "Godkendt med"),
    full_effect="Ved fuld indfasning",
    payback_column="Tilbagebetalingstid",
    area_effect="Effekt {year}, {area}",
    area_investment="Investering, {area}",
    summary_unit="Effektiviseringsbidrag (positive bidrag) og samlet investering",
    continued="(fortsat)",
    amounts_in="Beløb i",
    page_of="Side {page} af {pages}",
    cover_proposals="Forslag",
    cover_amounts="Beløb",
    contents="Indhold",
    contents_hint=(
        "Indholdsfortegnelsen opdateres, når dokumentet åbnes (ellers: højreklik, Opdater felt)."
    ),
    innovation_question="Her angives om forslaget udspringer af et innovationsforslag:",
    simplification_question=(
        "Her angives om forslaget udspringer af arbejdsprogrammet for administrativ forenkling "
        "og effektivisering:"
    ),
    confidential_mark=" (FORTROLIG)",
    entry_first="Forslag",
    entry_note="Effektiviseringsbidraget er vist som positivt bidrag, som i kataloget.",
    appropriation="Bevilling",
    invest_short="Invest.",
    steady_state_total="Varig virkning i alt",
    text_headings=(
        "Kort resumé",
        "Beskrivelse af forslag",
        "Økonomi",
        "Fordeling på udvalg",
        "Implementering og opfølgning",
        "Risikovurdering",
        "Effektivisering på administration",
        "Relevante samarbejdspartnere i kommunen, der er inddraget",
    ),
    table_names={
        "A": "Tabel A (måltalseffekt)",
        "B": "Tabel B (bevillingsmæssig effekt – varig drift)",
        "C": "Tabel C (bevillingsmæssig effekt hvis indarbejdes)",
        "D": "Tabel D (anlægsinvesteringer)",
        "E": "Tabel E (serviceinvesteringer)",
        "2.1": "Tabel 2.1 (fordeling på udvalg)",
    },
    workbook={
        "catalog_sheet": "Katalog",
        "lines_sheet": "Linjer",
        "deviations_sheet": "Afvigelser",
        "entry_only": (
            "Kun katalogets oplysninger om forslaget er offentliggjort; "
            "tabel 2.1 og de tekniske tabeller A-E findes ikke."
        ),
        "unbooked": (
            "Mindst én linje har ingen fordeling på udvalg; "
            "tabel 2.1 og de tekniske tabeller A-E kan ikke beregnes."
        ),
        "keys": "Fordelingsnøgler (vægte)",
        "key_unit": "Nøgle / udvalg",
        "key_name": "Navn i nøglen",
        "weight": "Vægt",
        "key": "Nøgle: {name}",
        "parts": "Linjer fordelt som trykt",
        "moves": "Flyttede budgetter (tabel B)",
        "from_to": "Fra → til",
        "move": "Flytning {n}",
        "group_placed": "Tabel A, placeret hos {where}",
        "group": "Tabel {name}",
        "apportioning": "Beregning af fordelingen (hjælperækker; største brøkdel som i gevinst)",
        "apportioning_note": (
            "Hver andel rundes ned til hele {unit}; de hele der mangler i gruppens "
            "afrundede sum gives til de største rester, ved lighed til den første."
        ),
        "exact_total": "I alt, eksakt",
        "sign": "Fortegn",
        "floor": "Rundet ned: {unit}",
        "rest": "Rest: {unit}",
        "missing": "Hele der mangler",
        "shared": "Fordelt: {unit}",
        "payback": "Beregning af tilbagebetalingstid (hjælperækker)",
        "year": "År",
        "basis": "Grundlag: {label}",
        "amount": "Beløb",
        "cumulated": "Kumuleret",
        "positive_years": "År med kumuleret over 0",
        "first_year": "Første år med beløb",
        "paid_back": "Tilbagebetalt i år",
        "years": "Antal år",
        "selection": (
            "Projektmappen har kun et udvalg af katalogets forslag; "
            "katalogets oversigtstabeller er udeladt."
        ),
        "no": "Nr.",
        "proposal": "Forslag",
        "contribution": "Effektiviseringsbidrag {year}",
        "steady_state": "Varig virkning",
        "positive": "Effektiviseringsbidrag er vist som positive tal.",
        "proposals": "Forslag i projektmappen",
        "sheet": "Ark",
        "title": "Titel",
        "type": "Type",
        "line": "Linje",
        "text": "Tekst",
        "kind": "Art",
        "area": "Styringsområde",
        "committee": "Udvalg",
        "amount_in": "Beløb ({unit})",
        "deviations_intro": (
            "Tallene i projektmappen er beregnet af forslagenes egne linjer. Hvor et tal, som "
            "forslaget eller kataloget angiver, afviger fra det beregnede, har cellen en note med "
            "afvigelsens nummer (samme nummer som i PDF- og Word-dokumentet). Listen har dem "
            "alle; kolonnen Celle fører til cellen, hvor projektmappen viser tallet."
        ),
        "cell": "Celle",
        "no_deviations": "Ingen: alle angivne tal er som de beregnede.",
        "deviation_note": "Afvigelse {mark}: ",
        "deviation": "angivet {stated}, beregnet {computed}: {explanation}",
        "versions": "Forslag|Version||Ark|Celle|Indtastning|Værdi||Ark|Række|Indhold",
    },
    deviations_title="Afvigelser fra de angivne tal",
    deviations_intro=(
        "Tallene i dokumentet er beregnet af forslagenes egne linjer. Hvor et tal, som forslaget "
        "eller kataloget angiver, afviger fra det beregnede, er cellen mærket med et hævet tal, "
        "der henviser til listen nedenfor. Det samme gælder, hvor forslagets egne tal ikke "
        "stemmer indbyrdes, fx en total, som ikke er summen af de rækker, forslaget selv angiver."
    ),
    deviations_intro_as_stated=(
        "Tallene i dokumentet er gengivet som angivet i det godkendte dokument. Hvor et angivet "
        "tal afviger fra det, som forslagenes egne linjer giver, er cellen mærket med et hævet "
        "tal, der henviser til listen nedenfor. Det samme gælder, hvor forslagets egne tal ikke "
        "stemmer indbyrdes, fx en total, som ikke er summen af de rækker, forslaget selv angiver."
    ),
    deviations_columns=("Mærke", "Hvor", "Angivet", "Beregnet", "Forklaring"),
    outside_title="Afvigelser uden for de trykte tabeller",
    outside_intro=(
        "Disse afvigelser står ikke i en mærket celle: de findes i forslagenes "
        "beregningsgrundlag (trykt som i forslaget eller ikke trykt), i katalogets oplysninger "
        "om forslagene og i forslagenes tekst, hvor et tal, teksten nævner, ikke stemmer med "
        "tabellerne."
    ),
    outside_columns=("Hvor", "Angivet", "Giver", "Forklaring"),
    open_data={},
    csv_columns=(
        "forslag",
        "forslagstitel",
        "linje",
        "tekst",
        "art",
        "afsnit",
        "styringsområde",
        "fordeling",
        "år",
        "beløb",
        "prisniveau",
        "skala",
        "art_kode",
        "afsnit_kode",
    ),
    risk_levels={RiskLevel.LOW: "lav", RiskLevel.MEDIUM: "middel", RiskLevel.HIGH: "høj"},
    terminal={},
)

ENGLISH = Wording(
    language="en",
    economy_title="Total financial consequences of the proposal",
    table_word="Table",
    admin_title="Permanent changes, administration",
    followup_title="Follow-up goals of the proposal",
    distribution_title="Distribution by committee",
    appropriation_header="Budget, cost centre etc.*",
    technical_note=(
        "* Once the proposal is approved, each directorate is responsible for providing the "
        "details needed to implement it in the budget."
    ),
    sign_note="All savings are shown as negative (-) figures.",
    all_tables_note="Notes to all tables: ",
    admin_note=(
        "Note: Reduced administrative costs are shown as negative (-) figures and increased "
        "administrative costs as positive (+) figures."
    ),
    technical_titles={
        "A": "Table A. Effect on the savings target – if the proposal is adopted (net saving)",
        "B": "Table B. Effect on budgets – permanent running costs",
        "C": "Table C. Effect on budgets – if the proposal is adopted (gross saving)",
        "D": "Table D. Capital investment by committee",
        "E": "Table E. Revenue investment by committee",
    },
    followup_phases={
        FollowUpPhase.IMPLEMENTATION: "Implementation and use of the investment",
        FollowUpPhase.REALISATION: "Realisation of savings",
    },
    followup_columns=(
        "Follow-up",
        "How is it measured?",
        "Who is responsible?",
        "When?",
    ),
    sections=(
        "1. Description of the proposal (approach and effect)",
        "2. Financial case",
        "3. Implementation and follow-up",
        "4. Risk assessment",
        "5. Savings on administration",
        "6. Who has been consulted?",
        "7. Technical tables for the budget",
    ),
    section_headings={
        Section.PERMANENT: "Permanent changes (savings and running costs)",
        Section.IMPLEMENTATION: "Implementation costs",
    },
    basis="Basis for calculating the savings",
    distribution="2.1 Distribution by committee",
    partners="Partners within the council who have been involved",
    appendices="Appendices",
    approval="Date of approval",
    approval_and_answer="Date of approval and any response",
    yes_no="Yes/No",
    yes="Yes",
    no="No",
    kind_names={
        LineKind.EFFICIENCY: "saving",
        LineKind.OPERATING_COST: "running cost",
        LineKind.INCOME: "income",
        LineKind.IMPLEMENTATION: "implementation",
    },
    section_names={Section.PERMANENT: "permanent", Section.IMPLEMENTATION: "implementation"},
    key_booking="key: {key}",
    parts_booking="parts",
    table1_rows={
        "varig_service": "Total permanent change, revenue",
        "varig": "Total permanent change",
        "impl_service": "Total implementation costs, revenue",
        "impl_anlaeg": "Total implementation costs, capital",
        "impl": "Total implementation costs",
        "impact": "Total financial impact",
    },
    payback_row="Payback period based on {basis}",
    payback_bases={"service": "revenue savings", "total": "total costs"},
    payback_stated=" (as stated)",
    payback_years="{years} years ({year})",
    payback_year="{years} year ({year})",
    payback_never="none",
    prices="{unit}, {level} prices",
    prices_cash="{unit}, cash prices",
    area_header="Budget area",
    committee="Committee",
    total="Total",
    in_all="Total",
    row_total="Total",
    confidential="The proposal is confidential",
    summary_fields=(
        "Summary",
        "Arises from an innovation proposal",
        "Arises from the programme for simpler administration",
        "Lead directorate",
        "Directorates affected",
    ),
    risk_level="Overall risk",
    admin_total="Total permanent change, administration",
    admin_net="Net effect on administrative costs, {prices}",
    entry_permanent="Total permanent change",
    entry_implementation="Total implementation costs",
    entry_withheld="Only the proposal's row in the catalogue's overview is published.",
    entry_summary=(
        "The catalogue holds only a summary of the proposal. Figures the summary does not "
        "state are not calculated."
    ),
    proposal_chart_caption="Cumulative financial impact and payback period (total costs)",
    proposal_chart_title="{id}: cumulative financial impact",
    proposal_chart_never=" (not paid back)",
    chart_year_bars="Impact in the year",
    chart_cumulated="Cumulative impact",
    chart_payback="Payback {year}",
    catalog_chart_title="Effect on the savings target by committee and year",
    catalog_chart_caption=(
        "Effect on the savings target by committee and year (Table A of each proposal, added up)"
    ),
    catalog_chart_unit="{prices} (savings negative)",
    catalog_chart_note="Confidential proposals without tables are not included.",
    catalog_chart_summary_note="Proposals known only by a summary are not included.",
    overview="Overview of the proposals",
    summary_columns=("Committee / proposal", "Total investment", "Approved with"),
    full_effect="Full-year effect",
    payback_column="Payback period",
    area_effect="Effect {year}, {area}",
    area_investment="Investment, {area}",
    summary_unit="Savings (positive contributions) and total investment",
    continued="(continued)",
    amounts_in="Amounts in",
    page_of="Page {page} of {pages}",
    cover_proposals="Proposals",
    cover_amounts="Amounts",
    contents="Contents",
    contents_hint="The contents list is updated when the document is opened (or: right-click, "
    "Update field).",
    innovation_question="Does the proposal arise from an innovation proposal?",
    simplification_question=(
        "Does the proposal arise from the programme for simpler administration and savings?"
    ),
    confidential_mark=" (CONFIDENTIAL)",
    entry_first="Proposal",
    entry_note="The saving is shown as a positive contribution, as in the catalogue.",
    appropriation="Budget",
    invest_short="Invest.",
    steady_state_total="Full-year effect in total",
    text_headings=(
        "Summary",
        "Description of the proposal",
        "Financial case",
        "Distribution by committee",
        "Implementation and follow-up",
        "Risk assessment",
        "Savings on administration",
        "Partners within the council who have been involved",
    ),
    table_names={
        "A": "Table A (effect on the savings target)",
        "B": "Table B (effect on budgets – permanent running costs)",
        "C": "Table C (effect on budgets if adopted)",
        "D": "Table D (capital investment)",
        "E": "Table E (revenue investment)",
        "2.1": "Table 2.1 (distribution by committee)",
    },
    workbook={
        "catalog_sheet": "Catalogue",
        "lines_sheet": "Lines",
        "deviations_sheet": "Deviations",
        "entry_only": (
            "Only the catalogue's information on the proposal is published; "
            "table 2.1 and the technical tables A-E do not exist."
        ),
        "unbooked": (
            "At least one line is not distributed on committees; "
            "table 2.1 and the technical tables A-E cannot be calculated."
        ),
        "keys": "Distribution keys (weights)",
        "key_unit": "Key / committee",
        "key_name": "Name in the key",
        "weight": "Weight",
        "key": "Key: {name}",
        "parts": "Lines distributed as printed",
        "moves": "Budgets moved (table B)",
        "from_to": "From → to",
        "move": "Move {n}",
        "group_placed": "Table A, placed with {where}",
        "group": "Table {name}",
        "apportioning": "Calculation of the distribution (helper rows; largest remainder)",
        "apportioning_note": (
            "Each share is rounded down to whole {unit}; the units missing from the group's "
            "rounded sum go to the largest remainders, ties to the first."
        ),
        "exact_total": "Total, exact",
        "sign": "Sign",
        "floor": "Rounded down: {unit}",
        "rest": "Remainder: {unit}",
        "missing": "Units missing",
        "shared": "Distributed: {unit}",
        "payback": "Calculation of the payback period (helper rows)",
        "year": "Year",
        "basis": "Basis: {label}",
        "amount": "Amount",
        "cumulated": "Cumulative",
        "positive_years": "Years with a cumulative amount above 0",
        "first_year": "First year with an amount",
        "paid_back": "Paid back in year",
        "years": "Number of years",
        "selection": (
            "The workbook holds a selection of the catalogue's proposals; "
            "the catalogue's summary tables are left out."
        ),
        "no": "No.",
        "proposal": "Proposal",
        "contribution": "Saving {year}",
        "steady_state": "Full-year effect",
        "positive": "Savings are shown as positive figures.",
        "proposals": "Proposals in the workbook",
        "sheet": "Sheet",
        "title": "Title",
        "type": "Type",
        "line": "Line",
        "text": "Text",
        "kind": "Kind",
        "area": "Budget area",
        "committee": "Committee",
        "amount_in": "Amount ({unit})",
        "deviations_intro": (
            "The workbook's figures are calculated from the proposals' own lines. Where a "
            "figure stated by a proposal or the catalogue differs from the calculated one, the "
            "cell has a note with the difference's number (the same number as in the PDF and "
            "Word documents). The list has them all; the Cell column leads to the cell where "
            "the workbook shows the figure."
        ),
        "cell": "Cell",
        "no_deviations": "None: every stated figure is as calculated.",
        "deviation_note": "Difference {mark}: ",
        "deviation": "stated {stated}, calculated {computed}: {explanation}",
        "versions": "Proposal|Version||Sheet|Cell|Input|Value||Sheet|Row|Content",
    },
    deviations_title="Differences from the stated figures",
    deviations_intro=(
        "The document's figures are calculated from the proposals' own lines. Where a figure "
        "stated by a proposal or the catalogue differs from the calculated one, the cell is "
        "marked with a raised number that refers to the list below. The same holds where a "
        "proposal's own figures do not agree, such as a total that is not the sum of its rows."
    ),
    deviations_intro_as_stated=(
        "The document's figures are printed as stated in the approved document. Where a stated "
        "figure differs from what the proposals' own lines give, the cell is marked with a "
        "raised number that refers to the list below. The same holds where a proposal's own "
        "figures do not agree, such as a total that is not the sum of its rows."
    ),
    deviations_columns=("Mark", "Where", "Stated", "Calculated", "Explanation"),
    outside_title="Differences outside the printed tables",
    outside_intro=(
        "These differences are in no marked cell: they are in the proposals' calculation "
        "basis, in the catalogue's information on the proposals and in the proposals' text, "
        "where a figure the text gives does not agree with the tables."
    ),
    outside_columns=("Where", "Stated", "Gives", "Explanation"),
    open_data={
        "Forslag": "Proposal",
        "Forslagets titel": "Title of the proposal",
        "Budgetfase": "Budget phase",
        "Budgetfase (kode)": "Budget phase (code)",
        "Teknisk tabel": "Technical table",
        "Tabellens navn": "Name of the table",
        "Afsnit": "Section",
        "Afsnit (kode)": "Section (code)",
        "Styringsområde": "Budget area",
        "Udvalg eller bevilling": "Committee or budget",
        "Udvalgets eller bevillingens navn": "Name of the committee or budget",
        "Udvalg": "Committee",
        "Udvalgets navn": "Name of the committee",
        "År": "Year",
        "Beløb": "Amount",
        "Prisniveau (p/l)": "Price base (year)",
        "Linje": "Line",
        "Tekst": "Text",
        "Art": "Kind",
        "Art (kode)": "Kind (code)",
        "Fordeling": "Booking",
        "Linje i Tabel 1": "Line of Table 1",
        "Art og afsnit": "Kind and section",
        "Udvalg og bevilling": "Committee and budget",
        "Kommune": "Council",
        "foreslået": "proposed",
        "godkendt": "approved",
        "Tabel A, D og E: beløb pr. forslag, udvalg eller bevilling og år": (
            "Tables A, D and E: amounts by proposal, committee or budget and year"
        ),
        "Tabel 1: forslagenes linjer pr. år": "Table 1: the proposals' lines by year",
        "Beløb pr. udvalg (Tabel A, D og E)": "Amount by committee (Tables A, D and E)",
        "Beløb pr. linje (Tabel 1)": "Amount by line (Table 1)",
        "Besparelser og indtægter er negative, udgifter positive.": (
            "Savings and income are negative, costs positive."
        ),
    },
    csv_columns=(
        "proposal",
        "proposal_title",
        "line",
        "text",
        "kind",
        "section",
        "budget_area",
        "booking",
        "year",
        "amount",
        "price_level",
        "scale",
        "kind_code",
        "section_code",
    ),
    risk_levels={RiskLevel.LOW: "low", RiskLevel.MEDIUM: "medium", RiskLevel.HIGH: "high"},
    terminal={
        # gevinst pool
        "Investeringspuljen, {round}{source}": "Investment pool, {round}{source}",
        " (kilde: {source})": " (source: {source})",
        " (kataloget angiver ingen pulje)": " (the catalogue states no pool)",
        "Til rådighed": "Available",
        "Ansøgt i alt": "Requested in all",
        "Rest (+) / mangler (-)": "Remaining (+) / short (-)",
        "I alt": "Total",
        " (uden år: {amount})": " (no year: {amount})",
        # gevinst basis
        "Beregningsgrundlag for {id} {title}": "Calculation basis for {id} {title}",
        "{id} har intet beregningsgrundlag som effektmodeller (effects).": (
            "{id} has no calculation basis as effect models (effects)."
        ),
        "Fælles antagelser pr. {day}; beløb i {prices}.": (
            "Shared assumptions as of {day}; amounts in {prices}."
        ),
        "Model:": "Model:",
        "Indfasning:": "Phase-in:",
        "Parametre:": "Parameters:",
        "Beregning:": "Calculation:",
        "Grundlaget": "The basis",
        "Linjen i Tabel 1": "The line in Table 1",
        "Linjerne i Tabel 1 i alt": "The lines in Table 1 in all",
        "Forskel (linje - grundlag)": "Difference (line - basis)",
        "Grundlaget giver ikke linjens beløb i {years}.": (
            "The basis does not give the line's amounts in {years}."
        ),
        "Grundlaget giver linjens beløb.": "The basis gives the line's amounts.",
        # gevinst check (its summary and headers; the findings' messages are the core's)
        "forslag": "proposal",
        "fejl": "errors",
        "advarsler": "warnings",
        "katalog": "catalogue",
        "tabel {table}": "table {table}",
        "{findings} fund i {proposals} forslag: {error} fejl, {warning} advarsler, {info} info": (
            "{findings} findings in {proposals} proposals: {error} errors, {warning} warnings, "
            "{info} info"
        ),
        # gevinst targets
        "Kataloget har ingen måltal.": "The catalogue has no targets.",
        "Udvalg": "Committee",
        "År": "Year",
        "Måltal": "Target",
        "Opnået": "Achieved",
        "Manko": "Shortfall",
        "nået": "met",
        "ikke nået": "not met",
        "ingen": "none",
        "Tæller med: {counted}. Manko = opnået - måltal; besparelser er negative.": (
            "Counted: {counted}. Shortfall = achieved - target; savings are negative."
        ),
        "Kilde: {source}": "Source: {source}",
        # gevinst followup
        "forfalden": "overdue",
        "aktuel": "due",
        "kommende": "upcoming",
        "ikke begyndt": "not started",
        "på vej": "on track",
        "forsinket": "late",
        "Ingen opfølgningsmål.": "No follow-up goals.",
        # gevinst status
        "Skift:": "Steps taken:",
        "Ingen skift, du kan foretage herfra.": "No steps you can take from here.",
        "Næste skift (gevinst move KATALOG ID SKIFT):": (
            "Next steps (gevinst move CATALOGUE ID STEP):"
        ),
        "kan ske nu": "can be taken now",
        "mangler:": "missing:",
        # gevinst overview
        "{round}, set fra {as_of}: {n} forslag ({states})": (
            "{round}, as of {as_of}: {n} proposals ({states})"
        ),
        "{waiting} venter på noget; {questions} høringer ubesvarede; {requests} "
        "ændringsanmodninger venter; {overdue} opfølgningsmål mangler dokumentation": (
            "{waiting} waiting for something; {questions} consultations unanswered; "
            "{requests} change requests waiting; {overdue} follow-up goals lack evidence"
        ),
        "{n} fortrolige forslag er ikke vist": "{n} confidential proposals are not shown",
        " (godkendt med {approved_with})": " (approved with {approved_with})",
        "kan ske nu: {steps}": "can be taken now: {steps}",
        "venter: {id} ({label})": "waiting: {id} ({label})",
        "høring af {body}, svar senest {due}{overdue}": (
            "consultation of {body}, answer due {due}{overdue}"
        ),
        " (forfalden)": " (overdue)",
        "åbne kommentarer: {n}": "open comments: {n}",
        "ændringsanmodning {number} venter på CFØ": "change request {number} awaits a decision",
        "opfølgningsmål uden dokumentation:": "follow-up goals without evidence:",
        "{goal} ({responsible}): {n} gang(e), ældste frist {since}": (
            "{goal} ({responsible}): {n} time(s), earliest deadline {since}"
        ),
        # gevinst appraise (the switching values' groups and rates by the core's Danish
        # labels, and the schedule's years, further down)
        "Vurdering af mulighederne mod nulalternativet": (
            "Appraisal of the options against the do-nothing baseline"
        ),
        "Horisont {first}-{last} (år 0 = {first}). Diskontering: {label}, {rates} "
        "({reference}, gælder fra {start}).": (
            "Horizon {first}-{last} (year 0 = {first}). Discounting: {label}, {rates} "
            "({reference}, valid from {start})."
        ),
        "Finansiering: anlægsudgiften betales af egne midler (reserves) det år den afholdes.": (
            "Funding: the capital cost is paid from reserves in the year it is incurred."
        ),
        "Finansiering: lån over {term} år til {rate}{source}, annuitet fra året efter "
        "udgiften; kun finansieringsudgiften tælles, ikke også anlægsudgiften.": (
            "Funding: borrowing over {term} years at {rate}{source}, an annuity from the year "
            "after the cost; only the financing cost is counted, not the capital cost as well."
        ),
        "Optimism bias: ingen projekttype angivet.": "Optimism bias: no project type given.",
        "Optimism bias: {label}, øvre grænse {upper}, anvendt {applied} på {base} ({source}).": (
            "Optimism bias: {label}, upper bound {upper}, {applied} applied to {base} ({source})."
        ),
        "anlægsudgiften": "the capital cost",
        "driftsudgifterne": "the revenue costs",
        "Nutidsværdier; omkostninger positive, gevinster negative (negativ NPV er en gevinst)": (
            "Present values; costs positive, benefits negative (a negative NPV is a net gain)"
        ),
        "Omkostninger i alt (nutidsværdi)": "Total costs (present value)",
        "Eksisterende budgetter modregnet": "Existing budgets offset",
        "Gevinster, kontante (cashable)": "Cashable benefits",
        "Gevinster, ikke-kontante (non-cashable)": "Non-cashable benefits",
        "Nutidsværdi (NPV)": "Net present value (NPV)",
        "NPV, kun kontante gevinster": "NPV, cashable benefits only",
        "NPV mod nulalternativet": "NPV against do nothing",
        "NPV mod nulalternativet, kun kontante": "NPV against do nothing, cashable only",
        "Cost-benefit-forhold (BCR)": "Benefit-cost ratio (BCR)",
        "Tilbagebetalingstid": "Payback period",
        "Tilbagebetalingstid, kun kontante": "Payback period, cashable only",
        "Optimism bias lagt til (i alt)": "Optimism bias added (in all)",
        "Finansieringsudgift i horisonten": "Financing cost within the horizon",
        "Risikopulje (PERT, i alt)": "Risk pool (PERT, in all)",
        "Restgæld ved horisontens slutning": "Debt outstanding at the horizon's end",
        "Skifteværdier for {option}: hvor meget en gruppe kan ændre sig, før NPV mod "
        "nulalternativet bliver 0": (
            "Switching values for {option}: how far a group may change before the NPV against "
            "do nothing is 0"
        ),
        "{label}: ingen (nutidsværdi 0)": "{label}: none (present value 0)",
        "{label}: {change} (nutidsværdi {pv} -> {at})": (
            "{label}: {change} (present value {pv} -> {at})"
        ),
        "skifter ikke mellem 0 % og 100 %": "does not switch between 0 % and 100 %",
        "NPV mod nulalternativet er 0 ved {rate}": "the NPV against do nothing is 0 at {rate}",
        "{label}: {at_rate} (anvendt {used})": "{label}: {at_rate} (used {used})",
        "Nøglebeslutning (key decision): {answer}, tærskel {threshold}": (
            "Key decision: {answer}, threshold {threshold}"
        ),
        "ja": "yes",
        "nej": "no",
        "Risikopuljen er summen af PERT-middelværdierne (lav + 4 × sandsynlig + høj) / 6.": (
            "The risk pool is the sum of the PERT means (low + 4 × likely + high) / 6."
        ),
        # the documents' options appraisal (documents/appraisal.py), besides the rows above;
        # the switching values' and rates' labels by the core's Danish wording
        "Vurdering af alternativer": "Options appraisal",
        "Alternativerne mod nulalternativet, nutidsværdier": (
            "The options against do nothing, present values"
        ),
        "Rolle": "Role",
        "Nulalternativ": "Do nothing (baseline)",
        "Minimumsalternativ": "Do minimum",
        "Foretrukket alternativ": "Preferred option",
        "Andet alternativ": "Other option",
        "Horisont": "Horizon",
        "{first}-{last} (år 0 = {first})": "{first}-{last} (year 0 = {first})",
        "Diskontering": "Discounting",
        "{label} ({reference}), gælder fra {start}": "{label} ({reference}), valid from {start}",
        "Finansiering": "Funding",
        "lån over {term} år til {rate}{source}; finansieringsudgiften (annuitet fra året efter "
        "udgiften) tælles i stedet for anlægsudgiften": (
            "borrowing over {term} years at {rate}{source}; the financing cost (an annuity from "
            "the year after the cost) is counted instead of the capital cost"
        ),
        "egne midler (reserves): anlægsudgiften tælles det år, den afholdes": (
            "reserves: the capital cost counts in the year it is incurred"
        ),
        "{label}: øvre grænse {upper}, anvendt {applied} på {base} ({source})": (
            "{label}: upper bound {upper}, {applied} applied to {base} ({source})"
        ),
        "ingen projekttype angivet": "no project type given",
        "Risikopulje": "Risk pool",
        "Nøglebeslutning": "Key decision",
        "{answer} (tærskel {threshold})": "{answer} (threshold {threshold})",
        "Diskonteringsrente": "Discount rate",
        "Rente": "Rate",
        "år {first}-{last}": "years {first}-{last}",
        "fra år {first}": "from year {first}",
        "Risici (trepunktsestimater)": "Risks (three-point estimates)",
        "Alternativ": "Option",
        "Risiko": "Risk",
        "Lav": "Low",
        "Sandsynlig": "Likely",
        "Høj": "High",
        "Forventet (PERT)": "Expected (PERT)",
        "Gruppe": "Group",
        "Nutidsværdi": "Present value",
        "Skifteværdi": "Switching value",
        "Nutidsværdi ved skift": "Present value at the switch",
        "Anvendt": "Used",
        "NPV mod nulalternativet er 0 ved": "NPV against do nothing is 0 at",
        "skifter ikke": "does not switch",
        "omkostninger i alt": "total costs",
        "kontante gevinster (cashable)": "cashable benefits",
        "ikke-kontante gevinster (non-cashable)": "non-cashable benefits",
        "diskonteringsrente (samme hvert år)": "discount rate (the same every year)",
        "lånets rente": "the loan's rate",
        # gevinst realisation show
        "Realiseret effekt mod planlagt (Tabel A), {unit}": (
            "Realised effect against planned (Table A), {unit}"
        ),
        "Forbrug mod bevilget investering (Tabel D og E), {unit}": (
            "Spending against the investment granted (Tables D and E), {unit}"
        ),
        "planlagt": "planned",
        "realiseret": "realised",
        "forskel": "difference",
        "Fortrolige forslag ({ids}) indgår kun med deres planlagte tal, som kataloget "
        "offentliggør dem.": (
            "Confidential proposals ({ids}) count only with their planned figures, as the "
            "catalogue publishes them."
        ),
        "udgangspunkt {value} ({day}, {source})": "baseline {value} ({day}, {source})",
        "måling {day}: {value} ({who}){note}": "measurement {day}: {value} ({who}){note}",
        # gevinst rounds
        "Forslag": "Proposal",
        "Runde": "Round",
        # gevinst whatif (what changed and the notes are the core's own text)
        "før": "before",
        "efter": "after",
        "Tilbagebetalingstid baseret på {basis}: {before} → {after}": (
            "Payback period based on {basis}: {before} → {after}"
        ),
        "Linjer med beregningsgrundlag, der ændres:": "Lines with a calculation basis that change:",
        "Fordeling på udvalg, udvalg der ændres:": (
            "Distribution by committee, the committees that change:"
        ),
        "Ingen af forslagets tal ændres.": "None of the proposal's figures change.",
        "Nutidsværdi af samlet økonomisk påvirkning (totaløkonomi), år 0 = {first} til år "
        "{n} = {last}, {unit}:": (
            "Present value of the total financial impact, year 0 = {first} to year {n} = "
            "{last}, {unit}:"
        ),
        "{value} ved {rate}": "{value} at {rate}",
        "før {before} ved {rate_before}, efter {after} ved {rate_after}, forskel {diff}": (
            "before {before} at {rate_before}, after {after} at {rate_after}, difference {diff}"
        ),
        "Renten: {source}": "The rate: {source}",
        "Renten før: {source}": "The rate before: {source}",
        "Renten efter: {source}": "The rate after: {source}",
        "År t diskonteres med (1 + r)^t; efter tabellens sidste år regnes med den varige "
        "virkning. Negativ nutidsværdi er en nettogevinst (besparelser har negativt fortegn).": (
            "Year t is discounted by (1 + r)^t; after the table's last year the permanent "
            "effect is counted. A negative present value is a net gain (savings are negative)."
        ),
        "Følsomhed: varig virkning ({unit}) og tilbagebetalingstid, når ét input ændres "
        "ad gangen": (
            "Sensitivity: permanent effect ({unit}) and payback period, one input changed at a time"
        ),
        "Grundlaget: varig virkning {effect}, tilbagebetalingstid {service} (service) / "
        "{total} (total)": (
            "The basis: permanent effect {effect}, payback period {service} (service) / "
            "{total} (total)"
        ),
        "input": "input",
        "værdi": "value",
        "tilbagebetalingstid, total": "payback period, total",
        "tilbagebetalingstid, service": "payback period, service",
        "Trepunktsestimat: {label}": "Three-point estimate: {label}",
        "varig virkning": "full effect",
        "tilbagebet. service": "payback, service",
        "tilbagebet. total": "payback, total",
        "lav": "low",
        "mest sandsynlig": "most likely",
        "høj": "high",
        "Spænd for varig virkning: {low} til {high}": (
            "Range of the permanent effect: {low} to {high}"
        ),
        "Forventet varig virkning (PERT: (lav + 4 × mest sandsynlig + høj) / 6): {value}": (
            "Expected permanent effect (PERT: (low + 4 × most likely + high) / 6): {value}"
        ),
        "Hvad nu hvis – {id} {title}": "What if – {id} {title}",
        "Ændringer:": "Changes:",
        "Bemærk:": "Note:",
        "Hvad nu hvis – kataloget {id}": "What if – the catalogue {id}",
        "Intet forslags beregningsgrundlag bruger antagelsen; intet ændres.": (
            "No proposal's calculation basis uses the assumption; nothing changes."
        ),
        "Forslag, hvis beregningsgrundlag bruger antagelsen: {ids}": (
            "Proposals whose calculation basis uses the assumption: {ids}"
        ),
        "Bemærk: {note}": "Note: {note}",
        "Katalogets tabeller (effektiviseringsbidrag som positive tal):": (
            "The catalogue's tables (efficiency contributions as positive figures):"
        ),
        "{title}: uændret": "{title}: unchanged",
        "varig virkning i alt: {before} → {after} (forskel {diff})": (
            "permanent effect in all: {before} → {after} (difference {diff})"
        ),
    },
)

WORDINGS = {w.language: w for w in (DANISH, ENGLISH)}


def wording(language: str) -> Wording:
    """The wording of a profile's language."""
    try:
        return WORDINGS[language]
    except KeyError:
        raise InputError(f"ukendt sprog: {language!r} (da eller en)") from None


class _Result(Protocol):
    years: int
    year: int


_FIGURES: Mapping[str, Callable[..., str]] = {"da": dk, "en": en}


@dataclass(frozen=True)
class Printing:
    """How a profile's documents print: its wording, money and years, and figures in its
    language's number format with the money's decimals."""

    words: Wording
    money: Money
    periods: Periods

    @property
    def language(self) -> str:
        """The wording's language, "da" or "en" (a :class:`~gevinst.core.basis_words.Voice`)."""
        return self.words.language

    @property
    def unit(self) -> str:
        """The money's label over a table: "1.000 kr.", "£000"."""
        return self.money.label

    def figure(self, amount: Decimal | None, blank: str = "", places: int | None = None) -> str:
        """A figure in the language's format ("-1.474" / "-1,474"); an amount with the
        money's decimals where it has some ("1,5" mio. kr.)."""
        if places is None and self.money.decimals and amount is not None:
            places = self.money.decimals
        return str(_FIGURES[self.words.language](amount, blank, places))

    def currency(self, amount: Decimal) -> str:
        """A sum in whole units of the profile's currency, with its sign: "£500,000",
        "500.000 kr." (a threshold, not an amount of a table's scale)."""
        return currency(amount, self.money.currency, self.words.language)

    def plain(self, amount: Decimal | None, blank: str = "") -> str:
        """A figure in the language's format as it is, whatever the money's decimals (a
        count, a share, a parameter of the basis)."""
        return str(_FIGURES[self.words.language](amount, blank))

    def year(self, year: int) -> str:
        """A year as a column prints it: "2025", "2024/25"."""
        return self.periods.label(year)

    def prices(self, level: int | str) -> str:
        """The unit line of a table: "1.000 kr. 2025 p/l", "£, 2024/25 prices"; for a body
        that counts in cash, "£, cash prices" whatever the level.

        >>> cash = Printing(ENGLISH, Money("GBP", 1, 0, "£", prices="cash"), Periods(4))
        >>> cash.prices(2025)
        '£, cash prices'
        """
        if self.money.prices == "cash":
            return self.words.prices_cash.format(unit=self.unit)
        shown = self.year(level) if isinstance(level, int) else level
        return self.words.prices.format(unit=self.unit, level=shown)

    def payback(self, result: Payback | _Result | None) -> str:
        """A payback as Tabel 1 prints it: "4 år (2028)", "4 years (2027/28)"."""
        if result is None:
            return self.words.payback_never
        form = self.words.payback_year if result.years == 1 else self.words.payback_years
        return form.format(years=result.years, year=self.year(result.year))

    def payback_row(self, basis: str, stated: bool = False) -> str:
        label = self.words.payback_row.format(basis=self.words.payback_bases[basis])
        return label + (self.words.payback_stated if stated else "")

    def read_payback(self, text: str) -> ReadPayback | None:
        """A payback as a document of this profile writes it, read: whole years and the year
        paid back, as Tabel 1 prints them ("4 år (2028)", "4 years (2028/29)", the year
        optional, the word optional, in any language gevinst prints: a Danish payback in an
        English catalog is still read); ``never`` for "ingen" ("none"); None where it is not
        whole years ("3,5 år"), which then stands as stated.

        >>> from gevinst.core.money import Periods
        >>> english = Printing(ENGLISH, Money("GBP", 1, 0, "£"), Periods(4))
        >>> english.read_payback("4 years (2028/29)"), english.read_payback("1 year")
        (ReadPayback(years=4, year=2028, never=False), ReadPayback(years=1, year=None, never=False))
        >>> printing(None).read_payback("4 år (2028)"), printing(None).read_payback("3,5 år")
        (ReadPayback(years=4, year=2028, never=False), None)
        >>> english.read_payback("None").never
        True
        """
        if text.strip().casefold() in {w.payback_never.casefold() for w in WORDINGS.values()}:
            return ReadPayback(0, None, never=True)
        forms = (form for w in WORDINGS.values() for form in (w.payback_years, w.payback_year))
        match = _payback_pattern(*forms).match(text)
        if match is None:
            return None
        year = match["year"]
        return ReadPayback(int(match["years"]), int(year[:4]) if year else None)


@dataclass(frozen=True)
class ReadPayback:
    """A payback read from its text (:meth:`Printing.read_payback`)."""

    years: int
    year: int | None
    never: bool = False


@cache
def _payback_pattern(*forms: str) -> re.Pattern[str]:
    """The words of a payback's forms ("{years} år ({year})"), each optional, around whole
    years and a calendar or financial year label ("2028", "2028/29")."""
    words = sorted({w for form in forms for w in re.findall(r"[^\W\d_]+", form)})
    word = f"(?:{'|'.join(map(re.escape, words))})" if words else "(?!)"
    return re.compile(
        rf"^\s*(?P<years>\d+)\s*{word}?\s*(?:\((?P<year>\d{{4}}(?:/\d{{2}})?)\))?\s*$",
        re.IGNORECASE,
    )


# the texts a profile may word its own way (``template.wording``), by name: a text of the
# wording, a section heading by its number ("sections.7"), a group of Tabel 1 by its section
# ("section_headings.implementation"), a technical table's title ("technical_titles.A")
_SEPARATE = ("sections", "section_headings", "technical_titles")


def wording_problem(name: str) -> str | None:
    """Why ``name`` is not a text a profile can word its own way, or None where it is.

    >>> wording_problem("technical_note"), wording_problem("sections.7")
    (None, None)
    >>> wording_problem("sections.9")
    'sections.9: skabelonen har afsnit 1 til 7'
    """
    field, _, part = name.partition(".")
    if field == "sections":
        count = len(DANISH.sections)
        if not (part.isdigit() and 1 <= int(part) <= count):
            return f"{name}: skabelonen har afsnit 1 til {count}"
        return None
    if field == "section_headings":
        known = [s.value for s in Section]
        return None if part in known else f"{name}: kendte afsnit er {', '.join(known)}"
    if field == "technical_titles":
        known = list(DANISH.technical_titles)
        return None if part in known else f"{name}: kendte tabeller er {', '.join(known)}"
    if not part and isinstance(getattr(DANISH, field, None), str) and field != "language":
        return None
    return f"{name}: ukendt tekst i skabelonen"


def reworded(words: Wording, own: Mapping[str, str]) -> Wording:
    """``words`` with the texts a profile words its own way (:func:`wording_problem` says
    which may be).

    >>> reworded(DANISH, {"sections.7": "7. Tekniske tabeller til Opus"}).sections[6]
    '7. Tekniske tabeller til Opus'
    """
    if not own:
        return words
    fields: dict[str, Any] = {}
    sections = list(words.sections)
    headings = dict(words.section_headings)
    titles = dict(words.technical_titles)
    for name, text in own.items():
        field, _, part = name.partition(".")
        if field == "sections":
            sections[int(part) - 1] = text
        elif field == "section_headings":
            headings[Section(part)] = text
        elif field == "technical_titles":
            titles[part] = text
        else:
            fields[field] = text
    return replace(
        words,
        sections=tuple(sections),
        section_headings=headings,
        technical_titles=titles,
        **fields,
    )


@cache
def _printing(
    language: str, money: Money, periods: Periods, own: tuple[tuple[str, str], ...] = ()
) -> Printing:
    return Printing(reworded(wording(language), dict(own)), money, periods)


def printing(profile: Profile | None) -> Printing:
    """How ``profile``'s documents print: its language's wording with the texts it words its
    own way, its money and years; Danish in 1.000 kr. and calendar years without one."""
    if profile is None:
        return _printing("da", Money(), Periods())
    own = tuple(sorted(profile.template.wording.items()))
    return _printing(profile.language, profile.money, profile.periods, own)


# The Danish wording by its former names, which the data format, the web application's
# editor and the core's checks read (a heading a proposal rewords is named by its Danish text)
ECONOMY_TITLE = DANISH.economy_title
TABLE1_TITLE = DANISH.table1_title()
ADMIN_TITLE = DANISH.admin_title
ADMIN_TABLE_TITLE = DANISH.admin_table_title()
FOLLOWUP_TITLE = DANISH.followup_title
DISTRIBUTION_TITLE = DANISH.distribution_title
APPROPRIATION_HEADER = DANISH.appropriation_header
SIGN_NOTE = DANISH.sign_note
ADMIN_NOTE = DANISH.admin_note
TECHNICAL_TITLES = DANISH.technical_titles
FOLLOWUP_PHASES = DANISH.followup_phases
FOLLOWUP_COLUMNS = DANISH.followup_columns
# The data format names the template's headings by the words of the template it was first
# written for, Copenhagen's (a proposal's ``printed_headings``); what a body prints is its
# profile's wording (``template.wording``), Danish or English
SECTIONS = (*DANISH.sections[:6], "7. Tekniske tabeller til korrektioner i Kvantum")
SECTION_HEADINGS = {
    **DANISH.section_headings,
    Section.IMPLEMENTATION: "Implementeringsomkostninger (midler fra investeringspuljen)",
}
BASIS = DANISH.basis
DISTRIBUTION = DANISH.distribution
PARTNERS = DANISH.partners
APPENDICES = DANISH.appendices
# the template's headings and Tabel 1's group rows, which a proposal may word otherwise or
# not print (``printed_headings`` in the data format)
TEMPLATE_HEADINGS = (
    *SECTIONS,
    BASIS,
    DISTRIBUTION,
    PARTNERS,
    *SECTION_HEADINGS.values(),
)
APPROVAL = DANISH.approval
APPROVAL_AND_ANSWER = DANISH.approval_and_answer
YES_NO = DANISH.yes_no
# a line's kind and section as the template words them; the codes stay in their own columns
KIND_NAMES = DANISH.kind_names
SECTION_NAMES = DANISH.section_names
booking_label = DANISH.booking
