# SPDX-License-Identifier: MPL-2.0
"""Funding and appraisal of a business case (issue 10, item 4), pure and in Decimal.

One idea a module: :mod:`~.discount` discount-rate schedules and discount factors,
:mod:`~.financing` capital funded by borrowing and its financing cost, :mod:`~.optimism`
optimism bias per kind of project, :mod:`~.risk` the risk pool from three-point estimates,
:mod:`~.case` what a proposal's ``appraisal:`` section holds, :mod:`~.settings` what a
profile's ``appraisal:`` settings hold, :mod:`~.options` the options compared against the
do-nothing baseline, :mod:`~.switching` switching values. The rules, with worked examples,
are in ``docs/calculations.md`` ("Funding and appraisal").
"""
