# SPDX-License-Identifier: MPL-2.0
"""What the command line's tests share."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.paths import SEED


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the seed catalog's folder (``tmp_path/kat``) for a command to write in."""
    copy = tmp_path / "kat"
    shutil.copytree(SEED, copy)
    return copy
