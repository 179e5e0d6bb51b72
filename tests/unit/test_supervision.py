"""The launcher's restart policy (app/lib/supervision.py): back-off, cap, failure window."""

from __future__ import annotations

from app.lib.supervision import FailureHistory, RestartPolicy


def test_back_off_doubles_up_to_the_cap() -> None:
    history = FailureHistory(RestartPolicy(first_delay=1, max_delay=5, max_failures=10))
    delays = []
    for second in range(6):
        history.record(float(second))
        delays.append(history.delay())
    assert delays == [1, 2, 4, 5, 5, 5]


def test_the_embedded_redis_is_restarted_at_once_the_first_time() -> None:
    history = FailureHistory(RestartPolicy(first_delay=1))
    history.record(0.0)
    assert history.delay(immediate_first=True) == 0
    history.record(1.0)
    assert history.delay(immediate_first=True) == 1


def test_only_deaths_within_the_window_count() -> None:
    history = FailureHistory(RestartPolicy(max_failures=3, window=60))
    for at in (0.0, 10.0):
        history.record(at)
    history.record(100.0)  # the first two are older than the window: forgotten
    assert (history.count, history.exhausted, history.delay()) == (1, False, 1)
    history.record(110.0)
    history.record(120.0)
    assert history.exhausted
