# SPDX-License-Identifier: MPL-2.0
"""The Excel workbook's layout: which cell holds which input, figure or formula.

The writer (:mod:`gevinst.documents.xlsx`) binds it to XlsxWriter, styles and protection
included; the import (:mod:`gevinst.importers.xlsx`) runs it without a file
(:class:`~gevinst.format.workbook.recorder.Recorder`) to know what every cell of a
workbook should hold and which input each yellow cell is (docs/xlsx-layout.md)."""
