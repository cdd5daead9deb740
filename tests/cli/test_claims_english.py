# SPDX-License-Identifier: MPL-2.0
"""``gevinst claims`` on an English council's catalog: its output in English (figures as the
text writes them, "£477,000", financial years "2026/27", "permanent"), and ``--write``
records the very claims the shipped example OBC01 holds (catalogs/en-unitary-2025-26), which
the check then confirms in whole pounds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gevinst.cli.main import main
from gevinst.core.check.claims import check_claims
from gevinst.format.reader import load_catalog
from tests.paths import ROOT

EXAMPLE = ROOT / "catalogs" / "en-unitary-2025-26"


@pytest.fixture
def without_claims(tmp_path: Path) -> Path:
    """The English example with OBC01's claims taken out."""
    folder = tmp_path / "en"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "proposals" / "OBC01.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("# the figures of the texts"), text.index("\nremarks:")
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    return folder


def test_the_output_is_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", str(EXAMPLE), "OBC01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OBC01: 15 figures in the text, 5 recorded as claims\n"), out
    assert "«£477,000» = £477,000 (permanent from 2026/27)  [recorded]" in out
    assert "«about 210,000 contacts» = 210,000 (about) (permanent)" in out
    assert "«£1.15m» = £1.15m" in out
    assert "= -477,000" in out
    for danish in ("tal i teksten", "registreret", "mio. kr.", "varig", "antal"):
        assert danish not in out, danish


def test_write_records_the_example_claims(
    without_claims: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["claims", str(without_claims), "OBC01", "--write"]) == 0
    capsys.readouterr()
    written = load_catalog(without_claims)
    shipped = load_catalog(EXAMPLE)
    assert written.proposal("OBC01").claims == shipped.proposal("OBC01").claims
    p = shipped.proposal("OBC01")
    assert len(p.claims) == 5
    assert list(check_claims(p, shipped.profile)) == []  # the tables confirm each
