# SPDX-License-Identifier: MPL-2.0
"""`gevinst import`: a catalog from one JSON or YAML document, all or nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gevinst.cli.main import main
from gevinst.core.model import Catalog
from gevinst.format.reader import load_catalog
from gevinst.format.writer import to_yaml
from gevinst.importers.bundle import catalog_bundle, catalog_from_documents, import_file
from tests.importers.bundles import line_of, problems_of, write
from tests.paths import SEED

# --- round trips -------------------------------------------------------------------------


def test_a_json_bundle_of_the_seed_imports_as_the_seed(seed: Catalog, tmp_path: Path) -> None:
    path = write(tmp_path / "katalog.JSON", catalog_bundle(seed))
    assert import_file(path) == seed


@pytest.mark.parametrize("suffix", [".yaml", ".yml"])
def test_a_yaml_bundle_of_the_seed_imports_as_the_seed(
    seed: Catalog, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"katalog{suffix}"
    path.write_text(to_yaml(catalog_bundle(seed)), encoding="utf-8")
    assert import_file(path) == seed


def test_documents_in_memory_make_the_seed(seed: Catalog) -> None:
    bundle = catalog_bundle(seed)
    assert catalog_from_documents(bundle["catalog"], bundle["proposals"], SEED) == seed


def test_a_workbook_is_not_a_catalog_of_its_own(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "katalog.xlsx")
    assert "indlæses oven på det katalog den er eksporteret fra" in problem.message
    assert "--onto KATALOG" in problem.message


# --- bad input -----------------------------------------------------------------------------


def test_broken_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "katalog.json"
    path.write_text('{\n  "catalog": {,\n}', encoding="utf-8")
    [problem] = problems_of(path)
    assert (problem.path, problem.line) == (path, 2)
    assert "ikke gyldig JSON" in problem.message


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_decimal_amount_is_refused_as_in_yaml(seed: Catalog, tmp_path: Path, suffix: str) -> None:
    bundle = catalog_bundle(seed)
    bundle["proposals"][0]["lines"][0]["amounts"][2025] = 1.149
    path = tmp_path / f"katalog{suffix}"
    if suffix == ".json":
        write(path, bundle)
    else:
        path.write_text(to_yaml(bundle), encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.proposal == "BC01"
    assert problem.field.startswith("proposals[0].lines[0].amounts")
    assert problem.field.endswith("2025") or problem.field.endswith("[2025]")
    assert "1.149 er skrevet som et decimaltal" in problem.message
    assert problem.line == line_of(path, "1.149")
    assert str(path) in str(problem)


def test_an_unknown_unit_is_named_with_its_proposal_and_field(
    seed: Catalog, tmp_path: Path
) -> None:
    bundle = catalog_bundle(seed)
    bundle["proposals"][3]["lines"][0]["booking"] = {"unit": "Ukendt Udvalg"}
    path = write(tmp_path / "katalog.json", bundle)
    [problem] = problems_of(path)
    assert (problem.proposal, problem.field) == ("F2", "proposals[3].lines[0].booking.unit")
    assert "ukendt udvalg, forvaltning eller bevilling 'Ukendt Udvalg'" in problem.message
    assert problem.line == line_of(path, '"Ukendt Udvalg"')


def test_a_missing_and_an_unlisted_proposal_are_both_reported(
    seed: Catalog, tmp_path: Path
) -> None:
    bundle = catalog_bundle(seed)
    del bundle["proposals"][1]  # BC02, listed in the catalog
    bundle["proposals"].append({**bundle["proposals"][0], "id": "BC99"})
    path = write(tmp_path / "katalog.json", bundle)
    found = {(p.proposal, p.field): p for p in problems_of(path)}
    assert set(found) == {("BC02", "catalog.proposals[1]"), ("BC99", "proposals[8].id")}
    assert "findes ikke under proposals" in found["BC02", "catalog.proposals[1]"].message
    assert "står ikke i catalog.proposals" in found["BC99", "proposals[8].id"].message


def test_every_problem_of_a_bundle_is_reported_at_once(seed: Catalog, tmp_path: Path) -> None:
    bundle = catalog_bundle(seed)
    bundle["proposals"][0]["type"] = "ønskeseddel"
    bundle["proposals"][2]["lines"][0]["amounts"][2025] = "mange"
    bundle["proposals"].append(dict(bundle["proposals"][4]))
    path = write(tmp_path / "katalog.json", bundle)
    fields = {p.field for p in problems_of(path)}
    assert fields == {"proposals[0].type", "proposals[2].lines[0].amounts.2025", "proposals[9].id"}


def test_a_bundle_without_its_catalog(tmp_path: Path) -> None:
    path = write(tmp_path / "katalog.json", {"proposals": [], "extra": 1})
    assert {p.field for p in problems_of(path)} == {"catalog", "extra"}


def test_an_unknown_suffix_is_refused_in_danish(tmp_path: Path) -> None:
    path = tmp_path / "katalog.csv"
    path.write_text("forslag;beløb\n", encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.path == path
    assert "gevinst kan ikke importere filtypen '.csv'" in problem.message
    assert ".xlsx" in problem.message and ".json" in problem.message


def test_a_missing_file_is_a_format_error(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "findes-ikke.json")
    assert "kan ikke læses" in problem.message


# --- the command ---------------------------------------------------------------------------


def test_import_writes_a_catalog_folder_that_loads(
    seed: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "katalog.json", catalog_bundle(seed))
    target = tmp_path / "ny"
    assert main(["import", str(source), "-o", str(target)]) == 0
    assert "9 forslag skrevet til" in capsys.readouterr().out
    assert load_catalog(target) == seed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["katalog.json", "ny"]


def test_a_dry_run_of_a_bundle_writes_nothing(
    seed: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "katalog.json", catalog_bundle(seed))
    assert main(["import", str(source), "--dry-run"]) == 0
    assert "intet er skrevet (--dry-run)" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["katalog.json"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--onto", str(SEED), "-o", "ny"], "--onto gælder en Excel-projektmappe"),
        ([], "angiv en ny katalogmappe (-o MAPPE) eller --dry-run"),
        (["--dry-run", "-o", "ny"], "--dry-run skriver intet; udelad -o"),
    ],
)
def test_the_import_arguments_are_checked_before_reading(
    seed: Catalog,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    source = write(tmp_path / "katalog.json", catalog_bundle(seed))
    args = [str(tmp_path / a) if a == "ny" else a for a in extra]
    assert main(["import", str(source), *args]) == 2
    assert message in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["katalog.json"]


def test_a_failed_import_leaves_nothing_and_prints_no_traceback(
    seed: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = catalog_bundle(seed)
    bundle["proposals"][5]["lines"][0]["amounts"][2026] = 12.5
    source = write(tmp_path / "katalog.json", bundle)
    assert main(["import", str(source), "-o", str(tmp_path / "ny")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{source}, linje {line_of(source, '12.5')}, forslag F4" in err
    assert "felt proposals[5].lines[0].amounts.2026" in err
    assert [p.name for p in tmp_path.iterdir()] == ["katalog.json"]


def test_an_id_that_climbs_out_of_the_folder_is_refused(seed: Catalog, tmp_path: Path) -> None:
    bundle = catalog_bundle(seed)
    bundle["proposals"][0]["id"] = "../../escaped"
    bundle["catalog"]["proposals"][0] = "../../escaped"
    found = problems_of(write(tmp_path / "ond.json", bundle))
    assert any("må kun holde bogstaver, tal, - og _" in p.message for p in found)
    assert not list(tmp_path.parent.glob("escaped*"))


def test_an_imported_profile_must_be_a_name_not_a_path(seed: Catalog, tmp_path: Path) -> None:
    bundle = catalog_bundle(seed)
    bundle["catalog"]["profile"] = "/etc/passwd.yaml"
    [problem] = problems_of(write(tmp_path / "sti.json", bundle))
    assert problem.field.endswith("profile") and "ved navn" in problem.message


def test_a_catalog_row_must_name_a_listed_proposal(seed: Catalog, tmp_path: Path) -> None:
    bundle = catalog_bundle(seed)
    bundle["catalog"]["tables"][0]["groups"][0]["rows"][0]["proposal"] = "BC99"
    bundle["catalog"]["proposals"].append("BC01")
    found = [p.message for p in problems_of(write(tmp_path / "ref.json", bundle))]
    assert "forslaget 'BC99' står ikke i proposals" in found
    assert "forslaget 'BC01' står to gange" in found


def test_the_real_command_prints_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "brudt.json"
    broken.write_text("{", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "gevinst.cli", "import", str(broken), "-o", str(tmp_path / "ud")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "brudt.json" in done.stderr
