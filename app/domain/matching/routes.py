"""Match analyses: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.matching.api import MatchApi
from app.domain.matching.pages import MatchPages

router = Router(
    path="/",
    route_handlers=[MatchApi, MatchPages],
)
