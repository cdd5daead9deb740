# SPDX-License-Identifier: MPL-2.0
"""Where the tests find the shipped catalog."""

from pathlib import Path

ROOT = Path(__file__).parents[1]
SEED = ROOT / "catalogs" / "kk-budget-2025"
