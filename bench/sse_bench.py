"""SSE latency: from a worker-side ``publish_event`` to the line arriving at an HTTP client."""

from __future__ import annotations

import asyncio
import socket
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import httpx
import uvicorn
from redis.asyncio import Redis

from app.asgi import create_app
from app.config import build_settings
from app.db.migrate import upgrade
from app.lib.events import publish_event


async def run(redis_url: str, samples: int = 200) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = build_settings({"DATA_DIR": tmp, "REDIS_URL": redis_url, "SECRET_KEY": "bench"})
        settings = replace(settings, database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'sse.db'}")
        await asyncio.to_thread(upgrade, settings.database_url)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(create_app(settings), port=port, log_level="warning")
        )
        serving = asyncio.create_task(server.serve())
        while not server.started:
            await asyncio.sleep(0.02)
        redis = Redis.from_url(redis_url)
        delays: list[float] = []
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            await client.get("/health")
            client.headers["x-csrftoken"] = client.cookies["csrftoken"]
            me = (
                await client.post(
                    "/api/auth/register",
                    json={"email": "sse@bench.example", "password": "bench pass"},
                )
            ).json()
            async with client.stream("GET", "/api/events") as stream:
                lines = stream.aiter_lines()
                while (await anext(lines)) != "":  # the snapshot
                    pass
                for i in range(samples):
                    sent = time.perf_counter()
                    await publish_event(redis, me["id"], "bench:ping", {"i": i})
                    while True:
                        line = await anext(lines)
                        if line.startswith("data:") and f'"i": {i}' in line:
                            delays.append((time.perf_counter() - sent) * 1000)
                            break
        await redis.aclose()
        server.should_exit = True
        await serving
    delays.sort()
    p95 = delays[int(len(delays) * 0.95) - 1]
    return [
        f"### SSE delivery ({samples} events, Redis pub/sub → web → HTTP client)",
        "",
        f"p50 {statistics.median(delays):.1f} ms · p95 {p95:.1f} ms · max {delays[-1]:.1f} ms (target < 100 ms)",
    ]
