"""The STAR coach: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py):
the JSON API (api.py) and the pages (pages.py)."""

from litestar import Router

from app.domain.coach.api import CoachApi
from app.domain.coach.pages import CoachPages

router = Router(path="/", route_handlers=[CoachApi, CoachPages])
