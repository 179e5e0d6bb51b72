"""Own AI endpoint: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.ai_endpoint.pages import AiEndpointPages

router = Router(path="/", route_handlers=[AiEndpointPages])
