"""Claims checked against their own source item, not the whole CV.

A rewritten bullet or description of an experience/project may only state what that item of the
source says: its numbers, names and tools, and activities its own text describes. A sentence
whose content overlaps another item more than its own is a fact moved between items; one that
overlaps the job offer more than its own item is the offer's wording passed off as experience.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from app.lib.cv_content import CvContent, Education, Experience, Project
from app.lib.matching.terms import cognate_share, content_words, stem_share
from app.lib.matching.vocabulary import default_vocabulary
from jobs.pipeline.core.faithful import translated_source
from jobs.pipeline.core.item_text import ItemText, item_text
from jobs.pipeline.core.mixed_language import dictionary_language
from jobs.pipeline.core.offer_copy import OfferCopy
from jobs.pipeline.core.skill_terms import SkillTerms
from jobs.pipeline.core.text import guess_language

# Own-item share under which a sentence describes something its item does not (a rewrite keeps
# at least some of its source's words), and the lead another item needs to claim the sentence.
MIN_OWN_SHARE = 0.25
MIN_WORDS_FOR_SHARE = 4
MOVED_LEAD = 0.15
# Share of a sentence's activity words (its words minus the item's title, employer and place)
# that the item's own text uses: the local model's rewrites of an item score ~1.0, the
# activities it made up ("Présentation des résultats à l'équipe de production") 0.25 or less.
MIN_ACTIVITY_SHARE = 0.5
# The same for a translated sentence, by cognates (calibrated on the local model's output:
# faithful translations 0.5–0.9, made-up or garbled ones 0.25 or less).
MIN_TRANSLATED_SHARE = 0.34
# A concept a translation names is traced to its item when half the words naming it are
# cognates of the item's words ("temps réel" ~ "real-time"; "ventes" ~ "sales" is not traced).
MIN_TRACED_SHARE = 0.5
COGNATE_MIN_LETTERS = 4  # shorter words carry no letters to compare (terms.cognate_share)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a sentence is refused: ``kind`` says which rule, ``detail`` what it found."""

    kind: str  # "not_in_item", "moved", "offer_copy", "unsupported"
    detail: str = ""

    def describe(self) -> str:
        if self.kind == "not_in_item":
            return f"{self.detail} not in this item of the source CV"
        if self.kind == "moved":
            return f"it describes another item of the source CV ({self.detail})"
        if self.kind == "offer_copy":
            return "it repeats the job offer's wording, not the candidate's experience"
        return "this item of the source CV does not describe it"


class ClaimScope:
    """The source CV's items and the offer, built once per offer for every item's guard."""

    def __init__(self, cv: CvContent | None = None, offer_text: str = "") -> None:
        self.vocabulary = default_vocabulary()
        cv = cv or CvContent()
        entries: list[Experience | Project | Education] = [
            *cv.experience,
            *cv.projects,
            *cv.education,
        ]
        self.items = {e.id: ItemText(item_text(e)) for e in entries}
        self.labels = {e.id: _label(e) for e in entries}
        self.offer = OfferCopy(offer_text) if offer_text.strip() else None
        item_skills = [s for e in entries for s in _skills_of(e)]
        self.listed_names = [s.name for s in cv.skills] + item_skills
        self.terms = SkillTerms(cv.skills, item_skills, self.vocabulary)

    @cached_property
    def listed_concepts(self) -> frozenset[str]:
        return frozenset(c for s in self.listed_names for c in self.vocabulary.concepts_in(s))

    def is_listed(self, skill: str) -> bool:
        """The source lists this skill: the same term once normalised, or another form of the
        same concept (``skill_terms.py``); a longer string that contains one is not."""
        return self.terms.listed(skill) is not None

    def problems(
        self,
        sentence: str,
        own: ItemText,
        own_id: str | None = None,
        also_shown: frozenset[str] = frozenset(),
    ) -> list[Problem]:
        """What is wrong with ``sentence`` as a claim of the item ``own`` (empty: it passes);
        ``also_shown``: concepts the claim may name beyond those ``own``'s text shows."""
        if own.holds(sentence):
            return []  # the author's own sentence of this item
        if own.silent:  # "Interned at X in Y" for an entry that says nothing: a restatement
            return [Problem("unsupported")]  # at best, an invention at worst
        from jobs.pipeline.core.fact_guard import SourceCorpus, unsupported_claims

        translated = self._translated(sentence, own)
        if translated and translated_source(sentence, own, self.vocabulary) is not None:
            return []  # the author's own sentence of this item, in the CV's language
        out: list[Problem] = []
        missing = unsupported_claims(sentence, SourceCorpus(own.text))
        unshown = self._unshown(sentence, own, also_shown, translated)
        missing += [t for t in unshown if t not in missing]
        if missing:
            out.append(Problem("not_in_item", ", ".join(missing)))
        words = content_words(sentence)
        mine = own.share(words)
        if self.offer is not None and self._copies_offer(sentence, words, mine, translated, own):
            out.append(Problem("offer_copy"))
        other, lead = self._closest_other(words, own_id)
        if other is not None and lead > mine + MOVED_LEAD:
            out.append(Problem("moved", self.labels.get(other, other)))
        elif (translated and self._new_translated_activity(words, own)) or (
            not translated
            and (
                (len(words) >= MIN_WORDS_FOR_SHARE and mine < MIN_OWN_SHARE)
                or self._new_activity(words, own)
            )
        ):
            out.append(Problem("unsupported"))
        return out

    @staticmethod
    def _new_translated_activity(words: list[str], own: ItemText) -> bool:
        """A translation shares no stems with its source, so its activity words are traced by
        cognates instead ("démonstrateurs" ~ "demonstrators"): a faithful translation of an
        item keeps about half of them or more; "Détection des cartons recyclés…" written for a
        project about selling cardboard items kept none."""
        if not own.header:
            return False
        activity = own.activity_words(words)
        if len(activity) < 3:
            return False
        return cognate_share(activity, content_words(own.text)) < MIN_TRANSLATED_SHARE

    @staticmethod
    def _new_activity(words: list[str], own: ItemText) -> bool:
        """What the sentence says was done is not in what the item says was done: the words
        it shares with the item's title and employer do not make an activity of the item
        (a model wrote "Assisted in data preprocessing" for a bullet-less "Data scientist
        intern" entry)."""
        if not own.header:
            return False
        activity = own.activity_words(words)
        done = own.stems - own.header_stems
        return len(activity) >= 2 and stem_share(activity, done) < MIN_ACTIVITY_SHARE

    @staticmethod
    def _translated(sentence: str, own: ItemText) -> bool:
        language = guess_language(sentence, "") or dictionary_language(sentence)
        return bool(language and own.language and language != own.language)

    def _copies_offer(
        self, sentence: str, words: list[str], mine: float, translated: bool, own: ItemText
    ) -> bool:
        assert self.offer is not None
        if translated:
            return self.offer.copies_translated(words, mine)
        return self.offer.copies(sentence, own.grams)

    def _unshown(
        self, sentence: str, own: ItemText, also_shown: frozenset[str], translated: bool = False
    ) -> list[str]:
        """Job concepts (tools, skills, activities, in either language) the sentence names
        that the item neither names nor implies: "data cleaning" written under a job whose
        source says nothing of it is an activity the candidate never claimed there. In a
        translation, a concept is also shown when the words naming it are cognates of the
        item's: the vocabulary lists "en temps réel" but not every "real-time X" the source
        may write, and a translation can only be traced by its letters."""
        vocabulary = self.vocabulary
        named = vocabulary.concepts_in(sentence)
        allowed = own.concepts(vocabulary) | also_shown
        unshown = sorted(named - allowed)
        if translated:
            pool = [part for w in content_words(own.text) for part in (w, *w.split("-"))]
            unshown = [c for c in unshown if not self._traced(c, sentence, pool)]
        return [vocabulary.label(c) for c in unshown]

    def _traced(self, concept: str, sentence: str, pool: list[str]) -> bool:
        """Half or more of the words the sentence names ``concept`` with have a cognate in
        ``pool`` (a tool's name, written the same everywhere, is not traced this way)."""
        if self.vocabulary.is_tool(concept):
            return False
        form = self.vocabulary.form_in(concept, sentence)
        words = [w for w in content_words(form or "") if len(w) >= COGNATE_MIN_LETTERS]
        return bool(words) and cognate_share(words, pool) >= MIN_TRACED_SHARE

    def _closest_other(self, words: list[str], own_id: str | None) -> tuple[str | None, float]:
        best: tuple[str | None, float] = (None, 0.0)
        if own_id is None:
            return best
        for item_id, item in self.items.items():
            if item_id == own_id:
                continue
            value = item.share(words)
            if value > best[1]:
                best = (item_id, value)
        return best


def _label(item: Experience | Project | Education) -> str:
    if isinstance(item, Experience):
        return " at ".join(p for p in (item.title, item.company) if p)
    if isinstance(item, Project):
        return item.name
    return " ".join(p for p in (item.degree, item.institution) if p)


def _skills_of(item: Experience | Project | Education) -> list[str]:
    return list(getattr(item, "skills", []))
