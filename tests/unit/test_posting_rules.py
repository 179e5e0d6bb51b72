"""Whether a fetched page still holds an open posting (app/domain/offers/posting_rules.py), on
synthetic pages: filled posts in English and French, gone pages, redirects to a listing, a
moved ad, and hostile pages (huge, binary, a wrong charset) that must never close a live ad
by accident. Plus the repost keys (app/lib/page_keys.py)."""

from __future__ import annotations

import os
import time

import pytest

from app.domain.offers.posting_rules import (
    ClosedReason,
    classify_error,
    classify_page,
    filled_phrase,
    is_listing_url,
)
from app.lib.page_keys import near_identical
from tests.fixtures.posting_pages import ad_page

AD = "https://jobs.example.com/offers/123-python-developer"
TITLE = "Senior Python Developer"


def verdict_of(body: str, final: str = AD, content_type: str = "text/html; charset=utf-8"):  # type: ignore[no-untyped-def]
    return classify_page(
        requested_url=AD, final_url=final, content_type=content_type, body=body, title=TITLE
    )


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("We are sorry: this position has been filled.", "this position has been filled"),
        ("THIS JOB HAS BEEN FILLED", "this job has been filled"),
        ("The employer is no longer accepting applications.", "no longer accepting applications"),
        ("This job posting has expired", "this job posting has expired"),
        ("Désolé, cette offre a été pourvue.", "cette offre a été pourvue"),
        ("Offre pourvue", "offre pourvue"),
        ("CE POSTE A ÉTÉ POURVU", "ce poste a été pourvu"),
        ("Cette offre n’est plus disponible.", "cette offre n'est plus disponible"),
        ("L'entreprise n'accepte plus de candidatures", "n'accepte plus de candidatures"),
    ],
)
def test_a_page_saying_the_post_is_filled_closes_it_in_english_and_french(
    sentence: str, phrase: str
) -> None:
    verdict = verdict_of(ad_page(TITLE, extra=f"<strong>{sentence}</strong>"))
    assert verdict.closed and verdict.reason is ClosedReason.FILLED
    assert verdict.params == {"phrase": phrase}


def test_the_live_ad_stays_open() -> None:
    verdict = verdict_of(ad_page(TITLE, extra="Apply before the end of the month."))
    assert verdict.status == "open" and not verdict.closed


def test_a_page_changed_in_place_stays_open_even_without_the_title() -> None:
    """Without a redirect the ad's own address answers: the title alone never closes it."""
    assert (
        verdict_of("<html><body><p>Some other words entirely.</p></body></html>").status == "open"
    )


@pytest.mark.parametrize("status", [404, 410])
def test_a_gone_page_closes(status: int) -> None:
    verdict = classify_error("http_status", {"status": status})
    assert verdict.closed and verdict.reason is ClosedReason.GONE
    assert verdict.params == {"status": status}


@pytest.mark.parametrize(
    ("code", "values"),
    [
        ("http_status", {"status": 500}),
        ("http_status", {"status": 503}),
        ("http_status", {"status": 403}),
        ("http_status", {"status": 429}),
        ("timeout", {"seconds": 8}),
        ("unreachable", {}),
        ("dns", {"host": "jobs.example.com"}),
        ("too_large", {"limit": 2}),
        ("not_text", {"type": "application/octet-stream"}),
        ("too_many_redirects", {}),
    ],
)
def test_a_failed_fetch_is_unknown_never_closed(code: str, values: dict[str, object]) -> None:
    assert classify_error(code, values).status == "unknown"


def test_a_redirect_to_a_listing_closes() -> None:
    listing = (
        "<html><body><h1>Our jobs</h1><ul><li>Data analyst</li><li>Nurse</li></ul></body></html>"
    )
    verdict = verdict_of(listing, final="https://jobs.example.com/jobs?q=python")
    assert verdict.closed and verdict.reason is ClosedReason.LISTING


def test_a_redirect_to_a_page_without_the_ads_title_closes() -> None:
    """Not a listing address, but the page it lands on holds no trace of the ad."""
    other = "<html><body><h1>Welcome to Acme</h1><p>We move parcels.</p></body></html>"
    verdict = verdict_of(other, final="https://www.example.com/about-acme")
    assert verdict.closed and verdict.reason is ClosedReason.LISTING


def test_a_redirect_to_the_moved_ad_stays_open() -> None:
    verdict = verdict_of(ad_page(TITLE), final="https://careers.example.com/ads/123")
    assert verdict.status == "open"


def test_a_redirect_to_the_same_address_spelled_otherwise_stays_open() -> None:
    listingish = "<html><body><p>Loading…</p></body></html>"
    verdict = verdict_of(listingish, final=AD.replace("https://jobs.", "https://www.jobs.") + "/")
    assert verdict.status == "open"


@pytest.mark.parametrize(
    ("url", "listing"),
    [
        ("https://example.com/", True),
        ("https://example.com/careers", True),
        ("https://example.com/fr/offres-emploi/", True),
        ("https://example.com/search?keywords=python", True),
        ("https://example.com/jobs/123-python-developer", False),
        ("https://example.com/offre/4567", False),
    ],
)
def test_listing_addresses(url: str, listing: bool) -> None:
    assert is_listing_url(url) is listing


def test_a_huge_page_is_read_in_bounded_time_and_its_far_end_ignored() -> None:
    """20 MB of text (beyond what the fetcher would even hand over) with the phrase at the
    end: read within the bound, so the far end's words are not taken for the page's."""
    filler = "<p>" + "Python developer role, apply now. " * 600_000 + "</p>"
    body = ad_page(TITLE, extra=filler + "This position has been filled")
    started = time.process_time()
    verdict = verdict_of(body)
    assert time.process_time() - started < 20  # generous: the bound, not the machine, decides
    assert verdict.status == "open"
    assert filled_phrase("x" * 10_000_000) is None


def test_binary_garbage_is_never_a_closing() -> None:
    noise = os.urandom(200_000).decode("latin-1")
    assert verdict_of(noise, content_type="text/plain").status == "open"
    redirected = verdict_of(
        os.urandom(50_000).decode("utf-8", errors="replace"),
        final="https://www.example.com/other",
        content_type="text/plain",
    )
    assert redirected.status == "unknown"  # unreadable: the title's absence proves nothing


def test_a_wrong_charset_still_finds_a_french_phrase() -> None:
    """A Latin-1 page served as UTF-8 (é → U+FFFD), and a UTF-8 page read as Latin-1 (é → Ã©)."""
    sentence = "Ce poste a été pourvu, merci de votre intérêt."
    as_utf8 = sentence.encode("latin-1").decode("utf-8", errors="replace")
    as_latin1 = sentence.encode("utf-8").decode("latin-1")
    for garbled in (as_utf8, as_latin1):
        verdict = verdict_of(ad_page(TITLE, extra=garbled))
        assert verdict.closed and verdict.reason is ClosedReason.FILLED, garbled


def test_a_page_that_only_mentions_filled_jobs_elsewhere_is_open() -> None:
    """Near words are not the sentence: "positions filled quickly" closes nothing."""
    body = ad_page(
        TITLE, extra="Our positions are filled quickly: apply soon. Offres pourvues en CDI."
    )
    assert verdict_of(body).status == "open"


def test_near_identical_texts_are_one_ad_and_a_sibling_ad_is_not() -> None:
    base = (
        "Acme Logistics is hiring a Senior Python Developer in Lyon. You will build Python "
        "services and APIs with PostgreSQL and Redis, review code and mentor colleagues. "
        "Permanent contract, hybrid work, two days at home. Requirements: five years of Python, "
        "PostgreSQL, REST APIs, continuous integration, English and French. "
    )
    assert near_identical(base + "Ref 123.", base + "Ref 456.")
    assert near_identical(base.upper(), base)
    sibling = base.replace("Senior Python Developer", "Data Analyst").replace(
        "build Python services and APIs with PostgreSQL and Redis",
        "write dashboards in Tableau and SQL for the sales team every week",
    )
    assert not near_identical(base, sibling)
    assert not near_identical("short", "short")
