"""How offline cover letters and pitches read, on every `make eval-tailor` pair: the four faults
a reader notices at once, counted by shape (`python -m bench.letter_style`; target 0 each).

* **ALL-CAPS runs**: two or more capitalised words in a row ("DÉVELOPPEMENT FONCTIONNEL"), or one
  long one, inside a sentence (an import heading copied into prose); acronyms of two to five
  letters are words.
* **lower-case starts**: a sentence or paragraph that opens in lower case (a fragment). A full
  stop after an abbreviation ("B.S. in", "Beg. of May") ends no sentence.
* **group labels**: a CV's skill-group name ("Langages", "Tools") said as if it were a skill.
* **other-language sentences**: a sentence the FR/EN word lists read as the other language;
  a short span between quotation marks is a name it quotes, not its language
  (``jobs/letters/core/prose_language.py``).

Letters are written as the app writes them with no AI service (`jobs/letters/writer.py`), from
each pair's CV (as `make eval-tailor` imports it) and ad (as the app reads it).
"""

from __future__ import annotations

import asyncio
import re
import sys
from dataclasses import dataclass, field

from app.lib.cv_content import CvContent
from app.lib.text_forms import fold
from bench.letter_eval import letter_request
from bench.tailor_pairs import (
    DEFAULT_CORPUS,
    PAIRS,
    Offer,
    SourceCv,
    check_corpus,
    load_cv,
    load_offer,
)
from jobs.letters.core.prose_case import dictionary_words
from jobs.letters.core.prose_language import other_language
from jobs.letters.writer import write_letter
from jobs.pitches.request import PitchRequest
from jobs.pitches.writer import write_pitch

_CAPS_WORD = r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]{2,}"
CAPS_RUN_RE = re.compile(rf"\b{_CAPS_WORD}(?:[\s·,/&-]+{_CAPS_WORD})+\b|\b[A-ZÀ-Ý]{{7,}}\b")
SENTENCE_END_RE = re.compile(r"[.!?]+\s+")
# The word a full stop ends when it is an abbreviation, not a sentence's last word: dotted
# initials ("B.S.", "e.g.") or a short capitalised word ("Beg.", "Dr.", "Inc.").
ABBREVIATION_RE = re.compile(r"(?:\b[^\W\d_]\.(?:[^\W\d_]\.)*|\b[A-ZÀ-Ý][a-zà-ÿ]{0,2}\.)$")
ACRONYM_LETTERS = 5
PITCH_KINDS = ("30s", "3min")


@dataclass(slots=True)
class LetterFaults:
    pair: str
    caps: list[str] = field(default_factory=list)
    lower: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    other_language: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.caps) + len(self.lower) + len(self.labels) + len(self.other_language)


def _acronyms(run: str) -> bool:
    """ "DGAC, DSNA", "SAS": acronyms and short coined names, no dictionary word."""
    words = re.findall(r"[^\W\d_]+", run)
    return all(len(w) <= ACRONYM_LETTERS and fold(w) not in dictionary_words() for w in words)


def split_sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences: cut after ".", "!" or "?" and a space, but not after an
    abbreviation's full stop when a lower-case word follows it."""
    found: list[str] = []
    start = 0
    for end in SENTENCE_END_RE.finditer(paragraph):
        before, after = paragraph[start : end.start() + 1], paragraph[end.end() :]
        if end.group(0).startswith(".") and ABBREVIATION_RE.search(before) and after[:1].islower():
            continue  # "B.S. in", "Beg. of May": "May. Done." still ends
        found.append(paragraph[start : end.end()].strip())
        start = end.end()
    found.append(paragraph[start:].strip())
    return [s for s in found if s]


def group_labels(cv: CvContent) -> set[str]:
    return {fold(s.category).strip() for s in cv.skills if s.category.strip()}


def faults(pair: str, paragraphs: list[str], cv: CvContent, language: str) -> LetterFaults:
    found = LetterFaults(pair)
    names = {fold(s.name) for s in cv.skills}
    labels = group_labels(cv) - names
    for paragraph in paragraphs:
        found.caps += [run for run in CAPS_RUN_RE.findall(paragraph) if not _acronyms(run)]
        items = [fold(x).strip(" .") for x in re.split(r"[,:;]|\bet\b|\band\b", paragraph)]
        found.labels += [x for x in items if x in labels]
        for sentence in split_sentences(paragraph):
            if re.match(r"[a-zà-ÿ]", sentence):
                found.lower.append(sentence[:50])
            if other_language(sentence, language):
                found.other_language.append(sentence[:80])
    return found


async def run() -> list[LetterFaults]:
    corpus = DEFAULT_CORPUS.resolve()
    check_corpus(corpus)
    out: list[LetterFaults] = []
    for offer_stem, cv_stem, _ in PAIRS:
        source, offer = load_cv(corpus, cv_stem), load_offer(corpus, offer_stem)
        letter = await write_letter(letter_request(source, offer), None)
        paragraphs = [p for p in letter.content.paragraphs if p.strip()]
        out.append(faults(f"{offer_stem} × {cv_stem}", paragraphs, source.content, letter.language))
        for kind in PITCH_KINDS:  # the pitches for the same offer, as the app writes them
            pitch = await write_pitch(pitch_request(source, offer, kind, letter.language), None)
            spoken = [p for p in pitch.text.split("\n") if p.strip()]
            pair = f"{offer_stem} × {cv_stem} (pitch {kind})"
            out.append(faults(pair, spoken, source.content, pitch.language))
    return out


def pitch_request(source: SourceCv, offer: Offer, kind: str, language: str) -> PitchRequest:
    """What the app asks the pitch writer for an offer (jobs/pitch_jobs.py), no story told."""
    brief = offer.brief
    return PitchRequest(
        cv=source.content,
        kind=kind,
        language=language,
        offer_title=brief.title,
        offer_company=brief.company,
        offer_location=brief.location,
        offer_text=brief.description,
        offer_requirements=tuple(str(r) for r in brief.requirements),
    )


def main() -> int:
    results = asyncio.run(run())
    for r in results:
        if r.total:
            print(
                f"{r.pair}: caps {r.caps} lower {r.lower} labels {r.labels} other {r.other_language}"
            )
    totals = {
        "letters": sum("(pitch" not in r.pair for r in results),
        "pitches": sum("(pitch" in r.pair for r in results),
        "ALL-CAPS runs": sum(len(r.caps) for r in results),
        "lower-case starts": sum(len(r.lower) for r in results),
        "group labels": sum(len(r.labels) for r in results),
        "other-language sentences": sum(len(r.other_language) for r in results),
    }
    print(totals)
    return 0 if all(v == 0 for k, v in totals.items() if k not in ("letters", "pitches")) else 1


if __name__ == "__main__":
    sys.exit(main())
