# SPDX-License-Identifier: MPL-2.0
"""What a proposal's words say in figures, checked against its tables (issue 14).

:mod:`~gevinst.core.claims.claim` the claim and its reference, :mod:`~.precision` what a
written figure allows, :mod:`~.finder` figures found in a text, :mod:`~.fields` the texts of
a proposal, :mod:`~.resolve` the figure a reference names, :mod:`~.matcher` what a figure
found may refer to.
"""
