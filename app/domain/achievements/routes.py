"""The achievements bank: the HTTP handlers of this feature, mounted by ``create_app``
(app/asgi.py)."""

from litestar import Router

from app.domain.achievements.api import AchievementApi
from app.domain.achievements.pages import AchievementPages

router = Router(path="/", route_handlers=[AchievementApi, AchievementPages])
