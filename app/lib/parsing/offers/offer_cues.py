"""Requirements and missions read from an ad's sentences, wherever they sit.

Headings place most of an ad's requirements, but many ads put them under a heading no table
knows ("Job Details", the role's name, "Agile"), glue them after the benefits, or use no
heading at all. So every sentence and list item outside the requirement and mission sections is
read for the grammar of a requirement — what the candidate has, is or knows ("Vous possédez un
BTS", "At least 5 years of experience required", "Must be able to lift 25 lbs", "Maîtrise
d'Excel indispensable") — or of a mission ("You will…", "Vous serez en charge de…"). The cues
are the two languages' own phrasing of a requirement, not any ad's words; the employer speaking
of itself ("We value…", "Nous sommes…", "Founded in 1987, X has…") is never one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.lib.text_forms import fold

# The employer speaking of itself (folded text at the sentence's start).
COMPANY_VOICE = re.compile(
    r"^(?:(?:here |chez \S+ |at \S+ )?(?:we|our|us|nous|notre|nos|on)\b|(?:here|ici)\b)"
)
# The employer's facts about itself, whoever the sentence's subject: "Founded in 1987, X has 35
# years of experience", "X emploie 1 200 personnes" — the years there are the company's.
EMPLOYER_FACTS = re.compile(
    r"\b(?:founded|fondee?|creee? en|established in|headquartered|siege|since (?:18|19|20)\d\d|"
    r"depuis (?:18|19|20)\d\d|employs|emploie|compte (?:plus de )?\d|"
    r"\d[\d ,.]* (?:employees|people|salaries|collaborateurs|personnes))"
)
# A requirement, said of the candidate whatever the section: what they have, are or hold.
STRONG_REQUIREMENT = re.compile(
    r"\b(?:"
    r"vous (?:possedez|avez|maitrisez|disposez|justifiez|parlez|savez|connaissez|etes "
    r"(?!accompagn|form|integr|rattach|amene|charge|responsable|en charge|invit|le bienvenu|"
    r"la bienvenue|libre))"
    r"|you (?:have|hold|bring|possess|speak|are (?:a|an|able|fluent|comfortable|familiar))"
    r"|must (?:be|have|possess|hold)|should (?:be|have)|(?:ability|able) to|capacite a|aptitude"
    # A profile list's item opening on what the candidate can do: "Savoir animer", "Faire
    # preuve de rigueur", "Être capable de…" (not "en savoir plus").
    r"|^savoir\s(?!plus\b)|^faire preuve|capable (?:de|d'|of)"
    r"|bachelor|master'?s|degree|diploma|phd|high school|titulaire|diplome|"
    r"bac ?\+ ?\d|\b(?:bac|bts|dut|but|cap|bep|licence)\b"
    r")"
)
# Words that make a requirement of a sentence about the job, but that the employer's own text
# uses too ("40 ans d'expérience", "la maîtrise de la durabilité", "any required training"):
# read outside the company, benefits and process sections, and never in a mission.
REQUIREMENT = re.compile(
    r"\b(?:"
    r"required|requis|exigee?s?|indispensables?|imperati(?:f|ve)s?|obligatoires?|preferred|"
    r"desirable|beneficial|(?:is )?a plus|un plus|atouts?|is an asset|nice to have|souhaitee?s?|"
    r"(?:is )?a must|must-have|hands-on|"
    r"appreciee?s?"
    r"|(?:experience|knowledge|proficiency|familiarity|understanding) (?:of|in|with)"
    r"|(?:experience|connaissances?|maitrise|notions?) (?:de|du|des|en|dans|d')"
    r"|\d+\+? ?(?:years?|yrs|ans?|annees?)(?: of| d'| de)? ?(?:experience|industry)"
    r")"
)
MISSION = re.compile(
    r"\b(?:you will|you'll|your (?:role|mission|missions) (?:is|are|will)|"
    r"vous (?:serez|aurez|devrez|assurerez|participerez|prendrez|gererez|piloterez|"
    r"interviendrez|accompagnerez|travaillerez|realiserez|contribuerez|animerez|etes charge|"
    r"etes en charge|etes responsable)|responsible for|responsable (?:de|du|des|d')|"
    r"en charge (?:de|du|des|d'))"
)
MIN_WORDS = 3
MAX_WORDS = 60  # longer is a paragraph the split missed: too vague to stand as one requirement


def _usable(sentence: str) -> str | None:
    words = sentence.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return None
    folded = fold(sentence).strip(" -•*")
    return None if COMPANY_VOICE.match(folded) else folded


def is_requirement(sentence: str, *, employer_text: bool = False, company: str = "") -> bool:
    """``employer_text``: the sentence sits in the employer's text (company, benefits,
    process) or in the missions, where only the strong cues count; a sentence naming the
    ``company`` is the employer's."""
    folded = _usable(sentence)
    if folded is None or (len(company) >= 3 and fold(company) in folded):
        return False
    if STRONG_REQUIREMENT.search(folded):
        return True
    if employer_text or MISSION.search(folded) or EMPLOYER_FACTS.search(folded):
        return False
    return bool(REQUIREMENT.search(folded))


def is_mission(sentence: str) -> bool:
    folded = _usable(sentence)
    return folded is not None and bool(MISSION.search(folded)) and not is_requirement(sentence)


def requirements_in(
    items: Iterable[str],
    known: Iterable[str] = (),
    *,
    employer_text: bool = False,
    company: str = "",
) -> list[str]:
    """The items that state a requirement, in order, without those already ``known``."""
    found = [i for i in items if is_requirement(i, employer_text=employer_text, company=company)]
    return distinct(found, known)


def missions_in(items: Iterable[str], known: Iterable[str] = ()) -> list[str]:
    return distinct([i for i in items if is_mission(i)], known)


def distinct(items: Iterable[str], known: Iterable[str] = ()) -> list[str]:
    """Each item once, in order (accents and case aside), and none of those ``known``."""
    seen = {fold(k) for k in known}
    out: list[str] = []
    for item in items:
        key = fold(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
