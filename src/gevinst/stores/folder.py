# SPDX-License-Identifier: MPL-2.0
"""The catalog folder as a store: ``catalog.yaml`` and ``proposals/ID.yaml``
(catalogs/kk-budget-2025, docs/format.md).

A catalog's key is its path under the store's root: the command line's store has the
current folder as root and takes the paths its user names (a folder or its
``catalog.yaml``), as a local user may name any folder. The web application keeps its
catalogs in the database store.

A proposal's workflow events (its transitions: who, when, why) are kept beside the documents
in ``workflow.yaml`` in the catalog folder, by proposal id, and its review records
(consultations and comments) in ``review.yaml``; the loader reads neither. Its
follow-up records are kept so in ``followup.yaml``, their attachments under ``followup/``
(:mod:`gevinst.stores.followup_file`).
The catalog's realisation records (measurements, realised amounts, spending) are kept in
``realisation.yaml`` (:mod:`gevinst.stores.realisation_file`).

A folder has no history of its own: git is its history. :meth:`FolderStore.versions` gives
the current version alone, and an older version is not found here.

Every write leaves the folder whole: a proposal is written to a temporary file beside its
file, flushed to the disk, read back through the format's loader and renamed over the file
only if it loads as the proposal saved; a new catalog is written into a hidden folder beside
its target and renamed into place (:func:`gevinst.stores.files.new_folder`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gevinst.core.catalog_versions import FrozenVersion, freeze
from gevinst.core.change_requests import ChangeRequest, Decision
from gevinst.core.errors import ConflictError, FormatError, InputError, NotFoundError, Problem
from gevinst.core.evidence import Attachment, Record, attachment_name
from gevinst.core.lifecycle import Event
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile
from gevinst.core.realisation import Entry as RealisationEntry
from gevinst.core.review import ReviewRecord
from gevinst.format.reader import load_catalog, proposal_from_document, read_document
from gevinst.format.review import record_document, record_from_document
from gevinst.format.writer import (
    Doc,
    event_document,
    proposal_document,
    to_yaml,
    version,
    write_catalog,
)
from gevinst.stores.base import (
    Change,
    Followed,
    Version,
    Versioned,
    checked_proposal,
    numbered,
    require_current,
    require_event_count,
    require_files,
    require_followup_count,
    require_frozen_current,
    require_open,
    require_review_count,
)
from gevinst.stores.catalog_versions_file import (
    kept_document,
    read_frozen,
    read_requests,
    write_frozen,
    write_requests,
)
from gevinst.stores.files import STAGING_PREFIX, new_folder, write_failed, write_files
from gevinst.stores.followup_file import (
    FOLLOWUP,
    attachment_path,
    followup_text,
    read_attachment,
    read_followups,
)
from gevinst.stores.logs import log_text, read_log
from gevinst.stores.realisation_file import (
    REALISATION,
    add_realisation,
    read_realisation,
    realisation_text,
)

WORKFLOW = "workflow.yaml"
REVIEW = "review.yaml"


class FolderStore:
    """Catalog folders under ``root``, each by its path."""

    def __init__(self, root: Path = Path()) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / key

    def _folder(self, key: str) -> Path:
        path = self._path(key)
        return path if path.is_dir() else path.parent

    def catalogs(self) -> list[str]:
        return sorted(d.name for d in self.root.iterdir() if (d / "catalog.yaml").is_file())

    def catalog(self, key: str) -> Catalog:
        return load_catalog(self._path(key))

    def _file(self, key: str, p: Proposal) -> Path:
        return self._folder(key) / "proposals" / f"{p.id}.yaml"

    def proposal(self, key: str, proposal_id: str) -> Versioned:
        p = self.catalog(key).proposal(proposal_id)
        return Versioned(proposal_document(p), version(p))

    def save_proposal(
        self, key: str, proposal_id: str, document: Mapping[str, Any], *, base: str, change: Change
    ) -> Version:
        """The file is replaced only if it is still the one that was read: the check and the
        rename are not one step, so two saves at the same instant may still both pass it;
        the database store closes that gap with its transaction."""
        path = self._file(key, self.catalog(key).proposal(proposal_id))
        was = path.read_bytes()
        # read after the bytes: a save in between shows as a changed file below
        cat = self.catalog(key)
        current = cat.proposal(proposal_id)
        require_current(current.id, base, version(current))
        p = checked_proposal(document, cat.profile, path, current.id)
        _replace_checked(path, to_yaml(proposal_document(p)), p, cat.profile, was)
        return Version(id=version(p), who=change.who, when=change.when, why=change.why)

    def versions(self, key: str, proposal_id: str) -> list[Version]:
        """The current version alone (a folder's history is git's); it names no one and no
        reason, and its time is the file's."""
        p = self.catalog(key).proposal(proposal_id)
        when = datetime.fromtimestamp(self._file(key, p).stat().st_mtime, UTC)
        return [Version(id=version(p), who="", when=when, why="")]

    def proposal_at(self, key: str, proposal_id: str, version_id: str) -> Doc:
        cat = self.catalog(key)
        p = cat.proposal(proposal_id)
        if version(p) == version_id:
            return proposal_document(p)
        kept = kept_document(self._folder(key), version_id)
        if kept is None:
            raise NotFoundError(
                f"forslag {proposal_id} har ingen version {version_id[:12]} i mappen; en "
                "mappe har kun sin nuværende version (dens historik er git's)"
            )
        # a version frozen or asked for in a change request, in the format's own shape
        return proposal_document(checked_proposal(kept, cat.profile, self._file(key, p), p.id))

    def check_new_catalog(self, key: str) -> None:
        target = self._path(key)
        if not target.parent.is_dir():
            raise InputError(f"mappen {target.parent} findes ikke; intet er skrevet")
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise InputError(f"{target} findes allerede og er ikke tom; intet er skrevet")

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
        """``change`` is not kept: a folder's history is git's."""
        self.check_new_catalog(key)
        with new_folder(self._path(key)) as staging:
            write_catalog(catalog, staging)
            load_catalog(staging)  # what was written must read back before it is renamed
            kept = {p.id: list((events or {}).get(p.id, ())) for p in catalog.proposals}
            if any(kept.values()):
                (staging / WORKFLOW).write_text(_workflow_text(kept), encoding="utf-8")
            notes = {p.id: list((review or {}).get(p.id, ())) for p in catalog.proposals}
            if any(notes.values()):
                (staging / REVIEW).write_text(_review_text(notes), encoding="utf-8")
            if realisation:
                text = realisation_text(realisation)
                (staging / REALISATION).write_text(text, encoding="utf-8")
            _write_followups(
                staging, {p.id: (followups or {}).get(p.id, ()) for p in catalog.proposals}
            )

    def _events(self, key: str) -> dict[str, list[Event]]:
        return _read_workflow(self._folder(key) / WORKFLOW)

    def events(self, key: str, proposal_id: str) -> list[Event]:
        pid = self.catalog(key).proposal(proposal_id).id
        return self._events(key).get(pid, [])

    def events_by_proposal(self, key: str) -> dict[str, list[Event]]:
        return {pid: events for pid, events in self._events(key).items() if events}

    def add_event(self, key: str, proposal_id: str, event: Event, *, expected_count: int) -> None:
        """As :meth:`save_proposal`, the count's check and the file's rename are not one
        step: two moves at the same instant may both pass it."""
        pid = self.catalog(key).proposal(proposal_id).id
        kept = self._events(key)
        require_event_count(pid, expected_count, len(kept.get(pid, [])))
        kept[pid] = [*kept.get(pid, []), event]
        text = _workflow_text(kept)
        write_files({self._folder(key) / WORKFLOW: text.encode("utf-8")})

    def realisation(self, key: str) -> list[RealisationEntry]:
        self.catalog(key)  # a catalog that is not there is not found, as for every read
        return read_realisation(self._folder(key))

    def add_realisation(
        self, key: str, entries: Sequence[RealisationEntry], *, expected_count: int
    ) -> None:
        self.catalog(key)
        add_realisation(self._folder(key), entries, expected_count)

    def followups(self, key: str, proposal_id: str) -> list[Record]:
        pid = self.catalog(key).proposal(proposal_id).id
        return read_followups(self._folder(key) / FOLLOWUP).get(pid, [])

    def add_followup(
        self,
        key: str,
        proposal_id: str,
        record: Record,
        files: Sequence[Attachment],
        *,
        expected_count: int,
    ) -> None:
        """The attachments are written before the record that names them, so a record is
        never without its files; as :meth:`add_event`, the count's check and the rename are
        not one step."""
        pid = self.catalog(key).proposal(proposal_id).id
        folder = self._folder(key)
        kept = read_followups(folder / FOLLOWUP)
        mine = kept.get(pid, [])
        require_followup_count(pid, expected_count, len(mine))
        require_files(record, files)
        paths = {attachment_path(folder, pid, len(mine) + 1, a.name): a.content for a in files}
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
        write_files(paths)
        kept[pid] = [*mine, record]
        write_files({folder / FOLLOWUP: followup_text(kept).encode("utf-8")})

    def attachment(self, key: str, proposal_id: str, number: int, name: str) -> Attachment:
        """Only a name its record names, and one that stays in its folder, is read."""
        pid = self.catalog(key).proposal(proposal_id).id
        records = read_followups(self._folder(key) / FOLLOWUP).get(pid, [])
        path = attachment_path(self._folder(key), pid, number, name)
        if (
            1 <= number <= len(records)
            and name in records[number - 1].attachments
            and attachment_name(name) == name
            and path.is_file()
        ):
            return read_attachment(path, name)
        raise NotFoundError(f"forslag {pid} har ingen vedhæftet fil {name!r} nr. {number}")

    def _review_records(self, key: str) -> dict[str, list[ReviewRecord]]:
        return _read_review(self._folder(key) / REVIEW)

    def review_records(self, key: str, proposal_id: str) -> list[ReviewRecord]:
        pid = self.catalog(key).proposal(proposal_id).id
        return self._review_records(key).get(pid, [])

    def review_records_by_proposal(self, key: str) -> dict[str, list[ReviewRecord]]:
        return {pid: kept for pid, kept in self._review_records(key).items() if kept}

    def add_review_record(
        self, key: str, proposal_id: str, record: ReviewRecord, *, expected_count: int
    ) -> None:
        """As :meth:`add_event`: the file is written whole or not at all, and the count's
        check and the rename are not one step."""
        pid = self.catalog(key).proposal(proposal_id).id
        kept = self._review_records(key)
        require_review_count(pid, expected_count, len(kept.get(pid, [])))
        kept[pid] = [*kept.get(pid, []), record]
        write_files({self._folder(key) / REVIEW: _review_text(kept).encode("utf-8")})

    def frozen_versions(self, key: str) -> list[FrozenVersion]:
        return read_frozen(self._folder(key))

    def add_frozen_version(self, key: str, frozen: FrozenVersion) -> None:
        """The documents of the versions frozen are kept in ``versions/`` beside it."""
        folder, cat = self._folder(key), self.catalog(key)
        kept = read_frozen(folder)
        freeze(frozen.name, frozen.who, frozen.when, frozen.versions, kept)
        require_frozen_current(frozen, {p.id: version(p) for p in cat.proposals})
        documents = {version(p): proposal_document(p) for p in cat.proposals}
        write_frozen(folder, [*kept, frozen], documents)

    def change_requests(self, key: str) -> list[ChangeRequest]:
        return read_requests(self._folder(key))

    def add_change_request(
        self, key: str, proposal_id: str, document: Mapping[str, Any], *, base: str, change: Change
    ) -> ChangeRequest:
        folder, cat = self._folder(key), self.catalog(key)
        current = cat.proposal(proposal_id)
        require_current(current.id, base, version(current))
        p = checked_proposal(document, cat.profile, self._file(key, current), current.id)
        kept = read_requests(folder)
        request = ChangeRequest(
            number=len(kept) + 1,
            proposal=current.id,
            base=base,
            proposed=version(p),
            why=change.why,
            who=change.who,
            when=change.when,
        )
        # the version it was edited from too: the request is shown against it after a save
        documents = {request.proposed: proposal_document(p), base: proposal_document(current)}
        write_requests(folder, [*kept, request], documents)
        return request

    def decide_change_request(self, key: str, number: int, decision: Decision) -> ChangeRequest:
        folder = self._folder(key)
        kept = read_requests(folder)
        request = numbered(kept, number)
        require_open(request)
        kept[number - 1] = replace(request, decision=decision)
        write_requests(folder, kept)
        return kept[number - 1]


def _review_text(records: Mapping[str, Sequence[ReviewRecord]]) -> str:
    return log_text(records, record_document)


def _read_review(path: Path) -> dict[str, list[ReviewRecord]]:
    """The review records of ``path`` by proposal id; none where there is no file."""
    return read_log(path, "skal være forslag med deres poster", _read_records)


def _read_records(path: Path, pid: str, kept: object) -> list[ReviewRecord]:
    if not isinstance(kept, list):
        raise FormatError([Problem(path, None, pid, "", "skal være en liste af poster")])
    return [record_from_document(item, path, pid, n) for n, item in enumerate(kept, start=1)]


def _write_followups(folder: Path, followups: Mapping[str, Sequence[Followed]]) -> None:
    """A new catalog's follow-up records and their files, into ``folder`` being staged."""
    if not any(followups.values()):
        return
    for pid, followed in followups.items():
        for number, (record, files) in enumerate(followed, start=1):
            require_files(record, files)
            for a in files:
                path = attachment_path(folder, pid, number, a.name)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(a.content)
    records = {pid: [record for record, _ in followed] for pid, followed in followups.items()}
    (folder / FOLLOWUP).write_text(followup_text(records), encoding="utf-8")


_FIELDS = {"transition", "from", "to", "who", "when", "comment"}


def _workflow_text(events: Mapping[str, Sequence[Event]]) -> str:
    return log_text(events, event_document)


def _read_workflow(path: Path) -> dict[str, list[Event]]:
    """The events of ``path`` by proposal id; none where there is no file."""
    return read_log(path, "skal være forslag med deres skift", _read_events)


def _read_events(path: Path, pid: str, kept: object) -> list[Event]:
    if not isinstance(kept, list):
        raise FormatError([Problem(path, None, pid, "", "skal være en liste af skift")])
    events = []
    for n, item in enumerate(kept):
        if not isinstance(item, dict) or set(item) != _FIELDS:
            fields = ", ".join(sorted(_FIELDS))
            message = f"et skift skal have netop felterne {fields}"
            raise FormatError([Problem(path, None, pid, f"[{n}]", message)])
        when = item["when"]
        try:
            if not isinstance(when, datetime):
                when = datetime.fromisoformat(str(when))
        except ValueError:
            message = f"{when!r} er ikke et tidspunkt (ÅÅÅÅ-MM-DDTtt:mm:ss+00:00)"
            raise FormatError([Problem(path, None, pid, f"[{n}].when", message)]) from None
        events.append(
            Event(
                transition=str(item["transition"]),
                from_state=str(item["from"]),
                to_state=str(item["to"]),
                who=str(item["who"]),
                when=when,
                comment=str(item["comment"] or ""),
            )
        )
    return events


def _replace_checked(path: Path, text: str, p: Proposal, profile: Profile, was: bytes) -> None:
    """Write ``text`` over ``path`` if it reads back as ``p`` and ``path`` still holds
    ``was``; otherwise refuse, and leave ``path`` as it was."""
    fd, name = tempfile.mkstemp(prefix=f"{STAGING_PREFIX}{path.name}.", dir=path.parent)
    staged = Path(name)
    try:
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            staged.chmod(path.stat().st_mode & 0o7777)  # the file keeps its mode
        except OSError as e:
            raise write_failed(path, e) from None
        _require_reads_back(staged, path, p, profile)
        if path.read_bytes() != was:
            raise ConflictError(f"{path} er ændret af en anden under gemningen; intet er gemt")
        os.replace(staged, path)
    finally:
        staged.unlink(missing_ok=True)


def _require_reads_back(staged: Path, path: Path, p: Proposal, profile: Profile) -> None:
    try:
        again = proposal_from_document(read_document(staged, p.id), profile, p.id)
    except FormatError as e:
        raise FormatError([replace(q, path=path) for q in e.problems]) from None
    if again != p:
        message = "dokumentet læses ikke tilbage som det blev gemt; intet er gemt"
        raise FormatError([Problem(path, None, p.id, "", message)])
