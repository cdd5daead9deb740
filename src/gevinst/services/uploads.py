# SPDX-License-Identifier: MPL-2.0
"""A file uploaded as the next version of one proposal, all or nothing: an Excel workbook
exported by gevinst, applied onto the catalog as ``gevinst import --onto`` applies it
(:mod:`gevinst.importers.xlsx`), or a YAML or JSON document of the proposal (or a bundle
holding it, :func:`gevinst.importers.bundle.proposal_file`).

The new version is saved from the version the file was applied onto, with a reason naming
the file; a save in between is a conflict, never overwritten. Any problem is a
:class:`FormatError` with every place (sheet and cell, or field and line) and nothing is
saved."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from gevinst.core.access import Actor, require_edit, visible
from gevinst.core.errors import FormatError, InputError, Problem
from gevinst.core.model import Catalog, Proposal
from gevinst.format.writer import proposal_document, version
from gevinst.importers.bundle import BUNDLE_SUFFIXES, proposal_file
from gevinst.services.proposals import save_proposal
from gevinst.stores.base import Store, Version

# a proposal's workbook or document is some ten kilobytes, a whole catalog's workbook 0,16 MB
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UPLOAD_TEXT = f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB"
SUFFIXES = (".xlsx", *BUNDLE_SUFFIXES)


@dataclass(frozen=True)
class Uploaded:
    version: Version
    # each input cell a workbook changed, as "BC01!E8: ... -880 -> -1.000"; none for a document
    changes: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def upload_proposal(
    store: Store, actor: Actor, key: str, proposal_id: str, path: Path, *, base: str, why: str = ""
) -> Uploaded:
    """Save the file at ``path`` (named as it was uploaded) as the next version of the
    proposal ``proposal_id`` of the catalog ``key``. A document says nothing of the version
    it was written from: it is saved from ``base``, the version the user had in front of
    them, so a save since then is a conflict. A workbook records its versions and is laid
    onto the current one, cell by cell (:mod:`gevinst.importers.xlsx`)."""
    catalog = store.catalog(key)
    current = catalog.proposal(proposal_id)
    require_edit(actor, current)
    suffix = path.suffix.lower()
    changes: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    if suffix == ".xlsx":
        p, changes, notes = _from_workbook(path, visible(catalog, actor), current.id)
    elif suffix in SUFFIXES:
        p = proposal_file(path, catalog.profile, current.id)
    else:
        shown = f"filtypen {suffix!r}" if suffix else "en fil uden filtype"
        message = f"gevinst indlæser ikke {shown}; brug .xlsx, .yaml, .yml eller .json"
        raise FormatError([Problem(path, None, current.id, "", message)])
    document = proposal_document(p)
    if version(p) == version(current):
        raise InputError(f"{path.name} ændrer intet i forslag {current.id}; intet er gemt")
    reason = f"indlæst fra {path.name}" + (f": {why.strip()}" if why.strip() else "")
    edited_from = version(current) if suffix == ".xlsx" else base
    saved = save_proposal(store, actor, key, current.id, document, base=edited_from, why=reason)
    return Uploaded(saved, changes, notes)


def _from_workbook(
    path: Path, catalog: Catalog, proposal_id: str
) -> tuple[Proposal, tuple[str, ...], tuple[str, ...]]:
    """The proposal with the workbook's changes, which may change no other proposal. The
    workbook is applied onto the catalog as the actor sees it, so a problem never names a
    figure of a confidential proposal they may not read."""
    # the Excel reader is loaded only when a workbook is uploaded
    imported = import_module("gevinst.importers.xlsx").import_onto(path, catalog)
    before = {p.id: version(p) for p in catalog.proposals}
    others = [
        p.id
        for p in imported.catalog.proposals
        if p.id != proposal_id and version(p) != before[p.id]
    ]
    if others:
        message = (
            f"projektmappen ændrer også {', '.join(others)}; her indlæses kun forslag "
            f"{proposal_id}: ret de andre forslag i deres egen projektmappe"
        )
        raise FormatError([Problem(path, None, proposal_id, "", message)])
    changed = imported.catalog.proposal(proposal_id)
    return changed, tuple(str(c) for c in imported.changes), tuple(imported.notes)
