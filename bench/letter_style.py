"""How offline cover letters read, on every `make eval-tailor` pair: the four faults a reader
notices at once, counted by shape (`python -m bench.letter_style`; target 0 each).

* **ALL-CAPS runs**: two or more capitalised words in a row ("DÉVELOPPEMENT FONCTIONNEL"), or one
  long one, inside a sentence (an import heading copied into prose); acronyms of two to five
  letters are words.
* **lower-case starts**: a sentence or paragraph that opens in lower case (a fragment).
* **group labels**: a CV's skill-group name ("Langages", "Tools") said as if it were a skill.
* **other-language sentences**: a sentence the FR/EN word lists read as the other language.

Letters are written as the app writes them with no AI service (`jobs/letters/writer.py`), from
each pair's CV (as `make eval-tailor` imports it) and ad (as the app reads it).
"""

from __future__ import annotations

import asyncio
import re
import sys
from dataclasses import dataclass, field

from app.lib.cv_content import CvContent
from app.lib.parsing.offers.item_language import item_language
from app.lib.text_forms import fold
from bench.letter_eval import letter_request
from bench.tailor_pairs import DEFAULT_CORPUS, PAIRS, check_corpus, load_cv, load_offer
from jobs.letters.core.prose_case import dictionary_words
from jobs.letters.writer import write_letter

_CAPS_WORD = r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]{2,}"
CAPS_RUN_RE = re.compile(rf"\b{_CAPS_WORD}(?:[\s·,/&-]+{_CAPS_WORD})+\b|\b[A-ZÀ-Ý]{{7,}}\b")
LOWER_START_RE = re.compile(r"(?:^|[.!?]\s+)([a-zà-ÿ])")
SENTENCE_RE = re.compile(r"[^.!?]+[.!?]?")
ACRONYM_LETTERS = 5


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


def group_labels(cv: CvContent) -> set[str]:
    return {fold(s.category).strip() for s in cv.skills if s.category.strip()}


def faults(pair: str, paragraphs: list[str], cv: CvContent, language: str) -> LetterFaults:
    found = LetterFaults(pair)
    names = {fold(s.name) for s in cv.skills}
    labels = group_labels(cv) - names
    for paragraph in paragraphs:
        found.caps += [run for run in CAPS_RUN_RE.findall(paragraph) if not _acronyms(run)]
        found.lower += [
            paragraph[max(0, m.start() - 20) : m.end() + 30]
            for m in LOWER_START_RE.finditer(paragraph)
        ]
        items = [fold(x).strip(" .") for x in re.split(r"[,:;]|\bet\b|\band\b", paragraph)]
        found.labels += [x for x in items if x in labels]
        for sentence in SENTENCE_RE.findall(paragraph):
            told = item_language(sentence)
            if told and told != language:
                found.other_language.append(sentence.strip()[:80])
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
    return out


def main() -> int:
    results = asyncio.run(run())
    for r in results:
        if r.total:
            print(
                f"{r.pair}: caps {r.caps} lower {r.lower} labels {r.labels} other {r.other_language}"
            )
    totals = {
        "letters": len(results),
        "ALL-CAPS runs": sum(len(r.caps) for r in results),
        "lower-case starts": sum(len(r.lower) for r in results),
        "group labels": sum(len(r.labels) for r in results),
        "other-language sentences": sum(len(r.other_language) for r in results),
    }
    print(totals)
    return 0 if all(v == 0 for k, v in totals.items() if k != "letters") else 1


if __name__ == "__main__":
    sys.exit(main())
