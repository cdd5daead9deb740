# SPDX-License-Identifier: MPL-2.0
"""Where the tests find the shipped catalog and the seed document."""

from pathlib import Path

ROOT = Path(__file__).parents[1]
SEED = ROOT / "catalogs" / "kk-budget-2025"
# the text of the real catalog's PDF (pdftotext), beside the project: the reference for texts
SEED_DOCUMENT = ROOT.parent / "shared" / "reference" / "kk-budget2025-bilag8-katalog.txt"
