"""With a model, every section is arbitrated, not only jobs
(app/lib/parsing/model_import/field_arbitration.py, arbitration.py): the header, the profile, the
skills and the degrees take the value the source supports; what only the rules read and the
source does not support is left out and asked about."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from app.lib.parsing.model_import.import_merge import merge_readings

SOURCE = """Nora Vidal
Warehouse supervisor
nora.vidal@example.
org
12 rue des Lilas, 31000 Toulouse
Profile
Eight years running night shifts in cold-chain logistics.
Experience
Warehouse supervisor - Frigo Nord
2019 - present
Education
Diploma in Logistics
Institut du Froid - Rennes
2015
Skills
Forklift licence, WMS, Inventory control
Languages
French, Spanish
Interests
Rowing on Sundays with the Garonne club
"""

RULES = CvContent.from_json(
    {
        "header": {"name": "Warehouse supervisor", "current_title": "Nora Vidal",
                   "contact": {"email": "nora.vidal@example."}},
        "summary": "12 rue des Lilas, 31000 Toulouse\n"
                   "Eight years running night shifts in cold-chain logistics.",
        "experience": [{"id": "r1", "title": "Warehouse supervisor", "company": "Frigo Nord",
                        "start": "2019", "current": True}],
        "education": [
            {"id": "e1", "degree": "Rennes", "institution": "Institut du Froid", "end": "2015"},
            {"id": "e2", "degree": "Logistics", "institution": "", "end": None},
        ],
        "skills": [{"name": "WMS"}, {"name": "Inventory control"},
                   {"name": "12 rue des Lilas, 31000 Toulouse"},
                   {"name": "Rowing on Sundays with the Garonne club"}],
    }
)  # fmt: skip

MODEL = CvContent.from_json(
    {
        "header": {"name": "Nora Vidal", "current_title": "Warehouse supervisor",
                   "contact": {"email": "nora.vidal@example.\norg"}},
        "experience": [{"id": "m1", "title": "Warehouse supervisor", "company": "Frigo Nord",
                        "start": "2019", "current": True}],
        "education": [{"id": "m2", "degree": "Diploma in Logistics",
                       "institution": "Institut du Froid", "end": "2015"}],
        "skills": [{"name": "Forklift licence"}, {"name": "WMS"}],
    }
)  # fmt: skip


def _codes(findings: list[dict]) -> list[str]:
    return [f["code"] for f in findings]


def test_the_header_takes_the_fields_the_source_supports() -> None:
    merged = merge_readings(RULES, MODEL, source_text=SOURCE)
    header = merged.content.header
    assert header.name == "Nora Vidal"  # a title read as the name loses to a name
    assert header.current_title == "Warehouse supervisor"
    assert header.contact.email == "nora.vidal@example.org"  # wrapped over two lines, joined
    kept = [f["path"] for f in merged.findings if f["code"] == "import_model_reading_kept"]
    assert {"header.name", "header.current_title", "header.contact.email"} <= set(kept)


def test_a_rules_headline_with_no_job_word_is_asked_when_the_model_read_none() -> None:
    rules = RULES.model_copy(deep=True)
    rules.header.name, rules.header.current_title = "Nora Vidal", "Rowing on Sundays"
    model = MODEL.model_copy(deep=True)
    model.header.current_title = ""
    merged = merge_readings(rules, model, source_text=SOURCE)
    assert merged.content.header.current_title == ""
    asked = [f for f in merged.findings if f["code"] == "import_unconfirmed_value"]
    assert any(f["path"] == "header.current_title" for f in asked)


def test_a_rules_headline_joined_by_dashes_is_no_sentence_and_stays() -> None:
    # Nine tokens with the dashes and the ampersand, seven words: a headline, not prose.
    headline = "Ingénieur logistique – & KPI – Chaîne du froid"
    rules = RULES.model_copy(deep=True)
    rules.header.name, rules.header.current_title = "Nora Vidal", headline
    model = MODEL.model_copy(deep=True)
    model.header.current_title = ""
    source = SOURCE.replace("Warehouse supervisor\nnora", f"{headline}\nnora", 1)
    merged = merge_readings(rules, model, source_text=source)
    assert merged.content.header.current_title == headline


def test_skills_hold_what_is_a_skill_where_the_model_read_skills() -> None:
    merged = merge_readings(RULES, MODEL, source_text=SOURCE)
    names = [s.name for s in merged.content.skills]
    # The model's, then the rules' own skill written among the model's skills' lines; the
    # address (no skill by its shape) and the interest (written elsewhere) are asked.
    assert names == ["Forklift licence", "WMS", "Inventory control"]
    asked = [f for f in merged.findings if f["path"] == "skills"]  # one flag for the list
    assert len(asked) == 1 and asked[0]["samples"] == [
        "12 rue des Lilas, 31000 Toulouse",
        "Rowing on Sundays with the Garonne club",
    ]


def test_the_profile_loses_its_contact_lines_when_the_model_read_none() -> None:
    merged = merge_readings(RULES, MODEL, source_text=SOURCE)
    assert merged.content.summary == "Eight years running night shifts in cold-chain logistics."
    assert "import_unconfirmed_value" in _codes(merged.findings)


def test_a_degree_named_as_one_wins_and_a_piece_of_it_is_asked() -> None:
    merged = merge_readings(RULES, MODEL, source_text=SOURCE)
    education = [(e.degree, e.institution) for e in merged.content.education]
    # "Rennes" is no degree; "Logistics" alone is a piece of the degree both readers read.
    assert education == [("Diploma in Logistics", "Institut du Froid")]
    unconfirmed = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert [f["reason"] for f in unconfirmed] == ["duplicate"]


def test_without_a_model_reading_nothing_changes() -> None:
    merged = merge_readings(RULES, CvContent(), source_text=SOURCE)
    assert merged.content.to_json() == RULES.to_json() and merged.findings == []


def test_a_degree_the_rules_cut_in_two_or_crossed_is_read_whole() -> None:
    source = (
        "Education\nLycée Jean Moulin\nBaccalauréat\n2016\n"
        "Diplôme de Technologie en\nGénie Civil\nIUT Lyon\n2019\n"
    )
    rules = CvContent.from_json(
        {"education": [
            {"id": "a", "degree": "Lycée Jean Moulin", "institution": "Baccalauréat",
             "end": "2016"},
            {"id": "b", "degree": "Diplôme de Technologie en", "institution": "Génie Civil",
             "end": "2019"},
        ]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [
            {"id": "m", "degree": "Baccalauréat", "institution": "Lycée Jean Moulin",
             "end": "2016"},
            {"id": "n", "degree": "Diplôme de Technologie en Génie Civil",
             "institution": "IUT Lyon", "end": "2019"},
        ]}
    )  # fmt: skip
    merged = merge_readings(rules, model, source_text=source)
    assert [(e.degree, e.institution) for e in merged.content.education] == [
        ("Baccalauréat", "Lycée Jean Moulin"),
        ("Diplôme de Technologie en Génie Civil", "IUT Lyon"),
    ]


def test_a_rules_only_degree_with_no_degree_or_school_word_is_asked() -> None:
    source = (
        "Education\nMaster in Logistics\nInstitut du Froid\n2019\n"
        "Night shifts in a cold store\n2018\nBaccalauréat\nLycée Ampère\n2014\n"
    )
    rules = CvContent.from_json(
        {"education": [
            {"id": "a", "degree": "Master in Logistics", "institution": "Institut du Froid",
             "end": "2019"},
            {"id": "b", "degree": "Night shifts in a cold store", "institution": "", "end": "2018"},
            {"id": "c", "degree": "Baccalauréat", "institution": "Lycée Ampère", "end": "2014"},
        ]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [
            {"id": "m", "degree": "Master in Logistics", "institution": "Institut du Froid",
             "end": "2019"},
            {"id": "n", "degree": "Baccalauréat", "institution": "Lycée Ampère", "end": "2014"},
        ]}
    )  # fmt: skip
    merged = merge_readings(rules, model, source_text=source)
    assert [e.degree for e in merged.content.education] == ["Master in Logistics", "Baccalauréat"]
    unconfirmed = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert [f["reason"] for f in unconfirmed] == ["model_silent"]


def test_a_name_stays_the_rules_where_the_models_is_shaped_less_like_one() -> None:
    # The e-mail's mailbox is no better a name than the page's "VIDAL Nora".
    source = SOURCE.replace("Nora Vidal\n", "VIDAL\nNora\nnoravidal@example.org\n", 1)
    rules = RULES.model_copy(deep=True)
    rules.header.name = "VIDAL Nora"
    model = MODEL.model_copy(deep=True)
    model.header.name = "noravidal"
    merged = merge_readings(rules, model, source_text=source)
    assert merged.content.header.name == "VIDAL Nora"
