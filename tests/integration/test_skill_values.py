"""Skills are values, not comma-joined text (app/lib/name_list.py): every editor keeps a skill
whole, brackets and commas included. A CV holding many skill shapes is saved with no change
through the page's one form, a section's own route and the JSON API: its content is unchanged.
Hypothesis drives the same round trip through the editor's sections as the templates draw them
and the form posts them back, over any skill a person could write."""

from __future__ import annotations

import html
import random
import re
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement, CoachConversation
from app.domain.cvs.editor_form import apply_all, page_forms, posted_forms
from app.lib.cv_content import CvContent
from app.lib.name_list import split_names
from app.lib.templating import build_environment
from tests import factories
from tests.conftest import csrf_token, post_form, register
from tests.integration.test_coach_pages import ANSWERS as COACH_ANSWERS
from tests.integration.test_cv_editor_form import editor_form
from tests.integration.test_cv_editor_skills import store_cv
from tests.integration.test_cv_import_pages import ENGLISH, content, htmx, versions

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

Client = AsyncTestClient[Litestar]
COACH_FIELDS = ("title", "situation", "task", "action", "result")

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
    # A stored name among others on one line (a form that draws the list with commas).
    assert split_names("SQL, Leadership, mentoring, Go", {"Leadership, mentoring"}) == [
        "SQL",
        "Leadership, mentoring",
        "Go",
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


# Characters a skill is written with, and those a naive reading cuts at: commas and brackets,
# "+#.&/" ("C++", "R&D", "CI/CD"), quotes and markup, accents, a tab, the line separators
# str.splitlines() knows beyond CR and LF (U+2028, U+0085, U+001E), a no-break space.
SKILL_ALPHABET = "aZé ,;()[]{}+#.&/\"'<>-|:\t\u2028\u0085\u001e\u00a0ßŒ中"
EXAMPLES = 100  # each draws three sections of the editor and reads the form back


def _settings() -> Any:
    # Imported here, not at the top: every test process collects this module.
    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,  # the same cases every run: a failure is reproducible
        suppress_health_check=[HealthCheck.too_slow],
    )


def _names() -> SearchStrategy[str]:
    """A skill, its category or its level as a person may write one: no line break (the editor
    shows one per line), no space at either end (the form strips it), never empty."""
    from hypothesis import strategies as st

    written = st.one_of(
        st.sampled_from(SHAPES),
        st.text(SKILL_ALPHABET, min_size=1, max_size=30),
        st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r\n"), max_size=30),
    )
    return written.map(str.strip).filter(bool)


def _editor_post(content: CvContent) -> dict[str, str]:
    """The editor's sections that hold skills as the templates draw them, read back as a
    browser posts them (the others are saved apart: app/domain/cvs/editor_form.py)."""
    template = build_environment().get_template("cvs/_partials/section.html")
    html = "".join(
        template.render(form=form, cv=SimpleNamespace(id="cv"), flags={})
        for form in page_forms(content)
        if form.spec.key in ("experience", "projects", "skills")
    )
    return editor_form(f'<form id="cv-editor">{html}</form>').fields


def test_any_skill_saved_unchanged_through_the_editor_form_is_kept_whole() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    names = _names()
    levels = st.one_of(st.just(""), names.map(lambda level: level.replace("\t", " ")))
    skill = st.fixed_dictionaries(
        {"name": names, "category": st.one_of(st.just(""), names), "level": levels}
    )

    @_settings()
    @given(
        # The editor keeps a name once (case aside): the stored list has each once.
        top=st.lists(skill, min_size=1, max_size=10, unique_by=lambda s: s["name"].casefold()),
        job=st.lists(names, max_size=6),
        project=st.lists(names, max_size=4),
    )
    def round_trip(top: list[dict[str, str]], job: list[str], project: list[str]) -> None:
        stored = CvContent.from_json(
            {
                "header": {"name": "Noa Skillful"},
                "experience": [{"id": "exp_1", "title": "Engineer", "skills": job}],
                "projects": [{"id": "proj_1", "name": "Tidy", "skills": project}],
                "skills": top,
            }
        )
        posted = _editor_post(stored)
        saved = apply_all(posted_forms(posted), stored)
        assert saved is not None, posted
        assert saved.to_json() == stored.to_json()

    round_trip()


def test_a_typed_list_is_cut_only_between_its_names() -> None:
    """What a person types in the editor's skills (one per line, or a list with commas): each
    name comes back whole, a comma inside its brackets included."""
    from hypothesis import given
    from hypothesis import strategies as st

    word = st.text("aZé+#.&/'\" -", min_size=1, max_size=12).map(str.strip).filter(bool)
    bracketed = st.builds(
        lambda head, inner, kind: f"{head} {kind[0]}{', '.join(inner)}{kind[1]}",
        word,
        st.lists(word, min_size=1, max_size=4),
        st.sampled_from(["()", "[]", "{}"]),
    )
    typed = st.lists(st.one_of(word, bracketed), min_size=1, max_size=8)

    @_settings()
    @given(names=typed, separator=st.sampled_from([", ", ",", "\n", "\r\n", " ,\n"]))
    def typed_list(names: list[str], separator: str) -> None:
        assert split_names(separator.join(names)) == names

    typed_list()


async def test_a_coach_proposal_accepted_unchanged_keeps_its_skills_whole(
    client: Client, db: AsyncSession
) -> None:
    """The coach's review draws the proposed skills on one line with commas; accepted as
    drawn, each proposed skill is one skill of the bank, a comma outside brackets included."""
    me = await register(client, "skill-coach@example.com")
    await factories.source_cv(db, me["id"])
    started = await post_form(client, "/coach", {"experience": "", "language": "en"})
    location = started.headers["location"]
    for answer in COACH_ANSWERS:
        await post_form(client, f"{location}/messages", {"text": answer})
    conversation = await db.scalar(select(CoachConversation))
    assert conversation is not None and conversation.proposal is not None
    proposed = ["Leadership, mentoring", "R (dplyr, ggplot2)", "Excel"]
    conversation.proposal = {**conversation.proposal, "skills": proposed}
    await db.commit()

    page = (await client.get(location, headers=ENGLISH)).text
    drawn = re.search(r'id="coach-skills" name="skills" value="([^"]*)"', page)
    assert drawn is not None
    assert html.unescape(drawn.group(1)) == "Leadership, mentoring, R (dplyr, ggplot2), Excel"
    fields = {k: str(conversation.proposal.get(k) or "") for k in COACH_FIELDS}
    accepted = await post_form(
        client,
        f"{location}/accept",
        fields | {"skills": html.unescape(drawn.group(1)) + ", Leadership, budgets"},
    )
    assert accepted.status_code == 303, accepted.text[:300]
    achievement = await db.scalar(select(Achievement))
    assert achievement is not None
    # What was typed after them is cut at its commas as before.
    assert achievement.skills == [*proposed, "Leadership", "budgets"]
