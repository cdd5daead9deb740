# SPDX-License-Identifier: MPL-2.0
"""The domain and the calculation engine: pure Python, Decimal money, no I/O."""
