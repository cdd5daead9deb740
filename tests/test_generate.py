# SPDX-License-Identifier: MPL-2.0
"""The benchmarks' synthetic portfolios: deterministic, valid, and the check finds exactly the
disagreements the generator planted (each named in a remark), nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.generate import PLANTED, write_portfolio

from gevinst.core.check import check_catalog
from gevinst.core.findings import Severity
from gevinst.format.reader import load_catalog
from tests.paths import ROOT


def _files(folder: Path) -> dict[str, bytes]:
    return {str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*.yaml"))}


def test_same_seed_same_portfolio(tmp_path: Path) -> None:
    write_portfolio(tmp_path / "a", 2, 5, seed=7)
    write_portfolio(tmp_path / "b", 2, 5, seed=7)
    write_portfolio(tmp_path / "c", 2, 5, seed=8)
    assert _files(tmp_path / "a") == _files(tmp_path / "b") != _files(tmp_path / "c")


def test_the_portfolio_does_not_depend_on_string_hashing(tmp_path: Path) -> None:
    """Sets iterate in an order that changes with each process's hash seed; a portfolio that
    followed it would differ between two runs of the same command."""
    for hash_seed in ("1", "2"):
        subprocess.run(
            [sys.executable, "-m", "bench.generate", str(tmp_path / hash_seed), "--proposals", "8"],
            check=True,
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
    assert _files(tmp_path / "1") == _files(tmp_path / "2")


def test_the_check_finds_what_was_planted_and_nothing_else(tmp_path: Path) -> None:
    (folder,) = write_portfolio(tmp_path, 1, 60, seed=3)
    catalog = load_catalog(folder)
    planted = {
        (p.id, int(r.removeprefix(PLANTED)))
        for p in catalog.proposals
        for r in p.remarks
        if r.startswith(PLANTED)
    }
    errors = {(f.proposal, f.year) for f in check_catalog(catalog) if f.severity is Severity.ERROR}
    assert planted  # one proposal in twenty: 60 proposals plant some
    assert errors == planted
    shapes = [(len(p.lines), len(p.years)) for p in catalog.proposals]
    assert min(n for n, _ in shapes) >= 5 and max(n for n, _ in shapes) <= 30
    assert {y for _, y in shapes} <= set(range(6, 11))
