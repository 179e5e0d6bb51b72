"""The figures of ``make eval-llm`` (bench/llm_eval_metrics.py) on synthetic CVs and offers: offer
copies, moved facts, requirement evidence kept, language purity, summary rules; and the page
(bench/llm_eval_report.py) built from a synthetic dump."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.matching.analysis import OfferText
from bench.llm_eval_metrics import (
    evidence_kept,
    fact_tokens,
    first_person_lines,
    language_purity,
    moved_facts,
    offer_copies,
    summary_breaks,
    unsupported_activities,
)
from bench.llm_eval_report import measure, schema_repairs, write_report

OFFER = (
    "Backend Engineer (Python)\n"
    "You will design and maintain the streaming data pipelines that feed our trading platform "
    "with real-time market quotes. You will own the reliability of these services.\n"
    "Requirements: Redis, PostgreSQL, Python."
)
OFFER_TEXT = OfferText(
    title="Backend Engineer (Python)",
    description=OFFER,
    requirements=["Redis", "PostgreSQL"],
    skills=["Redis", "PostgreSQL", "Python"],
    language="en",
)
LATENCY = "Cut p95 latency from 800 ms to 180 ms with Redis caching in front of PostgreSQL"


def source_cv() -> CvContent:
    return CvContent(
        experience=[
            Experience(
                id="a",
                title="Backend Developer",
                company="Quillon",
                bullets=[
                    "Built a billing API serving 1.2 M requests a day with FastAPI",
                    LATENCY,
                ],
            ),
            Experience(
                id="b",
                title="Software Engineer",
                company="Marrowfield",
                bullets=["Migrated 14 services to Kubernetes with the platform team"],
            ),
        ],
        projects=[Project(id="p", name="Weather station", bullets=["Logged sensor readings"])],
    )


def tailored(a_bullets: list[str], b_bullets: list[str], summary: str = "") -> CvContent:
    cv = source_cv()
    exp_a, exp_b = cv.experience
    return cv.model_copy(
        update={
            "summary": summary,
            "experience": [
                exp_a.model_copy(update={"bullets": a_bullets}),
                exp_b.model_copy(update={"bullets": b_bullets}),
            ],
        }
    )


# ------------------------------------------------------------------------ offer copies
def test_an_offer_sentence_passed_off_as_experience_is_an_offer_copy() -> None:
    copied = "Designed and maintained streaming data pipelines that feed the trading platform."
    cv = tailored([copied, LATENCY], ["Migrated 14 services to Kubernetes with the platform team"])
    found = offer_copies(source_cv(), cv, OFFER)
    assert [(c.where, c.text) for c in found] == [("item 1 bullet 1", copied)]
    assert found[0].offer_share >= 0.5 and found[0].source_share <= 0.2


def test_source_sentences_and_short_ones_are_not_offer_copies() -> None:
    # The source's own bullet shares "Redis" and "PostgreSQL" with the offer: it is the CV's.
    cv = tailored([LATENCY, "Python, Redis, PostgreSQL."], source_cv().experience[1].bullets)
    assert offer_copies(source_cv(), cv, OFFER) == []


def test_a_french_copy_of_a_french_offer_is_found_through_its_stems() -> None:
    offer = "Vous concevrez des tableaux de bord de pilotage pour les équipes commerciales."
    copy = "Conception de tableaux de bord de pilotage pour les équipes commerciales."
    source = CvContent(
        experience=[Experience(id="a", title="Analyste", bullets=["Nettoyé les données"])]
    )
    cv = source.model_copy(
        update={"experience": [source.experience[0].model_copy(update={"bullets": [copy]})]}
    )
    assert len(offer_copies(source, cv, offer)) == 1


# ------------------------------------------------------------------------ moved facts
def test_a_numbered_bullet_given_to_another_item_is_a_moved_fact() -> None:
    cv = tailored(
        ["Built a billing API serving 1.2 M requests a day with FastAPI"],
        ["Migrated 14 services to Kubernetes", "Cut latency from 800 ms to 180 ms at Quillon"],
    )
    moved = moved_facts(source_cv(), cv)
    assert {(m.item, m.token) for m in moved} == {
        ("item 2", "800"),
        ("item 2", "180"),
        ("item 2", "quillon"),
    }
    assert all(m.from_items == ("item 1",) for m in moved)


def test_facts_of_the_item_itself_or_of_no_item_are_not_moved() -> None:
    # 14 is item 2's own; 2031 is in no item (an invention, not a move: the fact guard's job).
    cv = tailored(source_cv().experience[0].bullets, ["Migrated 14 services by 2031"])
    assert moved_facts(source_cv(), cv) == []


def test_fact_tokens_read_decimal_commas_and_skip_each_first_word() -> None:
    text = "Réduit de 1,5 s le temps via Redis. Migré vers Azure"
    assert fact_tokens(text) == {"1.5", "redis", "azure"}


# ------------------------------------------------------------------------ evidence kept
def test_evidence_bullet_kept_when_its_item_still_shows_the_same_requirements() -> None:
    reworded = "Added Redis caching before PostgreSQL: p95 latency down from 800 ms to 180 ms"
    billing = source_cv().experience[0].bullets[0]  # FastAPI: evidence for Python
    kept = evidence_kept(source_cv(), tailored([reworded, billing], []), OFFER_TEXT)
    assert (kept.kept, kept.total, kept.lost) == (2, 2, [])


def test_evidence_bullet_lost_when_dropped_or_moved_to_another_item() -> None:
    billing = source_cv().experience[0].bullets[0]
    dropped = evidence_kept(source_cv(), tailored([billing], []), OFFER_TEXT)
    assert (dropped.kept, dropped.total, dropped.lost) == (1, 2, ["job 1, bullet 2"])
    moved = evidence_kept(source_cv(), tailored([billing], [LATENCY]), OFFER_TEXT)
    assert moved.lost == ["job 1, bullet 2"], "the evidence must stay in its own item"


# ------------------------------------------------------------------------ language
def test_written_purity_counts_texts_not_copied_from_the_source() -> None:
    french = "Réduit la latence de 800 ms à 180 ms grâce au cache Redis"
    cv = tailored([french, LATENCY], source_cv().experience[1].bullets)
    written = language_purity(source_cv(), cv, "en")
    assert [(u.text, u.language) for u in written.offenders] == [(french, "fr")]
    assert written.pure == len(written.units) - 1
    every = language_purity(None, cv, "en")
    assert len(every.units) > len(written.units), "source wording counts among all fields"


def test_short_fields_do_not_count_for_language() -> None:
    cv = tailored(["Cache Redis"], [])
    assert language_purity(source_cv(), cv, "en").units == []


# ------------------------------------------------------------------------ summary rules
def test_summary_rules_first_person_length_and_language() -> None:
    assert summary_breaks("I am a seasoned engineer with my own methods.", "en") == ["first_person"]
    assert summary_breaks("Je suis ingénieur et j'aime les données.", "fr") == ["first_person"]
    long = " ".join(["Backend engineer building reliable services for payments."] * 11)
    assert summary_breaks(long, "en") == ["too_long"]
    english = "Backend engineer with ten years of work on the payment services of a bank."
    assert summary_breaks(english, "fr") == ["language"]
    slipped = "Ingénieur backend, il conçoit des 算法 pour les services de paiement."
    assert summary_breaks(slipped, "fr") == ["script"]
    clean = "Ingénieur backend, douze ans de services de paiement fiables et mesurés."
    assert summary_breaks(clean, "fr") == []
    assert summary_breaks("", "fr") == []


# ------------------------------------------------------------------------ the page
def dump_entry(tailored_cv: CvContent | None, **extra: Any) -> dict[str, Any]:
    return {
        "offer": "en_synthetic_backend",
        "cv": "en_synthetic_cv",
        "why": "backend",
        "offer_language": "en",
        "source_language": "en",
        "status": "completed" if tailored_cv else "failed",
        "error": None if tailored_cv else "model timed out",
        "seconds": 321.4,
        "offer_text": OFFER,
        "source": source_cv().to_json(),
        "tailored": tailored_cv.to_json() if tailored_cv else None,
        "tailored_language": "en" if tailored_cv else None,
        "meta": {
            "fact_guard": {"verifiedClaims": 12, "repairedClaims": 2, "droppedClaims": 1},
            "restored_bullets": [{"item": "a", "index": 1}] if tailored_cv else [],
        },
        "subtasks": [{"type": "classify", "status": "completed", "schema_repairs": 1}],
        **extra,
    }


def test_the_page_gives_figures_and_places_never_the_texts(tmp_path: Path) -> None:
    copied = "Designed and maintained streaming data pipelines that feed the trading platform."
    cv = tailored([copied], ["Migrated 14 services", "Cut latency from 800 ms to 180 ms"])
    figures = [measure(dump_entry(cv)), measure(dump_entry(None))]
    out = tmp_path / "LLM_EVAL.md"
    summary = write_report(figures, out, "commit `abc1234`", "tiny-model", 660)
    page = out.read_text(encoding="utf-8")
    assert "commit `abc1234`" in page and "tiny-model" in page
    row = next(line for line in page.splitlines() if line.startswith("| en_synthetic_backend"))
    assert "| 12 / 2 / 1 | **1** | **2** | **2** | 0 | **0/2** |" in row
    assert "| **failed** |" in page
    assert "item 1 bullet 1" in page and "restored_bullets 1" in page
    assert copied not in page and "800" not in page.split("## Totals")[0].split("### Where")[1]
    assert "pairs completed: 1/2" in summary and "moved facts: 2" in summary


def test_schema_repairs_are_summed_only_when_the_rows_record_them() -> None:
    assert schema_repairs([{"schema_repairs": 2}, {"schema_repairs": 1}]) == 3
    assert schema_repairs([{"type": "classify"}]) is None


def test_a_summary_naming_the_candidate_or_opened_by_he_breaks_the_rules() -> None:
    named = "Jordan Vale is a data analyst with SQL and Python."
    assert summary_breaks(named, "en", "Jordan Vale") == ["third_person"]
    assert summary_breaks("Data analyst. He writes SQL daily.", "en") == ["third_person"]
    assert summary_breaks("Data analyst writing SQL daily.", "en", "Jordan Vale") == []


def test_an_activity_its_own_item_never_shows_is_unsupported() -> None:
    source = CvContent.model_validate(
        {
            "experience": [
                {"id": "a", "title": "Data Analyst Intern", "company": "Northwind"},
                {"id": "b", "title": "Developer", "bullets": ["Wrote SQL reports in PostgreSQL"]},
            ]
        }
    )
    tailored = source.model_copy(deep=True)
    tailored.experience[0].bullets = ["Assisted in data cleaning and preprocessing"]
    tailored.experience[1].bullets = ["Wrote SQL reports", "Wrote SQL reports in PostgreSQL"]
    found = unsupported_activities(source, tailored)
    assert [u.where for u in found] == ["item 1"]  # SQL is implied by PostgreSQL in item 2


def test_first_person_lines_and_content_for_an_empty_entry_are_counted() -> None:
    source = CvContent.model_validate(
        {
            "experience": [
                {"id": "a", "title": "Fashion model", "company": "Agence Frimousse"},
                {"id": "b", "title": "Developer", "bullets": ["Wrote SQL reports"]},
            ]
        }
    )
    tailored = source.model_copy(deep=True)
    tailored.experience[0].bullets = ["Participated in building a team of models"]
    tailored.experience[1].bullets = ["I wrote SQL reports"]
    assert [u.where for u in unsupported_activities(source, tailored)] == ["item 1"]
    assert first_person_lines(source, tailored) == ["item 2"]
    assert first_person_lines(source, source) == []
