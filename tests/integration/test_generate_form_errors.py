""" "Generate" with nothing ticked (or any other refusal) shows the offers list again with the
form as it was posted (the chosen CV, the ticked offers, "also write letters") and says what
is missing at the top of the form: no dead end, nothing lost, nothing started."""

from __future__ import annotations

import re

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvGenerationTask
from tests import factories
from tests.conftest import post_form, register

Client = AsyncTestClient[Litestar]


def _selected_cv(page: str) -> str:
    found = re.search(r'<option value="([^"]+)" selected>', page)
    assert found is not None, "no CV selected"
    return found.group(1)


async def test_nothing_ticked_keeps_the_form_and_says_what_is_missing(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "nothing-ticked@example.com")
    first = await factories.source_cv(db, me["id"])
    second = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], title="Data Engineer")
    form = {"source_cv_id": second.id, "withLetters": "true"}
    refused = await post_form(client, "/generations", form)
    assert refused.status_code == 422
    page = refused.text
    assert 'id="generate-form"' in page and 'id="generate-error"' in page
    assert "Tick at least one offer above" in page
    assert 'data-error-code="generation.no_offer_ticked"' in page
    # The second CV stays chosen (the list preselects the first otherwise), letters stay on.
    assert _selected_cv(page) == second.id != first.id
    assert 'name="withLetters" value="true" checked' in page
    assert f'value="{offer.id}" id="pick-{offer.id}"' in page  # the offers are all there
    assert await db.scalar(select(func.count()).select_from(CvGenerationTask)) == 0

    french = await post_form(client, "/generations", form, **{"accept-language": "fr"})
    assert "Cochez au moins une offre" in french.text


async def test_a_refused_launch_keeps_the_ticked_offers(client: Client, db: AsyncSession) -> None:
    me = await register(client, "refused-launch@example.com")
    await factories.source_cv(db, me["id"])
    ticked = await factories.job_offer(db, me["id"], title="Ticked")
    other = await factories.job_offer(db, me["id"], title="Not ticked")
    refused = await post_form(
        client, "/generations", {"source_cv_id": "no-such-cv", "job_offer_ids": ticked.id}
    )
    assert refused.status_code == 422
    assert "This source CV does not exist." in refused.text
    assert f'id="pick-{ticked.id}" checked' in refused.text
    assert f'id="pick-{other.id}" checked' not in refused.text
