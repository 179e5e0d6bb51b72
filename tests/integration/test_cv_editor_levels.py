"""The CV editor: a skill's level can be set and cleared (a plain field per skill, no JavaScript
needed), and a refused save says why beside the Save button that was pressed, not at the top of
a long section."""

from __future__ import annotations

import re

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.integration.test_cv_editor_skills import setup
from tests.integration.test_cv_import_pages import content, htmx
from tests.prg import came_back

Client = AsyncTestClient[Litestar]


def _skills_section(page: str) -> str:
    section = page[page.index('id="section-skills"') :]
    return section[: section.index("</section>")]


async def test_each_skill_has_a_level_field_that_sets_and_clears_it(
    client: Client, db: AsyncSession
) -> None:
    cv_id, token = await setup(client, db, "levels@example.com")
    section = _skills_section((await client.get(f"/cvs/{cv_id}")).text)
    # Python is Expert, Go has no level (tests/integration/test_cv_editor_skills.py's SKILLS).
    assert '<input type="hidden" name="skills-items-0-level-0-name" value="Python">' in section
    assert re.search(
        r'<input id="skills-items-0-level-0" name="skills-items-0-level-0" value="Expert">', section
    )
    assert '<label for="skills-items-0-level-1">Go</label>' in section
    assert re.search(
        r'<input id="skills-items-0-level-1" name="skills-items-0-level-1" value="">', section
    )
    assert '<input type="hidden" name="skills-items-1-level-0-name" value="Docker">' in section

    form = {
        "count": "2",
        "items-0-category": "Languages",
        "items-0-names": "Python\nGo\nRust",  # Rust is new: no level field yet, none given
        "items-0-level-0-name": "Python",
        "items-0-level-0": "",  # cleared
        "items-0-level-1-name": "Go",
        "items-0-level-1": " Advanced ",  # set
        "items-1-category": "",
        "items-1-names": "Docker",
        "items-1-level-0-name": "Docker",
        "items-1-level-0": "Intermediate",
        "action": "save",
    }
    saved = await client.post(f"/cvs/{cv_id}/sections/skills", data=form, headers=htmx(token))
    assert saved.status_code == 200, saved.text[:500]
    assert (await content(db, cv_id))["skills"] == [
        {"name": "Python", "category": "Languages", "level": ""},
        {"name": "Go", "category": "Languages", "level": "Advanced"},
        {"name": "Rust", "category": "Languages", "level": ""},
        {"name": "Docker", "category": "", "level": "Intermediate"},
    ]
    # The section drawn after the save has a field for the new skill too.
    assert 'name="skills-items-0-level-2-name" value="Rust"' in saved.text


async def test_a_skill_moved_to_another_category_keeps_the_level_set_for_it(
    client: Client, db: AsyncSession
) -> None:
    cv_id, token = await setup(client, db, "levels-move@example.com")
    form = {
        "count": "2",
        "items-0-category": "Languages",
        "items-0-names": "Go",
        "items-0-level-0-name": "Python",
        "items-0-level-0": "Senior",
        "items-0-level-1-name": "Go",
        "items-0-level-1": "",
        "items-1-category": "",
        "items-1-names": "Docker\nPython",
        "items-1-level-0-name": "Docker",
        "items-1-level-0": "",
        "action": "save",
    }
    saved = await client.post(f"/cvs/{cv_id}/sections/skills", data=form, headers=htmx(token))
    assert saved.status_code == 200
    skills = {s["name"]: s for s in (await content(db, cv_id))["skills"]}
    assert skills["Python"] == {"name": "Python", "category": "", "level": "Senior"}


async def test_a_refused_save_says_why_beside_the_save_button(
    client: Client, db: AsyncSession
) -> None:
    cv_id, token = await setup(client, db, "levels-error@example.com")
    refused = await client.post(
        f"/cvs/{cv_id}/sections/skills",
        data={
            "count": "1",
            "items-0-category": "",
            "items-0-names": "Python\n" + "x" * 1001,
            "action": "save",
        },
        headers=htmx(token),
    )
    assert refused.status_code == 422
    html = refused.text  # a section saved alone (htmx) says it at its own end
    assert html.index("data-save-error") > html.index("<textarea")  # not at the top
    assert html.count('role="alert"') == 1  # said once, where the eye is
    # The page's one form says it beside its one Save, after every section.
    whole = await client.post(
        f"/cvs/{cv_id}/edit",
        data={"skills-count": "1", "skills-items-0-names": "Python\n" + "x" * 1001},
        headers={"x-csrftoken": token},
    )
    assert came_back(whole)
    html = whole.text
    said = re.search(
        r'data-testid="save-cv">Save</button>.*?'
        r'<span class="save-error" role="alert" data-save-error tabindex="-1">'
        r"Nothing was saved: correct the fields marked above\.",
        html,
        re.DOTALL,
    )
    assert said is not None, html
    assert html.index("data-save-error") > html.rindex("<textarea")  # after every section
    french = await client.post(
        f"/cvs/{cv_id}/sections/skills",
        data={"count": "1", "items-0-names": "x" * 1001, "action": "save"},
        headers=htmx(token) | {"accept-language": "fr"},
    )
    assert french.status_code == 422
    assert "Rien n'a été enregistré : corrigez les champs signalés plus haut." in (
        french.text.replace("&#39;", "'")
    )
