# SPDX-License-Identifier: MPL-2.0
"""``gevinst show CATALOG katalog`` prints the profile's other catalog columns after the
investment, in the profile's order (the generic Danish municipality's: at full phase-in, the
investment on Service and on Anlæg, the payback); Copenhagen's profile names none, and its
summary is as always."""

from __future__ import annotations

import re

import pytest

from gevinst.cli.main import main
from tests.paths import ROOT, SEED

DK = ROOT / "catalogs" / "dk-kommune-budget-2026"


def test_the_profiles_columns_follow_the_investment(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(DK), "katalog"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[1]
    order = ["Invest.", "Ved fuld indfasning", "Investering, Service", "Investering, Anlæg"]
    assert [header.index(h) for h in order] == sorted(header.index(h) for h in order)
    assert header.rstrip().endswith("Tilbagebetalingstid")
    p2 = next(line for line in lines if line.startswith("2 Automatisk"))
    assert re.findall(r"\d+,\d|\d år", p2)[4:] == ["2,0", "1,1", "0,8", "1,2", "3 år"]


def test_copenhagens_summary_has_no_other_column(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED), "katalog"]) == 0
    header = capsys.readouterr().out.splitlines()[1]
    assert header.rstrip().endswith("Invest.")
