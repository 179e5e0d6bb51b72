"""The mailbox feature's words, declared once: the evidence codes a link stores, the failure
codes a read stores, and the kinds of reply; each with its sentence, rendered in the reader's
language (the rows keep the codes and their values)."""

from __future__ import annotations

from app.db.models import ApplicationStatus, ReplyKind
from app.lib.i18n import N_, gettext

EVIDENCE = {
    "thread": N_("it answers a message already tied to this application"),
    "contact": N_("it comes from the application's contact (%(sender)s)"),
    "domain_url": N_("the sender's domain is the offer page's (%(domain)s)"),
    "domain_company": N_("the sender's domain is the company's name (%(domain)s)"),
    "reference": N_("it quotes the offer's reference %(reference)s"),
    "title_subject": N_("its subject names the job (“%(title)s”)"),
    "title_body": N_("its text names the job (“%(title)s”)"),
    "company_name": N_("it names the company (%(company)s)"),
}
KINDS = {
    ReplyKind.ACKNOWLEDGEMENT: N_("Acknowledgement"),
    ReplyKind.INTERVIEW: N_("Interview invitation"),
    ReplyKind.REJECTION: N_("Rejection"),
    ReplyKind.OFFER: N_("Offer"),
    ReplyKind.OTHER: N_("Other message"),
}
# The status each kind of reply moves a card to.
TARGET = {
    ReplyKind.ACKNOWLEDGEMENT: ApplicationStatus.APPLIED,
    ReplyKind.INTERVIEW: ApplicationStatus.INTERVIEW,
    ReplyKind.REJECTION: ApplicationStatus.REJECTED,
    ReplyKind.OFFER: ApplicationStatus.OFFER,
}
READ_ERRORS = {
    "connect": N_("The mail server could not be reached."),
    "tls": N_("The secure connection to the mail server failed."),
    "login": N_("The mail server refused the login or the app password."),
    "folder": N_("The mail server has no such folder."),
    "protocol": N_("The mail server answered something unexpected."),
    "address": N_("The mail server's address is not allowed from this site."),
    "secret": N_("The app password can no longer be read: enter it again."),
}


def evidence_sentences(evidence: list[dict[str, str]]) -> list[str]:
    """Each stored piece of evidence as a sentence in the reader's language."""
    sentences = []
    for item in evidence:
        message = EVIDENCE.get(item.get("code", ""))
        if message is not None:
            values = {k: v for k, v in item.items() if k != "code"}
            sentences.append(gettext(message, **values))
    return sentences


def kind_label(kind: str) -> str:
    message = KINDS.get(ReplyKind(kind)) if kind in set(ReplyKind) else None
    return gettext(message) if message else kind


def read_error(code: str | None) -> str:
    message = READ_ERRORS.get(code or "")
    return gettext(message) if message else ""
