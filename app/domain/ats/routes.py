"""The ATS check: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py):
the JSON API (api.py) and the pages (pages.py)."""

from litestar import Router

from app.domain.ats.api import AtsApi
from app.domain.ats.pages import AtsPages

router = Router(path="/", route_handlers=[AtsApi, AtsPages])
