"""The pitch coach: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py):
the JSON API (api.py), the pages (pages.py), and the routes every row task's feature answers
alike (app/lib/row_routes.py: a pitch's status box, its delete)."""

from litestar import Router

from app.domain.pitches import services, view
from app.domain.pitches.api import PitchApi
from app.domain.pitches.pages import PitchPages, pitch_confirmation
from app.lib.row_routes import RowRoutes

PITCH_ROUTES = RowRoutes(
    pages="/pitches",
    api=PitchApi.path,
    api_tags=PitchApi.tags,
    param="pitch_id",
    get=services.get_pitch,
    delete=services.delete_pitch,
    confirmation=pitch_confirmation,
    status_template="pitches/_partials/status.html",
    name="pitch",
    writing=view.writing,
    status_labels=view.STATUS_LABELS,
)

router = Router(path="/", route_handlers=[PitchApi, PitchPages, *PITCH_ROUTES.handlers()])
