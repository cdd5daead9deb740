# SPDX-License-Identifier: MPL-2.0
"""The web application: one shared, versioned workspace in a browser. It stores proposals
as versioned documents (:mod:`gevinst.web.models`, the database store) and calls the
services and the core for every figure, rule and use case; a view only reads a request and
renders a page."""
