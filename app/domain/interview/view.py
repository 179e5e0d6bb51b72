"""The interview prep's words: each question code's sentence (our own, in the ad's language
whatever the page's), and the prep as the page, the PDF and the Markdown show it.

The questions are stored and served as codes with parameters (``questions.py``); the sentence is
chosen here. The evidence is never worded: it is the CV's or the bank's text, as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.interview.questions import (
    COMPETENCE_DUTY,
    COMPETENCE_LANGUAGE,
    COMPETENCE_SKILL,
    GAP_MISSING,
    GAP_PARTIAL,
    KINDS,
    MOTIVATION_COMPANY,
    MOTIVATION_COMPANY_UNNAMED,
    MOTIVATION_ROLE,
    SITUATION,
    Prep,
    Proof,
    Question,
)
from app.domain.matching.view import SECTION_NAMES as MATCH_SECTION_NAMES
from app.lib.i18n import N_, SUPPORTED_LOCALES, gettext, gettext_in

QUESTIONS = {
    MOTIVATION_COMPANY: N_("Why do you want to join %(company)s?"),
    MOTIVATION_COMPANY_UNNAMED: N_("Why do you want to join our company?"),
    MOTIVATION_ROLE: N_(
        "Why this position of %(role)s, and what do you expect from it at this point in your "
        "career?"
    ),
    COMPETENCE_SKILL: N_(
        "The offer asks for “%(requirement)s”: how have you used it, on what, and to what level?"
    ),
    COMPETENCE_LANGUAGE: N_(
        "The offer asks for “%(requirement)s”: what is your level, and when did you last use it "
        "at work?"
    ),
    COMPETENCE_DUTY: N_(
        "The offer says “%(requirement)s”: what have you done that shows it, and where?"
    ),
    SITUATION: N_(
        "Tell us about a time your work called for “%(requirement)s”: what was the situation, "
        "what did you do yourself, and what came of it?"
    ),
    GAP_MISSING: N_(
        "The offer asks for “%(requirement)s”, which your CV does not show: have you done it, "
        "and if not, how would you get up to speed?"
    ),
    GAP_PARTIAL: N_(
        "Your CV shows only part of “%(requirement)s”: how far does your experience of it go?"
    ),
}
KIND_HEADINGS = {
    "motivation": N_("Motivation"),
    "competence": N_("Competence questions"),
    "situation": N_("Situation questions"),
    "gap": N_("Questions on the gaps"),
}
KIND_HINTS = {
    "motivation": N_("The company and the role: your own reasons, in your own words."),
    "competence": N_("One question for each requirement of the ad, in its words."),
    "situation": N_(
        "Behavioural questions on what your CV shows: answer with a story (situation, task, "
        "action, result)."
    ),
    "gap": N_(
        "What the ad asks for and your CV shows only in part, or not at all: prepare an honest "
        "answer."
    ),
}
# Where a piece of evidence stands: the match panel's names, and the bank's achievements.
SECTION_NAMES = {**MATCH_SECTION_NAMES, "achievement": N_("Your achievement")}
STAR_LABELS = {
    "situation": N_("Situation"),
    "task": N_("Task"),
    "action": N_("Action"),
    "result": N_("Result"),
}
NO_EVIDENCE = N_("No evidence yet")
NO_EVIDENCE_HINT = N_(
    "Nothing in your CV or your achievements answers this yet: practise it with the coach."
)
TITLE = N_("Prepare the interview")


def question_text(code: str, params: dict[str, Any], language: str) -> str:
    """The question in ``language`` (the ad's), whatever the page's."""
    template = QUESTIONS.get(code)
    if template is None:
        return ""
    locale = language if language in SUPPORTED_LOCALES else "en"
    return gettext_in(locale, template, **{k: str(v) for k, v in params.items()})


@dataclass(frozen=True, slots=True)
class ShownProof:
    proof: Proof
    place: str  # where it stands, in the reader's language
    star: list[tuple[str, str]]  # (label, the user's text)


@dataclass(frozen=True, slots=True)
class ShownQuestion:
    question: Question
    text: str  # in the ad's language
    proofs: list[ShownProof]


@dataclass(frozen=True, slots=True)
class ShownKind:
    kind: str
    heading: str
    hint: str
    questions: list[ShownQuestion]


def place_of(proof: Proof) -> str:
    """Where the evidence stands: "Experience · Data Analyst — Acme", "Your achievement · …"."""
    section = gettext(SECTION_NAMES.get(proof.section, SECTION_NAMES["extras"]))
    label = proof.where if proof.where and proof.where != proof.section else ""
    return f"{section} · {label}" if label else section


def shown(prep: Prep) -> list[ShownKind]:
    """The prep as pages and exports show it: kinds in interview order, the questions in the
    ad's language, the places and labels in the reader's."""
    out = []
    for kind in KINDS:
        questions = [
            ShownQuestion(
                q,
                question_text(q.code, q.params, prep.language),
                [
                    ShownProof(
                        p,
                        place_of(p),
                        [(gettext(STAR_LABELS[k]), v) for k, v in p.star.items()],
                    )
                    for p in q.proofs
                ],
            )
            for q in prep.of_kind(kind)
        ]
        if questions:
            out.append(
                ShownKind(kind, gettext(KIND_HEADINGS[kind]), gettext(KIND_HINTS[kind]), questions)
            )
    return out


def sheet(prep: Prep, *, title: str, subtitle: str) -> dict[str, Any]:
    """The prep as a printable sheet (``app/lib/pdf_render/sheet.py``, and the same shape for
    ``app/lib/markdown_export/sheet.py``): JSON only."""
    sections = []
    for kind in shown(prep):
        items = []
        for n, q in enumerate(kind.questions, start=1):
            lines: list[dict[str, Any]] = []
            for p in q.proofs:
                lines.append({"label": p.place, "text": p.proof.quote, "quote": True})
                lines.extend(
                    {"label": label, "text": text, "quote": True} for label, text in p.star
                )
            if not q.proofs:
                lines.append({"label": "", "text": gettext(NO_EVIDENCE), "quote": False})
            items.append({"heading": f"{n}. {q.text}", "lines": lines})
        sections.append({"heading": kind.heading, "intro": kind.hint, "items": items})
    return {"lang": prep.language, "title": title, "subtitle": subtitle, "sections": sections}
