"""Synthetic probes of the offline cover letter for ``python -m bench.letter_eval`` (its section
of bench/LETTER_EVAL.md): what the four corpus pairs may never show, measured by code on the
pair fuzzer's synthetic CVs and ads (bench/tailor_fuzz.py; no corpus text).

* **The headline as an experience**: each headline misread of bench/tailor_fuzz_misreads.py (a
  place, the candidate's name, a section word, contact data) planted in a CV; the letter may
  never say "With my experience as <headline>" for a headline no job of the CV holds
  (``headline_as_experience``, bench/letter_eval_check.py).
* **The ad's language**: every probe letter (French and English CVs, French and English ads,
  crossed) is in its ad's language.
* **Names with "&", "+" or digits**: an employer named "AT&T", "3M", "4Dsoft", "C++ Factory"
  in the CV, and a line naming it or a listed skill ("C++", "C#"); the letter's fact guard must
  keep those claims whole: the sentence naming the employer is in the letter, and no dropped
  sentence names it (the offline letter quotes the CV's own lines, so every drop is an
  over-drop). The guard is also asked directly about one sentence per name.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent, Skill
from app.lib.letter_content import LetterContent
from bench.letter_eval_check import headline_as_experience, letter_language
from bench.tailor_fuzz import FuzzCase, generate, generate_misread
from bench.tailor_fuzz_misreads import FAMILIES, HEADLINE
from jobs.letters.core import wording
from jobs.letters.core.guard import LetterGuard, offer_allowed
from jobs.letters.request import LetterRequest
from jobs.letters.writer import write_letter

PAIRS_PER_FAMILY = 6  # the fuzzer's pairs 0 to 5: French and English CVs, crossed ads
NAMED_PAIRS = 8  # pairs for the names with "&", "+" or digits
NAMES = (
    "AT&T",
    "3M",
    "4Dsoft",
    "C++ Factory",
    "H&M",
    "B2B Systems",
    "Procter & Gamble",
    "7-Eleven",
)
LINES = {  # the line planted in the CV, naming the employer and two listed skills
    "en": "Built {name}'s supplier dashboards in C++ and C#",
    "fr": "Développement des tableaux de bord fournisseurs de {name} en C++ et C#",
}


def request_of(case: FuzzCase, cv: CvContent | None = None) -> LetterRequest:
    """The worker's request for a standard, formal letter of ``case`` (its source CV)."""
    offer = case.offer
    content = cv or case.source
    return LetterRequest(
        cv=content,
        offer_title=offer.title,
        offer_company=offer.company,
        offer_location=offer.location,
        offer_text=offer.description,
        offer_requirements=[str(r) for r in offer.requirements],
        offer_language=offer.language,
        length="standard",
        tone="formal",
        template="",
        today=case.today,
        source=content,
    )


@dataclass
class ProbeFigures:
    letters: int = 0
    headline_probes: int = 0
    headline_as_experience: list[str] = field(default_factory=list)  # "family: headline"
    language_off: list[str] = field(default_factory=list)  # "pair: letter / ad"
    named_letters: int = 0
    named_in_letter: int = 0  # letters whose text names the planted employer
    named_dropped: list[str] = field(default_factory=list)  # dropped sentences naming it
    guard_claims: int = 0
    guard_refused: list[str] = field(default_factory=list)  # "name (language): reason tokens"
    by_language: Counter[str] = field(default_factory=Counter)


def _named(case: FuzzCase, name: str) -> CvContent:
    """``case``'s CV with its most recent job at ``name``, a line naming it, and "C++" / "C#"
    among its skills."""
    cv = case.source
    jobs = list(cv.experience)
    first = jobs[0]
    line = LINES[case.cv_language].format(name=name)
    jobs[0] = first.model_copy(update={"company": name, "bullets": [line, *first.bullets]})
    skills = [*cv.skills]
    skills += [Skill(name=s) for s in ("C++", "C#") if s not in {k.name for k in skills}]
    return cv.model_copy(update={"experience": jobs, "skills": skills})


async def _letter(
    request: LetterRequest,
) -> tuple[str, str, list[dict[str, Any]], LetterContent]:
    letter = await write_letter(request, None)
    language, _ = letter_language(letter.content)
    dropped = list(letter.meta.get("dropped") or [])
    return letter.language, language or "?", dropped, letter.content


async def _run() -> ProbeFigures:
    figures = ProbeFigures()

    async def written(
        case: FuzzCase, cv: CvContent, label: str
    ) -> tuple[LetterContent, list[dict[str, Any]]]:
        said, read, dropped, content = await _letter(request_of(case, cv))
        figures.letters += 1
        figures.by_language[f"{case.cv_language} CV → {case.offer.language} ad"] += 1
        if read != case.offer.language or said != case.offer.language:
            figures.language_off.append(f"{label}: {read} / ad {case.offer.language}")
        return content, dropped

    for misread in FAMILIES:
        if misread.where != HEADLINE:
            continue
        for seed in range(PAIRS_PER_FAMILY):
            case, _, _value = generate_misread(misread.family, seed)
            content, _ = await written(case, case.source, f"{misread.family} {seed}")
            figures.headline_probes += 1
            said = headline_as_experience(content, case.source)
            if said:
                figures.headline_as_experience.append(f"{misread.family}: {said}")
    for seed in range(NAMED_PAIRS):
        case, name = generate(seed), NAMES[seed % len(NAMES)]
        cv = _named(case, name)
        content, dropped = await written(case, cv, f"named {seed}")
        figures.named_letters += 1
        text = "\n".join(content.paragraphs)
        figures.named_in_letter += name in text
        figures.named_dropped += [
            f"{name}: {d.get('reason')} {d.get('tokens')}"
            for d in dropped
            if name.casefold() in str(d.get("text", "")).casefold()
        ]
        # The guard alone, on the offline letter's own sentence quoting that line (in both
        # letter languages: the offline letter quotes the CV's lines as written).
        line = LINES[case.cv_language].format(name=name)
        for language in ("en", "fr"):
            guard = LetterGuard(
                cv, language, offer_allowed(case.offer.title, case.offer.company, "")
            )
            claim = wording.text(language, "exp.first_company", company=name, achievements=line)
            figures.guard_claims += 1
            for verdict in guard.check(claim):
                if not verdict.ok:
                    tokens = [t for p in verdict.problems for t in p.tokens]
                    figures.guard_refused.append(f"{name} ({language}): {tokens}")
    return figures


def run_probes() -> ProbeFigures:
    return asyncio.run(_run())


def probe_section(figures: ProbeFigures) -> list[str]:
    """The page's section (bench/LETTER_EVAL.md): counts and the synthetic names only."""
    languages = "; ".join(f"{k}: {v}" for k, v in sorted(figures.by_language.items()))
    lines = [
        "## Synthetic probes (bench/letter_probes.py)",
        "",
        "Offline letters (standard, formal) for the pair fuzzer's synthetic CVs and ads "
        "(`bench/tailor_fuzz.py`, no corpus text), measured by code: the headline misreads "
        "of `bench/tailor_fuzz_misreads.py` planted as the CV's headline; an employer named "
        "with `&`, `+` or digits and a line naming it; each letter's language against its "
        f"ad's. {figures.letters} letters ({languages}).",
        "",
        "| measured | value | target |",
        "|---|---|---|",
        f'| letters using a headline misread as an experience ("With my experience as …") | '
        f"{len(figures.headline_as_experience)} / {figures.headline_probes} | 0 |",
        f"| letters not in their ad's language | {len(figures.language_off)} / "
        f"{figures.letters} | 0 |",
        f"| letters naming the employer with `&`, `+` or digits | {figures.named_in_letter} / "
        f"{figures.named_letters} | all |",
        f"| sentences naming it dropped by the fact guard | {len(figures.named_dropped)} | 0 |",
        f"| claims naming it refused by the guard alone (`{', '.join(NAMES)}`, both languages) "
        f"| {len(figures.guard_refused)} / {figures.guard_claims} | 0 |",
    ]
    found = [*figures.headline_as_experience, *figures.language_off, *figures.named_dropped]
    found += figures.guard_refused
    if found:
        lines += ["", "Found: " + "; ".join(f"`{f}`" for f in found[:20]) + "."]
    return [*lines, ""]


if __name__ == "__main__":
    print("\n".join(probe_section(run_probes())))
