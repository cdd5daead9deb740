# SPDX-License-Identifier: MPL-2.0
"""The flat CSV file and the Fiscal Data Package hold the seed's figures as calc computes them."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gevinst.cli.main import main
from gevinst.core import calc
from gevinst.core.model import Catalog, Proposal
from gevinst.core.selection import ExportOptions, select
from gevinst.core.series import Series
from gevinst.documents.csv_file import render_csv
from gevinst.documents.fdp import render_fdp
from gevinst.format.cells import looks_like_formula
from tests.paths import SEED

Rows = list[dict[str, str]]

CSV_HEADER = [
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
]
CSV_TEXTS = CSV_HEADER[:8]
CSV_SUMS = ("forslag", "år", "beløb")
FDP_SUMS = ("proposal", "year", "amount")
EVIL_TITLE = '=HYPERLINK("http://example.invalid","klik")'


def read_csv(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> Rows:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def where(**wanted: str) -> Callable[[dict[str, str]], bool]:
    return lambda row: all(row[column] == value for column, value in wanted.items())


def sums(
    rows: Rows,
    columns: tuple[str, str, str],
    proposal: str,
    wanted: Callable[[dict[str, str]], bool],
) -> Series:
    """The amounts of a proposal's wanted rows added up per year."""
    who, year, amount = columns
    out: dict[int, Decimal] = defaultdict(Decimal)
    for r in rows:
        if r[who] == proposal and wanted(r):
            out[int(r[year])] += Decimal(r[amount])
    return Series(out)


def in_years(p: Proposal, series: Series) -> Series:
    return Series({y: series[y] for y in p.years})


# --- the flat CSV --------------------------------------------------------------------------


def write_seed_csv(cat: Catalog, tmp_path: Path) -> tuple[bytes, Rows]:
    out = tmp_path / "katalog.csv"
    out.write_bytes(render_csv(cat, ExportOptions()))
    return out.read_bytes(), read_csv(out, ";", "utf-8-sig")


def test_csv_has_a_bom_a_danish_header_and_a_row_per_line_and_year(
    seed: Catalog, tmp_path: Path
) -> None:
    raw, rows = write_seed_csv(seed, tmp_path)
    assert raw.startswith(codecs.BOM_UTF8)
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert header == CSV_HEADER
    assert len(rows) == sum(len(line.amounts) for p in seed.proposals for line in p.lines)
    assert len(rows) == 203


def test_csv_rows_as_entered(seed: Catalog, tmp_path: Path) -> None:
    _, rows = write_seed_csv(seed, tmp_path)
    by_key = {(r["forslag"], r["linje"], r["år"]): r for r in rows}
    e1 = by_key["BC01", "e1", "2025"]
    assert e1["forslagstitel"] == "Samlet ferieløsning i Serviceportalen"
    assert (e1["art"], e1["afsnit"], e1["styringsområde"]) == (
        "effektivisering",
        "varig",
        "Service",
    )
    assert (e1["art_kode"], e1["afsnit_kode"]) == ("efficiency", "permanent")
    assert (e1["fordeling"], e1["beløb"], e1["prisniveau"], e1["skala"]) == (
        "Koncernservice",
        "-149",
        "2025",
        "1000",
    )
    assert by_key["BC01", "e3", "2026"]["fordeling"] == "nøgle: ledere"
    assert by_key["BC01", "e3", "2026"]["beløb"] == "-550"
    assert by_key["F3", "i5", "2025"]["fordeling"] == "dele"
    assert by_key["F7", "e2", "2025"]["styringsområde"] == "Efterspørgselsstyret indsats"
    assert by_key["F7", "e1", "2025"]["beløb"] == "-43142"


def test_csv_amounts_add_up_to_calc_per_proposal(seed: Catalog, tmp_path: Path) -> None:
    _, rows = write_seed_csv(seed, tmp_path)
    for p in seed.proposals:
        for section, rule in (
            ("varig", calc.permanent),
            ("implementering", calc.implementation),
        ):
            assert sums(rows, CSV_SUMS, p.id, where(afsnit=section)) == rule(p)
    bc01 = sums(rows, CSV_SUMS, "BC01", where(afsnit="varig"))
    assert [bc01[y] for y in range(2024, 2030)] == [0, -297, -1144, -1474, -1474, -1474]


def test_csv_neutralises_formulas_but_not_amounts(seed: Catalog, tmp_path: Path) -> None:
    bc01 = seed.proposal("BC01")
    evil_line = replace(bc01.lines[0], text="@SUM(1+1)")
    evil = replace(bc01, title=EVIL_TITLE, lines=(evil_line, *bc01.lines[1:]))
    cat = replace(seed, proposals=(evil, *seed.proposals[1:]))
    _, rows = write_seed_csv(cat, tmp_path)
    titles = {r["forslagstitel"] for r in rows if r["forslag"] == "BC01"}
    assert titles == {"'" + EVIL_TITLE}
    assert {r["tekst"] for r in rows if r["linje"] == "e1" and r["forslag"] == "BC01"} == {
        "'@SUM(1+1)"
    }
    assert not any(looks_like_formula(r[c]) for r in rows for c in CSV_TEXTS)
    assert "-149" in {r["beløb"] for r in rows}  # a negative amount stays a number


def test_cli_exports_one_proposal_as_csv(tmp_path: Path) -> None:
    out = tmp_path / "bc02.csv"
    assert main(["export", str(SEED), "--format", "csv", "-o", str(out), "--proposal", "BC02"]) == 0
    rows = read_csv(out, ";", "utf-8-sig")
    assert {r["forslag"] for r in rows} == {"BC02"}
    assert {r["linje"] for r in rows} == {"ind1", "d1", "i1", "i2", "i3"}


def test_csv_and_fdp_speak_danish_with_the_codes_beside(
    seed: Catalog, tmp_path: Path, package: tuple[Path, dict[str, Any], dict[str, Rows]]
) -> None:
    _, rows = write_seed_csv(seed, tmp_path)
    _, _, data = package
    pairs = {(r["art"], r["art_kode"]) for r in rows}
    assert pairs == {
        ("effektivisering", "efficiency"),
        ("driftsomkostning", "operating_cost"),
        ("indtægt", "income"),
        ("implementering", "implementation"),
    }
    assert {(r["kind"], r["kind_code"]) for r in data["linjer"]} == pairs
    sections = {("varig", "permanent"), ("implementering", "implementation")}
    assert {(r["afsnit"], r["afsnit_kode"]) for r in rows} == sections
    for resource in ("linjer", "udvalg"):
        assert {(r["section"], r["section_code"]) for r in data[resource]} == sections
    english = {"efficiency", "operating_cost", "income", "implementation", "permanent"}
    danish = ("art", "afsnit")
    assert not english & {r[c] for r in rows for c in danish}


# --- the Fiscal Data Package ---------------------------------------------------------------

DIMENSION_TYPES = {"datetime", "entity", "classification", "activity", "fact", "location", "other"}


def write_package(cat: Catalog, folder: Path) -> tuple[dict[str, Any], dict[str, Rows]]:
    for name, content in render_fdp(cat, ExportOptions()).items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(content)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    data = {r["name"]: read_csv(folder / r["path"]) for r in package["resources"]}
    return package, data


@pytest.fixture(scope="module")
def package(
    seed: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, Any], dict[str, Rows]]:
    folder = tmp_path_factory.mktemp("fdp")
    descriptor, data = write_package(seed, folder)
    return folder, descriptor, data


def test_fdp_descriptor_has_the_fiscal_profile_and_its_required_keys(
    package: tuple[Path, dict[str, Any], dict[str, Rows]],
) -> None:
    _, descriptor, _ = package
    assert {"profile", "name", "title", "resources", "model"} <= set(descriptor)
    assert descriptor["profile"] == "fiscal-data-package"
    assert re.fullmatch(r"[-a-z0-9._/]+", descriptor["name"])
    assert descriptor["municipality"] == "Københavns Kommune"
    assert descriptor["priceLevel"] == 2025
    assert descriptor["fiscalPeriod"] == {"start": "2024-01-01", "end": "2029-12-31"}
    assert {r["name"] for r in descriptor["resources"]} == {"udvalg", "linjer"}


def test_fdp_every_schema_field_is_a_column_and_keys_are_unique(
    package: tuple[Path, dict[str, Any], dict[str, Rows]],
) -> None:
    folder, descriptor, data = package
    for resource in descriptor["resources"]:
        assert (folder / resource["path"]).parent.name == "data"
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        fields = [field["name"] for field in resource["schema"]["fields"]]
        assert header == fields
        assert all({"name", "type"} <= set(field) for field in resource["schema"]["fields"])
        key = resource["schema"]["primaryKey"]
        assert set(key) <= set(fields)
        rows = data[resource["name"]]
        assert rows and len({tuple(r[k] for k in key) for r in rows}) == len(rows)
        assert all(r[k] for r in rows for k in key)


def test_fdp_model_maps_to_existing_columns(
    package: tuple[Path, dict[str, Any], dict[str, Rows]],
) -> None:
    _, descriptor, data = package
    columns = {name: set(rows[0]) for name, rows in data.items()}
    first = descriptor["resources"][0]["name"]
    model = descriptor["model"]
    assert set(model["measures"]) == {"amount", "line-amount"}
    for measure in model["measures"].values():
        assert measure["source"] in columns[measure.get("resource", first)]
        assert (measure["currency"], measure["factor"]) == ("DKK", 1000)
    dimensions = model["dimensions"]
    assert {
        "proposal",
        "line",
        "kind",
        "area",
        "committee",
        "date",
        "phase",
        "price-level",
        "municipality",
    } <= set(dimensions)
    for dimension in dimensions.values():
        assert dimension["dimensionType"] in DIMENSION_TYPES
        attributes = dimension["attributes"]
        key = dimension["primaryKey"]
        assert set([key] if isinstance(key, str) else key) <= set(attributes)
        for attribute in attributes.values():
            if "constant" in attribute:
                continue
            assert attribute["source"] in columns[attribute.get("resource", first)]
            assert attribute.get("labelfor", next(iter(attributes))) in attributes
    assert dimensions["committee"]["classificationType"] == "administrative"
    assert dimensions["area"]["classificationType"] == "functional"
    assert dimensions["municipality"]["attributes"]["title"] == {"constant": "Københavns Kommune"}


def test_fdp_unit_amounts_are_calcs_technical_tables(
    seed: Catalog, package: tuple[Path, dict[str, Any], dict[str, Rows]]
) -> None:
    _, _, data = package
    units = data["udvalg"]
    for p in seed.proposals:
        permanent = sums(units, FDP_SUMS, p.id, where(table="A"))
        investment = sums(units, FDP_SUMS, p.id, where(table="D")) + sums(
            units, FDP_SUMS, p.id, where(table="E")
        )
        assert permanent == in_years(p, calc.permanent(p))
        assert investment == in_years(p, calc.implementation(p))
        for name, rule in (("A", calc.table_a), ("D", calc.table_d), ("E", calc.table_e)):
            for unit, amounts in rule(p, seed.profile).items():
                mine = sums(units, FDP_SUMS, p.id, where(table=name, unit=unit))
                assert mine == amounts, (p.id, name, unit)
    bc01_2026 = {
        r["unit"]: r["amount"]
        for r in units
        if (r["proposal"], r["table"], r["year"]) == ("BC01", "A", "2026")
    }
    assert bc01_2026["ØU"] == "-118" and bc01_2026["Koncernservice"] == "-594"
    assert bc01_2026["SU"] == "-107"


def test_fdp_lines_add_up_and_phases_follow_the_catalog(
    seed: Catalog, package: tuple[Path, dict[str, Any], dict[str, Rows]]
) -> None:
    _, _, data = package
    lines = data["linjer"]
    for p in seed.proposals:
        for section, rule in (
            ("varig", calc.permanent),
            ("implementering", calc.implementation),
        ):
            assert sums(lines, FDP_SUMS, p.id, where(section=section)) == rule(p)
    phases = {r["proposal"]: (r["phase"], r["phase_code"]) for r in [*lines, *data["udvalg"]]}
    # "Godkendt med" Budget 2025 in BC01 and BC02; OFS 23-24 and Budget 2024 in F2 and F7
    assert phases["BC01"] == phases["BC02"] == ("foreslået", "proposed")
    assert phases["F2"] == phases["F7"] == ("godkendt", "approved")


def test_fdp_of_a_confidential_proposal_shows_only_what_the_catalog_publishes(
    seed: Catalog, tmp_path: Path
) -> None:
    secret = replace(seed.proposal("BC01"), confidential=True)
    cat = replace(seed, proposals=(secret, *seed.proposals[1:]))
    _, data = write_package(select(cat, ExportOptions()), tmp_path)
    assert "BC01" not in {r["proposal"] for r in data["udvalg"]}
    bc01 = [r for r in data["linjer"] if r["proposal"] == "BC01"]
    assert {r["line"] for r in bc01} == {"varig", "impl"}
    permanent = sums(data["linjer"], FDP_SUMS, "BC01", where(section="varig"))
    assert permanent == calc.permanent(secret)
    written = (tmp_path / "data" / "linjer.csv").read_text(encoding="utf-8")
    assert secret.lines[0].text not in written


def test_a_writer_called_directly_hides_a_confidential_proposal(
    seed: Catalog, tmp_path: Path
) -> None:
    bc01 = replace(seed.proposal("BC01"), confidential=True)
    cat = replace(seed, proposals=(bc01, *seed.proposals[1:]))
    (tmp_path / "linjer.csv").write_bytes(render_csv(cat, ExportOptions()))
    text = (tmp_path / "linjer.csv").read_text(encoding="utf-8-sig")
    assert "Koncernservice" not in text  # its lines and bookings stay out
    assert "BC01;Samlet ferieløsning i Serviceportalen;varig" in text
