# SPDX-License-Identifier: MPL-2.0
"""The check's findings in the profile's language (issue 10, item 7): an English council's
catalog (the shipped example of the profile en-unitary, copied and a stated figure changed)
is told its differences in English, with English figures ("-417,000"), its financial years
("2026/27") and its paybacks ("4 years (2028/29)"); each rule family's messages are written
once per language, the English with the same fields as the Danish and no Danish word; the
Danish messages are the seed's, unchanged (tests/test_seed.py, docs/seed-findings.md)."""

from __future__ import annotations

import re
import shutil
import string
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from gevinst.core import marks
from gevinst.core.check import (
    basis,
    catalog,
    check_catalog,
    claims,
    compare,
    table1,
    tables,
    targets,
    template,
)
from gevinst.core.findings import Finding
from gevinst.core.money import Periods
from gevinst.format.reader import load_catalog
from tests.paths import ROOT, SEED

EXAMPLE = ROOT / "catalogs" / "en-unitary-2025-26"
MODULES = (compare, table1, tables, catalog, template, basis, targets, claims, marks)
# Danish in an English message: the letters æ, ø, å and the check's Danish words
DANISH = re.compile(
    r"[æøåÆØÅ]|\b(?:Tabel|Samlet|Samlede|angivet|beregnet|forskel|forslaget|forslagets"
    r"|kataloget|katalogets|rækker|rækkerne|linjer|tabellen|udvalg|og|men|er|ikke|i alt"
    r"|afrundingsforskel|uoverensstemmelse|Tilbagebetalingstid|Grundlaget|mio\. kr\.)\b"
)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _planted(tmp_path: Path, file: str, old: str, new: str) -> Path:
    folder = tmp_path / "en"
    shutil.copytree(EXAMPLE, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def _differences(folder: Path) -> list[Finding]:
    return [f for f in check_catalog(load_catalog(folder)) if f.rule != "basis-missing"]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_each_rule_family_has_its_messages_in_both_languages(module: ModuleType) -> None:
    assert set(module.MESSAGES) == {"da", "en"}
    assert set(module.MESSAGES["da"]) == set(module.MESSAGES["en"])


@pytest.mark.parametrize(
    ("module", "key"),
    [(m, k) for m in MODULES for k in m.MESSAGES["da"]],
    ids=lambda v: v.__name__.rsplit(".", 1)[-1] if isinstance(v, ModuleType) else v,
)
def test_each_message_is_english_with_the_danish_fields(module: ModuleType, key: str) -> None:
    danish, english = module.MESSAGES["da"][key], module.MESSAGES["en"][key]
    assert _fields(english) == _fields(danish)
    assert DANISH.findall(english) == []


def test_a_planted_difference_in_tabel_1_is_told_in_english(tmp_path: Path) -> None:
    folder = _planted(tmp_path, "proposals/OBC01.yaml", "2026: -417000", "2026: -400000")
    [f] = _differences(folder)
    assert (f.proposal, f.table, f.row, f.year, f.rule) == (
        "OBC01",
        "1",
        "impact",
        2026,
        "table1-sum",
    )
    assert f.message == (
        "Total financial impact, 2026/27: stated -400,000, calculated -417,000 "
        "(difference 17,000; the calculated figure is the sum of the proposal's lines)"
    )
    assert DANISH.findall(f.message) == []


def test_a_planted_payback_is_told_in_english(tmp_path: Path) -> None:
    folder = _planted(tmp_path, "proposals/OBC01.yaml", 'total: "4"', 'total: "5"')
    [f] = _differences(folder)
    assert (f.rule, f.stated, f.computed) == ("payback", "5", "4 years (2028/29)")
    assert f.message.startswith(
        "Payback period based on total costs: stated '5', calculated 4 years (2028/29) "
        "(counted from the first year with an amount"
    )
    assert DANISH.findall(f.message) == []


def test_a_planted_catalog_row_is_told_in_english(tmp_path: Path) -> None:
    folder = _planted(tmp_path, "catalog.yaml", "2026: 477000", "2026: 470000")
    found = {f.rule: f.message for f in _differences(folder)}
    title = "Table 1. Invest to Save business cases for approval, Budget 2025/26"
    assert found == {
        "catalog-effect": f"{title}, Self-service and automation in Revenues and Benefits, "
        "effect, 2026/27: stated 470,000, calculated 477,000 (difference -7,000; the "
        "proposal's own tables give the calculated figure; the catalogue states another)",
        "printed-total": f"{title}, 2026/27: in the catalogue the total is 787,000, but the "
        "catalogue's rows give 780,000",
    }


def test_the_closing_list_says_where_in_english(tmp_path: Path) -> None:
    folder = _planted(tmp_path, "proposals/OBC01.yaml", "2026: -417000", "2026: -400000")
    [d] = marks.Marks(load_catalog(folder)).deviations
    assert (d.mark, d.where, d.stated, d.computed) == (
        "¹",
        "OBC01, Table 1, Total financial impact, 2026/27",
        "-400,000",
        "-417,000",
    )
    assert d.explanation == (
        "Stated -400,000, calculated -417,000 (difference 17,000; the calculated figure is "
        "the sum of the proposal's lines)."
    )


# the findings whose message is the profile's own words (its template's rules): the seed's
# profile words them in Danish
_OWN_WORDS = re.compile(r"^template-(?![A-E]$)")


def test_the_seed_checked_in_english_is_told_in_english() -> None:
    """The seed's 236 findings, its profile made English with financial years: the same
    findings, each message in English (its data, the proposals' titles and texts, stay as
    written), each year as a financial year."""
    danish = load_catalog(SEED)
    profile = replace(danish.profile, language="en", periods=Periods(4))
    english = replace(danish, profile=profile)
    da, en = check_catalog(danish), check_catalog(english)
    assert [(f.proposal, f.table, f.row, f.year, f.rule) for f in en] == [
        (f.proposal, f.table, f.row, f.year, f.rule) for f in da
    ]
    for d, e in zip(da, en, strict=True):
        if _OWN_WORDS.match(e.rule):
            continue
        assert e.message != d.message, e.message
        if e.year is not None and e.rule != "catalog-statement":
            year = f"{e.year}/{(e.year + 1) % 100:02d}"
            assert f", {year}" in e.message or f" in {year}" in e.message, e.message
        # the check's own words (the seed's data, a parameter's source, may say "er")
        for word in ("angivet", "beregnet", "forskel", "uoverensstemmelse", "teksten siger"):
            assert word not in e.message, (word, e.message)
    claims = [e.message for e in en if e.rule.startswith("text-claim")]
    assert claims and all(" (section " in m or " (summary)" in m for m in claims), claims
    assert not [m for m in claims if "Tabel 1" in m or "linjen" in m or "afsnit" in m]


def test_a_claim_names_its_place_in_english() -> None:
    """The places a claim refers to, named in the profile's language: a field of the text,
    a line of Table 1 in a financial year."""
    danish = load_catalog(SEED)
    english = replace(danish, profile=replace(danish.profile, language="en", periods=Periods(4)))
    [da] = [f for f in check_catalog(danish) if f.rule == "text-claim" and "2/3" in f.message]
    [en] = [f for f in check_catalog(english) if f.rule == "text-claim" and "2/3" in f.message]
    assert da.message.startswith("«hentes med 2/3 fra 2026» (afsnit 3): teksten siger 2/3 i 2026")
    assert en.message.startswith("«hentes med 2/3 fra 2026» (section 3): the text says 2/3 in")
    assert "Table 1, the line «Effektivisering ved leders godkendelse" in en.message
    assert " in 2027/28 (880); 2/3 of 880 is 586.7, but Table 1" in en.message
