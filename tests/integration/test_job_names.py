"""The jobs the web enqueues are declared once (app/job_names.py): the worker runs a function
under each name and under no other, each task kind's recovery re-queues a declared job, and
``enqueue`` queues nothing under a name not declared."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from arq import create_pool
from arq.constants import default_queue_name

from app.config import Settings
from app.job_names import Job, enqueue
from app.lib.redis import arq_settings
from app.task_kinds import KINDS
from jobs.worker import FUNCTIONS

ROOT = Path(__file__).resolve().parents[2]


def _worker_names() -> set[str]:
    return {getattr(f, "name", None) or f.__name__ for f in FUNCTIONS}


def test_the_worker_runs_every_declared_job_and_no_other() -> None:
    assert _worker_names() == {job.value for job in Job}


def test_every_task_kind_recovers_with_a_job_the_worker_runs() -> None:
    recovered = [kind for kind in KINDS if kind.recovery is not None]
    assert recovered, "no kind declares its recovery: the check below would prove nothing"
    for kind in recovered:
        assert kind.recovery is not None
        assert isinstance(kind.recovery.job, Job), kind.type
        assert kind.recovery.job.value in _worker_names(), kind.type


def test_the_web_enqueues_only_through_the_declared_names() -> None:
    calls = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "app").rglob("*.py")
        if re.search(r"\.enqueue_job\(", path.read_text(encoding="utf-8"))
    }
    assert calls == {"app/job_names.py"}


async def test_an_undeclared_name_is_refused_before_redis(settings: Settings) -> None:
    arq = await create_pool(arq_settings(settings.effective_redis_url))
    try:
        with pytest.raises(ValueError, match="run_cv_generaton"):
            await enqueue(arq, "run_cv_generaton", "task-id", _job_id="typo")  # type: ignore[arg-type]
        assert await arq.zcard(default_queue_name) == 0
        job = await enqueue(arq, Job.PING, "user-id", 0.0, _job_id="declared")
        assert job is not None and await arq.zcard(default_queue_name) == 1
    finally:
        await arq.aclose()
