"""The letter's fact guard: every sentence is checked against the source CV.

A sentence passes when (``jobs/pipeline/core/fact_guard.py``) every number and proper noun in it
is in the source CV, and, beyond what the CV guard checks: every skill or topic of the job
vocabulary it names is one the CV shows (or implies: PostgreSQL supports "SQL"), it is written
in the letter's language (``jobs/pipeline/core/mixed_language.py``), and what the capital
letters do not show is checked too: numbers in words and multipliers are values of the CV
("four" for its "4", "doubled" for its "x2"), a duration ("ten years", "a decade") fits the
CV's dates (``core/quantities.py``), and job titles and employers written in lower case ("as
lead architect", "at google") are the CV's (``core/names.py``). Besides the CV, only the
offer's title, company and location (a letter names them) and the letters' fixed words
(``core/wording.py``) are allowed: never the offer's skill list, so a skill the offer asks for
and the CV lacks is refused. The policy (one repair, then drop sentence by sentence) is
``writer.py``'s.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.matching.vocabulary import default_vocabulary
from app.lib.text_forms import fold, squash
from jobs.letters.core import names as name_claims
from jobs.letters.core import quantities, wording
from jobs.pipeline.core.fact_guard import NUMBER_RE, SourceCorpus, unsupported_claims
from jobs.pipeline.core.mixed_language import mixed, words_of
from jobs.pipeline.core.text import sentences

# Reason codes stored with a dropped sentence (app/lib/letter_reasons.py words them).
NOT_IN_CV = "not_in_cv"  # a number or a name the CV does not contain
SKILL_NOT_IN_CV = "skill_not_in_cv"  # a skill or topic the CV does not show
OTHER_LANGUAGE = "other_language"  # words of another language than the letter's
MAX_NAME = 120  # a longer allowed line is a template's text, not one of the offer's names
NAME_PARTS = re.compile(r"\s*[,/|()–—]\s*|\s+-\s+")

# Durations written with digits ("5 years", "18 mois"): checked against the CV's dates
# (``quantities.durations``), not as a number of its text.
DIGIT_DURATION_RE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:years?|yrs?|months?|ans?|ann[ée]es?|mois|decades?|d[ée]cennies?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Problem:
    code: str
    tokens: tuple[str, ...]

    def describe(self) -> str:
        """For the model's repair turn (English, like the pipeline's violations)."""
        listed = ", ".join(self.tokens)
        if self.code == SKILL_NOT_IN_CV:
            return f"{listed}: a skill or topic the source CV does not show"
        if self.code == OTHER_LANGUAGE:
            return f"{listed}: not in the letter's language"
        return f"{listed}: not in the source CV"


@dataclass
class Verdict:
    text: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dropped(self) -> dict[str, Any]:
        first = self.problems[0]
        tokens = [t for p in self.problems if p.code == first.code for t in p.tokens]
        return {"text": self.text, "reason": first.code, "tokens": list(dict.fromkeys(tokens))}


@cache
def _wording_concepts() -> frozenset[str]:
    vocabulary = default_vocabulary()
    frames = [v for table in wording.WORDING.values() for v in table.values()]
    return frozenset(c for frame in frames for c in vocabulary.concepts_in(frame))


def _title_lines(text: str) -> list[list[str]]:
    lines = [part for line in text.splitlines() for part in sentences(line) or [line]]
    return [name_claims.plain_words(line) for line in lines if line.strip()]


class LetterGuard:
    """The checks for one letter: the source CV, the offer's allowed words, the language."""

    def __init__(
        self,
        cv: CvContent,
        language: str,
        allowed: str = "",
        names: list[str] | None = None,
        today: datetime.date | None = None,
    ) -> None:
        source = cv.full_text()
        self.corpus = SourceCorpus(source, f"{allowed}\n{wording.vocabulary_text()}")
        self.language = language
        vocabulary = default_vocabulary()
        # A listed skill is shown even when the running text hides it: a one-letter name ("R")
        # on a line of its own is found only with the context a sentence gives it.
        listed = [s.name for s in cv.skills]
        listed += [k for exp in cv.experience for k in exp.skills]
        listed += [k for proj in cv.projects for k in proj.skills]
        shown = vocabulary.concepts_in(source) | {
            vocabulary.concept_of_skill(name) for name in listed if name.strip()
        }
        # The offer's names (title, company, location: one a line, and the parts of a title
        # like "Analytics Engineer, Finance") are names, not claims: taken out of a sentence
        # before its skill check, and their skills are not allowed elsewhere — "the HR
        # Assistant position" passes, "my background in human resources" needs the CV.
        # ``names`` None: every short line of ``allowed`` (``offer_allowed`` without a template).
        given = allowed.splitlines() if names is None else names
        lines = [line.strip() for line in given]
        short = [line for line in lines if 0 < len(line) <= MAX_NAME]
        parts = [p.strip() for line in short for p in NAME_PARTS.split(line)]
        self.names = sorted({*short, *(p for p in parts if len(p) > 2)}, key=len, reverse=True)
        self.concepts = (
            shown | vocabulary.implied(shown) | vocabulary.concepts_in(self._without_names(allowed))
        ) | _wording_concepts()
        self.numbers = {_digits(n) for n in NUMBER_RE.findall(f"{source} {allowed}")}
        self.allowed_words = words_of(f"{source}\n{allowed}")
        # Numbers in words, multipliers and durations are read as values (core/quantities.py).
        self.values = quantities.values_of(f"{source}\n{allowed}")
        self.factors = quantities.factors_of(f"{source}\n{allowed}")
        self.months = max(
            quantities.longest_stretch(cv, today), quantities.stated_months(f"{source}\n{allowed}")
        )
        # Titles and employers in any case (core/names.py): the CV's lines and the offer's.
        # A title only the offer names is the role applied for, never one held (names.held).
        self.cv_title_lines = _title_lines(source)
        self.offer_title_lines = _title_lines(allowed)
        self.known_text = squash(f"{source}\n{allowed}")

    def _title_allowed(self, title: tuple[str, ...], sentence: str) -> bool:
        if name_claims.title_supported(title, self.cv_title_lines):
            return True
        return name_claims.title_supported(title, self.offer_title_lines) and not name_claims.held(
            title, sentence
        )

    def problems(self, sentence: str) -> list[Problem]:
        found: list[Problem] = []
        vocabulary = default_vocabulary()
        # A duration is checked against the CV's dates, not as a number of its text.
        counted = DIGIT_DURATION_RE.sub(" ", sentence)
        # A name the CV implies is the CV's ("SQL" for a CV naming PostgreSQL).
        claims = [
            claim
            for claim in unsupported_claims(counted, self.corpus)
            if not (
                vocabulary.concepts_in(claim) and vocabulary.concepts_in(claim) <= self.concepts
            )
        ]
        # Exactly a number of the CV: the CV guard also takes one inside another ("12" in
        # "2012"), which a letter's "a team of 12" must not pass on.
        claims += [n.strip() for n in NUMBER_RE.findall(counted) if _digits(n) not in self.numbers]
        worded = self._quantity_claims(sentence)
        worded += [" ".join(title) for title in name_claims.title_claims(sentence)
                   if not self._title_allowed(title, sentence)]  # fmt: skip
        worded += name_claims.employer_claims(sentence, self.known_text)
        claims += [as_written(sentence, claim) for claim in worded]
        if claims:
            found.append(Problem(NOT_IN_CV, tuple(dict.fromkeys(claims))))
        missing = sorted(vocabulary.concepts_in(self._without_names(sentence)) - self.concepts)
        if missing:
            labels = (vocabulary.form_in(c, sentence) or vocabulary.label(c) for c in missing)
            found.append(Problem(SKILL_NOT_IN_CV, tuple(dict.fromkeys(labels))))
        foreign = mixed(sentence, self.language, self.allowed_words)
        if foreign:
            found.append(Problem(OTHER_LANGUAGE, tuple(dict.fromkeys(foreign))))
        return found

    def _quantity_claims(self, sentence: str) -> list[str]:
        """Numbers in words, multipliers and durations the CV does not support."""
        language = self.language if self.language in quantities.UNITS else "en"
        durations = quantities.durations(sentence, language)
        within = {i for d in durations for i in range(d.start, d.end)}
        claims = [d.text for d in durations if not quantities.duration_supported(d, self.months)]
        claims += [
            q.text
            for q in quantities.number_words(sentence, language)
            if q.start not in within and not quantities.supported_value(q, self.values)
        ]
        claims += [q.text for q in quantities.multipliers(sentence) if q.value not in self.factors]
        return claims

    def _without_names(self, sentence: str) -> str:
        """The sentence with the offer's names taken out, for the skill check: the words
        around a name must not read as a topic with it ("poste" + "Jobs for Humanity" is not
        the topic "job postings"). A skill inside a name is allowed anyway (``concepts``)."""
        for name in self.names:
            sentence = re.sub(re.escape(name), " ; ", sentence, flags=re.IGNORECASE)
        return sentence

    def check(self, paragraph: str) -> list[Verdict]:
        """The paragraph's sentences, each with what the guard refuses in it."""
        parts = sentences(" ".join(paragraph.split())) or [paragraph]
        return [Verdict(part, self.problems(part)) for part in parts if part.strip()]

    def line_ok(self, line: str) -> bool:
        """A greeting or a closing: kept only when it passes whole."""
        return bool(line.strip()) and not self.problems(line)


def as_written(sentence: str, folded: str) -> str:
    """A claim found in the folded sentence ("dizaine d annees"), as the sentence writes it
    ("dizaine d'années"); the folded form when it cannot be found again."""
    text = fold(sentence)
    words = re.findall(r"\w+", folded)
    if len(text) != len(sentence) or not words:
        return folded
    match = re.search(r"[\W_]+".join(re.escape(w) for w in words), text)
    return sentence[match.start() : match.end()] if match else folded


def _digits(token: str) -> str:
    return re.sub(r"\D", "", token)


def kept(verdicts: list[Verdict]) -> str:
    return " ".join(v.text for v in verdicts if v.ok)


def violations(verdicts: list[Verdict]) -> list[str]:
    """The refused sentences, as the repair turn lists them."""
    return [
        f"{v.text!r}: {'; '.join(p.describe() for p in v.problems)}" for v in verdicts if not v.ok
    ]


def offer_allowed(title: str, company: str, location: str, name: str = "") -> str:
    """What a letter may name from outside the CV: the offer's title, company and location."""
    return "\n".join(part for part in (title, company, location, name) if part.strip())
