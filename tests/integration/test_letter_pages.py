"""The cover-letter pages without JavaScript: "Write a cover letter" on the offer page starts a
letter (its page says it is being written), the written letter's editor saves a new version
(plain post and htmx), refuses what breaks a limit with the reason beside Save (422, nothing
stored), restores a version; the list; the account page's letter template refuses unknown
placeholders by name; French words."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoverLetter, CoverLetterVersion, User
from app.db.models.cover_letter import LetterStatus
from app.lib.letter_content import LetterContent
from tests import factories
from tests.conftest import post_form, register

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}

WRITTEN = LetterContent(
    recipient=["Hiring team", "Parcel Express"],
    subject="Application: Python Backend Developer",
    greeting="Dear hiring team,",
    paragraphs=["I build Python services.", "I would like to join Parcel Express."],
    closing="Kind regards,",
    signature="Alex Martin",
)


def _editor_fields(content: LetterContent, **changes: str) -> dict[str, str]:
    fields = {
        "recipient": "\n".join(content.recipient),
        "date_line": content.date_line,
        "subject": content.subject,
        "greeting": content.greeting,
        "closing": content.closing,
        "signature": content.signature,
        **{f"paragraph-{i}": p for i, p in enumerate(content.paragraphs)},
    }
    return {**fields, **changes}


async def _written(db: AsyncSession, letter_id: str) -> None:
    """What the worker does once the letter is written (its job is tested elsewhere)."""
    letter = await db.get(CoverLetter, letter_id)
    assert letter is not None
    letter.status = LetterStatus.COMPLETED
    letter.content = WRITTEN.to_json()
    letter.version = 1
    letter.meta = {
        "verifiedClaims": 4,
        "droppedClaims": 1,
        "dropped": [
            {"text": "I led 40 engineers at Google.", "reason": "not_in_cv", "tokens": ["Google"]}
        ],
    }
    db.add(CoverLetterVersion(cover_letter_id=letter.id, number=1, content=letter.content))
    await db.commit()


async def test_write_from_the_offer_page_then_edit_save_and_restore(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "letters@example.com")
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], title="Python Backend Developer")
    page = await client.get(f"/offers/{offer.id}", headers=ENGLISH)
    assert "Write a cover letter" in page.text and f'value="{cv.id}"' in page.text

    started = await post_form(
        client,
        "/cover-letters",
        {"cv_file_id": cv.id, "job_offer_id": offer.id, "length": "short", "tone": "warm"},
    )
    assert started.status_code == 303, started.text
    letter_id = started.headers["location"].rsplit("/", 1)[1]
    page = await client.get(f"/cover-letters/{letter_id}", headers=ENGLISH)
    assert 'id="letter-status"' in page.text and "Short · Warm" in page.text
    assert 'http-equiv="refresh"' in page.text  # without JavaScript it reloads itself
    status = await client.get(f"/cover-letters/{letter_id}/status", headers={"hx-request": "true"})
    assert "HX-Refresh" not in status.headers  # still being written

    early = await client.get(f"/cover-letters/{letter_id}/docx", headers=ENGLISH)
    assert early.status_code == 409 and 'data-error-code="letter.not_ready"' in early.text
    assert "<html" in early.text  # the letter's page saying why, not the API's JSON

    await _written(db, letter_id)
    status = await client.get(f"/cover-letters/{letter_id}/status", headers={"hx-request": "true"})
    assert status.headers.get("HX-Refresh") == "true"
    page = await client.get(f"/cover-letters/{letter_id}", headers=ENGLISH)
    assert "I build Python services." in page.text
    assert "I led 40 engineers at Google." in page.text  # the dropped sentence, listed
    assert "Not in your CV: Google" in page.text
    assert f'href="/cover-letters/{letter_id}/docx"' in page.text
    word = await client.get(f"/cover-letters/{letter_id}/docx")
    assert word.status_code == 200 and word.content.startswith(b"PK")
    assert "attachment" in word.headers["content-disposition"]
    assert (await client.get(f"/cover-letters/{letter_id}/odt")).status_code == 404

    edited = _editor_fields(WRITTEN, **{"paragraph-0": "I build and run Python services."})
    saved = await post_form(client, f"/cover-letters/{letter_id}", edited)
    assert saved.status_code == 303 and saved.headers["location"].endswith("?saved=1#editor")
    page = await client.get(saved.headers["location"], headers=ENGLISH)
    assert "Saved as a new version." in page.text and 'data-version="2"' in page.text

    too_long = _editor_fields(WRITTEN, subject="x" * 301)
    refused = await post_form(client, f"/cover-letters/{letter_id}", too_long)
    assert refused.status_code == 422
    assert "At most 300 characters (this one has 301)." in refused.text
    assert 'value="' + "x" * 301 + '"' in refused.text  # what was typed stays
    refused = await post_form(
        client, f"/cover-letters/{letter_id}", too_long, **{"hx-request": "true"}
    )
    assert refused.status_code == 422 and "data-save-error" in refused.text
    assert "<html" not in refused.text  # the editor alone, swapped in place

    in_place = await post_form(
        client, f"/cover-letters/{letter_id}", _editor_fields(WRITTEN), **{"hx-request": "true"}
    )
    assert in_place.status_code == 200 and "Saved as a new version." in in_place.text
    assert 'hx-swap-oob="true"' in in_place.text and 'data-version="3"' in in_place.text

    restored = await post_form(client, f"/cover-letters/{letter_id}/versions/2/restore", {})
    assert restored.status_code == 303
    letter = await db.get(CoverLetter, letter_id, populate_existing=True)
    assert letter is not None and letter.version == 4
    assert LetterContent.from_json(letter.content).paragraphs[0] == (
        "I build and run Python services."
    )

    listing = await client.get("/cover-letters", headers=ENGLISH)
    assert f'href="/cover-letters/{letter_id}"' in listing.text
    assert "Python Backend Developer" in listing.text
    french = await client.get(f"/cover-letters/{letter_id}", headers={"accept-language": "fr"})
    assert "Lettre de motivation" in french.text and "Enregistrer" in french.text

    # Tracked: the application's page offers to mark the letter as sent (a frozen copy).
    tracked = await post_form(client, "/applications", {"job_offer_id": offer.id})
    application = tracked.headers["location"]
    detail = await client.get(application, headers=ENGLISH)
    assert "Mark this letter as sent" in detail.text and 'id="cover-letters"' in detail.text
    sent = await post_form(client, f"{application}/sent", {"letter_id": letter_id})
    assert sent.status_code == 303, sent.text
    detail = await client.get(application, headers=ENGLISH)
    assert 'data-kind="letter"' in detail.text and "Cover letter: " in detail.text

    deleted = await post_form(client, f"/cover-letters/{letter_id}/delete", {"confirm": "yes"})
    assert deleted.status_code == 303
    assert await db.scalar(select(CoverLetter).where(CoverLetter.id == letter_id)) is None


async def test_letter_template_refuses_unknown_placeholders_by_name(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "template@example.com")
    account = await client.get("/account", headers=ENGLISH)
    assert 'id="letter-template"' in account.text and "{company}" in account.text

    text = "I would like to join {company} as {role}. Ask {compnay} or {first name}."
    refused = await post_form(client, "/account/letter-template", {"letter_template": text})
    assert refused.status_code == 422
    assert "{compnay}, {first name}" in refused.text
    user = await db.get(User, me["id"], populate_existing=True)
    assert user is not None and user.letter_template == ""

    refused = await post_form(
        client, "/account/letter-template", {"letter_template": text}, **{"hx-request": "true"}
    )
    assert refused.status_code == 422 and "<html" not in refused.text

    good = "I would like to join {company} as {role}."
    saved = await post_form(client, "/account/letter-template", {"letter_template": good})
    assert saved.status_code == 303
    user = await db.get(User, me["id"], populate_existing=True)
    assert user is not None and user.letter_template == good
    account = await client.get("/account", headers=ENGLISH)
    assert good in account.text
