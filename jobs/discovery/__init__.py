"""The job inbox's discovery in the worker: the scheduler (scheduler.py), a search's run
(run.py), the fetches under per-host politeness (politeness.py, fetching.py) and the
bookmarklet's page fetch (page_fetch.py)."""
