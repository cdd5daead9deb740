# SPDX-License-Identifier: MPL-2.0
"""The profile's money, periods, areas with their roles and template rules: Copenhagen's as
kk.yaml states them, a missing or contradictory setting refused with every problem named at
once, and the core's rules following the roles and rules a profile states, not names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gevinst.core import calc
from gevinst.core.check.template import check_template, required_tables
from gevinst.core.errors import FormatError
from gevinst.core.model import Catalog, LineKind, Proposal
from gevinst.core.money import Money, Periods
from gevinst.core.profile import AreaRole, TemplateRules
from gevinst.core.series import Series
from gevinst.core.template import printing
from gevinst.format.reader import load_catalog, load_profile
from tests.core.builders import line, proposal, series
from tests.format.bc01 import bc01_catalog, edit
from tests.format.bc01 import problems as bc01_problems
from tests.format.test_profile_workflow import written
from tests.paths import SEED


def at(catalog: Path, line: int, field: str) -> str:
    return f"{catalog / 'proposals' / 'BC01.yaml'}, linje {line}, forslag BC01, felt {field}:"


def problems(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> str:
    """What loading Copenhagen's profile changed by ``change`` says, all of it."""
    with pytest.raises(FormatError) as e:
        load_profile(str(written(tmp_path, change)))
    return str(e.value)


def test_copenhagens_money_periods_and_areas() -> None:
    kk = load_profile("kk")
    assert kk.money == Money("DKK", 1000, 0, "1.000 kr.")
    assert kk.periods == Periods(1) and kk.periods.label(2025) == "2025"
    assert kk.language == "da"
    assert kk.area_of(AreaRole.OPERATING) == "Service"
    assert kk.area_of(AreaRole.CAPITAL) == "Anlæg"
    assert kk.role_of("Efterspørgselsstyret indsats") is AreaRole.TRANSFERS
    assert kk.area_of(AreaRole.USER_FINANCED) is None


def test_copenhagens_template_rules() -> None:
    rules = load_profile("kk").template
    assert list(rules.technical_tables) == ["A", "B", "C", "D", "E"]
    assert rules.approval is not None and rules.approval.kind == "cfo"
    assert [(c.when, c.kind) for c in rules.consultations] == [
        ("m2_change", "ejendom"),
        ("digitalisation", "it-kredsen"),
        ("new_it_system", "koncern-it"),
        ("employer_area", "hr-kredsen"),
    ]


def test_a_financial_year_is_named_by_the_year_it_starts_in() -> None:
    april = Periods(4)
    assert [april.label(y) for y in (2024, 2033, 2099)] == ["2024/25", "2033/34", "2099/00"]
    assert april.year_of(april.first_day(2030)) == 2030
    assert april.year_of(april.last_day(2030)) == 2030


def test_every_contradiction_is_named_at_once(tmp_path: Path) -> None:
    def contradict(data: dict[str, Any]) -> None:
        data["default_area"] = "Drift"
        data["styringsomraader"][1]["role"] = "operating"  # Anlæg as well as Service
        data["administrations"][0]["committee"] = "FU"
        data["unit_order"].append("Kulturhuset")
        data["template"]["approval"]["kind"] = "revision"

    message = problems(tmp_path, contradict)
    assert "default_area: 'Drift' findes ikke under styringsomraader" in message
    assert "rollen 'operating' er givet to områder" in message
    # Tabel D splits capital, and no area is capital any more
    assert "Tabel D fordeler investeringen på området med rollen 'capital'" in message
    assert "administrations: ØKF: udvalget 'FU' findes ikke under committees" in message
    assert "unit_order: 'Kulturhuset' er hverken et udvalg eller en bevilling" in message
    assert "template.approval: kind 'revision' findes ikke under consultation_kinds" in message
    assert "profil.yaml" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["money"].update(currency="kroner"), "money.currency"),
        (lambda d: d["money"].update(scale=100), "money.scale"),
        (lambda d: d["periods"].update(start_month=13), "periods.start_month"),
        (lambda d: d.update(language="de"), "language"),
        (lambda d: d["styringsomraader"][0].update(role="drift"), "styringsomraader[0].role"),
        (lambda d: d["template"]["technical_tables"].update(F="x"), "template.technical_tables"),
        (lambda d: d["template"]["consultations"][0].update(when="altid"), "consultations[0].when"),
        (
            lambda d: d["template"]["wording"].update({"sections.9": "9. Bilag"}),
            "sections.9: skabelonen har afsnit 1 til 7",
        ),
        (
            lambda d: d["template"]["wording"].update({"forside": "x"}),
            "forside: ukendt tekst i skabelonen",
        ),
    ],
)
def test_a_wrong_setting_is_named_by_its_field(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    assert expected in problems(tmp_path, change)


@pytest.fixture(scope="module")
def seed() -> Catalog:
    return load_catalog(SEED)


def renamed(p: Proposal, names: dict[str, str]) -> Proposal:
    """The proposal with its areas named as another body names them, roles kept."""
    lines = tuple(replace(line, area=names.get(line.area or "", line.area)) for line in p.lines)
    return replace(p, lines=lines)


@pytest.mark.parametrize("pid", ["BC01", "F2", "F3"])
def test_the_rules_follow_the_role_not_the_name(seed: Catalog, pid: str) -> None:
    """A seed proposal with its areas called Revenue and Capital, as an English council
    calls them, has the same paybacks, technical tables and template rules: the core asks
    for a role, never for "Service" or "Anlæg"."""
    kk, p = seed.profile, seed.proposal(pid)
    english = {"Service": "Revenue", "Anlæg": "Capital"}
    roles = {english.get(a, a): r for a, r in kk.area_roles.items()}
    profile = replace(kk, areas=tuple(roles), area_roles=roles, area_aliases={})
    other = renamed(p, english)
    assert "Service" not in {line.area for line in other.lines}
    for basis in calc.PAYBACK_BASES:
        assert calc.payback(other, basis) == calc.payback(p, basis)
    for table in calc.TECHNICAL_TABLES:
        assert calc.Tables(other, profile)[table] == calc.Tables(p, kk)[table]
    assert required_tables(other, profile) == required_tables(p, kk)


def test_the_template_rules_are_the_profiles(seed: Catalog) -> None:
    kk, bc02, f2 = seed.profile, seed.proposal("BC02"), seed.proposal("F2")
    assert [f.rule for f in check_template(bc02, kk)] == [
        "template-C",
        "template-cfo",
        "template-it-kredsen",
        "template-koncern-it",
    ]
    assert required_tables(f2, kk) == ("A", "B", "C", "E")
    # a body whose template has only Tabel A, and no approval or consultation rule
    only_a = replace(kk, template=TemplateRules(technical_tables={"A": "Varige udgifter"}))
    assert required_tables(f2, only_a) == ("A",)
    assert list(check_template(bc02, only_a)) == []
    # a body with no template rules at all
    assert list(check_template(bc02, replace(kk, template=TemplateRules()))) == []


def test_a_file_in_another_scale_is_refused_with_its_place(tmp_path: Path) -> None:
    catalog = bc01_catalog(tmp_path / "c")
    line = edit(catalog, "scale: 1000\n", "scale: 1000000\n")
    [message] = bc01_problems(catalog)
    assert message.startswith(at(catalog, line, "scale"))
    assert (
        "skala 1.000.000, men profilen kk skriver alle beløb i 1.000 kr. (skala 1.000)" in message
    )


amounts = st.lists(st.integers(-50_000, 50_000), min_size=6, max_size=6)


@settings(max_examples=60, deadline=None)
@given(saving=amounts, cost=amounts, invest=amounts)
def test_the_figures_are_the_same_whatever_the_scale(
    saving: list[int], cost: list[int], invest: list[int]
) -> None:
    """The same proposal written in 1.000 kr. and in kroner: every figure of Tabel 1 is the
    same amount of money, and the paybacks the same years. The core computes in the scale
    the figures are written in, and nothing in it assumes 1.000 kr."""

    def written(factor: int) -> Proposal:
        def s(values: list[int]) -> Series:
            return series(*(v * factor for v in values))

        return proposal(
            line("saving", LineKind.EFFICIENCY, s([-abs(v) for v in saving])),
            line("cost", LineKind.OPERATING_COST, s([abs(v) for v in cost])),
            line("invest", LineKind.IMPLEMENTATION, s([abs(v) for v in invest])),
        )

    thousands, kroner = written(1), written(1000)
    for _, compute in calc.TABLE1_ROWS.values():
        assert {y: a * 1000 for y, a in compute(thousands).items()} == dict(compute(kroner))
    for basis in calc.PAYBACK_BASES:
        assert calc.payback(thousands, basis) == calc.payback(kroner, basis)


def test_a_body_that_counts_in_cash_says_so_over_its_tables(tmp_path: Path) -> None:
    path = written(tmp_path, lambda d: d["money"].update(prices="cash"))
    profile = load_profile(str(path))
    assert profile.money.prices == "cash"
    assert printing(profile).prices(2025) == "1.000 kr., løbende priser"
    assert printing(load_profile("kk")).prices(2025) == "1.000 kr. 2025 p/l"
    assert "money.prices" in problems(tmp_path, lambda d: d["money"].update(prices="nominal"))
