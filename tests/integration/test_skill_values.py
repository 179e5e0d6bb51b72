"""Skills are values, not comma-joined text (app/lib/name_list.py): every editor keeps a skill
whole, brackets and commas included. A CV holding many skill shapes is saved with no change
through the page's one form, a section's own route and the JSON API: its content is unchanged."""

from __future__ import annotations

import random
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.name_list import split_names
from tests.conftest import csrf_token, register
from tests.integration.test_cv_editor_form import editor_form
from tests.integration.test_cv_editor_skills import store_cv
from tests.integration.test_cv_import_pages import ENGLISH, content, htmx, versions

Client = AsyncTestClient[Litestar]

SHAPES = (
    "Python (Numpy, Pandas, Seaborn)",
    "Office suite (Excel, Word)",
    "C++",
    "C#",
    "Node.js",
    "R&D",
    "AT&T",
    "CI/CD",
    "TCP/IP",
    "Git [GitHub, GitLab]",
    "Vue {2, 3}",
    "Leadership, mentoring",  # a comma outside brackets: one skill all the same once saved
    "Data (SQL",  # an unclosed bracket, as an import may leave one
    "Go",
    '"Quoted" <tags> & more',
)


def shaped_cv(seed: int) -> dict[str, Any]:
    """A CV whose skills (top list and a job's) are a shuffled sample of SHAPES."""
    rng = random.Random(seed)
    top = rng.sample(SHAPES, k=rng.randint(3, len(SHAPES)))
    categories = ("Languages", "Tools", "")
    return {
        "header": {"name": "Noa Skillful"},
        "experience": [
            {
                "id": "exp_1",
                "title": "Engineer",
                "company": "Brightwave Ltd",
                "start": "2020",
                "current": True,
                "skills": rng.sample(SHAPES, k=rng.randint(1, 6)),
            }
        ],
        "projects": [{"id": "proj_1", "name": "Tidy", "skills": rng.sample(SHAPES, k=3)}],
        "skills": [
            {"name": name, "category": categories[i % 3], "level": "Expert" if i == 1 else ""}
            for i, name in enumerate(top)
        ],
    }


def test_typed_names_split_outside_brackets_and_stored_names_stay_whole() -> None:
    assert split_names("Python (Numpy, Pandas), C++,C#\nNode.js, R&D") == [
        "Python (Numpy, Pandas)",
        "C++",
        "C#",
        "Node.js",
        "R&D",
    ]
    assert split_names("Leadership, mentoring") == ["Leadership", "mentoring"]  # typed: two
    assert split_names("Leadership, mentoring", {"Leadership, mentoring"}) == [
        "Leadership, mentoring"  # saved already: one
    ]
    assert split_names("Data (SQL, Go") == ["Data (SQL, Go"]  # unclosed: nothing cut
    assert split_names("a) b, c") == ["a) b", "c"]  # a stray ")" hides no comma


async def test_saving_every_skill_shape_unchanged_keeps_the_cv_identical(
    client: Client, db: AsyncSession
) -> None:
    client.headers.update(ENGLISH)
    await register(client, "skill-shapes@example.com")
    for seed in range(6):
        data = shaped_cv(seed)
        cv_id = await store_cv(db, "skill-shapes@example.com", data)
        before, stored = await versions(db, cv_id), await content(db, cv_id)
        assert [s["name"] for s in stored["skills"]] == [s["name"] for s in data["skills"]]
        page = (await client.get(f"/cvs/{cv_id}")).text
        fields = editor_form(page).fields
        # Drawn one per line, each skill whole.
        assert fields["experience-items-0-skills"] == "\n".join(data["experience"][0]["skills"])
        saved = await client.post(f"/cvs/{cv_id}/edit", data=fields | {"action": "save"})
        assert "Nothing had changed" in saved.text, seed
        assert await content(db, cv_id) == stored and await versions(db, cv_id) == before

        # A section's own route (htmx), its fields as the page drew them.
        token = await csrf_token(client)
        section = {
            name.removeprefix("skills-"): value
            for name, value in fields.items()
            if name.startswith("skills-")
        }
        alone = await client.post(
            f"/cvs/{cv_id}/sections/skills",
            data=section | {"action": "save"},
            headers=htmx(token),
        )
        assert alone.status_code == 200, alone.text[:300]
        assert (await content(db, cv_id))["skills"] == stored["skills"], seed

        # The JSON API: the content read is the content written back.
        headers = {"x-csrftoken": token}
        read = (await client.get(f"/api/cvs/{cv_id}")).json()
        put = await client.put(
            f"/api/cvs/{cv_id}", json={"content": read["content"]}, headers=headers
        )
        assert put.status_code == 200, put.text[:300]
        assert put.json()["content"]["skills"] == read["content"]["skills"] == stored["skills"]
        assert put.json()["content"]["experience"] == read["content"]["experience"]


async def test_a_new_skill_with_commas_in_brackets_is_one_skill(
    client: Client, db: AsyncSession
) -> None:
    client.headers.update(ENGLISH)
    await register(client, "skill-typed@example.com")
    cv_id = await store_cv(db, "skill-typed@example.com", shaped_cv(0))
    fields = editor_form((await client.get(f"/cvs/{cv_id}")).text).fields
    fields["skills-items-0-names"] += "\nStatistics (R, SAS), Rust"
    fields["experience-items-0-skills"] = "Tableau (Prep, Desktop), SQL"
    await client.post(f"/cvs/{cv_id}/edit", data=fields | {"action": "save"})
    data = await content(db, cv_id)
    names = [s["name"] for s in data["skills"]]
    assert "Statistics (R, SAS)" in names and "Rust" in names
    assert [name for name in names if "SAS" in name] == ["Statistics (R, SAS)"]
    assert data["experience"][0]["skills"] == ["Tableau (Prep, Desktop)", "SQL"]
