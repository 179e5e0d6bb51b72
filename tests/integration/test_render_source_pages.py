"""The default page budget of a tailored CV is never below the page count of the user's own
uploaded PDF it was made from (up to the largest budget offered); a chosen budget, a pasted
source, another user's CV or a plain source CV keep the 1-or-2-page rule."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile
from app.domain.renders import services
from app.lib.pdf_render import default_page_budget
from app.lib.pdf_render.samples import junior_cv
from tests import factories
from tests.conftest import register

Client = AsyncTestClient[Litestar]


async def _source(
    db: AsyncSession, user_id: str, *, pages: int | None, mime: str = "application/pdf"
) -> CvFile:
    row = await factories.source_cv(db, user_id, junior_cv().to_json())
    row.original_mime = mime
    row.import_report = {"pages": pages} if pages is not None else {}
    await db.commit()
    return row


async def _budget(db: AsyncSession, cv: CvFile) -> tuple[int, bool]:
    spec = await services.render_spec(db, cv, fallback_locale="en")
    return spec.page_budget, spec.page_budget_is_default


async def test_a_tailored_cv_defaults_to_at_least_its_source_pdfs_pages(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "source-pages@example.com")
    assert default_page_budget(junior_cv()) == 1
    offer = await factories.job_offer(db, me["id"])

    two = await _source(db, me["id"], pages=2)
    tailored = await factories.tailored_cv(db, two, offer)
    assert await _budget(db, tailored) == (2, True)
    # The user's choice still wins.
    await services.set_render_settings(db, tailored, page_budget=1)
    assert await _budget(db, tailored) == (1, False)

    five = await _source(db, me["id"], pages=5)
    assert await _budget(db, await factories.tailored_cv(db, five, offer)) == (3, True)

    # No page count to go by: a pasted source, an import without pages, a deleted source.
    pasted = await _source(db, me["id"], pages=2, mime="text/plain")
    assert await _budget(db, await factories.tailored_cv(db, pasted, offer)) == (1, True)
    unread = await _source(db, me["id"], pages=None)
    assert await _budget(db, await factories.tailored_cv(db, unread, offer)) == (1, True)
    gone = await factories.tailored_cv(db, two, offer)
    gone.generation_meta = {"source_cv_id": "no-such-cv"}
    await db.commit()
    assert await _budget(db, gone) == (1, True)
    # The source CV itself keeps the rule.
    assert await _budget(db, two) == (1, True)


async def test_another_users_source_is_not_read(client: Client, db: AsyncSession) -> None:
    me = await register(client, "source-pages-owner@example.com")
    other = await register(client, "source-pages-other@example.com")
    theirs = await _source(db, other["id"], pages=3)
    offer = await factories.job_offer(db, me["id"])
    mine = await factories.tailored_cv(db, await _source(db, me["id"], pages=1), offer)
    mine.generation_meta = {"source_cv_id": theirs.id}
    await db.commit()
    assert await _budget(db, mine) == (1, True)
