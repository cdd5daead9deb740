# SPDX-License-Identifier: MPL-2.0
"""Bad import bundles (issue 9): a Danish message with the bundle, the proposal, the field
and the line, never a traceback, a hang or a figure read wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gevinst.core.model import Catalog
from gevinst.importers.bundle import catalog_bundle, import_file
from tests.importers.bundles import line_of, problems_of, write


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_an_amount_of_10_to_the_17th_is_refused_at_its_line(
    seed: Catalog, tmp_path: Path, suffix: str
) -> None:
    bundle = catalog_bundle(seed)
    bundle["proposals"][0]["lines"][0]["amounts"][2025] = 10**17
    path = write(tmp_path / f"katalog{suffix}", bundle)
    [problem] = problems_of(path)
    assert problem.proposal == "BC01" and problem.line == line_of(path, str(10**17))
    assert problem.field.startswith("proposals[0].lines[0].amounts")
    assert "uden for det tilladte område" in problem.message


def test_a_json_integer_of_5000_digits_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "katalog.json"
    path.write_text('{"catalog": {"price_level": ' + "9" * 5000 + "}}", encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.path == path and "5000 cifre" in problem.message


@pytest.mark.parametrize(("suffix", "depth"), [(".json", 41), (".json", 5000), (".yaml", 5000)])
def test_deep_nesting_in_a_bundle_is_refused_at_its_line(
    tmp_path: Path, suffix: str, depth: int
) -> None:
    path = tmp_path / f"katalog{suffix}"
    path.write_text('{"catalog": {},\n "proposals": ' + "[" * depth, encoding="utf-8")
    [problem] = problems_of(path)
    assert (problem.path, problem.line) == (path, 2)
    assert "indlejret mere end 40 niveauer" in problem.message


def test_brackets_inside_json_strings_are_not_nesting(seed: Catalog, tmp_path: Path) -> None:
    bundle = catalog_bundle(seed)
    bundle["proposals"][0]["title"] = "[" * 100 + '"\\'
    path = write(tmp_path / "katalog.json", bundle)
    assert import_file(path).proposal("BC01").title == "[" * 100 + '"\\'


@pytest.mark.parametrize("second", ['"2025.0"', '"2025"'])
def test_a_year_twice_in_a_json_bundle_is_refused(
    seed: Catalog, tmp_path: Path, second: str
) -> None:
    path = write(tmp_path / "katalog.json", catalog_bundle(seed))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"2025": -149,', f'"2025": -149, {second}: -1,', 1), "utf-8")
    [problem] = problems_of(path)
    assert problem.path == path and "står to gange" in problem.message


def test_an_impossible_date_in_a_json_bundle_is_refused(seed: Catalog, tmp_path: Path) -> None:
    bundle = catalog_bundle(seed)
    bundle["proposals"][0]["consultations"][0]["dates"][0] = "2024-02-30"
    bundle["proposals"][0]["title"] = "2024-13-45"
    path = write(tmp_path / "katalog.json", bundle)
    [problem] = problems_of(path)
    assert problem.field == "proposals[0].consultations[0].dates[0]"
    assert "'2024-02-30' er ikke en gyldig dato" in problem.message


def test_a_named_pipe_as_bundle_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "katalog.json"
    os.mkfifo(path)
    [problem] = problems_of(path)
    assert "ikke en almindelig fil" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('{\n  "catalog": {,\n}', 2, "forventede et feltnavn i dobbelte anførselstegn"),
        ('{\n  "catalog": {}\n  "proposals": []}', 3, "forventede ','"),
        ('{"catalog": "abc', 1, "en tekst mangler sit afsluttende anførselstegn"),
        ('{"catalog": {}, "proposals": []}\n{}', 2, "mere tekst efter dokumentets slutning"),
    ],
)
def test_broken_json_is_told_in_danish(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "katalog.json"
    path.write_text(text, encoding="utf-8")
    [problem] = problems_of(path)
    assert (problem.path, problem.line) == (path, line)
    assert problem.message.startswith("ikke gyldig JSON: " + message)
