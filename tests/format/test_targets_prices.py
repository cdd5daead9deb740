# SPDX-License-Identifier: MPL-2.0
"""catalog.yaml's targets and the profile's price_index in the format: the seed's as read,
written back and read again the same, and each broken one refused in Danish with its file,
line and field."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gevinst.core.errors import FormatError
from gevinst.core.model import Catalog
from gevinst.core.series import Series
from gevinst.format.reader import load_catalog, load_profile
from gevinst.format.writer import catalog_document, proposal_document, to_yaml, write_catalog
from gevinst.importers.bundle import catalog_from_documents
from tests.format.test_profile_workflow import written
from tests.paths import SEED

D = Decimal


def test_the_seeds_target_as_read(seed: Catalog) -> None:
    (t,) = seed.targets
    assert (t.id, t.price_level, t.area, t.proposals) == (
        "fremtidens-indkoeb-2025",
        2025,
        "Service",
        ("F7",),
    )
    assert t.total == Series({2025: D(-41920)}) and t.shares is None and not t.committees
    assert t.years == (2025,)


def test_targets_survive_a_round_trip(tmp_path: Path, seed: Catalog) -> None:
    write_catalog(seed, tmp_path / "igen")
    again = load_catalog(tmp_path / "igen")
    assert again.targets == seed.targets
    documents = [proposal_document(p) for p in seed.proposals]
    assert catalog_from_documents(catalog_document(seed), documents, tmp_path).targets == (
        seed.targets
    )


def _catalog(tmp_path: Path, change: Callable[[list[dict[str, Any]]], None]) -> Path:
    """The seed's folder with its targets changed; catalog.yaml as gevinst writes it (PyYAML
    would read the rows' key `no` as false)."""
    folder = tmp_path / "katalog"
    shutil.copytree(SEED, folder)
    data = catalog_document(load_catalog(SEED))
    targets = copy.deepcopy(data["targets"])
    change(targets)
    data["targets"] = targets
    (folder / "catalog.yaml").write_text(to_yaml(data), encoding="utf-8")
    return folder


def _problems(tmp_path: Path, change: Callable[[list[dict[str, Any]]], None]) -> list[str]:
    with pytest.raises(FormatError) as e:
        load_catalog(_catalog(tmp_path, change))
    return [str(p) for p in e.value.problems]


def test_an_unknown_committee_names_its_place(tmp_path: Path) -> None:
    def change(ts: list[dict[str, Any]]) -> None:
        ts[0]["total"] = None
        ts[0]["committees"] = {"XYZ": {2025: -1}, "BUF": {2025: -2}}

    (problem,) = _problems(tmp_path, change)
    assert "catalog.yaml, linje" in problem
    assert "felt targets[0].committees.XYZ: ukendt udvalg eller forvaltning 'XYZ'" in problem


def test_unknown_names_are_each_reported(tmp_path: Path) -> None:
    def change(ts: list[dict[str, Any]]) -> None:
        ts[0]["area"] = "Drift"
        ts[0]["proposals"] = ["F7", "F9"]
        ts[0]["shares"] = {"source": "test", "weights": {"BUF": 1, "Ukendt": 2}}
        ts.append(copy.deepcopy(ts[0]))

    found = _problems(tmp_path, change)
    assert any("targets[0].area: ukendt styringsområde 'Drift'" in p for p in found)
    assert any("targets[0].proposals[1]: forslaget 'F9' står ikke i proposals" in p for p in found)
    assert any("targets[0].shares.weights.Ukendt: ukendt udvalg" in p for p in found)
    assert any(
        "targets[1].id: måltallet 'fremtidens-indkoeb-2025' står to gange" in p for p in found
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.update(committees={"BIU": {2025: -1}}), "enten total"),
        (lambda t: t.pop("total"), "enten total"),
        (lambda t: t.update(total={}), "måltallet har ingen år"),
        (lambda t: t.update(total={2025: "1.144"}), "kan læses både som 1144"),
        (lambda t: t.update(total={1800: -1}), "året 1800 er uden for 1900-2199"),
        (lambda t: t.update(source=""), "source"),
        (
            lambda t: t.update(shares={"source": "s", "weights": {"BUF": -1}}),
            "en andel kan ikke være negativ",
        ),
        (
            lambda t: t.update(shares={"source": "s", "weights": {"BUF": 0}}),
            "mindst én andel skal være over nul",
        ),
    ],
)
def test_a_broken_target_is_refused_with_its_place(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    found = _problems(tmp_path, lambda ts: change(ts[0]))
    assert any("targets[0]" in p and message in p for p in found), found


def test_copenhagens_price_index() -> None:
    index = load_profile("kk").price_index
    assert index is not None
    (edition,) = index.editions
    assert dict(edition.values) == {2024: D(100), 2025: D("104.8")}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda i: i["editions"][0]["values"].update({2023: 0}), "0: skal være over nul"),
        (lambda i: i["editions"].append(copy.deepcopy(i["editions"][0])), "står to gange"),
        (lambda i: i.update(source=""), "price_index.source"),
        (lambda i: i["editions"][0].update(start="2024-02-30"), "ikke en gyldig dato"),
    ],
)
def test_a_broken_index_is_refused_with_its_place(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    path = written(tmp_path, lambda data: change(data["price_index"]))
    with pytest.raises(FormatError) as e:
        load_profile(str(path))
    found = [str(p) for p in e.value.problems]
    assert any(message in p and "price_index" in p for p in found), found
