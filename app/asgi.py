"""``create_app()``: the one place the web application is assembled."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from arq import create_pool
from litestar import Litestar
from litestar.channels import ChannelsPlugin
from litestar.config.csrf import CSRFConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.exceptions import HTTPException
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.logging import LoggingConfig
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin, RedocRenderPlugin
from litestar.plugins.htmx import HTMXPlugin
from litestar.static_files import create_static_files_router
from litestar.stores.redis import RedisStore
from litestar.template import TemplateConfig

from app.config import PROJECT_ROOT, Settings, get_settings
from app.db.session import create_engine, create_session_factory
from app.domain.accounts import routes as accounts
from app.domain.achievements import routes as achievements
from app.domain.admin import routes as admin
from app.domain.ai_endpoint import routes as ai_endpoint
from app.domain.applications import routes as applications
from app.domain.ats import routes as ats
from app.domain.coach import routes as coach
from app.domain.credits import routes as credits
from app.domain.cvs import routes as cvs
from app.domain.dashboard import routes as dashboard
from app.domain.events import routes as events
from app.domain.generation import routes as generation
from app.domain.inbox import routes as inbox
from app.domain.interview import routes as interview
from app.domain.letters import routes as letters
from app.domain.mailbox import routes as mailbox
from app.domain.matching import routes as matching
from app.domain.offers import routes as offers
from app.domain.photos import routes as photos
from app.domain.pitches import routes as pitches
from app.domain.renders import routes as renders
from app.domain.system import routes as system
from app.domain.tasks import routes as tasks
from app.lib.body_limit import DEFAULT_BODY_LIMIT, handle_too_large
from app.lib.channels import SerialPubSubBackend
from app.lib.csrf import SessionCSRFMiddleware
from app.lib.current_user import provide_optional_user, provide_user
from app.lib.dependencies import (
    provide_arq,
    provide_db,
    provide_queue,
    provide_read_sessions,
    provide_redis,
    provide_settings,
)
from app.lib.errors import AppError
from app.lib.openapi import document_error_responses
from app.lib.pages import pages_are_html
from app.lib.paging import provide_paging
from app.lib.proxies import proxy_headers_middleware
from app.lib.redis import arq_settings, redis_from_url
from app.lib.security_headers import add_security_headers
from app.lib.sessions import RotatingSessionConfig
from app.lib.stream_guard import StreamSessionGuard
from app.lib.templating import build_template_engine
from app.lib.visitor_cookies import send_cookies
from app.lib.web import (
    handle_app_error,
    handle_http_exception,
    handle_too_deep,
    handle_unexpected,
    prepare_request,
)
from app.mcp import routes as agent_api
from app.settings.llm_endpoint import provide_engine
from app.task_kinds import register_task_kinds

# Every feature mounts its handlers through the one Router of its routes.py.
FEATURES = [
    accounts,
    achievements,
    admin,
    ai_endpoint,
    applications,
    ats,
    coach,
    credits,
    cvs,
    dashboard,
    events,
    generation,
    inbox,
    interview,
    letters,
    mailbox,
    matching,
    offers,
    pitches,
    photos,
    renders,
    system,
    tasks,
    agent_api,  # the agent API (MCP) over HTTP, answering only when turned on (app/mcp/)
]


# What a handler may ask for by parameter name (the aliases: app/lib/dependencies.py).
DEPENDENCIES: dict[str, Provide] = {
    "settings": Provide(provide_settings, sync_to_thread=False),
    "redis": Provide(provide_redis, sync_to_thread=False),
    "arq": Provide(provide_arq, sync_to_thread=False),
    "queue": Provide(provide_queue, sync_to_thread=False),
    "db": Provide(provide_db),
    "read_sessions": Provide(provide_read_sessions, sync_to_thread=False),
    "engine": Provide(provide_engine, sync_to_thread=False),
    "user": Provide(provide_user),
    "optional_user": Provide(provide_optional_user),
    "paging": Provide(provide_paging, sync_to_thread=False),
}


def openapi_config() -> OpenAPIConfig:
    """The API reference at /schema, its page script served from our own static files (no
    CDN script runs on our origin), and the document itself at /schema/openapi.json."""
    return OpenAPIConfig(
        title="CV Tailor",
        version="0.1.0",
        path="/schema",
        render_plugins=[
            RedocRenderPlugin(
                path="/",
                js_url="/static/vendor/redoc-2.5.4.standalone.js",
                google_fonts=False,
                favicon="",
            ),
            JsonRenderPlugin(path="/openapi.json"),
        ],
    )


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or get_settings()
    register_task_kinds()  # cancels dispatch through the task kernel's registry
    redis = redis_from_url(settings.effective_redis_url)

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        engine = create_engine(settings.database_url, echo=settings.database_echo)
        # GET requests only read: on SQLite they skip BEGIN IMMEDIATE, since in WAL mode a
        # reader never waits for the write lock the worker's jobs queue for (see provide_db).
        reader = engine
        if settings.database_url.startswith("sqlite"):
            reader = create_engine(
                settings.database_url, echo=settings.database_echo, immediate=False
            )
        app.state.engine = engine
        app.state.session_factory = create_session_factory(engine, redis)
        app.state.read_session_factory = create_session_factory(reader)
        app.state.arq = await create_pool(arq_settings(settings.effective_redis_url))
        try:
            yield
        finally:
            await app.state.arq.aclose()
            await engine.dispose()
            if reader is not engine:
                await reader.dispose()
            await redis.aclose()

    csrf = CSRFConfig(
        secret=settings.secret_key,
        cookie_secure=settings.secure_cookies,
        cookie_samesite="lax",
        cookie_httponly=False,  # API clients read it to echo it in x-csrftoken
    )
    sessions = RotatingSessionConfig(
        max_age=settings.session_max_age_days * 86400,
        secure=settings.secure_cookies,
        httponly=True,
        samesite="lax",
    )
    app = Litestar(
        route_handlers=[
            *(feature.router for feature in FEATURES),
            create_static_files_router(path="/static", directories=[PROJECT_ROOT / "static"]),
        ],
        lifespan=[lifespan, agent_api.lifespan],
        state=State({"settings": settings, "redis": redis, "session_config": sessions}),
        dependencies=DEPENDENCIES,
        middleware=[
            proxy_headers_middleware(settings.trusted_proxies),  # first: the client's address
            sessions.middleware,
            DefineMiddleware(SessionCSRFMiddleware, config=csrf),
            StreamSessionGuard,  # inside the sessions: every event stream ends with its session
        ],
        stores={"sessions": RedisStore(redis, namespace="cvtailor:sessions")},
        plugins=[
            HTMXPlugin(),
            ChannelsPlugin(
                backend=SerialPubSubBackend(redis=redis),
                arbitrary_channels_allowed=True,
                subscriber_max_backlog=1000,
            ),
        ],
        template_config=TemplateConfig(instance=build_template_engine()),
        exception_handlers={
            AppError: handle_app_error,
            RequestEntityTooLarge: handle_too_large,
            HTTPException: handle_http_exception,
            RecursionError: handle_too_deep,
            Exception: handle_unexpected,
        },
        before_request=prepare_request,
        before_send=[add_security_headers, send_cookies],
        after_request=pages_are_html,  # no layer below may set its own: it would replace this
        request_max_body_size=DEFAULT_BODY_LIMIT,
        openapi_config=openapi_config(),
        logging_config=LoggingConfig(log_exceptions="debug"),
        debug=settings.debug,
    )
    document_error_responses(app)
    return app
