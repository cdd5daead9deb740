# SPDX-License-Identifier: MPL-2.0
"""The cycle collector paused while a catalog is read, and as it was after the last read."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from gevinst.format.collector import collector_paused
from gevinst.format.reader import load_catalog

SEED = Path(__file__).parents[2] / "catalogs" / "kk-budget-2025"


@pytest.fixture(autouse=True)
def _collector_enabled_again() -> Iterator[None]:
    yield
    gc.enable()


def test_a_read_pauses_the_collector_and_runs_it_again_even_when_it_fails() -> None:
    with pytest.raises(ZeroDivisionError), collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer read is still under way
        _ = 1 / 0
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    assert load_catalog(SEED).proposal("BC01").id == "BC01"
    assert not gc.isenabled()


def test_overlapping_reads_in_two_threads_run_the_collector_again_after_the_last() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait()
        first_out.set()

    def second() -> None:
        first_in.wait()
        with collector_paused():
            second_in.set()
            first_out.wait()
            seen.append(gc.isenabled())  # the first read is done, this one is not

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert seen == [False] and gc.isenabled()
