"""Which application a message is about, by evidence, with how sure that is (0-100).

Each piece of evidence is a code with its values (worded by vocabulary.py) and a weight:

- ``thread``: the message answers one already tied to the application (In-Reply-To or
  References name its Message-ID) — 60;
- ``contact``: the sender is the application's contact — 60;
- ``domain_url``: the sender's domain is the offer's page's own domain (not a job board's or an
  applicant-tracking system's, which many employers share) — 50;
- ``domain_company``: the sender's domain *is* the company's name (``acme.fr`` for "Acme SAS";
  ``acme-careers.net`` or ``acrne.com`` are not) — 45;
- ``reference``: a reference the offer states (or its page's id) is in the subject or body — 40;
- ``title_subject`` / ``title_body``: the offer's title is in the subject — 35 / in the body — 25;
- ``company_name``: the company's name is in the sender's name, subject or body — 15.

A free-mail sender (gmail.com…) says nothing by its domain. The best application wins; when
another one has nearly as much evidence the link is ``ambiguous`` (the review list decides).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from app.db.models import Application, JobOffer
from app.lib.imap.message import MailMessage
from app.lib.parsing.offers.offer_company import ATS_PATH, ATS_SUBDOMAIN, JOB_BOARDS
from app.lib.text_forms import fold

WEIGHTS = {
    "thread": 60,
    "contact": 60,
    "domain_url": 50,
    "domain_company": 45,
    "reference": 40,
    "title_subject": 35,
    "title_body": 25,
    "company_name": 15,
}
AMBIGUOUS_GAP = 25  # a rival this close to the best makes the link ambiguous
FREE_MAIL = frozenset(
    (
        "gmail.com", "googlemail.com", "outlook.com", "outlook.fr", "hotmail.com", "hotmail.fr",
        "live.com", "live.fr", "msn.com", "yahoo.com", "yahoo.fr", "icloud.com", "me.com",
        "aol.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net", "gmx.com",
        "gmx.fr", "gmx.de", "proton.me", "protonmail.com", "mail.com", "yandex.com",
    )
)  # fmt: skip
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "gouv", "asso"})
_LEGAL = frozenset(
    (
        "sa", "sas", "sasu", "sarl", "eurl", "inc", "ltd", "llc", "gmbh", "ag", "bv", "nv", "plc",
        "corp", "co", "group", "groupe", "the", "le", "la", "les",
    )
)  # fmt: skip
_REFERENCE = re.compile(
    r"(?:r[ée]f(?:[ée]rence)?\.?|reference|job\s*id|req(?:uisition)?\.?\s*(?:id)?|"
    r"n°\s*d'offre|offre\s*n°)\s*[:#n°]*\s*(?P<ref>[A-Za-z0-9][A-Za-z0-9_/-]{2,30})",
    re.IGNORECASE,
)
_URL_ID = re.compile(r"(?<![A-Za-z0-9])(?:\d{5,12}|[A-Za-z]{1,6}-\d{3,10})(?![A-Za-z0-9])")


@dataclass(frozen=True, slots=True)
class Candidate:
    application: Application
    offer: JobOffer
    thread_ids: frozenset[str] = frozenset()  # Message-IDs already tied to it


@dataclass(frozen=True, slots=True)
class Link:
    application_id: str | None
    confidence: int
    evidence: list[dict[str, str]] = field(default_factory=list)  # {"code": …, values…}
    ambiguous: bool = False

    @property
    def codes(self) -> set[str]:
        return {e["code"] for e in self.evidence}


def registrable(host: str) -> str:
    """``jobs.acme.co.uk`` → ``acme.co.uk``: the part an organisation owns (no public-suffix
    list: the two-level suffixes that matter here)."""
    labels = [part for part in host.lower().strip(".").split(".") if part]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _shared_host(host: str) -> bool:
    """A job board's or applicant-tracking system's host: its mail speaks for many employers."""
    return any(host == h or host.endswith("." + h) for h in ATS_PATH + ATS_SUBDOMAIN) or any(
        board in host for board in JOB_BOARDS
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def company_key(company: str) -> str:
    """ "Acme Software SAS" → "acmesoftware": the name without its legal form, letters only."""
    words = [w for w in _words(company) if w not in _LEGAL]
    return "".join(words)


def _first_word(company: str) -> str:
    words = [w for w in _words(company) if w not in _LEGAL]
    return words[0] if words and len(words[0]) >= 4 else ""


def _domain_label(domain: str) -> str:
    return registrable(domain).split(".")[0].replace("-", "") if domain else ""


def _contains(haystack_words: str, needle: str) -> bool:
    """Whole-word containment of the folded ``needle`` in space-joined folded words."""
    words = " ".join(_words(needle))
    return bool(words) and f" {words} " in f" {haystack_words} "


def references(offer: JobOffer) -> set[str]:
    """The references the offer states ("Réf. : DEV-2291") and its page address's id."""
    found = {m["ref"].lower() for m in _REFERENCE.finditer(offer.description or "")}
    if offer.source_url:
        found |= {m.lower() for m in _URL_ID.findall(urlsplit(offer.source_url).path)}
    return {r for r in found if any(c.isdigit() for c in r)}


def evidence_for(message: MailMessage, candidate: Candidate) -> list[dict[str, str]]:
    offer, application = candidate.offer, candidate.application
    found: list[dict[str, str]] = []
    sender_domain = message.sender_domain
    if candidate.thread_ids & set(message.thread_ids):
        found.append({"code": "thread"})
    contact = (application.contact_email or "").strip().lower()
    if contact and contact == message.sender:
        found.append({"code": "contact", "sender": message.sender})
    own_domain = (
        sender_domain and sender_domain not in FREE_MAIL and not _shared_host(sender_domain)
    )
    if own_domain and offer.source_url:
        page_host = (urlsplit(offer.source_url).hostname or "").lower()
        if (
            page_host
            and not _shared_host(page_host)
            and registrable(page_host) == registrable(sender_domain)
        ):
            found.append({"code": "domain_url", "domain": registrable(sender_domain)})
    key = company_key(offer.company or "")
    by_url = bool(found) and found[-1]["code"] == "domain_url"
    # One sender domain is one piece of evidence, however many ways it matches.
    if (
        own_domain
        and key
        and not by_url
        and _domain_label(sender_domain) in {key, _first_word(offer.company)}
    ):
        found.append({"code": "domain_company", "domain": registrable(sender_domain)})
    subject_words = " ".join(_words(message.subject))
    body_words = " ".join(_words(message.text))
    refs = references(offer)
    hit = next((r for r in sorted(refs) if _contains(f"{subject_words} {body_words}", r)), None)
    if hit:
        found.append({"code": "reference", "reference": hit})
    title = offer.title or ""
    if len(_words(title)) >= 2 or len(title) >= 6:
        if _contains(subject_words, title):
            found.append({"code": "title_subject", "title": title[:120]})
        elif _contains(body_words, title):
            found.append({"code": "title_body", "title": title[:120]})
    name_words = " ".join(_words(message.sender_name))
    if (
        key
        and len(key) >= 3
        and any(
            _contains(words, offer.company) for words in (name_words, subject_words, body_words)
        )
    ):
        found.append({"code": "company_name", "company": offer.company[:120]})
    return found


def score(evidence: Iterable[dict[str, str]]) -> int:
    return min(100, sum(WEIGHTS[e["code"]] for e in evidence))


def link(message: MailMessage, candidates: list[Candidate]) -> Link:
    """The application with the most evidence, or none when nothing points anywhere."""
    scored = sorted(
        ((score(ev), c, ev) for c in candidates if (ev := evidence_for(message, c))),
        key=lambda item: -item[0],
    )
    if not scored:
        return Link(None, 0)
    best, candidate, evidence = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0
    ambiguous = runner_up > 0 and best - runner_up < AMBIGUOUS_GAP
    return Link(candidate.application.id, best, evidence, ambiguous)
