"""Every CV picker names the CV so that no two look alike: a tailored CV by its offer (title and
company), the source CV it was tailored from and its date; a source CV by its person, file and
date. Three CVs tailored from one source used to read "Name — Title (tailored)" three times."""

from __future__ import annotations

import re
from collections import Counter

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, JobOffer
from app.domain.cvs.view import cv_labels
from app.lib.i18n import current_locale
from tests import factories
from tests.conftest import post_form, register

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}
STAMP = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def _options(page: str, select_id: str) -> list[str]:
    found = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', page, re.S)
    assert found is not None, f"no select #{select_id}"
    return [re.sub(r"\s+", " ", o).strip() for o in re.findall(r">([^<]+)</option>", found[1])]


async def _three_tailored(db: AsyncSession, user_id: str) -> tuple[CvFile, JobOffer, JobOffer]:
    source = await factories.source_cv(db, user_id)
    zenith = await factories.job_offer(db, user_id, title="Data Engineer", company="Zenith")
    acme = await factories.job_offer(db, user_id, title="Data Engineer", company="Acme")
    await factories.tailored_cv(db, source, zenith)
    await factories.tailored_cv(db, source, zenith)
    await factories.tailored_cv(db, source, acme)
    return source, zenith, acme


async def test_the_application_and_letter_pickers_name_offer_source_and_date(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "labels@example.com")
    _, zenith, _ = await _three_tailored(db, me["id"])
    tracked = await post_form(client, "/applications", {"job_offer_id": zenith.id})
    page = (await client.get(tracked.headers["location"], headers=ENGLISH)).text
    options = _options(page, "sent-cv")
    tailored = [o for o in options if o.startswith("For ")]
    assert len(tailored) == 3 and len(set(options)) == len(options)
    assert sum("For Data Engineer — Zenith" in o for o in tailored) == 2
    assert sum("For Data Engineer — Acme" in o for o in tailored) == 1
    assert all("from Alex Martin" in o and STAMP.search(o) for o in tailored), tailored
    # The same offer, the same source, the same minute: numbered, never twice the same words.
    assert {o[-3:] for o in tailored if "Zenith" in o} == {"(1)", "(2)"}
    # The source CV: its person, its file, its date.
    assert any(o.startswith("Alex Martin") and "cv.json" in o for o in options), options

    offer_page = (await client.get(f"/offers/{zenith.id}", headers=ENGLISH)).text
    letter_options = _options(offer_page, "letter-cv")
    assert Counter(letter_options).most_common(1)[0][1] == 1
    assert sum(o.startswith("For Data Engineer — Zenith") for o in letter_options) == 2


async def test_the_generate_and_match_pickers_tell_two_source_cvs_apart(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "labels-sources@example.com")
    first = await factories.source_cv(db, me["id"])
    second = await factories.source_cv(db, me["id"])
    second.filename = "cv-2026.pdf"
    await db.commit()
    offer = await factories.job_offer(db, me["id"])
    listing = (await client.get("/offers", headers=ENGLISH)).text
    generate = _options(listing, "source-cv")
    assert len(generate) == 2 and generate[0] != generate[1]
    assert any("cv-2026.pdf" in o for o in generate) and all(STAMP.search(o) for o in generate)
    match = _options((await client.get(f"/offers/{offer.id}", headers=ENGLISH)).text, "match-cv")
    assert sorted(match) == sorted(generate)
    assert first.id != second.id


async def test_a_tailored_cv_whose_offer_and_source_are_gone_says_so(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "labels-gone@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], title="Gone soon", company="Nowhere")
    tailored = await factories.tailored_cv(db, source, offer)
    english = current_locale.set("en")
    labels = await cv_labels(db, me["id"], [tailored])
    assert labels[tailored.id].startswith("For Gone soon — Nowhere · from Alex Martin")
    await db.delete(offer)
    await db.delete(source)
    await db.commit()
    await db.refresh(tailored)
    labels = await cv_labels(db, me["id"], [tailored])
    assert "its offer was deleted" in labels[tailored.id]
    assert "from a deleted source CV" in labels[tailored.id]
    current_locale.reset(english)


async def test_letter_lists_name_the_cv_each_letter_was_written_from(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "labels-letters@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], title="Data Engineer", company="Zenith")
    tailored = await factories.tailored_cv(db, source, offer)
    await factories.cover_letter(db, tailored, offer)
    await factories.cover_letter(db, source, offer)
    listing = (await client.get("/cover-letters", headers=ENGLISH)).text
    written = re.findall(r'data-testid="letter-cv">([^<]+)<', listing)
    assert len(written) == 2 and written[0] != written[1]
    assert any("written from For Data Engineer — Zenith · from Alex Martin" in w for w in written)
    assert any(w.startswith("written from Alex Martin") and "cv.json" in w for w in written)
    offer_page = (await client.get(f"/offers/{offer.id}", headers=ENGLISH)).text
    assert len(re.findall(r'data-testid="letter-cv">', offer_page)) == 2
