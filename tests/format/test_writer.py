# SPDX-License-Identifier: MPL-2.0
"""Writing a catalog back to the format and reading it again gives identical data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from gevinst.format.reader import load_catalog
from gevinst.format.writer import write_catalog
from tests.paths import SEED


def test_the_seed_survives_a_round_trip(tmp_path: Path) -> None:
    original = load_catalog(SEED)
    write_catalog(original, tmp_path)
    again = load_catalog(tmp_path)
    assert again == original
    # and the written files are stable: writing the reloaded catalog changes nothing
    second = tmp_path / "second"
    write_catalog(again, second)
    for path in sorted(tmp_path.glob("proposals/*.yaml")):
        assert (second / "proposals" / path.name).read_text() == path.read_text()


def test_internal_notes_and_structured_texts_survive_a_round_trip(tmp_path: Path) -> None:
    original = load_catalog(SEED)
    p = original.proposals[0]
    hidden = replace(p.basis[0], printed=False, remarks=("Bygget af prosaen.",))
    table = replace(original.tables[0], remarks=("Kolonnerne som trykt.",))
    text = "Afsnit *et*\nfortsat.\n\n- punkt\n  videre\n1. nummer\n\n\\*ikke fremhævet\\*"
    changed = replace(
        original,
        tables=(table, *original.tables[1:]),
        proposals=(
            replace(p, basis=(hidden, *p.basis[1:]), description=text),
            *original.proposals[1:],
        ),
    )
    write_catalog(changed, tmp_path)
    again = load_catalog(tmp_path)
    assert again == changed
    assert hidden not in again.proposals[0].printed_basis
    assert "description: |" in (tmp_path / "proposals" / f"{p.id}.yaml").read_text()
