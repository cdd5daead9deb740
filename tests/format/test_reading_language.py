# SPDX-License-Identifier: MPL-2.0
"""A proposal file's and a catalog's messages in the profile's language (issue 10): an
English council's officer who makes a common mistake gets an English message naming the
file, line, proposal and field; the seed's Danish messages are as they always were."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from gevinst.cli.main import main
from gevinst.core.errors import FormatError
from gevinst.format.reader import load_catalog, load_profile
from gevinst.importers.bundle import proposal_file
from tests.paths import ROOT

EN = ROOT / "catalogs" / "en-unitary-2025-26"
DK = ROOT / "catalogs" / "kk-budget-2025"

# words of the Danish messages that no English message holds
_DANISH = re.compile(
    r"\b(linje|forslag|felt|feltet|ikke|skriv|mente|findes|ukendt|mangler|året|blandt|dato|"
    r"tal|og|eller|som|uden|så|er|skal|udvalg|styringsområde|anførselstegn|decimaltal)\b",
    re.IGNORECASE,
)


def _refused(catalog: Path, proposal: str, old: str, new: str, tmp_path: Path) -> list[str]:
    """The problems of the catalog with one mistake in ``proposal``'s file (``old`` made
    ``new``, its first occurrence), each as a user reads it."""
    folder = tmp_path / catalog.name
    shutil.copytree(catalog, folder)
    path = folder / "proposals" / f"{proposal}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        load_catalog(folder)
    return [str(p) for p in caught.value.problems]


def _line_of(catalog: Path, proposal: str, old: str) -> int:
    text = (catalog / "proposals" / f"{proposal}.yaml").read_text(encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


# (mistake, text in OBC01.yaml, the text mistaken, the field named, words of the message)
ENGLISH = [
    (
        "70,000 unquoted",
        "{2025: -154000,",
        "{2025: 70,000,",
        "lines[0].amounts[2025]",
        "70,000 without quotes is read by YAML as 70 and a key 000; if you meant 70000 "
        "(a comma between thousands), write 70000; if you meant the decimal number 70,000 "
        '(a comma as the decimal sign), write "70,000" in quotes',
    ),
    (
        "1.144 unquoted",
        "{2025: -154000,",
        "{2025: 1.144,",
        "lines[0].amounts[2025]",
        "1.144 is written as a decimal number without quotes, that is 1,144; if you meant "
        "1144 (a point between thousands), write 1144; if you meant the decimal number "
        '1,144, write "1,144" in quotes',
    ),
    (
        "70 000 quoted",
        "{2025: -154000,",
        '{2025: "70 000",',
        "lines[0].amounts[2025]",
        "'70 000' is written with separators between thousands; write 70000",
    ),
    (
        "a text for a number",
        "{2025: -154000,",
        "{2025: lots,",
        "lines[0].amounts[2025]",
        "'lots' is not a number",
    ),
    (
        "an unknown committee",
        "booking: {unit: CS}",
        "booking: {unit: Corporate Servces}",
        "lines[0].booking.unit",
        "unknown committee, department or appropriation 'Corporate Servces'",
    ),
    (
        "an unknown area",
        "area: Revenue",
        "area: Revenu",
        "lines[0].area",
        "unknown area 'Revenu'",
    ),
    (
        "a year outside the years",
        "2034: -462000}",
        "2034: -462000, 2035: -462000}",
        "lines[0].amounts[2035]",
        "the year 2035 is not among the proposal's years",
    ),
    (
        "years not consecutive",
        "years: [2025, 2026,",
        "years: [2025, 2027,",
        "years",
        "the years must follow each other in order",
    ),
    (
        "a year that is not a year",
        "{2025: -154000,",
        "{2025/26: -154000,",
        "lines[0].amounts.2025/26",
        "'2025/26' is not a year; write the year as a whole number, e.g. 2025",
    ),
    (
        "a date that is not a date",
        "dates: [2025-01-20]",
        "dates: [20/01/2025]",
        "consultations[0].dates[0]",
        "'20/01/2025' is not a valid date; write YYYY-MM-DD",
    ),
    (
        "a missing title",
        "title: Self-service and automation in Revenues and Benefits\n",
        "",
        "title",
        "the field is missing",
    ),
    (
        "an unknown field",
        "title: Self-service",
        "colour: red\ntitle: Self-service",
        "colour",
        "unknown field (see docs/format.md for the format's fields)",
    ),
    (
        "a text where true or false belongs",
        "confidential: false",
        "confidential: maybe",
        "confidential",
        "must be true or false, not 'maybe'",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [case[1:] for case in ENGLISH],
    ids=[case[0] for case in ENGLISH],
)
def test_an_english_profiles_proposal_is_refused_in_english(
    tmp_path: Path, old: str, new: str, field: str, message: str
) -> None:
    said = _refused(EN, "OBC01", old, new, tmp_path)
    ours = [p for p in said if f"field {field}:" in p]
    assert ours, said
    problem = ours[0]
    assert "OBC01.yaml, line " in problem
    assert ", proposal OBC01, " in problem
    assert message in problem
    if new:  # a missing field is named at its mapping's line
        assert f"line {_line_of(EN, 'OBC01', old)}," in problem
    assert not _DANISH.search(problem), problem


def test_an_english_catalogs_own_mistakes_are_in_english(tmp_path: Path) -> None:
    folder = tmp_path / EN.name
    shutil.copytree(EN, folder)
    path = folder / "catalog.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("investment: 1450000", "investment: 1,450,000", 1)
    text = text.replace("price_level: 2025", "price_level: 2025\ncolour: red", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        load_catalog(folder)
    said = [str(p) for p in caught.value.problems]
    assert any(
        "field colour: unknown field (see docs/format.md for the format's fields)" in p
        for p in said
    ), said
    assert any("1,450,000 is written without quotes" in p for p in said) or any(
        "1,450,000 without quotes is read by YAML" in p for p in said
    ), said
    for problem in said:
        assert "catalog.yaml, line " in problem
        assert not _DANISH.search(problem), problem


# the same mistakes in the seed (BC01.yaml): the Danish messages as they always were
DANISH = [
    (
        "70,000 unquoted",
        "{2024: 0, 2025: -149,",
        "{2024: 0, 2025: 70,000,",
        "BC01.yaml, linje 72, forslag BC01, felt lines[0].amounts[2025]: 70,000 uden anførselstegn "
        "læser YAML som 70 og en nøgle 000; mente du 70000 (komma mellem tusinder), så skriv "
        '70000; mente du decimaltallet 70,000 (komma som decimaltegn), så skriv "70,000" i '
        "anførselstegn",
    ),
    (
        "1.144 unquoted",
        "{2024: 0, 2025: -149,",
        "{2024: 0, 2025: 1.144,",
        "BC01.yaml, linje 72, forslag BC01, felt lines[0].amounts[2025]: 1.144 er skrevet som "
        "et decimaltal uden anførselstegn, altså 1,144; mente du 1144 (punktum som "
        'tusindtalsprik), så skriv 1144; mente du decimaltallet 1,144, så skriv "1,144" i '
        "anførselstegn",
    ),
    (
        "a text for a number",
        "{2024: 0, 2025: -149,",
        "{2024: 0, 2025: mange,",
        "BC01.yaml, linje 72, forslag BC01, felt lines[0].amounts[2025]: 'mange' er ikke et tal",
    ),
    (
        "an unknown committee",
        "booking: {unit: Koncernservice}",
        "booking: {unit: Koncernservise}",
        "BC01.yaml, linje 73, forslag BC01, felt lines[0].booking.unit: ukendt udvalg, "
        "forvaltning eller bevilling 'Koncernservise'",
    ),
    (
        "an unknown area",
        "area: Service",
        "area: Servise",
        "BC01.yaml, linje 71, forslag BC01, felt lines[0].area: ukendt styringsområde 'Servise'",
    ),
    (
        "a year outside the years",
        "2029: -297}",
        "2029: -297, 2031: -297}",
        "BC01.yaml, linje 72, forslag BC01, felt lines[0].amounts[2031]: året 2031 er ikke "
        "blandt forslagets år",
    ),
    (
        "a date that is not a date",
        "2024-03-18",
        "18/03/2024",
        "felt consultations[0].dates[0]: '18/03/2024' er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD",
    ),
    (
        "a missing title",
        "title: Samlet ferieløsning i Serviceportalen\n",
        "",
        "BC01.yaml, linje 1, forslag BC01, felt title: feltet mangler",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [case[1:] for case in DANISH],
    ids=[case[0] for case in DANISH],
)
def test_the_seeds_mistakes_are_said_in_danish_as_before(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    said = _refused(DK, "BC01", old, new, tmp_path)
    assert any(p.endswith(expected) for p in said), said


def test_the_command_line_says_an_english_catalog_cannot_be_read_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for catalog, proposal, old, new in [
        (EN, "OBC01", "{2025: -154000,", "{2025: lots,"),
        (DK, "BC01", "{2024: 0, 2025: -149,", "{2024: 0, 2025: mange,"),
    ]:
        folder = tmp_path / catalog.name
        shutil.copytree(catalog, folder)
        path = folder / "proposals" / f"{proposal}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        assert main(["check", str(folder)]) == 2
    said = capsys.readouterr().err.splitlines()
    assert said[0] == "gevinst: the catalog cannot be read (1 problems):"
    assert said[1].endswith("field lines[0].amounts[2025]: 'lots' is not a number")
    assert said[2] == "gevinst: kataloget kan ikke læses (1 fejl):"
    assert said[3].endswith("felt lines[0].amounts[2025]: 'mange' er ikke et tal")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'mitigation: "0,85"',
            'mitigation: "1,85"',
            'mitigation must be between 0 and 1 (e.g. "0,5")',
        ),
        (
            'rate: "0,045", ',
            "",
            'method: borrowing must have term (years) and rate (e.g. "0,045")',
        ),
        ("role: preferred", "role: other", "exactly one option must have role: preferred, not 0"),
    ],
)
def test_an_english_appraisals_mistakes_are_in_english(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    said = _refused(EN, "OBC01", old, new, tmp_path)
    assert any(", proposal OBC01, field appraisal" in p and message in p for p in said), said
    assert not [p for p in said if _DANISH.search(p)], said


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "{2025: -154000,",
            "{2025: -154000, 2025: -1,",
            "line 53, proposal OBC01: the key 2025 is written twice",
        ),
        ("title: Self-service", "title: : Self-service", "proposal OBC01: not valid YAML: "),
    ],
    ids=["a key twice", "not YAML"],
)
def test_an_english_proposal_that_is_not_yaml_is_refused_in_english(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    said = _refused(EN, "OBC01", old, new, tmp_path)
    assert len(said) == 1 and message in said[0], said
    assert not _DANISH.search(said[0].split("(", 1)[0]), said


def test_a_danish_proposal_that_is_not_yaml_is_refused_as_before(tmp_path: Path) -> None:
    old, new = "{2024: 0, 2025: -149,", "{2024: 0, 2025: -149, 2025: 1,"
    said = _refused(DK, "BC01", old, new, tmp_path)
    assert said[0].endswith("BC01.yaml, linje 72, forslag BC01: nøglen 2025 står to gange"), said


def test_an_uploaded_english_proposal_file_is_refused_in_english(tmp_path: Path) -> None:
    """A proposal uploaded on its own (the web's upload, gevinst.services.uploads)."""
    text = (EN / "proposals" / "OBC01.yaml").read_text(encoding="utf-8")
    profile = load_profile("en-unitary")
    for new, message in [
        ("{2025: -154000, 2025: -1,", "OBC01.yaml, line 53: the key 2025 is written twice"),
        ("{2025: 1.144,", "field lines[0].amounts[2025]: 1.144 is written as a decimal number"),
    ]:
        path = tmp_path / "OBC01.yaml"
        path.write_text(text.replace("{2025: -154000,", new, 1), encoding="utf-8")
        with pytest.raises(FormatError) as caught:
            proposal_file(path, profile, "OBC01")
        said = [str(p) for p in caught.value.problems]
        assert len(said) == 1 and message in said[0], said
