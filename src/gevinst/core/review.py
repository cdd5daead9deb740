# SPDX-License-Identifier: MPL-2.0
"""A proposal's review: its consultations (:mod:`gevinst.core.consultation`) and its comments
(:mod:`gevinst.core.comments`) as one log of records, each written once and kept beside the
proposal's documents by every store. A record is named by its place in the log, from 1: an
answer names its request, a reply and a resolution the thread's first comment."""

from __future__ import annotations

from gevinst.core.comments import Comment, Resolution
from gevinst.core.consultation import Answer, Request

ReviewRecord = Request | Answer | Comment | Resolution
