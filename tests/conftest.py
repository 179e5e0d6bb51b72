"""Shared fixtures: real Redis, real SQLite files and PostgreSQL, the app, an arq worker.

Redis: ``TEST_REDIS_URL``, else ``REDIS_URL`` with a database chosen per session, else the
embedded Redis.
PostgreSQL: ``TEST_DATABASE_URL`` (CI sets it); without it the PostgreSQL variants are skipped,
except under ``CI=1`` where a missing PostgreSQL is an error, never a silent skip.

In a parallel run (pytest-xdist, ``make test``) each worker process is a session of its own:
its own Redis database, its own scratch PostgreSQL database, SQLite file and temp dirs.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import re
import shutil
import sqlite3
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher, profiles
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy import make_url
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings, build_settings
from app.db.migrate import upgrade
from app.db.models import Base, Setting
from app.db.models.base import new_id
from app.db.session import create_engine, create_session_factory
from app.lib import security
from app.settings.registry import setting_definitions
from app.task_kinds import register_task_kinds
from tests.fixtures.app_pool import borrowed_app
from tests.fixtures.postgres import create_scratch_database, drop_scratch_database

IN_CI = os.environ.get("CI") == "1"


# Known long tests start first (longest processing time first), so no long test starts last
# and sets the run's tail; the rest keep their order. tests/durations.json is written by
# `python -m bench.test_profile <report> --write-durations tests/durations.json`; a test it
# does not list counts as short. Only the order depends on it, never a result.
DURATIONS = Path(__file__).with_name("durations.json")
SQLITE_BUSY_SECONDS = 15  # as the app's busy_timeout (app/db/session.py)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    known: dict[str, float] = json.loads(DURATIONS.read_text()) if DURATIONS.exists() else {}
    items.sort(key=lambda item: -known.get(item.nodeid, 0.0))  # stable: ties keep their order


# Everything imported by now (the app, its word lists and gazetteer, every test module) lives
# as long as the process: frozen out of the collector, it is no longer walked by each full
# collection, which the objects every test makes and drops set off again and again (about a
# third of an app's creation time went to those walks; bench/TESTS.md).
def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()


# Web servers the tests start as subprocesses (fault tests, the launcher, the load-bench smoke)
# inherit this environment: every one signs up from 127.0.0.1 into the one test Redis, whose
# per-IP counters outlive a test. tests/security/test_sign_in_limits.py tests the limits.
os.environ.setdefault("CVTAILOR_REGISTER_MAX_PER_IP", "100000")
os.environ.setdefault("CVTAILOR_LOGIN_MAX_ATTEMPTS_PER_IP", "100000")

# argon2 at its production cost spends ~0.25 s of CPU per hash, and the suite signs up or in a
# few thousand times: a fifth of its CPU. In this process passwords are hashed with argon2's own
# profile for tests (argon2.profiles.CHEAPEST); the timing-equaliser hash is made with it too,
# or every unknown-email sign-in would still verify at full cost. Servers the tests start as
# subprocesses hash at full cost; tests/unit/test_password_hashing.py checks the app's profile.
PRODUCTION_HASHER = security._hasher
PRODUCTION_DUMMY_HASH = security.DUMMY_PASSWORD_HASH
security._hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)
security.DUMMY_PASSWORD_HASH = security._hasher.hash("not-a-real-password")


# ---------------------------------------------------------------- Redis


def _redis_url_with_db(url: str, db: int) -> str:
    if url.startswith("unix://"):
        return re.sub(r"db=\d+", f"db={db}", url) if "db=" in url else f"{url}?db={db}"
    return re.sub(r"(redis://[^/]+)(/\d+)?$", rf"\1/{db}", url)


@contextlib.contextmanager
def _claimed_redis_db(url: str) -> Iterator[int]:
    """Claim a free database number with SET NX in database 0 (a dead session's claim is taken
    over), so concurrent test sessions never share one; the claim is released at the end."""
    import redis as sync_redis

    client = sync_redis.Redis.from_url(_redis_url_with_db(url, 0))
    me = str(os.getpid())
    try:
        for db in range(1, 16):
            key = f"cvtailor:test-session-db:{db}"
            if client.set(key, me, nx=True, ex=4 * 3600):
                break
            holder = int(client.get(key) or 0)
            if holder and not _pid_alive(holder):
                client.set(key, me, ex=4 * 3600)
                break
        else:
            pytest.fail("all 15 Redis test databases are claimed by running test sessions")
        try:
            yield db
        finally:
            if client.get(key) == me.encode():
                client.delete(key)
    finally:
        client.close()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    given = os.environ.get("TEST_REDIS_URL")
    if given and not os.environ.get("PYTEST_XDIST_WORKER"):
        yield given
        return
    if given or os.environ.get("REDIS_URL"):
        # A database of its own per test session (1-15), and so per worker of a parallel run:
        # two sessions on one Redis must not flush each other's keys or run each other's jobs.
        base = given or os.environ["REDIS_URL"]
        with _claimed_redis_db(base) as db:
            yield _redis_url_with_db(base, db)
        return
    if IN_CI:
        pytest.fail("CI=1 but neither TEST_REDIS_URL nor REDIS_URL is set")
    from app.lib.embedded_redis import start_embedded_redis

    data_dir = tmp_path_factory.mktemp("redis")
    settings = build_settings({"DATA_DIR": str(data_dir), "SECRET_KEY": "test"})
    server = start_embedded_redis(settings, tie_to_parent=True)  # dies with pytest, even on kill
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
async def _flushed_redis(redis_url: str) -> str:
    client = Redis.from_url(redis_url)
    await client.flushdb()
    await client.aclose()
    return redis_url


@pytest.fixture
def _clean_redis(_flushed_redis: str) -> str:
    """The session's Redis database, emptied before each test: a job an earlier test queued and
    never ran (it had no worker) must not be counted, nor run, by the next one."""
    import redis as sync_redis

    with sync_redis.Redis.from_url(_flushed_redis) as client:
        client.flushdb()
    return _flushed_redis


@pytest.fixture
async def redis(_clean_redis: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(_clean_redis)
    yield client
    await client.aclose()


# ---------------------------------------------------------------- Databases


def _postgres_base_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url and IN_CI:
        pytest.fail("CI=1 but TEST_DATABASE_URL is not set")
    return url


@pytest.fixture(scope="session")
async def database_urls(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[dict[str, str]]:
    """Migrated databases by backend name; migrations run through Alembic, as in production."""
    urls = {"sqlite": f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"}
    pg_base = _postgres_base_url()
    if pg_base:
        urls["postgresql"] = await create_scratch_database(pg_base, prefix="cvt_test")
    for url in urls.values():
        await asyncio.to_thread(upgrade, url)
    yield urls
    if pg_base:
        await drop_scratch_database(pg_base, urls["postgresql"])


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, database_urls: dict[str, str]) -> str:
    if request.param not in database_urls:
        pytest.skip("PostgreSQL: set TEST_DATABASE_URL to run these (CI does)")
    return str(request.param)


@pytest.fixture(params=["sqlite", "postgresql"])
async def scratch_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database of its own, for migration tests (not the session's, already migrated):
    a SQLite file, and a scratch PostgreSQL database when ``TEST_DATABASE_URL`` is set."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'migration.db'}"
        return
    admin = os.environ.get("TEST_DATABASE_URL")
    if not admin:
        pytest.skip("PostgreSQL: set TEST_DATABASE_URL to run these (CI does)")
    url = await create_scratch_database(admin, prefix="cvt_migration")
    try:
        yield url
    finally:
        await drop_scratch_database(admin, url)


@pytest.fixture
def database_url(database_urls: dict[str, str]) -> str:
    """Tests that do not ask for ``backend`` run on SQLite (the default deployment)."""
    return database_urls["sqlite"]


def _empty_sqlite(path: str) -> None:
    """Every table's DELETE in one script on one plain sqlite3 connection: through the async
    engine, one statement and one thread hop per table cost ~15 ms of CPU per test, this ~3."""
    deletes = "".join(f'DELETE FROM "{t.name}";' for t in reversed(Base.metadata.sorted_tables))
    with contextlib.closing(sqlite3.connect(path, timeout=SQLITE_BUSY_SECONDS)) as conn:
        conn.executescript(f"BEGIN IMMEDIATE;{deletes}COMMIT;")


async def _empty_tables(url: str, attempts: int = 3) -> None:
    """Empty every table. A live server or worker torn down just before may still be finishing
    its last SQLite write: past the busy timeout, a locked database is tried again (a few times)
    rather than failing the teardown of a test that passed."""
    for attempt in range(attempts):
        try:
            if url.startswith("sqlite"):
                await asyncio.to_thread(_empty_sqlite, make_url(url).database or "")
            else:
                await _empty_through_the_engine(url)
            return
        except (OperationalError, sqlite3.OperationalError) as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            await asyncio.sleep(0.25)


async def _empty_through_the_engine(url: str) -> None:
    engine = create_engine(url)
    try:
        # DELETE, children first: a test leaves a few rows, and on PostgreSQL deleting them
        # takes ~8 ms where TRUNCATE of every table takes ~90 ms (new files).
        async with engine.begin() as conn:
            for table in reversed(Base.metadata.sorted_tables):
                await conn.execute(table.delete())
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def _data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("var")


@pytest.fixture
def data_dir(_data_dir: Path) -> Path:
    """The test process's one data directory, emptied before each test: settings stay equal
    from test to test, so tests/fixtures/app_pool.py can lend an app already built."""
    shutil.rmtree(_data_dir)
    _data_dir.mkdir()
    return _data_dir


@pytest.fixture
def settings(
    data_dir: Path, database_url: str, request: pytest.FixtureRequest, _clean_redis: str
) -> Settings:
    url = database_url
    if "backend" in request.fixturenames:
        url = request.getfixturevalue("database_urls")[request.getfixturevalue("backend")]
    base = build_settings(
        {
            "DATA_DIR": str(data_dir),
            "DATABASE_URL": url,
            "REDIS_URL": _clean_redis,
            "SECRET_KEY": "test-secret-key",
            "CVTAILOR_HEALTH_CHECK_INTERVAL_SECONDS": "1",
            # Retries and crash recovery at test speed (production: 1 s backoff, 45 s lease).
            "CVTAILOR_RETRY_BACKOFF_SECONDS": "0.05",
            "CVTAILOR_GENERATION_LEASE_SECONDS": "3",
        }
    )
    # Every test signs up and in from the one test-client address, in one Redis whose counters
    # outlive a test: the per-IP limits stay out of the way here (tests/security/ sets its own).
    return replace(
        base, login_max_attempts=5, login_max_attempts_per_ip=100_000, register_max_per_ip=100_000
    )


async def _seed_settings_at_once(session: AsyncSession, settings: Settings) -> None:
    """The rows ``seed_settings`` inserts, in one statement: its one INSERT per setting took
    about 20 ms before each of the ~900 tests that use the database (``seed_settings`` itself is
    tested in tests/integration/test_database.py)."""
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    rows = [
        {
            "id": new_id(),
            "setting_name": definition.name,
            "category": definition.category,
            "value": definition.default,
            "description": definition.description,
        }
        for definition in setting_definitions(settings)
    ]
    await session.execute(
        insert(Setting).values(rows).on_conflict_do_nothing(index_elements=["setting_name"])
    )


@pytest.fixture
async def session_factory(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    # Deferred transactions: a test reading the DB must not hold SQLite's write lock while it
    # waits for the app or the worker (the app itself uses BEGIN IMMEDIATE).
    engine = create_engine(settings.database_url, immediate=False)
    factory = create_session_factory(engine)
    register_task_kinds()  # their cost settings are seeded too
    async with factory() as session:
        await _seed_settings_at_once(session, settings)
        await session.commit()
    yield factory
    await engine.dispose()
    await _empty_tables(settings.database_url)


@pytest.fixture
async def db(session_factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    async with session_factory() as session:
        yield session


# ---------------------------------------------------------------- App and worker


@pytest.fixture
async def app(settings: Settings, session_factory: Any) -> AsyncIterator[Litestar]:
    with borrowed_app(settings) as lent:
        yield lent


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


@pytest.fixture
def another_client(settings: Settings, session_factory: Any) -> Iterator[Any]:
    """A second browser on a second web process (its own app instance, same DB and Redis).

    Each app's Redis connections belong to the event loop its client runs in, so two clients
    never share one app: each call borrows an idle app of its own from the pool
    (tests/fixtures/app_pool.py), given back when the test ends (every caller has closed its
    client by then: ``async with another_client() as other``). It built a new app per call
    before, about half a second of CPU each, in 66 places.
    """
    with contextlib.ExitStack() as lent:

        def make() -> AsyncTestClient[Litestar]:
            return AsyncTestClient(app=lent.enter_context(borrowed_app(settings)))

        yield make


@pytest.fixture
async def worker(
    settings: Settings, session_factory: Any, request: pytest.FixtureRequest
) -> AsyncIterator[Worker]:
    """A real arq worker on the test Redis, running in this event loop: never beside an
    in-process client, which blocks the loop (tests/fixtures/live.py)."""
    from jobs.worker import worker_options
    from tests.fixtures.live import refuse_in_process_clients

    refuse_in_process_clients(request.fixturenames)

    options = {**worker_options(settings), "poll_delay": 0.05}
    arq_worker = Worker(**options, ctx={"settings": settings}, handle_signals=False)
    task = asyncio.create_task(arq_worker.async_run())
    yield arq_worker
    for _ in range(100):  # let a job that is finishing (final events) end on its own
        if not arq_worker.tasks:
            break
        await asyncio.sleep(0.05)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    with contextlib.suppress(asyncio.CancelledError):
        await arq_worker.close()


@pytest.fixture
async def live_server(settings: Settings, session_factory: Any) -> AsyncIterator[str]:
    """The app behind a real uvicorn socket (the in-process client buffers streamed bodies)."""
    from tests.fixtures.live import serve

    async for url in serve(settings):
        yield url


@pytest.fixture
async def api(live_server: str) -> AsyncIterator[Any]:
    """An HTTP client on the live server, the CSRF cookie echoed in its header.

    Tests that run the in-loop ``worker`` while calling the web use this rather than ``client``:
    the in-process test client serves the app from another thread and blocks this event loop
    while it waits, which would freeze the worker mid-transaction (a test-only deadlock).
    """
    from tests.fixtures.live import live_client

    async with live_client(live_server) as http:
        await http.get("/health")
        yield http


@pytest.fixture
def another_browser(live_server: str) -> Any:
    """A second browser on the live server, cookies of its own: ``another_client`` for the
    tests that run the ``worker`` (``async with another_browser() as other``)."""
    from tests.fixtures.live import live_client

    return lambda: live_client(live_server)


# ---------------------------------------------------------------- Helpers


async def csrf_token(client: AsyncTestClient[Litestar]) -> str:
    """Get (or refresh) the CSRF cookie the way a browser does: by loading a page."""
    if "csrftoken" not in client.cookies:
        await client.get("/health")
    return str(client.cookies["csrftoken"])


async def post_form(
    client: AsyncTestClient[Litestar], url: str, data: Mapping[str, Any], **headers: str
) -> httpx.Response:
    """Submit a page's form as a browser does: with the CSRF token, in English unless the
    headers say otherwise, without following the redirect (tests read where it leads)."""
    token = await csrf_token(client)
    return await client.post(
        url,
        data={**data, "_csrf_token": token},
        headers={"accept-language": "en", **headers},
        follow_redirects=False,
    )


async def register(
    client: AsyncTestClient[Litestar], email: str, password: str = "correct horse"
) -> dict[str, Any]:
    token = await csrf_token(client)
    response = await client.post(
        "/api/auth/register",
        json={"email": email, "password": password},
        headers={"x-csrftoken": token},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())
