# SPDX-License-Identifier: MPL-2.0
"""A catalog folder's follow-up records (docs/format.md): ``followup.yaml`` beside
``workflow.yaml``, the records by proposal id in the order made, and each record's attachments
as files under ``followup/ID/N/`` (N the record's number from 1). The loader reads neither."""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from gevinst.core.errors import FormatError, Problem
from gevinst.core.evidence import RECORDED, Attachment, Record
from gevinst.format.writer import record_document
from gevinst.stores.logs import log_text, read_log

FOLLOWUP = "followup.yaml"
ATTACHMENTS = "followup"
_FIELDS = {"goal", "due_from", "due_to", "status", "note", "attachments", "who", "when"}


def followup_text(records: Mapping[str, Sequence[Record]]) -> str:
    return log_text(records, record_document)


def attachment_path(folder: Path, proposal_id: str, number: int, name: str) -> Path:
    """Where an attachment of record ``number`` is kept in the catalog ``folder``; ``name``
    is one :func:`gevinst.core.evidence.attachment_name` gives, so it stays in its folder."""
    return folder / ATTACHMENTS / proposal_id / str(number) / name


def read_attachment(path: Path, name: str) -> Attachment:
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Attachment(name, content_type, path.read_bytes())


def read_followups(path: Path) -> dict[str, list[Record]]:
    """The records of ``path`` by proposal id; none where there is no file."""
    return read_log(path, "skal være forslag med opfølgninger", _records)


def _problem(path: Path, pid: str, where: str, message: str) -> FormatError:
    return FormatError([Problem(path, None, pid, where, message)])


def _when(path: Path, pid: str, where: str, value: object, kind: type[date]) -> Any:
    if isinstance(value, kind):
        return value
    try:
        return kind.fromisoformat(str(value))
    except ValueError:
        form = "ÅÅÅÅ-MM-DDTtt:mm:ss+00:00" if kind is datetime else "ÅÅÅÅ-MM-DD"
        raise _problem(path, pid, where, f"{value!r} er ikke et tidspunkt ({form})") from None


def _records(path: Path, pid: str, kept: object) -> list[Record]:
    if not isinstance(kept, list):
        raise _problem(path, pid, "", "skal være en liste af opfølgninger")
    records = []
    for n, item in enumerate(kept):
        if not isinstance(item, dict) or set(item) != _FIELDS:
            fields = ", ".join(sorted(_FIELDS))
            raise _problem(path, pid, f"[{n}]", f"en opfølgning skal have netop felterne {fields}")
        if item["status"] not in RECORDED:
            known = ", ".join(RECORDED)
            raise _problem(path, pid, f"[{n}].status", f"skal være en af {known}")
        if not isinstance(item["attachments"], list):
            raise _problem(path, pid, f"[{n}].attachments", "skal være en liste af filnavne")
        records.append(
            Record(
                proposal=pid,
                goal=str(item["goal"]),
                due_from=_when(path, pid, f"[{n}].due_from", item["due_from"], date),
                due_to=_when(path, pid, f"[{n}].due_to", item["due_to"], date),
                status=item["status"],
                note=str(item["note"] or ""),
                attachments=tuple(str(a) for a in item["attachments"]),
                who=str(item["who"]),
                when=_when(path, pid, f"[{n}].when", item["when"], datetime),
            )
        )
    return records
