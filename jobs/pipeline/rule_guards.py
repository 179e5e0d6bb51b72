"""Guards for the writing rules of ``text_rules.py``, with the fact guards' shape
``(out) -> (cleaned, Checked)``: a phase runs both (``phase_guards.py``) before its repair round.

A field that breaks a rule is named in ``Checked.bad`` with what to do instead (the repair round
sends it to the model); the cleaned output has the source wording in its place, and lists the
rule in ``fallbacks`` so the CV's generation_meta can count what fell back.
Rules judge what the model wrote: on the offline engine, which writes nothing of its own, the
source's own wording is taken as it is (it may use "I", or mix languages, as its author did).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from pydantic import Field

from app.lib.cv_content import CvContent, Experience, ExtraItem, Project
from jobs.pipeline.context import OfferContext
from jobs.pipeline.fact_guard import Checked
from jobs.pipeline.fallback import Fallbacks
from jobs.pipeline.mixed_language import mixed, other_script, words_of
from jobs.pipeline.offline import factual_summary
from jobs.pipeline.schemas import AdaptedExtraItem, AdaptedExtras, AdaptedItem, Summary
from jobs.pipeline.text import fold, guess_language, sentences, squash
from jobs.pipeline.text_rules import (
    LANGUAGE_NAMES,
    SUMMARY_MAX_WORDS,
    first_person,
    self_praise,
    third_person,
    unshown_concepts,
    word_count,
    wrong_language,
)

LANGUAGE = "language"
DUPLICATE = "duplicate"  # a description that repeats a bullet, back to the source's own


class RuledItem(AdaptedItem):
    fallbacks: list[str] = Field(default_factory=list)
    restored: list[str] = Field(default_factory=list)  # source bullets put back (keep.py)


class RuledExtras(AdaptedExtras):
    fallbacks: list[str] = Field(default_factory=list)


class RuledSummary(Summary):
    fallbacks: list[str] = Field(default_factory=list)


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
        break no rule (the CV's language, no "I", no name), within the word limit; else one
        line of facts in the CV's language (``offline.factual_summary``). Never a source
        summary in another language, nor the author's "I" in a CV that speaks without one."""
        kept = _within_limit(sentences(self.source.summary), self)
        if kept and guess_language(kept, "") in ("", self.language):
            return kept  # (a blob of headings and names passes sentence by sentence)
        return factual_summary(
            self.source.header.current_title, self.source.experience, self.language
        )

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


def guard_item_language(
    out: AdaptedItem, source: Experience | Project, rules: TextRules
) -> tuple[RuledItem, Checked]:
    """Bullets and description in the target language, without first person or praise the
    CV lacks; else the source's own."""
    bad: list[str] = []
    fallbacks: list[str] = []
    broken = {b: _item_problems("bullet", b, rules, None) for b in out.bullets}
    spare = Fallbacks(list(source.bullets), [b for b in out.bullets if not broken[b]])
    bullets: list[str] = []
    for bullet in out.bullets:
        if not broken[bullet]:
            bullets.append(bullet)
            continue
        original = spare.take(bullet)
        found = _item_problems("bullet", bullet, rules, original)
        bad += [message for _, message in found]
        fallbacks += list(dict.fromkeys(rule for rule, _ in found))
        if original is not None and original not in bullets:
            bullets.append(original)
    if not bullets and source.bullets:
        bullets = list(source.bullets)
    unique = _first_of_each(bullets)
    if len(unique) < len(bullets):  # the same bullet written twice (or four times) says it once
        bullets = unique
        fallbacks.append(DUPLICATE)
    description = out.description
    found = (
        _item_problems("description", description, rules, source.description or None)
        if description
        else []
    )
    if found:
        bad += [message for _, message in found]
        fallbacks += list(dict.fromkeys(rule for rule, _ in found))
        description = source.description
    if description != source.description and _repeats(description, bullets):
        # The model copied a bullet into the description: the CV would say it twice.
        description = source.description
        fallbacks.append(DUPLICATE)
    cleaned = RuledItem(
        id=out.id, description=description, bullets=bullets, skills=out.skills, fallbacks=fallbacks
    )
    return cleaned, Checked(ok=0, bad=bad)


def _first_of_each(bullets: list[str]) -> list[str]:
    """The bullets in order, each said once (compared without case, accents or spacing)."""
    seen: set[str] = set()
    kept = []
    for bullet in bullets:
        if squash(bullet) not in seen:
            seen.add(squash(bullet))
            kept.append(bullet)
    return kept


def _repeats(description: str, bullets: list[str]) -> bool:
    """The description says again what one of the bullets says (or the reverse)."""
    text = squash(description)
    return any(
        (line := squash(b)) and (line in text or (len(text) > 20 and text in line)) for b in bullets
    )


def _item_problems(
    field: str, text: str, rules: TextRules, source: str | None
) -> list[tuple[str, str]]:
    """(rule, violation) of one bullet or description; the source sentence, when known, is
    named so the repair round rewrites from it."""
    found = rules.writing_problems(field, text)
    if found and source:
        hint = f" (rewrite it from this source sentence only: {source!r})"
        found = [(rule, message + hint) for rule, message in found]
    language = rules.language_problem(field, text, source)
    if language is not None:
        found.append((LANGUAGE, language))
    return found


def guard_extras_rules(out: AdaptedExtras, rules: TextRules) -> tuple[RuledExtras, Checked]:
    """Descriptions in the target language, without first person, praise or skills the CV
    never shows; else the source's own description."""
    by_id = {e.id: e for e in _extra_items(rules.source)}
    bad: list[str] = []
    fallbacks: list[str] = []
    items: list[AdaptedExtraItem] = []
    for item in out.items:
        original = by_id.get(item.id)
        if original is None or not item.description:
            items.append(item)
            continue
        field = f"description of {original.name or item.id!r}"
        broken = _extra_problems(field, item.description, rules)
        if broken:
            bad += [message for _, message in broken]
            fallbacks += list(dict.fromkeys(rule for rule, _ in broken))
            item = AdaptedExtraItem(id=item.id, description=original.description)
        items.append(item)
    cleaned = RuledExtras(items=items, interests=out.interests, fallbacks=fallbacks)
    return cleaned, Checked(ok=0, bad=bad)


def _extra_problems(field: str, text: str, rules: TextRules) -> list[tuple[str, str]]:
    found = rules.writing_problems(field, text)
    language = rules.language_problem(field, text)
    if language is not None:
        found.append((LANGUAGE, language))
    unshown = [] if rules.exempt(text) else unshown_concepts(text, rules.source_text)
    if unshown:
        found.append(
            (
                "unshown",
                f"{field} {text!r} names {', '.join(unshown)}, which the source CV does not "
                "show: describe only what the source says of this item",
            )
        )
    return found


def guard_summary_rules(out: Summary, rules: TextRules) -> tuple[RuledSummary, Checked]:
    """No first person, no praise the CV lacks, the target language, at most
    ``SUMMARY_MAX_WORDS`` words. A broken summary keeps its sentences that pass, within the
    limit; with none, ``TextRules.summary_fallback``."""
    text = out.summary.strip()
    if rules.exempt_summary(text):
        return RuledSummary(summary=out.summary), Checked(ok=0, bad=[])
    broken: list[tuple[str, str]] = []
    for part in sentences(text):
        broken += _sentence_problems(part, rules)
    words = word_count(text)
    if words > SUMMARY_MAX_WORDS and not all(rules.exempt(p) for p in sentences(text)):
        broken.append(
            (
                "word_limit",
                f"the summary has {words} words: write at most {SUMMARY_MAX_WORDS} words",
            )
        )
    if not broken:
        return RuledSummary(summary=out.summary), Checked(ok=0, bad=[])
    kept = _within_limit(sentences(text), rules)
    cleaned = RuledSummary(
        summary=kept or rules.summary_fallback,
        fallbacks=list(dict.fromkeys(rule for rule, _ in broken)),
    )
    return cleaned, Checked(ok=0, bad=[message for _, message in broken])


def _sentence_problems(part: str, rules: TextRules) -> list[tuple[str, str]]:
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


def _within_limit(parts: list[str], rules: TextRules) -> str:
    """The sentences that break no rule, in order, as long as they fit the word limit."""
    kept: list[str] = []
    words = 0
    for part in parts:
        count = word_count(part)
        if _sentence_problems(part, rules) or words + count > SUMMARY_MAX_WORDS:
            continue
        kept.append(part)
        words += count
    return " ".join(kept)


def _extra_items(cv: CvContent) -> Iterable[ExtraItem]:
    extras = cv.extras
    for group in (extras.certifications, extras.awards, extras.volunteering, extras.publications):
        yield from group
