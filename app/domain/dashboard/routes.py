"""Dashboard: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.dashboard.pages import dashboard

router = Router(
    path="/",
    route_handlers=[dashboard],
)
