"""The pitch coach: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py):
the JSON API (api.py) and the pages (pages.py)."""

from litestar import Router

from app.domain.pitches.api import PitchApi
from app.domain.pitches.pages import PitchPages

router = Router(path="/", route_handlers=[PitchApi, PitchPages])
