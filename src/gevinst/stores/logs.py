# SPDX-License-Identifier: MPL-2.0
"""A catalog folder's files of records by proposal id, each proposal's the oldest first:
``workflow.yaml``, ``review.yaml`` and ``followup.yaml`` (docs/format.md). A proposal
without records is left out of its file, and a folder without the file has none."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from gevinst.core.errors import FormatError, Problem
from gevinst.format.reader import read_document
from gevinst.format.writer import Doc, to_yaml

T = TypeVar("T")


def log_text(records: Mapping[str, Sequence[T]], document: Callable[[T], Doc]) -> str:
    """The file's text: each proposal's records as their ``document``s, by proposal id."""
    doc = {pid: [document(r) for r in kept] for pid, kept in records.items() if kept}
    return to_yaml(doc)


def read_log(
    path: Path, not_mapping: str, records: Callable[[Path, str, object], list[T]]
) -> dict[str, list[T]]:
    """The records of ``path`` by proposal id, each proposal's read by ``records`` (the path,
    the proposal id, what the file holds for it); ``not_mapping`` the problem of a file that
    is not proposals with their records."""
    if not path.is_file():
        return {}
    data = read_document(path).data or {}
    if not isinstance(data, dict):
        raise FormatError([Problem(path, None, None, "", not_mapping)])
    return {str(pid): records(path, str(pid), kept) for pid, kept in data.items()}
