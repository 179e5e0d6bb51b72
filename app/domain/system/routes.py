"""System: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.system.api import health, ping_worker

router = Router(
    path="/",
    route_handlers=[health, ping_worker],
)
