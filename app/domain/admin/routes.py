"""Admin: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.admin.pages import AdminPages

router = Router(
    path="/",
    route_handlers=[AdminPages],
)
