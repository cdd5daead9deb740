# SPDX-License-Identifier: MPL-2.0
"""One name per concept: no two classes of the core share a name (an effect's phase-in and a
follow-up phase were both ``Phase``, a phase-in's shape and the municipality ``Profile``)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import defaultdict

import gevinst.core


def test_no_two_classes_of_the_core_share_a_name() -> None:
    homes: dict[str, set[str]] = defaultdict(set)
    for info in pkgutil.walk_packages(gevinst.core.__path__, "gevinst.core."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                homes[name].add(module.__name__)
    assert len(homes) > 50
    assert {n: m for n, m in homes.items() if len(m) > 1} == {}
