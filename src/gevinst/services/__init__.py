# SPDX-License-Identifier: MPL-2.0
"""The use cases, each one function: the only place where gevinst *does* something.

The command line, the web views and the API parse their input, call a service and render
what it returns; none of them reads a file, checks a right or writes a catalog itself, so a
rule about who may do what, or how a save is kept, is written once (Cosmic Python's service
layer, with a store in place of its repository and unit of work).

Each service takes

- a store (:class:`gevinst.stores.base.Store`): where catalogs and proposal documents are
  kept, a folder of YAML files for the command line, the database for the web application,
  memory in the tests, which need neither files nor Django;
- the acting user (:class:`gevinst.core.access.Actor`), whose rights the service asks the
  core's one access rule about before it reads in full or saves;
- the request's own values, already parsed.

It raises only :class:`gevinst.core.errors.GevinstError` for what a user should see (a format
problem, a conflict, a refused right, a name not found); anything else is a programming error.

- :mod:`.check`: the findings of a catalog;
- :mod:`.imports`: a bundle, or a workbook onto its catalog, kept as a new catalog;
- :mod:`.proposals`: read, save a new version from a named one, list and restore versions;
- :mod:`.export`: a catalog rendered as documents and data;
- :mod:`.whatif`: the basis of the figures, and what-if changes of it;
- :mod:`.search`: the proposals of every catalog that hold some words, as the user may see
  them;
- :mod:`.uploads`: a workbook or a proposal's document uploaded as its next version.
- :mod:`.realisation`: gevinstrealisering measured: baselines and measurements (typed, or
  from an operational system's CSV export), realised amounts with evidence and spending, and
  planned against realised per proposal, committee and catalog.
"""
