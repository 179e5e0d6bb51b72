"""No internal identifier as visible text: the dashboard's activity, the credit ledger, the admin
page (settings, queue health, per-phase statistics) and every other main member page (CVs, a
tailored CV with its preview and changes, offers, applications, cover letters, the job inbox,
tasks, generations) show words, in English and French, for every code the app stores. The
identifiers come from the code's own registries (settings, credit features, phases, statuses,
the event names its publishers send), not from a list here."""

from __future__ import annotations

import ast
import asyncio
import html
import re
from typing import Any

import pytest
from arq.worker import Worker
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app import events
from app.config import PROJECT_ROOT, Settings
from app.db.models import (
    Application,
    CoverLetter,
    CreditTransaction,
    CvGenerationSubtask,
    CvGenerationTask,
    User,
)
from app.db.models.cover_letter import LetterStatus
from app.db.models.status import GenerationStatus, OfferStatus, TaskStatus
from app.lib import i18n
from app.lib.labels import LABELS, LEDGER_REASONS, label
from app.lib.llm.last_error import KEY as LAST_LLM_ERROR_KEY
from app.lib.templating import build_environment
from app.settings.registry import (
    AI_MODELS_STRUCTURE,
    PHASE_MODEL_SETTINGS,
    setting_definitions,
)
from app.task_kinds import register_task_kinds
from app.tasks.registry import priced
from jobs.pipeline.core.schemas import PHASE_SCHEMAS
from tests import factories
from tests.conftest import register
from tests.integration.inbox_helpers import inbox_item, saved_search
from tests.integration.pipeline_helpers import generate, read_now, wait_finished

LOCALES = ("en", "fr")


def published_event_names() -> set[str]:
    """Every event name a tab may receive: the contract module lists them all (a name written
    anywhere else fails ``test_events_are_named_in_the_contract_module_only``)."""
    return set(events.ALL)


def _publish_calls() -> list[tuple[str, ast.expr]]:
    """(file, name argument) of every ``publish_event(…)`` and ``….publish(user, name, …)``."""
    calls: list[tuple[str, ast.expr]] = []
    for folder in ("app", "jobs"):
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                if isinstance(func, ast.Name) and func.id == "publish_event" and len(node.args) > 2:
                    calls.append((str(path), node.args[2]))
                elif isinstance(func, ast.Attribute) and func.attr == "publish" and node.args[1:]:
                    calls.append((str(path), node.args[1]))
    return calls


def test_events_are_named_in_the_contract_module_only() -> None:
    literals = [
        (path, ast.unparse(arg))
        for path, arg in _publish_calls()
        if isinstance(arg, ast.Constant | ast.JoinedStr)
    ]
    assert literals == []
    names = {
        value for name, value in vars(events).items() if name.isupper() and isinstance(value, str)
    }
    assert names - {events.GENERATION, events.TASKS_SNAPSHOT} == set(events.ALL)


def identifiers(settings: Settings) -> dict[str, set[str]]:
    register_task_kinds()  # the paid kinds declare their cost settings and credit features
    return {
        "settings": {d.name for d in setting_definitions(settings)},
        "setting groups": set(AI_MODELS_STRUCTURE),
        "features": {price.feature for price in priced()},
        "phases": set(PHASE_SCHEMAS) | set(PHASE_MODEL_SETTINGS),
        "statuses": {
            *GenerationStatus,
            *OfferStatus,
            *TaskStatus,
        },
        "events": published_event_names(),
    }


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _label_in(locale: str, code: str) -> str:
    token = i18n.current_locale.set(locale)
    try:
        return label(code)
    finally:
        i18n.current_locale.reset(token)


def shown_codes(text: str, codes: set[str], locale: str) -> list[str]:
    """Codes standing as words of ``text``, case-sensitive ("Running" is a word, "running" a
    status code). A code that is one plain English word ("completed") reads as English on an
    English page (the generation list words statuses so), so it is only looked for in French."""
    return sorted(
        code
        for code in codes
        if (locale != "en" or not code.isalpha())
        and _label_in(locale, code) != code  # "Extraction d'offre" is also French for its group
        and re.search(rf"(?<![\w:]){re.escape(code)}(?![\w:])", text)
    )


def test_every_registered_identifier_has_a_label_in_both_languages(settings: Settings) -> None:
    found = identifiers(settings)
    assert {"cv_generation_v2:offer_progress", "task:updated"} <= found["events"]
    missing = {kind: sorted(codes - set(LABELS)) for kind, codes in found.items()}
    assert not any(missing.values()), missing
    french = i18n.catalogue("fr")
    untranslated = sorted({m for m in LABELS.values() if m not in french})
    assert not untranslated, untranslated


@pytest.mark.parametrize("locale", LOCALES)
def test_activity_items_name_events_in_words(settings: Settings, locale: str) -> None:
    template = build_environment().get_template("_partials/event_item.html")
    events = identifiers(settings)["events"]
    token = i18n.current_locale.set(locale)
    try:
        for name in sorted(events):
            fragment = template.render(name=name, payload={"taskId": "t1"})
            assert f'data-event="{name}"' in fragment  # the code stays for scripts
            assert name not in visible_text(fragment), fragment
    finally:
        i18n.current_locale.reset(token)


async def _seed_codes(db: AsyncSession, email: str, settings: Settings) -> None:
    """Rows that carry every stored code the pages show: ledger reasons, generation statuses,
    completed calls of every phase."""
    user = (await db.scalars(select(User).where(User.email == email))).one()
    for reason in [*(price.feature for price in priced()), *LEDGER_REASONS]:
        db.add(CreditTransaction(user_id=user.id, amount=-1, type="debit", reason=reason))
    tasks = [CvGenerationTask(user_id=user.id, status=s) for s in GenerationStatus]
    db.add_all(tasks)
    await db.flush()
    for phase in identifiers(settings)["phases"]:
        db.add(
            CvGenerationSubtask(
                task_id=tasks[0].id,
                type=phase,
                status="completed",
                prompt_tokens=10,
                completion_tokens=5,
                duration_ms=20,
                model_used="gpt-4o-mini",
            )
        )
    await db.commit()


async def seed_member_pages(
    api: Any, db: AsyncSession, sessions: async_sessionmaker[AsyncSession], user_id: str
) -> dict[str, str]:
    """What a member's main pages show, made the way the app makes it (the ``worker`` runs, no
    LLM endpoint: the offline engine): a source CV and an offer, a generation that completed
    (a tailored CV, the application it tracks), a cover letter written for the offer, a saved
    search with one inbox item. Returns every main member page's path by name, and the ids
    (``source``, ``offer``, ``generation``, ``tailored``, ``letter``) under their names."""
    source = await factories.source_cv(db, user_id)
    offer = await factories.job_offer(db, user_id)
    generation = (await generate(api, source.id, [offer.id])).json()["taskId"]
    done = await wait_finished(sessions, generation)
    assert done.status == "completed" and done.generated_cv_ids, done.error
    tailored = done.generated_cv_ids[0]
    started = await api.post(
        "/cover-letters",
        data={"cv_file_id": source.id, "job_offer_id": offer.id},
        follow_redirects=False,
    )
    assert started.status_code == 303, started.text
    letter = started.headers["location"].rsplit("/", 1)[1]
    written = select(CoverLetter.status).where(CoverLetter.id == letter)
    async with asyncio.timeout(60):
        while await read_now(sessions, written) not in (
            LetterStatus.COMPLETED,
            LetterStatus.FAILED,
        ):
            await asyncio.sleep(0.1)
    assert await read_now(sessions, written) == LetterStatus.COMPLETED
    application = await read_now(
        sessions, select(Application.id).where(Application.user_id == user_id)
    )
    assert application is not None
    search = await saved_search(db, user_id)
    await inbox_item(db, user_id, 1, search=search)
    ids = {
        "source": source.id,
        "offer": offer.id,
        "generation": generation,
        "tailored": tailored,
        "letter": letter,
    }
    pages = {
        "dashboard": "/",
        "cvs": "/cvs",
        "cv": f"/cvs/{source.id}",
        "tailored-cv": f"/cvs/{tailored}",
        "preview": f"/cvs/{tailored}/preview",
        "changes": f"/cvs/{tailored}/changes",
        "offers": "/offers",
        "offer": f"/offers/{offer.id}",
        "applications": "/applications",
        "applications-board": "/applications/board",
        "applications-list": "/applications/list",
        "application": f"/applications/{application}",
        "cover-letters": "/cover-letters",
        "letter": f"/cover-letters/{letter}",
        "inbox": "/inbox",
        "inbox-searches": "/inbox/searches",
        "account": "/account",
        "letter-template": "/account/letter-template",
        "tasks": "/tasks",
        "generations": "/generations",
        "generation": f"/generations/{generation}",
        "admin": "/admin/",
    }
    return {**ids, **{f"page:{name}": path for name, path in pages.items()}}


def member_pages(seeded: dict[str, str]) -> dict[str, str]:
    """The page paths of ``seed_member_pages``'s answer, by name."""
    return {k.removeprefix("page:"): v for k, v in seeded.items() if k.startswith("page:")}


@pytest.mark.parametrize("locale", LOCALES)
async def test_pages_show_no_internal_identifier(
    api: Any,
    db: AsyncSession,
    redis: Redis,
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
    locale: str,
) -> None:
    # An earlier test's LLM failure would show on the admin page in the client library's own
    # English words ("failed with HTTP 500"), kept verbatim for the administrator.
    await redis.delete(LAST_LLM_ERROR_KEY)
    email = f"labels-{locale}@example.com"
    me = await register(api, email)  # the first account: an administrator
    pages = member_pages(await seed_member_pages(api, db, session_factory, me["id"]))
    await _seed_codes(db, email, settings)
    codes = set().union(*identifiers(settings).values())
    headers = {"Accept-Language": locale}
    markers = {"dashboard": 'id="live-events"', "account": "-1", "admin": 'id="stats"'}
    assert set(markers) <= set(pages)
    shown: dict[str, list[str]] = {}
    for name, path in pages.items():
        page = await api.get(path, headers=headers)
        assert page.status_code == 200, path
        assert markers.get(name, "") in page.text, path
        found = shown_codes(visible_text(page.text), codes, locale)
        if found:
            shown[path] = found
    assert shown == {}
    admin = visible_text((await api.get("/admin/", headers=headers)).text)
    with_locale = i18n.current_locale.set(locale)
    try:
        for phase in PHASE_SCHEMAS:  # the statistics name every phase in words
            assert label(phase) in admin, phase
        assert label("gpt_cv_generation") in visible_text(
            (await api.get("/account", headers=headers)).text
        )
    finally:
        i18n.current_locale.reset(with_locale)
