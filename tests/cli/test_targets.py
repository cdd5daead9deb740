# SPDX-License-Identifier: MPL-2.0
"""``gevinst targets`` and ``gevinst show --price-level`` on the shipped catalog."""

from __future__ import annotations

import json

import pytest

from gevinst.cli.main import main
from tests.paths import SEED


def test_targets_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["targets", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[0]
        == "Måltal for indkøbseffektiviseringer, Fremtidens Indkøb (1.000 kr. 2025 p/l, Service)"
    )
    assert lines[2].split() == ["Økonomiudvalget", "2025", "-3.368"]
    assert lines[11].split() == ["Hele", "kommunen", "2025", "-41.920", "-43.142", "-1.222", "nået"]
    assert lines[12] == "Tæller med: F7. Manko = opnået - måltal; besparelser er negative."
    assert lines[13].startswith("Kilde: Forslag 7, afsnit 1")


def test_targets_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["targets", str(SEED), "--format", "json", "--year", "2025"]) == 0
    (shown,) = json.loads(capsys.readouterr().out)["targets"]
    assert shown["id"] == "fremtidens-indkoeb-2025"
    assert (shown["price_level"], shown["area"], shown["counted"]) == (2025, "Service", ["F7"])
    assert shown["total"] == {
        "committee": None,
        "name": "Hele kommunen",
        "years": {"2025": {"target": -41920, "achieved": -43142, "manko": -1222, "met": True}},
    }
    assert shown["rows"][0] == {
        "committee": "ØU",
        "name": "Økonomiudvalget",
        "years": {"2025": {"target": None, "achieved": -3368, "manko": None, "met": None}},
    }
    assert shown["conversions"] == []


def test_targets_at_another_price_level_state_the_conversion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["targets", str(SEED), "--format", "json", "--price-level", "2024"]) == 0
    (shown,) = json.loads(capsys.readouterr().out)["targets"]
    assert shown["total"]["years"]["2025"]["target"] == -40000
    (c,) = shown["conversions"]
    assert (c["proposal"], c["from"], c["to"], c["factor"]) == ("F7", 2025, 2024, "0,954198")


def test_a_year_without_a_target_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["targets", str(SEED), "--year", "2030"]) == 2
    assert "intet måltal for 2030" in capsys.readouterr().err


def test_show_f3_at_2025_p_l(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED), "F3", "--table", "1", "--price-level", "2025"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "F3: udarbejdet i 2024 p/l, vist i 2025 p/l (omregnet med faktor 1,048: Pris- og "
        "lønudvikling, serviceudgifter, udgaven fra 2024-07-29)\n"
    )
    assert "1.000 kr. 2025 p/l" in out
    varig = next(line for line in out.splitlines() if line.startswith("Samlet varig ændring  "))
    assert varig.split()[-6:] == ["0", "-1.991", "-2.569", "-2.934", "-3.040", "-3.040"]


def test_the_catalog_says_where_a_proposal_is_not_converted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", str(SEED), "katalog"]) == 0
    assert capsys.readouterr().out.endswith(
        "F3: udarbejdet i 2024 p/l, vist uomregnet i kataloget i 2025 p/l "
        "(omregn med --price-level 2025)\n"
    )
    assert main(["show", str(SEED), "katalog", "--price-level", "2025"]) == 0
    out = capsys.readouterr().out
    assert "F3: udarbejdet i 2024 p/l, vist i 2025 p/l" in out
    assert "uomregnet" not in out
    f3 = out[out.index("Forslag 3") :].splitlines()[1].split()
    # the investment, line by line: 19.860 (18.950 * 1,048 = 19.859,6)
    assert f3[-5:] == ["1.991", "2.569", "2.934", "3.040", "19.860"]


def test_a_level_the_index_does_not_hold_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED), "F3", "--price-level", "2023"]) == 2
    assert "prisindekset har intet tal for 2023 p/l" in capsys.readouterr().err


def test_a_converted_proposal_is_not_counted_as_checked(capsys: pytest.CaptureFixture[str]) -> None:
    """The check is on the figures as made: the conversion's roundings and the basis (in the
    proposal's own prices) are not findings of the proposal."""
    assert main(["show", str(SEED), "F3", "--price-level", "2025"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        "Kontrollen gælder tallene, som forslaget er udarbejdet; se 'gevinst check'.\n"
    )
    assert main(["show", str(SEED), "F3"]) == 0
    assert capsys.readouterr().out.endswith(" fund; se 'gevinst check'.\n")
