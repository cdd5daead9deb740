# SPDX-License-Identifier: MPL-2.0
"""The catalog as open data: a Fiscal Data Package (Frictionless profile
``fiscal-data-package``, FDP 0.3): ``datapackage.json`` and the CSV files beside it.

Two resources, each a CSV file with a table schema:

- ``data/udvalg.csv``: what each proposal books to each unit (committee or appropriation)
  and year, exactly as :mod:`gevinst.core.calc` computes the technical tables: Tabel A
  (måltalseffekt, the permanent changes) and Tabel D and E (the investment on anlæg and on
  service). The open data therefore adds up to the proposals' own technical tables. A
  proposal whose lines are not all booked to units (a confidential proposal reduced to what
  the catalog publishes) cannot be split between units and has no rows here.
- ``data/linjer.csv``: the lines of each proposal's Tabel 1, as entered.

The ``model`` maps the columns to two measures (amounts in DKK with factor 1.000: the files
hold 1.000 kr., savings and income negative) and to the dimensions proposal, line, kind,
styringsområde (functional classification), committee and appropriation (administrative
classification), year, budget phase, price level and municipality.

The budget phase of a proposal is ``godkendt`` (code ``approved``) where the catalog's
"Godkendt med" names an earlier round than the catalog's own (OFS 23-24 in a catalog for
Budget 2025), and ``foreslået`` (``proposed``) where it names the catalog's own round or the
catalog has no row for it.

Values are Danish (``effektivisering``, ``varig``, ``godkendt``); the English codes of the
data format and of FDP's budget phases stand in their own columns ending in ``_code``, which
the model names as each classification's code (docs/exports.md).

The CSV files use the Tabular Data Package's default dialect (comma, UTF-8 without a byte
order mark) and plain amounts (``-1474``), and texts pass through
:func:`gevinst.format.cells.neutralise`, as people open open data in spreadsheets too.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from gevinst.core import calc
from gevinst.core.model import Catalog, Proposal, Section
from gevinst.core.profile import AreaRole, Profile
from gevinst.core.selection import ExportOptions, select
from gevinst.core.template import Printing, Wording, printing
from gevinst.documents.csv_file import line_codes, line_texts, plain
from gevinst.format.cells import neutralise

PROFILE = "fiscal-data-package"
CURRENCY = "DKK"  # unless the profile says otherwise (``Money.currency``)
# the package's country, by its currency
COUNTRIES = {"DKK": "dk", "GBP": "gb"}
PROPOSED, APPROVED = "proposed", "approved"
PHASE_NAMES = {PROPOSED: "foreslået", APPROVED: "godkendt"}

Json = dict[str, Any]
Row = list[str]

# name, Table Schema type, Danish title
Field = tuple[str, str, str]
# the amount's title, with the profile's money label in place of 1.000 kr.
AMOUNT_TITLE = "Beløb (1.000 kr.)"

UNIT_FIELDS: tuple[Field, ...] = (
    ("proposal", "string", "Forslag"),
    ("proposal_title", "string", "Forslagets titel"),
    ("phase", "string", "Budgetfase"),
    ("phase_code", "string", "Budgetfase (kode)"),
    ("table", "string", "Teknisk tabel"),
    ("table_title", "string", "Tabellens navn"),
    ("section", "string", "Afsnit"),
    ("section_code", "string", "Afsnit (kode)"),
    ("area", "string", "Styringsområde"),
    ("unit", "string", "Udvalg eller bevilling"),
    ("unit_name", "string", "Udvalgets eller bevillingens navn"),
    ("committee", "string", "Udvalg"),
    ("committee_name", "string", "Udvalgets navn"),
    ("year", "year", "År"),
    ("amount", "number", AMOUNT_TITLE),
    ("price_level", "year", "Prisniveau (p/l)"),
)

LINE_FIELDS: tuple[Field, ...] = (
    ("proposal", "string", "Forslag"),
    ("proposal_title", "string", "Forslagets titel"),
    ("phase", "string", "Budgetfase"),
    ("phase_code", "string", "Budgetfase (kode)"),
    ("line", "string", "Linje"),
    ("text", "string", "Tekst"),
    ("kind", "string", "Art"),
    ("section", "string", "Afsnit"),
    ("area", "string", "Styringsområde"),
    ("booking", "string", "Fordeling"),
    ("year", "year", "År"),
    ("amount", "number", AMOUNT_TITLE),
    ("price_level", "year", "Prisniveau (p/l)"),
    ("kind_code", "string", "Art (kode)"),
    ("section_code", "string", "Afsnit (kode)"),
)

UNITS, LINES = "udvalg", "linjer"
# the two files' names (data/<name>.csv) in each language
RESOURCES = {"da": (UNITS, LINES), "en": ("committees", "lines")}

UnitTable = Callable[[Proposal, Profile], calc.UnitSeries]

# the technical tables the open data holds: (name, rule, section, the role of its area)
TABLES: tuple[tuple[str, UnitTable, Section, AreaRole | None], ...] = (
    ("A", calc.table_a, Section.PERMANENT, None),
    ("D", calc.table_d, Section.IMPLEMENTATION, calc.CAPITAL),
    ("E", calc.table_e, Section.IMPLEMENTATION, calc.OPERATING),
)


def phase(cat: Catalog, p: Proposal) -> str:
    """``approved`` if the catalog says the proposal was approved with an earlier round,
    else ``proposed`` (FDP's codes; :data:`PHASE_NAMES` says them in Danish)."""
    approved_with = next(
        (r.approved_with for t in cat.tables for r in t.rows() if r.proposal == p.id), ""
    )
    return APPROVED if approved_with and approved_with != cat.round else PROPOSED


def _texts(*texts: str) -> Row:
    return [neutralise(t) for t in texts]


def _words(cat: Catalog) -> Wording:
    return printing(cat.profile).words


def unit_rows(cat: Catalog, p: Proposal) -> Iterator[Row]:
    """The rows of ``udvalg.csv`` for one proposal: Tabel A, D and E by unit and year."""
    if any(line.booking is None for line in p.lines):
        return
    profile, code, words = cat.profile, phase(cat, p), _words(cat)
    for name, rule, section, role in TABLES:
        table = rule(p, profile)
        area = (profile.area_of(role) or "") if role else ""
        for unit in profile.sort_units(list(table)):
            committee = profile.committee_of(unit)
            texts = _texts(
                p.id,
                p.title,
                words.open_data_text(PHASE_NAMES[code]),
                code,
                name,
                words.table_names[name],
                words.section_names[section],
                str(section),
                area,
                unit,
                profile.unit_name(unit),
                committee,
                profile.unit_name(committee),
            )
            for year, amount in table[unit].items():
                yield [*texts, str(year), plain(amount), str(p.price_level)]


def line_rows(cat: Catalog, p: Proposal) -> Iterator[Row]:
    """The rows of ``linjer.csv`` for one proposal: its lines of Tabel 1 by year."""
    code, words = phase(cat, p), _words(cat)
    for line in p.lines:
        named = words.open_data_text(PHASE_NAMES[code])
        texts = _texts(p.id, p.title, named, code, *line_texts(line, words))
        for year, amount in line.amounts.items():
            yield [*texts, str(year), plain(amount), str(p.price_level), *line_codes(line)]


def _resource(
    name: str, title: str, fields: Sequence[Field], key: list[str], printed: Printing
) -> Json:
    words = printed.words
    return {
        "name": name,
        "title": words.open_data_text(title),
        "profile": "tabular-data-resource",
        "path": f"data/{name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": [
                {"name": n, "type": t, "title": _field_title(label, printed)}
                for n, t, label in fields
            ],
            "primaryKey": key,
            "missingValues": [""],
        },
    }


def _field_title(label: str, printed: Printing) -> str:
    """A column's title in the profile's language, an amount's with its money: "Beløb
    (1.000 kr.)", "Amount (£)"."""
    if label == AMOUNT_TITLE:
        return f"{printed.words.open_data_text('Beløb')} ({printed.unit})"
    return printed.words.open_data_text(label)


def _source(column: str, resource: str = UNITS, **extra: str) -> Json:
    return {"source": column, "resource": resource, **extra}


def _dimensions(cat: Catalog) -> Json:
    words = _words(cat)
    dimensions = _danish_dimensions(cat)
    names = dict(zip((UNITS, LINES), RESOURCES[words.language], strict=True))
    for dimension in dimensions.values():
        dimension["title"] = words.open_data_text(dimension["title"])
        for attribute in dimension["attributes"].values():
            if "resource" in attribute:
                attribute["resource"] = names[attribute["resource"]]
    return dimensions


def _danish_dimensions(cat: Catalog) -> Json:
    return {
        "proposal": {
            "title": "Forslag",
            "dimensionType": "activity",
            "attributes": {
                "id": _source("proposal"),
                "title": _source("proposal_title", labelfor="id"),
            },
            "primaryKey": "id",
        },
        "line": {
            "title": "Linje i Tabel 1",
            "dimensionType": "fact",
            "attributes": {
                "proposal": _source("proposal", LINES),
                "id": _source("line", LINES),
                "text": _source("text", LINES, labelfor="id"),
                "area": _source("area", LINES),
                "booking": _source("booking", LINES),
            },
            "primaryKey": ["proposal", "id"],
        },
        "kind": {
            "title": "Art og afsnit",
            "dimensionType": "classification",
            "classificationType": "economic",
            "attributes": {
                "code": _source("kind_code", LINES, parent="section"),
                "title": _source("kind", LINES, labelfor="code"),
                "section": _source("section_code", LINES),
                "section_title": _source("section", LINES, labelfor="section"),
            },
            "primaryKey": "code",
        },
        "area": {
            "title": "Styringsområde",
            "dimensionType": "classification",
            "classificationType": "functional",
            "attributes": {"code": _source("area")},
            "primaryKey": "code",
        },
        "committee": {
            "title": "Udvalg og bevilling",
            "dimensionType": "classification",
            "classificationType": "administrative",
            "attributes": {
                "code": _source("unit", parent="committee"),
                "title": _source("unit_name", labelfor="code"),
                "committee": _source("committee"),
                "committee_title": _source("committee_name", labelfor="committee"),
            },
            "primaryKey": "code",
        },
        "table": {
            "title": "Teknisk tabel",
            "dimensionType": "other",
            "attributes": {
                "code": _source("table"),
                "title": _source("table_title", labelfor="code"),
                "section": _source("section_code"),
                "section_title": _source("section", labelfor="section"),
            },
            "primaryKey": "code",
        },
        "date": {
            "title": "År",
            "dimensionType": "datetime",
            "attributes": {"year": _source("year")},
            "primaryKey": "year",
        },
        "phase": {
            "title": "Budgetfase",
            "dimensionType": "other",
            "attributes": {
                "code": _source("phase_code"),
                "title": _source("phase", labelfor="code"),
            },
            "primaryKey": "code",
        },
        "price-level": {
            "title": "Prisniveau (p/l)",
            "dimensionType": "other",
            "attributes": {"year": _source("price_level")},
            "primaryKey": "year",
        },
        "municipality": {
            "title": "Kommune",
            "dimensionType": "entity",
            "attributes": {"title": {"constant": cat.municipality}},
            "primaryKey": "title",
        },
    }


def _measure(resource: str, title: str, factor: int, printed: Printing) -> Json:
    words = printed.words
    return {
        "title": words.open_data_text(title),
        "description": words.open_data_text(
            "Besparelser og indtægter er negative, udgifter positive."
        ),
        "source": "amount",
        "resource": resource,
        "currency": printed.money.currency,
        "factor": factor,
    }


def _name(cat: Catalog, options: ExportOptions) -> str:
    """The package's name: lower case letters, digits and ``-._/`` only."""
    name = cat.id if options.proposal is None else f"{cat.id}-{options.proposal}"
    return re.sub(r"[^-a-z0-9._/]+", "-", name.lower())


def descriptor(cat: Catalog, options: ExportOptions) -> Json:
    """``datapackage.json`` of the catalog, in its profile's language, money and years."""
    printed = printing(cat.profile)
    years = sorted({y for p in cat.proposals for y in p.years})
    prices = printed.prices(cat.price_level)
    units, lines = RESOURCES[printed.words.language]
    package: Json = {
        "profile": PROFILE,
        "name": _name(cat, options),
        "title": cat.title,
        "description": f"{cat.round}. {prices}. {printed.words.sign_note}",
        "countryCode": COUNTRIES.get(printed.money.currency, "dk"),
        "municipality": cat.municipality,
        "round": cat.round,
        "priceLevel": cat.price_level,
        "scale": cat.scale,
        "granularity": "aggregated",
        "resources": [
            _resource(
                units,
                "Tabel A, D og E: beløb pr. forslag, udvalg eller bevilling og år",
                UNIT_FIELDS,
                ["proposal", "table", "unit", "year"],
                printed,
            ),
            _resource(
                lines,
                "Tabel 1: forslagenes linjer pr. år",
                LINE_FIELDS,
                ["proposal", "line", "year"],
                printed,
            ),
        ],
        "model": {
            "measures": {
                "amount": _measure(units, "Beløb pr. udvalg (Tabel A, D og E)", cat.scale, printed),
                "line-amount": _measure(lines, "Beløb pr. linje (Tabel 1)", cat.scale, printed),
            },
            "dimensions": _dimensions(cat),
        },
    }
    if years:
        # the first day of the first budget year to the last of the last (a financial year
        # from April: 1 April to 31 March)
        first, last = printed.periods.first_day(years[0]), printed.periods.last_day(years[-1])
        package["fiscalPeriod"] = {"start": first.isoformat(), "end": last.isoformat()}
    return package


def _csv(fields: Sequence[Field], rows: Iterator[Row]) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow([name for name, _, _ in fields])
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


def render_fdp(cat: Catalog, options: ExportOptions) -> dict[str, bytes]:
    """The package's files by their path in its folder (``datapackage.json`` and
    ``data/*.csv``) for what ``options`` selects of ``cat``."""
    cat = select(cat, options)
    units = _csv(UNIT_FIELDS, (row for p in cat.proposals for row in unit_rows(cat, p)))
    lines = _csv(LINE_FIELDS, (row for p in cat.proposals for row in line_rows(cat, p)))
    text = json.dumps(descriptor(cat, options), ensure_ascii=False, indent=2)
    unit_file, line_file = RESOURCES[_words(cat).language]
    return {
        f"data/{unit_file}.csv": units,
        f"data/{line_file}.csv": lines,
        "datapackage.json": (text + "\n").encode("utf-8"),
    }
