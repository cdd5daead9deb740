# SPDX-License-Identifier: MPL-2.0
"""A catalog folder's realisation records: ``realisation.yaml`` beside ``catalog.yaml``, a
list of entries, the oldest first (docs/format.md), written whole or not at all; the loader
never reads it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gevinst.core.errors import ConflictError
from gevinst.core.realisation import Entry
from gevinst.format.reader import read_document
from gevinst.format.realisation import entries_document, entries_from_document
from gevinst.format.writer import to_yaml
from gevinst.stores.files import write_files

REALISATION = "realisation.yaml"


def require_realisation_count(expected: int, count: int) -> None:
    """Every store's check of a write's ``expected_count``."""
    if expected != count:
        raise ConflictError(
            f"kataloget har fået nye registreringer af gevinstrealisering, siden du så det "
            f"({count} nu, {expected} da); hent siden igen og se, om din stadig mangler"
        )


def read_realisation(folder: Path) -> list[Entry]:
    """The entries of the folder's file; none where there is no file."""
    path = folder / REALISATION
    if not path.is_file():
        return []
    return entries_from_document(read_document(path))


def realisation_text(entries: Sequence[Entry]) -> str:
    return to_yaml(entries_document(entries))


def add_realisation(folder: Path, entries: Sequence[Entry], expected_count: int) -> None:
    """Add ``entries`` after the ``expected_count`` the caller saw, or raise ConflictError.
    As a workflow move, the count's check and the file's rename are not one step: two
    writes at the same instant may both pass it (the database store closes that gap)."""
    kept = read_realisation(folder)
    require_realisation_count(expected_count, len(kept))
    text = realisation_text([*kept, *entries])
    write_files({folder / REALISATION: text.encode("utf-8")})
