"""The inbox pages without JavaScript: plain forms that answer 303 (or the page again with the
error in words), bulk approve and reject, the tabs, the saved-search forms, and the
bookmarklet's confirm page (no token in the link; the item lands pending, or the worker is
asked to read the page when no text was selected)."""

from __future__ import annotations

import re
from urllib.parse import quote

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, JobOffer
from app.db.models.job_search import InboxItem, SavedSearch
from tests.conftest import csrf_token, post_form, register
from tests.integration.inbox_helpers import OFFER_TEXT, inbox_item
from tests.prg import followed


async def test_forms_triage_one_by_one_and_in_bulk(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    client.headers["accept-language"] = "en"
    me = await register(client, "forms@example.com")
    items = [await inbox_item(db, me["id"], n, score=float(n * 10)) for n in range(1, 6)]
    page = (await client.get("/inbox")).text
    order = re.findall(r'data-item-id="([^"]+)"', page)
    assert order == [i.id for i in reversed(items)]  # best first
    assert "Python Developer 5" in page and "Company 5" in page

    one = await post_form(client, f"/inbox/{items[4].id}/approve", {"back": "pending"})
    assert one.status_code == 303 and one.headers["location"] == "/inbox"
    two = await post_form(
        client, f"/inbox/{items[3].id}/reject", {"back": "pending", "reason": "Agency"}
    )
    assert two.status_code == 303
    bulk = await post_form(
        client,
        "/inbox/selected",
        {"action": "reject", "reason": "Too junior", "item_ids": [items[0].id, items[1].id]},
    )
    assert bulk.status_code == 303, bulk.text
    approved = await post_form(
        client, "/inbox/selected", {"action": "approve", "item_ids": [items[2].id]}
    )
    assert approved.status_code == 303
    empty = await post_form(client, "/inbox/selected", {"action": "approve"})
    empty = await followed(client, empty)
    assert "Select at least one offer" in empty.text

    statuses = {
        i.id: (i.status, i.reason_params)
        for i in await db.scalars(select(InboxItem).execution_options(populate_existing=True))
    }
    assert statuses[items[0].id] == ("rejected", {"words": "Too junior"})
    assert statuses[items[3].id] == ("rejected", {"words": "Agency"})
    assert statuses[items[4].id][0] == statuses[items[2].id][0] == "approved"
    rejected_tab = (await client.get("/inbox?status=rejected")).text
    assert (
        "Rejected by you: Too junior" in rejected_tab and "Rejected by you: Agency" in rejected_tab
    )
    approved_tab = (await client.get("/inbox?status=approved")).text
    offers = list(await db.scalars(select(JobOffer.id)))
    assert len(offers) == 2 and all(f"/offers/{o}" in approved_tab for o in offers)
    assert "Nothing to triage" in (await client.get("/inbox")).text
    switched = await post_form(client, "/locale", {"locale": "fr", "next": "/inbox"})
    assert switched.status_code in (302, 303)
    french = (await client.get("/inbox?status=rejected")).text
    assert "Rejetée par vous : Too junior" in french and "Offres à trier" in french


async def test_scripted_posts_answer_204_or_the_sentence(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    """What static/js/inbox.js receives: no page, the refusal as one sentence."""
    client.headers["accept-language"] = "en"
    me = await register(client, "keys@example.com")
    item = await inbox_item(db, me["id"], 1)
    blank = await inbox_item(db, me["id"], 2, text="", title="Bare")
    token = await csrf_token(client)
    headers = {"x-inbox-key": "1", "x-csrftoken": token}
    ok = await client.post(f"/inbox/{item.id}/approve", headers=headers)
    assert ok.status_code == 204
    refused = await client.post(f"/inbox/{blank.id}/approve", headers=headers)
    assert refused.status_code == 422
    assert refused.text == "This offer's text has not been read yet: try again in a moment."


async def test_search_forms_refuse_in_words_and_keep_what_was_typed(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    client.headers["accept-language"] = "en"
    await register(client, "searchforms@example.com")
    form = {
        "name": "Data jobs",
        "keywords": "python, sql\nairflow",
        "keywords_mode": "any",
        "red_flags": "unpaid",
        "remote": "remote",
        "min_salary": "50000",
        "interval_minutes": "60",
        "active": "on",
        "sources": "https://jobs.example.com/feed\nnot-a-url",
    }
    bad = await followed(client, await post_form(client, "/inbox/searches", form))
    assert "is not a web address" in bad.text and "airflow" in bad.text  # typed values kept
    good = await post_form(
        client, "/inbox/searches", {**form, "sources": "https://jobs.example.com/feed"}
    )
    assert good.status_code == 303, good.text
    search = await db.scalar(select(SavedSearch))
    assert search is not None and search.keywords == ["python", "sql", "airflow"]
    assert search.min_salary == 50000 and search.remote == "remote" and search.active
    page = (await client.get(good.headers["location"])).text
    assert "https://jobs.example.com/feed" in page and "Not fetched yet" in page

    paused = await post_form(
        client, f"/inbox/searches/{search.id}", {**form, "active": "", "sources": ""}
    )
    assert paused.status_code == 303
    await db.refresh(search)
    assert search.active is False
    added = await post_form(
        client, f"/inbox/searches/{search.id}/sources", {"url": "https://board.example.org/rss"}
    )
    assert added.status_code == 303
    run = await post_form(client, f"/inbox/searches/{search.id}/run", {})
    assert run.status_code == 303 and run.headers["location"].endswith("started=1")
    gone = await post_form(client, f"/inbox/searches/{search.id}/delete", {"confirm": "yes"})
    assert gone.status_code == 303
    assert await db.scalar(select(SavedSearch.id)) is None


async def test_bookmarklet_sends_to_the_confirm_page_and_files_a_pending_item(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    client.headers["accept-language"] = "en"
    me = await register(client, "bookmark@example.com")
    offers_page = (await client.get("/offers")).text
    link = re.search(r'data-testid="bookmarklet" href="([^"]+)"', offers_page)
    assert link is not None and link.group(1).startswith("javascript:")
    assert "inbox/send?url=" in link.group(1) and "token" not in link.group(1).lower()

    url = "https://careers.example.com/jobs/42?utm_source=x"
    confirm = await client.get(
        f"/inbox/send?url={quote(url)}&title=Backend%20dev&text={quote(OFFER_TEXT)}"
    )
    assert confirm.status_code == 200
    assert 'value="https://careers.example.com/jobs/42?utm_source=x"' in confirm.text
    sent = await post_form(
        client, "/inbox/send", {"url": url, "title": "Backend dev", "text": OFFER_TEXT}
    )
    assert sent.status_code == 303 and sent.headers["location"] == "/inbox?sent=1"
    item = await db.scalar(select(InboxItem).where(InboxItem.user_id == me["id"]))
    assert item is not None and item.origin == "bookmarklet" and item.status == "pending"
    assert item.title == "Backend dev" and "parcel tracking" in item.text
    again = await post_form(client, "/inbox/send", {"url": url, "title": "", "text": OFFER_TEXT})
    assert again.headers["location"] == "/inbox?sent=duplicate"

    bare = await post_form(client, "/inbox/send", {"url": "https://careers.example.com/jobs/43"})
    assert bare.status_code == 303
    fetch = await db.scalar(select(BackgroundTask).where(BackgroundTask.type == "inbox_page_fetch"))
    assert fetch is not None and fetch.user_id == me["id"]
    bad = await followed(
        client, await post_form(client, "/inbox/send", {"url": "javascript:alert(1)"})
    )
    assert "not a web address" in bad.text  # Post/Redirect/Get: back to the form's page


async def test_a_search_form_sets_its_cover_letter_template_in_french_and_english(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    client.headers["accept-language"] = "en"
    await register(client, "letterform@example.com")
    form = {"name": "Letters", "interval_minutes": "60", "active": "on"}
    page = (await client.get("/inbox/searches")).text
    assert "Cover-letter template for this search" in page and "{experience_company}" in page
    typo = await post_form(client, "/inbox/searches", {**form, "letter_template": "Hi {compnay}."})
    typo = await followed(client, typo)
    assert "Cover-letter template: unknown placeholders {compnay}." in typo.text
    assert ">Hi {compnay}.</textarea>" in typo.text  # what was typed is kept
    template = "Dear {company},\r\nI am {name}."
    good = await post_form(client, "/inbox/searches", {**form, "letter_template": template})
    assert good.status_code == 303, good.text
    search = await db.scalar(select(SavedSearch))
    assert search is not None and search.letter_template == "Dear {company},\nI am {name}."
    edit = (await client.get(f"/inbox/searches/{search.id}")).text
    assert ">Dear {company},\nI am {name}.</textarea>" in edit

    await post_form(client, "/locale", {"locale": "fr", "next": "/inbox/searches"})
    french = (await client.get(f"/inbox/searches/{search.id}")).text
    assert "Modèle de lettre de motivation pour les offres de cette recherche" in french
    refused = await post_form(
        client, f"/inbox/searches/{search.id}", {**form, "letter_template": "{x" * 3001}
    )
    refused = await followed(client, refused)
    assert "Modèle de lettre de motivation : 6000 caractères au plus" in refused.text
    cleared = await post_form(
        client, f"/inbox/searches/{search.id}", {**form, "letter_template": ""}
    )
    assert cleared.status_code == 303
    await db.refresh(search)
    assert search.letter_template == ""


async def test_the_inbox_says_when_offers_are_deleted(
    client: AsyncTestClient[Litestar],
) -> None:
    client.headers["accept-language"] = "en"
    await register(client, "ttlpage@example.com")
    for tab in ("pending", "rejected", "approved"):
        page = (await client.get(f"/inbox?status={tab}")).text
        assert "Offers left untriaged are deleted 60 days after they were found" in page
        assert "rejected ones 30 days after the decision" in page
    await post_form(client, "/locale", {"locale": "fr", "next": "/inbox"})
    french = (await client.get("/inbox")).text
    assert "Les offres non triées sont supprimées 60 jours après" in french
