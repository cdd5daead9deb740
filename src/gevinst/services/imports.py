# SPDX-License-Identifier: MPL-2.0
"""Import: a whole catalog from a bundle (:mod:`gevinst.importers.bundle`), or a corrected
workbook laid onto the catalog it was exported from (:mod:`gevinst.importers.xlsx`), kept
as a new catalog in the store, all or nothing. Without a target it is a dry run: the
catalog and the changes are returned and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

from gevinst.core.access import Actor, require_catalog_edit
from gevinst.core.model import Catalog
from gevinst.importers.bundle import import_file
from gevinst.stores.base import Change, Store


@dataclass(frozen=True)
class Imported:
    catalog: Catalog
    # each input cell a workbook changed (gevinst.importers.xlsx.Change); none for a bundle
    changes: tuple[object, ...] = ()
    # the proposals changed, added or removed in the catalog since the workbook's export
    notes: tuple[str, ...] = ()


def import_catalog(
    store: Store, actor: Actor, source: Path, *, onto: str | None, target: str | None
) -> Imported:
    """Read ``source`` (a bundle, or a workbook onto the catalog ``onto``) and keep it as the
    new catalog ``target``; the target is checked before the source is read."""
    require_catalog_edit(actor)
    if target is not None:
        store.check_new_catalog(target)
    if onto is None:
        imported = Imported(import_file(source))
    else:
        # the Excel reader is loaded only when a workbook is imported
        result = import_module("gevinst.importers.xlsx").import_onto(source, store.catalog(onto))
        imported = Imported(result.catalog, tuple(result.changes), tuple(result.notes))
    if target is not None:
        why = f"indlæst fra {source.name}" + ("" if onto is None else f" oven på {onto}")
        change = Change(who=actor.name, when=datetime.now(UTC), why=why)
        store.create_catalog(target, imported.catalog, change)
    return imported
