"""The guard's policy for a letter, as pure functions: which sentences stay, what is counted.

Like the pipeline's: a refused paragraph gets one repair (``writer.py`` asks the model), then
whatever is still refused is dropped sentence by sentence. A greeting or closing that fails is
replaced by the language's usual one. Counts: ``verifiedClaims`` = sentences kept that passed
the first time, ``repairedClaims`` = sentences kept that the repair wrote, ``droppedClaims`` =
sentences left out (each listed in ``dropped`` with its reason code and tokens).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.lib.letter_content import LetterContent
from app.lib.text_forms import fold
from jobs.letters.core.guard import LetterGuard, Verdict, kept

MIN_PARAGRAPHS = 2  # fewer left after the guard: the letter is not worth sending


@dataclass
class Outcome:
    paragraphs: list[str]
    verified: int = 0
    repaired: int = 0
    dropped: list[dict[str, Any]] = field(default_factory=list)

    def meta(self, model: str = "") -> dict[str, Any]:
        return {
            "verifiedClaims": self.verified,
            "repairedClaims": self.repaired,
            "droppedClaims": len(self.dropped),
            "dropped": self.dropped[:50],
            "model": model,
        }

    @property
    def enough(self) -> bool:
        return len(self.paragraphs) >= MIN_PARAGRAPHS


def settle(checked: list[list[Verdict]], first_passed: set[str]) -> Outcome:
    """The paragraphs without their refused sentences, with the counts. ``first_passed``: the
    sentences that passed the first check (the others kept were written by the repair)."""
    outcome = Outcome(paragraphs=[])
    for verdicts in checked:
        for verdict in verdicts:
            if not verdict.ok:
                outcome.dropped.append(verdict.as_dropped())
            elif verdict.text in first_passed:
                outcome.verified += 1
            else:
                outcome.repaired += 1
        text = kept(verdicts)
        if text:
            outcome.paragraphs.append(text)
    return outcome


def passed(checked: list[list[Verdict]]) -> set[str]:
    return {v.text for verdicts in checked for v in verdicts if v.ok}


def line_or(line: str, default: str, guard: LetterGuard, name: str = "") -> str:
    """A greeting or closing the guard accepts (without the signer's name, which the letter
    adds below it), else ``default``."""
    line = " ".join(line.split())
    if name and fold(line).endswith(fold(name)):
        line = line[: len(line) - len(name)].rstrip()
    return line if guard.line_ok(line) else default


def guard_content(
    content: LetterContent, guard: LetterGuard, greeting: str, closing: str
) -> tuple[LetterContent, Outcome]:
    """A letter that did not come from a model (offline, template) through the same guard:
    no repair to ask for, refused sentences are dropped."""
    checked = [guard.check(p) for p in content.paragraphs]
    outcome = settle(checked, passed(checked))
    fixed = content.model_copy(
        update={
            "paragraphs": outcome.paragraphs,
            "greeting": line_or(content.greeting, greeting, guard) if content.greeting else "",
            "closing": line_or(content.closing, closing, guard) if content.closing else "",
        }
    )
    return fixed, outcome
