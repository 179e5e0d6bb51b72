"""``TextRules``: what the writing rules of ``text_rules.py`` need to judge one text of one CV
(the target language, the source CV, the offer), and the violations they find, worded for the
repair round. The guards that apply them to a phase's output are in ``rule_guards.py``.
"""

from __future__ import annotations

import re
from functools import cached_property

from app.lib.cv_content import CvContent
from app.lib.text_forms import fold, squash
from jobs.pipeline.core.context import OfferContext
from jobs.pipeline.core.mixed_language import mixed, other_script, words_of
from jobs.pipeline.core.text import guess_language, sentences
from jobs.pipeline.core.text_rules import (
    LANGUAGE_NAMES,
    SUMMARY_MAX_WORDS,
    first_person,
    self_praise,
    third_person,
    word_count,
    wrong_language,
)

LANGUAGE = "language"  # the rule code of a text in the wrong (or a mixed) language


class TextRules:
    """What the rules need: the target language and the source CV."""

    def __init__(
        self,
        language: str,
        source: CvContent,
        *,
        source_exempt: bool = False,
        offer_text: str = "",
    ) -> None:
        self.language = language
        self.source = source
        self.source_exempt = source_exempt  # an engine that only copies source text
        self.source_text = source.full_text()
        self.offer_text = offer_text
        self._squashed = squash(self.source_text)
        # What the offline engine copies is a whole field or line: a set lookup, so a large
        # CV does not pay a scan of all its text for each of its bullets (quadratic).
        self._copied = {squash(part) for part in self.source_text.splitlines()}

    @classmethod
    def of(cls, ctx: OfferContext, engine_name: str) -> TextRules:
        return cls(
            ctx.language,
            ctx.source,
            source_exempt=engine_name == "offline",
            offer_text=ctx.offer.full_text(),
        )

    @cached_property
    def borrowed_words(self) -> frozenset[str]:
        """Words of the other language a text may use: the offer's, and the source CV's when
        it is written in the target language (its author's own "reporting", "dashboard")."""
        allowed = words_of(self.offer_text) | words_of(" ".join(self._source_names))
        if guess_language(self.source_text, "") == self.language:
            allowed |= words_of(self.source_text)
        return allowed

    @cached_property
    def _source_names(self) -> list[str]:
        """The source's proper names (the candidate, employers, schools, projects, skills):
        no language's words, whatever a dictionary says of "Alex" or "Apple"."""
        cv = self.source
        return [
            cv.header.name,
            *(e.company for e in cv.experience),
            *(p.name for p in cv.projects),
            *(e.institution for e in cv.education),
            *(s.name for s in cv.skills),
        ]

    def exempt(self, text: str) -> bool:
        if not self.source_exempt:
            return False
        squashed = squash(text)
        return squashed in self._copied or squashed in self._squashed

    def exempt_summary(self, text: str) -> bool:
        """Made only of the source summary's sentences, in any order (as the offline engine
        picks them: joined, two of them may no longer split where the source did)."""
        if not self.source_exempt:
            return False
        rest = squash(text)
        for part in sorted(sentences(self.source.summary), key=len, reverse=True):
            rest = rest.replace(squash(part), " ")
        return not rest.strip()

    @cached_property
    def name_parts(self) -> list[str]:
        """The words of the candidate's name that the CV uses nowhere else (a company named
        after its founder, "Martin & Co", may be named)."""
        name = self.source.header.name
        rest = fold(self.source_text.replace(name, " "))
        return [
            part
            for part in re.findall(r"[^\W\d_]{2,}", name)
            if not re.search(rf"(?<![\w-]){re.escape(fold(part))}(?![\w-])", rest)
        ]

    @cached_property
    def summary_fallback(self) -> str:
        """What stands when the model's summary cannot: the source summary's sentences that
        break no rule (the CV's language, no "I", no name), within the word limit; else none
        (a line written from the headline and employers is a sentence the candidate never
        wrote). Never a source summary in another language, nor the author's "I" in a CV
        that speaks without one."""
        kept = within_limit(sentences(self.source.summary), self)
        if kept and guess_language(kept, "") in ("", self.language):
            return kept  # (a blob of headings and names passes sentence by sentence)
        return ""

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES[self.language]

    def language_problem(self, field: str, text: str, source: str | None = None) -> str | None:
        """The violation for a text in the wrong language; with the source sentence it was
        written from, named as the repair round expects (``prompts/repair.md``)."""
        if self.exempt(text):
            return None
        found = wrong_language(text, self.language)
        if found is None:
            return self._mixed_problem(field, text, source)
        target = self.language_name
        how = (
            f"rewrite it in {target} from this source sentence only: {source!r} "
            "(or copy that sentence verbatim)"
            if source
            else f"rewrite it in {target}, keeping its facts"
        )
        return f"{field} {text!r} is written in {LANGUAGE_NAMES[found]}: {how}"

    def _mixed_problem(self, field: str, text: str, source: str | None) -> str | None:
        foreign = other_script(text, self.source_text) or mixed(
            text, self.language, self.borrowed_words
        )
        if not foreign:
            return None
        how = (
            f"rewrite it all in {self.language_name} from this source sentence only: "
            f"{source!r} (or copy that sentence verbatim)"
            if source
            else f"rewrite it all in {self.language_name}, keeping its facts"
        )
        listed = ", ".join(dict.fromkeys(foreign))
        return f"{field} {text!r} mixes in words of another language ({listed}): {how}"

    def writing_problems(self, field: str, text: str) -> list[tuple[str, str]]:
        """(rule, violation) for first person and praise the source CV does not contain."""
        if self.exempt(text):
            return []
        found: list[tuple[str, str]] = []
        pronouns = first_person(text)
        if pronouns:
            listed = ", ".join(dict.fromkeys(pronouns))
            found.append(
                (
                    "first_person",
                    f"{field} {text!r} uses the first person ({listed}): write it without "
                    "personal pronouns, as CV text",
                )
            )
        praise = self_praise(text, self.source_text)
        if praise:
            found.append(
                (
                    "self_praise",
                    f"{field} {text!r} praises the candidate ({', '.join(praise)}), which the "
                    "source CV does not: state facts from the source only",
                )
            )
        return found


def sentence_problems(part: str, rules: TextRules) -> list[tuple[str, str]]:
    """(rule, violation) of one summary sentence: first person, praise, the candidate named,
    the wrong language."""
    found = rules.writing_problems("summary sentence", part)
    named = [] if rules.exempt(part) else third_person(part, rules.name_parts)
    if named:
        found.append(
            (
                "third_person",
                f"summary sentence {part!r} speaks of the candidate in the third person "
                f"({', '.join(dict.fromkeys(named))}): write it without a subject, as CV text",
            )
        )
    language = rules.language_problem("summary sentence", part)
    if language is not None:
        found.append((LANGUAGE, language))
    return found


def within_limit(parts: list[str], rules: TextRules) -> str:
    """The sentences that break no rule, in order, up to the first the word limit cannot hold
    (a later sentence after a dropped one reads out of its story)."""
    kept: list[str] = []
    words = 0
    for part in parts:
        count = word_count(part)
        if sentence_problems(part, rules):
            continue
        if words + count > SUMMARY_MAX_WORDS:
            break
        kept.append(part)
        words += count
    return " ".join(kept)
