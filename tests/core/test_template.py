# SPDX-License-Identifier: MPL-2.0
"""The template's wording in one place: no renderer writes a title, note or heading of
core/template.py again (the sign note and the technical tables' titles were written in up
to five, and the PDF's Tabel A and C titles had drifted from Word's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import gevinst
from gevinst.core import template

PACKAGE = Path(gevinst.__file__).parent


def _wording() -> Iterator[str]:
    for value in vars(template).values():
        if isinstance(value, str):
            yield value
        elif isinstance(value, tuple | dict):
            items = value.values() if isinstance(value, dict) else value
            yield from (v for v in items if isinstance(v, str))


def test_the_template_wording_is_written_only_in_core_template() -> None:
    # short words ("varig", "Ja/Nej") may be any renderer's own; a sentence or title may not
    wording = {w for w in _wording() if len(w) > 25}
    assert template.SIGN_NOTE in wording and template.TECHNICAL_TITLES["A"] in wording
    sources = [
        path
        for path in PACKAGE.rglob("*")
        if path.suffix in {".py", ".typ", ".html"} and path != PACKAGE / "core" / "template.py"
    ]
    repeated = {
        (str(path.relative_to(PACKAGE)), w)
        for path in sources
        for w in wording
        if w in path.read_text(encoding="utf-8")
    }
    assert repeated == set()
