# SPDX-License-Identifier: MPL-2.0
"""Core domain objects back to the documents of the data format (docs/format.md).

The inverse of :mod:`gevinst.format.reader`: ``load(write(x)) == x`` for every catalog, so
an export followed by an import gives identical data. The document is plain Python data
(dicts, lists, str, int, date), ready for YAML or JSON.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from gevinst.core import effects as fx
from gevinst.core import model as m
from gevinst.core.evidence import Record
from gevinst.core.lifecycle import Event
from gevinst.core.numbers import MAX_DECIMALS, MAX_DENOMINATOR
from gevinst.core.series import Series
from gevinst.format.appraisal import appraisal_document
from gevinst.format.claims import claim_document
from gevinst.format.schema import SCHEMA_VERSION
from gevinst.format.yamlsource import quote_comma_numbers

Doc = dict[str, Any]


def number(value: Decimal) -> int | str:
    """An amount as the format writes it: a whole number, or a fraction as a string with a
    decimal comma ("0,5": "1.144" could be a thousand separator, and is refused), or as an
    exact fraction ("2/3") where its decimals do not end within the format's limit."""
    if value == value.to_integral_value():
        return int(value)
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        exact = Fraction(value).limit_denominator(MAX_DENOMINATOR)
        if Decimal(exact.numerator) / Decimal(exact.denominator) == value:
            return f"{exact.numerator}/{exact.denominator}"
    return format(value, "f").replace(".", ",")


def series(s: Series | None) -> dict[int, int | str] | None:
    return None if s is None else {y: number(a) for y, a in s.items()}


def _cell(value: Decimal | str | None) -> int | str | None:
    return number(value) if isinstance(value, Decimal) else value


def _booking(b: m.Booking | None) -> Doc | None:
    if isinstance(b, m.ToUnit):
        return {"unit": b.unit}
    if isinstance(b, m.ByKey):
        return {"key": b.key}
    if isinstance(b, m.Parts):
        return {"parts": {u: series(s) for u, s in b.parts.items()}}
    return None


def _line(line: m.Line) -> Doc:
    doc: Doc = {
        "id": line.id,
        "section": str(line.section),
        "kind": str(line.kind),
        "text": line.text,
        "area": None if line.area_assumed else line.area,
        "amounts": series(line.amounts),
    }
    if line.booking is not None:
        doc["booking"] = _booking(line.booking)
    if line.placed is not None:
        doc["placed"] = line.placed
    return doc


def _stated_table(t: m.StatedTable) -> Doc:
    doc: Doc = {
        "title": t.title,
        "includes_implementation": t.includes_implementation,
        "appropriations": dict(t.appropriations),
        "rows": {u: series(s) for u, s in t.rows.items()},
    }
    if t.key_column:
        doc["key_column"] = t.key_column
    if t.price_basis:
        doc["price_basis"] = t.price_basis
    if t.total is not None:
        doc["total"] = series(t.total)
    if t.text:
        doc["text"] = t.text
    return doc


def _stated(st: m.Stated) -> Doc:
    doc: Doc = {"1": {k: series(v) for k, v in st.table1.items()}, "payback": dict(st.payback)}
    if st.distribution is not None:
        doc["2.1"] = _stated_table(st.distribution)
    if st.admin_total is not None:
        doc["admin_total"] = series(st.admin_total)
    for name, table in st.technical.items():
        doc[name] = _stated_table(table)
    if st.table1_totals:
        doc["table1_totals"] = {k: number(v) for k, v in st.table1_totals.items()}
    return doc


def _basis(b: m.BasisTable) -> Doc:
    return {
        "id": b.id,
        "title": b.title,
        "text": b.text,
        "columns": list(b.columns),
        "rows": [
            {"label": r.label, "values": {k: _cell(v) for k, v in r.values.items()}} for r in b.rows
        ],
        "total_column": b.total_column,
        "total_rows": [{"row": t.row, "of": list(t.of)} for t in b.total_rows],
        "printed": b.printed,
        "label_column": b.label_column,
        "unit": b.unit,
        "in_distribution": b.in_distribution,
        "remarks": list(b.remarks),
    }


def _targets(t: m.Targets | None) -> Doc | None:
    if t is None:
        return None

    def values(r: m.TargetRow) -> dict[int, int | str | None]:
        # a blank year is written as null, so the column stays
        return {y: number(r.values[y]) if y in r.values else None for y in t.years}

    def row(r: m.TargetRow) -> Doc:
        doc: Doc = {"label": r.label, "area": r.area, "role": str(r.role), "values": values(r)}
        if r.price_basis:
            doc["price_basis"] = r.price_basis
        return doc

    rows = [row(r) for r in t.rows]
    return {"title": t.title, "price_basis": t.price_basis, "rows": rows}


def _param(p: fx.Param) -> Doc:
    doc: Doc = {"source": p.source, "assumed": p.assumed}
    if p.assumption is not None:
        doc["assumption"] = p.assumption
    elif isinstance(p.value, tuple):
        doc["value"] = [number(v) for v in p.value]
    elif p.value is not None:
        doc["value"] = number(p.value)
    return doc


def _effect(e: fx.Effect) -> Doc:
    phase = {
        "profile": str(e.phase.profile),
        "start": e.phase.start,
        "years": e.phase.years,
        "factors": {y: number(f) for y, f in e.phase.factors.items()},
    }
    return {
        "line": e.line,
        "also": list(e.also),
        "model": e.model,
        "sign": str(e.sign),
        "text": e.text,
        "params": {n: _param(p) for n, p in e.params.items()},
        "phase": phase,
    }


def proposal_document(p: m.Proposal) -> Doc:
    """One proposal as the document a person writes (``proposals/ID.yaml``)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": p.id,
        "title": p.title,
        "type": str(p.type),
        "heading": p.heading,
        "confidential": p.confidential,
        "catalog_entry_only": p.catalog_entry_only,
        "price_level": p.price_level,
        "scale": p.scale,
        "years": list(p.years),
        "presenting": list(p.presenting),
        "affected": list(p.affected),
        "origin": {
            "innovation": p.innovation,
            "innovation_title": p.innovation_title,
            "simplification": p.simplification,
        },
        "scope": {
            "digitalisation": p.scope.digitalisation,
            "new_it_system": p.scope.new_it_system,
            "m2_change": p.scope.m2_change,
            "employer_area": p.scope.employer_area,
        },
        "summary": p.summary,
        "description": p.description,
        "economy_text": p.economy_text,
        "notes": list(p.notes),
        "table1_split": {k: dict(v) for k, v in p.table1_split.items()},
        "lines": [_line(line) for line in p.lines],
        "keys": {
            k.name: {
                "text": k.text,
                "kind": k.kind,
                "weights": {u: number(w) for u, w in k.weights.items()},
            }
            for k in p.keys.values()
        },
        "budget_moves": [
            {"from": mv.from_unit, "to": mv.to_unit, "amounts": series(mv.amounts), "text": mv.text}
            for mv in p.budget_moves
        ],
        "distribution_text": p.distribution_text,
        "basis": [_basis(b) for b in p.basis],
        "followup": [
            {
                "phase": str(f.phase),
                "goal": f.goal,
                "measure": f.measure,
                "responsible": f.responsible,
                "when": f.when,
            }
            for f in p.followup
        ],
        "followup_text": p.followup_text,
        "risk": {"level": str(p.risk_level) if p.risk_level else None, "text": p.risk_text},
        "admin": {
            "text": p.admin_text,
            "rows": [{"text": r.text, "amounts": series(r.amounts)} for r in p.admin_rows],
        },
        "consultations": [
            {
                "body": c.body,
                "kind": c.kind,
                "heard": c.heard,
                "dates": list(c.dates),
                "text": c.text,
                "header": c.header,
            }
            for c in p.consultations
        ],
        "partners_text": p.partners_text,
        "technical_text": p.technical_text,
        "appendices_text": p.appendices_text,
        "appendix_heading": p.appendix_heading,
        "texts_after": dict(p.texts_after),
        "printed_headings": dict(p.printed_headings),
        "targets": _targets(p.targets),
        "effects": [_effect(e) for e in p.effects],
        # only where there are claims: a document without any keeps the version it had
        **({"claims": [claim_document(c) for c in p.claims]} if p.claims else {}),
        "stated": _stated(p.stated),
        "remarks": list(p.remarks),
        # only where there is one: a document without it keeps the version it had
        **({"appraisal": appraisal_document(p.appraisal, number)} if p.appraisal else {}),
    }


def document_version(doc: Mapping[str, Any]) -> str:
    """A document's version: the SHA-256 of its canonical JSON (keys sorted, no spaces), so
    the same content always has the same version, whoever saves it and wherever it is kept."""
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def version(p: m.Proposal) -> str:
    """The version of a proposal: the version of its document."""
    return document_version(proposal_document(p))


def _catalog_table(t: m.CatalogTable) -> Doc:
    doc: Doc = {
        "id": t.id,
        "title": t.title,
        "unit": t.unit,
        "text": t.text,
        "years": list(t.years),
        "groups": [
            {
                "committee": g.committee,
                "rows": [
                    {
                        "no": r.no,
                        "proposal": r.proposal,
                        "label": r.label,
                        "effect": series(r.effect),
                        "investment": None if r.investment is None else number(r.investment),
                        "approved_with": r.approved_with,
                        "note_refs": list(r.note_refs),
                        "marker": r.marker,
                        **_stated_without_year(r),
                    }
                    for r in g.rows
                ],
            }
            for g in t.groups
        ],
        "notes": list(t.notes),
        "remarks": list(t.remarks),
    }
    totals = (t.total_effect, t.total_investment, t.total_full_effect)
    if any(total is not None for total in totals):
        doc["total"] = {
            "effect": series(t.total_effect) or {},
            "investment": None if t.total_investment is None else number(t.total_investment),
            **({} if t.total_full_effect is None else {"full_effect": number(t.total_full_effect)}),
        }
    return doc


def _stated_without_year(r: m.CatalogRow) -> Doc:
    """A row's payback and effect at full phase-in, and its effect and investment split by
    area, where the catalog has such columns (a catalog without them is written as before)."""
    doc: Doc = {}
    if r.full_effect is not None:
        doc["full_effect"] = number(r.full_effect)
    if r.payback:
        doc["payback"] = r.payback
    if r.effect_by_area:
        doc["effect_by_area"] = {a: series(v) for a, v in r.effect_by_area.items()}
    if r.investment_by_area:
        doc["investment_by_area"] = {a: number(v) for a, v in r.investment_by_area.items()}
    return doc


def catalog_document(cat: m.Catalog) -> Doc:
    """``catalog.yaml`` of a catalog."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": cat.id,
        "title": cat.title,
        "municipality": cat.municipality,
        "profile": cat.profile.id,
        "round": cat.round,
        "price_level": cat.price_level,
        "scale": cat.scale,
        "proposals": [p.id for p in cat.proposals],
        "intro": cat.intro,
        "tables": [_catalog_table(t) for t in cat.tables],
        "statements": [
            {
                "text": s.text,
                "table": s.table,
                "year": "varig" if s.year is None else s.year,
                "mio_kr": number(s.mio_kr),
            }
            for s in cat.statements
        ],
        "remarks": list(cat.remarks),
        # only where the catalog states its round's pool: a catalog without one is written
        # as it was read
        **({"pool": _pool(cat.pool)} if cat.pool else {}),
        **({"targets": [_target(t) for t in cat.targets]} if cat.targets else {}),
    }


def _target(t: m.Target) -> Doc:
    """A target as catalog.yaml writes it: the form it was given in (a total, shared or
    not, or a figure per committee)."""
    doc: Doc = {
        "id": t.id,
        "label": t.label,
        "source": t.source,
        "price_level": t.price_level,
        "area": t.area,
    }
    if t.proposals is not None:
        doc["proposals"] = list(t.proposals)
    if t.total is not None:
        doc["total"] = series(t.total)
    else:
        doc["committees"] = {name: series(amounts) for name, amounts in t.committees.items()}
    if t.shares is not None:
        doc["shares"] = {
            "source": t.shares.source,
            "weights": {name: number(w) for name, w in t.shares.weights.items()},
        }
    doc["remarks"] = list(t.remarks)
    return doc


def _pool(pool: m.Pool) -> Doc:
    return {"source": pool.source, "amounts": series(pool.amounts)}


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # a text with line breaks keeps them as written (paragraphs, lists: docs/format.md)
    style = "|" if "\n" in value else ">" if len(value) > 90 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
quote_comma_numbers(_Dumper)


def to_yaml(doc: Mapping[str, Any]) -> str:
    return yaml.dump(dict(doc), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def write_catalog(cat: m.Catalog, folder: Path) -> None:
    """Write a catalog folder: ``catalog.yaml`` and ``proposals/ID.yaml``."""
    (folder / "proposals").mkdir(parents=True, exist_ok=True)
    (folder / "catalog.yaml").write_text(to_yaml(catalog_document(cat)), encoding="utf-8")
    for p in cat.proposals:
        path = folder / "proposals" / f"{p.id}.yaml"
        if path.resolve().parent != (folder / "proposals").resolve():
            raise ValueError(f"forslagets id {p.id!r} kan ikke være et filnavn")
        path.write_text(to_yaml(proposal_document(p)), encoding="utf-8")


def record_document(r: Record) -> dict[str, Any]:
    """A follow-up record as followup.yaml and ``gevinst followup``'s JSON write it."""
    return {
        "goal": r.goal,
        "due_from": r.due_from.isoformat(),
        "due_to": r.due_to.isoformat(),
        "status": r.status,
        "note": r.note,
        "attachments": list(r.attachments),
        "who": r.who,
        "when": r.when.isoformat(),
    }


def event_document(e: Event) -> dict[str, str]:
    """A step of a proposal's lifecycle as workflow.yaml and the command's JSON write it."""
    return {
        "transition": e.transition,
        "from": e.from_state,
        "to": e.to_state,
        "who": e.who,
        "when": e.when.isoformat(),
        "comment": e.comment,
    }
