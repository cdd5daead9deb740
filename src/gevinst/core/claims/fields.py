# SPDX-License-Identifier: MPL-2.0
"""The printed texts of a proposal, each by the name a claim gives its field.

``summary``, ``description``, ``economy_text``, ``distribution_text``, ``followup_text``,
``partners_text``, ``risk.text``, ``admin.text``, ``technical_text``, ``appendices_text``;
``texts_after.KEY``; ``basis.ID`` (a basis table's text); ``stated.T`` (a stated table's
text: ``stated.A``, ``stated.2.1``); ``followup.N.goal`` and ``followup.N.measure`` (N from 1).
"""

from __future__ import annotations

from gevinst.core.model import Proposal


def text_fields(p: Proposal) -> dict[str, str]:
    """Every printed text of ``p`` that is not empty, by field name, in the order the
    document prints them."""
    fields = {
        "summary": p.summary,
        "description": p.description,
        "economy_text": p.economy_text,
        **{f"texts_after.{k}": v for k, v in p.texts_after.items()},
        "distribution_text": p.distribution_text,
        **{f"basis.{b.id}": b.text for b in p.basis},
        "followup_text": p.followup_text,
    }
    for i, f in enumerate(p.followup, start=1):
        fields[f"followup.{i}.goal"] = f.goal
        fields[f"followup.{i}.measure"] = f.measure
    fields |= {
        "risk.text": p.risk_text,
        "admin.text": p.admin_text,
        "partners_text": p.partners_text,
        "technical_text": p.technical_text,
        "appendices_text": p.appendices_text,
    }
    if p.stated.distribution is not None:
        fields["stated.2.1"] = p.stated.distribution.text
    fields |= {f"stated.{name}": t.text for name, t in p.stated.technical.items()}
    return {name: text for name, text in fields.items() if text}


_LABELS_DA = {
    "summary": "kort resumé",
    "description": "afsnit 1",
    "economy_text": "afsnit 2",
    "distribution_text": "afsnit 2.1",
    "followup_text": "afsnit 3",
    "risk.text": "afsnit 4",
    "admin.text": "afsnit 5",
    "partners_text": "afsnit 6",
    "technical_text": "afsnit 7",
    "appendices_text": "bilagsoversigten",
    "texts_after.economy": "afsnit 2, efter tabellen over økonomiske konsekvenser",
    "texts_after.distribution": "afsnit 2.1, efter tabellen",
    "texts_after.targets": "efter måltalstabellen",
}
_LABELS_EN = {
    "summary": "summary",
    "description": "section 1",
    "economy_text": "section 2",
    "distribution_text": "section 2.1",
    "followup_text": "section 3",
    "risk.text": "section 4",
    "admin.text": "section 5",
    "partners_text": "section 6",
    "technical_text": "section 7",
    "appendices_text": "the list of appendices",
    "texts_after.economy": "section 2, after the table of financial consequences",
    "texts_after.distribution": "section 2.1, after the table",
    "texts_after.targets": "after the targets table",
}
# each language's labels, and its words for the fields numbered or named by their table
_LABELS = {"da": _LABELS_DA, "en": _LABELS_EN}
_NAMED = {
    "da": {
        "basis": "beregningsgrundlaget, «{title}»",
        "texts_after": "efter «{title}»",
        "stated": "teksten til tabel {table}",
        "followup": "afsnit 3, opfølgningsmål {number}",
        "measure": " (måling)",
    },
    "en": {
        "basis": "the calculation basis, «{title}»",
        "texts_after": "after «{title}»",
        "stated": "the text of table {table}",
        "followup": "section 3, follow-up goal {number}",
        "measure": " (measure)",
    },
}


def field_label(p: Proposal, field: str, language: str = "da") -> str:
    """Where a text field stands in the document, in words a reader finds it by, in the
    profile's ``language`` ("da" or "en").

    >>> from gevinst.core.model import Proposal, ProposalType
    >>> p = Proposal("X", "X", ProposalType.INVESTMENT, (2025,), 2025, ())
    >>> field_label(p, "economy_text"), field_label(p, "followup.2.goal")
    ('afsnit 2', 'afsnit 3, opfølgningsmål 2')
    >>> field_label(p, "economy_text", "en"), field_label(p, "followup.2.measure", "en")
    ('section 2', 'section 3, follow-up goal 2 (measure)')
    """
    labels, named = _LABELS[language], _NAMED[language]
    if field in labels:
        return labels[field]
    kind, _, rest = field.partition(".")
    titles = {b.id: b.title for b in p.basis}
    if kind in ("basis", "texts_after"):
        return named[kind].format(title=titles.get(rest, rest))
    if kind == "stated":
        return named[kind].format(table=rest)
    if kind == "followup":
        number, _, part = rest.partition(".")
        return named[kind].format(number=number) + (named["measure"] if part == "measure" else "")
    return field
