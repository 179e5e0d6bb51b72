"""Admin statistics: per-phase tokens, cached share, latency percentiles and schema-repair
rounds; queue health."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from arq import ArqRedis
from arq.constants import default_queue_name
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvGenerationSubtask, CvGenerationTask
from app.lib.heartbeat import live_workers

RECENT_SUBTASKS = 5000


@dataclass(frozen=True, slots=True)
class PhaseStats:
    phase: str
    calls: int
    prompt_tokens: int
    completion_tokens: int
    cached_share: float
    p50_ms: int
    p95_ms: int
    models: str
    schema_repairs: int  # answers that failed the schema and were asked again


def _percentile(values: list[int], fraction: float) -> int:
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def phase_stats(session: AsyncSession) -> list[PhaseStats]:
    rows = (
        await session.execute(
            select(
                CvGenerationSubtask.type,
                CvGenerationSubtask.prompt_tokens,
                CvGenerationSubtask.completion_tokens,
                CvGenerationSubtask.cached_tokens,
                CvGenerationSubtask.duration_ms,
                CvGenerationSubtask.model_used,
                CvGenerationSubtask.schema_repairs,
            )
            .where(CvGenerationSubtask.status == "completed")
            .order_by(CvGenerationSubtask.created_at.desc())
            .limit(RECENT_SUBTASKS)
        )
    ).all()
    grouped: dict[str, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row.type, []).append(row)
    result = []
    for phase, items in sorted(grouped.items()):
        prompt = sum(i.prompt_tokens or 0 for i in items)
        cached = sum(i.cached_tokens or 0 for i in items)
        durations = [i.duration_ms for i in items if i.duration_ms is not None]
        result.append(
            PhaseStats(
                phase=phase,
                calls=len(items),
                prompt_tokens=prompt,
                completion_tokens=sum(i.completion_tokens or 0 for i in items),
                cached_share=cached / prompt if prompt else 0.0,
                p50_ms=int(statistics.median(durations)) if durations else 0,
                p95_ms=_percentile(durations, 0.95),
                models=", ".join(sorted({i.model_used or "?" for i in items})),
                schema_repairs=sum(i.schema_repairs or 0 for i in items),
            )
        )
    return result


async def queue_health(session: AsyncSession, arq: ArqRedis) -> dict[str, Any]:
    by_status = dict(
        (
            await session.execute(
                select(CvGenerationTask.status, func.count()).group_by(CvGenerationTask.status)
            )
        ).all()
    )
    return {
        "queued_jobs": int(await arq.zcard(default_queue_name)),
        "workers": await live_workers(arq),
        "generations": {k: int(v) for k, v in by_status.items()},
    }
