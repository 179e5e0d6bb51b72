"""The section editor's skills list (one text list per category, no card per skill), the
"Saved" note beside the Save button, the date hints, and the source CV's preview/PDF links."""

from __future__ import annotations

import re
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.domain.cvs.services import add_version
from app.domain.renders import rendering
from app.lib.cv_content import CvContent
from app.lib.cv_limits import MAX_ENTRIES, MAX_SHORT_CHARS
from tests.conftest import csrf_token, register
from tests.integration.test_cv_import_pages import ENGLISH, content, htmx
from tests.prg import came_back

Client = AsyncTestClient[Litestar]
SKILLS = [
    {"name": "Python", "category": "Languages", "level": "Expert"},
    {"name": "Go", "category": "Languages", "level": ""},
    {"name": "Docker", "category": "", "level": ""},
]


async def store_cv(db: AsyncSession, email: str, data: dict[str, Any]) -> str:
    user = await db.scalar(select(User).where(User.email == email))
    assert user is not None
    cv = CvFile(user_id=user.id, kind="source", filename="cv.txt", extraction_status="completed")
    db.add(cv)
    await db.flush()
    await add_version(db, cv, CvContent.from_json(data), "import")
    await db.commit()
    return cv.id


async def setup(client: Client, db: AsyncSession, email: str) -> tuple[str, str]:
    client.headers.update(ENGLISH)
    await register(client, email)
    data = {
        "header": {"name": "Ada"},
        "skills": SKILLS,
        "experience": [{"title": "Dev", "company": "Acme", "start": "2020", "current": True}],
    }
    return await store_cv(db, email, data), await csrf_token(client)


async def test_skills_are_one_text_list_per_category_and_save_without_js(
    client: Client, db: AsyncSession
) -> None:
    cv_id, token = await setup(client, db, "skills-nojs@example.com")
    page = (await client.get(f"/cvs/{cv_id}")).text
    section = page[page.index('id="section-skills"') :]
    section = section[: section.index("</section>")]
    assert 'name="skills-items-0-category" value="Languages"' in section
    assert re.search(
        r'<textarea id="skills-items-0-names" name="skills-items-0-names"[^>]*>'
        r"Python\nGo</textarea>",
        section,
    )
    assert re.search(r'name="skills-items-1-names"[^>]*>Docker</textarea>', section)
    assert (
        'name="skills-items-0-name"' not in section and "items-2-" not in section
    )  # no card per skill
    form = {
        "count": "2",
        "items-0-category": "Languages",
        "items-0-names": "Python\nRust, TypeScript\n\n python ",  # a repeat is kept once
        "items-1-category": "",
        "items-1-names": "Docker, Kubernetes",
        "action": "save",
    }
    saved = await client.post(
        f"/cvs/{cv_id}/sections/skills",
        data=form | {"_csrf_token": token},
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == f"/cvs/{cv_id}#section-skills"
    assert (await content(db, cv_id))["skills"] == [
        {"name": "Python", "category": "Languages", "level": "Expert"},  # its level stays
        {"name": "Rust", "category": "Languages", "level": ""},
        {"name": "TypeScript", "category": "Languages", "level": ""},
        {"name": "Docker", "category": "", "level": ""},
        {"name": "Kubernetes", "category": "", "level": ""},
    ]


async def test_skills_keep_the_content_limits(client: Client, db: AsyncSession) -> None:
    cv_id, token = await setup(client, db, "skills-limits@example.com")
    too_many = "\n".join(f"skill {i}" for i in range(MAX_ENTRIES["skills"] + 1))
    long_name = "x" * (MAX_SHORT_CHARS + 1)
    for names in (too_many, f"Python\n{long_name}"):
        response = await client.post(
            f"/cvs/{cv_id}/sections/skills",
            data={"count": "1", "items-0-category": "", "items-0-names": names, "action": "save"},
            headers=htmx(token),
        )
        assert response.status_code == 422, response.text[:500]
        assert 'role="alert"' in response.text
    assert (await content(db, cv_id))["skills"] == SKILLS


async def test_saved_note_sits_beside_the_save_button(client: Client, db: AsyncSession) -> None:
    cv_id, token = await setup(client, db, "skills-saved@example.com")
    response = await client.post(
        f"/cvs/{cv_id}/sections/summary",
        data={"summary": "Short.", "action": "save"},
        headers=htmx(token),
    )
    assert response.status_code == 200
    html = response.text  # a section saved alone (htmx) says it at its own end
    assert html.index("Saved as a new version.") > html.index("<textarea")
    page = (await client.get(f"/cvs/{cv_id}")).text
    assert "data-saved" not in page  # nothing said before a save
    form = {"summary-summary": "Shorter.", "_csrf_token": token}
    saved = await client.post(f"/cvs/{cv_id}/edit", data=form)
    assert came_back(saved)
    html = saved.text  # the page's one Save says it beside itself, after every section
    assert re.search(
        r'data-testid="save-cv">Save</button>.*?'
        r'<span class="saved-note" role="status" data-saved tabindex="-1">'
        r"Saved as a new version\.</span>",
        html,
        re.DOTALL,
    ), html
    assert html.index("Saved as a new version.") > html.rindex("<textarea")


async def test_end_date_has_a_hint_not_a_value_looking_placeholder(
    client: Client, db: AsyncSession
) -> None:
    cv_id, _ = await setup(client, db, "skills-end@example.com")
    page = (await client.get(f"/cvs/{cv_id}")).text
    assert 'placeholder="2021-09"' not in page
    end = re.search(
        r'<input id="experience-items-0-end" name="experience-items-0-end" value="" [^>]*>', page
    )
    assert end is not None and "placeholder" not in end.group(0)
    assert 'aria-describedby="experience-items-0-end-hint"' in end.group(0)
    assert (
        '<p class="field-hint muted" id="experience-items-0-end-hint">'
        "Leave empty if this is still going on.</p>" in page
    )
    assert 'name="experience-items-0-current" checked' in page


async def test_source_cv_page_links_to_its_preview_and_pdf(
    client: Client, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No worker here: the preview page says no render came (waiting 0.5 s for it, not the
    # 45 s a user gets). The rendered preview itself: tests/integration/test_renders.py.
    monkeypatch.setattr(rendering, "WAIT_FOR_RENDER_SECONDS", 0.5)
    cv_id, _ = await setup(client, db, "skills-links@example.com")
    page = (await client.get(f"/cvs/{cv_id}")).text
    assert f'href="/cvs/{cv_id}/preview"' in page
    assert f'href="/api/cvs/{cv_id}/pdf"' in page
    preview = await client.get(f"/cvs/{cv_id}/preview")
    assert preview.status_code == 200
    assert f'action="/cvs/{cv_id}/design"' in preview.text
    assert 'data-error-code="render.timeout"' in preview.text


async def test_french_skills_editor(client: Client, db: AsyncSession) -> None:
    cv_id, _ = await setup(client, db, "skills-fr@example.com")
    page = (await client.get(f"/cvs/{cv_id}", headers={"accept-language": "fr"})).text
    assert "Compétences (une par ligne ou séparées par des virgules)" in page
    assert "Laisser vide si c’est toujours en cours." in page
    assert re.search(r"data-chip-remove-label=\"Retirer {name}\"", page), re.findall(
        r"data-chip[^>]*", page
    )


async def test_add_and_remove_a_category_without_js(client: Client, db: AsyncSession) -> None:
    cv_id, token = await setup(client, db, "skills-groups@example.com")
    form = {
        "count": "2",
        "items-0-category": "Languages",
        "items-0-names": "Python\nGo",
        "items-1-category": "",
        "items-1-names": "Docker",
    }
    added = await client.post(
        f"/cvs/{cv_id}/sections/skills", data=form | {"action": "add"}, headers=htmx(token)
    )
    assert added.status_code == 200
    assert 'name="skills-items-2-category" value=""' in added.text and "Not saved yet" in added.text
    removed = await client.post(
        f"/cvs/{cv_id}/sections/skills", data=form | {"action": "remove-0"}, headers=htmx(token)
    )
    assert re.search(r'name="skills-items-0-names"[^>]*>Docker</textarea>', removed.text)
    assert "items-1-names" not in removed.text
    assert (await content(db, cv_id))["skills"] == SKILLS  # nothing saved until Save
