"""Own AI endpoint: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py).
Its forms reach the user's endpoint through the ``own_endpoint`` dependency (own.py)."""

from litestar import Router
from litestar.di import Provide

from app.domain.ai_endpoint.own import provide_own_endpoint
from app.domain.ai_endpoint.pages import AiEndpointPages

router = Router(
    path="/",
    route_handlers=[AiEndpointPages],
    dependencies={"own_endpoint": Provide(provide_own_endpoint, sync_to_thread=False)},
)
