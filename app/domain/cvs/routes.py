"""Source CVs: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.cvs.api import CvApi
from app.domain.cvs.editor_pages import CvEditorPages
from app.domain.cvs.editor_whole_pages import CvEditorForm
from app.domain.cvs.pages import CvPages

router = Router(
    path="/",
    route_handlers=[CvApi, CvEditorPages, CvEditorForm, CvPages],
)
