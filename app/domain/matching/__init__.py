"""Match analyses on the pages and in the API: a CV against an offer, a tailored CV against
its offer (the analysis itself: ``app/lib/matching/``)."""

from app.domain.matching.api import MatchApi
from app.domain.matching.pages import MatchPages

__all__ = ["MatchApi", "MatchPages"]
