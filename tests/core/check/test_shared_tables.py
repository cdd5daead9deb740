# SPDX-License-Identifier: MPL-2.0
"""The check computes each proposal's technical tables once and shares them between the
rule families (calc.Tables): the tables and the findings must be exactly those that each
rule family finds computing them on its own, for the seed and a generated portfolio."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.generate import write_portfolio

from gevinst.core import calc
from gevinst.core.check import check_proposal
from gevinst.core.check.basis import check_basis_table, check_effects
from gevinst.core.check.claims import check_claims
from gevinst.core.check.table1 import check_table1
from gevinst.core.check.tables import (
    check_admin,
    check_c_is_a_plus_b,
    check_price_bases,
    check_technical,
)
from gevinst.core.check.targets import check_targets
from gevinst.core.check.template import check_template, required_tables
from gevinst.core.findings import Finding
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile
from gevinst.format.reader import load_catalog
from tests.paths import SEED


def _each_on_its_own(p: Proposal, profile: Profile) -> list[Finding]:
    """check_proposal's rule families in its order, none sharing a table with another."""
    return [
        *check_table1(p),
        *check_effects(p, profile),
        *check_technical(p, profile),
        *check_c_is_a_plus_b(p, profile),
        *check_admin(p),
        *check_template(p, profile),
        *check_targets(p),
        *check_price_bases(p),
        *(f for b in p.basis for f in check_basis_table(p, b)),
        *check_claims(p, profile),
    ]


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> list[Catalog]:
    folder: Path = tmp_path_factory.mktemp("portfolio")
    generated = write_portfolio(folder, 1, 10, seed=11)
    return [load_catalog(SEED), *(load_catalog(f) for f in generated)]


def test_shared_tables_are_the_functions_tables(catalogs: list[Catalog]) -> None:
    checked = 0
    for cat in catalogs:
        for p in cat.proposals:
            if calc.unbooked(p):
                continue
            tables = calc.Tables(p, cat.profile)
            # C first: it must be built from A and B as table_c builds it
            for name in ("C", "A", "B", "D", "E"):
                assert tables[name] == calc.TECHNICAL_TABLES[name](p, cat.profile)
            for include in (True, False):
                assert tables.distribution(include) == calc.distribution(p, cat.profile, include)
            assert required_tables(p, cat.profile, tables) == required_tables(p, cat.profile)
            checked += 1
    assert checked >= 15  # the seed's booked proposals and the ten generated ones


def test_the_check_finds_what_each_rule_family_finds_alone(catalogs: list[Catalog]) -> None:
    findings = 0
    for cat in catalogs:
        for p in cat.proposals:
            shared = check_proposal(p, cat.profile)
            assert shared == _each_on_its_own(p, cat.profile)
            findings += len(shared)
    assert findings > 100  # the seed's own, and the generator's planted disagreements
