# SPDX-License-Identifier: MPL-2.0
"""A catalog's frozen versions and change requests as documents (docs/format.md, "The
catalog's versions"): what a catalog folder keeps in ``frozen.yaml`` and ``changes.yaml``,
and what ``gevinst changes --format json`` writes. A document that is not one is a
:class:`FormatError` naming the file, the entry and the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

from gevinst.core.catalog_versions import FrozenVersion
from gevinst.core.change_requests import ChangeRequest, Decision
from gevinst.core.errors import FormatError, Problem

FROZEN_FIELDS = ("name", "who", "when", "versions")
REQUEST_FIELDS = ("number", "proposal", "base", "proposed", "why", "who", "when", "decision")
DECISION_FIELDS = ("accepted", "who", "when", "note")


def frozen_document(f: FrozenVersion) -> dict[str, Any]:
    return {"name": f.name, "who": f.who, "when": f.when.isoformat(), "versions": dict(f.versions)}


def request_document(r: ChangeRequest) -> dict[str, Any]:
    d = r.decision
    decision = (
        None
        if d is None
        else {"accepted": d.accepted, "who": d.who, "when": d.when.isoformat(), "note": d.note}
    )
    return {
        "number": r.number,
        "proposal": r.proposal,
        "base": r.base,
        "proposed": r.proposed,
        "why": r.why,
        "who": r.who,
        "when": r.when.isoformat(),
        "decision": decision,
    }


class _Reader:
    """Fields of one entry of ``path``, each problem named by the entry and the field."""

    def __init__(self, path: Path, place: str, item: object, fields: tuple[str, ...]) -> None:
        self.path, self.place = path, place
        if not isinstance(item, Mapping) or set(item) != set(fields):
            self.fail("", f"skal have netop felterne {', '.join(fields)}")
        self.item: Mapping[str, Any] = item

    def fail(self, field: str, message: str) -> NoReturn:
        place = f"{self.place}.{field}" if field else self.place
        raise FormatError([Problem(self.path, None, None, place, message)])

    def text(self, field: str) -> str:
        value = self.item[field]
        if not isinstance(value, str):
            self.fail(field, "skal være en tekst")
        return str(value)

    def when(self, field: str) -> dt.datetime:
        value = self.item[field]
        try:
            when = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(field, f"{value!r} er ikke et tidspunkt (ÅÅÅÅ-MM-DDTtt:mm:ss+00:00)")
        if when.tzinfo is None:
            self.fail(field, f"{value!r} mangler sin tidszone (+00:00)")
        return when

    def number(self, field: str) -> int:
        value = self.item[field]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.fail(field, "skal være et helt tal fra 1")
        return int(value)


def frozen_from_document(path: Path, n: int, item: object) -> FrozenVersion:
    r = _Reader(path, f"frozen[{n}]", item, FROZEN_FIELDS)
    versions = r.item["versions"]
    if not isinstance(versions, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in versions.items()
    ):
        r.fail("versions", "skal være hvert forslags version efter dets id")
    return FrozenVersion(
        name=r.text("name"), who=r.text("who"), when=r.when("when"), versions=dict(versions)
    )


def request_from_document(path: Path, n: int, item: object) -> ChangeRequest:
    r = _Reader(path, f"requests[{n}]", item, REQUEST_FIELDS)
    decision = None
    if r.item["decision"] is not None:
        d = _Reader(path, f"requests[{n}].decision", r.item["decision"], DECISION_FIELDS)
        if not isinstance(d.item["accepted"], bool):
            d.fail("accepted", "skal være true eller false")
        decision = Decision(
            accepted=d.item["accepted"], who=d.text("who"), when=d.when("when"), note=d.text("note")
        )
    return ChangeRequest(
        number=r.number("number"),
        proposal=r.text("proposal"),
        base=r.text("base"),
        proposed=r.text("proposed"),
        why=r.text("why"),
        who=r.text("who"),
        when=r.when("when"),
        decision=decision,
    )
