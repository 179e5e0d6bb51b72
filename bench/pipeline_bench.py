"""Pipeline benchmarks: critical path vs 4 x L, overhead, prompt-cache share, offer concurrency.

The LLM is the fake OpenAI-compatible server over real HTTP with a fixed latency L per call; the
pipeline runs exactly as in the worker (same Generation class), on a real SQLite file and Redis.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from arq import create_pool
from sqlalchemy import select

from app.config import Settings, build_settings
from app.db.migrate import upgrade
from app.db.models import CvGenerationOffer, CvGenerationSubtask, CvGenerationTask, User
from app.db.session import create_engine, create_session_factory
from app.domain.accounts.services import register
from app.domain.generation.services import GenerationRequest, create_generation
from app.lib.llm import StructuredMode, mode_cache
from app.lib.redis import arq_settings
from app.settings.service import seed_settings, update_setting
from jobs.pipeline.orchestrator import Generation
from tests import factories
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer

MODEL = "gpt-4o-mini"


class _Pool:
    """An arq pool that records instead of enqueueing: the benchmark runs the task itself."""

    def __init__(self, real: Any) -> None:
        self.real = real

    async def enqueue_job(self, *args: Any, **kwargs: Any) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


async def one_run(
    redis_url: str, latency: float, offers: int, concurrency: int
) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        settings: Settings = build_settings(
            {"DATA_DIR": tmp, "REDIS_URL": redis_url, "SECRET_KEY": "bench"}
        )
        settings = replace(settings, database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        await asyncio.to_thread(upgrade, settings.database_url)
        engine = create_engine(settings.database_url)
        sessions = create_session_factory(engine)
        pool = await create_pool(arq_settings(redis_url))
        with FakeOpenAIServer(default_reply=pipeline_llm.honest, latency_ms=latency * 1000) as llm:
            mode_cache.set(llm.base_url, MODEL, StructuredMode.JSON_SCHEMA)
            async with sessions() as s:
                await seed_settings(s, settings)
                await update_setting(s, "llm_base_url", llm.base_url)
                await update_setting(s, "llm_api_key", "bench")
                await update_setting(s, "pipeline_offer_concurrency", str(concurrency))
                user = await register(
                    s, settings, f"bench{time.time_ns()}@example.com", "bench pass"
                )
                user.credit_balance = 1000
                await s.commit()
                source = await factories.source_cv(s, user.id)
                ids = [
                    (
                        await factories.job_offer(s, user.id, title=f"Python Backend Developer {i}")
                    ).id
                    for i in range(offers)
                ]
                loaded = await s.get(User, user.id)
                assert loaded is not None
                task = await create_generation(
                    s,
                    _Pool(pool),
                    settings,
                    loaded,
                    GenerationRequest(source.id, ids),  # type: ignore[arg-type]
                )
            started = time.perf_counter()
            await Generation(
                {"session_factory": sessions, "redis": pool, "settings": settings}, task.id
            ).run()
            total = time.perf_counter() - started
            async with sessions() as s:
                done = await s.get(CvGenerationTask, task.id)
                rows = list(
                    await s.scalars(
                        select(CvGenerationOffer).order_by(CvGenerationOffer.offer_index)
                    )
                )
                subtasks = list(await s.scalars(select(CvGenerationSubtask)))
            assert done is not None and done.status == "completed", done.status if done else None
            created = done.created_at
            first = min(r.completed_at for r in rows if r.completed_at) - created
            prompt = [r for r in llm.chat_requests if pipeline_llm.phase_of(r)]
        await pool.aclose()
        await engine.dispose()
    shares = []
    for st in subtasks:
        if st.type != "classify" and st.prompt_tokens:
            shares.append((st.cached_tokens or 0) / st.prompt_tokens)
    rounds = 4 * latency
    llm_time = rounds * (offers if concurrency == 1 else -(-offers // concurrency))
    return {
        "first_cv_s": first.total_seconds(),
        "first_ratio": first.total_seconds() / rounds,
        "total_s": total,
        "overhead_share": max(0.0, (total - llm_time) / total),
        "cached_share": statistics.mean(shares) if shares else 0.0,
        "prompt_tokens_per_cv": sum(st.prompt_tokens or 0 for st in subtasks) / offers,
        "completion_tokens_per_cv": sum(st.completion_tokens or 0 for st in subtasks) / offers,
        "calls": len(prompt),
    }


async def run(redis_url: str, runs: int = 5, latency: float = 1.0) -> list[str]:
    lines = [
        f"### Pipeline (fake LLM, L = {latency:.2f} s per call, median of {runs} runs)",
        "",
        "| scenario | first CV (s) | first CV / 4L | total (s) | overhead share | cached prefix share | prompt tok/CV | completion tok/CV |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for offers, concurrency in ((1, 1), (3, 1), (3, 2), (3, 3)):
        results = [await one_run(redis_url, latency, offers, concurrency) for _ in range(runs)]

        def med(key: str, rows: list[dict[str, float]] = results) -> float:
            return statistics.median(r[key] for r in rows)

        lines.append(
            f"| {offers} offer(s), concurrency {concurrency} | {med('first_cv_s'):.2f} | {med('first_ratio'):.3f} | "
            f"{med('total_s'):.2f} | {med('overhead_share'):.1%} | {med('cached_share'):.1%} | "
            f"{med('prompt_tokens_per_cv'):.0f} | {med('completion_tokens_per_cv'):.0f} |"
        )
    lines += [
        "",
        "`first CV / 4L`: time from task creation to the first offer's CV saved, over the critical path of",
        "four LLM rounds (classify, parallel batches, skills, summary); target ≤ 1.05 (+ PDF render).",
        "`overhead share`: (total − LLM latency on the critical path) / total; target < 5 %.",
        "`cached prefix share`: per call after an offer's first, prompt tokens the fake server counts as",
        "a prefix shared with an earlier prompt (OpenAI-style cache); target ≥ 70 %.",
    ]
    return lines
