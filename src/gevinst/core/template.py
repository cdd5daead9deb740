# SPDX-License-Identifier: MPL-2.0
"""The template's wording, in one place: the titles, headings, column labels and notes that
the Copenhagen template prints and every renderer prints alike. A proposal may word a
heading otherwise or not print it (``printed_headings`` in the data format); the data format
checks such a heading against :data:`TEMPLATE_HEADINGS`."""

from __future__ import annotations

from gevinst.core.model import Booking, ByKey, FollowUpPhase, LineKind, Parts, Section, ToUnit

ECONOMY_TITLE = "Forslagets samlede økonomiske konsekvenser"
TABLE1_TITLE = f"Tabel 1. {ECONOMY_TITLE}"
ADMIN_TITLE = "Varige ændringer, administration"
ADMIN_TABLE_TITLE = f"Tabel 2. {ADMIN_TITLE}"
FOLLOWUP_TITLE = "Forslagets opfølgningsmål"
DISTRIBUTION_TITLE = "Fordeling på udvalg"
# the technical tables' second column and the template's note under each of them
APPROPRIATION_HEADER = "Bevilling, profitcenter mv.*"
KVANTUM_NOTE = (
    "* I forbindelse med godkendelse i Effektiviseringskredsen er det forvaltningernes eget "
    "ansvar at udfylde de relevante oplysninger til teknisk udmøntning (i Kvantum) af forslaget."
)
# the sign convention, under the economy table (unless a proposal's own note says it) and
# wherever figures are given; the administration table has its own
SIGN_NOTE = "Alle besparelser er angivet med negativt (-) fortegn."
ADMIN_NOTE = (
    "Note: Reducerede administrative udgifter angives med negativt (-) fortegn og øgede "
    "administrative udgifter angives med positivt (+) fortegn."
)
# the technical tables' titles, where a proposal prints none of its own
TECHNICAL_TITLES = {
    "A": "Tabel A. Måltalseffekt – hvis forslaget indarbejdes (nettoeffektivisering)",
    "B": "Tabel B. Bevillingsmæssig effekt – varig drift",
    "C": "Tabel C. Bevillingsmæssig effekt – hvis forslaget indarbejdes (bruttoeffektivisering)",
    "D": "Tabel D. Fordeling af anlægsinvesteringer mellem udvalg",
    "E": "Tabel E. Fordeling af serviceinvesteringer mellem udvalg",
}
# the follow-up table (section 3): a group row per phase, in this order, and its columns
FOLLOWUP_PHASES = {
    FollowUpPhase.IMPLEMENTATION: "Implementering og anvendelse af investeringsmidler",
    FollowUpPhase.REALISATION: "Realisering af effektiviseringer",
}
FOLLOWUP_COLUMNS = (
    "Opfølgningsmål",
    "Hvordan måles opfølgningsmålet?",
    "Hvem er ansvarlig for opfølgning?",
    "Hvornår gennemføres opfølgningen?",
)
# the template's section headings, as the seed prints them
SECTIONS = (
    "1. Beskrivelse af forslag (fremgangsmåde og effekt)",
    "2. Økonomi",
    "3. Implementering og opfølgning",
    "4. Risikovurdering",
    "5. Effektivisering på administration",
    "6. Hvem er hørt?",
    "7. Tekniske tabeller til korrektioner i Kvantum",
)
SECTION_HEADINGS = {
    Section.PERMANENT: "Varige ændringer (effektiviseringer og drift)",
    Section.IMPLEMENTATION: "Implementeringsomkostninger (midler fra investeringspuljen)",
}

BASIS = "Grundlag for beregning af effektivisering"
DISTRIBUTION = "2.1 Fordeling på udvalg"
PARTNERS = "Relevante samarbejdspartnere i kommunen, der er inddraget"
APPENDICES = "Bilagsoversigt"
# the template's headings and Tabel 1's group rows, which a proposal may word otherwise or
# not print (``printed_headings`` in the data format)
TEMPLATE_HEADINGS = (
    *SECTIONS,
    BASIS,
    DISTRIBUTION,
    PARTNERS,
    *SECTION_HEADINGS.values(),
)
# the column over a consultation's answer, as the template words it
APPROVAL = "Dato for godkendelse"
APPROVAL_AND_ANSWER = "Dato for godkendelse og evt. høringssvar"
YES_NO = "Ja/Nej"


# a line's kind and section as the template words them; the codes stay in their own columns
KIND_NAMES = {
    LineKind.EFFICIENCY: "effektivisering",
    LineKind.OPERATING_COST: "driftsomkostning",
    LineKind.INCOME: "indtægt",
    LineKind.IMPLEMENTATION: "implementering",
}
SECTION_NAMES = {
    Section.PERMANENT: "varig",
    Section.IMPLEMENTATION: "implementering",
}


def booking_label(booking: Booking | None) -> str:
    """Who carries a line: the unit, ``nøgle: NAME`` for a key, ``dele`` for printed parts."""
    if isinstance(booking, ToUnit):
        return booking.unit
    if isinstance(booking, ByKey):
        return f"nøgle: {booking.key}"
    if isinstance(booking, Parts):
        return "dele"
    return ""
