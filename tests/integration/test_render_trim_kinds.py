"""A render that cut skills and interests to fit its page budget: the stored meta says what kind
each cut was, and the preview page lists them as such, in English and in French."""

from __future__ import annotations

import html

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvFile
from app.lib.pdf_render.budget import bullet_key, interest_key, skill_key
from app.lib.pdf_render.samples import sample_cv
from jobs.render import render_cv_file
from tests.conftest import register
from tests.integration.test_renders import add_cv

Client = AsyncTestClient[Litestar]


async def test_preview_lists_cut_skills_and_interests_by_kind(
    client: Client, session_factory: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    me = await register(client, "trimkinds@example.com")
    cv = sample_cv("en")
    # Longer than one page even at the fit's smallest type (fit.py, rule 0): cuts are needed.
    cv.experience[0].bullets += [
        f"Ran quarterly review {n} of the data platform with the finance team and its analysts."
        for n in range(8)
    ]
    relevance = {
        bullet_key(item.id, i): 0.5
        for item in [*cv.experience, *cv.projects]
        for i in range(len(item.bullets))
    }
    # Every skill but the six best scored low: more than the room left after the fit takes back
    # (fit.py, rule 4), so some stay cut.
    relevance |= {skill_key(i): 0.05 + i / 1000 for i in range(len(cv.skills))}
    relevance |= {interest_key(i): 0.0 for i in range(len(cv.extras.interests))}
    cv_id = await add_cv(
        session_factory,
        me["id"],
        cv,
        kind="generated",
        offer={"title": "Data Engineer", "company": "Initech", "language": "en"},
        meta={"relevance": relevance, "page_budget": 1},
    )
    # Rendered as at recompose: the preview then reads the cache, no worker needed.
    async with session_factory() as session:
        row = await session.get(CvFile, cv_id)
        assert row is not None
        rendered = await render_cv_file(session, settings, row)
        await session.commit()
    kinds = [t.kind for t in rendered.trimmed]
    assert kinds[:4] == ["interest", "interest", "interest", "skill"], kinds
    skill = rendered.trimmed[3].text
    assert "bullet" in kinds
    async with session_factory() as session:
        row = await session.get(CvFile, cv_id)
        assert row is not None
        stored = row.generation_meta["render"]["trimmed"]
    assert [t["kind"] for t in stored] == kinds

    page = await client.get(f"/cvs/{cv_id}/preview", headers={"accept-language": "en"})
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert f"{len(kinds)} items left out to fit the page budget" in text
    assert f"<li>Skill: {skill}</li>" in text and "<li>Interest: Woodworking</li>" in text
    bullet = next(t.text for t in rendered.trimmed if t.kind == "bullet")
    assert f"<li>{bullet}</li>" in text  # bullets keep their bare text

    page = await client.get(f"/cvs/{cv_id}/preview", headers={"accept-language": "fr"})
    text = html.unescape(page.text)
    assert f"{len(kinds)} éléments écartés pour tenir dans le nombre de pages" in text
    assert f"<li>Compétence : {skill}</li>" in text
    assert "<li>Centre d'intérêt : Woodworking</li>" in text
