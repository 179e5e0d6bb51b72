"""The STAR coach: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py):
the JSON API (api.py) and the pages (pages.py). A conversation's handlers receive the user's
coach as the ``coach`` dependency (app/domain/coach/coaching.py)."""

from litestar import Router
from litestar.di import Provide

from app.domain.coach.api import CoachApi
from app.domain.coach.coaching import provide_coaching
from app.domain.coach.pages import CoachPages

router = Router(
    path="/",
    route_handlers=[CoachApi, CoachPages],
    dependencies={"coach": Provide(provide_coaching, sync_to_thread=False)},
)
