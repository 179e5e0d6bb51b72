"""Run (CV, offer) pairs of the corpus through the worker's generation with the LLM engine.

Each pair is its own one-offer generation task, created as the API creates it
(``create_generation``) and run by the worker's own ``Generation`` class against a real SQLite
file and Redis, the LLM endpoint set through the admin settings. What the pipeline stored (the
tailored CV, its ``generation_meta``, the subtask rows) is dumped as JSON so the figures
(bench/llm_eval_metrics.py) can be recomputed without running the model again.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from arq import create_pool
from sqlalchemy import inspect, select

from app.config import Settings, build_settings
from app.db.migrate import upgrade
from app.db.models import (
    CvFile,
    CvGenerationOffer,
    CvGenerationSubtask,
    CvGenerationTask,
    JobOffer,
    User,
)
from app.db.session import create_engine, create_session_factory
from app.domain.accounts.services import register
from app.domain.generation.services import GenerationRequest, create_generation
from app.lib.redis import arq_settings
from app.settings.service import seed_settings, update_setting
from app.task_kinds import register_task_kinds
from bench.pipeline_bench import _Pool
from bench.tailor_pairs import Offer, SourceCv, load_cv, load_offer
from jobs.pipeline.orchestrator import Generation

EVAL_BUDGET_S = 3600  # per offer: six times the product's, for a loaded 2-core CPU
# Subtask columns every dump carries; any other column (e.g. schema-repair counts) is added too.
SUBTASK_FIELDS = ("type", "item_index", "status", "duration_ms", "retry_count", "error")


async def _set_if_known(session: Any, name: str, value: str) -> bool:
    """Admin settings this tree may not have yet (e.g. a per-endpoint call limit) are skipped."""
    try:
        await update_setting(session, name, value)
    except Exception:
        return False
    return True


def _subtask_row(row: CvGenerationSubtask) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in inspect(CvGenerationSubtask).columns:
        value = getattr(row, column.key)
        if column.key in SUBTASK_FIELDS or (isinstance(value, int) and not isinstance(value, bool)):
            out[column.key] = value
    out["guard"] = (row.result or {}).get("guard") or {}
    return out


class LlmEvalRun:
    """One scratch database + user; ``pair`` runs one (offer, CV) generation and returns its dump."""

    def __init__(self, base_url: str, redis_url: str, model: str, timeout_s: float) -> None:
        self.base_url = base_url
        self.redis_url = redis_url
        self.model = model
        self.timeout_s = timeout_s
        self.settings_extra: dict[str, bool] = {}

    async def __aenter__(self) -> LlmEvalRun:
        register_task_kinds()  # as the web app and the worker do at start-up
        self._tmp = tempfile.TemporaryDirectory(prefix="cvt-llm-eval-")
        tmp = Path(self._tmp.name)
        settings: Settings = build_settings(
            {
                "DATA_DIR": str(tmp),
                "REDIS_URL": self.redis_url,
                "SECRET_KEY": "llm-eval",
                "CVTAILOR_LLM_TIMEOUT_SECONDS": str(self.timeout_s),
                # The eval measures what the model writes: a CPU loaded by other work must not
                # fail an offer on the product's time budget (600 s), only make it slower.
                "CVTAILOR_GENERATION_BUDGET_SECONDS_PER_OFFER": str(EVAL_BUDGET_S),
            }
        )
        self.settings = replace(settings, database_url=f"sqlite+aiosqlite:///{tmp / 'eval.db'}")
        await asyncio.to_thread(upgrade, self.settings.database_url)
        self.engine = create_engine(self.settings.database_url)
        self.sessions = create_session_factory(self.engine)
        self.pool = await create_pool(arq_settings(self.redis_url))
        async with self.sessions() as s:
            await seed_settings(s, self.settings)
            await update_setting(s, "llm_base_url", self.base_url)
            await update_setting(s, "llm_api_key", "local")
            # One retry, as a user's generation would (it re-runs only the failed calls); the
            # retried calls are listed in the report, so a retry is never hidden.
            await update_setting(s, "max_retries", "1")
            for phase in (
                "model_cv_classify",
                "model_cv_batch_experience",
                "model_cv_batch_projects",
                "model_cv_batch_extras",
                "model_cv_batch_skills",
                "model_cv_batch_summary",
            ):
                await update_setting(s, phase, self.model)
            # One slot on the local server: calls wait their turn instead of timing out.
            self.settings_extra["llm_max_concurrency"] = await _set_if_known(
                s, "llm_max_concurrency", "1"
            )
            user = await register(s, self.settings, "llm-eval@example.com", "llm eval pass")
            user.credit_balance = 1000
            await s.commit()
            self.user_id = user.id
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.pool.aclose()
        await self.engine.dispose()
        self._tmp.cleanup()

    async def _rows(self, source: SourceCv, offer: Offer) -> tuple[str, str]:
        brief = offer.brief
        async with self.sessions() as s:
            cv = CvFile(
                user_id=self.user_id,
                kind="source",
                filename=f"{source.stem}.json",
                content=source.content.to_json(),
                extraction_status="completed",
                language=source.language,
            )
            job = JobOffer(
                user_id=self.user_id,
                title=brief.title,
                company=brief.company,
                location=brief.location,
                language=brief.language,
                description=brief.description,
                requirements=brief.requirements,
                responsibilities=brief.responsibilities,
                skills=brief.skills,
                languages=brief.languages,
                extraction_status="completed",
            )
            s.add_all([cv, job])
            await s.commit()
            return cv.id, job.id

    async def pair(self, offer: Offer, source: SourceCv, why: str) -> dict[str, Any]:
        cv_id, job_id = await self._rows(source, offer)
        async with self.sessions() as s:
            user = await s.get(User, self.user_id)
            assert user is not None
            task = await create_generation(
                s,
                _Pool(self.pool),  # type: ignore[arg-type]
                self.settings,
                user,
                GenerationRequest(cv_id, [job_id]),
            )
        ctx = {"session_factory": self.sessions, "redis": self.pool, "settings": self.settings}
        started = time.perf_counter()
        await Generation(ctx, task.id).run()
        seconds = time.perf_counter() - started
        async with self.sessions() as s:
            done = await s.get(CvGenerationTask, task.id)
            row = await s.scalar(
                select(CvGenerationOffer).where(CvGenerationOffer.task_id == task.id)
            )
            subtasks = list(
                await s.scalars(
                    select(CvGenerationSubtask)
                    .where(CvGenerationSubtask.task_id == task.id)
                    .order_by(CvGenerationSubtask.created_at)
                )
            )
            generated = (
                await s.get(CvFile, row.generated_cv_file_id)
                if row is not None and row.generated_cv_file_id
                else None
            )
        assert done is not None
        return {
            "offer": offer.stem,
            "cv": source.stem,
            "why": why,
            "offer_language": offer.language,
            "source_language": source.language,
            "status": row.status if row is not None else done.status,
            "error": (row.error if row is not None else None) or done.error,
            "seconds": seconds,
            "offer_text": offer.brief.description,
            "source": source.content.to_json(),
            "tailored": generated.content if generated is not None else None,
            "tailored_language": generated.language if generated is not None else None,
            "meta": generated.generation_meta if generated is not None else {},
            "subtasks": [_subtask_row(st) for st in subtasks],
        }


def stopped(offer: Offer, source: SourceCv, why: str, seconds: float) -> dict[str, Any]:
    """The dump of a pair the deadline cut short: no CV, counted as such in the report."""
    return {
        "offer": offer.stem,
        "cv": source.stem,
        "why": why,
        "offer_language": offer.language,
        "source_language": source.language,
        "status": "stopped",
        "error": f"stopped by the deadline after {seconds:.0f} s",
        "seconds": seconds,
        "offer_text": offer.brief.description,
        "source": source.content.to_json(),
        "tailored": None,
        "tailored_language": None,
        "meta": {},
        "subtasks": [],
    }


async def run_pairs(
    pairs: list[tuple[str, str, str]],
    corpus: Path,
    base_url: str,
    redis_url: str,
    model: str,
    timeout_s: float,
    dump: Path,
    measured: str,
    deadline: float | None = None,
) -> list[dict[str, Any]]:
    """Run ``pairs`` in order, rewriting ``dump`` after each (``measured``: which tree); pairs not started by ``deadline``
    (a ``time.time()``) are skipped, and the one running then is stopped."""
    results: list[dict[str, Any]] = []
    started = time.perf_counter()
    async with LlmEvalRun(base_url, redis_url, model, timeout_s) as run:
        for offer_stem, cv_stem, why in pairs:
            if deadline is not None and time.time() > deadline:
                print(f"  {offer_stem} × {cv_stem}: skipped (deadline)", flush=True)
                continue
            offer, source = load_offer(corpus, offer_stem), load_cv(corpus, cv_stem)
            budget = None if deadline is None else max(1.0, deadline - time.time())
            try:
                results.append(await asyncio.wait_for(run.pair(offer, source, why), budget))
            except TimeoutError:
                results.append(stopped(offer, source, why, budget or 0.0))
            print(
                f"  {offer_stem} × {cv_stem}: {results[-1]['status']} "
                f"in {results[-1]['seconds']:.0f} s",
                flush=True,
            )
            dump.parent.mkdir(parents=True, exist_ok=True)
            whole = {
                "measured": measured,
                "elapsed": time.perf_counter() - started,
                "pairs": results,
            }
            dump.write_text(json.dumps(whole, ensure_ascii=False, indent=1), encoding="utf-8")
    return results
