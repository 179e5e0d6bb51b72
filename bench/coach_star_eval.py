"""One STAR coach conversation per language with a real model, for ``make eval-coach``.

A scripted person (synthetic answers below, one per step, one of them too short so the coach
must ask again) talks to the coach as the worker's job does (jobs/coach/reply.py): the reply's
prompt from ``jobs/coach/prompting.reply_messages``, streamed by ``chat_stream``, kept as
``jobs/coach/reply_guard.guarded_reply`` keeps it (else the step's fixed question); the phase moved
on by the code's own rules (app/domain/coach/phases.py); at the review the proposal written by
``jobs/coach/proposal.propose`` and held to the person's words. Nothing is stored.

Measured per conversation: replies, words per reply (the prompt asks for 2–4 sentences),
replies that ask a question, steps asked again, whether the steps came in order, the proposal's
fields kept and refused, and "facts held": every number in the kept proposal is one the person
wrote — counted here, apart from the guard.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

from app.db.models.coach import CoachConversation
from app.domain.coach.phases import PHASES, REVIEW, answer, record
from app.lib.llm import LLMEndpoint
from app.lib.llm.streaming import chat_stream
from jobs.coach.prompting import reply_messages
from jobs.coach.proposal import propose
from jobs.coach.reply_guard import guarded_reply
from jobs.coach.truth import user_words

MAX_REPLY_TOKENS = 400  # as the worker's job
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
# The person's answers by step; "ok" first in the action step: too short, asked again.
SCRIPTS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "en": (
        "Backend Engineer — Harbor Freight Systems",
        [
            ("experience", "Moving our order tracking service to PostgreSQL."),
            (
                "situation",
                "In 2022 order tracking ran on an old MySQL server with 40000 orders a day "
                "and an outage every week.",
            ),
            ("task", "I had to move it without downtime within three months."),
            ("action", "ok"),
            (
                "action",
                "I wrote a dual-write layer in Python, copied the history with batch jobs and "
                "switched the reads service by service.",
            ),
            ("result", "The weekly outages stopped and queries went from 800 ms to 120 ms."),
        ],
    ),
    "fr": (
        "Chargée de recrutement — Cabinet Aubrac",
        [
            ("experience", "La refonte de notre processus de recrutement des techniciens."),
            (
                "situation",
                "En 2021 nous mettions 62 jours à pourvoir un poste de technicien et perdions "
                "un candidat sur trois.",
            ),
            ("task", "Je devais réduire ce délai avant la saison haute."),
            ("action", "ok"),
            (
                "action",
                "J'ai créé une grille d'entretien commune, publié les offres sur deux sites "
                "spécialisés et appelé chaque candidat sous 48 heures.",
            ),
            ("result", "Le délai est passé à 35 jours et nous avons recruté 14 techniciens."),
        ],
    ),
}


@dataclass
class StarRun:
    language: str
    replies: list[dict[str, Any]] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    asked_again: int = 0
    kept: dict[str, Any] = field(default_factory=dict)
    refused: list[dict[str, str]] = field(default_factory=list)
    invented_numbers: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""

    @property
    def in_order(self) -> bool:
        seen = [p for i, p in enumerate(self.phases) if i == 0 or p != self.phases[i - 1]]
        return seen == list(PHASES[: len(seen)])

    def as_dict(self) -> dict[str, Any]:
        words = [r["words"] for r in self.replies if not r["replaced"]]
        written = [r["written_words"] for r in self.replies]
        return {
            "language": self.language,
            "replies": len(self.replies),
            "words_mean": round(sum(words) / len(words), 1) if words else 0,
            "words_max": max(words, default=0),
            "written_mean": round(sum(written) / len(written), 1) if written else 0,
            "replaced": sum(1 for r in self.replies if r["replaced"]),
            "questions": sum(1 for r in self.replies if r["asks"]),
            "asked_again": self.asked_again,
            "in_order": self.in_order,
            "reached_review": REVIEW in self.phases,
            "kept_fields": sorted(k for k, v in self.kept.items() if v),
            "refused": self.refused,
            "invented_numbers": self.invented_numbers,
            "held": not self.invented_numbers,
            "seconds": self.seconds,
            "error": self.error,
            "transcript": self.replies,
        }


async def _reply(endpoint: LLMEndpoint, model: str, conversation: CoachConversation) -> str:
    async def ignore(_piece: str) -> None:
        return None

    reply = await chat_stream(
        endpoint,
        model=model,
        messages=reply_messages(conversation),
        on_delta=ignore,
        max_tokens=MAX_REPLY_TOKENS,
    )
    return (reply.text or "").strip()


async def star_conversation(endpoint: LLMEndpoint, model: str, language: str) -> dict[str, Any]:
    label, script = SCRIPTS[language]
    conversation = CoachConversation(
        user_id="eval", experience_label=label, language=language, phase="experience"
    )
    conversation.messages, conversation.answers = [], {}
    run = StarRun(language)
    started = time.perf_counter()
    try:
        for _step, text in script:
            phase = conversation.phase
            run.phases.append(phase)
            written = await _reply(endpoint, model, conversation)
            said = guarded_reply(written, user_words(conversation.messages))
            run.replies.append(
                {
                    "phase": phase,
                    "written": written,
                    "text": said or "(the step's fixed question)",
                    "replaced": said is None,
                    "words": len((said or "").split()),
                    "written_words": len(written.split()),
                    "asks": said is None or "?" in said,
                }
            )
            kept: dict[str, Any] = {"role": "coach", "phase": phase}
            kept.update({"text": said} if said else {"code": f"ask.{phase}"})
            conversation.messages = [*conversation.messages, kept]
            step = answer(phase, text, conversation.answers)
            run.asked_again += 0 if step.accepted else 1
            conversation.answers = record(conversation.answers, phase, text, step)
            message = {"role": "user", "phase": phase, "text": text, "nudge": step.nudge}
            conversation.messages = [*conversation.messages, message]
            conversation.phase = step.phase
        run.phases.append(conversation.phase)
        if conversation.phase == REVIEW:
            proposed = await propose(endpoint, model, conversation)
            run.kept, run.refused = proposed.proposal, proposed.refused
            written = set(NUMBER_RE.findall(user_words(conversation.messages)))
            kept_text = " ".join(str(v) for v in run.kept.values())
            run.invented_numbers = sorted(set(NUMBER_RE.findall(kept_text)) - written)
    except Exception as error:  # an endpoint error ends the conversation; reported
        run.error = f"{type(error).__name__}: {error}"[:300]
    run.seconds = time.perf_counter() - started
    return run.as_dict()


def star_report(runs: list[dict[str, Any]]) -> list[str]:
    lines = [
        "## The STAR coach: one conversation per language",
        "",
        "A scripted person answers each step once (one answer too short, so the step is asked "
        "again); the model writes the coach's replies and, at the review, the proposal "
        "(bench/coach_star_eval.py). *Steps in order*: the conversation went experience → "
        "situation → task → action → result → review and no further, the code deciding. "
        "*Facts held*: every number of the kept proposal is one the person wrote (checked here, "
        "apart from the guard).",
        "",
        "| Language | Replies | Words the model wrote (mean) | Words kept (mean / max) | "
        "Replaced by the step's question | Replies asking a question | Asked again | "
        "Steps in order | Proposal fields kept | Refused | Facts held | Wall time |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        if r["error"]:
            lines.append(f"| {r['language']} | error: {r['error'][:80]} | | | | | | | | | | |")
            continue
        lines.append(
            f"| {r['language']} | {r['replies']} | {r['written_mean']} | "
            f"{r['words_mean']} / {r['words_max']} | {r['replaced']} | "
            f"{r['questions']}/{r['replies']} | {r['asked_again']} | "
            f"{'yes' if r['in_order'] and r['reached_review'] else 'no'} | "
            f"{', '.join(r['kept_fields']) or '–'} | {len(r['refused'])} | "
            f"{'yes' if r['held'] else 'no: ' + ', '.join(r['invented_numbers'])} | "
            f"{r['seconds']:.0f} s |"
        )
    for r in runs:
        lines += ["", f"### {r['language']}: the coach's replies", ""]
        lines += [f"- *{t['phase']}*: {t['text']}" for t in r["transcript"]]
        lines += [
            "",
            "What the model wrote, before the reply guard (jobs/coach/reply_guard.py):",
            "",
        ]
        lines += [f"- *{t['phase']}*: {t['written'][:400]}" for t in r["transcript"]]
        if r["refused"]:
            lines += ["", "Refused from the proposal: " + "; ".join(map(str, r["refused"]))]
    return [*lines, ""]
