# SPDX-License-Identifier: MPL-2.0
"""The database store (:class:`gevinst.stores.base.Store`): catalogs and proposals as
versioned documents in the tables of :mod:`gevinst.web.models`, on the database alias it is
given (SQLite by default, PostgreSQL in production)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max

from gevinst.core.errors import InputError, NotFoundError
from gevinst.core.lifecycle import Event
from gevinst.core.model import Catalog
from gevinst.format.writer import Doc, catalog_document, document_version, proposal_document
from gevinst.importers.bundle import catalog_from_documents
from gevinst.stores.base import (
    Change,
    Version,
    Versioned,
    checked_proposal,
    require_current,
    require_event_count,
)
from gevinst.web import models as db

# a catalog read back from its documents, by (alias, key) -> (the current versions' ids, it):
# parsing every document again on every page would cost more than the page itself
_cache: dict[tuple[str, str], tuple[tuple[int, ...], Catalog]] = {}


def _version(v: db.Version) -> Version:
    return Version(id=v.digest, who=v.who, when=v.created, why=v.reason)


def _event(e: db.WorkflowEvent) -> Event:
    return Event(
        transition=e.transition,
        from_state=e.from_state,
        to_state=e.to_state,
        who=e.who,
        when=e.created,
        comment=e.comment,
    )


class DatabaseStore:
    def __init__(self, using: str = "default") -> None:
        self.using = using

    def _catalog(self, key: str) -> db.StoredCatalog:
        try:
            return db.StoredCatalog.objects.using(self.using).get(slug=key)
        except db.StoredCatalog.DoesNotExist:
            raise NotFoundError(f"kataloget {key!r} findes ikke") from None

    def _proposal(self, key: str, proposal_id: str) -> db.StoredProposal:
        rows = db.StoredProposal.objects.using(self.using).select_related("current")
        found = rows.filter(catalog__slug=key, ident__iexact=proposal_id).first()
        if found is None or found.current is None:
            self._catalog(key)
            raise NotFoundError(f"forslaget {proposal_id!r} findes ikke i kataloget")
        return found

    def catalogs(self) -> list[str]:
        return list(db.StoredCatalog.objects.using(self.using).values_list("slug", flat=True))

    def catalog(self, key: str) -> Catalog:
        stored = self._catalog(key)
        rows = list(
            db.StoredProposal.objects.using(self.using)
            .filter(catalog=stored)
            .order_by("position")
            .values_list("current_id", "current__document")
        )
        current = tuple(pk for pk, _ in rows)
        cached = _cache.get((self.using, key))
        if cached is not None and cached[0] == current:
            return cached[1]
        documents = [document for _, document in rows]
        catalog = catalog_from_documents(stored.document, documents, Path("database", key))
        _cache[self.using, key] = (current, catalog)
        return catalog

    def _document(self, key: str, ident: str, stored: Doc) -> Doc:
        """A stored document in the shape the format gives it: JSON keeps a year as text,
        the format's documents as a number."""
        profile = self.catalog(key).profile
        p = checked_proposal(stored, profile, Path("database", key, ident), ident)
        return proposal_document(p)

    def proposal(self, key: str, proposal_id: str) -> Versioned:
        sp = self._proposal(key, proposal_id)
        assert sp.current is not None
        return Versioned(self._document(key, sp.ident, sp.current.document), sp.current.digest)

    def save_proposal(
        self, key: str, proposal_id: str, document: Mapping[str, Any], *, base: str, change: Change
    ) -> Version:
        """The check of ``base`` and the move of the pointer happen under the proposal's row
        lock, so of two saves from the same version only one succeeds."""
        profile = self.catalog(key).profile
        found = self._proposal(key, proposal_id)
        p = checked_proposal(document, profile, Path("database", key, found.ident), found.ident)
        with transaction.atomic(using=self.using):
            # the proposal's row is held until the save commits: a second save waits for it and
            # then compares with the version the first one made (on PostgreSQL; SQLite takes
            # its write lock when the transaction begins). Locked by key alone, without a join,
            # so that the row is read again as it is after the wait.
            rows = db.StoredProposal.objects.using(self.using).select_for_update()
            sp = rows.get(pk=found.pk)
            current = sp.current
            assert current is not None
            require_current(sp.ident, base, current.digest)
            saved = self._add_version(sp, proposal_document(p), change)
            sp.current = saved
            sp.save(using=self.using, update_fields=["current"])
        return _version(saved)

    def _user(self, who: str) -> Any:
        """The user an actor's name is, where there is one (the command line's "lokal bruger"
        is none)."""
        return get_user_model().objects.using(self.using).filter(username=who).first()

    def _add_version(self, sp: db.StoredProposal, document: Doc, change: Change) -> db.Version:
        last = sp.versions.using(self.using).aggregate(n=Max("number"))["n"] or 0
        return db.Version.objects.using(self.using).create(
            proposal=sp,
            number=last + 1,
            digest=document_version(document),
            document=document,
            who=change.who,
            author=self._user(change.who),
            created=change.when,
            reason=change.why,
        )

    def versions(self, key: str, proposal_id: str) -> list[Version]:
        sp = self._proposal(key, proposal_id)
        return [_version(v) for v in sp.versions.using(self.using).order_by("number")]

    def proposal_at(self, key: str, proposal_id: str, version: str) -> Doc:
        sp = self._proposal(key, proposal_id)
        found = sp.versions.using(self.using).filter(digest=version).order_by("-number").first()
        if found is None:
            raise NotFoundError(f"forslag {sp.ident} har ingen version {version[:12]}")
        return self._document(key, sp.ident, found.document)

    def events(self, key: str, proposal_id: str) -> list[Event]:
        sp = self._proposal(key, proposal_id)
        return [_event(e) for e in sp.events.using(self.using).order_by("number")]

    def add_event(self, key: str, proposal_id: str, event: Event, *, expected_count: int) -> None:
        """The count is compared under the proposal's row lock, as :meth:`save_proposal`
        compares the version: of two moves from the same state only one succeeds."""
        found = self._proposal(key, proposal_id)
        with transaction.atomic(using=self.using):
            sp = db.StoredProposal.objects.using(self.using).select_for_update().get(pk=found.pk)
            count = sp.events.using(self.using).count()
            require_event_count(sp.ident, expected_count, count)
            self._add_event(sp, count + 1, event)

    def _add_event(self, sp: db.StoredProposal, number: int, event: Event) -> None:
        db.WorkflowEvent.objects.using(self.using).create(
            proposal=sp,
            number=number,
            transition=event.transition,
            from_state=event.from_state,
            to_state=event.to_state,
            who=event.who,
            author=self._user(event.who),
            created=event.when,
            comment=event.comment,
        )

    def check_new_catalog(self, key: str) -> None:
        if db.StoredCatalog.objects.using(self.using).filter(slug=key).exists():
            raise InputError(f"kataloget {key!r} findes allerede; intet er skrevet")

    def create_catalog(
        self,
        key: str,
        catalog: Catalog,
        change: Change,
        *,
        events: Mapping[str, Sequence[Event]] | None = None,
    ) -> None:
        with transaction.atomic(using=self.using):
            self.check_new_catalog(key)
            stored = db.StoredCatalog.objects.using(self.using).create(
                slug=key, title=catalog.title, document=catalog_document(catalog)
            )
            for position, p in enumerate(catalog.proposals):
                sp = db.StoredProposal.objects.using(self.using).create(
                    catalog=stored, ident=p.id, position=position
                )
                sp.current = self._add_version(sp, proposal_document(p), change)
                sp.save(using=self.using, update_fields=["current"])
                for number, event in enumerate((events or {}).get(p.id, ()), start=1):
                    self._add_event(sp, number, event)
