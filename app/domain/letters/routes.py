"""Cover letters: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py):
the JSON API (api.py) and the pages (pages.py)."""

from litestar import Router

from app.domain.letters.api import LetterApi
from app.domain.letters.pages import LetterPages

router = Router(path="/", route_handlers=[LetterApi, LetterPages])
