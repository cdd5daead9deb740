# SPDX-License-Identifier: MPL-2.0
"""The commands' conventions at the console: a date typed as an option's value, a JSON
document written to standard output, and how a catalog's profile prints (its words, money,
years and figures)."""

from __future__ import annotations

import datetime as dt
import json
import sys

from gevinst.core.errors import InputError
from gevinst.core.template import Printing, printing
from gevinst.stores.folder import FolderStore


def option_date(option: str, text: str) -> dt.date:
    """The date ``text`` (ÅÅÅÅ-MM-DD) that ``option`` was given, or an InputError naming
    the option and what was typed.

    >>> option_date("--due", "2099-03-20")
    datetime.date(2099, 3, 20)
    >>> option_date("--due", "20-03-2099")
    Traceback (most recent call last):
    ...
    gevinst.core.errors.InputError: --due '20-03-2099' er ikke en dato (ÅÅÅÅ-MM-DD)
    """
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} {text!r} er ikke en dato (ÅÅÅÅ-MM-DD)") from None


def write_json(data: object) -> None:
    """``data`` as JSON on standard output, indented, its Danish letters as they are, and a
    newline after it."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def catalog_printing(path: str) -> Printing:
    """How the profile of the catalog at ``path`` prints: the terminal's words in its
    language, its money label, its years ("2025/26") and figures with its decimals."""
    return printing(FolderStore().catalog(path).profile)
