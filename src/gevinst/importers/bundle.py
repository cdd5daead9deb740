# SPDX-License-Identifier: MPL-2.0
"""``gevinst import FILE``: a whole catalog from one file.

- ``.xlsx``: gevinst's Excel layout holds the inputs of a catalog, not the catalog itself;
  it is applied onto a catalog (``--onto``, :mod:`gevinst.importers.xlsx`), never read here.
- ``.yaml``, ``.yml``, ``.json``: a *bundle*, one document holding a whole catalog::

      {"catalog": <the document of catalog.yaml>,
       "proposals": [<the document of each proposals/ID.yaml>, ...]}

  as :func:`catalog_bundle` writes it. A bundle passes the same schema and reference
  checks as a catalog folder (docs/format.md), and each problem names the bundle, the
  proposal, the field and, where it can be found, the line. A JSON number with a decimal
  point is refused as an amount just as a YAML one is: ``1.144`` may be a Danish thousand
  separator, and reading it as one point one four four would divide the figure by 1.000.

All or nothing: every problem of the file is collected into one :class:`FormatError`, and a
catalog is returned only if there are none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from gevinst.core.errors import FormatError, Problem
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile
from gevinst.format import schema as s
from gevinst.format.collector import collector_paused
from gevinst.format.jsonsource import JsonError, parse_json
from gevinst.format.reader import (
    DataDocument,
    catalog_from_model,
    check_targets,
    load_profile,
    parse_catalog,
    parse_document,
    proposal_from_document,
    read_document,
)
from gevinst.format.writer import Doc, catalog_document, proposal_document
from gevinst.format.yamlsource import YamlDocument, YamlError, read_text

PROFILE_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
BUNDLE_SUFFIXES = (".yaml", ".yml", ".json")

Loc = tuple[int | str, ...]


def catalog_bundle(cat: Catalog) -> Doc:
    """The whole catalog as one document, the form that :func:`import_file` reads."""
    return {
        "catalog": catalog_document(cat),
        "proposals": [proposal_document(p) for p in cat.proposals],
    }


class _BundleModel(s.Model):
    catalog: dict[str, Any]
    proposals: list[dict[str, Any]]


class _JsonDocument(DataDocument):
    """A JSON file whose lines are found only when a problem needs one: composing the text
    as YAML (the json module keeps no positions) cost more than reading it."""

    def __init__(self, path: Path, data: Any, text: str) -> None:
        super().__init__(path, data)
        self._text: str | None = text

    def line_of(self, loc: Sequence[int | str]) -> int | None:
        if self._text is not None:
            self.node, self._text = _nodes(self._text), None
        return super().line_of(loc)


class _Part(DataDocument):
    """A document inside a bundle (its catalog or one proposal), with the bundle's lines."""

    def __init__(self, bundle: YamlDocument, where: Loc, data: Any) -> None:
        super().__init__(bundle.path, data)
        self.bundle, self.where = bundle, where

    def line_of(self, loc: Sequence[int | str]) -> int | None:
        return self.bundle.line_of([*self.where, *loc])


def _located(problems: Iterable[Problem], where: str) -> list[Problem]:
    """Problems found in a part, with their fields named from the bundle's top."""
    return [replace(p, field=f"{where}.{p.field}" if p.field else where) for p in problems]


def _problem(doc: YamlDocument, loc: Loc, proposal: str | None, message: str) -> Problem:
    field = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in loc)
    return Problem(doc.path, doc.line_of(loc), proposal, field.lstrip("."), message)


# --- reading a bundle ----------------------------------------------------------------------


def _unreadable(path: Path, message: str, line: int | None = None) -> FormatError:
    return FormatError([Problem(path, line, None, "", message)])


def _json_document(path: Path) -> YamlDocument:
    try:
        text = read_text(path)
    except YamlError as e:
        raise _unreadable(path, e.message, e.line) from None
    try:
        data = parse_json(text)
    except JsonError as e:
        raise _unreadable(path, e.message, e.line) from None
    return _JsonDocument(path, data, text)


def _nodes(text: str) -> yaml.Node | None:
    """The YAML nodes of a JSON text, for the line of each value: JSON is (all but) a subset
    of YAML, and the json module keeps no positions. None where YAML cannot read it."""
    try:
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None


# --- a catalog from its documents ------------------------------------------------------------


def _catalog_part(bundle: YamlDocument) -> tuple[s.CatalogModel, Profile]:
    part = _Part(bundle, ("catalog",), bundle.data["catalog"])
    try:
        cm = parse_catalog(part)
    except FormatError as e:
        raise FormatError(_located(e.problems, "catalog")) from None
    if not PROFILE_NAME.match(cm.profile):
        # an imported file may not make gevinst read another file on this machine
        message = f"profilen skal angives ved navn (fx kk), ikke som en sti: {cm.profile!r}"
        raise FormatError([_problem(bundle, ("catalog", "profile"), None, message)])
    profile = load_profile(cm.profile)
    try:
        check_targets(part, cm, profile)
    except FormatError as e:
        raise FormatError(_located(e.problems, "catalog")) from None
    return cm, profile


def _proposal_part(bundle: YamlDocument, index: int, profile: Profile) -> Proposal:
    where: Loc = ("proposals", index)
    part = _Part(bundle, where, bundle.data["proposals"][index])
    try:
        return proposal_from_document(part, profile)
    except FormatError as e:
        raise FormatError(_located(e.problems, f"proposals[{index}]")) from None


def _matched(bundle: YamlDocument, listed: Sequence[str]) -> tuple[dict[str, int], list[Problem]]:
    """Each listed proposal's index in the bundle, and every proposal that is not listed
    or given twice."""
    found: dict[str, int] = {}
    problems: list[Problem] = []
    for j, data in enumerate(bundle.data["proposals"]):
        pid = data.get("id")
        loc: Loc = ("proposals", j, "id")
        if not isinstance(pid, str):
            problems.append(_problem(bundle, loc, None, "forslaget har intet id"))
        elif pid in found:
            problems.append(_problem(bundle, loc, pid, f"forslaget {pid!r} findes to gange"))
        elif pid not in listed:
            message = f"forslaget {pid!r} står ikke i catalog.proposals"
            problems.append(_problem(bundle, loc, pid, message))
        else:
            found[pid] = j
    return found, problems


Known = Callable[[int, Profile], Proposal | None]
"""The proposal that the document at an index of the bundle's proposals is, where it was read
before under that profile (None: read it)."""


def _from_bundle(bundle: YamlDocument, known: Known | None = None) -> Catalog:
    parse_document(bundle, _BundleModel, None)
    cm, profile = _catalog_part(bundle)
    found, problems = _matched(bundle, cm.proposals)
    proposals: list[Proposal] = []
    for i, pid in enumerate(cm.proposals):
        if pid not in found:
            message = f"forslaget {pid!r} står i kataloget, men findes ikke under proposals"
            problems.append(_problem(bundle, ("catalog", "proposals", i), pid, message))
            continue
        try:
            p = known(found[pid], profile) if known is not None else None
            proposals.append(p or _proposal_part(bundle, found[pid], profile))
        except FormatError as e:
            problems.extend(e.problems)
    if problems:
        raise FormatError(problems)
    return catalog_from_model(cm, profile, proposals)


@collector_paused()
def catalog_from_documents(
    catalog_doc: Mapping[str, Any],
    proposal_docs: Sequence[Mapping[str, Any]],
    source: Path,
    known: Known | None = None,
) -> Catalog:
    """A catalog from the documents of ``catalog.yaml`` and of its proposals, held in memory
    (as another importer builds them), checked as a catalog folder is; problems name
    ``source`` and the field, without lines. A proposal document that ``known`` gives the
    proposal of is not read again: a store that keeps every version's proposal reads only
    the versions it has not read (a proposal is a function of its document and the profile)."""
    data = {"catalog": dict(catalog_doc), "proposals": [dict(d) for d in proposal_docs]}
    return _from_bundle(DataDocument(source, data), known)


# --- the entry point ---------------------------------------------------------------------


@collector_paused()
def import_file(path: Path) -> Catalog:
    """The catalog in ``path``, a bundle."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        raise _unreadable(
            path,
            "en Excel-projektmappe indlæses oven på det katalog den er eksporteret fra: "
            "gevinst import FIL.xlsx --onto KATALOG -o NY_MAPPE (eller --dry-run)",
        )
    if suffix == ".json":
        return _from_bundle(_json_document(path))
    if suffix in BUNDLE_SUFFIXES:
        return _from_bundle(read_document(path))
    shown = f"filtypen {suffix!r}" if suffix else "en fil uden filtype"
    raise _unreadable(
        path,
        f"gevinst kan ikke importere {shown}; brug .xlsx (gevinsts Excel-layout, med --onto) "
        "eller .yaml, .yml eller .json (et helt katalog i ét dokument)",
    )


def proposal_file(path: Path, profile: Profile, proposal_id: str) -> Proposal:
    """The proposal ``proposal_id`` from ``path``, a YAML or JSON file holding its document
    (as ``proposals/ID.yaml`` does) or a bundle that holds it; checked as a catalog folder's
    proposal is, each problem with the file, the field and the line."""
    suffix = path.suffix.lower()
    if suffix not in BUNDLE_SUFFIXES:
        raise _unreadable(path, "et forslag indlæses fra en .yaml-, .yml- eller .json-fil")
    # a YAML file's own problems (a key written twice) in the profile's language, as its
    # document's are (proposal_from_document)
    doc = _json_document(path) if suffix == ".json" else read_document(path, None, profile.language)
    if not isinstance(doc.data, dict):
        message = "filen skal holde ét forslags dokument (id, title, lines, ...) eller et bundt"
        raise _unreadable(path, message, doc.line_of(()))
    if "catalog" in doc.data and "proposals" in doc.data:
        found = [p for p in _from_bundle(doc).proposals if p.id == proposal_id]
        if not found:
            raise _unreadable(path, f"bundtet holder ikke forslag {proposal_id}")
        return found[0]
    p = proposal_from_document(doc, profile)
    if p.id != proposal_id:
        message = f"dokumentet er forslag {p.id}, ikke {proposal_id}"
        raise FormatError([Problem(path, doc.line_of(["id"]), p.id, "id", message)])
    return p
