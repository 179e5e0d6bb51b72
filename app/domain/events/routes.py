"""Live events: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.events.api import api_events, html_event_feed

router = Router(
    path="/",
    route_handlers=[api_events, html_event_feed],
)
