"""An achievement of the bank as source material of its experience (jobs/pipeline/core/
evidence.py): its facts pass the claim checks for that experience and no other, the offline
engine adds its result as a bullet when the offer asks for what it shows, the stored CV never
holds it, and the changes view says which bullet came from the bank."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.renders.changes import build_changes
from app.lib.achievement_lines import as_bullet, evidence_of
from app.lib.cv_content import CvContent, Experience
from jobs.letters.llm import build_messages
from jobs.letters.writer import write_letter
from jobs.pipeline.core import offline
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.evidence import bank_meta, experience_item
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.guards import guard_item
from jobs.pipeline.core.keep import restore_item
from jobs.pipeline.core.offline_run import tailor_offline
from jobs.pipeline.core.schemas import AdaptedItem
from tests.factories import EN_CV, EN_OFFER
from tests.letter_requests import letter_request

STORY = {
    "situation": "The nightly payment batch at Beta Bank took 6 hours.",
    "task": "I had to make it finish before the branches opened.",
    "action": "I moved the batch to Kubernetes jobs running in parallel.",
    "result": "I cut the batch run time from 6 hours to 40 minutes.",
}
FROM_STORY = "Cut the batch run time from 6 hours to 40 minutes."
KUBERNETES_OFFER = OfferBrief(
    id="offer",
    title="Platform Engineer",
    company="Parcel Express",
    location="Lyon",
    language="en",
    description="We need a platform engineer to run our batch jobs on Kubernetes.",
    requirements=["Kubernetes", "Python"],
    skills=["Kubernetes"],
)


def source_with_story(language: str = "en") -> CvContent:
    source = CvContent.from_json(EN_CV)
    beta = _item(source, "exp_beta")
    beta.evidence.append(
        evidence_of("ach_1", "Faster payment batch", STORY, ["Kubernetes"], language)
    )
    return source


def _item(source: CvContent, item_id: str) -> Experience:
    return next(e for e in source.experience if e.id == item_id)


def test_the_result_reads_as_a_bullet() -> None:
    assert as_bullet(STORY["result"]) == FROM_STORY
    assert as_bullet("J'ai réduit les délais de 30 %") == "Réduit les délais de 30 %"
    assert as_bullet("Reduced costs by 10%") == "Reduced costs by 10%"
    assert as_bullet("  I  ") == "I"  # nothing left after the pronoun: kept as written


def test_its_facts_pass_for_its_experience_only() -> None:
    source = source_with_story()
    corpus = SourceCorpus.of(source, KUBERNETES_OFFER.full_text())
    beta, acme = _item(source, "exp_beta"), _item(source, "exp_acme")
    bullet = "Cut the nightly payment batch from 6 hours to 40 minutes with Kubernetes"
    kept, checked = guard_item(AdaptedItem(id=beta.id, bullets=[bullet]), beta, corpus)
    assert kept.bullets == [bullet] and checked.bad == []
    moved, refused = guard_item(AdaptedItem(id=acme.id, bullets=[bullet]), acme, corpus)
    assert bullet not in moved.bullets
    assert refused.bad and "40" in refused.bad[0]
    # Without the achievement, its own experience could not claim it either.
    plain = CvContent.from_json(EN_CV)
    bare = SourceCorpus.of(plain, KUBERNETES_OFFER.full_text())
    _, without = guard_item(
        AdaptedItem(id="exp_beta", bullets=[bullet]), _item(plain, "exp_beta"), bare
    )
    assert without.bad


def test_the_stored_cv_and_the_import_schema_never_hold_it() -> None:
    source = source_with_story()
    assert "evidence" not in str(source.to_json())
    assert "Kubernetes" not in str(source.to_json())
    assert "evidence" not in str(CvContent.model_json_schema())
    # The prompt's item carries the story, under its own key.
    item = experience_item(_item(source, "exp_beta"))
    assert item["achievements"][0]["result"] == STORY["result"]
    assert "achievements" not in experience_item(_item(source, "exp_acme"))


def _ctx(source: CvContent, offer: OfferBrief, language: str = "en") -> OfferContext:
    return OfferContext(
        task_id="t",
        offer_row_id="o",
        offer_index=0,
        total_offers=1,
        user_id="u",
        source=source,
        offer=offer,
        language=language,
        today=date(2026, 11, 24),
    )


def test_the_offline_engine_adds_the_result_when_the_offer_asks_for_it() -> None:
    source = source_with_story()
    asked = tailor_offline(source, KUBERNETES_OFFER, today=date(2026, 11, 24), source_language="en")
    beta = next(e for e in asked.cv.experience if e.id == "exp_beta")
    # Ranked with what the offer asks for (its skills count): before the unrelated bullet.
    assert beta.bullets.index(FROM_STORY) < beta.bullets.index(
        "Introduced automated tests and continuous integration"
    )
    assert all(FROM_STORY not in e.bullets for e in asked.cv.experience if e.id != "exp_beta")
    assert asked.meta["bank"]["exp_beta"][0]["title"] == "Faster payment batch"
    assert "evidence" not in str(asked.cv.to_json())

    # An offer that asks for nothing the story shows: the experience keeps its own bullets.
    other = OfferBrief(**{**EN_OFFER, "id": "o2", "requirements": ["Django"], "skills": []})
    plain = tailor_offline(source, other, today=date(2026, 11, 24), source_language="en")
    assert all(FROM_STORY not in e.bullets for e in plain.cv.experience)

    # A story written in another language than the CV's is not copied into it.
    french = source_with_story(language="fr")
    beta_fr = _item(french, "exp_beta")
    needs = offline.needs_of(_ctx(french, KUBERNETES_OFFER))
    assert FROM_STORY not in offline.adapt_item(beta_fr, needs, "en").bullets


def test_the_changes_view_shows_the_bullet_from_the_bank() -> None:
    source = source_with_story()
    result = tailor_offline(
        source, KUBERNETES_OFFER, today=date(2026, 11, 24), source_language="en"
    )
    meta = {"bank": bank_meta(source), "classification": []}
    stored = CvContent.from_json(source.to_json())  # the source as the changes page reads it
    view = build_changes(stored, result.cv, meta)
    beta = next(i for i in view.experiences if i.id == "exp_beta")
    [from_bank] = [p for p in beta.bullets if p.status == "from_bank"]
    assert from_bank.tailored == FROM_STORY and from_bank.achievement == "Faster payment batch"
    assert from_bank.source == FROM_STORY and from_bank.source_index is None
    assert not [p for p in beta.bullets if p.status == "not_kept"]
    acme = next(i for i in view.experiences if i.id == "exp_acme")
    assert all(p.status != "from_bank" for p in acme.bullets)
    # Without the record (a CV tailored before the bank), the same bullet is just new.
    before = build_changes(stored, result.cv, {"classification": []})
    beta_before = next(i for i in before.experiences if i.id == "exp_beta")
    assert all(p.status != "from_bank" for p in beta_before.bullets)


KUBERNETES_LETTER_OFFER = {
    **EN_OFFER,
    "title": "Platform Engineer",
    "description": "We need a platform engineer to run our batch jobs on Kubernetes.",
    "requirements": ["Kubernetes", "Python"],
}


async def test_a_cover_letter_may_state_it_when_its_source_holds_it() -> None:
    """A letter written from a CV tailored with the bank: the guard's facts (the source CV)
    hold the achievement, so its result stays; without it, the same line is dropped."""
    tailored = CvContent.from_json(EN_CV)
    _item(tailored, "exp_beta").bullets.insert(0, FROM_STORY)
    with_story = letter_request(
        tailored.to_json(), KUBERNETES_LETTER_OFFER, source=source_with_story()
    )
    letter = await write_letter(with_story, None)
    assert "40 minutes" in letter.content.plain_text(), letter.content.plain_text()
    assert letter.meta["droppedClaims"] == 0

    without = letter_request(
        tailored.to_json(), KUBERNETES_LETTER_OFFER, source=CvContent.from_json(EN_CV)
    )
    refused = await write_letter(without, None)
    assert "40 minutes" not in refused.content.plain_text()

    # A letter from the source CV itself quotes the result (its lines include the bank's).
    source = source_with_story()
    own = letter_request(EN_CV, KUBERNETES_LETTER_OFFER)
    direct = letter_request(source.to_json(), KUBERNETES_LETTER_OFFER)
    direct = replace(direct, cv=source)
    assert "40 minutes" in (await write_letter(direct, None)).content.plain_text()
    assert "40 minutes" not in (await write_letter(own, None)).content.plain_text()
    # The model's prompt shows the achievements of the letter's CV.
    prompt = build_messages(direct, "en")[0]["content"]
    assert STORY["action"] in prompt


def test_a_result_the_offer_asks_for_comes_back_when_a_rewrite_drops_it() -> None:
    source = source_with_story()
    beta = _item(source, "exp_beta")
    needs = offline.needs_of(_ctx(source, KUBERNETES_OFFER))
    dropped = AdaptedItem(id="exp_beta", bullets=["Developed payment APIs in Python with Django"])
    fixed, back = restore_item(beta, dropped, needs, language="en")
    assert back == [FROM_STORY] and FROM_STORY in fixed.bullets
    # Carried by the rewrite (its figures): nothing of it comes back.
    carried_by = "Cut the nightly batch from 6 hours to 40 minutes with Kubernetes"
    rewritten = AdaptedItem(id="exp_beta", bullets=[carried_by, *dropped.bullets])
    assert FROM_STORY not in restore_item(beta, rewritten, needs, language="en")[1]
    # In another language than the CV's, or without the CV's language: never put back.
    assert FROM_STORY not in restore_item(beta, dropped, needs, language="fr")[1]
    assert FROM_STORY not in restore_item(beta, dropped, needs)[1]
