"""Cover letters: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py):
the JSON API (api.py), the pages (pages.py), and the routes every row task's feature answers
alike (app/lib/row_routes.py: a letter's status box, its delete)."""

from litestar import Router

from app.domain.letters import services, view
from app.domain.letters.api import LetterApi
from app.domain.letters.pages import LetterPages, letter_confirmation
from app.lib.row_routes import RowRoutes

LETTER_ROUTES = RowRoutes(
    pages="/cover-letters",
    api=LetterApi.path,
    api_tags=LetterApi.tags,
    param="letter_id",
    get=services.get_letter,
    delete=services.delete_letter,
    confirmation=letter_confirmation,
    status_template="letters/_partials/status.html",
    name="letter",
    writing=view.writing,
    status_labels=view.STATUS_LABELS,
)

router = Router(path="/", route_handlers=[LetterApi, LetterPages, *LETTER_ROUTES.handlers()])
