# SPDX-License-Identifier: MPL-2.0
"""The ``gevinst`` command: it parses its arguments, calls the services and renders their
results for a terminal; it holds no use case of its own."""
