# SPDX-License-Identifier: MPL-2.0
"""A catalog folder's frozen versions and change requests, beside ``workflow.yaml``:

- ``frozen.yaml``: ``frozen:``, the frozen versions, oldest first;
- ``changes.yaml``: ``requests:``, the change requests, numbered from 1, each with its
  decision;
- ``versions/ID.yaml``: the document of every version a frozen version names and of every
  change request's proposed document, by its version id (the content hash), so that a
  folder, whose own history is git's, still shows what was sent and what was asked.

Every file is written whole or not at all, all of one change before any is renamed into
place (:func:`gevinst.stores.files.write_files`); the loader never reads them. As a workflow
move, a check and its rename are not one step: two writes at the same instant may both pass
it (the database store closes that gap with its transaction).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from gevinst.core.catalog_versions import FrozenVersion
from gevinst.core.change_requests import ChangeRequest
from gevinst.core.errors import FormatError, Problem
from gevinst.format.catalog_versions import (
    frozen_document,
    frozen_from_document,
    request_document,
    request_from_document,
)
from gevinst.format.reader import read_document
from gevinst.format.writer import Doc, document_version, to_yaml
from gevinst.stores.files import write_files

FROZEN = "frozen.yaml"
CHANGES = "changes.yaml"
VERSIONS = "versions"


def _entries(path: Path, field: str) -> list[object]:
    if not path.is_file():
        return []
    data = read_document(path).data
    if not isinstance(data, dict) or set(data) != {field} or not isinstance(data[field], list):
        raise FormatError([Problem(path, None, None, "", f"skal være {field}: og en liste")])
    entries: list[object] = data[field]
    return entries


def read_frozen(folder: Path) -> list[FrozenVersion]:
    path = folder / FROZEN
    return [frozen_from_document(path, n, item) for n, item in enumerate(_entries(path, "frozen"))]


def read_requests(folder: Path) -> list[ChangeRequest]:
    path = folder / CHANGES
    return [
        request_from_document(path, n, item) for n, item in enumerate(_entries(path, "requests"))
    ]


def _text(doc: Doc) -> bytes:
    return to_yaml(doc).encode("utf-8")


def _kept_documents(folder: Path, documents: Mapping[str, Doc]) -> dict[Path, bytes]:
    """The files of ``documents`` (by version id) not yet kept: a version's file never
    changes, its name being its content."""
    files = {}
    for version, doc in documents.items():
        path = folder / VERSIONS / f"{version}.yaml"
        if not path.is_file():
            files[path] = _text(doc)
    if files:
        (folder / VERSIONS).mkdir(exist_ok=True)
    return files


def write_frozen(folder: Path, frozen: list[FrozenVersion], documents: Mapping[str, Doc]) -> None:
    """``frozen`` as the folder's frozen versions, with the ``documents`` they name."""
    files = _kept_documents(folder, documents)
    files[folder / FROZEN] = _text({"frozen": [frozen_document(f) for f in frozen]})
    write_files(files)


def write_requests(
    folder: Path, requests: list[ChangeRequest], documents: Mapping[str, Doc] | None = None
) -> None:
    """``requests`` as the folder's change requests, with the proposed ``documents``."""
    files = _kept_documents(folder, documents or {})
    files[folder / CHANGES] = _text({"requests": [request_document(r) for r in requests]})
    write_files(files)


def kept_document(folder: Path, version: str) -> Doc | None:
    """The kept document of ``version``, or None where the folder keeps none; a file whose
    content is not the version it is named by is not it."""
    path = folder / VERSIONS / f"{version}.yaml"
    if not path.is_file() or not version.isalnum():
        return None
    data = read_document(path).data
    if not isinstance(data, dict) or document_version(data) != version:
        return None
    return data
