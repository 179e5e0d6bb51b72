"""The changes page marks what the PDF leaves out to fit its page budget beside the item itself
(never "(unchanged)"), lists it near the top with its count, and offers the next page budget in
one click, which re-renders and comes back to the page (app/domain/renders/left_out.py)."""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import httpx
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvFile
from app.lib.cv_content import CvContent, Experience, Project
from app.lib.pdf_render.budget import bullet_key, extra_key, interest_key, skill_key
from app.lib.pdf_render.samples import sample_cv
from jobs.render import render_cv_file
from tests.conftest import register
from tests.integration.test_html_validity import html5lib_errors, own_rule_errors
from tests.integration.test_renders import add_cv, get_cv_row, sign_up, web

__all__ = ["web"]  # the live-server client fixture, shared with test_renders

Client = AsyncTestClient[Litestar]
MARK_EN = "not in the PDF: page budget"
MARK_FR = "absent du PDF : nombre de pages"
REWORDED = "Rewrote the settlement engine in Python, nightly batch from 4 hours to 35 minutes."


def tree(page: str) -> Element:
    root: Element = html5lib.parse(page, namespaceHTMLElements=False)
    return root


def text_of(element: Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def make_room_forms(root: Element) -> list[dict[str, Any]]:
    forms: list[dict[str, Any]] = []
    for form in root.iter("form"):
        if form.get("data-testid") != "make-room":
            continue
        fields = {str(i.get("name")): i.get("value") for i in form.iter("input") if i.get("name")}
        forms.append({"action": form.get("action"), "hx": form.get("hx-post"), **fields})
    return forms


def longer_cv() -> CvContent:
    """The sample CV with four more bullets per job: about a page and a half once tailored, so
    that a second page puts back what one page leaves out (a tailored CV's render keeps out
    what would only start a page: app/lib/pdf_render/fit.py)."""
    cv = sample_cv("en")
    for job in cv.experience:
        job.bullets += [
            f"Led project {k} at {job.company}: migrated its services, wrote the runbooks and "
            "trained the team on the new platform."
            for k in range(4)
        ]
    return cv


def tailored_cv(source: CvContent, source_id: str) -> tuple[CvContent, dict[str, Any]]:
    """A tailored CV: one bullet reworded, the oldest job removed for the offer, every other
    bullet as in the source; the pipeline's scores make bullets go before interests."""
    tailored = source.model_copy(deep=True)
    tailored.experience[0].bullets[0] = REWORDED
    tailored.experience = tailored.experience[:3]
    items: list[Experience | Project] = [*tailored.experience, *tailored.projects]
    relevance = {
        bullet_key(item.id, i): 0.5 - i * 0.01 for item in items for i in range(len(item.bullets))
    }
    relevance |= {interest_key(i): 0.9 for i in range(len(tailored.extras.interests))}
    meta = {
        "source_cv_id": source_id,
        "classification": [
            {"id": "exp_ledger", "decision": "KEEP", "reason": "Payments"},
            {"id": "exp_freight", "decision": "KEEP", "reason": "Same stack"},
            {"id": "exp_agency", "decision": "KEEP", "reason": "Web"},
            {"id": "exp_support", "decision": "REMOVE", "reason": "Old, unrelated"},
        ],
        "reasons": {"exp_support": {"code": "old_unrelated", "params": {"years": 10}}},
        "relevance": relevance,
        "page_budget": 1,
    }
    return tailored, meta


async def trimmed_generated_cv(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, user_id: str
) -> tuple[str, list[dict[str, Any]]]:
    """A tailored CV whose last render (a real one, as at recompose) cut bullets to fit one
    page; its id and the recorded cuts."""
    source = longer_cv()
    source_id = await add_cv(sessions, user_id, source)
    tailored, meta = tailored_cv(source, source_id)
    cv_id = await add_cv(
        sessions,
        user_id,
        tailored,
        kind="generated",
        offer={"title": "Platform Engineer", "company": "Initech", "language": "en"},
        meta=meta,
    )
    async with sessions() as session:
        row = await session.get(CvFile, cv_id)
        assert row is not None
        rendered = await render_cv_file(session, settings, row)
        await session.commit()
    assert rendered.page_budget == 1
    assert any(t.kind == "bullet" for t in rendered.trimmed), rendered.trimmed
    record = (await get_cv_row(sessions, cv_id)).generation_meta["render"]
    return cv_id, list(record["trimmed"])


def assert_bullets_marked(root: Element, trimmed: list[dict[str, Any]], mark: str) -> None:
    for cut in (t for t in trimmed if t["kind"] == "bullet"):
        article = next(a for a in root.iter("article") if a.get("data-item") == cut["item_id"])
        row = next(
            tr for tr in article.iter("tr") if tr.get("data-status") and cut["text"] in text_of(tr)
        )
        assert row.get("data-left-out") == "page_budget", text_of(row)
        cell = text_of(row)
        assert mark in cell, cell
        assert "(unchanged)" not in cell and "(inchangé)" not in cell, cell
        marks = [s for s in row.iter("span") if s.get("data-testid") == "left-out-mark"]
        assert [m.get("data-left-out") for m in marks] == ["bullet"]


async def test_the_changes_page_marks_each_bullet_the_page_budget_cut(
    client: Client, session_factory: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    me = await register(client, "leftout@example.com")
    cv_id, trimmed = await trimmed_generated_cv(session_factory, settings, me["id"])
    cut_bullets = [t for t in trimmed if t["kind"] == "bullet"]

    page = await client.get(f"/cvs/{cv_id}/changes", headers={"accept-language": "en"})
    assert page.status_code == 200, page.text
    assert not html5lib_errors(page.text) + own_rule_errors(page.text)
    root = tree(page.text)
    assert_bullets_marked(root, trimmed, MARK_EN)
    # Every mark is beside something the render cut: the bullets' rows, and the summary.
    marked_rows = [tr for tr in root.iter("tr") if tr.get("data-left-out")]
    assert len(marked_rows) == len(cut_bullets)
    # Bullets the PDF keeps still read "(unchanged)".
    kept = [tr for tr in root.iter("tr") if tr.get("data-status") == "unchanged"]
    assert any("(unchanged)" in text_of(tr) for tr in kept if not tr.get("data-left-out"))

    # The summary sits near the top, before the comparison and the match, with its count.
    summary = next(s for s in root.iter("section") if s.get("data-testid") == "left-out")
    assert summary.get("data-count") == str(len(trimmed))
    summary_text = text_of(summary)
    assert "Left out to fit the page budget" in summary_text
    assert f"{len(trimmed)} items left out to fit the page budget" in summary_text
    assert all(t["text"] in summary_text for t in cut_bullets)
    assert page.text.index('data-testid="left-out"') < page.text.index(
        'data-testid="changes-experience"'
    )
    if 'id="match-panel"' in page.text:
        assert page.text.index('data-testid="left-out"') < page.text.index('id="match-panel"')

    # The oldest job, removed by the tailoring, keeps its own display and reason.
    removed = next(a for a in root.iter("article") if a.get("data-item") == "exp_support")
    assert removed.get("data-decision") == "REMOVE" and not removed.get("data-left-out")
    assert MARK_EN not in text_of(removed) and "removed" in text_of(removed)

    # One click makes room: the next budget, the rest of the settings as they are.
    forms = make_room_forms(root)
    assert forms, "no make-room form"
    for form in forms:
        assert form["action"] == form["hx"] == f"/cvs/{cv_id}/design?back=changes"
        assert form["page_budget"] == "2"
        assert form["design"] == "classic" and form["language"] == "en"
    assert any(f in make_room_forms(summary) for f in forms)
    assert len(forms) == 1 + len(cut_bullets)  # the summary's, and one beside each mark

    french = await client.get(f"/cvs/{cv_id}/changes", headers={"accept-language": "fr"})
    root = tree(french.text)
    assert_bullets_marked(root, trimmed, MARK_FR)
    assert "Écarté pour tenir dans le nombre de pages" in french.text
    assert "Faire de la place : 2 pages" in french.text
    assert f"{len(trimmed)} éléments écartés pour tenir dans le nombre de pages" in french.text


async def test_making_room_sets_the_next_budget_and_shows_the_new_render(
    web: httpx.AsyncClient,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    worker: Worker,
) -> None:
    me = await sign_up(web, "makeroom@example.com")
    cv_id, trimmed = await trimmed_generated_cv(session_factory, settings, me["id"])
    page = await web.get(f"/cvs/{cv_id}/changes")
    form = make_room_forms(tree(page.text))[0]
    fields = {k: v for k, v in form.items() if k not in ("action", "hx")}
    assert fields.pop("_csrf_token")

    response = await web.post(
        str(form["action"]),
        data={**fields, "_csrf_token": web.cookies["csrftoken"]},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/cvs/{cv_id}/changes"
    row = await get_cv_row(session_factory, cv_id)
    assert row.generation_meta["page_budget"] == 2
    assert row.design == "classic" and row.language == "en"
    # The PDF was made again with two pages before the page came back.
    record = row.generation_meta["render"]
    assert record["pageBudget"] == record["pageCount"] == 2
    assert len(record["trimmed"]) < len(trimmed)

    after = await web.get(response.headers["location"])
    assert after.status_code == 200
    root = tree(after.text)
    marked = [tr for tr in root.iter("tr") if tr.get("data-left-out")]
    assert len(marked) == sum(1 for t in record["trimmed"] if t["kind"] == "bullet")
    assert_bullets_marked(root, record["trimmed"], MARK_EN)
    assert 'data-testid="left-out-unknown"' not in after.text
    forms = make_room_forms(root)
    if record["trimmed"]:
        assert forms and {f["page_budget"] for f in forms} == {"3"}
    else:
        assert not forms and 'data-testid="left-out"' not in after.text

    # With htmx the same form swaps the page's content for the new one.
    swapped = await web.post(
        str(form["action"]),
        data={**fields, "page_budget": "3", "_csrf_token": web.cookies["csrftoken"]},
        headers={"hx-request": "true"},
        follow_redirects=True,  # as the browser's XMLHttpRequest does
    )
    assert swapped.status_code == 200 and 'id="changes-page"' in swapped.text
    assert (await get_cv_row(session_factory, cv_id)).generation_meta["page_budget"] == 3
    assert not make_room_forms(tree(swapped.text)), "no make-room past three pages"


async def test_every_kind_of_cut_is_marked_and_nothing_offered_past_three_pages(
    client: Client, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """A recorded render (no cache key: taken as it is) that cut a whole entry, a skill, an
    interest, a certification, and a kind this page does not know yet."""
    me = await register(client, "leftoutkinds@example.com")
    source = sample_cv("en")
    source_id = await add_cv(session_factory, me["id"], source)
    tailored = source.model_copy(deep=True)
    kafka = next(i for i, s in enumerate(tailored.skills) if s.name == "Kafka")

    def cut(key: str, kind: str, section: str, item_id: str, index: int, text: str) -> Any:
        return {
            "key": key,
            "kind": kind,
            "section": section,
            "item_id": item_id,
            "index": index,
            "text": text,
            "relevance": 0.1,
        }

    record = {
        "pageBudget": 3,
        "pageCount": 3,
        "trimmed": [
            cut("entry:exp_agency", "entry", "experience", "exp_agency", 2, "Web Developer"),
            cut(skill_key(kafka), "skill", "skills", "", kafka, "Kafka"),
            cut(interest_key(1), "interest", "interests", "", 1, "Woodworking"),
            cut(extra_key("extra_cka"), "extra", "extras", "extra_cka", 0, "CKA — CNCF"),
            cut("summary:0", "summary_line", "summary", "", 0, "A line of the summary"),
        ],
    }
    meta = {"source_cv_id": source_id, "page_budget": 3, "render": record}
    cv_id = await add_cv(session_factory, me["id"], tailored, kind="generated", meta=meta)
    page = await client.get(f"/cvs/{cv_id}/changes", headers={"accept-language": "en"})
    assert page.status_code == 200, page.text
    assert not html5lib_errors(page.text) + own_rule_errors(page.text)
    root = tree(page.text)

    agency = next(a for a in root.iter("article") if a.get("data-item") == "exp_agency")
    assert agency.get("data-left-out") == "page_budget"
    head_marks = [
        s.get("data-left-out")
        for s in agency.iter("span")
        if s.get("data-testid") == "left-out-mark"
    ]
    assert head_marks[0] == "entry" and set(head_marks[1:]) == {"bullet"}
    assert "(unchanged)" not in text_of(agency)
    others = [a for a in root.iter("article") if a.get("data-item") != "exp_agency"]
    assert not any(a.get("data-left-out") for a in others)

    skills = next(s for s in root.iter("section") if s.get("data-testid") == "changes-skills")
    kafka_mark = next(s for s in skills.iter("span") if s.get("class") == "left-out-skill")
    assert text_of(kafka_mark) == f"Kafka {MARK_EN}"

    summary = next(s for s in root.iter("section") if s.get("data-testid") == "left-out")
    items = {li.get("data-kind"): text_of(li) for li in summary.iter("li")}
    assert items == {
        "entry": f"Whole entry: Web Developer {MARK_EN}",
        "skill": f"Skill: Kafka {MARK_EN}",
        "interest": f"Interest: Woodworking {MARK_EN}",
        "extra": f"Certification, award or activity: CKA — CNCF {MARK_EN}",
        "summary_line": f"A line of the summary {MARK_EN}",
    }
    # Three pages is the most: no make-room form, a word on what else to do.
    assert not make_room_forms(root)
    assert 'data-testid="budget-at-most"' in page.text

    # Items left out while the PDF has fewer pages than it may: more pages would not help.
    shorter = {**record, "pageCount": 1, "pageBudget": 2}
    meta = {"source_cv_id": source_id, "page_budget": 2, "render": shorter}
    short_id = await add_cv(session_factory, me["id"], tailored, kind="generated", meta=meta)
    page = await client.get(f"/cvs/{short_id}/changes", headers={"accept-language": "en"})
    assert 'data-testid="room-unused"' in page.text and MARK_EN in page.text
    assert "it stays on 1 page rather than end on a nearly empty one" in page.text
    assert not make_room_forms(tree(page.text))

    # A record of an older state of the CV (another cache key) is not shown as the PDF's.
    stale = {**record, "cacheKey": "0" * 64}
    meta = {"source_cv_id": source_id, "render": stale}
    stale_id = await add_cv(session_factory, me["id"], tailored, kind="generated", meta=meta)
    page = await client.get(f"/cvs/{stale_id}/changes", headers={"accept-language": "en"})
    assert 'data-testid="left-out-unknown"' in page.text
    assert 'data-testid="left-out"' not in page.text and MARK_EN not in page.text
