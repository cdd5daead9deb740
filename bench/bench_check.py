# SPDX-License-Identifier: MPL-2.0
"""How long `gevinst check` takes on the shipped catalog, as ratios to baselines in the
same run: reading the same YAML files with plain PyYAML (the floor any loader pays), and
the whole check (load, validate, compute, compare).

Run: uv run python bench/bench_check.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from gevinst.core.check import check_catalog
from gevinst.io.yamlformat import load_catalog

SEED = Path(__file__).parents[1] / "catalogs" / "kk-budget-2025"
FILES = [SEED / "catalog.yaml", *sorted((SEED / "proposals").glob("*.yaml"))]


def plain_yaml() -> None:
    for f in FILES:
        yaml.safe_load(f.read_text(encoding="utf-8"))


def load() -> None:
    load_catalog(SEED)


def load_and_check() -> None:
    check_catalog(load_catalog(SEED))


def best(fn: Callable[[], None], rounds: int = 7) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    base = best(plain_yaml)
    print(f"baseline: plain PyYAML of {len(FILES)} files: {base * 1000:.1f} ms")
    for name, fn in (("load + validate", load), ("load + validate + check", load_and_check)):
        t = best(fn)
        print(f"{name}: {t * 1000:.1f} ms = {t / base:.2f} x baseline")


if __name__ == "__main__":
    main()
