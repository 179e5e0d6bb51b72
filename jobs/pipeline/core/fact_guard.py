"""The fact guard: code, not the prompt, decides what may appear in a tailored CV.

A *claim* is one rewritten sentence (bullet, description, summary sentence) or one skill. A
sentence passes when every number, amount, percentage, date and proper noun in it occurs in the
source CV (an item's sentences are held to their own item: ``item_claims.py``); a skill passes
when the source lists it, or when an evidence quote is found in the source and names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.cv_content import CvContent
from app.lib.matching.vocabulary import default_vocabulary
from app.lib.text_forms import squash
from jobs.pipeline.core.item_claims import ClaimScope
from jobs.pipeline.core.skill_terms import is_term, quoted_term
from jobs.pipeline.core.text import contains_phrase

# A thousands group is three digits on the same line ("12 000", "1,500"), never the start of the
# next number ("2020 2021" are two years).
NUMBER_RE = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3}(?!\d))*(?:[.,]\d+)?")
# Capitalised or mixed-case words ("Kubernetes", "PostgreSQL", "iOS", "AWS"), with inner dots/#/+.
NAME_RE = re.compile(r"\b(?:[A-ZÀ-Ý][\w+#.-]*|[a-z]+[A-Z][\w+#.-]*)")


@dataclass
class GuardCounts:
    verified: int = 0
    repaired: int = 0
    dropped: int = 0
    # Of the verified: source sentences the CV kept in their own language, translated by the
    # model and passed by the same guard (``core/translation.py``).
    translated: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: GuardCounts) -> None:
        self.verified += other.verified
        self.repaired += other.repaired
        self.dropped += other.dropped
        self.translated += other.translated
        self.notes.extend(other.notes)

    def as_meta(self) -> dict[str, object]:
        return {
            "verifiedClaims": self.verified,
            "repairedClaims": self.repaired,
            "droppedClaims": self.dropped,
            "translatedClaims": self.translated,
            "notes": self.notes[:50],
        }


class SourceCorpus:
    """The source CV's text, prepared for fast membership checks. Built with ``of`` it also
    knows the CV's items, listed skills and the offer (``scope``) for the per-item checks."""

    def __init__(
        self, text: str, extra_allowed: str = "", *, scope: ClaimScope | None = None
    ) -> None:
        self.squashed = squash(text + "\n" + extra_allowed)
        self.digits = {_digits(m) for m in NUMBER_RE.findall(text + " " + extra_allowed)}
        self.scope = scope

    @classmethod
    def of(cls, cv: CvContent, offer_text: str = "") -> SourceCorpus:
        return cls(cv.full_text(), scope=ClaimScope(cv, offer_text))

    def has_number(self, token: str) -> bool:
        digits = _digits(token)
        return digits in self.digits or any(digits in d for d in self.digits if len(digits) >= 2)

    def has_name(self, token: str) -> bool:
        name = token.strip(".-")
        # A plural is the same name ("API" in a text saying "APIs", "SDKs" for "SDK").
        forms = [name, name + "s", name[:-1] if len(name) > 2 and name.endswith("s") else ""]
        return any(form and contains_phrase(self.squashed, form) for form in forms)


def _digits(token: str) -> str:
    return re.sub(r"\D", "", token)


def unsupported_claims(sentence: str, corpus: SourceCorpus) -> list[str]:
    """The numbers and proper nouns of ``sentence`` that the source CV does not contain."""
    problems = [n.strip() for n in NUMBER_RE.findall(sentence) if not corpus.has_number(n)]
    for match in NAME_RE.finditer(sentence):
        token = match.group(0).rstrip(".,")
        before = sentence[: match.start()].rstrip()
        at_start = before == "" or before[-1] in ".!?:;•-–—("
        plain = token.isalpha() and token[1:] == token[1:].lower()
        # A sentence's first word is capitalised by grammar, not because it is a name.
        if at_start and plain:
            continue
        if len(token) > 1 and not corpus.has_name(token):
            problems.append(token)
    return problems


def skill_supported(name: str, evidence: str, corpus: SourceCorpus) -> bool:
    """Listed in the source (as that exact term: ``skill_terms.py``), or shown by a quote of it
    that names the skill or a narrower one (a quote naming PostgreSQL supports SQL:
    ``app/lib/matching/vocabulary_data.py``). A corpus without ``scope`` (text only) cannot tell
    a listed skill: a term its text names counts."""
    if corpus.scope is not None:
        listed = corpus.scope.is_listed(name)
    else:
        listed = is_term(name) and corpus.has_name(name)
    return listed or evidence_supports(name, evidence, corpus)


def evidence_supports(name: str, evidence: str, corpus: SourceCorpus) -> bool:
    """The quote is the source's own text and names the skill (or a narrower concept)."""
    if not evidence.strip() or squash(evidence) not in corpus.squashed:
        return False
    return quoted_term(name, evidence, default_vocabulary())


@dataclass
class Checked:
    """A phase output after the guard: the cleaned data plus how many claims passed/failed."""

    ok: int
    bad: list[str]


def check_sentences(texts: list[str], corpus: SourceCorpus) -> tuple[list[bool], list[str]]:
    verdicts, problems = [], []
    for text in texts:
        issues = unsupported_claims(text, corpus)
        verdicts.append(not issues)
        if issues:
            problems.append(f"{text!r}: {', '.join(issues)} not in the source CV")
    return verdicts, problems
