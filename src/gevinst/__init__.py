# SPDX-License-Identifier: MPL-2.0
"""gevinst: a municipality's investment and efficiency proposals as checked data."""

__version__ = "0.1.0"
