# SPDX-License-Identifier: MPL-2.0
"""The what-if panel of a proposal's page: its fields and what was typed in them.

A field for each shared assumption the proposal's basis uses and each number it states
(the inputs of :func:`gevinst.core.whatif.inputs`), and one for each line with an effect to
shift its phase-in by whole years. A field left as the basis has it is no change. Values are
read as the command line reads them (:mod:`gevinst.services.whatif`); a value that cannot be
read, or that the what-if refuses, is said at its field, and what was typed is kept."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from gevinst.core import whatif as wi
from gevinst.core.errors import InputError
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile
from gevinst.services.whatif import Report, Request, parse_number, parse_numbers, parse_shift

Run = Callable[[Request], Report]


@dataclass
class Field:
    """A field of the panel: an input (``aarstimenorm``, ``e3.wage``) or a line's shift."""

    name: str
    label: str
    base: wi.Value | int  # as the basis has it; a shift's base is 0
    typed: str
    error: str = ""


@dataclass
class Panel:
    inputs: list[Field]
    shifts: list[Field]
    report: Report | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def fields(self) -> list[Field]:
        return [*self.inputs, *self.shifts]


def shown(value: wi.Value | int) -> str:
    """A value as the field shows it, so that it reads back as itself: a decimal comma, no
    thousands separator (a list by semicolons)."""
    if isinstance(value, tuple):
        return "; ".join(shown(v) for v in value)
    if isinstance(value, int):
        return f"{value:+d}" if value else "0"
    text = format(value.normalize(), "f").replace(".", ",")
    whole, _, decimals = text.lstrip("-").partition(",")
    # "1,035" would be refused as ambiguous (a thousand and thirty-five?); "1,0350" is not
    ambiguous = len(decimals) == 3 and whole != "0" and len(whole) <= 3
    return text + "0" if ambiguous else text


def _linelabel(line: str, text: str) -> str:
    return _("linje %(line)s: %(text)s") % {"line": line, "text": text}


def panel(p: Proposal, profile: Profile) -> Panel:
    """The panel as the page opens it: every field as the basis has it."""
    inputs = [Field(i.name, i.label, i.value, shown(i.value)) for i in wi.inputs(p, profile)]
    lines = dict.fromkeys(e.line for e in p.effects)
    shifts = [Field(line, _linelabel(line, p.line(line).text), 0, "0") for line in lines]
    return Panel(inputs, shifts)


def _read(f: Field) -> wi.Value | int:
    if isinstance(f.base, int):
        return parse_shift(f.typed or "0")
    if isinstance(f.base, tuple):
        return parse_numbers(f.typed)
    return parse_number(f.typed)


def _changes(fields: list[Field], values: Mapping[str, wi.Value | int]) -> wi.Changes:
    assumptions: dict[str, Decimal] = {}
    params: dict[tuple[str, str], wi.Value] = {}
    shifts: dict[str, int] = {}
    for f in fields:
        value = values[f.name]
        if isinstance(f.base, int):
            assert isinstance(value, int)
            shifts[f.name] = value
        elif "." in f.name:
            line, param = f.name.split(".", maxsplit=1)
            assert not isinstance(value, int)
            params[(line, param)] = value
        else:
            assert isinstance(value, Decimal)
            assumptions[f.name] = value
    return wi.Changes(assumptions, params, shifts)


def posted(p: Proposal, profile: Profile, post: Mapping[str, str], run: Run) -> Panel:
    """The panel as the browser sent it back, with the what-if of its changed fields (run
    by ``run``), or each problem at its field."""
    shown_panel = panel(p, profile)
    shifts = {f.name for f in shown_panel.shifts}
    changed: dict[str, wi.Value | int] = {}
    for f in shown_panel.fields:
        key = f"shift-{f.name}" if f.name in shifts else f"set-{f.name}"
        f.typed = (post.get(key) or "").strip()
        try:
            value = _read(f)
        except InputError as e:
            f.error = str(e)
            continue
        if value != f.base:
            changed[f.name] = value
    if any(f.error for f in shown_panel.fields):
        return shown_panel
    fields = [f for f in shown_panel.fields if f.name in changed]
    if not fields:
        shown_panel.problems.append(_("Ret en antagelse, en parameter eller en indfasning først."))
        return shown_panel
    try:
        shown_panel.report = run(Request(_changes(fields, changed)))
    except InputError as e:
        _place(fields, changed, run, e, shown_panel)
    return shown_panel


def _place(
    fields: list[Field],
    values: Mapping[str, wi.Value | int],
    run: Run,
    error: InputError,
    at: Panel,
) -> None:
    """A refused what-if's message at the field that alone is refused, where one is; the
    what-if is run again for each changed field on its own to find it."""
    for f in fields:
        try:
            run(Request(_changes([f], values)))
        except InputError as alone:
            f.error = str(alone)
            return
    at.problems.append(str(error))
