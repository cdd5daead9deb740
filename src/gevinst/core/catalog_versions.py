# SPDX-License-Identifier: MPL-2.0
"""A catalog's versions: the catalog as it was sent to a meeting, frozen under a name
("Sendt til ØU 2024-05-14") with who froze it, when, and each proposal's version at that
moment; what has changed since, proposal by proposal; and the catalog as of a date.

A proposal's version is the content hash of its document (:mod:`gevinst.stores.base`), so
a frozen version names exactly the documents that were sent, in every store, and the
catalog as of a moment is each proposal's last version saved by then.

>>> import datetime as dt
>>> t = lambda d: dt.datetime(2024, 5, d, tzinfo=dt.UTC)
>>> history = {"BC01": [("a1", t(1)), ("a2", t(20))], "BC02": [("b1", t(2))]}
>>> sent = freeze("Sendt til ØU", "cfo", t(14), versions_at(history, t(14)), [])
>>> dict(sent.versions)
{'BC01': 'a1', 'BC02': 'b1'}
>>> since(sent.versions, {"BC01": "a2", "BC02": "b1", "F9": "c1"})
[ProposalChange(proposal='BC01', kind='changed', before='a1', after='a2'), \
ProposalChange(proposal='F9', kind='added', before=None, after='c1')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from gevinst.core.errors import InputError, NotFoundError
from gevinst.core.frozen import freeze as _read_only_fields

NAME_LENGTH = 200


@dataclass(frozen=True, kw_only=True)
class FrozenVersion:
    """The catalog as sent: ``versions`` is each proposal's version id by proposal id."""

    name: str
    who: str
    when: dt.datetime
    versions: Mapping[str, str]

    def __post_init__(self) -> None:
        _read_only_fields(self, "versions")


@dataclass(frozen=True)
class ProposalChange:
    """A proposal changed, added or removed between two versions of a catalog."""

    proposal: str
    kind: Literal["changed", "added", "removed"]
    before: str | None  # its version then; None where it was not in the catalog
    after: str | None  # its version now; None where it is gone


def freeze(
    name: str,
    who: str,
    when: dt.datetime,
    versions: Mapping[str, str],
    existing: Iterable[FrozenVersion],
) -> FrozenVersion:
    """A new frozen version named ``name``; the name must be given and new in the catalog."""
    name = " ".join(name.split())
    if not name:
        raise InputError("giv katalogversionen et navn, fx 'Sendt til ØU 2024-05-14'")
    if len(name) > NAME_LENGTH:
        raise InputError(f"navnet er for langt; højst {NAME_LENGTH} tegn")
    if any(f.name.casefold() == name.casefold() for f in existing):
        raise InputError(f"kataloget har allerede en version ved navn '{name}'; vælg et andet")
    return FrozenVersion(name=name, who=who, when=when, versions=dict(versions))


def named(frozen: Iterable[FrozenVersion], name: str) -> FrozenVersion:
    """The frozen version ``name`` (case and spacing aside)."""
    wanted = " ".join(name.split()).casefold()
    kept = list(frozen)
    for f in kept:
        if f.name.casefold() == wanted:
            return f
    known = ", ".join(f"'{f.name}'" for f in kept) or "ingen"
    raise NotFoundError(f"kataloget har ingen version ved navn '{name}' (det har: {known})")


def version_at(history: Sequence[tuple[str, dt.datetime]], when: dt.datetime) -> str | None:
    """The last version of ``history`` (oldest first: each version's id and when it was
    saved) saved at or before ``when``; None where there was none yet."""
    found = None
    for version, saved in history:
        if saved <= when:
            found = version
    return found


def versions_at(
    histories: Mapping[str, Sequence[tuple[str, dt.datetime]]], when: dt.datetime
) -> dict[str, str]:
    """Each proposal's version at ``when``, by proposal id; a proposal not yet saved by then
    is not in the catalog as of ``when``."""
    found = {pid: version_at(history, when) for pid, history in histories.items()}
    return {pid: v for pid, v in found.items() if v is not None}


def since(before: Mapping[str, str], after: Mapping[str, str]) -> list[ProposalChange]:
    """Every proposal whose version differs between ``before`` and ``after`` (each version
    id by proposal id), in ``after``'s order, then those removed in ``before``'s; empty
    where nothing changed."""
    changes = [
        ProposalChange(pid, "added" if pid not in before else "changed", before.get(pid), v)
        for pid, v in after.items()
        if before.get(pid) != v
    ]
    changes += [
        ProposalChange(pid, "removed", v, None) for pid, v in before.items() if pid not in after
    ]
    return changes
