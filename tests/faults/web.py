"""The web side of fault scenarios: a uvicorn server that can be stopped and started again on
the same port, and an SSE reader that records what a browser tab would receive."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any

import httpx
import uvicorn

from app.config import Settings
from tests.faults.processes import free_port


class RestartableWeb:
    """The app behind a real socket on a fixed port; ``stop`` closes every open connection
    (SSE streams included) like a killed process would, ``start`` serves again."""

    def __init__(self, settings: Settings, port: int | None = None) -> None:
        self.settings = settings
        self.port = port or free_port()
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> RestartableWeb:
        from app.asgi import create_app

        config = uvicorn.Config(
            create_app(self.settings),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=1,  # open SSE streams are cut, not waited for
        )
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve())
        while not self._server.started:
            if self._task.done():
                self._task.result()
            await asyncio.sleep(0.02)
        return self

    async def stop(self) -> None:
        if self._server is None or self._task is None:
            return
        self._server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(self._task, timeout=15)
        self._server = self._task = None


class EventStream:
    """``GET /api/events`` read in the background: (time, event, data) of each message."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.events: list[tuple[float, str, dict[str, Any]]] = []
        self.ended: BaseException | None = None
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> EventStream:
        self._task = asyncio.create_task(self._read())
        async with asyncio.timeout(10):
            while not self.named("tasks:snapshot"):
                await asyncio.sleep(0.02)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)

    async def _read(self) -> None:
        loop = asyncio.get_running_loop()
        timeout = httpx.Timeout(10, read=None)
        try:
            async with self.http.stream("GET", "/api/events", timeout=timeout) as response:
                name = ""
                async for line in response.aiter_lines():
                    if line.startswith("event:"):
                        name = line.partition(":")[2].strip()
                    elif line.startswith("data:") and name:
                        data = json.loads(line.partition(":")[2])
                        self.events.append((loop.time(), name, data))
                        name = ""
        except (httpx.HTTPError, json.JSONDecodeError) as exc:
            self.ended = exc

    def named(self, name: str, after: float = 0.0) -> list[dict[str, Any]]:
        return [data for at, event, data in self.events if event == name and at > after]
