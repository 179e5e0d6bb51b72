"""Job offers: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.offers.api import OfferApi
from app.domain.offers.pages import OfferPages

router = Router(
    path="/",
    route_handlers=[OfferApi, OfferPages],
)
