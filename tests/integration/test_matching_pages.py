"""The match analysis in the pages: the offer page's panel and CV choice (with and without
htmx), the offers list's best-matches-first sort, a tailored CV's own page and changes view,
and the generation page's compact score after a real generation."""

from __future__ import annotations

import html
import re
from typing import Any

from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvFile
from tests import factories
from tests.conftest import register
from tests.fixtures.matching import GARDENER_CV, generated_cv
from tests.integration.pipeline_helpers import wait_finished

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}
FRENCH = {"accept-language": "fr"}


def selected_cv(page: str) -> str | None:
    found = re.search(r'<option value="([^"]+)" selected>', page)
    return found[1] if found else None


async def test_the_offer_page_shows_the_analysis_in_english_and_french(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "match-page@example.com")
    weak = await factories.source_cv(db, me["id"], GARDENER_CV)
    strong = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    api = (await client.get(f"/api/job-offers/{offer.id}/match")).json()

    page = (await client.get(f"/offers/{offer.id}", headers=ENGLISH)).text
    assert 'data-testid="match-panel"' in page and f'data-score="{api["score"]}"' in page
    assert selected_cv(page) == strong.id
    for words in (
        "How your CV matches this offer",
        "What your CV already says in the offer&#39;s words.",
        "The most your CV can truthfully support.",
        "What the offer asks for",
    ):
        assert words in page, words
    assert "What the tailored CV shows." not in page  # no tailored CV on the offer page
    # Must-haves are tagged, and come first in each group.
    musts = [r for r in api["requirements"] if r["kind"] == "must"]
    assert page.count('data-kind="must"') == len(musts)
    for group in ("missing", "met"):
        block = page.split(f'data-group="{group}"', 1)[-1].split("</details>", 1)[0]
        kinds = re.findall(r'data-kind="(must|nice)"', block)
        assert kinds == sorted(kinds, key=lambda kind: kind != "must")
    python = next(r for r in api["requirements"] if r["text"] == "Python")
    assert html.escape(python["evidence"][0]["where"], quote=True) in page
    assert "Covered:" in page  # said in words, not only by colour

    french = (await client.get(f"/offers/{offer.id}?cv={weak.id}", headers=FRENCH)).text
    assert selected_cv(french) == weak.id
    assert "Votre CV face à cette offre" in french and "Plafond" in french
    assert "Absent de votre CV — ne le revendiquez pas" in french
    assert "Non couvert :" in french


async def test_choosing_another_cv_swaps_the_panel_or_reloads_the_page(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "match-swap@example.com")
    weak = await factories.source_cv(db, me["id"], GARDENER_CV)
    await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    weak_score = (await client.get(f"/api/job-offers/{offer.id}/match?cvId={weak.id}")).json()

    fragment = await client.get(
        f"/offers/{offer.id}/match", params={"cv": weak.id}, headers={"hx-request": "true"}
    )
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert fragment.text.lstrip().startswith('<section class="card match-panel" id="match-panel"')
    assert f'data-score="{weak_score["score"]}"' in fragment.text
    assert fragment.headers["hx-push-url"] == f"/offers/{offer.id}?cv={weak.id}"

    plain = await client.get(
        f"/offers/{offer.id}/match", params={"cv": weak.id}, follow_redirects=False
    )
    assert plain.status_code in (302, 303)
    assert plain.headers["location"] == f"/offers/{offer.id}?cv={weak.id}#match-panel"


async def test_what_keeps_the_analysis_from_being_made_is_said_in_the_panel(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "match-blocked@example.com")
    offer = await factories.job_offer(db, me["id"])
    page = (await client.get(f"/offers/{offer.id}", headers=ENGLISH)).text
    assert 'data-testid="match-no-cv"' in page and "Import a CV to see" in page
    await factories.source_cv(db, me["id"])
    importing = CvFile(user_id=me["id"], kind="source", extraction_status="running")
    db.add(importing)
    await db.commit()
    page = await client.get(f"/offers/{offer.id}?cv={importing.id}", headers=ENGLISH)
    assert page.status_code == 200
    assert 'data-testid="match-error"' in page.text and "still being imported" in page.text


async def test_the_offers_list_sorts_best_matches_first_with_the_score_in_each_row(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "match-sort@example.com")
    cv = await factories.source_cv(db, me["id"])
    backend = await factories.job_offer(db, me["id"])
    product = await factories.job_offer(db, me["id"], **factories.FR_OFFER)  # newest
    scores = {
        o.id: (await client.get(f"/api/job-offers/{o.id}/match")).json()["score"]
        for o in (backend, product)
    }
    assert scores[backend.id] > scores[product.id]

    newest = (await client.get("/offers", headers=ENGLISH)).text
    rows = re.findall(r'<tr data-offer-id="([^"]+)"', newest)
    assert rows == [product.id, backend.id]
    assert "data-score=" not in newest and 'href="/offers?sort=match#offer-list"' in newest

    best = (await client.get("/offers?sort=match", headers=ENGLISH)).text
    assert re.findall(r'<tr data-offer-id="([^"]+)"', best) == [backend.id, product.id]
    badges = re.findall(r'class="match-badge" data-score="(\d+)"', best)
    assert badges == [str(scores[backend.id]), str(scores[product.id])]
    assert f'href="/offers/{backend.id}?cv={cv.id}#match-panel"' in best
    unknown = (await client.get("/offers?sort=bogus", headers=ENGLISH)).text
    assert re.findall(r'<tr data-offer-id="([^"]+)"', unknown) == [product.id, backend.id]


async def test_a_tailored_cv_has_its_own_match_page_and_a_panel_in_its_changes(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "match-tailored-page@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    tailored = await generated_cv(db, me["id"], offer, source, factories.EN_CV)
    api = (await client.get(f"/api/cvs/{tailored.id}/match")).json()

    page = (await client.get(f"/cvs/{tailored.id}/match", headers=ENGLISH)).text
    assert f'data-score="{api["score"]}"' in page
    assert "What the tailored CV shows." in page and 'data-figure="after"' in page
    changes = (await client.get(f"/cvs/{tailored.id}/changes", headers=ENGLISH)).text
    assert 'data-testid="match-panel"' in changes and f'data-score="{api["score"]}"' in changes
    source_changes = (await client.get(f"/cvs/{source.id}/changes", headers=ENGLISH)).text
    assert 'data-testid="match-panel"' not in source_changes

    await db.delete(source)
    await db.commit()
    orphan = (await client.get(f"/cvs/{tailored.id}/match", headers=ENGLISH)).text
    assert "has been deleted: it is compared with itself" in orphan


async def test_finished_offers_show_their_score_on_the_generation_page(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await register(api, "match-generation@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    started = await api.post(
        "/api/cv/generate-v2", json={"sourceCvFile": source.id, "jobOfferIds": [offer.id]}
    )
    task = await wait_finished(session_factory, started.json()["taskId"])
    assert task.status == "completed", task.error
    generated = task.generated_cv_ids[0]
    analysis = (await api.get(f"/api/cvs/{generated}/match")).json()
    assert analysis["after"] is not None and analysis["sourceCvId"] == source.id

    panel = (await api.get(f"/generations/{task.id}/panel", headers=ENGLISH)).text
    compact = re.search(r'<p class="match-compact".*?</p>', panel, re.S)
    assert compact is not None
    assert f'data-score="{analysis["score"]}"' in compact[0]
    assert f'href="/cvs/{generated}/match"' in compact[0]
    before, ceiling = round(100 * analysis["before"]), round(100 * analysis["ceiling"])
    assert f"before {before} % · ceiling {ceiling} %" in compact[0]
    # The live stream renders the same panel (it replaces the page's on every update).
    async with api.stream("GET", f"/generations/{task.id}/stream", headers=ENGLISH) as stream:
        lines = stream.aiter_lines()
        assert await anext(lines) == "event: panel"
        streamed = await anext(lines)
    assert 'class="match-compact"' in streamed and f'data-score="{analysis["score"]}"' in streamed


async def test_the_offer_page_compares_the_cv_last_tailored_for_it_by_default(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "match-default@example.com")
    tailored_from = await factories.source_cv(db, me["id"])
    newest = await factories.source_cv(db, me["id"], GARDENER_CV)
    offer = await factories.job_offer(db, me["id"])
    untouched = await factories.job_offer(db, me["id"], title="Another offer")
    await generated_cv(db, me["id"], offer, tailored_from, tailored_from.content)

    page = await client.get(f"/offers/{offer.id}", headers=ENGLISH)
    assert selected_cv(page.text) == tailored_from.id  # the select names the CV compared
    api = (await client.get(f"/api/job-offers/{offer.id}/match")).json()
    assert (
        api["score"]
        == (await client.get(f"/api/job-offers/{offer.id}/match?cvId={tailored_from.id}")).json()[
            "score"
        ]
    )
    other = await client.get(f"/offers/{untouched.id}", headers=ENGLISH)
    assert selected_cv(other.text) == newest.id  # never tailored: the newest source CV
