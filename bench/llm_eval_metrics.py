"""What ``make eval-llm`` measures on one LLM-tailored CV, independently of the pipeline's guards
(a figure computed with the guard's own code could only agree with it).

- offer copies: a sentence of the final CV whose stem trigrams mostly come from the offer and
  hardly from the source CV;
- moved facts: a number or capitalised name in an item's bullets/description that its own
  source item lacks but another source item has;
- unsupported activities: job concepts an item's rewrite names that its source item does not
  show (named or implied);
- requirement evidence kept: source bullets that are evidence for an offer requirement (the
  match analysis, app/lib/matching/analysis.py) whose item still shows that evidence;
- language purity: every text field of at least ``MIN_WORDS`` words, in the CV's language;
- first person in items: bullets/descriptions saying "I"/"je" that the source does not;
- summary rules: first person, another alphabet, more than ``SUMMARY_MAX_WORDS`` words, another
  language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.relevance import OfferNeeds
from app.lib.matching.terms import content_words, stems
from app.lib.matching.vocabulary import default_vocabulary
from app.lib.text_forms import fold
from bench.tailor_metrics import evidence_bullets, place_of
from bench.tailor_purity import MIN_WORDS, Unit, produced_texts
from jobs.pipeline.core.text import guess_language, sentences

# Thresholds of an offer copy: most of the sentence's trigrams are the offer's, few the CV's.
COPY_OFFER_MIN = 0.5
COPY_SOURCE_MAX = 0.2
MIN_TRIGRAMS = 3  # shorter sentences ("Python, SQL") say nothing about where they come from
SUMMARY_MAX_WORDS = 70  # the limit prompts/batch-summary.md gives the model

Item = Experience | Project
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
# Capitalised words after the first word of a sentence: names of employers, tools, places.
NAME_RE = re.compile(r"(?<=[\s(/,;:'\"])([A-ZÀ-Ý][\w+#.-]*[\w+#]|[A-Z]{2,})")
# Letters of no French or English word (CJK, Cyrillic, Arabic…): a small model's slip.
FOREIGN_SCRIPT = re.compile(r"[\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
THIRD_PERSON = re.compile(r"(?:^|[.!?]\s+)(He|She|Il|Elle)\b")
FIRST_PERSON = {
    "en": re.compile(r"\b(I|I'm|I've|I'd|I'll|me|my|mine|myself)\b"),
    "fr": re.compile(r"(\b(je|moi|mon|ma|mes|me)\b|\b[jm]['’])", re.IGNORECASE),
}


# ------------------------------------------------------------------------ offer copies
def stem_tokens(text: str) -> list[str]:
    """One stem per content word (the smallest of its EN/FR stems: the same word always gives
    the same token, whatever language its sentence is in)."""
    return [min(stems(w)) for w in content_words(text)]


def trigrams(text: str) -> set[tuple[str, ...]]:
    tokens = stem_tokens(text)
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def share_in(grams: set[tuple[str, ...]], reference: set[tuple[str, ...]]) -> float:
    return len(grams & reference) / len(grams) if grams else 0.0


@dataclass(frozen=True, slots=True)
class Copied:
    where: str
    text: str
    offer_share: float
    source_share: float


def cv_sentences(cv: CvContent) -> list[tuple[str, str]]:
    """(where, sentence) of every free text a tailoring writes: summary, descriptions, bullets."""
    out = [("summary", s) for s in sentences(cv.summary)]
    items: list[Item] = [*cv.experience, *cv.projects]
    for n, item in enumerate(items, 1):
        out += [(f"item {n} description", s) for s in sentences(item.description)]
        out += [(f"item {n} bullet {b}", text) for b, text in enumerate(item.bullets, 1)]
    return out


def offer_copies(source: CvContent, tailored: CvContent, offer_text: str) -> list[Copied]:
    offer = trigrams(offer_text)
    own = trigrams(source.full_text())
    found = []
    for where, text in cv_sentences(tailored):
        grams = trigrams(text)
        if len(grams) < MIN_TRIGRAMS:
            continue
        offer_share, source_share = share_in(grams, offer), share_in(grams, own)
        if offer_share >= COPY_OFFER_MIN and source_share <= COPY_SOURCE_MAX:
            found.append(Copied(where, text, offer_share, source_share))
    return found


# ------------------------------------------------------------------------ moved facts
def fact_tokens(text: str) -> set[str]:
    """Numbers (decimal comma read as a point) and capitalised names, folded."""
    numbers = {n.replace(",", ".") for n in NUMBER_RE.findall(text)}
    # A sentence's first word is capitalised whatever it is ("Cut", "Led"): not a name.
    rests = [s.partition(" ")[2] for s in sentences(text)]
    names = {fold(n) for rest in rests for n in NAME_RE.findall(f" {rest}")}
    return numbers | names


def item_text(item: Item) -> str:
    head = (
        [item.title, item.company, item.location]
        if isinstance(item, Experience)
        else [item.name, item.role]
    )
    return " \n ".join([*head, item.description, *item.bullets, *(s for s in item.skills)])


def _holds(text: str, token: str) -> bool:
    if token[0].isdigit():
        return token in {n.replace(",", ".") for n in NUMBER_RE.findall(text)}
    return re.search(rf"(?<![\w]){re.escape(token)}(?![\w])", fold(text)) is not None


@dataclass(frozen=True, slots=True)
class Moved:
    item: str  # the tailored item's place ("item 2")
    token: str
    from_items: tuple[str, ...]  # the source items that hold it ("item 1")


def moved_facts(source: CvContent, tailored: CvContent) -> list[Moved]:
    """Facts an item's rewrite took from another item (items are matched by id)."""
    src: list[Item] = [*source.experience, *source.projects]
    texts = {i.id: item_text(i) for i in src}
    places = {i.id: f"item {n}" for n, i in enumerate(src, 1)}
    found = []
    out_items: list[Item] = [*tailored.experience, *tailored.projects]
    for n, item in enumerate(out_items, 1):
        own = texts.get(item.id)
        if own is None:
            continue
        written = set().union(*(fact_tokens(t) for t in [item.description, *item.bullets]))
        for token in sorted(written):
            if _holds(own, token):
                continue
            others = tuple(places[i] for i, t in texts.items() if i != item.id and _holds(t, token))
            if others:
                found.append(Moved(f"item {n}", token, others))
    return found


# ------------------------------------------------------------------ unsupported activities
@dataclass(frozen=True)
class Unsupported:
    where: str  # "item 2"
    concepts: tuple[str, ...]  # the job concepts its source item never shows


def unsupported_activities(source: CvContent, tailored: CvContent) -> list[Unsupported]:
    """Job concepts (skills, tools, activities of the FR/EN vocabulary, in either language) an
    item's rewritten bullets/description name that its own source item neither names nor
    implies: what the item is made to claim ("gestion de projet", "Kafka") beyond its facts."""
    vocabulary = default_vocabulary()
    sources = {i.id: i for i in [*source.experience, *source.projects]}
    own = {i.id: item_text(i) for i in sources.values()}
    found = []
    for n, item in enumerate([*tailored.experience, *tailored.projects], 1):
        text = own.get(item.id)
        if text is None:
            continue
        origin = sources[item.id]
        written_lines = [
            t for t in [item.description, *item.bullets] if t and fold(t) not in fold(text)
        ]
        if not origin.bullets and len(origin.description.split()) < 4 and written_lines:
            # An entry whose source says nothing of what was done there got sentences.
            found.append(Unsupported(f"item {n}", ("content for an empty entry",)))
            continue
        shown = vocabulary.concepts_in(text)
        shown |= vocabulary.implied(shown)
        written = " ".join(
            t for t in [item.description, *item.bullets] if t and fold(t) not in fold(text)
        )
        extra = sorted(vocabulary.label(c) for c in vocabulary.concepts_in(written) - shown)
        if extra:
            found.append(Unsupported(f"item {n}", tuple(extra)))
    return found


# ------------------------------------------------------------------------ evidence kept
@dataclass
class EvidenceKept:
    kept: int = 0
    total: int = 0
    lost: list[str] = field(default_factory=list)  # "job 2, bullet 3" of each lost one


def evidence_kept(source: CvContent, tailored: CvContent, offer: OfferText) -> EvidenceKept:
    """A source bullet that is evidence for requirements is kept when its item (same id) in the
    final CV still has one bullet or its description evidencing all of them (a rewrite may
    reword it, not drop what it proves)."""
    needs = OfferNeeds(offer)
    bullets = evidence_bullets(source, analyse(source, offer))
    entries: list[Item] = [*tailored.experience, *tailored.projects]
    items = {i.id: i for i in entries}
    report = EvidenceKept(total=len(bullets))
    for key, text in bullets.items():
        wanted = {req.text for req, _ in needs.hits(text)}
        item = items.get(key.rpartition(":")[0])
        texts = [item.description, *item.bullets] if item is not None else []
        if any(wanted <= {req.text for req, _ in needs.hits(t)} for t in texts if t.strip()):
            report.kept += 1
        else:
            report.lost.append(place_of(source, key))
    return report


# ------------------------------------------------------------------------ language
@dataclass
class Purity:
    language: str
    units: list[Unit] = field(default_factory=list)

    @property
    def offenders(self) -> list[Unit]:
        return [u for u in self.units if u.language != self.language]

    @property
    def pure(self) -> int:
        return len(self.units) - len(self.offenders)

    def of_kinds(self, kinds: frozenset[str]) -> Purity:
        return Purity(self.language, [u for u in self.units if u.kind in kinds])


# The fields the pipeline writes, by the model or, when its text is refused, with the source's
# wording: what the CV's language is asked of. Entry heads (title, employer), degrees and the
# header's title are copied from the source by rule and never take a model's text (the truth
# guarantee), so they stay as the author wrote them.
WRITTEN_KINDS = frozenset({"summary", "description", "bullet", "interest"})


def language_purity(source: CvContent | None, tailored: CvContent, language: str) -> Purity:
    """Every text field of ``tailored`` with at least ``MIN_WORDS`` words whose language shows
    (a tie tells nothing); with ``source``, only the fields not copied from it word for word."""
    units = []
    for kind, text in produced_texts(source or CvContent(), tailored):
        if len(text.split()) < MIN_WORDS:
            continue
        guessed = guess_language(text, default="")
        if guessed:
            units.append(Unit(kind, text, guessed))
    return Purity(language, units)


# ------------------------------------------------------------------------ summary rules
def first_person_lines(source: CvContent, tailored: CvContent) -> list[str]:
    """Places ("item 2") of bullets/descriptions written in the first person ("I", "my",
    "je", "j'") that are not the source's own wording."""
    text = fold(source.full_text())
    places = []
    for n, item in enumerate([*tailored.experience, *tailored.projects], 1):
        for line in [item.description, *item.bullets]:
            if (
                line
                and fold(line) not in text
                and any(r.search(line) for r in FIRST_PERSON.values())
            ):
                places.append(f"item {n}")
                break
    return places


def summary_breaks(summary: str, language: str, name: str = "") -> list[str]:
    """Rule codes the summary breaks: ``first_person``, ``third_person`` (the candidate's
    name, or a sentence opened by he/she/il/elle), ``script`` (letters of another alphabet),
    ``too_long``, ``language``."""
    if not summary.strip():
        return []
    breaks = []
    if any(rule.search(summary) for rule in FIRST_PERSON.values()):
        breaks.append("first_person")
    words = set(re.findall(r"[^\W\d_]+", summary.lower()))
    surnames = [p for p in re.findall(r"[^\W\d_]{3,}", name) if p.lower() in words]
    if surnames or THIRD_PERSON.search(summary):
        breaks.append("third_person")
    if FOREIGN_SCRIPT.search(summary):
        breaks.append("script")
    if len(summary.split()) > SUMMARY_MAX_WORDS:
        breaks.append("too_long")
    guessed = guess_language(summary, default="")
    if len(summary.split()) >= MIN_WORDS and guessed and guessed != language:
        breaks.append("language")
    return breaks
