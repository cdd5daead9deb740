# SPDX-License-Identifier: MPL-2.0
"""Reading and writing: the proposal data format and the documents made from it."""
