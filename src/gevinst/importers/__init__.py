# SPDX-License-Identifier: MPL-2.0
"""Catalogs read from other files than a catalog folder: a bundle (one YAML or JSON document)
and an edited Excel workbook applied onto the catalog it came from. Importers depend on the
data format, never on the document writers."""
