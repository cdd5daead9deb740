# SPDX-License-Identifier: MPL-2.0
"""How a text of each language writes its figures: the finder's patterns, written once per
language (``Profile.language``: "da" or "en") beside the other.

A language gives its number format, its units (generic: money as the currency itself, in
thousands, millions or billions of it; per cent; full-time equivalents; hours, minutes,
months, years; a count of a noun), its qualifiers ("ca." / "about", "mindst" / "at least",
"højst" / "up to"), its words for numbers, what makes a clause speak of the permanent effect
("fra 2028 og frem" / "a year from 2026/27", "by 2027/28"), and the words after which a
number names a place rather than an amount ("tabel 2" / "table 2").

A figure is kept as the data format writes it (:func:`~gevinst.core.claims.claim.parse_danish`:
a point between thousands, a decimal comma), its written decimals its precision; the phrase
quotes the text as printed. An English "£1,150,000" is written "1.150.000" in unit "kr." (the
currency itself: the format's name for it), "£1.2m" "1,2" in "mio. kr.", "three years" "3"
in "år":

>>> ENGLISH.to_format("1,150,000"), ENGLISH.to_format("1.2"), DANISH.to_format("1.9")
('1.150.000', '1,2', '1,9')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from gevinst.core.claims.claim import (
    HALF_WORDS,
    MONEY,
    NUMBER_WORDS,
    ClaimUnit,
    Qualifier,
    read_figure,
)
from gevinst.core.template import Printing


@dataclass(frozen=True)
class ClaimReading:
    """A language's patterns for the finder (:mod:`gevinst.core.claims.finder`).

    ``number``: a number as the language writes it; ``currency``: a currency sign written
    before a figure (a figure with one and no unit is money in the currency itself);
    ``units`` and ``qualifiers``: each with its pattern, the first that matches wins;
    ``number_words``: numbers in words and their value (``half_words``: a half);
    ``words_as_written``: whether a number in words is kept as the word (Danish, as the seed's
    claims are written) or as its digits; ``fte_after``: an FTE named after a word ("3,5
    administrative ÅV"); ``of``: the word of a count of a part ("37 af ...") and ``of_what``
    the part's name after it; ``onward``: a
    clause of the permanent effect; ``names``: words after which a number names a place;
    ``date``: what after a number makes it a day of a month; ``not_nouns``: words after a
    number that are not what it counts; ``range_word``: a range's word ("til", "to");
    ``under_one``: the words before a number in words that make it no count ("under ét")."""

    language: str
    number: str
    currency: str
    units: tuple[tuple[ClaimUnit, str], ...]
    qualifiers: tuple[tuple[Qualifier, str], ...]
    number_words: dict[str, int]
    half_words: frozenset[str]
    words_as_written: bool
    fte_after: str
    of: str
    of_what: str
    onward: str
    names: str
    date: str
    not_nouns: frozenset[str]
    range_word: str
    under_one: str

    def to_format(self, number: str) -> str:
        """A number as the data format writes it (Danish notation: its precision kept)."""
        if self.language == "da":
            # an English decimal point in a Danish text ("1.9") is the comma it stands for
            return number.replace(".", ",") if re.fullmatch(r"-?\d+\.\d{1,2}", number) else number
        return number.translate(str.maketrans(",.", ".,"))

    def word_written(self, word: str) -> str:
        """A number in words as a claim writes it: the word itself (Danish) or its figure
        ("three" as "3", "a half" as "1/2")."""
        if self.words_as_written:
            return word
        lowered = word.lower()
        if lowered in self.half_words:
            return "1/2"
        return str(self.number_words[lowered])

    def word_value(self, word: str) -> Decimal:
        lowered = word.lower()
        return Decimal("0.5") if lowered in self.half_words else Decimal(self.number_words[lowered])


_DA_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

# a count's noun that is not a thing counted
_DA_NOT_NOUNS = frozenset({
    "og", "eller", "til", "af", "i", "på", "for", "med", "fra", "er", "var", "som", "der", "at",
    "en", "et", "de", "om", "ved", "p", "pr", "mod", "samt", "jf", "heraf", "ikke", "kan", "skal",
    "vil", "blev", "bliver", "har", "ud", "over", "under", "efter", "inden",
})  # fmt: skip
_EN_NOT_NOUNS = frozenset({
    "and", "or", "to", "of", "in", "on", "for", "with", "from", "is", "are", "was", "were", "as",
    "that", "the", "a", "an", "at", "by", "per", "against", "than", "be", "will", "can", "could",
    "would", "should", "has", "have", "had", "not", "it", "its", "this", "these", "those", "over",
    "under", "after", "before", "into", "each", "more", "less", "thirds", "quarters",
})  # fmt: skip
_EN_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip

DANISH = ClaimReading(
    language="da",
    # a point before one or two digits is a decimal point typed in English ("ca. 1.9 mio.
    # kr."): read as the decimal comma it stands for; before three it separates thousands
    number=r"-?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?)",
    currency="",
    units=(
        (ClaimUnit.MIA_KR, r"mia\.?\s?kr\.?"),
        (ClaimUnit.MIO_KR, r"mio\.?\s?kr\.?|mio\.|millioner\s+kr(?:oner|\.)?"),
        (ClaimUnit.TKR, r"t\.\s?kr\.?|tkr\.?|1\.000\s?kr\."),
        (ClaimUnit.KR, r"kr\.|kroner|kr\b"),
        (ClaimUnit.PERCENT, r"%|pct\.?|procent\b"),
        (ClaimUnit.FTE, r"\w*årsværk\w*|ÅV\b|ÅÅ\b|fuldtidsstillinger?\b"),
        (ClaimUnit.HOURS, r"timer\b|time\b"),
        (ClaimUnit.MINUTES, r"minutter\b|min\."),
        (ClaimUnit.MONTHS, r"måneder\b|måned\b|mdr\.?"),
        (ClaimUnit.YEARS, r"år\b"),
    ),
    qualifiers=(
        (Qualifier.ABOUT, r"ca\.|cirka|omkring|omtrent|anslået|godt|knap|næsten|i gns\."),
        # "dækker over 39 matrikler" is "covers 39", not "more than 39"
        (Qualifier.AT_LEAST, r"mindst|(?<!dækker )over|mere end|minimum"),
        (Qualifier.AT_MOST, r"højst|under|op til|op imod|mindre end|maksimalt|maks\."),
    ),
    number_words=NUMBER_WORDS,
    half_words=HALF_WORDS,
    words_as_written=True,
    fte_after=r"\s+(?:[a-zæøå]+\s+)?(?:ÅV|årsværk)\b",
    of="af",
    of_what=r"\s+[a-zæøå][\w-]*",
    onward=r"fra\s+(?:budget\s+)?((?:19|20|21)\d\d)\s+og\s+frem|varig|årligt",
    names=r"(?:afsnit|tabel|bilag|figur|kapitel|nr\.|pkt\.|punkt|SKI|hovedkonto|hovedfunktion|"
    r"side|fase|spor|trin|gruppe|kategori|klasse|version|kvartal|effektivisering|OFS|SO|ad)\s*$",
    date=rf"\\?\.\s*(?:{_DA_MONTHS})",
    not_nouns=_DA_NOT_NOUNS,
    range_word="til",
    under_one="under ",
)

ENGLISH = ClaimReading(
    language="en",
    number=r"-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)",
    currency=r"£|€|\$",
    units=(
        (ClaimUnit.MIA_KR, r"bn\b|billion\b"),
        (ClaimUnit.MIO_KR, r"m\b|mn\b|million\b"),
        (ClaimUnit.TKR, r"k\b|thousand\b|\(?£000s?\)?"),
        (ClaimUnit.KR, r"pounds\b|pound\b|GBP\b"),
        (ClaimUnit.PERCENT, r"%|per\s?cent\b|percent\b"),
        (ClaimUnit.FTE, r"FTEs?\b|full-time equivalents?\b"),
        (ClaimUnit.HOURS, r"hours\b|hour\b|hrs\b"),
        (ClaimUnit.MINUTES, r"minutes\b|minute\b|mins\b"),
        (ClaimUnit.MONTHS, r"months\b|month\b"),
        (ClaimUnit.YEARS, r"years\b|year\b"),
    ),
    qualifiers=(
        (Qualifier.ABOUT, r"about|approximately|approx\.|around|roughly|some|nearly|almost|c\."),
        (Qualifier.AT_LEAST, r"at least|more than|over|in excess of|a minimum of"),
        (Qualifier.AT_MOST, r"at most|up to|under|less than|no more than|a maximum of"),
    ),
    number_words=_EN_NUMBER_WORDS,
    half_words=frozenset({"a half", "half"}),
    words_as_written=False,
    fte_after=r"\s+(?:[a-z]+\s+)?(?:FTEs?)\b",
    of="of",
    of_what=r"\s+(?:the\s+|all\s+|its\s+|their\s+)?[a-z][\w-]*",
    # "£477,000 a year from 2026/27", "by 2027/28": the permanent effect, from that year
    onward=r"from\s+((?:19|20|21)\d\d)|by\s+((?:19|20|21)\d\d)|a year\b|per year|per annum|"
    r"each year|annually|ongoing|recurring",
    names=r"(?:section|table|appendix|annex|figure|chapter|no\.|paragraph|page|phase|step|"
    r"stage|group|grade|band|version|quarter|option|item|tier|point)\s*$",
    date=rf"\s+(?:{_EN_MONTHS})\b",
    not_nouns=_EN_NOT_NOUNS,
    range_word="to",
    under_one="under ",
)

READINGS = {r.language: r for r in (DANISH, ENGLISH)}


def reading(language: str) -> ClaimReading:
    """The patterns of a profile's language (Danish for one gevinst does not read)."""
    return READINGS.get(language, DANISH)


_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}
# a claim's unit as a message of each language names it; English money by the currency's
# sign ("{c}"), "£1.2m" rather than Danish's "1,2 mio. kr."
_UNIT_WORDS: dict[str, dict[ClaimUnit, str]] = {
    "da": {u: u.value for u in ClaimUnit},
    "en": {
        ClaimUnit.KR: "{c}",
        ClaimUnit.TKR: "{c}k",
        ClaimUnit.MIO_KR: "{c}m",
        ClaimUnit.MIA_KR: "{c}bn",
        ClaimUnit.PERCENT: "%",
        ClaimUnit.FTE: "FTE",
        ClaimUnit.HOURS: "hours",
        ClaimUnit.MINUTES: "minutes",
        ClaimUnit.MONTHS: "months",
        ClaimUnit.YEARS: "years",
        ClaimUnit.COUNT: "count",
        ClaimUnit.RATIO: "ratio",
        ClaimUnit.FRACTION: "fraction",
    },
}


# a qualifier as each language words it ("ca." / "about")
QUALIFIER_WORDS: dict[str, dict[Qualifier, str]] = {
    "da": {q: q.value for q in Qualifier},
    "en": {
        Qualifier.EXACT: "",
        Qualifier.ABOUT: "about",
        Qualifier.AT_LEAST: "at least",
        Qualifier.AT_MOST: "at most",
    },
}


def unit_word(unit: ClaimUnit, language: str, currency: str = "DKK") -> str:
    """A claim's unit in a message of ``language``: "mio. kr.", "årsværk"; "£m", "FTE".

    >>> unit_word(ClaimUnit.MIO_KR, "en", "GBP"), unit_word(ClaimUnit.FTE, "da")
    ('£m', 'årsværk')
    """
    words = _UNIT_WORDS.get(language, _UNIT_WORDS["da"])[unit]
    return words.format(c=_SIGNS.get(currency, f"{currency} "))


def money_written(figure: str, unit: ClaimUnit, currency: str) -> str:
    """An English amount as a text writes it, the sign before, the size after: "£1.2m".

    >>> money_written("1.2", ClaimUnit.MIO_KR, "GBP"), money_written("175,000", ClaimUnit.KR, "GBP")
    ('£1.2m', '£175,000')
    """
    sign = _SIGNS.get(currency, f"{currency} ")
    return f"{sign}{figure}{unit_word(unit, 'en', currency).removeprefix(sign)}"


def figure_words(written: tuple[str, ...], unit: ClaimUnit, pr: Printing) -> str:
    """A claim's figures and unit as ``pr``'s language says them: in Danish as the claim
    holds them ("1,15 mio. kr.", "14 antal"), in English in its number format, money with
    the currency's sign and size ("£1.15m", "14 FTE"); a count is its number alone in
    English, a range's figures joined by " - ".

    >>> from gevinst.core.money import Money, Periods
    >>> from gevinst.core.template import ENGLISH
    >>> en = Printing(ENGLISH, Money("GBP", 1, 0, "£"), Periods(4))
    >>> figure_words(("1,15",), ClaimUnit.MIO_KR, en), figure_words(("14",), ClaimUnit.FTE, en)
    ('£1.15m', '14 FTE')
    """
    if pr.language == "da":
        return f"{' - '.join(written)} {unit.value}"
    figures = [w if "/" in w else pr.plain(read_figure(w)) for w in written]
    if unit in MONEY:
        return " - ".join(money_written(f, unit, pr.money.currency) for f in figures)
    if unit is ClaimUnit.COUNT:
        return " - ".join(figures)
    return f"{' - '.join(figures)} {unit_word(unit, pr.language, pr.money.currency)}"
