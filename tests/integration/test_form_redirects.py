"""Every HTML form route answers with a 303, saved or refused (Post/Redirect/Get).

The routes come from the app's own route table (tests/security/routes.py, as the security
sweeps): every POST outside ``/api`` must be listed below with a body that the route takes and,
where the form can be refused for what it holds, one it refuses. A route added later fails
here until it is listed. A refusal's 303 leads to a page (GET, 200) that says why.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User
from app.domain.admin.pages import number_ranges
from app.domain.invitations.services import create_invitation
from app.settings.registry import AI_MODELS_STRUCTURE, REGISTRATION_SETTING
from tests import factories
from tests.conftest import csrf_token, register
from tests.fixtures.cv_texts import TEXT_CVS
from tests.security.objects import Objects, own_objects
from tests.security.routes import PUBLIC_PREFIXES, Endpoint, endpoints, fillings

Client = AsyncTestClient[Litestar]
Body = Callable[[Objects], dict[str, Any]]
PASSWORD = "correct horse"  # tests/conftest.py's register
OFFER_TEXT = "Python Backend Developer at Parcel Express, Lyon.\n\n" + "\n".join(
    [factories.EN_OFFER["description"]] * 3
)
SOURCE = "https://jobs.example.com/rss"  # the owner's search's (tests/security/objects.py)
MODELS = {name: "gpt-4o-mini" for group in AI_MODELS_STRUCTURE.values() for name in group}
NUMBERS = {name: str(low) for name, (low, _high) in number_ranges().items()}
LETTER = {
    "recipient": "Hiring team",
    "subject": "Application",
    "greeting": "Dear team,",
    "paragraph-0": "I build Python services.",
    "closing": "Kind regards,",
    "signature": "Owner",
}


OWN_ENDPOINT = {
    "ai_base_url": "http://127.0.0.1:9/v1",
    "ai_api_key": "sk-form-redirect-test",
    "ai_model_tailoring": "gpt-4o-mini",
}


MAILBOX = {"host": "93.184.216.34", "port": "993", "username": "me", "password": "app-pw"}


def _same(body: dict[str, Any]) -> Body:
    return lambda _objects: body


# (what the route saves, what it refuses): None where nothing the form holds can be refused
# (a button: cancel, delete, restore…), or where a save needs what a test cannot reach (a
# remote page to fetch, a generated CV to review: their own tests cover it).
FORMS: dict[str, tuple[Body | None, Body | None]] = {
    "/account/password": (
        _same({"current_password": PASSWORD, "new_password": PASSWORD}),
        _same({"current_password": "not it", "new_password": "long enough, new"}),
    ),
    "/account/tokens": (_same({"name": "laptop"}), _same({"name": ""})),
    "/account/tokens/{token_id:str}/delete": (_same({}), None),
    "/account/delete": (None, _same({"password": "not it"})),  # a save ends the sweep
    "/account/sessions/logout": (_same({}), None),
    # The photo: an upload without a file, a crop or an acceptance with nothing to crop or
    # accept are refused (uploads and crops are tested with real images in test_photos.py).
    "/account/photo": (None, _same({})),
    "/account/photo/crop": (None, _same({"left": "0", "top": "0", "side": "50"})),
    "/account/photo/delete": (_same({}), None),
    "/account/photo/offer/accept": (None, _same({})),
    "/account/photo/offer/dismiss": (_same({}), None),
    "/account/letter-template": (
        _same({"letter_template": "Dear {company},"}),
        _same({"letter_template": "Dear {compnay},"}),
    ),
    "/admin/invitations": (_same({"days": "7"}), _same({"days": "0"})),
    "/admin/offer-urls": (_same({"allow_private_offer_urls": "true"}), None),  # a tick box
    "/admin/users/{user_id:str}/role": (_same({"admin": "1"}), None),
    "/admin/users/{user_id:str}/reset-link": (_same({}), None),
    "/admin/invitations/revoke": (lambda o: {"id": o["invitation"][0]}, None),
    "/admin/users/{user_id:str}/credits": (_same({"amount": "5"}), _same({"amount": "0"})),
    "/admin/endpoint": (_same({"llm_base_url": ""}), _same({"llm_base_url": "ftp://x"})),
    "/admin/llm-calls": (
        _same({"llm_temperature": "0.2", "llm_max_concurrency": "2"}),
        _same({"llm_temperature": "9", "llm_max_concurrency": "2"}),
    ),
    "/admin/models": (_same(MODELS), _same({**MODELS, next(iter(MODELS)): "no spaces allowed"})),
    "/admin/pipeline": (_same(NUMBERS), _same({**NUMBERS, "max_retries": "99"})),
    "/admin/registration": (
        _same({REGISTRATION_SETTING: "open"}),
        _same({REGISTRATION_SETTING: "maybe"}),
    ),
    "/applications": (lambda o: {"job_offer_id": o["offer"][0]}, None),
    "/applications/{application_id:str}": (_same({"rating": "4"}), _same({"rating": "9"})),
    "/applications/{application_id:str}/notes": (_same({"body": "Called."}), _same({"body": ""})),
    "/applications/{application_id:str}/sent": (lambda o: {"cv_file_id": o["cv"][0]}, None),
    "/applications/{application_id:str}/status": (
        _same({"status": "interview"}),
        _same({"status": "lost"}),
    ),
    "/applications/{application_id:str}/delete": (_same({"confirm": "yes"}), None),
    "/cvs/upload": (None, _same({})),  # no file: refused; an import is tested with its files
    "/cvs/text": (_same({"text": TEXT_CVS["en_no_blank_lines"].text}), _same({"text": " "})),
    "/cvs/{cv_id:str}/retry": (_same({}), None),
    "/cvs/{cv_id:str}/edit": (
        _same({"summary-summary": "Saved with the one Save."}),
        _same({"header-name": "Owner", "header-email": "not-an-email"}),
    ),
    "/cvs/{cv_id:str}/sections/{section:str}": (
        _same({"summary": "Saved from its section."}),
        _same({"summary": "x" * 10_001}),
    ),
    "/cvs/{cv_id:str}/versions/{version_id:str}/restore": (_same({}), None),
    "/cvs/{cv_id:str}/report/dismiss": (_same({"key": "none"}), None),
    "/cvs/{cv_id:str}/fixes/move-bullets": (None, _same({"first": "x"})),
    "/cvs/{cv_id:str}/fixes/place-line": (None, _same({"line": "not in the file"})),
    "/cvs/{cv_id:str}/fixes/to-skill": (None, _same({"section": "languages", "item": "x"})),
    "/cvs/{cv_id:str}/design": (
        _same({"design": "modern", "page_budget": "1", "language": "auto"}),
        _same({"design": "nope", "page_budget": "1", "language": "auto"}),
    ),
    "/cvs/{cv_id:str}/preview/versions/{version:int}/restore": (_same({}), None),
    "/cvs/{cv_id:str}/changes": (None, _same({"action": "nonsense"})),
    "/cvs/{cv_id:str}/delete": (_same({"confirm": "yes"}), None),
    "/generations": (
        lambda o: {"source_cv_id": o["cv"][0], "job_offer_ids": o["offer"][0], "misread_ok": "1"},
        _same({"mode": "adapt"}),
    ),
    "/generations/{task_id:str}/cancel": (_same({}), None),
    "/cover-letters": (lambda o: {"cv_file_id": o["cv"][0], "job_offer_id": o["offer"][0]}, None),
    "/cover-letters/{letter_id:str}": (_same(LETTER), _same({**LETTER, "subject": "x" * 301})),
    "/cover-letters/{letter_id:str}/versions/{number:int}/restore": (_same({}), None),
    "/cover-letters/{letter_id:str}/delete": (_same({"confirm": "yes"}), None),
    "/pitches": (
        lambda o: {"cv_file_id": o["cv"][0], "target": o["offer"][0], "kind": "30s"},
        lambda o: {"cv_file_id": o["cv"][0], "target": "context", "context": ""},
    ),
    "/pitches/{pitch_id:str}": (_same({"text": "My own pitch."}), _same({"text": " "})),
    "/pitches/{pitch_id:str}/default": (_same({"on": "1"}), None),
    "/pitches/{pitch_id:str}/delete": (_same({"confirm": "yes"}), None),
    "/inbox/send": (
        _same({"url": "https://jobs.example.com/9", "title": "Dev", "text": OFFER_TEXT}),
        _same({"url": "not an address"}),
    ),
    "/inbox/searches": (
        _same({"name": "Data", "interval_minutes": "60"}),
        _same({"name": "Data", "interval_minutes": "60", "sources": "not-a-url"}),
    ),
    "/inbox/searches/{search_id:str}": (
        _same({"name": "Renamed", "interval_minutes": "60", "sources": SOURCE}),
        _same({"name": "Renamed", "interval_minutes": "60", "sources": "not-a-url"}),
    ),
    "/inbox/searches/{search_id:str}/sources": (
        _same({"url": "https://jobs.example.com/other.rss"}),
        _same({"url": "not a url"}),
    ),
    "/inbox/searches/{search_id:str}/sources/{source_id:str}/delete": (_same({}), None),
    "/inbox/searches/{search_id:str}/run": (_same({}), None),
    "/inbox/searches/{search_id:str}/delete": (_same({"confirm": "yes"}), None),
    "/inbox/{item_id:str}/approve": (_same({}), None),
    "/inbox/{item_id:str}/reject": (_same({"reason": "Too junior"}), None),
    "/inbox/selected": (
        lambda o: {"action": "approve", "item_ids": o["inbox_item"][0]},
        _same({"action": "approve"}),
    ),
    "/offers/text": (_same({"text": OFFER_TEXT}), _same({"text": ""})),
    "/offers/url": (None, _same({"url": "http://127.0.0.1:9/job"})),  # no remote page here
    "/offers/json": (
        _same({"json": json.dumps({"title": "Dev", "description": OFFER_TEXT})}),
        _same({"json": "{oops"}),
    ),
    "/offers/{offer_id:str}": (
        _same({"title": "Renamed", "description": OFFER_TEXT}),
        _same({"title": "Renamed", "description": " "}),
    ),
    "/offers/{offer_id:str}/header": (_same({"pick_company": "Acme"}), None),
    "/offers/{offer_id:str}/posting/reopen": (_same({}), None),
    # A public address literal: saved with no DNS; a connection without TLS to it is refused.
    "/mailbox": (
        _same(MAILBOX | {"security": "ssl"}),
        _same(MAILBOX | {"security": "none"}),
    ),
    "/mailbox/replies/{reply_id:str}/accept": (
        _same({"status": "interview", "back": "board"}),
        _same({"status": "not-a-status", "back": "board"}),
    ),
    "/mailbox/replies/{reply_id:str}/dismiss": (_same({"back": "mailbox"}), None),
    "/mailbox/delete": (_same({}), None),
    # Saved needs a requirement the CV lacks (tests/integration/test_match_answers.py).
    "/offers/{offer_id:str}/match/answers": (
        None,
        _same({"requirement_id": "r1", "statement": " "}),
    ),
    "/offers/{offer_id:str}/delete": (_same({"confirm": "yes"}), None),
    "/tasks/{task_id:str}/cancel": (_same({}), None),
    "/tasks/{task_id:str}/delete": (_same({}), None),
    "/tasks/purge": (_same({}), None),
    "/achievements": (_same({"title": "A story"}), _same({"title": " "})),
    "/achievements/{achievement_id:str}": (
        _same({"title": "Renamed story", "result": "Cut costs by 10%"}),
        _same({"title": "Renamed story", "status": "complete"}),
    ),
    "/achievements/{achievement_id:str}/delete": (_same({"confirm": "yes"}), None),
    # The STAR coach (the guided form: no LLM here). Accepting needs a finished conversation
    # (tests/integration/test_coach_pages.py); before it, it is refused, as asking again is.
    "/coach": (_same({"experience": "", "language": "en"}), _same({"experience": "x:exp_acme"})),
    "/coach/{conversation_id:str}/messages": (
        _same({"text": "The parcel tracking API at Acme Logistics, my proudest project."}),
        _same({"text": " "}),
    ),
    "/coach/{conversation_id:str}/retry": (None, _same({})),
    "/coach/{conversation_id:str}/accept": (None, _same({"title": "A story"})),
    "/coach/{conversation_id:str}/abandon": (_same({}), None),
    # A private address is refused by default (a public one would be resolved: no network here).
    "/account/ai-endpoint": (None, _same(OWN_ENDPOINT)),
    "/account/ai-endpoint/test": (None, _same(OWN_ENDPOINT)),
    "/account/ai-endpoint/delete": (_same({}), None),
    "/admin/user-endpoints": (_same({"allow_user_llm_endpoints": "true"}), None),
    "/coach/{conversation_id:str}/resume": (_same({}), None),
    # The ATS check: an upload without a file is refused (uploads are tested with their PDFs
    # in tests/integration/test_ats_check.py), and so is a CV that is not a tailored one.
    "/ats/upload": (None, _same({})),
    "/ats/tailored": (None, lambda o: {"cv_file_id": o["cv"][0]}),
}
# The visitor's own forms, in this order (refused: True), starting signed out.
VISITOR = {"email": "visitor@example.com", "password": PASSWORD}
PUBLIC_STEPS: list[tuple[str, dict[str, str], bool]] = [
    ("/login", {**VISITOR, "password": "not it"}, True),
    ("/register", {**VISITOR, "password": "short"}, True),
    ("/register", VISITOR, False),
    ("/login", VISITOR, False),
    ("/locale", {"locale": "fr", "next": "/"}, False),
    ("/password/forgot", {"email": "someone@example.com"}, False),
    ("/password/reset", {"token": "not-a-link", "password": "long enough, new"}, True),
    ("/logout", {}, False),
]
PUBLIC_FORMS = {path for path, _body, _refused in PUBLIC_STEPS}
NOT_REDIRECTED = {
    "/admin/test-connection": "the Test button's htmx fragment: a report, nothing stored",
}
# Last: these end what the others need (the objects, then the session itself).
ENDING = ("/delete", "/purge", "/account/sessions/logout")


def _form_routes(app: Litestar) -> list[Endpoint]:
    return [
        e
        for e in endpoints(app)
        if e.method == "POST" and not e.is_api and not e.path.startswith(PUBLIC_PREFIXES)
    ]


def _order(endpoint: Endpoint) -> tuple[int, int, str]:
    """Deletes last (a search's source before the search), ending the session last of all."""
    ending = endpoint.path.endswith(ENDING)
    rank = 2 if endpoint.path == "/account/sessions/logout" else int(ending)
    return (rank, -endpoint.path.count("/"), endpoint.path)


def test_every_form_route_is_listed(app: Litestar) -> None:
    listed = set(FORMS) | set(PUBLIC_FORMS) | set(NOT_REDIRECTED)
    routes = {e.path for e in _form_routes(app)}
    assert len(routes) >= 60, "the route table lost its forms"
    assert routes - listed == set(), "list these form routes here"
    assert listed - routes == set(), "these routes are gone"


async def _check(client: Client, path: str, url: str, body: dict[str, Any], refused: bool) -> str:
    # The token as the form's page would carry it now: a form before may have rotated the
    # session (a password change), and tokens are bound to it.
    client.headers["x-csrftoken"] = client.cookies.get("csrftoken") or ""
    answer = await client.post(url, data=body, follow_redirects=False)
    what = f"{'refused' if refused else 'saved'} POST {path}"
    if answer.status_code != 303:
        return f"{what}: {answer.status_code} {answer.text[:200]!r}"
    location = answer.headers["location"]
    if refused:
        page = await client.get(location)
        if page.status_code != 200 or 'role="alert"' not in page.text:
            return f"{what}: {location} answered {page.status_code} without the message"
    return ""


async def test_every_form_answers_with_a_303_saved_or_refused(
    app: Litestar, client: Client, another_client: Any, db: AsyncSession, settings: Settings
) -> None:
    client.headers["accept-language"] = "en"
    me = await register(client, "forms@example.com")  # the first account: admin
    client.headers["x-csrftoken"] = await csrf_token(client)
    objects = await own_objects(client, db, settings, me)
    admin = await db.get(User, me["id"])
    assert admin is not None
    invitation, _token = await create_invitation(db, admin, "", 7)
    await db.commit()
    objects["invitation"] = [invitation.id]
    wrong = []
    for endpoint in sorted(_form_routes(app), key=_order):
        if endpoint.path not in FORMS:
            continue
        url = endpoint.url(next(fillings(endpoint, objects)))
        saved, refused = FORMS[endpoint.path]
        if refused is not None:
            wrong.append(await _check(client, endpoint.path, url, refused(objects), True))
        if saved is not None:
            wrong.append(await _check(client, endpoint.path, url, saved(objects), False))
    async with another_client() as visitor:
        visitor.headers["accept-language"] = "en"
        visitor.headers["x-csrftoken"] = await csrf_token(visitor)
        for path, body, refused_form in PUBLIC_STEPS:
            wrong.append(await _check(visitor, path, path, body, refused_form))
    assert not [w for w in wrong if w], "\n".join(w for w in wrong if w)
