# SPDX-License-Identifier: MPL-2.0
"""The database store (:class:`gevinst.stores.base.Store`): catalogs and proposals as
versioned documents in the tables of :mod:`gevinst.web.models`, on the database alias it is
given (SQLite by default, PostgreSQL in production)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max

from gevinst.core.catalog_versions import FrozenVersion, freeze
from gevinst.core.change_requests import ChangeRequest, Decision
from gevinst.core.errors import InputError, NotFoundError
from gevinst.core.evidence import Attachment, Record
from gevinst.core.lifecycle import Event
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile
from gevinst.core.realisation import Entry as RealisationEntry
from gevinst.core.realisation import proposal_of
from gevinst.core.review import ReviewRecord
from gevinst.format.realisation import entry_document, entry_from_document
from gevinst.format.review import record_document, record_from_document
from gevinst.format.writer import Doc, catalog_document, document_version, proposal_document
from gevinst.importers.bundle import Known, catalog_from_documents
from gevinst.stores.base import (
    Change,
    Followed,
    Version,
    Versioned,
    checked_proposal,
    require_current,
    require_event_count,
    require_files,
    require_followup_count,
    require_frozen_current,
    require_open,
    require_review_count,
)
from gevinst.stores.realisation_file import REALISATION, require_realisation_count
from gevinst.web import models as db


@dataclass(frozen=True)
class _Read:
    """A catalog read back from its documents: parsing every document again on every page
    would cost more than the page itself, and after a save only the new version is read."""

    # the versions (digests) of its own document and of its proposals' current documents, in
    # order: a version names its content, where an id may name another after a rollback
    current: tuple[str, ...]
    catalog: Catalog
    proposals: dict[str, Proposal]  # by the version each was read from

    def known(self, current: tuple[str, ...], stand_ins: bool = False) -> Known:
        """The proposals already read of the versions ``current`` names, each under the
        profile it was read with (a proposal is a function of its document and profile).
        ``stand_ins``: their documents were left unread (:meth:`DatabaseStore._unread`), so
        one to be read again under another profile raises :class:`_Reread`."""

        def known(index: int, profile: Profile) -> Proposal | None:
            p = self.proposals.get(current[index + 1])
            if p is None or profile is self.catalog.profile:
                return p
            if stand_ins:
                raise _Reread
            return None

        return known


class _Reread(Exception):  # noqa: N818 (not an error: the way a changed catalog is read)
    """A catalog to be read from all its documents, none of them left unread."""


_cache: dict[tuple[str, str], _Read] = {}  # by (alias, key)


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


def _record(r: db.FollowUpRecord, pid: str, names: list[str]) -> Record:
    return Record(
        proposal=pid,
        goal=r.goal,
        due_from=r.due_from,
        due_to=r.due_to,
        status=r.status,  # type: ignore[arg-type]  # written from a Record's
        note=r.note,
        attachments=tuple(names),
        who=r.who,
        when=r.created,
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
        # its current document is read where it is asked for: most callers want its row only
        rows = db.StoredProposal.objects.using(self.using).select_related("current")
        rows = rows.defer("current__document")
        found = rows.filter(catalog__slug=key, ident__iexact=proposal_id).first()
        if found is None or found.current is None:
            self._catalog(key)
            raise NotFoundError(f"forslaget {proposal_id!r} findes ikke i kataloget")
        return found

    def catalogs(self) -> list[str]:
        return list(db.StoredCatalog.objects.using(self.using).values_list("slug", flat=True))

    def catalog(self, key: str) -> Catalog:
        stored = self._catalog(key)
        listed = (
            db.StoredProposal.objects.using(self.using).filter(catalog=stored).order_by("position")
        )
        # the versions first: the documents are read only where one has not been read
        rows = list(listed.values_list("current__digest", "ident", "current_id"))
        current = (document_version(stored.document), *(digest for digest, _, _ in rows))
        cached = _cache.get((self.using, key))
        if cached is not None and cached.current == current:
            return cached.catalog
        source = Path("database", key)
        documents: list[Doc] | None = None
        # a new catalog document may name another profile: then every document is read
        if cached is not None and cached.current[0] == current[0]:
            documents = self._unread(rows, cached)
            try:
                catalog = catalog_from_documents(
                    stored.document, documents, source, cached.known(current, stand_ins=True)
                )
            except _Reread:
                documents = None
        if documents is None:
            read = list(listed.values_list("current__digest", "current__document"))
            current = (current[0], *(digest for digest, _ in read))  # as read with the documents
            documents = [document for _, document in read]
            known = cached.known(current) if cached is not None else None
            catalog = catalog_from_documents(stored.document, documents, source, known)
        by_id = {p.id: p for p in catalog.proposals}
        read_as = zip(current[1:], documents, strict=True)
        proposals = {v: by_id[doc["id"]] for v, doc in read_as if doc.get("id") in by_id}
        _cache[self.using, key] = _Read(current, catalog, proposals)
        return catalog

    def _unread(self, rows: list[tuple[str, str, int]], cached: _Read) -> list[Doc]:
        """The documents of the versions ``cached`` has not read (after a save, the saved
        one), fetched by their rows and decoded; for each other a stand-in that names its
        proposal."""
        new = {pk for digest, _, pk in rows if digest not in cached.proposals}
        versions = db.Version.objects.using(self.using).filter(pk__in=new)
        fetched = dict(versions.values_list("pk", "document"))
        return [fetched[pk] if pk in new else {"id": ident} for _, ident, pk in rows]

    def _document(self, key: str, ident: str, kept: db.Version | db.ChangeRequest) -> Doc:
        """A stored document in the shape the format gives it: JSON keeps a year as text,
        the format's documents as a number. A version the catalog was read from is not read
        again: the editor asks for the current one on every keystroke."""
        catalog = self.catalog(key)
        read = _cache.get((self.using, key))
        remembered = read.proposals if read is not None and read.catalog is catalog else {}
        p = remembered.get(kept.digest)
        if p is None or p.id != ident:
            p = checked_proposal(
                kept.document, catalog.profile, Path("database", key, ident), ident
            )
        return proposal_document(p)

    def proposal(self, key: str, proposal_id: str) -> Versioned:
        sp = self._proposal(key, proposal_id)
        assert sp.current is not None
        return Versioned(self._document(key, sp.ident, sp.current), sp.current.digest)

    def save_proposal(
        self, key: str, proposal_id: str, document: Mapping[str, Any], *, base: str, change: Change
    ) -> Version:
        """The check of ``base`` and the move of the pointer happen under the proposal's row
        lock, so of two saves from the same version only one succeeds."""
        profile = self.catalog(key).profile
        found = self._proposal(key, proposal_id)
        p = checked_proposal(document, profile, Path("database", key, found.ident), found.ident)
        with self._locked(found) as sp:
            current = sp.current
            assert current is not None
            require_current(sp.ident, base, current.digest)
            saved = self._add_version(sp, proposal_document(p), change)
            sp.current = saved
            sp.save(using=self.using, update_fields=["current"])
        return _version(saved)

    @contextmanager
    def _locked(self, found: db.StoredProposal) -> Iterator[db.StoredProposal]:
        """``found``'s row read again and held until the block's transaction commits: a second
        write waits for it and then compares with what the first one wrote (on PostgreSQL;
        SQLite takes its write lock when the transaction begins). Locked by key alone, without
        a join, so that the row is read again as it is after the wait."""
        with transaction.atomic(using=self.using):
            yield db.StoredProposal.objects.using(self.using).select_for_update().get(pk=found.pk)

    def _user(self, who: str) -> Any:
        """The user an actor's name is, where there is one (the command line's "lokal bruger"
        is none)."""
        return get_user_model().objects.using(self.using).filter(username=who).first()

    def _authored(self, who: str, when: datetime) -> dict[str, Any]:
        """The fields of a record in an actor's name (:class:`gevinst.web.models.Authored`)."""
        return {"who": who, "author": self._user(who), "created": when}

    def _add_version(self, sp: db.StoredProposal, document: Doc, change: Change) -> db.Version:
        last = sp.versions.using(self.using).aggregate(n=Max("number"))["n"] or 0
        return db.Version.objects.using(self.using).create(
            proposal=sp,
            number=last + 1,
            digest=document_version(document),
            document=document,
            **self._authored(change.who, change.when),
            reason=change.why,
        )

    def versions(self, key: str, proposal_id: str) -> list[Version]:
        sp = self._proposal(key, proposal_id)
        return [_version(v) for v in sp.versions.using(self.using).order_by("number")]

    def proposal_at(self, key: str, proposal_id: str, version: str) -> Doc:
        sp = self._proposal(key, proposal_id)
        found = sp.versions.using(self.using).filter(digest=version).order_by("-number").first()
        # else a version asked for in a change request, not saved (yet)
        kept = found or sp.change_requests.using(self.using).filter(digest=version).first()
        if kept is None:
            raise NotFoundError(f"forslag {sp.ident} har ingen version {version[:12]}")
        return self._document(key, sp.ident, kept)

    def events(self, key: str, proposal_id: str) -> list[Event]:
        sp = self._proposal(key, proposal_id)
        return [_event(e) for e in sp.events.using(self.using).order_by("number")]

    def events_by_proposal(self, key: str) -> dict[str, list[Event]]:
        rows = db.WorkflowEvent.objects.using(self.using).filter(
            proposal__catalog=self._catalog(key)
        )
        found: dict[str, list[Event]] = {}
        for e in rows.select_related("proposal").order_by("proposal_id", "number"):
            found.setdefault(e.proposal.ident, []).append(_event(e))
        return found

    def add_event(self, key: str, proposal_id: str, event: Event, *, expected_count: int) -> None:
        """The count is compared under the proposal's row lock, as :meth:`save_proposal`
        compares the version: of two moves from the same state only one succeeds."""
        found = self._proposal(key, proposal_id)
        with self._locked(found) as sp:
            count = sp.events.using(self.using).count()
            require_event_count(sp.ident, expected_count, count)
            self._add_event(sp, count + 1, event)

    def realisation(self, key: str) -> list[RealisationEntry]:
        rows = self._catalog(key).realisation.using(self.using).order_by("number")
        where = Path("database", key, REALISATION)
        return [entry_from_document(r.document, where, r.number - 1) for r in rows]

    def add_realisation(
        self, key: str, entries: Sequence[RealisationEntry], *, expected_count: int
    ) -> None:
        """The count is compared under the catalog's row lock, and the entries are written in
        one transaction: of two writes from the same count only one succeeds, whole."""
        found = self._catalog(key)
        with transaction.atomic(using=self.using):
            stored = db.StoredCatalog.objects.using(self.using).select_for_update().get(pk=found.pk)
            count = stored.realisation.using(self.using).count()
            require_realisation_count(expected_count, count)
            self._add_entries(stored, count + 1, entries)

    def _add_entries(
        self, stored: db.StoredCatalog, first: int, entries: Sequence[RealisationEntry]
    ) -> None:
        for number, entry in enumerate(entries, start=first):
            document = entry_document(entry)
            db.RealisationEntry.objects.using(self.using).create(
                catalog=stored,
                number=number,
                kind=document["kind"],
                proposal=proposal_of(entry) or "",
                document=document,
                **self._authored(entry.who, entry.when),
            )

    def _add_event(self, sp: db.StoredProposal, number: int, event: Event) -> None:
        db.WorkflowEvent.objects.using(self.using).create(
            proposal=sp,
            number=number,
            transition=event.transition,
            from_state=event.from_state,
            to_state=event.to_state,
            **self._authored(event.who, event.when),
            comment=event.comment,
        )

    def followups(self, key: str, proposal_id: str) -> list[Record]:
        sp = self._proposal(key, proposal_id)
        rows = sp.followups.using(self.using).order_by("number")
        names: dict[int, list[str]] = {}
        files = db.FollowUpAttachment.objects.using(self.using).filter(record__proposal=sp)
        for record_id, name in files.order_by("position").values_list("record_id", "name"):
            names.setdefault(record_id, []).append(name)
        return [_record(r, sp.ident, names.get(r.pk, [])) for r in rows]

    def add_followup(
        self,
        key: str,
        proposal_id: str,
        record: Record,
        files: Sequence[Attachment],
        *,
        expected_count: int,
    ) -> None:
        """The count is compared under the proposal's row lock, as :meth:`add_event` does;
        the record and its files are written in one transaction."""
        found = self._proposal(key, proposal_id)
        require_files(record, files)
        with self._locked(found) as sp:
            count = sp.followups.using(self.using).count()
            require_followup_count(sp.ident, expected_count, count)
            self._add_followup(sp, count + 1, record, files)

    def _add_followup(
        self, sp: db.StoredProposal, number: int, record: Record, files: Sequence[Attachment]
    ) -> None:
        require_files(record, files)
        by_name = {a.name: a for a in files}
        stored = db.FollowUpRecord.objects.using(self.using).create(
            proposal=sp,
            number=number,
            goal=record.goal,
            due_from=record.due_from,
            due_to=record.due_to,
            status=record.status,
            note=record.note,
            **self._authored(record.who, record.when),
        )
        for position, name in enumerate(record.attachments, start=1):
            a = by_name[name]
            db.FollowUpAttachment.objects.using(self.using).create(
                record=stored,
                position=position,
                name=a.name,
                content_type=a.content_type,
                size=len(a.content),
                content=a.content,
            )

    def attachment(self, key: str, proposal_id: str, number: int, name: str) -> Attachment:
        sp = self._proposal(key, proposal_id)
        rows = db.FollowUpAttachment.objects.using(self.using)
        found = rows.filter(record__proposal=sp, record__number=number, name=name).first()
        if found is None:
            raise NotFoundError(f"forslag {sp.ident} har ingen vedhæftet fil {name!r} nr. {number}")
        return Attachment(found.name, found.content_type, bytes(found.content))

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
        review: Mapping[str, Sequence[ReviewRecord]] | None = None,
        realisation: Sequence[RealisationEntry] = (),
        followups: Mapping[str, Sequence[Followed]] | None = None,
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
                for number, record in enumerate((review or {}).get(p.id, ()), start=1):
                    self._add_review_record(sp, number, record)
                for number, (kept, files) in enumerate((followups or {}).get(p.id, ()), start=1):
                    self._add_followup(sp, number, kept, files)
            self._add_entries(stored, 1, realisation)

    def review_records(self, key: str, proposal_id: str) -> list[ReviewRecord]:
        sp = self._proposal(key, proposal_id)
        rows = sp.records.using(self.using).order_by("number").values_list("number", "document")
        source = Path("database", key, sp.ident)
        return [record_from_document(doc, source, sp.ident, n) for n, doc in rows]

    def review_records_by_proposal(self, key: str) -> dict[str, list[ReviewRecord]]:
        rows = db.ReviewRecord.objects.using(self.using).filter(
            proposal__catalog=self._catalog(key)
        )
        found: dict[str, list[ReviewRecord]] = {}
        for ident, number, doc in rows.order_by("proposal_id", "number").values_list(
            "proposal__ident", "number", "document"
        ):
            record = record_from_document(doc, Path("database", key, ident), ident, number)
            found.setdefault(ident, []).append(record)
        return found

    def add_review_record(
        self, key: str, proposal_id: str, record: ReviewRecord, *, expected_count: int
    ) -> None:
        """The count is compared under the proposal's row lock, as :meth:`add_event` does:
        of two answers to one request judged on the same records only one is kept."""
        found = self._proposal(key, proposal_id)
        with self._locked(found) as sp:
            count = sp.records.using(self.using).count()
            require_review_count(sp.ident, expected_count, count)
            self._add_review_record(sp, count + 1, record)

    def _add_review_record(self, sp: db.StoredProposal, number: int, record: ReviewRecord) -> None:
        document = record_document(record)
        db.ReviewRecord.objects.using(self.using).create(
            proposal=sp,
            number=number,
            kind=document["record"],
            document=document,
            **self._authored(record.who, record.when),
        )

    def frozen_versions(self, key: str) -> list[FrozenVersion]:
        rows = db.FrozenCatalogVersion.objects.using(self.using).filter(catalog__slug=key)
        return [_frozen(f) for f in rows.order_by("created", "pk")]

    def add_frozen_version(self, key: str, frozen: FrozenVersion) -> None:
        """Under the catalog's row lock: the name and the current versions are compared with
        what no other write can change until the freeze is kept."""
        with transaction.atomic(using=self.using):
            stored = (
                db.StoredCatalog.objects.using(self.using)
                .select_for_update()
                .get(pk=self._catalog(key).pk)
            )
            freeze(frozen.name, frozen.who, frozen.when, frozen.versions, self.frozen_versions(key))
            current = db.StoredProposal.objects.using(self.using).filter(catalog=stored)
            require_frozen_current(frozen, dict(current.values_list("ident", "current__digest")))
            db.FrozenCatalogVersion.objects.using(self.using).create(
                catalog=stored,
                name=frozen.name,
                **self._authored(frozen.who, frozen.when),
                versions=dict(frozen.versions),
            )

    def change_requests(self, key: str) -> list[ChangeRequest]:
        self._catalog(key)
        rows = (
            db.ChangeRequest.objects.using(self.using)
            .filter(catalog__slug=key)
            .select_related("proposal", "decision")
            .order_by("number")
        )
        return [_request(r) for r in rows]

    def add_change_request(
        self, key: str, proposal_id: str, document: Mapping[str, Any], *, base: str, change: Change
    ) -> ChangeRequest:
        """Numbered under the catalog's row lock, compared with the proposal's current version
        under its own."""
        profile = self.catalog(key).profile
        found = self._proposal(key, proposal_id)
        p = checked_proposal(document, profile, Path("database", key, found.ident), found.ident)
        doc = proposal_document(p)
        with transaction.atomic(using=self.using):
            stored = (
                db.StoredCatalog.objects.using(self.using)
                .select_for_update()
                .get(pk=found.catalog_id)
            )
            sp = (
                db.StoredProposal.objects.using(self.using)
                .select_related("current")
                .get(pk=found.pk)
            )
            assert sp.current is not None
            require_current(sp.ident, base, sp.current.digest)
            last = stored.change_requests.using(self.using).aggregate(n=Max("number"))["n"] or 0
            row = db.ChangeRequest.objects.using(self.using).create(
                catalog=stored,
                proposal=sp,
                number=last + 1,
                base=base,
                digest=document_version(doc),
                document=doc,
                **self._authored(change.who, change.when),
                reason=change.why,
            )
        return _request(row)

    def decide_change_request(self, key: str, number: int, decision: Decision) -> ChangeRequest:
        """Under the request's row lock, so that of two decisions only one is kept."""
        with transaction.atomic(using=self.using):
            rows = db.ChangeRequest.objects.using(self.using).select_for_update()
            row = rows.filter(catalog__slug=key, number=number).first()
            if row is None:
                self._catalog(key)
                raise NotFoundError(f"kataloget har ingen ændringsanmodning {number}")
            require_open(_request(row))
            db.ChangeDecision.objects.using(self.using).create(
                request=row,
                accepted=decision.accepted,
                **self._authored(decision.who, decision.when),
                note=decision.note,
            )
        return replace(_request(row), decision=decision)


def _frozen(f: db.FrozenCatalogVersion) -> FrozenVersion:
    return FrozenVersion(name=f.name, who=f.who, when=f.created, versions=dict(f.versions))


def _request(r: db.ChangeRequest) -> ChangeRequest:
    try:
        d = r.decision
    except db.ChangeDecision.DoesNotExist:
        decision = None
    else:
        decision = Decision(accepted=d.accepted, who=d.who, when=d.created, note=d.note)
    return ChangeRequest(
        number=r.number,
        proposal=r.proposal.ident,
        base=r.base,
        proposed=r.digest,
        why=r.reason,
        who=r.who,
        when=r.created,
        decision=decision,
    )
