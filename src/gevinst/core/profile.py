# SPDX-License-Identifier: MPL-2.0
"""The municipality profile: administrations, committees and appropriations as data.

The technical tables A to E have one row per *unit*: a committee, or an appropriation that
the budget system shows on its own line under a committee (Copenhagen's Koncernservice
under Økonomiudvalget). Another municipality is another profile file, not a code change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from gevinst.core.assumptions import Assumptions
from gevinst.core.errors import MissingKeyError
from gevinst.core.frozen import freeze
from gevinst.core.money import Money, Periods

if TYPE_CHECKING:
    # the lifecycle's conditions read a proposal's figures, which read the profile
    from gevinst.core.lifecycle import Workflow
    from gevinst.core.prices import PriceIndex


@dataclass(frozen=True)
class Administration:
    code: str
    name: str
    committee: str


@dataclass(frozen=True)
class Committee:
    code: str
    name: str


@dataclass(frozen=True)
class Appropriation:
    code: str
    name: str
    committee: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    administrations: tuple[Administration, ...]
    committees: tuple[Committee, ...]
    appropriations: tuple[Appropriation, ...]
    unit_order: tuple[str, ...]
    areas: tuple[str, ...]
    area_aliases: Mapping[str, str] = field(default_factory=dict)
    default_area: str | None = None
    assumptions: Assumptions = field(default_factory=Assumptions)
    consultation_kinds: Mapping[str, str] = field(default_factory=dict)
    workflow: Workflow | None = None  # None: the body keeps no lifecycle in gevinst
    price_index: PriceIndex | None = None  # None: amounts are never converted between p/l
    money: Money = field(default_factory=Money)
    periods: Periods = field(default_factory=Periods)
    language: str = "da"  # the language of every output: "da" or "en"

    def __post_init__(self) -> None:
        freeze(self, "area_aliases", "consultation_kinds")

    @cached_property
    def _names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for c in self.committees:
            names[c.code] = names[c.name] = c.code
        for a in self.administrations:
            names[a.code] = names[a.name] = a.committee
        for p in self.appropriations:
            for alias in (p.code, p.name, *p.aliases):
                names[alias] = p.code
        return names

    def unit(self, name: str) -> str:
        """The unit a name stands for: an administration stands for its committee."""
        try:
            return self._names[name]
        except KeyError:
            raise MissingKeyError(f"ukendt udvalg, forvaltning eller bevilling: {name!r}") from None

    def row_unit(self, label: str) -> str:
        """The unit of a printed table row: "BIU / Efterspørgselsstyret indsats" is BIU's
        row for one styringsområde."""
        return self.unit(label.split(" / ", maxsplit=1)[0])

    def is_unit_name(self, name: str) -> bool:
        return name in self._names

    def committee_of(self, unit: str) -> str:
        """The committee that a unit belongs to (itself, for a committee)."""
        for p in self.appropriations:
            if p.code == unit:
                return p.committee
        return unit

    def unit_name(self, unit: str) -> str:
        for c in self.committees:
            if c.code == unit:
                return c.name
        for p in self.appropriations:
            if p.code == unit:
                return p.name
        return unit

    def administration(self, code: str) -> Administration:
        for a in self.administrations:
            if code in (a.code, a.name):
                return a
        raise MissingKeyError(f"ukendt forvaltning: {code!r}")

    def find_area(self, name: str) -> str | None:
        """The styringsområde a printed name stands for, or None."""
        if name in self.areas:
            return name
        return self.area_aliases.get(name)

    def sort_units(self, units: set[str] | list[str]) -> list[str]:
        order = {u: i for i, u in enumerate(self.unit_order)}
        return sorted(units, key=lambda u: (order.get(u, len(order)), u))
