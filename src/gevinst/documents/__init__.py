# SPDX-License-Identifier: MPL-2.0
"""The documents people read and the files other systems take: PDF, Word, Excel, CSV, FDP and
charts. Each writer renders to bytes or text; where they are written is the caller's choice."""
