"""How useful each piece of a CV is for one offer: for choosing content and for the page budget.

``OfferNeeds`` scores any text by the requirements it is evidence for (must-haves weigh more;
a text that only implies a requirement counts half). ``budget_relevance`` turns that into the
page budget's map (``app/lib/pdf_render/budget.py`` cuts lowest first): interests go first, then
skills no requirement asks for, then unrelated certifications and awards, then bullets that show
nothing the ad mentions (oldest first), then whatever shares a concept with the ad's text
without meeting a requirement found in it, and evidence for a requirement last of all. The ad as
a whole counts, not only the requirements read from it: a reader that missed a requirement must
not make its evidence go first.
"""

from __future__ import annotations

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.matching.analysis import OfferText
from app.lib.matching.evidence import UnitBuilder, match, needed
from app.lib.matching.model import Requirement, coverage
from app.lib.matching.requirements import offer_requirements
from app.lib.matching.terms import stem_set, stems
from app.lib.matching.vocabulary import Vocabulary, default_vocabulary

EVIDENCE_FLOOR = 100.0  # above anything that is not evidence
AD_RELATED_FLOOR = 50.0  # shares a concept with the ad: above anything that shares none
UNRELATED_SKILL = 0.5
UNRELATED_EXTRA = 0.8  # an unrelated certification or award: after unrelated skills
INTEREST = 0.0


class OfferNeeds:
    def __init__(self, offer: OfferText, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or default_vocabulary()
        self.language = offer.language
        self.requirements = offer_requirements(offer, self.vocabulary)
        whole = [offer.title, offer.description, *offer.requirements, *offer.responsibilities]
        self.ad_concepts = self.vocabulary.concepts_in("\n".join([*whole, *offer.skills]))

    def mentioned(self, text: str) -> bool:
        """Whether the text names a concept the ad's text names anywhere."""
        return bool(text.strip()) and bool(self.vocabulary.concepts_in(text) & self.ad_concepts)

    def hits(self, text: str) -> list[tuple[Requirement, bool]]:
        """Requirements the text is evidence for, each with whether it names it (else implies)."""
        if not text.strip() or not self.requirements:
            return []
        concepts = self.vocabulary.concepts_in(text)
        implied = self.vocabulary.implied(concepts)
        found = stem_set(text) if any(req.terms for req in self.requirements) else frozenset()
        out = []
        for req in self.requirements:
            if concepts & req.concepts:
                out.append((req, True))
            elif implied & req.concepts:
                out.append((req, False))
            elif req.terms and sum(1 for t in req.terms if stems(t) & found) >= needed(req):
                # Read by the ad's words: a text holding enough of them says it.
                out.append((req, True))
        return out

    def score(self, text: str) -> float:
        return sum(req.weight * (1.0 if named else 0.5) for req, named in self.hits(text))

    def ledger_share(self, text: str, section: str = "summary") -> float:
        """The share of the ad's requirements ``text`` alone shows, read as the match ledger
        reads one field of the CV (app/lib/matching/analysis.py): what a cut of that field
        would cost the match."""
        units = UnitBuilder(self.vocabulary, ())
        units.add(section, text, section)
        shown = [match(r, units.units, self.vocabulary) for r in self.requirements if r.in_ad]
        return coverage(shown)

    def top(self, text: str) -> Requirement | None:
        """The weightiest requirement the text shows (offer order on ties)."""
        best = sorted(self.hits(text), key=lambda hit: (-hit[0].weight, not hit[1]))
        return best[0][0] if best else None


def item_text(item: Experience | Project) -> str:
    head = f"{item.title} {item.company}" if isinstance(item, Experience) else item.name
    # An experience's achievements from the bank (attached only while tailoring) count too.
    evidence = item.evidence_text() if isinstance(item, Experience) else []
    return " ".join([head, item.description, *item.bullets, *item.skills, *evidence])


def budget_relevance(
    cv: CvContent, offer: OfferText | None = None, needs: OfferNeeds | None = None
) -> dict[str, float]:
    """Keys as the page budget reads them: ``"<item id>:<index>"``, ``"skill:<i>"``,
    ``"extra:<item id>"``, ``"interest:<i>"``. Give the offer, or its needs when already built."""
    if needs is None:
        needs = OfferNeeds(offer or OfferText())
    scores: dict[str, float] = {}
    items: list[Experience | Project] = [*cv.experience, *cv.projects]
    for rank, item in enumerate(items):
        recency = 1.0 - rank / (len(items) + 1)  # CV order: the most recent first
        count = len(item.bullets)
        for index, bullet in enumerate(item.bullets):
            value = needs.score(bullet)
            position = recency + (count - index) / (100 * (count + 1))
            scores[f"{item.id}:{index}"] = _scored(needs, bullet, value, 1.0 + position)
    for index, skill in enumerate(cv.skills):
        value = needs.score(skill.name)
        scores[f"skill:{index}"] = _scored(needs, skill.name, value, UNRELATED_SKILL)
    extras = cv.extras
    for entry in [
        *extras.certifications,
        *extras.awards,
        *extras.volunteering,
        *extras.publications,
    ]:
        text = " ".join((entry.name, entry.issuer, entry.description))
        scores[f"extra:{entry.id}"] = _scored(needs, text, needs.score(text), UNRELATED_EXTRA)
    for index, interest in enumerate(cv.extras.interests):
        scores[f"interest:{index}"] = _scored(needs, interest, needs.score(interest), INTEREST)
    return scores


def _scored(needs: OfferNeeds, text: str, value: float, unrelated: float) -> float:
    """Evidence above the ad-related band, the ad-related above the unrelated; ``unrelated``
    keeps its kind's rank inside each band."""
    if value:
        return EVIDENCE_FLOOR + value
    return AD_RELATED_FLOOR + unrelated if needs.mentioned(text) else unrelated
