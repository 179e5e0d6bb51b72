"""Discovery beside generations: 20 searches × 3 loopback feeds run on one worker's event loop
while a generation runs; the generation's time with discovery over its time alone.

``python -m bench.discovery_bench [redis_url]``; writes bench/DISCOVERY.md. The generation is
the real pipeline (fake LLM over HTTP, fixed latency L) as in bench/pipeline_bench.py; the
searches are the real run (jobs/discovery/run.py) against the loopback feed server of
tests/integration/test_discovery.py, served from its own thread (the boards are other
machines): each feed lists 5 offers, every page is read (all on 127.0.0.1: one host). The 20 runs are started at once, as a scheduler minute would queue them;
a run that finds the worker's search-run slots taken is re-queued after the ``Retry`` delay it
asks for, as arq does (``via_queue``). The host pause is an argument: 0.05 s (20× the
production rate, the stress case) by default, 1.0 s is production.

``python -m bench.discovery_bench [redis_url] [host_pause_s]``
"""

from __future__ import annotations

import asyncio
import contextlib
import platform
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from arq import Retry, create_pool
from sqlalchemy import func, select

from app.config import build_settings
from app.db.migrate import upgrade
from app.db.models import User
from app.db.models.job_search import FeedSource, InboxItem, SavedSearch
from app.db.session import create_engine, create_session_factory
from app.domain.accounts.services import register
from app.domain.generation.services import GenerationRequest, create_generation
from app.lib.llm import StructuredMode, mode_cache
from app.lib.redis import arq_settings
from app.settings.service import seed_settings, update_setting
from app.task_kinds import register_task_kinds
from bench.pipeline_bench import MODEL, _Pool
from jobs.discovery.politeness import HOST_DELAY_S
from jobs.discovery.run import BUSY_DEFER_S, RUNS_PER_WORKER, run_search
from jobs.pipeline.orchestrator import Generation
from tests import factories
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.integration.test_discovery import FeedServer, add_offers, atom, json_feed, rss

SEARCHES, SOURCES, OFFERS = 20, 3, 5


@contextlib.contextmanager
def feed_server_apart() -> Iterator[FeedServer]:
    """The loopback job boards on their own thread and event loop: real boards are other
    machines, so serving their 360 pages must not be charged to the worker's loop measured here."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    server = FeedServer()
    asyncio.run_coroutine_threadsafe(server.__aenter__(), loop).result(10)
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.__aexit__(None, None, None), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


async def via_queue(ctx: dict[str, Any], search_id: str) -> dict[str, Any]:
    """``run_search`` as the worker runs it: re-queued after the delay a ``Retry`` asks."""
    while True:
        try:
            return await run_search(ctx, search_id)
        except Retry as busy:
            await asyncio.sleep((busy.defer_score or 0) / 1000)


async def one_run(
    redis_url: str, latency: float, discovery: bool, pause: float
) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = build_settings({"DATA_DIR": tmp, "REDIS_URL": redis_url, "SECRET_KEY": "b"})
        settings = replace(settings, database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'b.db'}")
        await asyncio.to_thread(upgrade, settings.database_url)
        engine = create_engine(settings.database_url)
        sessions = create_session_factory(engine)
        pool = await create_pool(arq_settings(redis_url))
        await pool.flushdb()
        with (
            feed_server_apart() as server,
            FakeOpenAIServer(default_reply=pipeline_llm.honest, latency_ms=latency * 1000) as llm,
        ):
            mode_cache.set(llm.base_url, MODEL, StructuredMode.JSON_SCHEMA)
            async with sessions() as s:
                await seed_settings(s, settings)
                await update_setting(s, "llm_base_url", llm.base_url)
                await update_setting(s, "llm_api_key", "bench")
                await update_setting(s, "allow_private_offer_urls", "true")
                user = await register(s, settings, f"b{time.time_ns()}@example.com", "bench pass")
                user.credit_balance = 1000
                await s.commit()
                source = await factories.source_cv(s, user.id)
                offer = await factories.job_offer(s, user.id, title="Python Backend Developer")
                search_ids = []
                for n in range(SEARCHES):
                    search = SavedSearch(user_id=user.id, name=f"s{n}", keywords=["python"])
                    s.add(search)
                    await s.flush()
                    for k, build in enumerate((rss, atom, json_feed)):
                        first = 1 + (n * SOURCES + k) * OFFERS
                        path = f"/feed-{n}-{k}"
                        server.routes[path] = (
                            "application/xml" if k < 2 else "application/feed+json",
                            build(server, add_offers(server, first, OFFERS)),
                            None,
                        )
                        s.add(FeedSource(search_id=search.id, url=f"{server.url}{path}"))
                    search_ids.append(search.id)
                await s.commit()
                loaded = await s.get(User, user.id)
                task = await create_generation(
                    s,
                    _Pool(pool),
                    settings,
                    loaded,
                    GenerationRequest(source.id, [offer.id]),  # type: ignore[arg-type]
                )
            ctx: dict[str, Any] = {
                "session_factory": sessions,
                "redis": pool,
                "settings": settings,
                "discovery_host_delay_s": pause,
            }
            runs = [via_queue(ctx, sid) for sid in search_ids] if discovery else []
            background = asyncio.gather(*runs)
            started = time.perf_counter()
            await Generation(ctx, task.id).run()
            generation = time.perf_counter() - started
            await background
            discovery_s = time.perf_counter() - started
            async with sessions() as s:
                filed = await s.scalar(select(func.count()).select_from(InboxItem))
        await pool.aclose()
        await engine.dispose()
    return {"generation_s": generation, "discovery_s": discovery_s, "items": float(filed or 0)}


async def main(
    redis_url: str, pause: float = HOST_DELAY_S / 20, runs: int = 3, latency: float = 0.5
) -> list[str]:
    register_task_kinds()
    alone = [await one_run(redis_url, latency, False, pause) for _ in range(runs)]
    beside = [await one_run(redis_url, latency, True, pause) for _ in range(runs)]
    a = statistics.median(r["generation_s"] for r in alone)
    b = statistics.median(r["generation_s"] for r in beside)
    d = statistics.median(r["discovery_s"] for r in beside)
    items = statistics.median(r["items"] for r in beside)
    return [
        "# Discovery beside a generation (`python -m bench.discovery_bench`)",
        "",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}; SQLite, real Redis; median of {runs} runs each",
        f"- load: {SEARCHES} searches × {SOURCES} loopback feeds (RSS, Atom, JSON Feed) × {OFFERS} "
        f"offers, every offer page read; host pause {pause:.2f} s (one host; production "
        f"{HOST_DELAY_S:.0f} s); at most {RUNS_PER_WORKER} runs at once, the others re-queued "
        f"after {BUSY_DEFER_S[0]:.0f}–{BUSY_DEFER_S[1]:.0f} s (production values); "
        f"one generation of 1 offer, fake LLM L = {latency:.2f} s per call",
        "",
        "| generation alone (s) | generation beside discovery (s) | delay ratio | discovery wall (s) | items filed |",
        "|---|---|---|---|---|",
        f"| {a:.2f} | {b:.2f} | {b / a:.3f} | {d:.1f} | {items:.0f} |",
        "",
        "`delay ratio`: the generation's time beside the discovery runs over its time alone, on one",
        "event loop (one worker); target ≤ 1.10.",
    ]


if __name__ == "__main__":
    url = sys.argv[1] if len(sys.argv) > 1 else "redis://127.0.0.1:6379/13"
    host_pause = float(sys.argv[2]) if len(sys.argv) > 2 else HOST_DELAY_S / 20
    lines = asyncio.run(main(url, host_pause))
    Path(__file__).with_name("DISCOVERY.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
