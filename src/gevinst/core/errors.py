# SPDX-License-Identifier: MPL-2.0
"""The errors a user should see, as one family.

Every entry point (the command line, the web views, the API) turns a :class:`GevinstError`
into its own message or status and shows its text as it is: the text is Danish and names
what was wrong (the file and line, the proposal, the field, the value). Any other exception
is a programming error: it is not caught as a finding or a message, so that it is seen and
fixed rather than reported as a fault in the user's data.

- :class:`FormatError`: files or documents that do not follow the data format; every
  problem at once, each with its place.
- :class:`InputError`: a request that cannot be carried out as given (a command-line value,
  a what-if, a form field); :class:`CalculationError` is one whose figures cannot be
  computed with the values given (a division by zero, a parameter missing).
- :class:`NotFoundError`: a proposal, line, assumption or unit that is not there.
- :class:`ConflictError`: a save edited from a version that is no longer the latest.
- :class:`AccessDeniedError`: something the acting user may not do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class GevinstError(Exception):
    """An error a user should see; its text is the whole message."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class InputError(GevinstError):
    """A request that cannot be carried out as given."""


class CalculationError(InputError):
    """Figures that cannot be computed with the values given."""


class TransitionRefusedError(InputError):
    """A transition of a proposal's lifecycle whose conditions are not met; ``missing`` says
    each condition that is not, in Danish."""

    def __init__(self, message: str, missing: Sequence[str]) -> None:
        self.missing = tuple(missing)
        super().__init__(message)


class NotFoundError(GevinstError, LookupError):
    """Something asked for by name that is not there."""


class MissingKeyError(NotFoundError, KeyError):
    """A name not found in one of the core's mappings, which must raise ``KeyError`` for
    ``in`` and ``.get`` to work (``Mapping.__contains__`` catches it)."""


class ConflictError(GevinstError):
    """A document saved from a version that another save has since replaced."""


class AccessDeniedError(GevinstError):
    """Something the acting user may not do (:mod:`gevinst.core.access`)."""


@dataclass(frozen=True)
class Problem:
    """One place where a file or document does not follow the format; ``language`` is the
    language its place is named in, that of ``message`` (the profile's, "da" or "en"):
    "OBC01.yaml, linje 12, forslag OBC01, felt title: feltet mangler", or "OBC01.yaml,
    line 12, proposal OBC01, field title: the field is missing"."""

    path: Path
    line: int | None
    proposal: str | None
    field: str
    message: str
    language: str = "da"

    def __str__(self) -> str:
        line, proposal, field = _PLACES.get(self.language, _PLACES["da"])
        where = [str(self.path)]
        if self.line:
            where.append(f"{line} {self.line}")
        if self.proposal:
            where.append(f"{proposal} {self.proposal}")
        if self.field:
            where.append(f"{field} {self.field}")
        return f"{', '.join(where)}: {self.message}"


# a problem's place, named in each language: its line, its proposal, its field
_PLACES = {"da": ("linje", "forslag", "felt"), "en": ("line", "proposal", "field")}


class FormatError(GevinstError):
    """One or more files of a catalog do not follow the format."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))
