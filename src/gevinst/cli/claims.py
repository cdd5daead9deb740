# SPDX-License-Identifier: MPL-2.0
"""``gevinst claims PATH ID``: the figures a proposal's texts state, what each may refer
to with a confidence, and (``--write``) the confirmed ones recorded as its claims.

A figure is confirmed by its number in the list (``--accept 3,5``; its likeliest reference,
or none where nothing matches: a figure the tables do not hold), or by the confidence of
its likeliest reference (``--min-confidence``). ``--format yaml`` prints the claims that
``--write`` would add, as the data format writes them.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from gevinst.core.access import LOCAL
from gevinst.core.claims.claim import Claim
from gevinst.core.claims.matcher import Found, as_claim
from gevinst.core.claims.reading import QUALIFIER_WORDS, figure_words
from gevinst.core.errors import InputError
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile
from gevinst.core.template import Printing, printing
from gevinst.format.claims import claim_document, ref_document
from gevinst.format.writer import to_yaml
from gevinst.services import claims as claims_service
from gevinst.stores.folder import FolderStore

DEFAULT_CONFIDENCE = 0.7


# the command's own words in the profile's language (the claims' places are worded by core)
_WORDS = {
    "da": {
        "head": "{id}: {count} tal i teksten, {recorded} registreret som påstande\n",
        "recorded": "  [registreret]",
        "steady": "varig",
        "from": " fra ",
        "total": " i alt",
    },
    "en": {
        "head": "{id}: {count} figures in the text, {recorded} recorded as claims\n",
        "recorded": "  [recorded]",
        "steady": "permanent",
        "from": " from ",
        "total": " in all",
    },
}


def _years(years: tuple[int, ...], steady: bool, pr: Printing) -> str:
    words = _WORDS[pr.language]
    named = ", ".join(pr.year(y) for y in years)
    return (
        f" ({words['steady'] + (words['from'] + named if named else '') if steady else named})"
        if (years or steady)
        else ""
    )


def render(p: Proposal, found: list[Found], profile: Profile | None = None) -> str:
    """One entry a figure: its number, field, phrase, reading, and the likeliest places,
    in the profile's language."""
    pr = printing(profile)
    words = _WORDS[pr.language]
    recorded = sum(1 for f in found if f.recorded is not None)
    out = [words["head"].format(id=p.id, count=len(found), recorded=recorded)]
    for i, f in enumerate(found, start=1):
        c = f.candidate
        state = words["recorded"] if f.recorded is not None else ""
        qualifier = QUALIFIER_WORDS[pr.language][c.qualifier]
        out.append(
            f"{i:>3}. {f.field}: «{c.phrase}» = {figure_words(c.written, c.unit, pr)}"
            f"{' (' + qualifier + ')' if qualifier else ''}"
            f"{_years(c.years, c.steady, pr)}{state}\n"
        )
        for s in f.suggestions:
            out.append(
                f"       {s.confidence:.2f}  {s.name}{_years(s.years, s.steady, pr)}"
                f"{words['total'] if s.total else ''} = {pr.plain(s.figure)}\n"
            )
    return "".join(out)


def _as_json(found: list[Found]) -> dict[str, Any]:
    return {
        "items": [
            {
                "number": i,
                "field": f.field,
                "phrase": f.candidate.phrase,
                "values": list(f.candidate.written),
                "unit": f.candidate.unit.value,
                "qualifier": f.candidate.qualifier.value,
                "years": list(f.candidate.years),
                "recorded": f.recorded is not None,
                "suggestions": [
                    {
                        "ref": ref_document(s.ref),
                        "name": s.name,
                        "figure": str(s.figure),
                        "years": list(s.years),
                        "total": s.total,
                        "confidence": s.confidence,
                    }
                    for s in f.suggestions
                ],
            }
            for i, f in enumerate(found, start=1)
        ]
    }


def _accepted(text: str, count: int) -> set[int]:
    try:
        numbers = {int(n) for n in text.split(",") if n.strip()}
    except ValueError:
        raise InputError(f"--accept {text!r}: skriv numrene adskilt af komma, fx 1,3,5") from None
    wrong = sorted(n for n in numbers if not 1 <= n <= count)
    if wrong:
        raise InputError(f"--accept: der er ingen tal nr. {', '.join(map(str, wrong))} (1-{count})")
    return numbers


def confirmed(p: Proposal, found: list[Found], accept: str | None, least: float) -> list[Claim]:
    """The claims to add: the figures accepted by number, or else each whose likeliest
    reference reaches ``least``; never one already recorded, and each phrase once."""
    numbers = _accepted(accept, len(found)) if accept else None
    claims: list[Claim] = []
    for i, f in enumerate(found, start=1):
        if f.recorded is not None:
            continue
        best = f.suggestions[0] if f.suggestions else None
        if numbers is not None and i not in numbers:
            continue
        if numbers is None and (best is None or best.confidence < least):
            continue
        claim = as_claim(p, f, best)
        if all((c.field, c.phrase) != (claim.field, claim.phrase) for c in claims):
            claims.append(claim)
    return claims


def run(args: argparse.Namespace) -> int:
    store = FolderStore()
    p, found = claims_service.find(store, LOCAL, args.path, args.id)
    if args.format == "json":
        json.dump(_as_json(found), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    chosen = confirmed(p, found, args.accept, args.min_confidence)
    if args.format == "yaml":
        sys.stdout.write(to_yaml({"claims": [claim_document(c) for c in chosen]}))
    elif args.format == "text":
        sys.stdout.write(render(p, found, store.catalog(args.path).profile))
    if args.write:
        done = claims_service.record(store, LOCAL, args.path, p.id, chosen)
        if done is None:
            sys.stderr.write("ingen nye påstande at skrive\n")
        else:
            sys.stderr.write(f"{len(chosen)} påstande skrevet i {p.id} (version {done.id[:12]})\n")
    return 0


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    claims = sub.add_parser(
        "claims", help="find tal i et forslags tekst og hvad i tabellerne de svarer til"
    )
    claims.add_argument("path", help="katalogmappe eller catalog.yaml")
    claims.add_argument("id", help="forslagets id, fx BC01")
    claims.add_argument("--format", choices=["text", "json", "yaml"], default="text")
    claims.add_argument(
        "--write", action="store_true", help="skriv de bekræftede tal i forslagets fil"
    )
    claims.add_argument("--accept", help="bekræft tallene med disse numre, fx 1,3,5")
    claims.add_argument(
        "--min-confidence",
        type=float,
        default=DEFAULT_CONFIDENCE,
        help=f"bekræft tal hvis bedste forslag har mindst denne sikkerhed ({DEFAULT_CONFIDENCE})",
    )
    claims.set_defaults(run=run)
