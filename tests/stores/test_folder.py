# SPDX-License-Identifier: MPL-2.0
"""The folder store's own promises (the shared ones are in test_contract.py): a write leaves
the folder whole whatever fails, a new catalog appears complete or not at all and leaves no
hidden folder behind, files and folders get the user's umask, and a folder's only version is
its current one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from gevinst.core.errors import ConflictError, FormatError, NotFoundError
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile
from gevinst.format.writer import version, write_catalog
from gevinst.importers.bundle import catalog_bundle
from gevinst.stores import folder
from gevinst.stores.base import Change
from gevinst.stores.folder import FolderStore
from tests.paths import ROOT, SEED
from tests.stores.test_contract import PREAPPROVE, REVIEW, SUBMIT

CHANGE = Change(who="Anna", when=datetime(2026, 3, 1, tzinfo=UTC), why="test")


@pytest.fixture
def store(seed: Catalog, tmp_path: Path) -> FolderStore:
    write_catalog(seed, tmp_path / "kat")
    return FolderStore(tmp_path)


@pytest.fixture
def umask_027() -> Iterator[None]:
    previous = os.umask(0o027)
    yield
    os.umask(previous)


def _listing(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _hidden(root: Path) -> list[Path]:
    return [p for p in root.rglob(".*")]


def test_the_command_lines_paths_are_keys(seed: Catalog) -> None:
    # a folder, its catalog.yaml, relative or absolute: the store reads what the user named
    assert FolderStore(ROOT).catalog("catalogs/kk-budget-2025") == seed
    assert FolderStore().catalog(str(SEED / "catalog.yaml")) == seed


def test_a_folder_has_its_current_version_only(store: FolderStore, seed: Catalog) -> None:
    [only] = store.versions("kat", "BC01")
    assert only.id == version(seed.proposal("BC01"))
    mtime = (store.root / "kat" / "proposals" / "BC01.yaml").stat().st_mtime
    assert only.when == datetime.fromtimestamp(mtime, UTC)
    current = store.proposal("kat", "BC01")
    doc = current.document
    doc["title"] = "Ny"
    store.save_proposal("kat", "BC01", doc, base=current.version, change=CHANGE)
    with pytest.raises(NotFoundError, match="historik er git"):
        store.proposal_at("kat", "BC01", current.version)


def test_a_saved_file_keeps_its_mode(store: FolderStore) -> None:
    path = store.root / "kat" / "proposals" / "BC02.yaml"
    path.chmod(0o640)
    current = store.proposal("kat", "BC02")
    doc = current.document
    doc["title"] = "Ny"
    store.save_proposal("kat", "BC02", doc, base=current.version, change=CHANGE)
    assert path.stat().st_mode & 0o777 == 0o640
    assert "title: Ny\n" in path.read_text(encoding="utf-8")


def test_a_file_that_does_not_read_back_is_not_written(
    store: FolderStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _listing(store.root)
    current = store.proposal("kat", "F2")
    doc = current.document
    doc["title"] = "Ny"
    path = store.root / "kat" / "proposals" / "F2.yaml"

    def lossy(staged: Path, path: Path, p: Proposal, profile: Profile) -> None:
        raise FormatError([])

    monkeypatch.setattr(folder, "_require_reads_back", lossy)
    with pytest.raises(FormatError):
        store.save_proposal("kat", "F2", doc, base=current.version, change=CHANGE)
    assert _listing(store.root) == before and not _hidden(path.parent)


def test_a_file_changed_during_the_save_is_a_conflict(
    store: FolderStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    current = store.proposal("kat", "F3")
    doc = current.document
    doc["title"] = "Min"
    path = store.root / "kat" / "proposals" / "F3.yaml"
    theirs = path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Deres ", 1)
    checked = folder._require_reads_back

    def meanwhile(staged: Path, target: Path, p: Proposal, profile: Profile) -> None:
        checked(staged, target, p, profile)
        path.write_text(theirs, encoding="utf-8")  # another save lands just now

    monkeypatch.setattr(folder, "_require_reads_back", meanwhile)
    with pytest.raises(ConflictError, match="ændret af en anden"):
        store.save_proposal("kat", "F3", doc, base=current.version, change=CHANGE)
    assert path.read_text(encoding="utf-8") == theirs and not _hidden(path.parent)


@pytest.mark.parametrize("fault", [RuntimeError("disken svigtede"), KeyboardInterrupt()])
def test_a_failed_import_leaves_no_folder_behind(
    store: FolderStore, seed: Catalog, monkeypatch: pytest.MonkeyPatch, fault: BaseException
) -> None:
    before = _listing(store.root)

    def half(cat: Catalog, staging: Path) -> None:
        write_catalog(cat, staging)
        (staging / "proposals" / "F1.yaml").write_text("id: F1\ntit", encoding="utf-8")
        raise fault

    monkeypatch.setattr(folder, "write_catalog", half)
    with pytest.raises(type(fault)):
        store.create_catalog("ny", seed, CHANGE)
    assert _listing(store.root) == before
    assert not (store.root / "ny").exists() and not _hidden(store.root)


def test_an_import_that_does_not_read_back_is_not_renamed_into_place(
    store: FolderStore, seed: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(cat: Catalog, staging: Path) -> None:
        write_catalog(cat, staging)
        (staging / "proposals" / "F1.yaml").write_text("id: F1\ntitle: [", encoding="utf-8")

    monkeypatch.setattr(folder, "write_catalog", broken)
    with pytest.raises(FormatError):
        store.create_catalog("ny", seed, CHANGE)
    assert sorted(p.name for p in store.root.iterdir()) == ["kat"]


@pytest.mark.usefixtures("umask_027")
def test_an_imported_folder_follows_the_umask(store: FolderStore, seed: Catalog) -> None:
    store.create_catalog("ny", seed, CHANGE)
    target = store.root / "ny"
    assert target.stat().st_mode & 0o777 == 0o750
    assert (target / "proposals").stat().st_mode & 0o777 == 0o750
    assert {p.stat().st_mode & 0o777 for p in target.rglob("*.yaml")} == {0o640}


def test_an_empty_target_folder_is_filled(store: FolderStore, seed: Catalog) -> None:
    (store.root / "tom").mkdir()
    store.create_catalog("tom", seed, CHANGE)
    assert store.catalog("tom") == seed


def test_an_import_removes_what_a_killed_import_left(store: FolderStore, seed: Catalog) -> None:
    gone = subprocess.Popen(["true"])
    gone.wait()
    hour_ago = time.time() - 2 * 3600

    def staging(pid: int, old: bool) -> Path:
        path = store.root / f".gevinst-{pid}-{'a' * 7}{int(old)}"
        (path / "proposals").mkdir(parents=True)
        if old:
            os.utime(path, (hour_ago, hour_ago))
        return path

    left = staging(gone.pid, old=True)
    kept = [staging(gone.pid, old=False), staging(os.getpid(), old=True)]  # may be in use
    store.create_catalog("ny", seed, CHANGE)
    assert not left.exists() and all(path.is_dir() for path in kept)


SLOW_IMPORT = """
import sys, time
from gevinst.cli.main import main
from gevinst.stores import folder

written = folder.write_catalog

def slow(cat, staging):
    written(cat, staging)
    print("skrevet", flush=True)
    time.sleep(60)

folder.write_catalog = slow
sys.exit(main(["import", sys.argv[1], "-o", sys.argv[2]]))
"""


def test_a_killed_import_leaves_no_folder_behind(seed: Catalog, tmp_path: Path) -> None:
    source = tmp_path / "katalog.json"
    source.write_text(json.dumps(catalog_bundle(seed), default=str), encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, "-c", SLOW_IMPORT, str(source), str(tmp_path / "ny")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert run.stdout is not None and run.stdout.readline() == "skrevet\n"
    assert _hidden(tmp_path)  # the staging folder is there while the import runs
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=30) == 128 + signal.SIGTERM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["katalog.json"]


def test_the_events_are_workflow_yaml_in_the_catalog_folder(store: FolderStore) -> None:
    store.add_event("kat", "BC01", SUBMIT, expected_count=0)
    store.add_event("kat", "BC01", PREAPPROVE, expected_count=1)
    written = (store.root / "kat" / "workflow.yaml").read_text(encoding="utf-8")
    assert written.splitlines()[:7] == [
        "BC01:",
        "- transition: submit",
        "  from: draft",
        "  to: submitted",
        "  who: Anna",
        "  when: '2026-03-02T10:00:00+00:00'",
        "  comment: klar til CFØ",
    ]
    assert not [p for p in (store.root / "kat").iterdir() if p.name.startswith(".gevinst-")]


def test_a_workflow_yaml_that_does_not_follow_the_format_names_the_event(
    store: FolderStore,
) -> None:
    path = store.root / "kat" / "workflow.yaml"
    path.write_text("BC01:\n- {transition: submit, from: draft, to: submitted}\n")
    with pytest.raises(FormatError, match="forslag BC01, felt \\[0\\]: et skift skal have"):
        store.events("kat", "BC01")
    path.write_text(
        "BC01:\n- {transition: submit, from: draft, to: submitted, who: A, when: i går,"
        " comment: ''}\n"
    )
    with pytest.raises(FormatError, match="'i går' er ikke et tidspunkt"):
        store.events("kat", "BC01")


def test_the_review_is_review_yaml_in_the_catalog_folder(store: FolderStore, seed: Catalog) -> None:
    for n, record in enumerate(REVIEW):
        store.add_review_record("kat", "BC01", record, expected_count=n)
    written = yaml.safe_load((store.root / "kat" / "review.yaml").read_text(encoding="utf-8"))
    assert [r["record"] for r in written["BC01"]] == [
        "request",
        "answer",
        "comment",
        "comment",
        "resolution",
    ]
    assert written["BC01"][2]["year"] == 2027 and written["BC01"][3]["reply_to"] == 1
    # the loader does not read it: the catalog is as it was
    assert store.catalog("kat") == seed
    assert not [p for p in (store.root / "kat").iterdir() if p.name.startswith(".gevinst-")]


def test_a_review_yaml_that_does_not_follow_the_format_names_the_record(
    store: FolderStore,
) -> None:
    path = store.root / "kat" / "review.yaml"
    path.write_text("BC01:\n- {record: request, to: med}\n")
    with pytest.raises(FormatError, match="forslag BC01, felt \\[1\\]: en request skal have"):
        store.review_records("kat", "BC01")
    path.write_text("- BC01\n")
    with pytest.raises(FormatError, match="skal være forslag med deres poster"):
        store.review_records("kat", "BC01")
