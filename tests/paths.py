# SPDX-License-Identifier: MPL-2.0
"""Where the tests find the shipped catalog and the seed document."""

from pathlib import Path

ROOT = Path(__file__).parents[1]
SEED = ROOT / "catalogs" / "kk-budget-2025"
# the text of the real catalog's PDF (pdftotext), Københavns Kommune's public "Bilag 8" to
# budget 2025: the reference for every printed text, heading and table number; kept in the
# repository so that the tests that read it run wherever the project is cloned
SEED_DOCUMENT = ROOT / "tests" / "data" / "kk-budget2025-bilag8-katalog.txt"
