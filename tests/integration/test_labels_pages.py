"""No internal identifier as visible text: the dashboard's activity, the credit ledger and the
admin page (settings, queue health, per-phase statistics) show words, in English and French,
for every code the app stores. The identifiers come from the code's own registries (settings,
credit features, phases, statuses, the event names its publishers send), not from a list here."""

from __future__ import annotations

import ast
import html
import re
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import PROJECT_ROOT, Settings
from app.db.models import (
    CreditTransaction,
    CvGenerationSubtask,
    CvGenerationTask,
    User,
    background_task,
    generation,
)
from app.domain.admin.settings_registry import (
    AI_MODELS_STRUCTURE,
    PHASE_MODEL_SETTINGS,
    TASK_FEATURE_MAPPING,
    setting_definitions,
)
from app.lib import i18n
from app.lib.labels import LABELS, LEDGER_REASONS, label
from app.lib.templating import build_environment
from jobs.pipeline.schemas import PHASE_SCHEMAS
from tests.conftest import register

LOCALES = ("en", "fr")


def _string_constants(tree: ast.AST) -> dict[str, str]:
    return {
        target.id: node.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def published_event_names() -> set[str]:
    """Every event name passed to ``publish_event`` (or a task's ``publish``) in app/ and jobs/,
    constants and f-strings resolved; a name passed on through a parameter is counted where the
    caller writes it."""
    trees = [
        ast.parse(path.read_text(encoding="utf-8"))
        for folder in ("app", "jobs")
        for path in (PROJECT_ROOT / folder).rglob("*.py")
    ]
    constants: dict[str, str] = {}
    for tree in trees:
        constants.update(_string_constants(tree))

    def value(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name) and node.id.isupper():  # a constant, not a parameter
            return constants.get(node.id)
        if isinstance(node, ast.JoinedStr):
            parts = [
                value(v.value) if isinstance(v, ast.FormattedValue) else value(v)
                for v in node.values
            ]
            return None if None in parts else "".join(p or "" for p in parts)
        return None

    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id == "publish_event" and len(node.args) > 2:
                found = value(node.args[2])
            elif isinstance(func, ast.Attribute) and func.attr == "publish" and len(node.args) > 1:
                short = value(node.args[1])  # OfferPipeline.publish prefixes the task's EVENT
                found = f"{constants['EVENT']}:{short}" if short else None
            else:
                continue
            if found:
                names.add(found)
    return names


def identifiers(settings: Settings) -> dict[str, set[str]]:
    return {
        "settings": {d.name for d in setting_definitions(settings)},
        "setting groups": set(AI_MODELS_STRUCTURE),
        "features": set(TASK_FEATURE_MAPPING.values()),
        "phases": set(PHASE_SCHEMAS) | set(PHASE_MODEL_SETTINGS),
        "statuses": {
            *generation.TASK_STATUSES,
            *generation.OFFER_STATUSES,
            *background_task.TASK_STATUSES,
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
    for reason in [*TASK_FEATURE_MAPPING.values(), *LEDGER_REASONS]:
        db.add(CreditTransaction(user_id=user.id, amount=-1, type="debit", reason=reason))
    tasks = [CvGenerationTask(user_id=user.id, status=s) for s in generation.TASK_STATUSES]
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


@pytest.mark.parametrize("locale", LOCALES)
async def test_pages_show_no_internal_identifier(
    client: Any, db: AsyncSession, settings: Settings, locale: str
) -> None:
    email = f"labels-{locale}@example.com"
    await register(client, email)  # the first account: an administrator
    await _seed_codes(db, email, settings)
    codes = set().union(*identifiers(settings).values())
    headers = {"Accept-Language": locale}
    for path, marker in (("/", 'id="live-events"'), ("/account", "-1"), ("/admin/", 'id="stats"')):
        page = await client.get(path, headers=headers)
        assert page.status_code == 200, path
        assert marker in page.text, path
        text = visible_text(page.text)
        assert not shown_codes(text, codes, locale), (path, shown_codes(text, codes, locale))
    admin = visible_text((await client.get("/admin/", headers=headers)).text)
    with_locale = i18n.current_locale.set(locale)
    try:
        for phase in PHASE_SCHEMAS:  # the statistics name every phase in words
            assert label(phase) in admin, phase
        assert label("gpt_cv_generation") in visible_text(
            (await client.get("/account", headers=headers)).text
        )
    finally:
        i18n.current_locale.reset(with_locale)
