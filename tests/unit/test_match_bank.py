"""The match analysis reads the achievements attached to a CV's experiences (the user's verified
evidence): they raise the ceiling but not what the CV says before tailoring, a tailored CV's
bullet made from one counts as supported, the panel says where the quote comes from, and the
analysis cache tells a CV with them from the same CV without."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.domain.matching.cache import input_key
from app.domain.matching.view import match_view
from app.lib import i18n
from app.lib.achievement_lines import evidence_of
from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.model import PRO_BANK, RequirementMatch
from tests import factories


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """The labels are read in English here, whatever locale a test before left set."""
    token = i18n.current_locale.set("en")
    yield
    i18n.current_locale.reset(token)


STORY = {
    "situation": "Our parcel platform had 40 production incidents a month.",
    "task": "I had to reduce the incidents before the peak season.",
    "action": "I set up alerting and wrote runbooks for the on-call team.",
    "result": "Incidents fell by 30 % in six months.",
}
TITLE = "Incidents −30 %"
WANTED = "Incident handling on production systems"
OFFER = OfferText(title="Site Reliability Engineer", requirements=[WANTED, "Python"])


def with_story() -> CvContent:
    cv = CvContent.from_json(factories.EN_CV)
    acme = next(e for e in cv.experience if e.id == "exp_acme")
    acme.evidence.append(evidence_of("ach_1", TITLE, STORY, [], "en"))
    return cv


def tailored_with_result() -> CvContent:
    cv = CvContent.from_json(factories.EN_CV)
    acme = next(e for e in cv.experience if e.id == "exp_acme")
    acme.bullets.insert(0, STORY["result"])
    return cv


def _wanted(matches: list[RequirementMatch]) -> RequirementMatch:
    return next(m for m in matches if m.requirement.text == WANTED)


def test_an_attached_achievement_raises_the_ceiling_not_before() -> None:
    plain = analyse(CvContent.from_json(factories.EN_CV), OFFER)
    banked = analyse(with_story(), OFFER)
    assert banked.ceiling > plain.ceiling
    assert banked.before == plain.before
    met = _wanted(banked.requirements)
    assert met.covered and met.evidence[0].section == "achievement"
    assert met.evidence[0].label == TITLE
    assert any(p.code == PRO_BANK and p.params["title"] == TITLE for p in banked.pros)
    shown = match_view(banked)
    line = next(r for r in shown.met if r.text == WANTED)
    assert line.evidence[0].where == f"Your achievement “{TITLE}”"
    assert any(TITLE in pro for pro in shown.pros)


def test_a_tailored_bullet_made_from_it_counts_only_with_its_achievement() -> None:
    tailored = tailored_with_result()
    supported = analyse(with_story(), OFFER, tailored)
    unsupported = analyse(CvContent.from_json(factories.EN_CV), OFFER, tailored)
    assert supported.after is not None and unsupported.after is not None
    assert supported.after > unsupported.after
    assert _wanted(supported.requirements).direct


def test_the_cache_key_sees_the_attached_achievements() -> None:
    plain = CvContent.from_json(factories.EN_CV)
    assert input_key(plain, OFFER, None, ()) != input_key(with_story(), OFFER, None, ())
    assert input_key(with_story(), OFFER, None, ()) == input_key(with_story(), OFFER, None, ())
