# SPDX-License-Identifier: MPL-2.0
"""The municipality profile: administrations, committees and appropriations as data.

The technical tables A to E have one row per *unit*: a committee, or an appropriation that
the budget system shows on its own line under a committee (Copenhagen's Koncernservice
under Økonomiudvalget). Another municipality is another profile file, not a code change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from gevinst.core.appraisal.settings import AppraisalSettings
from gevinst.core.assumptions import Assumptions
from gevinst.core.errors import MissingKeyError
from gevinst.core.frozen import freeze
from gevinst.core.money import Money, Periods

if TYPE_CHECKING:
    # the lifecycle's conditions read a proposal's figures, which read the profile
    from gevinst.core.lifecycle import Workflow
    from gevinst.core.prices import PriceIndex


class AreaRole(StrEnum):
    """What a styringsområde (area) is for, whatever the body calls it: the core's rules ask
    for a role (the payback on operating spending; tables D and E split capital and
    operating investment), the profile names the area that has it."""

    OPERATING = "operating"  # Service; Revenue
    CAPITAL = "capital"  # Anlæg; Capital
    TRANSFERS = "transfers"  # Overførsler, Efterspørgselsstyret indsats
    USER_FINANCED = "user_financed"  # Brugerfinansieret område
    FINANCING = "financing"  # Finansiering


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
class RequiredConsultation:
    """A consultation the template requires where a proposal's scope says so: ``when`` names
    a question of the scope (``digitalisation``, ``new_it_system``, ``m2_change``,
    ``employer_area``), ``kind`` the consultation, ``text`` the rule in the template's words."""

    when: str
    kind: str
    text: str


@dataclass(frozen=True)
class Approval:
    """The body whose final approval the template requires before the committees (``kind``,
    a consultation kind), and the rule's words: where it is missing, and what a required
    consultation must come before."""

    kind: str
    missing: str
    before: str


@dataclass(frozen=True)
class TemplateRules:
    """The template's rules as the body words them: the technical tables it has, each with
    why it is called for (a table not named does not exist in the body's template), the
    final approval it requires and the consultations its scope calls for. A body with none
    of these has no such rules: the check applies only what the profile states."""

    technical_tables: Mapping[str, str] = field(default_factory=dict)
    # Tabel 1 prints a column of each row's total over its years (an English outline
    # business case's "Total"); Copenhagen's prints none
    table1_total: bool = False
    approval: Approval | None = None
    consultations: tuple[RequiredConsultation, ...] = ()
    # the template's texts the body words its own way, by name (core.template.reworded):
    # Copenhagen names its budget system in the heading of section 7
    wording: Mapping[str, str] = field(default_factory=dict)
    # the columns a catalog summary table prints, in this order (CATALOG_COLUMNS); empty:
    # as gevinst always printed them, the effect by year, the effect at full phase-in and the
    # payback where a row states them, the investment and "Godkendt med"
    catalog_columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        freeze(self, "technical_tables", "wording")


# the columns a catalog summary table may print (the profile's template.catalog_columns):
# the effect by year; the effect split by area (one column per area a row splits it on, the
# table's last year); the effect at full phase-in; the investment; the investment split by
# area (one column per area); the payback as stated; "Godkendt med"
CATALOG_COLUMNS = (
    "effect_years",
    "effect_by_area",
    "full_effect",
    "investment",
    "investment_by_area",
    "payback",
    "approved_with",
)


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
    # each area's role; an area of no role is one no rule of the core asks for
    area_roles: Mapping[str, AreaRole] = field(default_factory=dict)
    default_area: str | None = None
    assumptions: Assumptions = field(default_factory=Assumptions)
    consultation_kinds: Mapping[str, str] = field(default_factory=dict)
    workflow: Workflow | None = None  # None: the body keeps no lifecycle in gevinst
    price_index: PriceIndex | None = None  # None: amounts are never converted between p/l
    appraisal: AppraisalSettings | None = None  # None: the body sets no appraisal settings
    money: Money = field(default_factory=Money)
    periods: Periods = field(default_factory=Periods)
    language: str = "da"  # the language of every output: "da" or "en"
    template: TemplateRules = field(default_factory=TemplateRules)
    # each area's printed name where it differs from its code ("Housing Revenue Account")
    area_names: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        freeze(self, "area_aliases", "area_roles", "consultation_kinds", "area_names")

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

    def area_name(self, area: str) -> str:
        """The printed name of an area: "Anlæg" for Anlæg, "Housing Revenue Account" for HRA."""
        return self.area_names.get(area, area)

    def area_of(self, role: AreaRole) -> str | None:
        """The area that has a role ("Service" for operating in Copenhagen), or None."""
        return next((a for a, r in self.area_roles.items() if r is role), None)

    def role_of(self, area: str | None) -> AreaRole | None:
        return self.area_roles.get(area) if area is not None else None

    @cached_property
    def _unit_rank(self) -> dict[str, int]:
        """Each unit's place in ``unit_order``, made once: the check sorts the rows of every
        table of every proposal by it."""
        return {u: i for i, u in enumerate(self.unit_order)}

    def sort_units(self, units: set[str] | list[str]) -> list[str]:
        order = self._unit_rank
        return sorted(units, key=lambda u: (order.get(u, len(order)), u))
