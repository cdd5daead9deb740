# SPDX-License-Identifier: MPL-2.0
"""The workbook's sheet names, document properties and cell addresses, which the writer and
the import share."""

from __future__ import annotations

import re

from xlsxwriter.utility import xl_col_to_name

from gevinst.core.model import Catalog
from gevinst.core.template import Printing, printing

KATALOG, LINJER, AFVIGELSER = "Katalog", "Linjer", "Afvigelser"
# the very hidden sheet of what the export was made from: ids, hashes and input values only;
# the property holds its hash
VERSIONS, PROPERTY_VERSIONS = "gevinst-versioner", "gevinst-versioner-sha256"
LINJER_HEADERS = (
    "Forslag",
    "Linje",
    "Tekst",
    "Art",
    "Styringsområde",
    "Udvalg",
    "År",
    "Beløb (1.000 kr.)",
)


def lines_headers(printed: Printing) -> tuple[str, ...]:
    """The columns of the lines' sheet in the profile's language, the amount's with its
    money ("Beløb (1.000 kr.)")."""
    book = printed.words.workbook
    names = ("proposal", "line", "text", "kind", "area", "committee", "year")
    return (*(book[n] for n in names), book["amount_in"].format(unit=printed.unit))


def book_sheets(cat: Catalog) -> tuple[str, str, str]:
    """The names of the catalog's, the lines' and the deviations' sheets, in the profile's
    language ("Katalog", "Linjer", "Afvigelser")."""
    book = printing(cat.profile).words.workbook
    return book["catalog_sheet"], book["lines_sheet"], book["deviations_sheet"]


SHEET_NAME_MAX = 31
# the export's selection, as document properties: the importer rebuilds the same workbook
PROPERTY_PROPOSAL, PROPERTY_CONFIDENTIAL, ALL, YES, NO = (
    "gevinst-forslag",
    "gevinst-fortrolige",
    "alle",
    "ja",
    "nej",
)

_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\']")


def column(col: int) -> str:
    return str(xl_col_to_name(col))


def cell_ref(sheet: str, col: int, row: int) -> str:
    return f"'{sheet}'!{column(col)}{row + 1}"


def sheet_names(cat: Catalog) -> dict[str, str]:
    """Each proposal's sheet: its id, made a valid sheet name that no other sheet has."""
    taken = {n.casefold() for n in (*book_sheets(cat), VERSIONS, "history")}
    names: dict[str, str] = {}
    for p in cat.proposals:
        base = _SHEET_NAME_BAD.sub("_", p.id)[:SHEET_NAME_MAX] or "Forslag"
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(name.casefold())
        names[p.id] = name
    return names
