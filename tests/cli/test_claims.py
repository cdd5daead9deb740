# SPDX-License-Identifier: MPL-2.0
"""``gevinst claims``: the figures of a proposal's texts with what each may refer to, the
recorded ones marked; ``--write`` records the confirmed ones in the proposal's file, which
then reads back with them and is checked with them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gevinst.cli.main import main
from gevinst.core.claims.claim import LineRef
from gevinst.format.reader import load_catalog
from tests.paths import SEED


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """The seed with Forslag 6's claims taken out."""
    folder = tmp_path / "kk"
    shutil.copytree(SEED, folder)
    path = folder / "proposals" / "F6.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\nclaims:")] + "\n", encoding="utf-8")
    return folder


def test_the_seed_lists_every_figure_as_recorded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", str(SEED), "F6"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("F6: 3 tal i teksten, 3 registreret som påstande\n")
    assert "  1. description: «38 projekter» = 38 antal" in out
    assert "  2. description: «0,475 mio. kr.» = 0,475 mio. kr.  [registreret]" in out


def test_suggestions_with_their_confidence(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["claims", str(catalog), "F6", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert [(i["phrase"], i["unit"], i["recorded"]) for i in items] == [
        ("38 projekter", "antal", False),
        ("0,475 mio. kr.", "mio. kr.", False),
        ("seks forvaltninger", "antal", False),
    ]
    best = items[1]["suggestions"][0]
    assert best["ref"] == {"line": "e1"} and best["figure"] == "-475"
    assert 0.4 <= best["confidence"] <= 1


def test_write_records_the_accepted_claims_and_reads_back(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["claims", str(catalog), "F6", "--accept", "2", "--format", "yaml"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("claims:\n- phrase: 0,475 mio. kr.\n  field: description\n")
    assert main(["claims", str(catalog), "F6", "--accept", "2", "--write"]) == 0
    assert "1 påstande skrevet i F6" in capsys.readouterr().err
    (claim,) = load_catalog(catalog).proposal("F6").claims
    assert (claim.phrase, claim.written, claim.ref, claim.steady) == (
        "0,475 mio. kr.",
        ("0,475",),
        LineRef(("e1",)),
        True,
    )
    # recorded now: listed as such, and nothing more to write at the default confidence
    assert main(["claims", str(catalog), "F6", "--write"]) == 0
    out = capsys.readouterr()
    assert "1 registreret" in out.out and "ingen nye påstande" in out.err
    assert main(["check", str(catalog), "--proposal", "F6", "--format", "json"]) == 0


def test_a_number_not_in_the_list_is_refused(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (catalog / "proposals" / "F6.yaml").read_bytes()
    assert main(["claims", str(catalog), "F6", "--accept", "2,9", "--write"]) == 2
    assert "der er ingen tal nr. 9 (1-3)" in capsys.readouterr().err
    assert (catalog / "proposals" / "F6.yaml").read_bytes() == before
