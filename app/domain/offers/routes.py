"""Job offers: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py): the
JSON API (api.py) and the pages (pages.py). They read and change an offer through the user's
``offers`` dependency (app/domain/offers/user_offers.py)."""

from litestar import Router
from litestar.di import Provide

from app.domain.offers.api import OfferApi
from app.domain.offers.pages import OfferPages
from app.domain.offers.user_offers import provide_offers

router = Router(
    path="/",
    route_handlers=[OfferApi, OfferPages],
    dependencies={"offers": Provide(provide_offers, sync_to_thread=False)},
)
