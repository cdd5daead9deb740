# SPDX-License-Identifier: MPL-2.0
"""A catalog row's effect and investment split by area (``effect_by_area``,
``investment_by_area``) and the profile's catalog columns (``template.catalog_columns``):
read, written back unchanged, and refused with the file, table, row and area where a split
names an area the profile does not have, has no total to be part of, or a year its row has
not."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gevinst.core.errors import FormatError
from gevinst.format.reader import load_catalog
from gevinst.format.writer import write_catalog
from tests.format.test_profile_workflow import problems as profile_problems
from tests.paths import ROOT

DK = ROOT / "catalogs" / "dk-kommune-budget-2026"


def _changed(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "dk"
    shutil.copytree(DK, folder)
    path = folder / "catalog.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def _refused(folder: Path) -> str:
    with pytest.raises(FormatError) as e:
        load_catalog(folder)
    return str(e.value)


def test_the_split_is_read_by_area() -> None:
    cat = load_catalog(DK)
    p2, p5 = (r for r in cat.tables[0].rows() if r.proposal in {"P2", "P5"})
    assert dict(p2.investment_by_area) == {"Service": Decimal("0.8"), "Anlæg": Decimal("1.2")}
    assert list(p5.effect_by_area) == ["Service", "Overførsler"]
    assert p5.effect_by_area["Overførsler"][2029] == Decimal("1.5")
    assert cat.profile.template.catalog_columns == (
        "effect_years",
        "full_effect",
        "investment_by_area",
        "investment",
        "payback",
    )


def test_the_split_survives_a_round_trip(tmp_path: Path) -> None:
    original = load_catalog(DK)
    write_catalog(original, tmp_path)
    written = (tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    assert "investment_by_area:" in written and "effect_by_area:" in written
    assert load_catalog(tmp_path) == original


def test_an_area_is_read_by_its_alias(tmp_path: Path) -> None:
    folder = _changed(tmp_path, "investment_by_area: {Service:", "investment_by_area: {service:")
    assert "ukendt styringsområde 'service' i investment_by_area" in _refused(folder)
    folder = _changed(tmp_path / "2", '{Service: "0,8", Anlæg', '{Forsyning: "0,8", Anlæg')
    row = next(r for r in load_catalog(folder).tables[0].rows() if r.proposal == "P2")
    assert "Brugerfinansieret område" in row.investment_by_area  # Forsyning is its alias


def test_an_unknown_area_is_named_with_its_file_table_and_row(tmp_path: Path) -> None:
    folder = _changed(tmp_path, 'Anlæg: "1,2"}', 'Anlaeg: "1,2"}')
    message = _refused(folder)
    assert str(folder / "catalog.yaml") in message
    assert "tables[0].groups[0].rows[1].investment_by_area.Anlaeg" in message
    assert (
        "Tabel 1. Effektiviserings- og investeringsforslag til budget 2026, række 2 (P2): "
        "ukendt styringsområde 'Anlaeg' i investment_by_area; profilen dk-kommune har "
        "Service, Anlæg, Overførsler, Brugerfinansieret område, Finansiering"
    ) in message


def test_parts_with_nothing_to_add_up_to_are_refused(tmp_path: Path) -> None:
    folder = _changed(tmp_path, "            investment: 2\n", "")
    assert (
        "række 2 (P2): investeringen er delt på styringsområder, men rækken angiver ingen "
        "samlet investering (investment) at dele"
    ) in _refused(folder)
    old = 'Overførsler: {2026: "0,5",'
    folder = _changed(tmp_path / "2", old, 'Overførsler: {2030: "0,1", 2026: "0,5",')
    assert (
        "række 5 (P5): effekten på Overførsler har år 2030, som rækkens samlede effekt "
        "(effect) ikke har"
    ) in _refused(folder)


def test_the_profiles_columns_are_from_the_vocabulary(tmp_path: Path) -> None:
    def columns(names: list[str]) -> Any:
        def change(data: dict[str, Any]) -> None:
            data.setdefault("template", {})["catalog_columns"] = names

        return change

    (message,) = profile_problems(tmp_path, columns(["effect_years", "savings"]))
    assert "ukendt kolonne savings; en katalogtabel kan vise effect_years, effect_by_area" in (
        message
    )
    (message,) = profile_problems(tmp_path, columns(["investment", "investment"]))
    assert "kolonnen investment står to gange" in message
