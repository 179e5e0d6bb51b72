"""Job offers: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py): the
JSON API (api.py) and the pages (pages.py). A change of an offer goes through the user's
``edits`` dependency (app/domain/offers/edits.py)."""

from litestar import Router
from litestar.di import Provide

from app.domain.offers.api import OfferApi
from app.domain.offers.edits import provide_edits
from app.domain.offers.pages import OfferPages

router = Router(
    path="/",
    route_handlers=[OfferApi, OfferPages],
    dependencies={"edits": Provide(provide_edits, sync_to_thread=False)},
)
