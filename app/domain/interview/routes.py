"""Interview prep: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.interview.api import InterviewPrepApi
from app.domain.interview.pages import InterviewPrepPages

router = Router(path="/", route_handlers=[InterviewPrepApi, InterviewPrepPages])
