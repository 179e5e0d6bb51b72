"""Rendered CVs: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.renders.api import RenderApi
from app.domain.renders.pages import RenderPages

router = Router(
    path="/",
    route_handlers=[RenderApi, RenderPages],
)
