"""Analyses already made, by what they were made from, in this process.

One analysis of a long CV against a long offer takes 0.1-0.35 s of CPU (reading the offer's
requirements dominates), and the same pairs come back all the time: the generation page renders
every finished offer again on each live update, the offers list scores every offer. The key is
a digest of the inputs themselves (not row ids or timestamps), so an edit of the CV, of an
achievement attached to it, of the offer or the last render is a new key and never serves a
stale analysis. Misses run in a worker thread so
the event loop keeps serving other requests meanwhile.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import asdict
from functools import partial
from threading import Lock
from typing import Any

from anyio import to_thread

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.model import MatchAnalysis

MAX_ENTRIES = 512  # a few KB each: a few MB at most


def evidence_json(cv: CvContent) -> dict[str, Any]:
    """The achievements attached to the CV's experiences (kept out of ``to_json``): an
    achievement added, edited or removed is a new key too."""
    return {exp.id: [e.model_dump() for e in exp.evidence] for exp in cv.experience if exp.evidence}


def input_key(
    source: CvContent,
    offer: OfferText,
    tailored: CvContent | None,
    hidden: Collection[str],
    document: str = "",
) -> str:
    payload = [
        source.to_json(),
        evidence_json(source),
        asdict(offer),
        tailored.to_json() if tailored is not None else None,
        sorted(hidden),
        hashlib.sha256(document.encode()).hexdigest(),
    ]
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class AnalysisCache:
    """A small LRU of analyses. They are shared between requests: readers never mutate them."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[str, MatchAnalysis] = OrderedDict()
        self._lock = Lock()  # misses are stored from worker threads

    def get(self, key: str) -> MatchAnalysis | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: str, analysis: MatchAnalysis) -> None:
        with self._lock:
            self._entries[key] = analysis
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

    async def analysis(
        self,
        source: CvContent,
        offer: OfferText,
        tailored: CvContent | None = None,
        hidden: Collection[str] = (),
        document: str = "",
    ) -> MatchAnalysis:
        """``document``: the source's file as plain text (app/domain/matching/document.py)."""
        key = input_key(source, offer, tailored, hidden, document)
        found = self.get(key)
        if found is None:
            found = await to_thread.run_sync(
                partial(analyse, source, offer, tailored, tuple(hidden), document=document)
            )
            self.put(key, found)
        return found


ANALYSES = AnalysisCache()
