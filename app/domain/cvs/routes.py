"""Route handlers of the inputs feature (CVs and job offers), registered in ``app.asgi``."""

from __future__ import annotations

from typing import Any

from app.domain.cvs.api import CvApi
from app.domain.cvs.editor_pages import CvEditorPages
from app.domain.cvs.pages import CvPages
from app.domain.offers.api import OfferApi
from app.domain.offers.pages import OfferPages

INPUT_ROUTES: list[Any] = [CvApi, CvPages, CvEditorPages, OfferApi, OfferPages]
