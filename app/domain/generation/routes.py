"""CV generation: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.generation.api import GenerationApi
from app.domain.generation.pages import GenerationPages

router = Router(
    path="/",
    route_handlers=[GenerationApi, GenerationPages],
)
