# SPDX-License-Identifier: MPL-2.0
"""The use cases: each takes a catalog (or a store) and the acting user, raises the project's
own errors, and returns what the command line, the web views and the API render."""
