"""The photo feature's HTTP handlers, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.photos.pages import PhotoPages

router = Router(path="/", route_handlers=[PhotoPages])
