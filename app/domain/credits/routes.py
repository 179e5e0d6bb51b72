"""Credits: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.credits.api import get_credits

router = Router(
    path="/",
    route_handlers=[get_credits],
)
