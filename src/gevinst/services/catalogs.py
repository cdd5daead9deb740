# SPDX-License-Identifier: MPL-2.0
"""A whole catalog copied from one store to another: a folder of YAML files into the
database (``gevinst db import``) and back (``gevinst db export``), so that files and database
never drift apart. Each proposal's current version is copied with its workflow events and its
review (consultations and comments) and its follow-up records with their files, and the
catalog's realisation records; the target must be new."""

from __future__ import annotations

from datetime import UTC, datetime

from gevinst.core.access import Actor, require_catalog_edit
from gevinst.core.model import Catalog
from gevinst.stores.base import Change, Followed, Store


def copy_catalog(
    source: Store, source_key: str, target: Store, target_key: str | None, actor: Actor, why: str
) -> tuple[str, Catalog]:
    """Keep the catalog ``source_key`` of ``source`` as a new catalog of ``target``, under
    ``target_key`` or else the catalog's own id; the target is checked before the source is
    read where it is named, and written all or nothing. Returns the key and the catalog."""
    require_catalog_edit(actor)
    if target_key is not None:
        target.check_new_catalog(target_key)
    catalog = source.catalog(source_key)
    key = target_key or catalog.id
    change = Change(who=actor.name, when=datetime.now(UTC), why=why)
    events = {p.id: source.events(source_key, p.id) for p in catalog.proposals}
    review = {p.id: source.review_records(source_key, p.id) for p in catalog.proposals}
    realisation = source.realisation(source_key)
    followups = {p.id: _followed(source, source_key, p.id) for p in catalog.proposals}
    target.create_catalog(
        key,
        catalog,
        change,
        events=events,
        review=review,
        realisation=realisation,
        followups=followups,
    )
    return key, catalog


def _followed(source: Store, key: str, proposal_id: str) -> list[Followed]:
    """The proposal's follow-up records, each with its files."""
    return [
        (r, [source.attachment(key, proposal_id, n, name) for name in r.attachments])
        for n, r in enumerate(source.followups(key, proposal_id), start=1)
    ]
