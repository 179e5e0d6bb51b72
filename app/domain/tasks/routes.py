"""Task centre: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.tasks.api import BackgroundTasksApi
from app.domain.tasks.pages import TaskPages

router = Router(
    path="/",
    route_handlers=[BackgroundTasksApi, TaskPages],
)
