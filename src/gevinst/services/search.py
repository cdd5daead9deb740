# SPDX-License-Identifier: MPL-2.0
"""Search: the proposals of every catalog whose titles, printed texts or line texts hold the
words asked for, as the acting user may see them.

What is searched is each catalog as :func:`gevinst.core.access.visible` gives it, never the
stored documents: a confidential proposal the actor may not read in full is searched only in
what the catalog publishes of it (its id, title and summed rows), so a hit can never reveal
a word of its texts.

How words are matched is a :class:`Matcher`'s: the web application matches with
PostgreSQL's full-text search in Danish where that is its database, and everywhere else with
:func:`contains`, a case-insensitive search for every word."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from gevinst.core import text
from gevinst.core.access import Actor, visible
from gevinst.core.model import Proposal
from gevinst.stores.base import Store

# a query is cut to this many characters: enough for any phrase, too few to cost much
MAX_QUERY = 200
# the characters shown before the first match of an excerpt, and in all
_BEFORE, _WIDTH = 80, 240
_WORD = re.compile(r"\w[\w-]*", re.UNICODE)


@dataclass(frozen=True)
class Piece:
    """A piece of an excerpt; ``marked`` where it is what was searched for."""

    text: str
    marked: bool = False


@dataclass(frozen=True)
class Match:
    rank: float  # the higher the better
    excerpt: tuple[Piece, ...]


class Matcher(Protocol):
    def __call__(self, query: str, texts: Sequence[str]) -> dict[int, Match]:
        """The texts (by index) that match ``query``, each with its rank and an excerpt."""
        ...


@dataclass(frozen=True)
class Place:
    """Where a proposal matched: a field (``beskrivelse``, ``linje e1``) and its excerpt."""

    field: str
    excerpt: tuple[Piece, ...]


@dataclass(frozen=True)
class Hit:
    """A proposal that matched, with every place it matched, the best first."""

    catalog: str  # the catalog's key
    catalog_title: str
    proposal: str
    title: str
    rank: float
    places: tuple[Place, ...]
    confidential: bool  # a confidential proposal, shown in full


def printed_texts(p: Proposal) -> Iterator[tuple[str, str]]:
    """(field, text) of every text of ``p`` that its document prints, without markup; the
    remarks (internal notes) are never printed and never searched."""
    prose = (
        ("titel", p.title),
        ("overskrift", p.heading),
        ("innovation", p.innovation_title or ""),
        ("resumé", p.summary),
        ("beskrivelse", p.description),
        ("økonomi", p.economy_text),
        ("fordeling på udvalg", p.distribution_text),
        ("samarbejdspartnere", p.partners_text),
        ("opfølgning", p.followup_text),
        ("risiko", p.risk_text),
        ("administration", p.admin_text),
        ("tekniske tabeller", p.technical_text),
        ("bilag", p.appendices_text),
    )
    yield from prose
    for i, note in enumerate(p.notes, 1):
        yield f"note {i}", note
    for table, after in p.texts_after.items():
        yield f"tekst efter tabel {table}", after
    for b in p.printed_basis:
        yield f"grundlag {b.id}", "\n".join((b.title, b.text, *(r.label for r in b.rows)))
    for name, key in p.keys.items():
        yield f"fordelingsnøgle {name}", key.text
    for f in p.followup:
        yield "opfølgningsmål", "\n".join((f.goal, f.measure, f.responsible, f.when))
    for c in p.consultations:
        yield f"hørt: {c.body}", "\n".join((c.body, c.text))
    for row in p.admin_rows:
        yield "administrationstabel", row.text
    for move in p.budget_moves:
        yield "budgetflytning", move.text
    for line in p.lines:
        yield f"linje {line.id}", line.text


@dataclass(frozen=True)
class _Field:
    catalog: str
    catalog_title: str
    proposal: Proposal
    field: str
    text: str


def _fields(store: Store, actor: Actor) -> list[_Field]:
    found = []
    for key in store.catalogs():
        cat = visible(store.catalog(key), actor)
        for p in cat.proposals:
            for field, written in printed_texts(p):
                words = text.plain(written).strip()
                if words:
                    found.append(_Field(key, cat.title, p, field, words))
    return found


def search(store: Store, actor: Actor, query: str, matcher: Matcher | None = None) -> list[Hit]:
    """The proposals of every catalog in ``store`` that match ``query`` as ``actor`` may see
    them, the best first; none for an empty query."""
    query = query.strip()[:MAX_QUERY]
    if not _WORD.search(query):
        return []
    fields = _fields(store, actor)
    matched = (matcher or contains)(query, [f.text for f in fields])
    # each proposal once, at the rank of its best place; ties in the catalogs' own order
    hits: dict[tuple[str, str], list[tuple[float, int, Place]]] = {}
    for i in sorted(matched):
        f, m = fields[i], matched[i]
        hits.setdefault((f.catalog, f.proposal.id), []).append(
            (m.rank, i, Place(f.field, m.excerpt))
        )
    ordered = sorted(
        hits.values(), key=lambda places: (-max(r for r, _, _ in places), places[0][1])
    )
    out = []
    for places in ordered:
        first = fields[places[0][1]]
        best = sorted(places, key=lambda x: (-x[0], x[1]))
        out.append(
            Hit(
                first.catalog,
                first.catalog_title,
                first.proposal.id,
                first.proposal.title,
                best[0][0],
                tuple(place for _, _, place in best),
                first.proposal.confidential and not first.proposal.catalog_entry_only,
            )
        )
    return out


# --- the simple matcher --------------------------------------------------------------------


def contains(query: str, texts: Sequence[str]) -> dict[int, Match]:
    """Texts holding every word of ``query``, in any case; ranked by how often they occur."""
    words = sorted({w.casefold() for w in _WORD.findall(query)}, key=len, reverse=True)
    if not words:
        return {}
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    found = {}
    for i, written in enumerate(texts):
        spans = [m.span() for m in pattern.finditer(written)]
        seen = {written[a:b].casefold() for a, b in spans}
        if all(w in seen for w in words):
            found[i] = Match(float(len(spans)), excerpt(written, spans))
    return found


def excerpt(written: str, spans: Sequence[tuple[int, int]]) -> tuple[Piece, ...]:
    """A short piece of ``written`` around its first span, each span in it marked; an ellipsis
    where the text goes on."""
    first = spans[0][0]
    start = max(0, first - _BEFORE)
    if start:
        # from the start of a word
        space = written.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(written), start + _WIDTH)
    if end < len(written):
        space = written.rfind(" ", spans[0][1], end)
        end = space if space != -1 else end
    pieces = [Piece("…")] if start else []
    at = start
    for a, b in spans:
        if a < at or b > end:
            continue
        pieces += [Piece(written[at:a]), Piece(written[a:b], marked=True)]
        at = b
    pieces.append(Piece(written[at:end]))
    if end < len(written):
        pieces.append(Piece("…"))
    return tuple(p for p in pieces if p.text)
