# SPDX-License-Identifier: MPL-2.0
"""``gevinst export`` writes nothing it cannot finish (issue 9, "Writes that can lose data"):
every target is checked before anything is written, a failed or killed write leaves the
previous file as it was, a catalog's own files and a non-empty data package folder are
refused, and a full disk is one Danish line naming the file."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gevinst.cli.main import main
from gevinst.stores import files
from tests.paths import SEED

PREVIOUS = b"forslag;forrige eksport\r\n"


def export(out: Path, *extra: str, fmt: str = "csv") -> int:
    return main(["export", str(SEED), "--format", fmt, "-o", str(out), *extra])


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(files.STAGING_PREFIX)]


def test_an_export_replaces_the_previous_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "katalog.csv"
    out.write_bytes(PREVIOUS)
    out.chmod(0o640)
    assert export(out) == 0
    assert out.read_bytes().startswith("\ufeffforslag;forslagstitel".encode())
    assert out.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"), None])
def test_a_write_that_fails_midway_leaves_the_previous_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: OSError | None,
) -> None:
    out, charts = tmp_path / "katalog.csv", tmp_path / "grafer"
    out.write_bytes(PREVIOUS)

    def fail(_fd: int) -> None:
        # the bytes are written but not yet on the disk: a full disk, or the process killed
        raise error if error is not None else KeyboardInterrupt

    monkeypatch.setattr("gevinst.stores.files.os.fsync", fail)
    if error is None:
        with pytest.raises(KeyboardInterrupt):
            export(out, "--charts", str(charts))
    else:
        assert export(out, "--charts", str(charts)) == 2
        err = capsys.readouterr().err
        assert err == (
            f"gevinst: {out} kunne ikke skrives: der er ikke plads på disken; intet er ændret\n"
        )
    assert out.read_bytes() == PREVIOUS
    assert leftovers(tmp_path) == []
    assert list(charts.iterdir()) == []  # no chart replaced either


def test_a_killed_export_leaves_the_previous_file_or_the_new_one(tmp_path: Path) -> None:
    """Killed at several points of its run, the export leaves a whole file: the previous
    one or the complete new one, never a cut one."""
    out = tmp_path / "katalog.csv"
    assert export(out) == 0
    complete = out.read_bytes()
    command = [sys.executable, "-m", "gevinst.cli", "export", str(SEED), "--format", "csv"]
    for delay in (0.3, 0.8, 1.5, 3.0):
        out.write_bytes(PREVIOUS)
        run = subprocess.Popen([*command, "-o", str(out)])
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert out.read_bytes() in (PREVIOUS, complete)


def test_charts_pointing_at_a_file_are_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, charts = tmp_path / "katalog.pdf", tmp_path / "grafer.svg"
    charts.write_bytes(b"<svg/>")
    assert export(out, "--charts", str(charts), fmt="pdf") == 2
    assert capsys.readouterr().err == (
        f"gevinst: --charts {charts} er en fil; angiv en mappe; intet er skrevet\n"
    )
    assert not out.exists()
    assert charts.read_bytes() == b"<svg/>"


@pytest.mark.parametrize("own", ["catalog.yaml", "proposals/BC01.yaml"])
def test_an_export_onto_the_catalogs_own_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], own: str
) -> None:
    catalog = tmp_path / "katalog"
    shutil.copytree(SEED, catalog)
    before = (catalog / own).read_bytes()
    args = ["export", str(catalog), "--format", "csv", "-o", str(catalog / own)]
    assert main(args) == 2
    assert "er en af katalogets egne filer" in capsys.readouterr().err
    assert (catalog / own).read_bytes() == before
    # the same file reached through a link is the same file
    (tmp_path / "link.csv").symlink_to(catalog / own)
    assert main([*args[:-1], str(tmp_path / "link.csv")]) == 2
    assert (catalog / own).read_bytes() == before


def test_a_data_package_is_not_mixed_into_a_folder_that_holds_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pakke"
    folder.mkdir()
    (folder / "noter.txt").write_text("mine noter")
    assert export(folder, fmt="fdp") == 2
    assert "findes allerede og er ikke en tom mappe; intet er skrevet" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["noter.txt"]


def test_a_data_package_appears_whole_in_a_new_or_empty_folder(tmp_path: Path) -> None:
    for folder in (tmp_path / "ny", tmp_path / "tom"):
        if folder.name == "tom":
            folder.mkdir()
        assert export(folder, fmt="fdp") == 0
        assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*.*")) == [
            "data/linjer.csv",
            "data/udvalg.csv",
            "datapackage.json",
        ]
        umask = os.umask(0)
        os.umask(umask)
        assert folder.stat().st_mode & 0o777 == 0o777 & ~umask  # not the staging folder's 0700
    assert leftovers(tmp_path) == []


def test_a_failed_data_package_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("gevinst.stores.files.os.fsync", full)
    assert export(tmp_path / "pakke", fmt="fdp") == 2
    assert "pakke kunne ikke skrives: der er ikke plads på disken" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("mangler/katalog.csv", "mappen {tmp}/mangler findes ikke; intet er skrevet"),
        (".", "{tmp} er en mappe; angiv en fil; intet er skrevet"),
    ],
)
def test_a_target_that_cannot_be_a_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, message: str
) -> None:
    out = tmp_path / target
    assert export(out) == 2
    err = capsys.readouterr().err
    assert err.strip().endswith(message.format(tmp=tmp_path))
