# SPDX-License-Identifier: MPL-2.0
"""Load a catalog folder (docs/format.md) into core domain objects.

Every problem is collected, not just the first, and each names the file, the proposal,
the field and the line, so a person can mend a file in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from gevinst.core import effects as fx
from gevinst.core import model as m
from gevinst.core.assumptions import Assumption, Assumptions, Period
from gevinst.core.errors import FormatError, Problem
from gevinst.core.findings import Severity
from gevinst.core.lifecycle import Condition, State, Transition, Workflow
from gevinst.core.money import Money, Periods
from gevinst.core.numbers import dk
from gevinst.core.prices import IndexEdition, PriceIndex
from gevinst.core.profile import (
    Administration,
    Appropriation,
    Approval,
    AreaRole,
    Committee,
    Profile,
    RequiredConsultation,
    TemplateRules,
)
from gevinst.core.series import Series
from gevinst.format import schema as s
from gevinst.format.apart import read_documents
from gevinst.format.appraisal import appraisal_case, appraisal_settings
from gevinst.format.claims import claim_from_model, claim_problems
from gevinst.format.collector import collector_paused
from gevinst.format.language import DANISH, Messages, reading_in, worded
from gevinst.format.yamlsource import YamlDocument, YamlError, read_bytes, read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)


def _field(loc: Iterable[int | str]) -> str:
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def parse_document(
    doc: YamlDocument, model: type[ModelT], proposal: str | None, language: str = DANISH
) -> ModelT:
    """The document's form, checked; every problem worded in ``language`` (the profile's),
    the schema's validators' messages too (:mod:`gevinst.format.language`)."""
    try:
        with reading_in(language):
            return model.model_validate(doc.data)
    except ValidationError as e:
        problems = []
        for err in e.errors():
            loc = [step for step in err["loc"] if not _is_validator_tag(step)]
            message = _worded(err, language)
            problems.append(
                Problem(doc.path, doc.line_of(loc), proposal, _field(loc), message, language)
            )
        raise FormatError(problems) from None


# pydantic's kinds of error, in each language; a kind not named keeps pydantic's English
# message. A value of a wrong kind is named after the text: "skal være en tekst, ikke 12"
_WRONG_TYPE: Messages = {
    "da": {
        "string_type": "skal være en tekst",
        "int_type": "skal være et helt tal",
        "int_parsing": "skal være et helt tal",
        "int_from_float": "skal være et helt tal",
        "bool_type": "skal være true eller false",
        "bool_parsing": "skal være true eller false",
        "list_type": "skal være en liste",
        "dict_type": "skal være en mapping (nøgle: værdi)",
        "model_type": "skal være en mapping (nøgle: værdi)",
        "model_attributes_type": "skal være en mapping (nøgle: værdi)",
        "not": "ikke",
    },
    "en": {
        "string_type": "must be a text",
        "int_type": "must be a whole number",
        "int_parsing": "must be a whole number",
        "int_from_float": "must be a whole number",
        "bool_type": "must be true or false",
        "bool_parsing": "must be true or false",
        "list_type": "must be a list",
        "dict_type": "must be a mapping (key: value)",
        "model_type": "must be a mapping (key: value)",
        "model_attributes_type": "must be a mapping (key: value)",
        "not": "not",
    },
}


_OTHER: Messages = {
    "da": {
        "missing": "feltet mangler",
        "extra_forbidden": "ukendt felt (se docs/format.md for formatets felter)",
        "literal_error": "skal være {expected}",
        "greater_than_equal": "skal være mindst {ge}",
        "less_than_equal": "må højst være {le}",
        "too_short": "skal have mindst {min_length} element",
        "string_pattern_mismatch": "må kun holde bogstaver, tal, - og _ og skal begynde med et "
        "bogstav eller et tal",
    },
    "en": {
        "missing": "the field is missing",
        "extra_forbidden": "unknown field (see docs/format.md for the format's fields)",
        "literal_error": "must be {expected}",
        "greater_than_equal": "must be at least {ge}",
        "less_than_equal": "must be at most {le}",
        "too_short": "must have at least {min_length} item",
        "string_pattern_mismatch": "may hold only letters, digits, - and _ and must begin with "
        "a letter or a digit",
    },
}

# the word pydantic joins a context's alternatives with ("'a', 'b' or 'c'"), in each language
_OR = {"da": " eller ", "en": " or "}


def _worded(err: ErrorDetails, language: str) -> str:
    """A schema error's message in ``language``, with the value given where it is of a
    wrong kind."""
    kind = err["type"]
    if kind == "value_error":  # the schema's own validators, already in the language
        return str(err["msg"]).removeprefix("Value error, ")
    wrong = _WRONG_TYPE.get(language) or _WRONG_TYPE[DANISH]
    if kind in wrong:
        given = repr(err["input"])
        return f"{wrong[kind]}, {wrong['not']} {given if len(given) <= 40 else given[:37] + '...'}"
    other = _OTHER.get(language) or _OTHER[DANISH]
    if kind in other:
        or_ = _OR.get(language, _OR[DANISH])
        ctx = {k: str(v).replace(" or ", or_) for k, v in err.get("ctx", {}).items()}
        try:
            return other[kind].format(**ctx)
        except KeyError:  # a context pydantic did not give
            pass
    return str(err["msg"])


def _is_validator_tag(step: int | str) -> bool:
    # pydantic adds the name of a union member or a validator to the location
    return isinstance(step, str) and ("[" in step or step.startswith("function-"))


class DataDocument(YamlDocument):
    """A document already read (from JSON, a form, a store): its data, and its YAML nodes
    where they are known; without nodes a problem names the field but no line."""

    def __init__(self, path: Path, data: Any, node: yaml.Node | None = None) -> None:
        # YamlDocument.__init__ reads a file; this document's reading is done by its caller
        self.path, self.data, self.node = path, data, node


def read_document(path: Path, proposal: str | None = None, language: str = DANISH) -> YamlDocument:
    """A file of the format, read; where it is not readable YAML, why, in ``language`` (a
    proposal file's: its profile's) for a key written twice or a syntax error."""
    return _readable(read_yaml(path, language), proposal, language)


def _readable(read: YamlDocument | YamlError, proposal: str | None, language: str) -> YamlDocument:
    """A file as :func:`.yamlsource.read_yaml` read it; where it cannot be read, why, as
    ``proposal``'s problem."""
    if isinstance(read, YamlError):
        raise FormatError([Problem(read.path, read.line, proposal, "", read.message, language)])
    return read


# --- the profile -------------------------------------------------------------------------


def _workflow(wm: s.WorkflowModel) -> Workflow:
    return Workflow(
        initial=wm.initial,
        states=tuple(State(st.id, st.label) for st in wm.states),
        transitions=tuple(
            Transition(
                id=t.id,
                from_states=tuple(t.from_),
                to=t.to,
                label=t.label,
                by=t.by,
                requires=tuple(t.requires),
            )
            for t in wm.transitions
        ),
        conditions=tuple(
            Condition(
                id=name,
                label=c.label,
                rules=tuple(c.rules),
                severity=Severity(c.severity) if c.severity else None,
                investment_at_least=c.investment_at_least,
                kind=c.kind,
            )
            for name, c in wm.conditions.items()
        ),
        counted=tuple(wm.counted),
        change_requests_from=wm.change_requests_from,
    )


def _price_index(im: s.PriceIndexModel) -> PriceIndex:
    editions = sorted(
        (IndexEdition(e.start, dict(e.values), e.reference) for e in im.editions),
        key=lambda e: e.start,
    )
    return PriceIndex(im.label, im.source, tuple(editions), im.unit)


def _template(tm: s.TemplateRulesModel) -> TemplateRules:
    approval = tm.approval
    return TemplateRules(
        technical_tables={str(t): why for t, why in tm.technical_tables.items()},
        table1_total=tm.table1_total,
        approval=Approval(approval.kind, approval.missing, approval.before) if approval else None,
        consultations=tuple(RequiredConsultation(c.when, c.kind, c.text) for c in tm.consultations),
        wording=dict(tm.wording),
        catalog_columns=tuple(tm.catalog_columns),
    )


def load_profile(name_or_path: str, base: Path | None = None) -> Profile:
    """A profile shipped with gevinst by name (``kk``), or a file relative to ``base``."""
    candidate = (base / name_or_path) if base else Path(name_or_path)
    if candidate.suffix in {".yaml", ".yml"}:
        path = candidate
    else:
        path = Path(str(resources.files("gevinst.profiles").joinpath(f"{name_or_path}.yaml")))
    data = _bytes(path)
    if data is None:
        return _profile(path)  # read only to say why it cannot be
    profile = _PROFILES.get((path, data))
    if profile is None:
        profile = _profile(path)
        if _bytes(path) == data:  # not changed while it was read
            if len(_PROFILES) >= 16:
                _PROFILES.clear()
            _PROFILES[path, data] = profile
    return profile


def _bytes(path: Path) -> bytes | None:
    try:
        return read_bytes(path)
    except YamlError:
        return None


# each profile file's profile by its bytes, read once: a national portfolio's 98 catalogs
# share one profile, and a Profile never changes (nor the lookups it keeps); a file that
# cannot be read or is not a profile is read again each time, to say why
_PROFILES: dict[tuple[Path, bytes], Profile] = {}


def _profile(path: Path) -> Profile:
    doc = read_document(path)
    pm = parse_document(doc, s.ProfileModel, None)
    return Profile(
        id=pm.id,
        name=pm.name,
        administrations=tuple(
            Administration(a.code, a.name, a.committee) for a in pm.administrations
        ),
        committees=tuple(Committee(c.code, c.name) for c in pm.committees),
        appropriations=tuple(
            Appropriation(a.code, a.name, a.committee, tuple(a.aliases)) for a in pm.appropriations
        ),
        unit_order=tuple(pm.unit_order),
        areas=tuple(a.code for a in pm.styringsomraader),
        area_aliases={alias: a.code for a in pm.styringsomraader for alias in (a.name, *a.aliases)},
        area_roles={a.code: AreaRole(a.role) for a in pm.styringsomraader if a.role},
        area_names={a.code: a.name for a in pm.styringsomraader if a.name != a.code},
        default_area=pm.default_area,
        consultation_kinds=dict(pm.consultation_kinds),
        workflow=_workflow(pm.workflow) if pm.workflow else None,
        price_index=_price_index(pm.price_index) if pm.price_index else None,
        appraisal=appraisal_settings(pm.appraisal) if pm.appraisal else None,
        money=Money(
            pm.money.currency, pm.money.scale, pm.money.decimals, pm.money.label, pm.money.prices
        ),
        periods=Periods(pm.periods.start_month),
        language=pm.language,
        template=_template(pm.template),
        assumptions=Assumptions(
            Assumption(
                a.name,
                a.label,
                a.unit,
                tuple(
                    sorted(
                        (Period(p.start, p.value, p.reference) for p in a.periods),
                        key=lambda p: p.start,
                    )
                ),
                a.source,
            )
            for a in pm.assumptions
        ),
    )


# --- proposals ---------------------------------------------------------------------------


def _series(values: Mapping[int, Decimal | None] | None, level: int | None = None) -> Series:
    """Amounts by year at price level ``level`` (None where the document gives none)."""
    return Series._checked({y: v for y, v in (values or {}).items() if v is not None}, level, 1000)


def _stated_series(
    values: Mapping[int, Decimal | None] | None, level: int | None = None
) -> Series | None:
    """A stated row: None where every cell is blank."""
    if values is None or all(v is None for v in values.values()):
        return None
    return _series(values, level)


def _stated_table(t: s.StatedTableModel | None, level: int) -> m.StatedTable | None:
    if t is None:
        return None
    # a row printed with every cell blank is kept, empty: the documents print it
    rows = {u: _stated_series(r, level) or Series() for u, r in t.rows.items()}
    return m.StatedTable(
        rows=rows,
        total=_stated_series(t.total, level),
        title=t.title,
        appropriations=dict(t.appropriations),
        includes_implementation=t.includes_implementation,
        text=t.text,
        key_column=t.key_column,
        price_basis=t.price_basis,
    )


def _booking(b: s.BookingModel | None, level: int) -> m.Booking | None:
    if b is None:
        return None
    if b.unit is not None:
        return m.ToUnit(b.unit)
    if b.key is not None:
        return m.ByKey(b.key)
    if b.parts is not None:
        return m.Parts({u: _series(v, level) for u, v in b.parts.items()})
    return None


def _targets(t: s.TargetsModel | None) -> m.Targets | None:
    if t is None:
        return None
    rows = tuple(
        m.TargetRow(r.label, r.area, m.TargetRole(r.role), _series(r.values), r.price_basis)
        for r in t.rows
    )
    years = tuple(sorted({y for r in t.rows for y in r.values}))
    return m.Targets(title=t.title, rows=rows, price_basis=t.price_basis, years=years)


def _effect(e: s.EffectModel) -> fx.Effect:
    def value(v: Decimal | list[Decimal] | None) -> Decimal | tuple[Decimal, ...] | None:
        return tuple(v) if isinstance(v, list) else v

    phase = fx.PhaseIn(
        fx.PhaseInProfile(e.phase.profile), e.phase.start, e.phase.years, dict(e.phase.factors)
    )
    params = {
        name: fx.Param(name, value(p.value), p.assumption, p.source, p.assumed)
        for name, p in e.params.items()
    }
    return fx.Effect(e.line, e.model, params, fx.Sign(e.sign), phase, e.text, tuple(e.also))


def _area(printed: str | None, profile: Profile) -> str | None:
    """The styringsområde of a line; a blank one is the profile's default."""
    return profile.find_area(printed) if printed is not None else profile.default_area


def _proposal(pm: s.ProposalModel, profile: Profile) -> m.Proposal:
    st, level = pm.stated, pm.price_level
    technical = {
        name: table
        for name, table in ((n, _stated_table(getattr(st, n), level)) for n in "ABCDE")
        if table is not None
    }
    return m.Proposal(
        id=pm.id,
        title=pm.title,
        type=m.ProposalType(pm.type),
        years=tuple(pm.years),
        price_level=pm.price_level,
        scale=profile.money.scale,
        heading=pm.heading,
        confidential=pm.confidential,
        catalog_entry_only=pm.catalog_entry_only,
        presenting=tuple(pm.presenting),
        affected=tuple(pm.affected),
        innovation=pm.origin.innovation,
        innovation_title=pm.origin.innovation_title,
        simplification=pm.origin.simplification,
        summary=pm.summary,
        description=pm.description,
        economy_text=pm.economy_text,
        distribution_text=pm.distribution_text,
        partners_text=pm.partners_text,
        notes=tuple(pm.notes),
        table1_split={k: dict(v) for k, v in pm.table1_split.items()},
        lines=tuple(
            m.Line(
                id=ln.id,
                section=m.Section(ln.section),
                kind=m.LineKind(ln.kind),
                text=ln.text,
                area=_area(ln.area, profile),
                area_assumed=ln.area is None,
                role=profile.role_of(_area(ln.area, profile)),
                amounts=_series(ln.amounts, level),
                booking=_booking(ln.booking, level),
                placed=ln.placed,
            )
            for ln in pm.lines
        ),
        keys={
            name: m.Key(name=name, text=k.text, kind=k.kind, weights=dict(k.weights))
            for name, k in pm.keys.items()
        },
        budget_moves=tuple(
            m.BudgetMove(mv.from_, mv.to, _series(mv.amounts, level), mv.text)
            for mv in pm.budget_moves
        ),
        basis=tuple(
            m.BasisTable(
                id=b.id,
                title=b.title,
                text=b.text,
                columns=tuple(b.columns),
                rows=tuple(m.BasisRow(r.label, dict(r.values)) for r in b.rows),
                total_column=b.total_column,
                total_rows=tuple(m.TotalRow(t.row, tuple(t.of)) for t in b.total_rows),
                printed=b.printed,
                remarks=tuple(b.remarks),
                label_column=b.label_column,
                unit=b.unit,
                in_distribution=b.in_distribution,
            )
            for b in pm.basis
        ),
        followup_text=pm.followup_text,
        followup=tuple(
            m.FollowUp(m.FollowUpPhase(f.phase), f.goal, f.measure, f.responsible, f.when)
            for f in pm.followup
        ),
        risk_level=m.RiskLevel(pm.risk.level) if pm.risk.level else None,
        risk_text=pm.risk.text,
        admin_text=pm.admin.text,
        admin_rows=tuple(m.AdminRow(r.text, _series(r.amounts, level)) for r in pm.admin.rows),
        consultations=tuple(
            m.Consultation(c.body, c.kind, c.heard, tuple(c.dates), c.text, c.header)
            for c in pm.consultations
        ),
        technical_text=pm.technical_text,
        appendices_text=pm.appendices_text,
        appendix_heading=pm.appendix_heading,
        texts_after=dict(pm.texts_after),
        printed_headings=dict(pm.printed_headings),
        scope=m.Scope(**pm.scope.model_dump()),
        targets=_targets(pm.targets),
        effects=tuple(_effect(e) for e in pm.effects),
        claims=tuple(claim_from_model(c) for c in pm.claims),
        stated=m.Stated(
            # a row printed with every cell blank (BC02's "Samlede implementeringsomkostninger,
            # service") is kept, empty: the documents print it
            table1={k: _stated_series(v, level) or Series() for k, v in st.table1.items()},
            payback={k: v for k, v in st.payback.model_dump().items() if v},
            distribution=_stated_table(st.distribution, level),
            # printed with every cell blank ({}, BC02) is still a stated row: printed, blank
            admin_total=None if st.admin_total is None else _series(st.admin_total, level),
            technical=technical,
            table1_totals=dict(st.table1_totals),
        ),
        remarks=tuple(pm.remarks),
        appraisal=None if pm.appraisal is None else appraisal_case(pm.appraisal, level),
    )


# the reader's own messages (names that point nowhere, a scale, a file), in each language
_SAID: Messages = {
    "da": {
        "unit": "ukendt udvalg, forvaltning eller bevilling {name!r}",
        "year": "året {year} er ikke blandt forslagets år",
        "area": "ukendt styringsområde {area!r}",
        "one_booking": "angiv præcis én af unit, key eller parts",
        "key": "nøglen {key!r} findes ikke under keys",
        "line": "linjen {line!r} findes ikke under lines",
        "param_missing": "modellen {model!r} mangler parameteren {name!r}",
        "param_unknown": "modellen {model!r} har ingen parameter {name!r}",
        "value_or_assumption": "angiv enten value eller assumption",
        "assumption": "antagelsen {name!r} findes ikke i profilen",
        "line_twice": "linje-id {id!r} er brugt før",
        "negative_weight": "en vægt kan ikke være negativ",
        "no_weight": "en nøgle skal have mindst én vægt over nul",
        "none": "ingen",
        "consultation_kind": "høringsarten {kind!r} findes ikke i profilen {profile!r}s "
        "consultation_kinds: {known}",
        "file_name": "id {id!r} skal svare til filnavnet",
        "no_file": "filen findes ikke",
        "no_proposal_file": "filen {path} findes ikke",
        "outside": "filen er et link ud af katalogmappen (til {target})",
        "listed_twice": "forslaget {id!r} står to gange",
        "not_listed": "forslaget {id!r} står ikke i proposals",
        "scale": "beløbene er angivet i skala {scale}, men profilen {profile} skriver alle beløb "
        "i {label} (skala {own}); omregn beløbene eller udelad scale",
        "target_twice": "måltallet {id!r} står to gange",
        "target_unit": "ukendt udvalg eller forvaltning {name!r} (se profilen {profile})",
        "row": "{title}, række {no}",
        "row_area": "{where}: ukendt styringsområde {area!r} i {name}; profilen {profile} har "
        "{areas}",
        "row_no_investment": "{where}: investeringen er delt på styringsområder, men rækken "
        "angiver ingen samlet investering (investment) at dele",
        "row_years": "{where}: effekten på {area} har år {years}, som rækkens samlede effekt "
        "(effect) ikke har",
    },
    "en": {
        "unit": "unknown committee, department or appropriation {name!r}",
        "year": "the year {year} is not among the proposal's years",
        "area": "unknown area {area!r}",
        "one_booking": "give exactly one of unit, key or parts",
        "key": "the key {key!r} is not under keys",
        "line": "the line {line!r} is not under lines",
        "param_missing": "the model {model!r} lacks the parameter {name!r}",
        "param_unknown": "the model {model!r} has no parameter {name!r}",
        "value_or_assumption": "give either value or assumption",
        "assumption": "the assumption {name!r} is not in the profile",
        "line_twice": "the line id {id!r} is used before",
        "negative_weight": "a weight cannot be negative",
        "no_weight": "a key must have at least one weight above zero",
        "none": "none",
        "consultation_kind": "the consultation kind {kind!r} is not among the profile "
        "{profile!r}'s consultation_kinds: {known}",
        "file_name": "the id {id!r} must match the file's name",
        "no_file": "the file does not exist",
        "no_proposal_file": "the file {path} does not exist",
        "outside": "the file is a link out of the catalog's folder (to {target})",
        "listed_twice": "the proposal {id!r} is listed twice",
        "not_listed": "the proposal {id!r} is not in proposals",
        "scale": "the amounts are given in scale {scale}, but the profile {profile} writes every "
        "amount in {label} (scale {own}); convert the amounts or leave out scale",
        "target_twice": "the target {id!r} is listed twice",
        "target_unit": "unknown committee or department {name!r} (see the profile {profile})",
        "row": "{title}, row {no}",
        "row_area": "{where}: unknown area {area!r} in {name}; the profile {profile} has {areas}",
        "row_no_investment": "{where}: the investment is split by area, but the row gives no "
        "total investment (investment) to split",
        "row_years": "{where}: the effect on {area} has the years {years}, which the row's "
        "total effect (effect) has not",
    },
}


class _References:
    """Collects names in a proposal that point nowhere, each with its line, in the
    profile's language."""

    def __init__(self, doc: YamlDocument, pm: s.ProposalModel, profile: Profile) -> None:
        self.doc, self.pm, self.profile = doc, pm, profile
        self.problems: list[Problem] = []

    def bad(self, loc: list[int | str], message: str) -> None:
        line, language = self.doc.line_of(loc), self.profile.language
        self.problems.append(
            Problem(self.doc.path, line, self.pm.id, _field(loc), message, language)
        )

    def said(self, key: str, /, **fields: object) -> str:
        return worded(self.profile.language, _SAID, key, **fields)

    def unit(self, loc: list[int | str], name: str) -> None:
        if not self.profile.is_unit_name(name):
            self.bad(loc, self.said("unit", name=name))

    def scale(self) -> None:
        """A file's amounts are written in the profile's scale; a file that says another
        scale would have every figure read a thousand times too large or too small."""
        if self.pm.scale is not None and (message := scale_problem(self.pm.scale, self.profile)):
            self.bad(["scale"], message)

    def line(self, i: int, ln: s.LineModel) -> None:
        here: list[int | str] = ["lines", i]
        for year in ln.amounts:
            if year not in self.pm.years:
                self.bad([*here, "amounts", year], self.said("year", year=year))
        if ln.area is not None and self.profile.find_area(ln.area) is None:
            self.bad([*here, "area"], self.said("area", area=ln.area))
        if ln.placed is not None:
            self.unit([*here, "placed"], ln.placed)
        b = ln.booking
        if b is None:
            return
        if len([x for x in (b.unit, b.key, b.parts) if x is not None]) != 1:
            self.bad([*here, "booking"], self.said("one_booking"))
        if b.unit is not None:
            self.unit([*here, "booking", "unit"], b.unit)
        if b.key is not None and b.key not in self.pm.keys:
            self.bad([*here, "booking", "key"], self.said("key", key=b.key))
        for name in b.parts or {}:
            self.unit([*here, "booking", "parts", name], name)

    def effect(self, i: int, e: s.EffectModel, line_ids: set[str]) -> None:
        here: list[int | str] = ["effects", i]
        if e.line not in line_ids:
            self.bad([*here, "line"], self.said("line", line=e.line))
        for j, other in enumerate(e.also):
            if other not in line_ids or other == e.line:
                self.bad([*here, "also", j], self.said("line", line=other))
        expected = set(fx.MODELS[e.model].params)
        for name in sorted(expected - set(e.params)):
            self.bad([*here, "params"], self.said("param_missing", model=e.model, name=name))
        for name, p in e.params.items():
            if name not in expected:
                self.bad(
                    [*here, "params", name], self.said("param_unknown", model=e.model, name=name)
                )
            elif (p.value is None) == (p.assumption is None):
                self.bad([*here, "params", name], self.said("value_or_assumption"))
            elif p.assumption is not None and p.assumption not in self.profile.assumptions:
                self.bad(
                    [*here, "params", name, "assumption"],
                    self.said("assumption", name=p.assumption),
                )

    def check(self) -> list[Problem]:
        pm = self.pm
        self.scale()
        seen: set[str] = set()
        for i, ln in enumerate(pm.lines):
            self.line(i, ln)
            if ln.id in seen:
                self.bad(["lines", i, "id"], self.said("line_twice", id=ln.id))
            seen.add(ln.id)
        for name, key in pm.keys.items():
            for w, weight in key.weights.items():
                self.unit(["keys", name, "weights", w], w)
                if weight < 0:
                    self.bad(["keys", name, "weights", w], self.said("negative_weight"))
            if not any(key.weights.values()):
                self.bad(["keys", name, "weights"], self.said("no_weight"))
        line_ids = {ln.id for ln in pm.lines}
        for i, e in enumerate(pm.effects):
            self.effect(i, e, line_ids)
        for subtotal, rows in pm.table1_split.items():
            for name in rows:
                self.unit(["table1_split", subtotal, name], name)
        for i, mv in enumerate(pm.budget_moves):
            self.unit(["budget_moves", i, "from"], mv.from_)
            self.unit(["budget_moves", i, "to"], mv.to)
        for table in ("A", "B", "C", "D", "E", "2.1"):
            stated = getattr(pm.stated, "distribution" if table == "2.1" else table)
            for name in stated.rows if stated else ():
                self.unit(["stated", table, "rows", name], name.split(" / ")[0])
        self.consultation_kinds()
        return self.problems

    def consultation_kinds(self) -> None:
        """A consultation's kind is one of the profile's ``consultation_kinds``."""
        kinds = self.profile.consultation_kinds
        known = ", ".join(kinds) or self.said("none")
        for i, c in enumerate(self.pm.consultations):
            if c.kind not in kinds:
                self.bad(
                    ["consultations", i, "kind"],
                    self.said(
                        "consultation_kind", kind=c.kind, profile=self.profile.id, known=known
                    ),
                )


def proposal_from_document(
    doc: YamlDocument, profile: Profile, expected_id: str | None = None
) -> m.Proposal:
    """A proposal from its document, checked for form and then for names that point nowhere;
    ``expected_id`` is the id the document must have (its file name). Every problem is
    worded in the profile's language."""
    language = profile.language
    pm = parse_document(doc, s.ProposalModel, expected_id or doc.data.get("id"), language)
    problems = _References(doc, pm, profile).check()
    if expected_id is not None and pm.id != expected_id:
        message = worded(language, _SAID, "file_name", id=pm.id)
        problems.append(Problem(doc.path, doc.line_of(["id"]), pm.id, "id", message, language))
    if problems:
        raise FormatError(problems)
    proposal = _proposal(pm, profile)
    for i, where, message in claim_problems(proposal):
        line = doc.line_of(["claims", i, where])
        field = _field(["claims", i, where])
        problems.append(Problem(doc.path, line, pm.id, field, message, language))
    if problems:
        raise FormatError(problems)
    return proposal


def _row_area(printed: str, profile: Profile) -> str:
    """A catalog row's area by its code, name or alias (known: check_targets refused others)."""
    return profile.find_area(printed) or printed


def _catalog_table(t: s.CatalogTableModel, profile: Profile) -> m.CatalogTable:
    return m.CatalogTable(
        id=t.id,
        title=t.title,
        years=tuple(t.years),
        groups=tuple(
            m.CatalogGroup(
                g.committee,
                tuple(
                    m.CatalogRow(
                        no=r.no,
                        proposal=r.proposal,
                        label=r.label,
                        effect=_series(r.effect),
                        investment=r.investment,
                        approved_with=r.approved_with,
                        note_refs=tuple(r.note_refs),
                        marker=r.marker,
                        payback=r.payback,
                        full_effect=r.full_effect,
                        effect_by_area={
                            _row_area(a, profile): _series(v) for a, v in r.effect_by_area.items()
                        },
                        investment_by_area={
                            _row_area(a, profile): v for a, v in r.investment_by_area.items()
                        },
                    )
                    for r in g.rows
                ),
            )
            for g in t.groups
        ),
        total_effect=_stated_series(t.total.effect) if t.total else None,
        total_investment=t.total.investment if t.total else None,
        total_full_effect=t.total.full_effect if t.total else None,
        notes=tuple(t.notes),
        unit=t.unit,
        text=t.text,
        remarks=tuple(t.remarks),
    )


@collector_paused()
def load_catalog(folder: Path) -> m.Catalog:
    """Load ``folder/catalog.yaml`` and every proposal it lists from ``folder/proposals``;
    the catalog's and its proposals' problems are worded in its profile's language (Danish
    where the profile cannot be read, and for the profile's own problems)."""
    path = folder / "catalog.yaml" if folder.is_dir() else folder
    if not path.exists():
        raise FormatError([Problem(path, None, None, "", "filen findes ikke")])
    folder = path.parent
    if _outside(path, folder):
        message = f"filen er et link ud af katalogmappen (til {path.resolve()})"
        raise FormatError([Problem(path, None, None, "", message)])
    doc = read_document(path)
    language = _profile_language(doc, folder)
    cm = parse_catalog(doc, language)
    profile = load_profile(cm.profile, folder)
    check_targets(doc, cm, profile)
    # each listed proposal's problems, in the order of the list
    problems: dict[int, list[Problem]] = {}
    readable: dict[int, Path] = {}
    for i, pid in enumerate(cm.proposals):
        ppath = folder / "proposals" / f"{pid}.yaml"
        if not ppath.exists():
            message = worded(language, _SAID, "no_proposal_file", path=ppath)
            line = doc.line_of(["proposals", i])
            problems[i] = [Problem(path, line, pid, f"proposals[{i}]", message, language)]
        elif _outside(ppath, folder):
            message = worded(language, _SAID, "outside", target=ppath.resolve())
            problems[i] = [Problem(ppath, None, pid, "", message, language)]
        else:
            readable[i] = ppath
    proposals: list[m.Proposal] = []
    read = read_documents(list(readable.values()), profile.language)
    for (i, ppath), document in zip(readable.items(), read, strict=True):
        try:
            readable_document = _readable(document, ppath.stem, profile.language)
            proposals.append(proposal_from_document(readable_document, profile, ppath.stem))
        except FormatError as e:
            problems[i] = list(e.problems)
    if problems:
        raise FormatError([found for i in sorted(problems) for found in problems[i]])
    return catalog_from_model(cm, profile, proposals)


def _profile_language(doc: YamlDocument, folder: Path) -> str:
    """The language of the profile a catalog document names, read before the document is
    checked so that its problems are worded in it; Danish where the document names no
    profile or one that cannot be read (load_catalog says why after the document's own
    problems, as it always has)."""
    name = doc.data.get("profile") if isinstance(doc.data, dict) else None
    if not isinstance(name, str):
        return DANISH
    try:
        return load_profile(name, folder).language
    except (FormatError, OSError):
        return DANISH


def _outside(path: Path, folder: Path) -> bool:
    """Whether a catalog's file is a symbolic link to a file outside its folder: a catalog
    is its folder, and an export would publish what such a link points at."""
    return not path.resolve().is_relative_to(folder.resolve())


def parse_catalog(doc: YamlDocument, language: str = DANISH) -> s.CatalogModel:
    """The catalog document's form, checked, and its rows pointing at listed proposals;
    every problem worded in ``language`` (its profile's)."""
    cm = parse_document(doc, s.CatalogModel, None, language)
    problems: list[Problem] = []

    def bad(loc: list[int | str], proposal: str | None, message: str) -> None:
        problems.append(
            Problem(doc.path, doc.line_of(loc), proposal, _field(loc), message, language)
        )

    for i, pid in enumerate(cm.proposals):
        if pid in cm.proposals[:i]:
            bad(["proposals", i], pid, worded(language, _SAID, "listed_twice", id=pid))
    for t, table in enumerate(cm.tables):
        for g, group in enumerate(table.groups):
            for r, row in enumerate(group.rows):
                if row.proposal is not None and row.proposal not in cm.proposals:
                    loc: list[int | str] = ["tables", t, "groups", g, "rows", r, "proposal"]
                    message = worded(language, _SAID, "not_listed", id=row.proposal)
                    bad(loc, row.proposal, message)
    if problems:
        raise FormatError(problems)
    return cm


def scale_problem(scale: int, profile: Profile) -> str:
    """Why a file's stated scale cannot be read in a profile (every amount in the body's
    files is written in its profile's scale), or "" where it can; in the profile's language
    (the scales written the Danish way, "1.000", as the format writes them)."""
    money = profile.money
    if scale == money.scale:
        return ""
    return worded(
        profile.language,
        _SAID,
        "scale",
        scale=dk(Decimal(scale)),
        profile=profile.id,
        label=money.label,
        own=dk(Decimal(money.scale)),
    )


def check_targets(doc: YamlDocument, cm: s.CatalogModel, profile: Profile) -> None:
    """The catalog's targets name the profile's units and styringsområder and the catalog's
    proposals, each target id once; every problem at once, with its place, in the profile's
    language."""
    problems: list[Problem] = []
    language = profile.language

    def bad(loc: list[int | str], message: str) -> None:
        problems.append(Problem(doc.path, doc.line_of(loc), None, _field(loc), message, language))

    def said(key: str, /, **fields: object) -> str:
        return worded(language, _SAID, key, **fields)

    if cm.scale is not None and (message := scale_problem(cm.scale, profile)):
        bad(["scale"], message)
    seen: set[str] = set()
    for i, t in enumerate(cm.targets):
        at: list[int | str] = ["targets", i]
        if t.id in seen:
            bad([*at, "id"], said("target_twice", id=t.id))
        seen.add(t.id)
        if t.area is not None and profile.find_area(t.area) is None:
            bad([*at, "area"], said("area", area=t.area))
        for j, pid in enumerate(t.proposals or ()):
            if pid not in cm.proposals:
                bad([*at, "proposals", j], said("not_listed", id=pid))
        named = [("committees", n) for n in t.committees or {}]
        named += [("shares.weights", n) for n in (t.shares.weights if t.shares else {})]
        for where, name in named:
            if not profile.is_unit_name(name):
                loc = [*at, *where.split("."), name]
                bad(loc, said("target_unit", name=name, profile=profile.id))
    for loc, message in _row_area_problems(cm, profile):
        bad(loc, message)
    if problems:
        raise FormatError(problems)


def _row_area_problems(
    cm: s.CatalogModel, profile: Profile
) -> Iterator[tuple[list[int | str], str]]:
    """A catalog row's split by area (``effect_by_area``, ``investment_by_area``) names the
    profile's areas, has a total to be part of, and no year the row has not: each problem
    with its place and the table and row it is in ("Tabel 1 ..., række 2 (P2): ukendt
    styringsområde 'Anlaeg' i investment_by_area; profilen dk-kommune har Service, Anlæg,
    ..."). Whether the parts add up to the total is the check's (a stated figure may
    disagree)."""
    areas = ", ".join(profile.areas)

    def said(key: str, /, **fields: object) -> str:
        return worded(profile.language, _SAID, key, **fields)

    for t, table in enumerate(cm.tables):
        for g, group in enumerate(table.groups):
            for r, row in enumerate(group.rows):
                at: list[int | str] = ["tables", t, "groups", g, "rows", r]
                where = said("row", title=table.title, no=row.no or r + 1) + (
                    f" ({row.proposal})" if row.proposal else ""
                )
                years = {y for y, v in row.effect.items() if v is not None}
                named = [("effect_by_area", a) for a in row.effect_by_area]
                named += [("investment_by_area", a) for a in row.investment_by_area]
                for name, area in named:
                    if profile.find_area(area) is None:
                        yield (
                            [*at, name, area],
                            said(
                                "row_area",
                                where=where,
                                area=area,
                                name=name,
                                profile=profile.id,
                                areas=areas,
                            ),
                        )
                if row.investment_by_area and row.investment is None:
                    yield (
                        [*at, "investment_by_area"],
                        said("row_no_investment", where=where),
                    )
                for area, part in row.effect_by_area.items():
                    extra = sorted(y for y, v in part.items() if v is not None and y not in years)
                    if extra:
                        yield (
                            [*at, "effect_by_area", area],
                            said(
                                "row_years",
                                where=where,
                                area=area,
                                years=", ".join(map(str, extra)),
                            ),
                        )


def _target(t: s.TargetModel, profile: Profile) -> m.Target:
    level = t.price_level
    return m.Target(
        id=t.id,
        label=t.label,
        source=t.source,
        price_level=level,
        area=profile.find_area(t.area) if t.area is not None else None,
        proposals=tuple(t.proposals) if t.proposals is not None else None,
        total=_series(t.total, level) if t.total is not None else None,
        committees={n: _series(v, level) for n, v in (t.committees or {}).items()},
        shares=m.Shares(t.shares.source, dict(t.shares.weights)) if t.shares else None,
        remarks=tuple(t.remarks),
    )


def catalog_from_model(
    cm: s.CatalogModel, profile: Profile, proposals: Iterable[m.Proposal]
) -> m.Catalog:
    """The catalog of a checked catalog document and its loaded proposals."""
    return m.Catalog(
        id=cm.id,
        title=cm.title,
        municipality=cm.municipality,
        round=cm.round,
        price_level=cm.price_level,
        scale=profile.money.scale,
        profile=profile,
        proposals=tuple(proposals),
        tables=tuple(_catalog_table(t, profile) for t in cm.tables),
        statements=tuple(
            m.Statement(st.text, st.table, None if st.year == "varig" else st.year, st.mio_kr)
            for st in cm.statements
        ),
        intro=cm.intro,
        remarks=tuple(cm.remarks),
        targets=tuple(_target(t, profile) for t in cm.targets),
        pool=m.Pool(_series(cm.pool.amounts, cm.price_level), cm.pool.source) if cm.pool else None,
    )
