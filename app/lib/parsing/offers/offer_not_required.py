"""Lines an ad lists among what it asks that ask nothing of the candidate: the pay, the
benefits, the hiring process and the employer speaking of itself (EN/FR).

The match page lists requirements as must-haves the user may lack, so "Salaire : 30 000 €",
"Unlimited vacation", "Nous vous contacterons sous 15 jours" or "Depuis notre origine, nous
marquons notre différence" there are noise that reads as a gap. Each is recognised by its
shape — an amount of money, a short benefit, the process's words, a first-person-plural
sentence that neither addresses the candidate nor names what a candidate brings.
"""

from __future__ import annotations

import re

from app.lib.text_forms import fold

MONEY_RE = re.compile(
    r"\d[\d\s.,]*\s?(?:€|k€|k\b|\$|£|euros?\b)|[€$£]\s?\d|"
    r"(?i:\b(?:salaire|salary|r[ée]mun[ée]ration|package salarial|pay range|compensation)\b)"
)
# "Rémunération : …", "Salary: …": the pay, whatever else the line goes on to say.
PAY_LABEL_RE = re.compile(
    r"(?i)^(?:votre )?(?:salaire|salary|r[ée]mun[ée]ration|compensation|pay(?: range)?|"
    r"package(?: salarial)?)\s*:"
)
BENEFIT_RE = re.compile(
    r"(?i)\b(?:vacation|paid time off|pto|stock options?|equity|health (?:coverage|insurance)|"
    r"dental|401k|pension|bonus(?:es)?|perks?|mutuelle|tickets? restaurants?|"
    r"cong[ée]s pay[ée]s|rtt|prime(?:s)?|int[ée]ressement|participation|comit[ée] d'entreprise|"
    r"gym|free (?:lunch|snacks|coffee)|company events?|work from anywhere)\b"
)
BENEFIT_MAX_WORDS = 6
PROCESS_RE = re.compile(
    r"(?i)\b(?:nous vous contacterons|we will (?:contact|reach out)|will be contacted|"
    r"entretiens?\b.*\b(?:t[ée]l[ée]phonique|visio)|premier [ée]change|dossier de candidature|"
    r"étudie toutes les candidatures|considers? all (?:qualified )?applicants|"
    r"equal opportunity|diversit[ée] et du handicap|interview process)"
)
# A bilingual ad's switch to its other copy ("*English below*", "Version française").
LANGUAGE_SWITCH_RE = re.compile(
    r"(?i)^\W*(?:(?:scroll down for |see |version )?(?:english|anglais|fran[çc]ais|french)"
    r"(?: below| version| ci-dessous| plus bas)?)\W*$"
)
_WE = re.compile(r"(?i)\b(?:we|our|us|nous|notre|nos)\b")
_YOU = re.compile(r"(?i)\b(?:you|your|vous|votre|vos|tu|ton|tes)\b")
# What a requirement names even in the employer's voice ("our stack is Kotlin: experience…").
_ASKS = re.compile(
    r"(?i)\b(?:experience|exp[ée]rience|skills?|comp[ée]tences?|knowledge|connaissances?|"
    r"degree|dipl[ôo]me|bac\s?\+|ma[iî]trise|proficien\w*|required|requis|must|exig\w*|"
    r"language|langue|years?|ans)\b"
)


def asks_nothing(item: str) -> bool:
    """``item`` is the pay, a benefit, the hiring process or the employer about itself."""
    text = item.strip()
    if not text:
        return True
    words = len(text.split())
    if PAY_LABEL_RE.match(text) or LANGUAGE_SWITCH_RE.match(text):
        return True
    if MONEY_RE.search(text) and not _ASKS.search(fold(text)):
        return True
    if BENEFIT_RE.search(text) and words <= BENEFIT_MAX_WORDS:
        return True
    if PROCESS_RE.search(text):
        return True
    return bool(_WE.search(text)) and not _YOU.search(text) and not _ASKS.search(text)
