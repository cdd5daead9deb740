# SPDX-License-Identifier: MPL-2.0
"""Every command's text output follows the catalog's profile: the English council's example
catalog (en-unitary: whole pounds, financial years from April, English) prints "£",
"2025/26", English words and figures ("1,450,000"), and no Copenhagen "1.000 kr."; the
Danish summary catalog (dk-kommune) prints mio. kr. with one decimal."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from gevinst.cli.main import main
from tests.paths import ROOT

EN = ROOT / "catalogs" / "en-unitary-2025-26"
DK = ROOT / "catalogs" / "dk-kommune-budget-2026"
THOUSAND_KR = "1.000 kr."
# the terminal's Danish words that an English profile's output must not hold
DANISH = re.compile(
    r"\b(?:Investeringspuljen|Til rådighed|Ansøgt|Beregningsgrundlag|Grundlaget|Forskel"
    r"|Vurdering|Nutidsværdi|Tilbagebetalingstid|Nøglebeslutning|Finansiering|Måltal|Opnået"
    r"|Manko|Udvalg|Kilde|forfalden|aktuel|kommende|Næste skift|kan ske nu|venter|set fra"
    r"|forslag|fejl|advarsler|katalog|tabel|I alt|p/l)\b"
)

TARGET = """targets:
  - id: invest-to-save
    label: Invest to Save savings target
    source: Medium Term Financial Strategy 2025/26 (an example)
    price_level: 2025
    area: Revenue
    proposals: [OBC01]
    total: {2025: -100000, 2026: -400000}
"""


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(list(argv))
    return capsys.readouterr().out


def _english(out: str) -> None:
    assert THOUSAND_KR not in out
    assert DANISH.findall(out) == []


@pytest.fixture
def en(tmp_path: Path) -> Path:
    """A copy of the English example with a savings target."""
    copy = tmp_path / "en"
    shutil.copytree(EN, copy)
    with (copy / "catalog.yaml").open("a", encoding="utf-8") as f:
        f.write(TARGET)
    return copy


def test_pool(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "pool", str(EN))
    _english(out)
    assert out.startswith("Investment pool, Budget 2025/26")
    header = out.splitlines()[1].split()
    assert header == ["£", "2025/26", "2026/27", "Total"]
    assert "Requested in all" in out and "1,450,000" in out


def test_pool_in_millions_with_one_decimal(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "pool", str(DK))
    assert out.splitlines()[1].split() == ["mio.", "kr.", "2026", "I", "alt"]
    assert "  P2                         2,0       2,0" in out
    assert THOUSAND_KR not in out


# the core's Danish words of a calculation basis and a what-if (core/basis_words.py) that an
# English profile's basis, what-if and appraisal must not print
BASIS_DANISH = (
    "Årsværk",
    "ÅV",
    "årsværkspris",
    "Andel af et budget",
    "budget × andel",
    "Abonnement",
    "enheder × pris",
    "om året",
    "Indfasning",
    "indfasning",
    "fuldt",
    "fra start",
    "angivne andele",
    "som angivet",
    "besparelse",
    "udgift",
    "fælles antagelse",
    "gælder fra",
    "antaget",
    "linje ",
    "flyttes",
    "t.kr.",
    " år ",
)
# a figure in Danish format: a thousands point ("33.000") or a decimal comma ("0,5", "33,3 %")
DANISH_FIGURE = re.compile(r"\d\.\d{3}\b|\d,\d{1,2}\b")


def _no_danish_basis(out: str) -> None:
    assert [w for w in BASIS_DANISH if w in out] == []
    assert DANISH_FIGURE.findall(out) == []


def test_the_danish_basis_words_are_caught(capsys: pytest.CaptureFixture[str]) -> None:
    """The lists above find the Danish of Copenhagen's basis (they are not vacuous)."""
    out = _run(capsys, "basis", str(ROOT / "catalogs" / "kk-budget-2025"), "BC01")
    found = {w for w in BASIS_DANISH if w in out}
    assert {"ÅV", "om året", "Indfasning", "besparelse", "t.kr.", "gælder fra"} <= found
    assert "1.262,6" in out and DANISH_FIGURE.search(out)


def test_basis(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "basis", str(EN), "OBC01")
    _english(out)
    _no_danish_basis(out)
    assert out.startswith("Calculation basis for OBC01")
    assert "amounts in £, 2025/26 prices" in out
    assert "2025/26  2026/27" in out and "-462,000" in out
    assert "The basis gives the line's amounts." in out
    assert "The line in Table 1" in out and "Grundlaget" not in out
    assert THOUSAND_KR not in out
    # the models, phase-in, steps and parameters as the core writes them, in English, with
    # the profile's figures, money and years
    assert "  Model: Full-time equivalents (fte), saving\n" in out
    assert "  Model: Subscription (subscription), cost\n" in out
    assert "  Phase-in: with the shares given for each year\n" in out
    assert "  Phase-in: in full, from 2026/27\n" in out
    assert "    price        33,000\n" in out and "    share        0.5\n" in out
    assert "    FTE × cost per FTE: 14 × 33,000 = £462,000 a year\n" in out
    assert "    budget × share: 130,000 × 0.5 = £65,000 a year\n" in out
    assert "    units × price per unit (£): (350 × 500) = £175,000 a year\n" in out
    assert "Phase-in (as given year by year): 2025/26: 33.3 %, 2026/27: 100 %" in out
    assert "Phase-in (in full from the start): 2025/26: 0 %, 2026/27: 100 %" in out


def test_basis_json_names_the_model_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "basis", str(EN), "OBC01", "--format", "json")
    doc = json.loads(out)
    first = doc["effects"][0]
    assert first["model_label"] == "Full-time equivalents"
    assert first["steps"][0] == "FTE × cost per FTE: 14 × 33,000 = £462,000 a year"
    _no_danish_basis(" ".join(s for e in doc["effects"] for s in e["steps"]))


def test_appraise(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "appraise", str(EN), "OBC01")
    assert "Appraisal of the options against the do-nothing baseline" in out
    assert "£, 2025/26 prices" in out and "Horizon 2025/26-2034/35" in out
    assert "Net present value (NPV)" in out and "-2,147,129" in out
    assert "2 years (2026/27)" in out and "Key decision: yes, threshold £500,000" in out
    assert THOUSAND_KR not in out and "Nutidsværdi" not in out
    # the schedule's years and the switching values' groups and rates in English too
    words = " ".join(out.split())  # the head is wrapped at the terminal's width
    assert "3.5 % years 0-30" in words and "1 % from year 301" in words
    assert "  total costs: +89 % (present value 3,233,351 -> 6,112,134)" in out
    assert "  the loan's rate: the NPV against do nothing is 0 at 36.22 % (used 4.50 %)" in out
    assert not [w for w in (" år ", "omkostninger", "kontante", "lånets") if w in out]


def test_targets(capsys: pytest.CaptureFixture[str], en: Path) -> None:
    out = _run(capsys, "targets", str(en))
    _english(out)
    assert "Invest to Save savings target (£, 2025/26 prices, Revenue)" in out
    assert re.search(r"Committee\s+Year\s+Target\s+Achieved\s+Shortfall", out)
    assert re.search(r"2025/26\s+-100,000", out)
    assert "Shortfall = achieved - target; savings are negative." in out


def test_targets_none(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "targets", str(EN)) == "The catalogue has no targets.\n"


def test_followup_reads_quarters_of_the_financial_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "followup", str(EN), "--as-of", "2026-06-01")
    _english(out)
    # OBC01's "Q4 2025" is the last quarter of 2025/26, "Q1 2026" the first of 2026/27
    assert "  overdue    2026-01-01–2026-03-31  OBC01  The self-service platform is live" in out
    assert "  due        2026-04-01–2026-06-30  OBC01  The fourteen posts" in out
    assert "upcoming" in out


def test_status(capsys: pytest.CaptureFixture[str], en: Path) -> None:
    out = _run(capsys, "status", str(en), "OBC01")
    _english(out)
    assert "Next steps (gevinst move CATALOGUE ID STEP):" in out
    assert "  submit (Submit to Finance): can be taken now" in out


def test_overview(capsys: pytest.CaptureFixture[str], en: Path) -> None:
    out = _run(capsys, "overview", str(en), "--as-of", "2026-06-01")
    _english(out)
    assert out.startswith("Budget 2025/26, as of 2026-06-01: 2 proposals (Draft 2)")
    assert "consultations unanswered" in out and "follow-up goals lack evidence" in out
    assert "OBC01  Draft (approved with Budget 2025/26)" in out
    assert "  can be taken now: submit, withdraw" in out


def test_check_summary_and_headers(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "check", str(EN))
    head, *_ = out.splitlines()
    assert head.split() == ["proposal", "errors", "warnings", "info"]
    assert "OBC01 table basis" in out
    last = out.splitlines()[-1]
    assert re.fullmatch(r"\d+ findings in 2 proposals: 0 errors, 0 warnings, \d+ info", last)
    assert THOUSAND_KR not in out


def test_copenhagen_stays_danish(capsys: pytest.CaptureFixture[str]) -> None:
    seed = ROOT / "catalogs" / "kk-budget-2025"
    out = _run(capsys, "pool", str(seed))
    assert out.splitlines()[1].startswith("1.000 kr.                   2024      2025")
    out = _run(capsys, "check", str(seed))
    assert out.splitlines()[0].split() == ["forslag", "fejl", "advarsler", "info"]
    assert out.splitlines()[-1] == "236 fund i 9 forslag: 118 fejl, 88 advarsler, 30 info"


def test_realisation(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "realisation", str(EN))
    _english(out)
    assert out.startswith("Realised effect against planned (Table A), £\n")
    assert "2025/26   2026/27" in out and "-154,000" in out
    assert "  planned " in out and "  difference" in out


def test_whatif(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(
        capsys,
        "whatif",
        str(EN),
        "OBC01",
        "--set",
        "e1.fte=12",
        "--sensitivity",
        "--range",
        "e1.fte=10,12,14",
    )
    assert THOUSAND_KR not in out
    assert out.startswith("What if – OBC01 ")
    assert re.search(r"£, 2025/26 prices\s+2025/26\s+2026/27", out)
    assert re.search(r"Total permanent change, revenue\s+before\s+-154,000", out)
    assert "Payback period based on total costs: 4 years (2028/29) → 5 years (2029/30)" in out
    assert "Sensitivity: permanent effect (£) and payback period" in out
    assert " 5 years (2029/30) 5 years (2029/30) " in out  # the paybacks' columns apart
    assert "Range of the permanent effect: -477,000 to -345,000" in out
    # what changed, the inputs' labels and their values in English and English figures
    assert "  e1.fte: 14 → 12\n" in out
    assert re.search(r"\nline e1: price\s+33,000\s", out)
    assert re.search(r"\nline e2: share\s+0\.5\s", out)
    assert "Three-point estimate: line e1: fte\n" in out
    _no_danish_basis(out)


def test_whatif_changes_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "whatif", str(EN), "OBC01", "--set", "e1.price=35000", "--shift", "e2=+1")
    assert "  e1.price: 33,000 → 35,000\n" in out
    assert "  the phase-in of e2 moves +1 year(s)\n" in out
    _english(out)
    _no_danish_basis(out)


def test_appraise_has_no_danish_basis_words(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "appraise", str(EN), "OBC01")
    _no_danish_basis(out)


def test_rounds(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "rounds", str(EN))
    _english(out)
    assert out.splitlines()[0].split()[:4] == ["Proposal", "Round", "2025/26", "2026/27"]
    assert out.splitlines()[-1].split()[:3] == ["Total", "234,000", "787,000"]
