"""The applications tracker: the HTTP handlers of this feature, mounted by ``create_app``
(app/asgi.py). Its handlers change applications through the ``tracker`` dependency
(app/domain/applications/editing.py)."""

from litestar import Router
from litestar.di import Provide

from app.domain.applications.api import ApplicationApi, follow_ups_calendar
from app.domain.applications.editing import provide_tracker
from app.domain.applications.insight_pages import TrackerViewPages
from app.domain.applications.pages import ApplicationPages

router = Router(
    path="/",
    route_handlers=[ApplicationApi, ApplicationPages, TrackerViewPages, follow_ups_calendar],
    dependencies={"tracker": Provide(provide_tracker, sync_to_thread=False)},
)
