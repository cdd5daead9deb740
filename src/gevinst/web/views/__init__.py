# SPDX-License-Identifier: MPL-2.0
"""The pages: each reads its request, asks the store, the services and the core, and
renders a template; no view holds a rule or a use case."""
