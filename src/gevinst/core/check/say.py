# SPDX-License-Identifier: MPL-2.0
"""The check's messages in the profile's language (``Profile.language``: "da" or "en").

Each rule family keeps its messages in one small table of its own, a language to a key to
a ``str.format`` text, each message written once per language beside the other; the fields
are filled in by the family with the profile's :class:`~gevinst.core.template.Printing`:
figures in its language's number format ("-1.474", "-1,474"), years as its columns print
them ("2028", "2028/29"), paybacks as Tabel 1 prints them ("4 år (2028)", "4 years
(2028/29)"). The Danish messages are the check's as they always were, word for word.

>>> from decimal import Decimal
>>> from gevinst.core.money import Money, Periods
>>> from gevinst.core.template import ENGLISH
>>> table = {"da": {"x": "{row}, {year}: angivet {s}"}, "en": {"x": "{row}, {year}: stated {s}"}}
>>> pr = printing(None)
>>> say(pr, table, "x", row="Total", year=pr.year(2028), s=pr.plain(Decimal("-1474")))
'Total, 2028: angivet -1.474'
>>> en = Printing(ENGLISH, Money("GBP", 1, 0, "£"), Periods(4))
>>> say(en, table, "x", row="Total", year=en.year(2028), s=en.plain(Decimal("-1474")))
'Total, 2028/29: stated -1,474'
"""

from __future__ import annotations

from collections.abc import Mapping

from gevinst.core.profile import Profile
from gevinst.core.template import Printing, printing

# a rule family's messages: language -> key -> text with ``{field}``s
Messages = Mapping[str, Mapping[str, str]]


def voice(profile: Profile | None) -> Printing:
    """How the check words its messages for ``profile``: Danish, 1.000 kr. and calendar years
    without one (the check's functions that are called without a profile)."""
    return printing(profile)


def say(pr: Printing, messages: Messages, key: str, **fields: object) -> str:
    """The message ``key`` in ``pr``'s language, its fields filled in."""
    return messages[pr.words.language][key].format(**fields)
