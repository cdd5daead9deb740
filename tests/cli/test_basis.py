# SPDX-License-Identifier: MPL-2.0
"""``gevinst basis`` and ``gevinst whatif`` on the shipped catalog, as an economist runs them.

BC01's effect e3 (time saving): 68.500 cases × 1 min. + 4.000 × 3 min. = 80.500 min. =
1.341,67 hours; / årstimenorm 1.262,6 = 1,0626 ÅV; × (793 + 35) t.kr. = 879,9 -> 880 a year,
2/3 in 2026 (587). e1 and e2: 0,5 ÅV × 594 = 297 a year, half in 2025 (148,5 -> 149).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from gevinst.cli.main import main
from gevinst.core.whatif import uses
from gevinst.format.reader import load_catalog
from gevinst.services.whatif import parse_number, parse_numbers
from tests.paths import SEED


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_basis_shows_model_parameters_assumptions_and_result(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["basis", str(SEED), "BC01"]) == 0
    out = capsys.readouterr().out
    assert "Model: Tidsbesparelse (time_saving), besparelse" in out
    assert "hour_norm    1.262,6 timer" in out
    assert "fælles antagelse aarstimenorm (årstimenorm), gælder fra 1. januar 2024" in out
    assert "80.500 minutter = 1.341,7 timer" in out
    assert "Grundlaget giver ikke linjens beløb i 2026." in out


def test_basis_json(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, "basis", str(SEED), "BC01")
    effects = {e["line"]: e for e in out["effects"]}
    assert out["as_of"] == "2025-01-01"
    assert [e["reproduced"] for e in effects.values()] == [True, False, False]
    e3 = effects["e3"]
    assert e3["series"] == {
        "2024": 0,
        "2025": 0,
        "2026": -587,
        **dict.fromkeys(("2027", "2028", "2029"), -880),
    }
    norm = next(p for p in e3["params"] if p["name"] == "hour_norm")
    assert norm["value"] == "1262.6"
    assert norm["assumption"]["name"] == "aarstimenorm"
    assert norm["assumption"]["reference"] == "Anvendt i BC01, budget 2025"


def test_whatif_an_assumption(capsys: pytest.CaptureFixture[str]) -> None:
    # årstimenorm 1.300: 1.341,67 / 1.300 × 828 = 854,54 -> -855 from 2027, and
    # 854,54 × 2/3 = 569,7 -> -570 in 2026; varig virkning -297 - 297 - 855 = -1.449
    out = run_json(capsys, "whatif", str(SEED), "BC01", "--set", "aarstimenorm=1300")
    c = out["comparison"]
    assert c["lines"]["e3"]["after"]["2026"] == -570
    assert c["lines"]["e3"]["after"]["2029"] == -855
    assert c["figures"]["varig"]["after"]["2029"] == -1449
    assert c["figures"]["varig"]["difference"]["2029"] == 25
    assert c["payback"]["total"] == {"before": "4 år (2028)", "after": "4 år (2028)"}
    assert c["request"]["assumptions"] == {"aarstimenorm": 1300}
    # the split follows: the seven administrations' key of e3 gives every committee less
    assert all(c["committees"][u]["difference"]["2029"] > 0 for u in ("ØU", "SU", "BIU"))


def test_whatif_text_names_the_change_and_the_notes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["whatif", str(SEED), "BC01", "--set", "aarstimenorm=1.300,0"]) == 0
    out = capsys.readouterr().out
    assert "årstimenorm (aarstimenorm): 1.262,6 → 1.300 timer" in out
    assert (
        "Grundlaget for linje e3 giver ikke forslagets beløb (2026: -587 mod angivet -550)" in out
    )
    assert "Tilbagebetalingstid baseret på totaløkonomi: 4 år (2028) → 4 år (2028)" in out


def test_whatif_the_whole_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, "whatif", str(SEED), "--set", "aarstimenorm=1300")
    using = {p.id for p in load_catalog(SEED).proposals if uses(p, "aarstimenorm")}
    assert "BC01" in using
    assert {p["proposal"] for p in out["proposals"]} == using
    # BC01 is in the catalog's Tabel 1 as a positive contribution: 25 less from 2027
    assert out["tables"]["catalog-1"]["difference"]["2027"] == -25


def test_sensitivity_and_three_point(capsys: pytest.CaptureFixture[str]) -> None:
    # årstimenorm - 10 % = 1.136,34: 1.341,67 / 1.136,34 × 828 = 977,6 -> varig virkning
    # -297 - 297 - 978 = -1.572.  1.200: 925,75 -> -1.520; 1.400: 793,5 -> -794 -> -1.388.
    # PERT: (-1.520 + 4 × -1.474 - 1.388) / 6 = -8.804 / 6 = -1.467,33
    out = run_json(
        capsys,
        *("whatif", str(SEED), "BC01", "--sensitivity"),
        *("--range", "aarstimenorm=1200;1262,6;1400"),
    )
    rows = {r["name"]: r for r in out["sensitivity"]["rows"]}
    assert rows["aarstimenorm"]["points"]["-10"]["steady_state"] == -1572
    assert rows["aarstimenorm"]["points"]["+10"]["payback_total"] == "5 år (2029)"
    (t,) = out["three_point"]
    assert [t[k]["steady_state"] for k in ("low", "likely", "high")] == [-1520, -1474, -1388]
    assert t["expected_steady_state"] == "-1467.33"


def test_npv_of_the_stated_proposal(capsys: pytest.CaptureFixture[str]) -> None:
    # the worked example of tests/core/test_npv.py: -24.002,95 at 3,5 %, 2024-2059
    out = run_json(capsys, "whatif", str(SEED), "BC01", "--npv")
    assert out["npv"]["before"]["value"] == "-24002.95"
    assert out["npv"]["after"] is None
    assert main(["whatif", str(SEED), "BC01", "--npv", "--set", "diskonteringsrente=4%"]) == 0
    assert "ved 3,5 %, efter" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["BC01", "--set", "nope=1"], "ukendt antagelse 'nope'"),
        (["BC01", "--set", "aarstimenorm=1.300"], "'1.300' er tvetydigt"),
        (["BC01", "--set", "aarstimenorm=tre"], "'tre' er ikke et tal"),
        (["BC01", "--set", "aarstimenorm"], "skriv NAVN=VÆRDI"),
        (["BC01", "--shift", "x9=+1"], "linjen 'x9' findes ikke i BC01"),
        (["BC01", "--shift", "e3=et"], "antal år skal være et helt tal"),
        (["BC01", "--set", "e3.cases=1"], "parameteren e3.cases har 2 tal"),
        (["BC01", "--range", "aarstimenorm=1;2"], "angiv tre tal"),
        (["BC01"], "intet at beregne"),
        (["--shift", "e3=+1"], "angiv dets ID"),
        ([], "angiv mindst én fælles antagelse"),
    ],
)
def test_bad_input_exits_2_with_a_danish_message(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["whatif", str(SEED), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_unknown_proposal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["basis", str(SEED), "BC99"]) == 2
    assert "BC99" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1262,6", "1262.6"),
        ("1262.6", "1262.6"),
        ("1.262,6", "1262.6"),
        ("0.035", "0.035"),
        ("3,5%", "0.035"),
        ("-1474", "-1474"),
        ("12.345.678", "12345678"),
    ],
)
def test_numbers_as_typed(text: str, expected: str) -> None:
    assert parse_number(text) == parse_number(expected)
    assert str(parse_number(expected)) == expected


def test_lists_as_typed() -> None:
    assert parse_numbers("1,5;3") == parse_numbers("1.5,3")
    assert [str(x) for x in parse_numbers("1,5;3")] == ["1.5", "3"]
