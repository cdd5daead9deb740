# SPDX-License-Identifier: MPL-2.0
"""The data format (docs/format.md) in both directions: YAML and JSON documents read into the
core's objects with every problem named, and the core's objects written back; and the Excel
workbook's layout (:mod:`gevinst.format.workbook`), which its writer and its import share."""
