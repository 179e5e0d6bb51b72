"""Contract type of a job offer, in the offer's own words ("CDI", "Stage", "Full-Time",
"Fixed-term contract").

A contract *kind* (CDI, internship, apprenticeship, freelance…) says more than a *schedule*
(full-time, temps plein), so the first kind the ad names wins and a schedule is the fallback.
Words that are also ordinary words need context: "stage" is a contract only in French ("early
stage" is not), "apprentissage automatique" is machine learning, "VIE" in a capitalised line
is "vie", and "contract" alone is a noun unless it qualifies the job ("contract role").
"""

from __future__ import annotations

import re

# Kinds, matched case-insensitively unless written in capitals here.
_KINDS_ANY = (
    r"\bCDI\b|\bCDD\b|\bV\.I\.E\.?|\bfreelance\b|\bfree-lance\b|\bint[ée]rim(?:aire)?\b|"
    r"\bcontrat de professionnalisation\b|\bcontrat d'apprentissage\b|\bportage salarial\b|"
    r"\bcontrat (?:à|a) dur[ée]e (?:in)?d[ée]termin[ée]e\b"
)
_KINDS_FR = (
    r"\bstage\b|\balternance\b|"
    r"\bapprentissage\b(?!\s+(?:automatique|profond|supervis|non supervis|par renforcement))"
)
_KINDS_EN = (
    r"\binternship\b|\bintern\b|\bapprenticeship\b|\bpermanent (?:contract|position|role|job)\b|"
    r"\bfixed[- ]term(?: contract)?\b|\btemporary (?:contract|position|role|job|assignment)\b|"
    r"\bcontract(?:or)?[- ](?:role|position|basis|to[- ]hire|assignment)\b|\(contract\)|"
    r"\b\d+[- ]months?[- ]contract\b|"
    r"\bcontractor\b|\bseasonal(?: position| role| job)?\b"
)
_SCHEDULE = r"\bfull[- ]?time\b|\bpart[- ]?time\b|\btemps (?:plein|partiel)\b|\bmi-temps\b"
KIND_RE = re.compile(f"{_KINDS_ANY}|{_KINDS_FR}|{_KINDS_EN}", re.IGNORECASE)
ENGLISH_ONLY_RE = re.compile(_KINDS_EN, re.IGNORECASE)
FRENCH_ONLY_RE = re.compile(_KINDS_FR, re.IGNORECASE)
SCHEDULE_RE = re.compile(_SCHEDULE, re.IGNORECASE)
# Alone in a title part or a labelled field these words are the contract: "Buyer (Permanent)".
BARE_KIND_RE = re.compile(r"(?:permanent|temporary|contract|intern|temp)\b", re.IGNORECASE)
MAX_GAP = 4  # characters between a kind and its schedule: " à ", ", "
_VIE_RE = re.compile(r"(?<![\w-])VIE(?![\w-])")


FRENCH_WORDS_RE = re.compile(r"\b(?:le|la|les|des|du|un|une|et|vous|nous|pour|avec|est)\b", re.I)
ENGLISH_WORDS_RE = re.compile(r"\b(?:the|and|you|we|with|for|our|is|are|an|of)\b", re.I)


def rough_language(text: str) -> str | None:
    """ "fr" or "en" from function words, for texts too short for language detection."""
    french, english = len(FRENCH_WORDS_RE.findall(text)), len(ENGLISH_WORDS_RE.findall(text))
    return None if french == english else "fr" if french > english else "en"


def _is_ordinary_word(match: re.Match[str], line: str, language: str | None) -> bool:
    """A kind word used in its ordinary sense for this ad's language."""
    word = match.group(0)
    if language == "en" and FRENCH_ONLY_RE.fullmatch(word):
        return True
    return language == "fr" and bool(ENGLISH_ONLY_RE.fullmatch(word)) and "time" not in word


def _vie(line: str) -> re.Match[str] | None:
    """ "VIE" is the French international volunteering contract unless the line is in capitals
    (then it is just "vie", life)."""
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        return None
    return _VIE_RE.search(line)


def _with_schedule(kind: re.Match[str], line: str) -> str:
    """The kind with the schedule written next to it, as the ad words them: "CDI à temps
    plein", "full-time, permanent position"."""
    start, end = kind.span()
    for schedule in SCHEDULE_RE.finditer(line):
        gap = (
            line[schedule.end() : start]
            if schedule.end() <= start
            else line[end : schedule.start()]
        )
        if len(gap) <= MAX_GAP and not re.search(r"[.;:!?]", gap):
            start, end = min(start, schedule.start()), max(end, schedule.end())
            break
    return line[start:end].strip("()")


def contract_in(text: str, language: str | None) -> str | None:
    """The first contract kind ``text`` names, else its first schedule ("Full-Time")."""
    language = language or rough_language(text)
    for line in text.split("\n"):
        for match in KIND_RE.finditer(line):
            if not _is_ordinary_word(match, line, language):
                return _with_schedule(match, line)
        vie = _vie(line)
        if vie:
            return vie.group(0)
    schedule = SCHEDULE_RE.search(text)
    return schedule.group(0) if schedule else None


def is_contract_phrase(text: str) -> bool:
    """A title part such as "Alternance", "Stage FE", "CDI", "(Internship)": the contract glued
    to a title, at most three words starting with a kind or schedule."""
    words = text.strip(" ()[]").split()
    if not words or len(words) > 3:
        return False
    head = " ".join(words[:3])
    return bool(KIND_RE.match(head) or SCHEDULE_RE.match(head) or BARE_KIND_RE.match(head))
