# SPDX-License-Identifier: MPL-2.0
"""How a proposal names and numbers itself in print, for every renderer alike: its printed
name ("Forslag 2"), the numbers of its tables as the source gives them, which columns hold
years (printed without a thousands separator), and how a table shows its zeros and which
all-zero rows it keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from gevinst.core.model import BasisTable, Catalog, CatalogRow, Proposal, StatedTable
from gevinst.core.profile import Profile
from gevinst.core.template import DANISH, SIGN_NOTE, Wording

# "Tabel 3. ...", "Bilag 1, Tabel 1. ...": the number a proposal gave one of its own tables;
# "Tabel 1, ..." refers to another table and claims no number
_OWN_NUMBER = re.compile(r"^(?:Bilag \d+,? )?Tabel (\d+)(?![\d,])")


def printed_name(p: Proposal, cat: Catalog) -> str:
    """The proposal's name as the catalog prints it above the proposal: "Forslag 2" where
    the catalog's summary numbers it so, else its id ("BC01")."""
    for row in (r for t in cat.tables for r in t.rows()):
        if row.proposal == p.id and row.no and not row.no[0].isdigit():
            return row.no
    return p.id


def catalog_row_label(row: CatalogRow) -> str:
    """A row of the catalog's summary tables as printed: "1 Samlet ferieløsning ...",
    "Forslag 7 Fremtidens indkøb 2025 *1)"."""
    # a note reference is shown as the notes are numbered ("*2)"); a printed marker ("*")
    # only where the row has no reference, so it is not shown twice
    refs = " ".join(f"*{r})" for r in row.note_refs)
    label = f"{row.label} {refs}" if refs else row.label + row.marker
    return f"{row.no} {label}" if row.no else label


def _number(title: str) -> int | None:
    found = _OWN_NUMBER.match(title.strip())
    return int(found.group(1)) if found else None


def _titles_elsewhere(p: Proposal) -> list[str]:
    """The titles of the proposal's own tables outside its basis: the distribution as
    stated, the target accounting."""
    titles = [p.stated.distribution.title] if p.stated.distribution is not None else []
    return titles + ([p.targets.title] if p.targets is not None else [])


def drawn_elsewhere(p: Proposal, b: BasisTable) -> bool:
    """Whether a basis table is the same numbered table as the distribution or the target
    accounting (Forslag 7's "Tabel 3"): that is drawn once, there."""
    number = _number(b.title)
    return number is not None and number in {_number(t) for t in _titles_elsewhere(p)}


def basis_tables(p: Proposal) -> list[BasisTable]:
    """The printed basis tables, less those drawn elsewhere."""
    return [b for b in p.printed_basis if not drawn_elsewhere(p, b)]


def short_name(title: str) -> str:
    """A table's name as a reference gives it: "Tabel 3" for "Tabel 3. Fordeling ...",
    "Table 1" for an English title, the title itself where it has no number."""
    found = re.match(
        r"^((?:(?:Bilag|Appendix) \d+,? )?Tab(?:el|le) [\w.]*?\w)[.:]?(?:\s|$)", title.strip()
    )
    return found.group(1) if found else title.strip()


@dataclass(frozen=True)
class Titles:
    """The titles of the template's own tables in one proposal; the follow-up table has a
    title only where the proposal numbers it."""

    economy: str
    admin: str
    followup: str
    distribution: str


def _free(taken: set[int]) -> Iterator[int]:
    n = 1
    while True:
        if n not in taken:
            yield n
        n += 1


def titles(p: Proposal, words: Wording = DANISH) -> Titles:
    """Table numbers as the proposal prints them, the template's titles in ``words``. The
    template's are Tabel 1 (economy) and Tabel 2 (administration); a proposal that has given
    one of its own tables the number 1 (Forslag 5, Forslag 7) numbers every table in sequence,
    so the template's tables then take the next free numbers in the order they are printed,
    the follow-up table too."""
    own = [b.title for b in basis_tables(p)] + _titles_elsewhere(p)
    taken = {n for n in map(_number, own) if n is not None}
    stated = p.stated.distribution
    own_title = stated.title if stated is not None and stated.title else ""
    distribution = own_title or words.distribution_title
    if 1 not in taken:
        return Titles(words.table1_title(), words.admin_table_title(), "", distribution)
    free = _free(taken)
    economy = words.numbered(next(free), words.economy_title)
    followup = words.numbered(next(free), words.followup_title) if p.followup else ""
    admin = words.numbered(next(free), words.admin_title) if p.admin_rows else words.admin_title
    return Titles(economy, admin, followup, distribution)


def is_year_column(values: Iterable[Decimal | str | None]) -> bool:
    """A basis column of years ("Fra": 2025): whole numbers of a plausible year."""
    numbers = [v for v in values if v is not None and v != ""]
    return bool(numbers) and all(
        isinstance(v, Decimal) and v == v.to_integral_value() and 1900 <= v <= 2100 for v in numbers
    )


def target_years(p: Proposal) -> list[int]:
    """The columns of a target accounting: its own years (Forslag 7's Tabel 4 runs to 2029
    while its economy table stops at 2028)."""
    own = p.targets.years if p.targets is not None else ()
    return sorted(set(own) | set(p.years))


def zero_mark(stated: StatedTable | None, years: Iterable[int], default: str) -> str:
    """How a table shows a zero, as the source shows it in that table: a blank cell where the
    document leaves a year of a row blank (BC01's Tabel 2.1.1, BC02's Tabel A), else
    ``default`` ("-" in the technical tables, "0" in Tabel 1)."""
    if stated is None:
        return default
    shown = list(years)
    blank = any(y not in row for row in stated.rows.values() for y in shown)
    return "" if blank else default


def total_zero(stated: StatedTable | None, year: int, zero: str) -> str:
    """How the total row shows a zero: as the table's other zeros, except that a total the
    source writes out in a table of blank cells ("Total 0 0 0 0 0" under BC02's Tabel B)
    shows its zeros."""
    written = stated is not None and stated.total is not None and year in stated.total
    return "0" if zero == "" and written else zero


def kept_units(stated: StatedTable | None, profile: Profile) -> set[str]:
    """The units whose rows the source prints in a table, all-zero ones too (BC01's Tabel A
    prints Koncern IT with nothing in it): gevinst keeps those rows."""
    return {profile.row_unit(label) for label in stated.rows} if stated is not None else set()


def economy_notes(p: Proposal, words: Wording = DANISH) -> list[str]:
    """The notes under the economy table, each once: the notes for all tables together, a
    note that names its own table ("Note til Tabel 3: ...", "*Det bemærkes ...") as written,
    and the sign convention (in ``words``) unless a note already says it (Forslag 7)."""
    sign = words.sign_note
    own = [n for n in p.notes if n not in (SIGN_NOTE, sign)]
    common = [n for n in own if not n.startswith(("Note", "Anm", "*"))]
    notes = [words.all_tables_note + " ".join(common)] if common else []
    notes += [n for n in own if n not in common]
    return notes if any(s in n for n in notes for s in (SIGN_NOTE, sign)) else [*notes, sign]
