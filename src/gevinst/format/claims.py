# SPDX-License-Identifier: MPL-2.0
"""A proposal's claims (docs/format.md, "Claims") between the document and the core: read
from the schema's models, checked against the proposal they quote (the phrase stands in its
field, the reference names what the proposal holds), and written back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from gevinst.core.claims.claim import (
    BasisRef,
    CellRef,
    Claim,
    ClaimUnit,
    KeyRef,
    LineRef,
    ParamRef,
    Qualifier,
    RatioRef,
    Ref,
    RowsRef,
    ShareRef,
)
from gevinst.core.model import Proposal
from gevinst.format import schema as s

Doc = dict[str, Any]


def ref_from_model(r: s.RefModel) -> Ref:
    """The reference a model names (its schema allows exactly one kind)."""
    kinds: list[tuple[bool, Callable[[], Ref]]] = [
        (r.line is not None, lambda: LineRef(_names(r.line), r.year)),
        (r.table is not None, lambda: CellRef(str(r.table), str(r.row), r.year)),
        (r.basis is not None, lambda: BasisRef(str(r.basis), str(r.row), str(r.column), r.unit)),
        (r.rows_of is not None, lambda: RowsRef(str(r.rows_of), r.nonzero, r.containing)),
        (
            r.effect is not None,
            lambda: ParamRef(str(r.effect), str(r.param), None if r.index is None else r.index - 1),
        ),
        (
            r.key is not None,
            lambda: KeyRef(str(r.key), r.share or r.weight or "", share=r.share is not None),
        ),
        (
            r.part is not None and r.of is not None,
            lambda: ShareRef(ref_from_model(r.part), ref_from_model(r.of)),  # type: ignore[arg-type]
        ),
    ]
    for given, make in kinds:
        if given:
            return make()
    return RatioRef(tuple(ref_from_model(x) for x in r.ratio or ()))


def _names(line: str | list[str] | None) -> tuple[str, ...]:
    return (line,) if isinstance(line, str) else tuple(line or ())


def claim_from_model(c: s.ClaimModel) -> Claim:
    steady = c.year == "varig" or c.from_ is not None
    if isinstance(c.year, int):
        years: tuple[int, ...] = (c.year,)
    elif c.from_ is not None:
        years = (c.from_,)
    else:
        years = tuple(c.years)
    return Claim(
        phrase=c.phrase,
        field=c.field,
        written=(c.value,) if c.value is not None else tuple(c.values),
        unit=ClaimUnit(c.unit),
        years=years,
        steady=steady,
        total=c.total,
        qualifier=Qualifier(c.qualifier),
        ref=None if c.ref is None else ref_from_model(c.ref),
        note=c.note,
    )


def claim_problems(p: Proposal) -> Iterator[tuple[int, str, str]]:
    """(index, field, message) for each claim whose form its unit does not allow. What a
    claim quotes and names is the check's (a text may be edited before its claims are)."""
    for i, c in enumerate(p.claims):
        if c.unit is ClaimUnit.FRACTION and (len(c.written) != 1 or isinstance(c.ref, RatioRef)):
            yield i, "unit", 'en brøk skrives som én værdi ("2/3"), ikke som et forhold'
        if c.unit is ClaimUnit.RATIO and not isinstance(c.ref, RatioRef | None):
            yield i, "ref", "et forhold (47/53) henviser med ratio til lige så mange tal"
        if isinstance(c.ref, RatioRef) and len(c.ref.parts) != len(c.written):
            yield i, "ref", "ratio skal have lige så mange henvisninger som values"


def _ref_fields(ref: Ref) -> Doc:
    if isinstance(ref, LineRef):
        return {"line": ref.lines[0] if len(ref.lines) == 1 else list(ref.lines)}
    if isinstance(ref, CellRef):
        return {"table": ref.table, "row": ref.row}
    if isinstance(ref, BasisRef):
        doc: Doc = {"basis": ref.table, "row": ref.row, "column": ref.column}
        return doc | ({"unit": ref.unit} if ref.unit else {})
    if isinstance(ref, RowsRef):
        doc = {"rows_of": ref.table}
        return doc | {
            k: v for k, v in (("nonzero", ref.nonzero), ("containing", ref.containing)) if v
        }
    if isinstance(ref, ParamRef):
        doc = {"effect": ref.line, "param": ref.param}
        return doc | ({} if ref.index is None else {"index": ref.index + 1})
    assert isinstance(ref, KeyRef)  # ref_document writes a share and a ratio
    return {"key": ref.key, ("share" if ref.share else "weight"): ref.unit}


def ref_document(ref: Ref) -> Doc:
    """A reference as the format writes it."""
    if isinstance(ref, ShareRef):
        return {"part": ref_document(ref.part), "of": ref_document(ref.whole)}
    if isinstance(ref, RatioRef):
        return {"ratio": [ref_document(r) for r in ref.parts]}
    year = ref.year if isinstance(ref, LineRef | CellRef) else None
    return _ref_fields(ref) | ({"year": year} if year is not None else {})


def claim_document(c: Claim) -> Doc:
    """A claim as the format writes it: only what differs from the defaults."""
    doc: Doc = {"phrase": c.phrase, "field": c.field}
    if len(c.written) == 1:
        doc["value"] = c.written[0]
    else:
        doc["values"] = list(c.written)
    doc["unit"] = c.unit.value
    if c.steady and c.years:
        doc["from"] = c.years[0]
    elif c.steady:
        doc["year"] = "varig"
    elif len(c.years) == 1:
        doc["year"] = c.years[0]
    elif c.years:
        doc["years"] = list(c.years)
    if c.total:
        doc["total"] = True
    if c.qualifier is not Qualifier.EXACT:
        doc["qualifier"] = c.qualifier.value
    if c.ref is not None:
        doc["ref"] = ref_document(c.ref)
    if c.note:
        doc["note"] = c.note
    return doc
