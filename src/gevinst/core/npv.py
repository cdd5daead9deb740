# SPDX-License-Identifier: MPL-2.0
"""Net present value (nutidsværdi): an additional view of a proposal beside its payback.

The convention, proved by the worked examples in ``tests/core/test_npv.py``:

- **Year 0** is the first year of the proposal's table (2024 for BC01); its flow is not
  discounted. The flow of year ``t`` (the calendar year ``first_year + t``) is divided by
  ``(1 + r) ** t``: flows are taken to fall at the end of each year, counted from year 0.
- **The horizon** is the last year counted, as an index: the default 35 counts years 0 to 35
  inclusive, 36 flows, the span for which Finansministeriet's real rate of 3,5 % applies
  ("3,5 pct. for år 0-35"). The rate is the same for every year of the horizon; a longer
  horizon does not switch to the state's lower rates after year 35.
- **Beyond the table** every year to the horizon has the permanent change of the table's
  last year (``carry``), and implementation costs end with the table: the same assumption
  as the payback rule in :mod:`gevinst.core.calc`. Years of the flows after the horizon
  are not counted.
- **The rate** is the profile's dated shared assumption ``diskonteringsrente`` as of the day
  the proposal's assumptions are read (1 January of its price level), unless one is given.
  It is discounted as a constant schedule of :mod:`gevinst.core.appraisal.discount`, the one
  place gevinst discounts (an appraisal's stepped schedules are discounted there too).
- **The sign** follows the tables: savings negative, costs positive, so a *negative* net
  present value is a net gain.

Worked example: flows 100 in year 0 and -110 in year 1 at 10 % give 100 - 110 / 1,1 = 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.appraisal.discount import RateSchedule, present_value
from gevinst.core.errors import InputError
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile
from gevinst.core.series import ZERO, Series
from gevinst.core.whatif import assumption_value

HORIZON = 35
DISCOUNT_RATE = "diskonteringsrente"


def npv(
    flows: Series,
    rate: Decimal,
    first_year: int,
    horizon: int = HORIZON,
    carry: Decimal = ZERO,
    last: int | None = None,
) -> Decimal:
    """The present value in ``first_year`` of ``flows`` over years 0 to ``horizon``,
    each year beyond ``last`` (the table's last year; by default the last year of
    ``flows``) carrying ``carry`` (see the module's convention). Unrounded."""
    schedule = RateSchedule.constant(rate)
    if horizon < 0:
        raise InputError(f"horisonten skal være 0 år eller mere, ikke {horizon}")
    if last is None:
        last = max(flows, default=first_year - 1)
    years = [calc.carried(flows, last, carry, first_year + t) for t in range(horizon + 1)]
    return present_value(years, schedule)


@dataclass(frozen=True)
class PresentValue:
    value: Decimal  # unrounded, 1.000 kr. at the proposal's price level
    rate: Decimal
    first_year: int  # year 0
    last_year: int  # year ``horizon``
    source: str  # where the rate comes from, Danish


def net_present_value(
    p: Proposal, profile: Profile, rate: Decimal | None = None, horizon: int = HORIZON
) -> PresentValue:
    """The net present value of "Samlet økonomisk påvirkning" (totaløkonomi: every
    permanent change and every implementation cost, borrowed capital whose financing cost
    the permanent lines hold counted once, by that cost: ``calc.counted_implementation``),
    carrying the varig virkning beyond the table."""
    if rate is None:
        if DISCOUNT_RATE not in profile.assumptions:
            raise InputError(f"profilen har ingen antagelse {DISCOUNT_RATE!r}; angiv en rente")
        day = p.assumptions_date
        rate = assumption_value(profile, DISCOUNT_RATE, day)
        a = profile.assumptions[DISCOUNT_RATE]
        source = f"{a.label}: {a.period(day).reference or a.source}"
    else:
        source = "angivet i beregningen"
    first = p.years[0]
    flows = calc.permanent(p) + calc.counted_implementation(p)  # capital counted once
    value = npv(flows, rate, first, horizon, calc.steady_state(p), p.years[-1])
    return PresentValue(value, rate, first, first + horizon, source)
