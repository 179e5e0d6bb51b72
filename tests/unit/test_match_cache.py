"""The analysis cache: same inputs → the analysis already made; any edit → a fresh one."""

from __future__ import annotations

from dataclasses import replace

from app.domain.matching.cache import AnalysisCache, input_key
from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText, analyse
from tests import factories

OFFER = OfferText(
    title="Python Backend Developer",
    requirements=["Python", "PostgreSQL"],
    skills=["Redis"],
    languages=[{"name": "English", "level": "C1"}],
)


async def test_the_same_inputs_are_analysed_once_and_an_edit_is_analysed_again() -> None:
    cache = AnalysisCache()
    cv = CvContent.from_json(factories.EN_CV)
    first = await cache.analysis(cv, OFFER)
    assert first == analyse(cv, OFFER)
    assert await cache.analysis(CvContent.from_json(factories.EN_CV), OFFER) is first
    assert len(cache) == 1

    edited = cv.model_copy(update={"summary": "Gardener."})
    assert await cache.analysis(edited, OFFER) is not first
    tailored = await cache.analysis(cv, OFFER, cv, ["exp_acme:0"])
    assert tailored.after is not None
    assert await cache.analysis(cv, OFFER, cv, ["exp_acme:0"]) is tailored
    assert await cache.analysis(cv, OFFER, cv) is not tailored  # nothing cut: another reading
    assert len(cache) == 4


def test_keys_follow_every_input_and_the_oldest_entry_goes_first() -> None:
    cv = CvContent.from_json(factories.EN_CV)
    keys = {
        input_key(cv, OFFER, None, ()),
        input_key(cv, OFFER, cv, ()),
        input_key(cv, OFFER, cv, ["exp_acme:1"]),
        input_key(cv, replace(OFFER, language="fr"), None, ()),
    }
    assert len(keys) == 4
    assert input_key(cv, OFFER, cv, ["b", "a"]) == input_key(cv, OFFER, cv, ["a", "b"])

    cache = AnalysisCache(max_entries=2)
    one, two, three = (analyse(cv, OfferText(requirements=[r])) for r in ("Python", "SQL", "Go"))
    cache.put("one", one)
    cache.put("two", two)
    assert cache.get("one") is one  # now the most recently used
    cache.put("three", three)
    assert cache.get("two") is None and cache.get("one") is one and cache.get("three") is three
