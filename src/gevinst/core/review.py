# SPDX-License-Identifier: MPL-2.0
"""A proposal's review: its consultations (:mod:`gevinst.core.consultation`) and its comments
(:mod:`gevinst.core.comments`) as one log of records, each written once and kept beside the
proposal's documents by every store. An answer names its request by the request's number
among the proposal's requests, a reply and a resolution their thread by its number among the
proposal's threads, each from 1 in the order made."""

from __future__ import annotations

from gevinst.core.comments import Comment, Resolution
from gevinst.core.consultation import Answer, Request

ReviewRecord = Request | Answer | Comment | Resolution
