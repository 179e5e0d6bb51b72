"""Match analyses on the pages and in the API: a CV against an offer, a tailored CV against
its offer (the analysis itself: ``app/lib/matching/``)."""
