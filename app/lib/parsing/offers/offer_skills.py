"""Skills a job offer asks for, as the offer writes them.

Four sources, in this order: a labelled "Compétences : a, b" line; the skills vocabulary
(``app/lib/parsing/fields/skills_vocab.py``) found in the job's own sections (not in the company,
benefits or process text, which describe the employer); the job terms of the matcher's concept
vocabulary (``app/lib/matching/vocabulary.py``) in the requirements, wherever the ad put them,
copied as the ad words them ("votre gestion des priorités" → "gestion des priorités"; not in the
missions: the matcher reads those itself, and a skill list is what the ad asks for); and
phrases of the requirements themselves (``app/lib/parsing/offers/offer_phrases.py``), so that
skills no
vocabulary lists are kept.
"""

from __future__ import annotations

import re

from app.lib.matching.vocabulary import default_vocabulary
from app.lib.parsing.dates.date_tokens import fold_dates, tokens
from app.lib.parsing.fields.skills_vocab import find_skill_spans
from app.lib.parsing.offers.offer_degrees import degrees_in
from app.lib.parsing.offers.offer_missions import mission_objects
from app.lib.parsing.offers.offer_phrases import after_cues, phrase_key, requirement_phrases
from app.lib.parsing.offers.offer_sections import OfferSections, section_items
from app.lib.parsing.sections.headings import match_heading
from app.lib.parsing.text.text import clean, split_items
from app.lib.text_forms import fold

OTHER_SECTIONS = ("company", "benefits", "process")
MAX_SKILLS = 40
MIN_JOB_SHARE = 0.25  # below this share of the ad in job sections, headings were lost


def _job_scope(sections: OfferSections, text: str) -> tuple[str, list[str]]:
    """The text to look for skills in, and the requirement items to read phrases from.

    When headings were lost (an ad whose job text sits under "Our culture"), the job sections
    hold little of the ad: then the whole ad but its benefits and process parts is read."""
    job_lines = sections.lines_outside(OTHER_SECTIONS)
    job_chars = sum(len(line) for line in job_lines if line.strip())
    if job_chars >= MIN_JOB_SHARE * len(text):
        return "\n".join(job_lines), section_items(sections.get("requirements"))
    kept = sections.lines_outside(("benefits", "process"))
    return "\n".join(kept), []


# The employer speaking of itself ("notre secteur géographique", "our values") and what an ad
# says of the candidates it takes ("Débutant accepté", "Juniors welcome") are no skills.
EMPLOYER_POSSESSIVE = frozenset({"notre", "nos", "our"})
ACCEPTANCE_RE = re.compile(r"\b(?:accepte(?:e|s|es)?|accepted|bienvenue?s?|welcome)\b")


# A listing's values that name no skill, whatever their label ("Date de publication : jeudi
# 4 août 2022", "Référence : UMR8617-PATJEA-056", "Expérience souhaitée : Indifférent"): a date
# with its month (the date reader's own tokens: "Windows Server 2019" holds none), a reference
# code (parts joined by hyphens, three digits at least: "ISO 9001" or "S3/EC2" are no codes),
# an answer of no preference.
REFERENCE_CODE_RE = re.compile(r"^(?=(?:[^\d]*\d){3})[A-Za-z0-9]+(?:-[A-Za-z0-9]+){2,}$")
NO_PREFERENCE_RE = re.compile(r"^(?:indifferente?s?|pas de preference|no preference|n/?a)$")


def _listing_value(phrase: str) -> bool:
    if any(token.kind == "month" for token in tokens(fold_dates(phrase))):
        return True
    return bool(
        REFERENCE_CODE_RE.match(phrase.strip()) or NO_PREFERENCE_RE.match(fold(phrase).strip(" ."))
    )


def _not_a_skill(phrase: str) -> bool:
    """Besides the above, a word that is itself a section heading ("Rémunération"; a longer
    heading may be a skill: "compensation and benefits"), and a listing's value
    (``_listing_value``)."""
    folded = fold(phrase)
    first = folded.split()[0] if folded.split() else ""
    return (
        first in EMPLOYER_POSSESSIVE
        or bool(ACCEPTANCE_RE.search(folded))
        or (len(folded.split()) == 1 and match_heading(phrase, offer=True) is not None)
        or _listing_value(phrase)
    )


def _terms(items: list[str]) -> list[str]:
    """The concept vocabulary's job terms in the items, as the ad words them."""
    vocabulary = default_vocabulary()
    return [item[start:end] for item in items for start, end, _ in vocabulary.spans_in(item)]


def offer_skills(
    sections: OfferSections,
    labelled: str,
    text: str,
    *,
    company: str = "",
    requirements: list[str] | None = None,
    missions: list[str] | None = None,
) -> list[str]:
    """The offer's skills; words of the company's name ("Acme Logistique") are not skills.
    ``requirements``: the ad's requirement items wherever they sit (``offer_cues.py``); by
    default those of its requirement section; ``missions``: its mission items, whose verbs'
    objects name what the job handles (``offer_missions.py``)."""
    scope, in_section = _job_scope(sections, text)
    if company:
        scope = re.sub(re.escape(company), lambda m: " " * len(m.group(0)), scope, flags=re.I)
    found = split_items(labelled) if labelled else []
    found += [scope[start:end] for start, end, _ in find_skill_spans(scope)]
    asked = in_section if requirements is None else requirements
    found += _terms(asked)
    found += requirement_phrases(asked)
    found += [degree for item in asked for degree in degrees_in(item)]
    found += mission_objects(missions or [])
    if not in_section:  # no requirement section: only the cue phrases of the whole ad
        found += [p for item in section_items(scope.split("\n")) for p in after_cues(item)]
    skills: list[str] = []
    seen = {fold(word) for word in company.split()} | {fold(company)}  # the employer is no skill
    for skill in found:
        key = phrase_key(skill)
        if key and key not in seen and not _not_a_skill(skill):
            seen.add(key)
            skills.append(clean(skill))
    return skills[:MAX_SKILLS]
