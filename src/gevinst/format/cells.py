# SPDX-License-Identifier: MPL-2.0
"""Text in a cell that a spreadsheet program will open (CSV, FDP and Excel)."""

from __future__ import annotations

import re

# A cell that starts with one of these is read as a formula by spreadsheet programs.
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, made inert with a leading apostrophe
    (OWASP's advice against CSV and formula injection)."""
    return "'" + text if _FORMULA_START.match(text) else text


def looks_like_formula(text: str) -> bool:
    return bool(_FORMULA_START.match(text))
