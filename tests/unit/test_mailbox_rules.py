"""The reply reader's pure steps: the bounded MIME reader, the FR/EN rules (kinds and the
interview's date), the evidence linking (lookalike domains, job boards, free mail), the decision,
and every synthetic reply of tests/fixtures/reply_mails.py ending where it should."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from app.db.models import ApplicationStatus, ReplyKind, ReplyState
from app.domain.mailbox.classify import classify
from app.domain.mailbox.decide import decide, target_for
from app.domain.mailbox.linking import Link, company_key, link, references, registrable
from app.lib.imap import message as mime
from app.lib.imap.message import read_message
from bench.mailbox_bench import all_cases, board, report, run
from tests.fixtures.reply_mails import BY_KEY, kind_mail, mail

RECEIVED = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("subject", "text", "kind", "sure"),
    [
        ("Candidature", "Nous avons bien reçu votre candidature.", "acknowledgement", True),
        ("Application", "We have received your application for the role.", "acknowledgement", True),
        ("Merci", "Merci pour votre candidature.", "acknowledgement", False),
        ("Entretien", "Nous aimerions vous rencontrer le 3 décembre.", "interview", True),
        ("Hi", "We'd like to schedule an interview with you.", "interview", True),
        ("Réponse", "Malheureusement, votre candidature n'a pas été retenue.", "rejection", True),
        (
            "Update",
            "We regret to inform you that we will not be moving forward.",
            "rejection",
            True,
        ),
        ("Offre", "Nous avons le plaisir de vous proposer le poste.", "offer", True),
        ("Offer", "We are pleased to offer you the role. Salary: 55k.", "offer", True),
        ("Newsletter", "Our new office opens in Lyon.", "other", True),
        # Two decisive kinds at once, or only a weak cue: unsure.
        ("Re", "Unfortunately we cannot move forward on Monday: reschedule?", "rejection", False),
        ("Re", "Malheureusement nous devons décaler l'entretien.", "rejection", False),
        ("Re", "Unfortunately I am away.", "rejection", False),
        ("Re", "About the interview.", "interview", False),
    ],
)
def test_kinds_in_french_and_english(subject: str, text: str, kind: str, sure: bool) -> None:
    found = classify(subject, text, RECEIVED)
    assert (found.kind, found.sure) == (kind, sure), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entretien le mardi 8 décembre 2026 à 14h30.", "2026-12-08T13:30"),
        ("Entretien le 8 décembre à 9h.", "2026-12-08T08:00"),  # no year: the next 8 December
        ("Interview on Tuesday, December 8 at 2:30 pm.", "2026-12-08T13:30"),
        ("Interview on 2026-12-09 10:15.", "2026-12-09T09:15"),
        ("Entretien le 09/12/2026 à 16h.", "2026-12-09T15:00"),
        ("Interview on March 3.", "2027-03-03T08:00"),  # the next March, not the past one
        ("Entretien : date à convenir.", None),
        ("Interview on 2019-01-01.", None),  # long past: not an appointment
    ],
)
def test_the_interview_date_and_time_in_paris(text: str, expected: str | None) -> None:
    found = classify("Interview invitation", text, RECEIVED)
    assert found.kind == ReplyKind.INTERVIEW
    when = found.interview_at.strftime("%Y-%m-%dT%H:%M") if found.interview_at else None
    assert when == expected


def test_domains_companies_and_references() -> None:
    assert registrable("jobs.acme.co.uk") == "acme.co.uk"
    assert registrable("carrieres.acme-logistique.fr") == "acme-logistique.fr"
    assert company_key("Acme Logistique SAS") == "acmelogistique"
    candidates, _ = board()
    umbrella = next(c for c in candidates if c.offer.company == "Umbrella Health")
    assert references(umbrella.offer) == {"umb-4821"}  # "4821" alone could be a year


@pytest.mark.parametrize(
    ("sender", "codes"),
    [
        ("jobs@acme-logistique.fr", {"domain_url", "title_subject", "company_name"}),
        ("rh@carrieres.acme-logistique.fr", {"domain_url", "title_subject", "company_name"}),
        ("rh@acme-logistique-rh.com", {"title_subject", "company_name"}),  # lookalike
        ("rh@acrne-logistique.fr", {"title_subject", "company_name"}),  # lookalike
        ("rh@acme-logistique.fr.evil.example", {"title_subject", "company_name"}),
        ("someone@gmail.com", {"title_subject", "company_name"}),  # free mail says nothing
    ],
)
def test_only_the_employers_own_domain_counts(sender: str, codes: set[str]) -> None:
    candidates, keys = board()
    message = read_message(kind_mail(BY_KEY["acme"], "interview", "fr", sender=sender))
    found = link(message, candidates)
    assert keys[found.application_id or ""] == "acme" and found.codes == codes


def test_a_job_boards_or_ats_domain_is_no_employers() -> None:
    candidates, _ = board()
    # Globex's ad is on lever.co: mail from lever.co speaks for many employers.
    message = read_message(mail("no-reply@lever.co", "Hello", "Nothing about a job."))
    assert link(message, candidates) == Link(None, 0)


def test_the_decision_needs_two_pieces_no_rival_and_a_sure_kind() -> None:
    sure = classify("Entretien", "Nous souhaiterions vous rencontrer.", RECEIVED)
    strong = Link("a", 100, [{"code": "domain_url"}, {"code": "title_subject"}])
    assert decide(strong, sure, "applied").state == ReplyState.MOVED
    one_piece = Link("a", 100, [{"code": "thread"}, {"code": "thread"}])
    assert decide(one_piece, sure, "applied").state == ReplyState.REVIEW
    ambiguous = Link("a", 100, strong.evidence, ambiguous=True)
    assert decide(ambiguous, sure, "applied").state == ReplyState.REVIEW
    assert decide(strong, sure, "applied", bulk=True).state == ReplyState.REVIEW
    weak = Link("a", 20, [{"code": "company_name"}])
    assert decide(weak, sure, "applied").state is None
    # Never backwards, never out of a final status, rejection from any open one.
    assert target_for(ReplyKind.ACKNOWLEDGEMENT, "interview") is None
    assert target_for(ReplyKind.OFFER, "rejected") is None
    assert target_for(ReplyKind.REJECTION, "offer") == ApplicationStatus.REJECTED
    assert target_for(ReplyKind.INTERVIEW, "to_apply") == ApplicationStatus.INTERVIEW


def test_every_synthetic_reply_ends_where_it_should() -> None:
    outcomes = run(all_cases())
    assert len(outcomes) >= 60
    wrong = [
        (o.case.name, o.state, o.application)
        for o in outcomes
        if o.state != o.case.outcome or (o.state != "none" and o.application != o.case.offer)
    ]
    assert not wrong
    text, precision = report(outcomes)
    assert precision == 1.0, text
    for o in outcomes:
        if o.case.interview_day and o.state == "moved":
            assert o.kind == "interview"


def test_the_mime_reader_keeps_to_its_bounds() -> None:
    # Nested multiparts deeper than the bound, and more parts than the bound.
    inner = EmailMessage()
    inner.set_content("deepest text")
    for _ in range(mime.MAX_DEPTH + 2):
        outer = EmailMessage()
        outer.make_mixed()
        outer.attach(inner)
        inner = outer
    deep = read_message(bytes(inner))
    assert "deepest text" not in deep.text and "depth" in deep.notes
    many = EmailMessage()
    many.set_content("first")
    for n in range(mime.MAX_PARTS + 10):
        many.add_attachment(f"part {n}".encode(), maintype="text", subtype="plain")
    read = read_message(bytes(many))
    assert read.text.startswith("first") and "parts" in read.notes
    assert read.attachments < mime.MAX_PARTS
    huge = read_message(b"From: a@b.example\r\nSubject: x\r\n\r\n" + b"y" * (5 * mime.MAX_BYTES))
    assert huge.truncated and len(huge.text) <= mime.MAX_TEXT_CHARS


def test_html_bodies_become_text_without_their_scripts() -> None:
    raw = mail(
        "jobs@initech.fr",
        "Entretien",
        "",
        html="<p>Bonjour</p><script>steal()</script><style>p{}</style><p>À bientôt</p>",
    )
    found = read_message(raw)
    assert "Bonjour" in found.text and "À bientôt" in found.text
    assert "steal" not in found.text and "p{}" not in found.text


def test_headers_that_will_not_decode_read_as_empty_or_raw() -> None:
    raw = (
        b"From: =?x-unknown?q?Bad?= <jobs@acme-logistique.fr>\r\n"
        b"Subject: =?utf-8?b?!!!?=\r\nDate: not a date\r\nMessage-ID: <ok@mail.test>\r\n"
        b"Content-Type: text/plain; charset=no-such-charset\r\n\r\nCaf\xe9 cr\xe8me\r\n"
    )
    found = read_message(raw)
    assert found.sender == "jobs@acme-logistique.fr" and found.date is None
    assert found.message_id == "<ok@mail.test>" and "Caf" in found.text


def test_the_quote_is_the_replys_own_words_not_the_message_it_answers() -> None:
    from app.domain.mailbox.services import quote_of

    for body in (
        "Merci, à mardi.\n\nLe 3 déc. 2026, Sam a écrit :\n> ma question",
        "Merci, à mardi.\n\nOn Dec 3, 2026, Sam wrote:\n> my question",
        "Merci, à mardi.\n> ma question",
    ):
        assert quote_of(read_message(mail("a@b.example", "Re", body))) == "Merci, à mardi."
    long = quote_of(read_message(mail("a@b.example", "Re", "mot " * 1000)))
    assert len(long) <= 601 and long.endswith("…")
