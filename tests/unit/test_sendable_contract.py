"""Each invariant of the contract of a sendable CV (jobs/pipeline/core/sendable.py) on a pair that
breaks it and one that keeps it; the split-bullet reading it relies on
(jobs/pipeline/core/fragments.py); and the repair every generation ends with
(jobs/pipeline/core/sendable_repair.py ``make_sendable``)."""

from __future__ import annotations

from datetime import date

import pytest

from app.lib.cv_content import (
    CvContent,
    Education,
    Experience,
    Extras,
    Header,
    Language,
    Link,
    Project,
    Skill,
)
from app.lib.matching.analysis import OfferText
from jobs.pipeline.core.fragments import (
    has_fragment,
    is_fragment,
    rejoin,
    rejoin_fragments,
    runs_on,
)
from jobs.pipeline.core.sendable import (
    Pair,
    RenderFacts,
    Violation,
    content_violations,
    cut_before_render,
    cut_only_to_fit,
    links_printed,
    no_fragments,
    own_headline,
    page_fill,
    page_violations,
    pages,
    removal_rule,
    source_levels,
    supported_skills,
    violations,
)
from jobs.pipeline.core.sendable_repair import make_sendable

TODAY = date(2026, 6, 1)
HEAD = "Développement des interfaces de suivi pour les"
TAIL = "applications Orvane."
OFFER = OfferText(
    title="Data Analyst",
    description="Data analyst: SQL every day, dashboards in Power BI, Python scripts.",
    requirements=["Strong SQL skills", "Power BI dashboards", "Python"],
    language="en",
)
THIN_OFFER = OfferText(title="Data Analyst", description="Data analyst.", requirements=["SQL"])


def _job(
    ident: str,
    start: str,
    end: str | None = None,
    *,
    bullets: list[str] | None = None,
    title: str = "Data Analyst",
    company: str = "Orvane SAS",
) -> Experience:
    return Experience(
        id=ident,
        title=title,
        company=company,
        start=start,
        end=end,
        current=end is None,
        bullets=bullets or [],
    )


RECENT = _job(
    "e1",
    "2023-01",
    bullets=["Built 12 Power BI dashboards for the finance team.", "Tuned SQL reports."],
)
OLDER = _job("e2", "2020-01", "2022-12", bullets=["Cleaned sensor data with Python."])
# Ended 10 years ago, nothing the offer asks: the removal rule lets it go.
OLD_UNRELATED = _job(
    "e3",
    "2014-06",
    "2016-05",
    title="Waiter",
    company="Café Lorvel",
    bullets=["Served up to 80 covers a night."],
)


def _cv(**fields: object) -> CvContent:
    base: dict[str, object] = {
        "header": Header(name="Ana Lima", current_title="Data Analyst"),
        "experience": [RECENT, OLDER, OLD_UNRELATED],
        "skills": [Skill(name="SQL"), Skill(name="Power BI"), Skill(name="Excel")],
        "languages": [Language(name="English", level="Fluent (C1)")],
    }
    base.update(fields)
    return CvContent.model_validate(base)


SOURCE = _cv()


def _pair(
    tailored: CvContent,
    *,
    source: CvContent = SOURCE,
    offer: OfferText = OFFER,
    language: str = "en",
    source_language: str = "en",
) -> Pair:
    return Pair(source, offer, tailored, language, TODAY, source_language)


def _facts(text: str = "", **meta: object) -> RenderFacts:
    return RenderFacts.of({"pageCount": 1, "pageBudget": 1, **meta}, text)


def _codes(found: list[Violation]) -> list[str]:
    return [v.code for v in found]


CUT = {"key": "e1:1", "section": "experience", "item_id": "e1", "index": 1, "text": "x",
       "relevance": 0.1, "kind": "bullet"}  # fmt: skip


# ── the render's facts ─────────────────────────────────────────────────────────────────────


def test_render_facts_read_the_render_record_and_its_extra() -> None:
    facts = RenderFacts.of(
        {
            "pageCount": 2,
            "pageBudget": 1,
            "effectiveBudget": 2,
            "pageFills": [0.97, 0.61],
            "trimmed": [CUT],
            "trimmedHeights": {"e1:1": 14.5},
            "lastPageFree": 210.0,
        },
        "text",
    )
    assert (facts.pages, facts.budget, facts.fills) == (2, 2, [0.97, 0.61])
    assert facts.trimmed_heights == {"e1:1": 14.5} and facts.last_page_free == 210.0
    bare = RenderFacts.of({"pageCount": 1, "pageBudget": 2}, "")
    assert (bare.budget, bare.fills, bare.trimmed, bare.last_page_free) == (2, [], [], None)


# ── 1–3: pages and cuts ────────────────────────────────────────────────────────────────────


def test_pages_over_the_budget_the_render_settled_on() -> None:
    pair = _pair(SOURCE)
    assert pages(pair, _facts(pageCount=3, pageBudget=2)) == [
        Violation("over_budget", {"pages": 3, "budget": 2})
    ]
    assert pages(pair, _facts(pageCount=2, pageBudget=2)) == []
    # A budget grown by a page because even the minimum did not fit is the one to meet.
    assert pages(pair, _facts(pageCount=2, pageBudget=1, effectiveBudget=2)) == []


def test_page_fill_when_something_was_cut() -> None:
    pair = _pair(SOURCE)
    found = page_fill(pair, _facts(pageCount=2, pageFills=[0.8, 0.4], trimmed=[CUT]))
    assert found == [
        Violation("page_underfilled", {"page": 1, "fill": 0.8}),
        Violation("last_page_underfilled", {"page": 2, "fill": 0.4}),
    ]
    assert page_fill(pair, _facts(pageCount=2, pageFills=[0.9, 0.55], trimmed=[CUT])) == []
    # Nothing cut: a short CV may leave its page half empty.
    assert page_fill(pair, _facts(pageCount=2, pageFills=[0.8, 0.2])) == []


def test_cut_only_to_fit_the_budget_and_the_last_pages_room() -> None:
    pair = _pair(SOURCE)
    under = cut_only_to_fit(pair, _facts(pageCount=1, pageBudget=2, trimmed=[CUT]))
    assert under == [Violation("cut_under_budget", {"pages": 1, "budget": 2})]
    roomy = _facts(trimmed=[CUT], trimmedHeights={"e1:1": 30.0}, lastPageFree=31.0)
    assert _codes(cut_only_to_fit(pair, roomy)) == ["cut_but_room_left"]
    assert cut_only_to_fit(pair, roomy)[0].params == {"keys": ["e1:1"]}
    tight = _facts(trimmed=[CUT], trimmedHeights={"e1:1": 40.0}, lastPageFree=31.0)
    assert cut_only_to_fit(pair, tight) == []
    assert cut_only_to_fit(pair, _facts(pageCount=1, pageBudget=2)) == []  # nothing cut


def test_nothing_leaves_before_the_render() -> None:
    lost_bullet = SOURCE.model_copy(
        update={"experience": [RECENT.model_copy(update={"bullets": RECENT.bullets[:1]}), OLDER]}
    )
    found = cut_before_render(_pair(lost_bullet))
    assert found == [Violation("bullets_cut_for_relevance", {"item": "e1", "count": 1})]
    lost_skill = SOURCE.model_copy(update={"skills": SOURCE.skills[:2]})
    assert cut_before_render(_pair(lost_skill)) == [
        Violation("skills_cut_for_relevance", {"skills": ["Excel"]})
    ]
    # A rewrite keeping most of the bullet's words represents it; reordering loses nothing.
    reworded = RECENT.model_copy(
        update={"bullets": ["Tuned the SQL reports.", "Built 12 Power BI dashboards (finance)."]}
    )
    assert cut_before_render(_pair(SOURCE.model_copy(update={"experience": [reworded]}))) == []


def test_a_translated_cv_is_judged_by_its_bullet_count() -> None:
    french = RECENT.model_copy(update={"bullets": ["Création de 12 tableaux de bord Power BI."]})
    found = cut_before_render(
        _pair(SOURCE.model_copy(update={"experience": [french]}), language="fr")
    )
    assert found == [Violation("bullets_cut_for_relevance", {"item": "e1", "count": 1})]
    both = french.model_copy(update={"bullets": [*french.bullets, "Requêtes SQL optimisées."]})
    assert (
        cut_before_render(_pair(SOURCE.model_copy(update={"experience": [both]}), language="fr"))
        == []
    )


# ── 4: the removal rule ────────────────────────────────────────────────────────────────────


def test_only_an_old_unrelated_job_may_leave() -> None:
    without_old = SOURCE.model_copy(update={"experience": [RECENT, OLDER]})
    assert removal_rule(_pair(without_old)) == []
    without_recent = SOURCE.model_copy(update={"experience": [OLDER, OLD_UNRELATED]})
    assert removal_rule(_pair(without_recent)) == [
        Violation("removed_against_rule", {"item": "e1", "title": "Data Analyst"})
    ]


def test_an_old_related_job_or_a_thin_offer_keeps_it() -> None:
    related = OLD_UNRELATED.model_copy(
        update={"title": "Data Analyst", "bullets": ["Wrote the SQL reports of the shop."]}
    )
    source = SOURCE.model_copy(update={"experience": [RECENT, OLDER, related]})
    without = source.model_copy(update={"experience": [RECENT, OLDER]})
    assert _codes(removal_rule(_pair(without, source=source))) == ["removed_against_rule"]
    # An offer with one requirement cannot tell what is unrelated: nothing may go.
    thin = removal_rule(
        _pair(SOURCE.model_copy(update={"experience": [RECENT, OLDER]}), offer=THIN_OFFER)
    )
    assert _codes(thin) == ["removed_against_rule"]


# ── 5: no borrowed claims ──────────────────────────────────────────────────────────────────


def test_the_headline_is_the_candidates_own() -> None:
    borrowed = SOURCE.model_copy(
        update={"header": Header(name="Ana Lima", current_title="Senior BI Lead")}
    )
    assert own_headline(_pair(borrowed)) == [
        Violation("borrowed_headline", {"headline": "Senior BI Lead"})
    ]
    assert own_headline(_pair(SOURCE)) == []
    assert own_headline(_pair(SOURCE.model_copy(update={"header": Header(name="Ana Lima")}))) == []


@pytest.mark.parametrize(
    "where, skill",
    [
        ("employer", "Communication"),
        ("interest", "Cuisine"),
        ("degree", "Mathématiques"),
        ("school", "Management"),
        ("place", "Python Creek"),
    ],
)
def test_a_skill_never_comes_from_a_name(where: str, skill: str) -> None:
    job = RECENT
    education = [Education(degree="Master Data", institution="Université de Lorvel")]
    interests: list[str] = []
    if where == "employer":
        job = RECENT.model_copy(update={"company": "Nordwind Communication Systems"})
    elif where == "place":
        job = RECENT.model_copy(update={"location": "Python Creek"})
    elif where == "degree":
        education = [Education(degree="Licence Mathématiques", institution="Université de Lorvel")]
    elif where == "school":
        education = [Education(degree="Master Data", institution="École de Management de Rivel")]
    else:
        interests = ["Cuisine"]
    source = _cv(experience=[job], education=education, extras=Extras(interests=interests))
    tailored = source.model_copy(update={"skills": [*source.skills, Skill(name=skill)]})
    assert supported_skills(_pair(tailored, source=source)) == [
        Violation("unsupported_skill", {"skill": skill})
    ]
    assert supported_skills(_pair(source, source=source)) == []


def test_a_skill_a_statement_names_is_supported() -> None:
    # "Python" is named by a bullet of the source, "Tableau" by nothing it says.
    tailored = SOURCE.model_copy(
        update={"skills": [*SOURCE.skills, Skill(name="Python"), Skill(name="Tableau")]}
    )
    assert supported_skills(_pair(tailored)) == [
        Violation("unsupported_skill", {"skill": "Tableau"})
    ]


def test_a_language_level_is_the_sources_in_any_format() -> None:
    def levelled(level: str) -> CvContent:
        return SOURCE.model_copy(update={"languages": [Language(name="English", level=level)]})

    assert source_levels(_pair(levelled("C1"))) == []  # "Fluent (C1)" in letters
    assert source_levels(_pair(levelled("Fluent (C1)"))) == []
    assert source_levels(_pair(levelled("Bilingual"))) == [
        Violation("reworded_level", {"language": "English", "level": "Bilingual"})
    ]
    assert _codes(source_levels(_pair(levelled("B2")))) == ["reworded_level"]


# ── 6–7: fragments and links ───────────────────────────────────────────────────────────────


def test_no_bullet_stops_mid_sentence() -> None:
    split = RECENT.model_copy(update={"bullets": [RECENT.bullets[0], HEAD, TAIL]})
    found = no_fragments(_pair(SOURCE.model_copy(update={"experience": [split]})))
    assert found == [
        Violation("fragment", {"item": "e1", "bullet": HEAD}),
        Violation("fragment", {"item": "e1", "bullet": TAIL}),
    ]
    joined = RECENT.model_copy(update={"bullets": [RECENT.bullets[0], f"{HEAD} {TAIL}"]})
    assert no_fragments(_pair(SOURCE.model_copy(update={"experience": [joined]}))) == []
    project = Project(id="p1", name="Atlas", bullets=[HEAD])  # projects too
    assert _codes(no_fragments(_pair(SOURCE.model_copy(update={"projects": [project]})))) == [
        "fragment"
    ]


def test_every_links_address_is_printed() -> None:
    header = Header(
        name="Ana Lima",
        current_title="Data Analyst",
        links=[
            Link(label="LinkedIn", url="https://www.linkedin.example/in/ana-lima/"),
            Link(label="GitHub", url="https://github.example/ana-lima"),
        ],
    )
    pair = _pair(SOURCE.model_copy(update={"header": header}))
    printed = "Ana Lima\nlinkedin.example/in/ana-\nlima | github.example/ana-lima"
    assert links_printed(pair, _facts(printed)) == []  # a line break inside is still the address
    assert links_printed(pair, _facts("Ana Lima LinkedIn github.example/ana-lima")) == [
        Violation("link_not_printed", {"url": "https://www.linkedin.example/in/ana-lima/"})
    ]


def test_the_lists_gather_every_invariant() -> None:
    tailored = SOURCE.model_copy(
        update={"header": Header(name="Ana Lima", current_title="BI Lead"), "skills": []}
    )
    pair = _pair(tailored)
    facts = _facts(pageCount=2, pageBudget=1)
    assert set(_codes(content_violations(pair))) == {
        "borrowed_headline",
        "skills_cut_for_relevance",
    }
    assert _codes(page_violations(pair, facts)) == ["over_budget"]
    assert len(violations(pair, facts)) == 3 and len(violations(pair)) == 2
    assert violations(_pair(SOURCE), _facts("Ana Lima")) == []


# ── fragments.py ───────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "current, following, expected",
    [
        (HEAD, TAIL, True),  # stops on a function word
        ("Designed the reporting tools for the", "regional sales teams.", True),
        ("Migration des serveurs,", "puis des bases de données clients.", True),  # a comma
        ("Mise en place de l'outil d'", "inventaire.", True),  # an elided article
        ("Suivi des commandes", "fournisseurs.", True),  # a short tail closing it
        ("Built 12 dashboards.", "applications Orvane.", False),  # a sentence ended
        ("gestion de projet", "suivi client", False),  # two list items, no full stop
        ("Tuned SQL reports", "Led the weekly reviews with the plant managers.", False),
    ],
)
def test_runs_on(current: str, following: str, expected: bool) -> None:
    assert runs_on(current, following) is expected


def test_is_fragment_alone_or_read_with_the_next() -> None:
    assert is_fragment(HEAD) and is_fragment(TAIL)
    assert is_fragment("Suivi des commandes", "fournisseurs.")
    assert not is_fragment("Suivi des commandes")  # a whole list item
    assert not is_fragment("Built 12 Power BI dashboards for the finance team.")
    assert not is_fragment("gestion de projet", "suivi client")
    assert not is_fragment("   ")
    # A tail opening on an acronym ends the sentence before it; a capitalised short bullet
    # stands alone.
    assert is_fragment("Applications mobiles multiplateformes développées", "XAMARIN.")
    assert is_fragment("SAP et SQL.") and not is_fragment("Travail en équipe.")
    assert not is_fragment("Gestion de projet", "Suivi client.")


def test_rejoin_joins_split_sentences_and_keeps_the_rest() -> None:
    assert rejoin(["Tuned SQL reports.", HEAD, TAIL, ""]) == [
        "Tuned SQL reports.",
        f"{HEAD} {TAIL}",
    ]
    assert rejoin(["Refonte du front-", "end de la facturation client."]) == [
        "Refonte du front-end de la facturation client."
    ]
    assert rejoin(["gestion de projet", "suivi client"]) == ["gestion de projet", "suivi client"]
    assert has_fragment([HEAD, TAIL]) and not has_fragment(rejoin([HEAD, TAIL]))


def test_rejoin_fragments_keeps_the_same_cv_when_nothing_is_split() -> None:
    assert rejoin_fragments(SOURCE) is SOURCE
    split = SOURCE.model_copy(
        update={
            "experience": [RECENT.model_copy(update={"bullets": [HEAD, TAIL]}), OLDER],
            "projects": [
                Project(id="p1", name="Atlas", bullets=["Wrote the guides for the", "field teams."])
            ],
        }
    )
    joined = rejoin_fragments(split)
    assert joined.experience[0].bullets == [f"{HEAD} {TAIL}"]
    assert joined.experience[0].id == "e1" and joined.experience[1] is OLDER
    assert joined.projects[0].bullets == ["Wrote the guides for the field teams."]


# ── sendable_repair.make_sendable ──────────────────────────────────────────────────────────


def test_repair_restores_the_candidates_headline() -> None:
    borrowed = SOURCE.model_copy(
        update={"header": Header(name="Ana Lima", current_title="Senior BI Lead")}
    )
    checked = make_sendable(_pair(borrowed))
    assert checked.cv.header.current_title == "Data Analyst"
    assert _codes(checked.repaired) == ["borrowed_headline"] and checked.remaining == []


def test_repair_removes_a_skill_taken_from_an_employers_name() -> None:
    job = RECENT.model_copy(update={"company": "Nordwind Communication Systems"})
    source = _cv(experience=[job, OLDER, OLD_UNRELATED])
    tailored = source.model_copy(update={"skills": [Skill(name="Communication"), *source.skills]})
    checked = make_sendable(_pair(tailored, source=source))
    assert [s.name for s in checked.cv.skills] == ["SQL", "Power BI", "Excel"]
    assert _codes(checked.repaired) == ["unsupported_skill"] and checked.remaining == []


def test_repair_restores_a_listed_skill_after_the_others() -> None:
    tailored = SOURCE.model_copy(update={"skills": [Skill(name="Power BI"), Skill(name="SQL")]})
    checked = make_sendable(_pair(tailored))
    assert [s.name for s in checked.cv.skills] == ["Power BI", "SQL", "Excel"]
    assert _codes(checked.repaired) == ["skills_cut_for_relevance"] and checked.remaining == []


def test_repair_joins_split_bullets() -> None:
    split = RECENT.model_copy(update={"bullets": [*RECENT.bullets, HEAD, TAIL]})
    source = _cv(experience=[split, OLDER, OLD_UNRELATED])
    checked = make_sendable(_pair(source, source=source))
    assert checked.cv.experience[0].bullets == [*RECENT.bullets, f"{HEAD} {TAIL}"]
    assert "fragment" in _codes(checked.repaired) and checked.remaining == []


def test_repair_brings_back_a_lost_bullet_and_a_job_removed_against_the_rule() -> None:
    tailored = SOURCE.model_copy(
        update={
            "experience": [RECENT.model_copy(update={"bullets": RECENT.bullets[1:]}), OLD_UNRELATED]
        }
    )
    checked = make_sendable(_pair(tailored))
    assert [e.id for e in checked.cv.experience] == ["e1", "e2", "e3"]
    assert checked.cv.experience[0].bullets == [RECENT.bullets[1], RECENT.bullets[0]]
    assert checked.cv.experience[1].bullets == []  # back as one line
    assert set(_codes(checked.repaired)) == {"bullets_cut_for_relevance", "removed_against_rule"}
    assert checked.remaining == []


# ── 8: as a recruiter reads it ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Springfield, IL", "place"),
        ("Lima, Ana", "name"),
        ("Lima", "name"),
        ("PROFIL", "section"),
        ("ana.lima@example.org", "contact"),
        ("12 rue des Acacias", "place"),
    ],
)
def test_a_headline_that_is_no_title_is_open(headline: str, kind: str) -> None:
    header = Header(name="Ana Lima", current_title=headline)
    source = SOURCE.model_copy(update={"header": header})
    found = content_violations(_pair(source, source=source))
    assert [(v.code, v.params["kind"]) for v in found] == [("headline_not_a_title", kind)]


@pytest.mark.parametrize(
    ("summary", "kind"),
    [
        ("Data analyst. Contact: ana.lima@example.org", "email"),
        ("Data analyst, 06 12 34 56 78.", "phone"),
        ("Data analyst living at 12 rue des Acacias, Lyon.", "address"),
        ("Data analyst, born on 3 May 1990, married.", "personal"),
    ],
)
def test_a_profile_with_contact_or_personal_data_is_open(summary: str, kind: str) -> None:
    source = SOURCE.model_copy(update={"summary": summary})
    found = content_violations(_pair(source, source=source))
    assert [(v.code, v.params["kind"]) for v in found] == [("profile_personal_data", kind)]


def test_skills_that_are_no_skills_are_open() -> None:
    skills = [
        Skill(name="SQL"),
        Skill(name="ana.lima@example.org"),
        Skill(name="I like working with people and learning new things every day."),
        Skill(name="C++"),
        Skill(name="Microsoft Office (Word, Excel, PowerPoint)"),
    ]
    source = SOURCE.model_copy(update={"skills": skills})
    found = content_violations(_pair(source, source=source))
    assert [(v.code, v.params["kind"]) for v in found] == [
        ("skill_not_a_skill", "email"),
        ("skill_not_a_skill", "sentence"),
    ]


def test_a_cv_read_right_reads_right() -> None:
    summary = "Data analyst since 2018: 120 000 000 rows a day, reports for 12 teams."
    source = SOURCE.model_copy(update={"summary": summary})
    assert content_violations(_pair(source, source=source)) == []


def test_an_orphan_last_page_is_open_unless_only_cuts_could_close_it() -> None:
    pair = _pair(SOURCE)
    orphan = _facts("Ana Lima", pageCount=2, pageBudget=2, pageFills=[0.97, 0.12])
    assert _codes(page_violations(pair, orphan)) == ["orphan_last_page"]
    tried = _facts("Ana Lima", pageCount=2, pageBudget=2, pageFills=[0.97, 0.12], closeUpTried=True)
    assert page_violations(pair, tried) == []
    full = _facts("Ana Lima", pageCount=2, pageBudget=2, pageFills=[0.97, 0.4])
    assert page_violations(pair, full) == []


def test_repair_takes_contact_data_out_of_the_profile_sentence_by_sentence() -> None:
    summary = "Data analyst for retail teams. Lives at 12 rue des Acacias, Lyon. Loves SQL."
    source = SOURCE.model_copy(update={"summary": summary})
    checked = make_sendable(_pair(source, source=source))
    assert checked.cv.summary == "Data analyst for retail teams. Loves SQL."
    assert _codes(checked.repaired) == ["profile_personal_data"]
    assert checked.remaining == []
