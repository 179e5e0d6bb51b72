"""An offer read without a company shows the field to fill, with the names its text gives as
suggestions (app/lib/parsing/offers/offer_company.py company_suggestions); a known company shows
none."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.conftest import post_form, register

Client = AsyncTestClient[Litestar]
AD = (
    "Learning Specialist (H/F)\n59 - Marcq-en-Barœul\n\n"
    "Nous développons l'apprentissage numérique au sein de Vellacourt. Depuis 2022, "
    "notre académie interne forme 3 000 personnes.\n\nProfil : maîtrise d'un LMS.\n"
)


async def test_an_offer_without_a_company_offers_the_names_its_text_gives(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "suggest@example.com")
    offer = await factories.job_offer(
        db, me["id"], title="Learning Specialist", company=None, description=AD
    )
    page = (await client.get(f"/offers/{offer.id}", headers={"accept-language": "en"})).text
    assert "does not say clearly who is hiring" in page
    assert '<option value="Vellacourt">' in page and 'list="offer-company-suggestions"' in page
    assert "Depuis" not in page.split("offer-company-suggestions")[-1].split("</datalist>")[0]

    french = await client.get(f"/offers/{offer.id}", headers={"accept-language": "fr"})
    assert "ne dit pas clairement qui recrute" in french.text

    saved = await post_form(
        client,
        f"/offers/{offer.id}",
        {"title": "Learning Specialist", "company": "Vellacourt", "description": AD},
    )
    assert saved.status_code == 303, saved.text[-600:]
    page = (await client.get(f"/offers/{offer.id}", headers={"accept-language": "en"})).text
    assert "who is hiring" not in page and 'value="Vellacourt"' in page
