"""What an employer's reply says, by rules, in French and English: an acknowledgement, an
interview invitation (with its date when it gives one), a rejection, an offer, or other.

Each kind has cue phrases (matched on the folded text: app/lib/text_forms.py). The rules are
deliberately strict about being *sure*: one kind's cues and no other's (an acknowledgement's
polite opening does not count against a rejection, which usually starts with one). Two kinds
at once, a kind whose only cue is a weak one, or words of a change of plan ("reschedule",
"décaler") make it unsure: the reply goes to the review list, never moves a card by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from app.db.models import ReplyKind
from app.lib.html_time import WALL_CLOCK_ZONE
from app.lib.parsing.dates.date_tokens import MONTHS
from app.lib.text_forms import fold

# The date a reply names is in the employer's wall-clock time; without a zone in the text, the
# app's wall-clock zone is assumed (app/lib/html_time.py), so the user sees the time as written.
DEFAULT_ZONE = WALL_CLOCK_ZONE
STRONG, WEAK = 2, 1

CUES: dict[ReplyKind, tuple[tuple[str, int], ...]] = {
    ReplyKind.REJECTION: (
        (r"malheureusement", WEAK),
        (r"unfortunately", WEAK),
        (r"(?:pas|ne) (?:pu )?(?:donner|donne) (?:une )?suite", STRONG),
        (r"ne pas donner (?:une )?suite", STRONG),
        (r"n'a pas ete retenue?", STRONG),
        (r"pas ete retenue?", STRONG),
        (r"(?:avons|a) retenu (?:un autre|une autre|d'autres)", STRONG),
        (r"regret(?:tons)? de vous (?:informer|annoncer)", STRONG),
        (r"ne correspond pas (?:a nos|au profil)", STRONG),
        (r"regret to inform", STRONG),
        (r"not (?:be )?(?:moving|move) forward", STRONG),
        (r"decided to (?:pursue|proceed with|move forward with) other", STRONG),
        (r"(?:have|has) not been (?:selected|successful)", STRONG),
        (r"were not selected|was not selected|unsuccessful", STRONG),
        (r"position has been filled|poste (?:a ete|est) pourvu", STRONG),
        (r"au regret de ne (?:pas )?pouvoir|(?:pas|ne) .{0,20}suite favorable", STRONG),
        (r"(?:not|n't) be proceeding|not proceeding with your application", STRONG),
        (r"(?:no longer|not currently) (?:open|available|hiring)", WEAK),
    ),
    ReplyKind.OFFER: (
        (r"(?:pleased|happy|delighted|excited|thrilled) to offer you", STRONG),
        (r"congratulations|felicitations", WEAK),
        (r"offer letter|job offer for you|extend (?:you )?an offer|formal offer", STRONG),
        (r"proposition (?:d'embauche|de contrat)|promesse d'embauche", STRONG),
        (r"(?:plaisir|heureux|heureuse|ravis?) de vous (?:proposer|faire une proposition)", STRONG),
        (r"lettre d'engagement|contrat de travail (?:ci-joint|en piece jointe)", STRONG),
        (r"salary|remuneration|salaire", WEAK),
    ),
    ReplyKind.INTERVIEW: (
        (r"invite you (?:to|for) an? (?:interview|call|meeting)", STRONG),
        (r"(?:schedule|arrange|set up|book) an? (?:interview|call)", STRONG),
        (r"interview (?:invitation|on|at)|invitation to (?:an )?interview", STRONG),
        (r"would (?:like|love) to (?:meet|speak with|talk with) you", STRONG),
        (r"(?:inviter|convier|convoquer) a un entretien|invitation a un entretien", STRONG),
        (r"(?:fixer|planifier|organiser|caler) un (?:entretien|rendez-vous|echange)", STRONG),
        (r"vous rencontrer|vous proposer un entretien|entretien (?:le|prevu|aura lieu)", STRONG),
        (r"confirm\w* (?:notre|votre|le|our|your) (?:rendez-vous|appointment|meeting)", STRONG),
        (r"(?:meet|speak with|talk to) (?:the|our) (?:team|hiring manager)", STRONG),
        (r"\brendez-vous\b|\bnext round\b", WEAK),
        (r"\binterview\b|\bentretien\b", WEAK),
    ),
    ReplyKind.ACKNOWLEDGEMENT: (
        (r"(?:we have|we've) received your application", STRONG),
        (r"thank you for (?:applying|your application|your interest)", WEAK),
        (r"thanks for (?:applying|your application)", WEAK),
        (r"application (?:has been )?received|received your (?:cv|resume)", STRONG),
        (r"(?:avons|a) bien recu votre (?:candidature|cv|dossier)", STRONG),
        (r"accuse de reception", STRONG),
        (r"votre candidature a (?:bien )?ete (?:recue|enregistree|transmise)", STRONG),
        (r"merci (?:pour|de) votre candidature|merci de l'interet", WEAK),
        (r"(?:reviewing|review) your application|etudions votre candidature", WEAK),
    ),
}
# What a rejection or an offer opens with: no contradiction with them.
POLITE = {ReplyKind.ACKNOWLEDGEMENT}
# Words that put a reply's plain reading in doubt: an appointment moved is no rejection.
DOUBTS = re.compile(
    r"reschedul|postpone|new date|another date|reporter|decaler|deplace|nouvelle date|"
    r"autre date|annul|cancel"
)


@dataclass(frozen=True, slots=True)
class Classification:
    kind: ReplyKind
    sure: bool
    cues: tuple[str, ...]  # the phrases found, for the history and the tests
    interview_at: datetime | None = None


def _found(text: str) -> dict[ReplyKind, list[tuple[str, int]]]:
    found: dict[ReplyKind, list[tuple[str, int]]] = {}
    for kind, cues in CUES.items():
        for pattern, weight in cues:
            match = re.search(pattern, text)
            if match:
                found.setdefault(kind, []).append((match.group(0), weight))
    return found


def classify(subject: str, text: str, received: datetime | None = None) -> Classification:
    folded = " ".join(fold(f"{subject}\n{text}").replace("’", "'").split())
    found = _found(folded)
    strength = {kind: sum(w for _, w in cues) for kind, cues in found.items()}
    # The strongest kind among the decisive ones (everything but the polite opening).
    decisive = {k: s for k, s in strength.items() if k not in POLITE}
    if not decisive and not strength:
        return Classification(ReplyKind.OTHER, True, ())
    if decisive:
        kind = max(decisive, key=lambda k: (decisive[k], _RANK[k]))
        rivals = [k for k, s in decisive.items() if k != kind and s >= STRONG]
    else:
        kind, rivals = ReplyKind.ACKNOWLEDGEMENT, []
    cues = tuple(c for c, _ in found[kind])
    sure = strength[kind] >= STRONG and not rivals and not DOUBTS.search(folded)
    when = None
    if kind == ReplyKind.INTERVIEW:
        when = interview_date(folded, (received or datetime.now(UTC)).date())
    return Classification(kind, sure, cues, when)


# When two decisive kinds are as strong: the one that ends the matter wins the tie.
_RANK = {
    ReplyKind.REJECTION: 4,
    ReplyKind.OFFER: 3,
    ReplyKind.INTERVIEW: 2,
    ReplyKind.ACKNOWLEDGEMENT: 1,
    ReplyKind.OTHER: 0,
}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_NAMES = (
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday),?\s+)?"
)
_DATE = re.compile(
    rf"(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}}))"
    rf"|(?P<num>(?P<na>\d{{1,2}})/(?P<nb>\d{{1,2}})(?:/(?P<ny>\d{{4}}|\d{{2}}))?)"
    rf"|{_DAY_NAMES}(?P<dm>(?P<dd>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{_MONTH})\.?"
    rf"(?:,?\s+(?P<dy>\d{{4}}))?)"
    rf"|{_DAY_NAMES}(?P<md>(?P<mdm>{_MONTH})\.?\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<mdy>\d{{4}}))?)"
)
_TIME = re.compile(
    r"^[\s,]*(?:a|at|vers|from|de|des|,)?\s*(?P<h>\d{1,2})\s*(?:(?:h|:)\s*(?P<m>\d{2})?|"
    r"(?P<ampm>[ap]\.?m\.?))(?:\s*(?P<ampm2>[ap]\.?m\.?))?"
)


def _build(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_of(match: re.Match[str], reference: date) -> date | None:
    if match["iso"]:
        return _build(int(match["iy"]), int(match["im"]), int(match["id"]))
    if match["num"]:
        day, month = int(match["na"]), int(match["nb"])  # day first, as in French and British
        year = int(match["ny"]) if match["ny"] else None
    elif match["dm"]:
        day, month = int(match["dd"]), MONTHS[match["dmm"]]
        year = int(match["dy"]) if match["dy"] else None
    else:
        day, month = int(match["mdd"]), MONTHS[match["mdm"]]
        year = int(match["mdy"]) if match["mdy"] else None
    if year is not None:
        return _build(year + (2000 if year < 100 else 0), month, day)
    # No year: the next such day from the message's own date (an invitation looks ahead).
    for candidate_year in (reference.year, reference.year + 1):
        found = _build(candidate_year, month, day)
        if found is not None and found >= reference - timedelta(days=1):
            return found
    return None


def _time_after(text: str) -> time | None:
    match = _TIME.match(text)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["m"] or 0)
    ampm = (match["ampm"] or match["ampm2"] or "").replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def interview_date(folded: str, reference: date) -> datetime | None:
    """The first date (and time, when one follows it) in the folded text that lies from the
    message's day to a year after it; 09:00 when no time is written."""
    for match in _DATE.finditer(folded):
        day = _day_of(match, reference)
        if day is None or not reference - timedelta(days=1) <= day <= reference + timedelta(366):
            continue
        at = _time_after(folded[match.end() : match.end() + 30]) or time(9, 0)
        return datetime.combine(day, at, tzinfo=DEFAULT_ZONE).astimezone(UTC)
    return None
