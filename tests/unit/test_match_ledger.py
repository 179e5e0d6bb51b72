"""The match as an evidence ledger, on synthetic CVs and ads: every requirement in the ad's own
words, every quote a piece of the CV (never two fields glued), a requirement without evidence
missing, and the score read off the ledger."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.evidence import cv_fields
from app.lib.matching.model import CREDIT, coverage
from app.lib.matching.quotes import find_in, holds, quote_of
from app.lib.matching.requirements import distinctive_terms, offer_requirements
from app.lib.matching.vocabulary import Vocabulary
from app.lib.text_forms import squash

VOCAB = Vocabulary(
    {
        "computer_science": ("computer science", "informatique"),
        "masters_degree": ("master's degree", "master"),
        "teamwork": ("teamwork", "esprit d'équipe", "travail en équipe"),
    },
    {},
)

# A trade the vocabulary knows nothing of: its requirements must still be read, in its words.
STONE_AD = OfferText(
    title="Stone mason",
    description=(
        "Stone Mason – quarry workshop\n"
        "Your profile:\n"
        "- You dress limestone blocks with a bush hammer and point\n"
        "- You lay rubble walls with lime mortar\n"
        "- Esprit d’équipe\n"
        "Hours: 39 hours a week, full time.\n"
    ),
    requirements=[
        "You dress limestone blocks with a bush hammer and point",
        "You lay rubble walls with lime mortar",
        "Hours: 39 hours a week, full time.",
    ],
    skills=["esprit d'équipe", "Teamwork"],
    language="en",
)

MASON_CV = CvContent.model_validate(
    {
        "header": {"name": "Sam Example", "current_title": "Mason"},
        "experience": [
            {
                "id": "exp_1",
                "title": "Mason",
                "company": "Old Stones",
                "bullets": [
                    "Dressed limestone blocks by hand for a church front.",
                    "Repaired garden walls with lime.",
                ],
            }
        ],
        "education": [
            {
                "id": "edu_1",
                "degree": "Master",
                "field": "Computer Science",
                "institution": "Example University",
            }
        ],
    }
)


def test_a_trade_the_vocabulary_does_not_know_is_read_in_the_ads_words() -> None:
    reqs = offer_requirements(STONE_AD, VOCAB)
    texts = [r.text for r in reqs]
    assert "You dress limestone blocks with a bush hammer and point" in texts
    assert "You lay rubble walls with lime mortar" in texts
    # The ad's own apostrophe, and one requirement for one concept named twice.
    assert "Esprit d’équipe" in texts and "Teamwork" not in texts
    assert not any("39" in t for t in texts)  # working hours are not a requirement
    for text in texts:
        assert squash(text) in squash(STONE_AD.description)


def test_terms_leave_out_the_words_every_ad_asks_with() -> None:
    assert distinctive_terms("You have strong experience with lime mortar") == ("lime", "mortar")
    assert distinctive_terms("Vous êtes rigoureux et avez 5 ans d'expérience") == ("rigoureux",)


def test_each_line_is_supported_partial_or_missing_with_a_quote_from_one_field() -> None:
    result = analyse(MASON_CV, STONE_AD, vocabulary=VOCAB)
    by_text = {m.requirement.text: m for m in result.requirements}
    dress = by_text["You dress limestone blocks with a bush hammer and point"]
    assert dress.status == "supported"
    assert dress.evidence[0].quote == "Dressed limestone blocks by hand for a church front."
    assert (dress.evidence[0].item_id, dress.evidence[0].index) == ("exp_1", 0)
    walls = by_text["You lay rubble walls with lime mortar"]
    assert walls.status == "partial"  # two of its five words ("walls", "lime")
    team = by_text["Esprit d’équipe"]
    assert team.status == "missing" and team.evidence == []
    fields = list(cv_fields(MASON_CV))
    for line in result.requirements:
        for evidence in line.evidence:
            assert holds(fields, evidence.quote), evidence.quote
    payload = result.as_json()
    first = payload["requirements"][0]
    assert {"status", "quote", "where"} <= set(first)
    assert payload["ledger"] == {"supported": 1, "partial": 1, "missing": 1}


def test_a_degree_and_its_school_are_never_glued_into_one_quote() -> None:
    ad = OfferText(
        description="Master's degree in computer science required.",
        requirements=["Master's degree in computer science required."],
    )
    result = analyse(MASON_CV, ad, vocabulary=VOCAB)
    (line,) = result.requirements
    assert line.status == "supported"
    quotes = [e.quote for e in line.evidence]
    assert quotes and all(q in {"Master", "Computer Science"} for q in quotes)
    assert line.evidence[0].section == "education" and line.evidence[0].item_id == "edu_1"


def test_the_score_is_the_ledgers_weighted_credit() -> None:
    result = analyse(MASON_CV, STONE_AD, vocabulary=VOCAB)
    weights = [m.requirement.weight for m in result.requirements]
    credit = sum(w * CREDIT[m.status] for w, m in zip(weights, result.requirements, strict=True))
    assert result.score == round(100 * credit / sum(weights))
    assert result.score == round(100 * coverage(result.requirements))
    assert result.before == coverage(result.requirements)  # no bank: the CV's own words


def test_a_skill_the_ad_never_wrote_is_written_with_the_ads_word_or_left_out() -> None:
    ad = OfferText(
        description="Nous cherchons un profil en informatique.", skills=["Computer Science", "Rust"]
    )
    ledger = [m.requirement.text for m in analyse(MASON_CV, ad, vocabulary=VOCAB).requirements]
    assert ledger == ["informatique"]
    # Tailoring still weighs the skill the offer lists (the user may have added it).
    weighed = {r.text: r.in_ad for r in offer_requirements(ad, VOCAB)}
    assert weighed == {"informatique": True, "Rust": False}


def test_quotes_are_found_as_the_source_writes_them() -> None:
    source = "Sens de l’organisation\nTravail   en équipe"
    assert find_in("sens de l'organisation", source) == "Sens de l’organisation"
    assert find_in("travail en équipe", source) == "Travail en équipe"
    assert find_in("travail d'équipe", source) is None
    long_field = "First sentence here. " + "word " * 80 + "end."
    quote = quote_of(long_field, lambda s: 1.0 if "word" in s else 0.0)
    assert quote in " ".join(long_field.split()) and len(quote) <= 220


def test_a_heading_or_a_condition_the_reader_kept_is_no_requirement() -> None:
    """A reader may keep an ad's headings among its lines: a heading asks nothing, nor does the
    kind and length of the contract; a quality in one word does."""
    ad = OfferText(
        title="Stone mason",
        description=(
            "Why this workshop is different\n"
            "- You dress limestone blocks with a bush hammer and point\n"
            "Context of the placement\n"
            "The quarry reopened last spring after ten years and now restores the old town's "
            "walls with its own stone, cut and dressed on site by a team of six.\n"
            "Placement, 4-6 months\n"
            "Patience\n"
        ),
        requirements=[
            "Why this workshop is different",
            "You dress limestone blocks with a bush hammer and point",
            "Context of the placement",
            "Placement, 4-6 months",
            "Patience",
        ],
    )
    texts = [r.text for r in offer_requirements(ad, VOCAB)]
    assert texts == ["You dress limestone blocks with a bush hammer and point", "Patience"]


def test_when_and_where_the_job_is_is_no_requirement() -> None:
    """ "To be filled at once" and the country the posts are in ask nothing of a CV (every CV
    of the place would show it); the trade's own words still do."""
    lines = [
        "CDI à pourvoir dès que possible.",
        "Le poste est à pourvoir immédiatement.",
        "Prise de poste : ASAP",
        "Nos postes sont à pourvoir sur toute la France.",
        "Vous taillez la pierre calcaire à la boucharde",
    ]
    ad = OfferText(title="Tailleur de pierre", description="\n".join(lines), requirements=lines)
    texts = [r.text for r in offer_requirements(ad, VOCAB)]
    assert texts == ["Vous taillez la pierre calcaire à la boucharde"]


def test_two_things_asked_together_are_supported_only_when_both_are_shown() -> None:
    vocab = Vocabulary(
        {
            "customer_relationship": ("relation client", "relation avec le client"),
            "construction_sites": ("chantier", "chantiers"),
            "java": ("java",),
            "python": ("python",),
        },
        {},
    )
    ad = OfferText(
        title="Poseur",
        description=("Profil :\n- Relation avec le client sur le chantier\n- Python ou Java\n"),
        requirements=["Relation avec le client sur le chantier", "Python ou Java"],
        language="fr",
    )
    cv = CvContent.model_validate(
        {
            "header": {"name": "Sam Example"},
            "experience": [
                {
                    "id": "exp_1",
                    "title": "Poseur",
                    "company": "Atelier",
                    "bullets": ["Prise de cotes sur chantier.", "Scripts en Python."],
                }
            ],
        }
    )
    ledger = {m.requirement.text: m.status for m in analyse(cv, ad, vocabulary=vocab).requirements}
    # "chantier" alone shows half of what the line asks; either language answers the other.
    assert ledger["Relation avec le client sur le chantier"] == "partial"
    assert ledger["Python ou Java"] == "supported"


# An ad listing skills the vocabulary knows inside a sentence that asks more than them.
WEB_VOCAB = Vocabulary(
    {"html": ("HTML",), "css": ("CSS",), "autonomy": ("autonomy", "autonomie")}, {}
)
WEB_AD = OfferText(
    description=(
        "You'll be a perfect fit if:\n"
        "• Knowledge of the Web technology stack (HTTP, HTML, CSS, XPATH)\n"
        "• Excellent autonomy\n"
        "• Faire preuve d'autonomie\n"
    ),
    requirements=[
        "Knowledge of the Web technology stack (HTTP, HTML, CSS, XPATH)",
        "Excellent autonomy",
        "Faire preuve d'autonomie",
    ],
    skills=["HTML", "CSS", "autonomy"],
    language="en",
)


def test_a_sentence_asking_more_than_its_listed_skills_is_a_line_after_the_others() -> None:
    reqs = offer_requirements(WEB_AD, WEB_VOCAB)
    texts = [r.text for r in reqs]
    stack = "Knowledge of the Web technology stack (HTTP, HTML, CSS, XPATH)"
    # HTML and CSS are skill lines; the words beyond them are the sentence's own line, read by
    # those words only (no double counting), after every other line.
    assert texts == ["HTML", "CSS", "autonomy", stack]
    line = reqs[-1]
    assert not line.concepts and {"http", "xpath", "stack"} <= set(line.terms)
    assert not {"html", "css"} & set(line.terms)
    # A sentence asking one word beyond its skill ("preuve") stands aside for it, as before.
    assert not any("preuve" in t or t == "Excellent autonomy" for t in texts)


def test_no_line_is_lost_to_the_sentences_beyond_skills_when_the_ledger_is_full() -> None:
    filler = [f"Operate the {word} lathe and the {word} press" for word in WORDS_40]
    ad = OfferText(
        description="\n".join([*WEB_AD.requirements, *filler]),
        requirements=[*WEB_AD.requirements, *filler],
        skills=WEB_AD.skills,
        language="en",
    )
    texts = [r.text for r in offer_requirements(ad, WEB_VOCAB)]
    assert len(texts) == 40 and texts[-1] == filler[36]  # three skill lines, then the filler
    assert not any("XPATH" in t for t in texts)


WORDS_40 = [
    "alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel", "ironwood", "juniper",
    "kapok", "larch", "maple", "nutmeg", "oak", "poplar", "quince", "rowan", "spruce", "teak",
    "ulmo", "walnut", "willow", "yew", "acacia", "banyan", "catalpa", "ebony", "fig", "guava",
    "hemlock", "jacaranda", "kauri", "linden", "mahogany", "olive", "pine", "redwood", "sumac",
    "tamarind",
]  # fmt: skip


def test_an_interests_keywords_are_quoted_one_by_one_never_glued_to_its_name() -> None:
    # A JSON Resume interest {"name": "Sports", "keywords": [...]} is stored as one string:
    # a quote of it stands in the uploaded file only as one of its strings.
    cv = CvContent.model_validate(
        {"extras": {"interests": ["Sports: running, chess, rock climbing and caving"]}}
    )
    ad = OfferText(
        description="Rock climbing and caving instructor.",
        requirements=["Rock climbing and caving instructor."],
    )
    (line,) = analyse(cv, ad, vocabulary=VOCAB).requirements
    assert line.status != "missing"
    assert line.evidence[0].quote == "rock climbing and caving"
