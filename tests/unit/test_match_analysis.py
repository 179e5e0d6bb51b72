"""The match analysis core on synthetic CVs and offers, with a small vocabulary of its own."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.requirements import nice_lines, offer_requirements
from app.lib.matching.vocabulary import Vocabulary

VOCAB = Vocabulary(
    {
        "user_training": ("train users", "user training", "formation des utilisateurs"),
        "acceptance_testing": ("user acceptance testing", "recette fonctionnelle"),
        "query_optimisation": ("optimise queries", "optimisation des requêtes"),
        "team_leadership": ("lead a team", "led teams", "encadrer une équipe"),
        "power_bi": ("Power BI", "PowerBI"),
        "sql": ("SQL",),
        "business_intelligence": ("business intelligence", "informatique décisionnelle"),
    },
    {"postgresql": ("sql",), "power_bi": ("business_intelligence",)},
)

CV = CvContent.model_validate(
    {
        "header": {"name": "Ada Example", "current_title": "Project manager"},
        "summary": "Project manager who led teams of up to 6 developers.",
        "experience": [
            {
                "id": "exp_a",
                "title": "IT project manager",
                "company": "Northwind",
                "start": "2020-01",
                "current": True,
                "bullets": [
                    "Organised user acceptance testing and trained 150 end users",
                    "Took part in the move from waterfall to Scrum",
                    "Optimised Oracle queries, dividing the nightly batch from 6 to 2 hours",
                ],
            }
        ],
        "skills": [{"name": "PostgreSQL"}, {"name": "Excel"}],
        "languages": [{"name": "English", "level": "native"}],
    }
)

OFFER_FR = OfferText(
    title="Chef de projet",
    description="Missions\nPiloter les recettes fonctionnelles et la formation des "
    "utilisateurs.\nProfil\nVous savez encadrer une équipe de développeurs. SQL.\n"
    "Langues : Anglais courant, Allemand.\nAtouts :\nConnaissance de Power BI",
    requirements=["Vous savez encadrer une équipe de développeurs."],
    responsibilities=["Piloter les recettes fonctionnelles et la formation des utilisateurs."],
    skills=["SQL", "Power BI", "multiples saveurs", "savoir encadrer une équipe motivée"],
    languages=[{"name": "Anglais", "level": "courant"}, "Allemand"],
    language="fr",
)


def test_requirements_are_checkable_things_with_their_kind() -> None:
    reqs = offer_requirements(OFFER_FR, VOCAB)
    by_text = {r.text: r for r in reqs}
    assert by_text["SQL"].kind == "must"
    assert by_text["Power BI"].kind == "nice"  # only named under "Atouts"
    assert "multiples saveurs" not in by_text  # names nothing the vocabulary knows
    assert "savoir encadrer une équipe motivée" not in by_text  # a phrase, not a skill
    assert by_text["Anglais"].source == "language"
    assert by_text[
        "Piloter les recettes fonctionnelles et la formation des utilisateurs."
    ].kind == ("nice")
    assert [r.id for r in reqs] == [f"r{i}" for i in range(1, len(reqs) + 1)]


def test_nice_lines_follow_a_nice_heading_until_the_next_heading() -> None:
    text = "Profil :\nSQL\nNice to have:\nDocker\nKubernetes\nAbout us:\nWe ship."
    assert nice_lines(text) == ["docker", "kubernetes"]


def test_evidence_crosses_languages_and_implications() -> None:
    result = analyse(CV, OFFER_FR, vocabulary=VOCAB)
    found = {m.requirement.text: m for m in result.requirements}
    team = found["Vous savez encadrer une équipe de développeurs."]
    assert team.covered and team.direct
    assert team.evidence[0].section == "summary"
    sql = found["SQL"]
    assert sql.covered and not sql.direct  # PostgreSQL implies SQL; the CV never says it
    assert sql.evidence[0].quote == "PostgreSQL"
    mission = found["Piloter les recettes fonctionnelles et la formation des utilisateurs."]
    assert mission.evidence[0].key == "exp_a:0"
    assert not found["Allemand"].covered
    assert [g.requirement.text for g in result.gaps] == ["Power BI", "Allemand"]
    assert {g.close.code for g in result.gaps} == {"close_skill", "close_language"}
    assert result.before < result.ceiling
    assert result.after is None and result.score == round(100 * result.before)


def test_after_counts_what_the_tailored_cv_shows_within_the_ceiling() -> None:
    tailored = CV.model_copy(deep=True)
    tailored.skills.insert(0, tailored.skills[0].model_copy(update={"name": "SQL"}))
    tailored.skills.append(tailored.skills[0].model_copy(update={"name": "Power BI"}))  # invented
    result = analyse(CV, OFFER_FR, tailored, vocabulary=VOCAB)
    assert result.after is not None
    assert result.after == result.ceiling  # SQL now said; Power BI is not in the source
    hidden = analyse(CV, OFFER_FR, tailored, hidden={"exp_a:0"}, vocabulary=VOCAB)
    assert hidden.after is not None and hidden.after < result.after
    payload = result.as_json()
    assert set(payload) == {
        "score", "ceiling", "before", "after", "requirements", "gaps", "pros", "cons", "ledger"
    }  # fmt: skip
    assert payload["requirements"][0]["evidence"][0]["where"]


def test_no_requirements_gives_zero_not_an_error() -> None:
    result = analyse(CV, OfferText(description="We are nice people."), vocabulary=VOCAB)
    assert result.requirements == [] and result.ceiling == 0.0 and result.score == 0
