# SPDX-License-Identifier: MPL-2.0
"""Values are truly immutable: a mapping held by a frozen value refuses every change, and no
value loaded from the seed catalog holds a dict, list or set that could be changed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from decimal import Decimal

import pytest

from gevinst.core.effects import PhaseIn, PhaseInProfile
from gevinst.core.model import Catalog
from gevinst.core.series import Series
from gevinst.core.whatif import Changes


def test_a_loaded_proposals_mappings_refuse_changes(seed: Catalog) -> None:
    p = next(p for p in seed.proposals if p.keys and p.effects)
    with pytest.raises(TypeError):
        p.keys["ny"] = next(iter(p.keys.values()))  # type: ignore[index]
    key = next(iter(p.keys.values()))
    with pytest.raises(TypeError):
        key.weights[next(iter(key.weights))] = Decimal(0)  # type: ignore[index]
    with pytest.raises(TypeError):
        del p.effects[0].params[next(iter(p.effects[0].params))]  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        p.stated.table1["total"] = Series()  # type: ignore[index]


def test_a_value_keeps_a_copy_not_the_callers_dict() -> None:
    factors = {2025: Decimal("0.5")}
    phase = PhaseIn(PhaseInProfile.FACTORS, factors=factors)
    changes = Changes(shifts={"l1": 1})
    factors[2026] = Decimal(1)
    assert dict(phase.factors) == {2025: Decimal("0.5")}
    with pytest.raises(TypeError):
        changes.shifts["l1"] = 2  # type: ignore[index]


def _mutable_inside(value: object, path: str) -> Iterator[str]:
    """Where a dict, list or set is held inside ``value``, the frozen values it holds."""
    if isinstance(value, dict | list | set):
        yield path
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _mutable_inside(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, Mapping) and not isinstance(value, Series):
        for k, v in value.items():
            yield from _mutable_inside(v, f"{path}[{k!r}]")
    elif isinstance(value, tuple | list):
        for i, v in enumerate(value):
            yield from _mutable_inside(v, f"{path}[{i}]")


def test_nothing_in_the_loaded_seed_can_be_changed(seed: Catalog) -> None:
    assert list(_mutable_inside(seed, "catalog")) == []
