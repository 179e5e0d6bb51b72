"""``make eval-letters``' own check of what reaches a letter, written apart from the letter's fact
guard (jobs/letters/core/guard.py) so that it can catch what the guard lets through.

The letter's written parts (greeting, paragraphs, closing; the recipient, date, subject and
signature are filled by code from the CV and the offer) are read for:

* numbers (digits, and counts written in words) that are in neither the source CV nor the
  offer's title, company and location;
* capitalised names (a capital letter inside a sentence, or an acronym anywhere) whose word is
  not in those texts, nor among the letters' fixed words (``jobs/letters/core/wording.py``) or
  the usual words of a letter (months, languages, "I");
* skills and topics of the matching vocabulary (``app/lib/matching/vocabulary.py``) that the
  CV and the offer's title do not name; one the CV only implies (PostgreSQL → SQL) is listed
  apart, not counted as invented.

Each flagged token says whether it comes from the offer's text (the ad asks for it: the usual
way a model invents) or from nowhere. The comparison is word by word on accent- and case-folded
text: a name the CV spells with an accent and the letter without it is the CV's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.letter_content import LetterContent
from app.lib.matching.vocabulary import default_vocabulary
from app.lib.parsing.fields.languages import detect_language
from jobs.letters.core.wording import MONTHS, WORDING

NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?]\s+|\n+")
NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "dozen",
        "dozens",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "quinze",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "cent",
        "cents",
        "centaines",
        "mille",
        "milliers",
        "douzaine",
        "douzaines",
    ]
)
# Words a letter writes whatever the CV says: "I", the months, the names of languages and of
# the usual salutations (a model writes "Dear Hiring Team," or "Best Regards,").
LETTER_WORDS = (
    "I Dear Sir Madam Hiring Manager Managers Team Recruiter Recruiting Recruitment Human "
    "Resources Regards Best Kind Warm Sincerely Yours Faithfully Respectfully Thank Cher Chère "
    "Madame Monsieur Mesdames Messieurs Bonjour Cordialement Veuillez Je Nous "
    "English French Anglais Français Monday Tuesday Wednesday Thursday Friday "
    + " ".join(m for months in MONTHS.values() for m in months)
)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def digits(token: str) -> str:
    return re.sub(r"\D", "", token)


def words(text: str) -> set[str]:
    """Folded words of ``text``, and the parts of hyphenated or elided ones ("l'Oréal")."""
    found: set[str] = set()
    for word in WORD.findall(fold(text)):
        found.add(word)
        found.update(p for p in re.split(r"[-'’]", word) if p)
    return found


def strings_of(data: Any) -> Iterable[str]:
    """Every string in a JSON value (the CV as stored: nothing left out)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_of(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_of(value)


@dataclass
class Invented:
    numbers: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    implied: list[str] = field(default_factory=list)  # skills the CV only implies: not counted
    from_offer: list[str] = field(default_factory=list)  # the flagged tokens the ad's text has

    @property
    def count(self) -> int:
        return len(self.numbers) + len(self.names) + len(self.skills)


class SourceCheck:
    """What one (CV, offer) pair lets a letter say."""

    def __init__(self, cv: dict[str, Any], title: str, company: str, location: str, ad: str):
        strings = list(strings_of(cv))
        source = "\n".join([*strings, title, company, location])
        # The offer's names (and a title's parts: "Analyst, Finance") may be written, not
        # claimed: taken out of the letter before the skill check, their skills not allowed.
        names = [title, company, location]
        names += [p for n in names for p in re.split(r"\s*[,/|()–—]\s*|\s+-\s+", n)]
        self.offer_names = sorted({n.strip() for n in names if len(n.strip()) > 2}, key=len)
        frames = "\n".join(v for t in WORDING.values() for v in t.values())
        fixed = f"{frames}\n{LETTER_WORDS}"

        self.words = words(source) | words(re.sub(r"\{\w+\}", " ", fixed))
        self.numbers = {digits(n) for n in NUMBER.findall(source)}
        self.ad_words = words(ad)
        self.ad_numbers = {digits(n) for n in NUMBER.findall(ad)}
        vocabulary = default_vocabulary()
        # Each string alone too: a skill listed on its own ("R") is one the CV shows.
        # The frames' topics, not the salutations' ("Dear Human Resources team" claims nothing,
        # "my background in human resources" does).
        self.concepts = vocabulary.concepts_in("\n".join(strings)) | vocabulary.concepts_in(frames)
        self.concepts |= {c for text in strings for c in vocabulary.concepts_in(text)}
        self.implied = vocabulary.implied(self.concepts)
        self.ad_concepts = vocabulary.concepts_in(ad)

    def _names(self, text: str) -> list[str]:
        found: list[str] = []
        for sentence in SENTENCE_END.split(text):
            for index, match in enumerate(WORD.finditer(sentence)):
                word = match.group()
                capital = word[:1].isupper()
                acronym = sum(c.isupper() for c in word) > 1
                if not (acronym or (capital and index > 0 and not _after_colon(sentence, match))):
                    continue
                parts = words(word)
                if fold(word) in self.words or (parts and parts <= self.words):
                    continue
                if default_vocabulary().concepts_in(word):
                    continue  # a skill's name: counted (or implied) with the skills below
                found.append(word)
        return found

    def check(self, text: str) -> Invented:
        out = Invented()
        for number in NUMBER.findall(text):
            if digits(number) not in self.numbers:
                out.numbers.append(number.strip())
                if digits(number) in self.ad_numbers:
                    out.from_offer.append(number.strip())
        for word in WORD.findall(fold(text)):
            if word in NUMBER_WORDS and word not in self.words:
                out.numbers.append(word)
                if word in self.ad_words:
                    out.from_offer.append(word)
        for name in self._names(text):
            out.names.append(name)
            if fold(name) in self.ad_words:
                out.from_offer.append(name)
        vocabulary = default_vocabulary()
        # The offer's names are not topics with the words around them ("poste" + "Jobs…").
        unnamed = text
        for name in reversed(self.offer_names):
            unnamed = re.sub(re.escape(name), " ; ", unnamed, flags=re.IGNORECASE)
        for concept in sorted(vocabulary.concepts_in(unnamed) - self.concepts):
            label = vocabulary.form_in(concept, text) or vocabulary.label(concept)
            if concept in self.implied:
                out.implied.append(label)
                continue
            out.skills.append(label)
            if concept in self.ad_concepts:
                out.from_offer.append(label)
        for bucket in (out.numbers, out.names, out.skills, out.implied, out.from_offer):
            bucket[:] = list(dict.fromkeys(bucket))
        return out


def _after_colon(sentence: str, match: re.Match[str]) -> bool:
    """A capital after ": " starts a clause ("My results: Reduced costs…")."""
    return sentence[: match.start()].rstrip().endswith(":")


def written_text(content: LetterContent) -> str:
    """The parts of the letter an engine writes (the rest is code's, from the CV and offer)."""
    return "\n".join([content.greeting, *content.paragraphs, content.closing])


def letter_language(content: LetterContent) -> tuple[str | None, int]:
    """The body's language (stop words, ``app/lib/parsing/fields/languages.py``), and how many
    paragraphs read as another language than the body."""
    whole = detect_language(" ".join(content.paragraphs))
    other = sum(
        1
        for p in content.paragraphs
        if (lang := detect_language(p)) is not None and whole is not None and lang != whole
    )
    return whole, other


def word_count(content: LetterContent) -> int:
    return len(WORD.findall(written_text(content)))


def _current_frames() -> list[re.Pattern[str]]:
    """The letters' "With my experience as {title}, …" sentences (``current.*`` of
    ``jobs/letters/core/wording.py``), as patterns that capture the title said."""
    patterns: list[re.Pattern[str]] = []
    for frames in WORDING.values():
        for key, frame in frames.items():
            if not key.startswith("current.") or "{title}" not in frame:
                continue
            before, after = frame.split("{title}", 1)
            tail = " ".join(after.split(" ")[:3])
            patterns.append(re.compile(re.escape(before) + r"(.+?)" + re.escape(tail)))
    return patterns


def headline_as_experience(content: LetterContent, cv: CvContent) -> str | None:
    """The title a letter says the candidate has experience as ("With my experience as …")
    when no job of ``cv`` holds it (a headline read as a town, a name or a section word is no
    experience); None when the letter says none or a held one."""
    held = {fold(e.title.strip()) for e in cv.experience if e.title.strip()}
    text = written_text(content)
    for pattern in _current_frames():
        for match in pattern.finditer(text):
            said = match.group(1).strip()
            if fold(said) not in held:
                return said
    return None
