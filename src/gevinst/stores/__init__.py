# SPDX-License-Identifier: MPL-2.0
"""Where catalogs and proposal documents are kept, behind one port (:class:`base.Store`):
a folder of YAML files (:mod:`.folder`), memory (:mod:`.memory`, for tests and as the model
of the web application's database store)."""
