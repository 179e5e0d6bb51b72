"""The users of the load benchmark (HTTP clients) and the page-latency probe.

Requests go round-robin over the web processes, as a load balancer would; sessions live in
Redis and cookies are per host (not per port), so any web process serves any user.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests import factories

PASSWORD = "load bench password"
PROBE_PAUSE_SECONDS = 0.05  # a browsing user, not a load generator


class RoundRobin:
    def __init__(self, bases: list[str]) -> None:
        self._next = itertools.cycle(bases)
        self._lock = threading.Lock()  # the probe thread shares it

    def url(self, path: str) -> str:
        with self._lock:
            return f"{next(self._next)}{path}"


@dataclass
class User:
    index: int
    email: str
    client: httpx.AsyncClient
    user_id: str = ""
    source_id: str = ""
    offer_ids: list[str] = field(default_factory=list)
    task_id: str = ""
    launch_ms: float = 0.0
    completed_at: float | None = None  # when its SSE stream carried the completion event
    event_names: list[str] = field(default_factory=list)
    stream_task: asyncio.Task[None] | None = None

    async def post(self, rr: RoundRobin, path: str, body: dict[str, Any]) -> httpx.Response:
        headers = {"x-csrftoken": self.client.cookies.get("csrftoken") or ""}
        return await self.client.post(rr.url(path), json=body, headers=headers)


async def register(rr: RoundRobin, index: int, tag: str) -> User:
    user = User(index, f"load{index}-{tag}@bench.example", httpx.AsyncClient(timeout=120))
    await user.client.get(rr.url("/health"))  # the CSRF cookie
    answer = await user.post(rr, "/api/auth/register", {"email": user.email, "password": PASSWORD})
    answer.raise_for_status()
    user.user_id = answer.json()["id"]
    return user


async def add_cv_and_offers(
    sessions: async_sessionmaker[AsyncSession], user: User, offers: int
) -> None:
    """Distinct content per user: identical CVs would hit the render cache after the first."""
    content = copy.deepcopy(factories.EN_CV)
    content["header"]["name"] = f"Alex Martin {user.index}"
    async with sessions() as db:
        user.source_id = (await factories.source_cv(db, user.user_id, content)).id
        for n in range(offers):
            title = f"Python Backend Developer {user.index}.{n}"
            user.offer_ids.append((await factories.job_offer(db, user.user_id, title=title)).id)


async def launch(rr: RoundRobin, user: User) -> None:
    started = time.perf_counter()
    answer = await user.post(
        rr, "/api/cv/generate-v2", {"sourceCvFile": user.source_id, "jobOfferIds": user.offer_ids}
    )
    user.launch_ms = (time.perf_counter() - started) * 1000
    if answer.status_code != 200:
        raise RuntimeError(f"launch for {user.email}: {answer.status_code} {answer.text[:300]}")
    user.task_id = answer.json()["taskId"]


async def open_event_stream(rr: RoundRobin, user: User) -> None:
    """The user's SSE stream, as an open page keeps it; notes when the completion arrives.

    Ready once the snapshot arrived: the server subscribes to the user's channel before it.
    """
    ready = asyncio.Event()

    async def pump() -> None:
        async with user.client.stream("GET", rr.url("/api/events")) as stream:
            event = ""
            async for line in stream.aiter_lines():
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:") and event:
                    user.event_names.append(event)
                    ready.set()
                    if event == "cv_generation_v2:completed" and user.task_id in line:
                        user.completed_at = time.perf_counter()

    user.stream_task = asyncio.create_task(pump())
    await asyncio.wait_for(ready.wait(), 30)


async def close(user: User) -> None:
    if user.stream_task is not None:
        user.stream_task.cancel()
        with contextlib.suppress(BaseException):
            await user.stream_task
    await user.client.aclose()


async def generation_status(rr: RoundRobin, user: User, task_id: str) -> dict[str, Any]:
    answer = await user.client.get(rr.url(f"/api/cv/generate-v2/{task_id}"))
    answer.raise_for_status()
    return dict(answer.json())


async def verify(rr: RoundRobin, user: User) -> list[str]:
    """Problems with the user's generation: not completed, an offer without CV, a bad PDF."""
    status = await generation_status(rr, user, user.task_id)
    problems = []
    if status["task"]["status"] != "completed":
        problems.append(
            f"{user.email}: task {status['task']['status']} ({status['task']['error']})"
        )
    for offer in status["offers"]:
        cv_id = offer["generatedCvFileId"]
        if offer["status"] != "completed" or not cv_id:
            problems.append(f"{user.email}: offer {offer['status']} ({offer['error']})")
            continue
        pdf = await user.client.get(rr.url(f"/api/cvs/{cv_id}/pdf"))
        if pdf.status_code != 200 or not pdf.content.startswith(b"%PDF-"):
            problems.append(f"{user.email}: PDF of {cv_id}: HTTP {pdf.status_code}")
    problems += [
        f"{user.email}: subtask {s['type']} retried {s['retryCount']}x"
        for s in status["subtasks"]
        if s.get("retryCount")
    ]
    return problems


class PageProbe:
    """A separate browser: GETs dashboard, generation page and offers page in a loop, timed.

    Runs in its own thread and event loop so the benchmark's own work (50 SSE streams) does
    not delay its requests and inflate the numbers.
    """

    def __init__(self, rr: RoundRobin, users: list[User]) -> None:
        self.rr = rr
        self.visitors = [(dict(u.client.cookies), u.task_id) for u in users]
        self.samples: list[tuple[str, float, int]] = []  # page, ms, HTTP status (0: error)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)

    async def _main(self) -> None:
        clients = [httpx.AsyncClient(cookies=c, timeout=30) for c, _ in self.visitors]
        try:
            for i in itertools.count():
                if self._stop.is_set():
                    return
                client = clients[i % len(clients)]
                task_id = self.visitors[i % len(clients)][1]
                page = ("/", f"/generations/{task_id}", "/offers")[i % 3]
                started = time.perf_counter()
                try:
                    status = (await client.get(self.rr.url(page))).status_code
                except httpx.HTTPError:
                    status = 0
                self.samples.append((page, (time.perf_counter() - started) * 1000, status))
                await asyncio.sleep(PROBE_PAUSE_SECONDS)
        finally:
            for client in clients:
                await client.aclose()

    def __enter__(self) -> PageProbe:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(60)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]
