"""Feed parsing without I/O (app/lib/feeds/), and the inbox's pure rules: canonical URLs,
content hashes, red flags, scoring (app/domain/inbox/intake.py, scoring.py)."""

from __future__ import annotations

import json

from app.domain.inbox.intake import Candidate, canonical_url, content_hash, text_digest
from app.domain.inbox.salary import detect_salary
from app.domain.inbox.scoring import SearchCriteria, red_flag, score_item
from app.lib.cv_content import CvContent
from app.lib.feeds import detect_kind, parse_feed
from app.lib.feeds.listing import offer_links
from tests.factories import EN_CV

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Jobs</title>
<item><title>Python developer</title><link>https://jobs.example.com/jobs/1-python</link>
<description>&lt;p&gt;Build &lt;b&gt;APIs&lt;/b&gt;&lt;/p&gt;</description>
<pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate><author>hr@acme.example (Acme)</author></item>
<item><title>No link</title></item>
<item><title>Data engineer</title><link>/jobs/2-data</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Jobs</title>
<entry><title>Rust engineer</title><link href="https://board.example/o/42"/>
<updated>2025-02-01T09:00:00Z</updated><summary>Systems work</summary>
<author><name>Ferrous SA</name></author></entry></feed>"""

JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Jobs",
    "items": [
        {
            "id": "1",
            "url": "https://jf.example/jobs/7",
            "title": "Go developer",
            "content_html": "<p>Go &amp; Kubernetes</p>",
            "date_published": "2025-03-01T08:00:00+01:00",
            "authors": [{"name": "Gopher Inc"}],
        },
        {"id": "2", "url": "javascript:alert(1)", "title": "bad"},
    ],
}

LISTING = """<html><body><nav><a href="/jobs/999-menu">Menu job</a></nav>
<a href="/jobs/1-python-dev">Python dev</a>
<a href="/jobs/1-python-dev#apply">Python dev again</a>
<a href="https://www.site.example/jobs/2-go-dev">Go dev</a>
<a href="https://elsewhere.example/jobs/3">Elsewhere</a>
<a href="/about">About</a><a href="/jobs">All jobs</a><a href="mailto:a@b.c">Mail</a>
<a href="/careers/backend-engineer-123">Backend</a>
</body></html>"""


def test_rss_entries_with_absolute_links_plain_text_and_dates() -> None:
    feed = parse_feed(RSS, "application/rss+xml", "https://jobs.example.com/feed.xml")
    assert feed.ok and feed.kind == "rss"
    assert [e.url for e in feed.entries] == [
        "https://jobs.example.com/jobs/1-python",
        "https://jobs.example.com/jobs/2-data",
    ]
    first = feed.entries[0]
    assert first.title == "Python developer" and first.summary == "Build APIs"
    assert first.published_at is not None and first.published_at.year == 2025


def test_atom_and_json_feed() -> None:
    atom = parse_feed(ATOM, "text/xml", "https://board.example/atom")
    assert atom.kind == "atom" and atom.entries[0].url == "https://board.example/o/42"
    assert atom.entries[0].company == "Ferrous SA"
    jf = parse_feed(json.dumps(JSON_FEED), "application/feed+json", "https://jf.example/feed.json")
    assert jf.kind == "json" and len(jf.entries) == 1  # the javascript: URL is dropped
    assert jf.entries[0].summary == "Go & Kubernetes" and jf.entries[0].company == "Gopher Inc"
    assert jf.entries[0].published_at is not None


def test_html_listing_same_site_deduped_no_navigation() -> None:
    links = offer_links(LISTING, "https://site.example/jobs")
    assert [u for u, _ in links] == [
        "https://site.example/jobs/1-python-dev",
        "https://www.site.example/jobs/2-go-dev",
        "https://site.example/careers/backend-engineer-123",
    ]
    assert len(offer_links(LISTING, "https://site.example/jobs", limit=1)) == 1
    feed = parse_feed(LISTING, "text/html; charset=utf-8", "https://site.example/jobs")
    assert feed.kind == "html" and feed.entries[0].title == "Python dev"


def test_malformed_input_is_an_error_code_never_an_exception() -> None:
    for text, content_type in [
        ("<rss><channel><item><title>x</ti", "application/rss+xml"),
        ("{not json", "application/feed+json"),
        ('{"version": "x"}', "application/json"),
        ("\x00\x01binary", "application/octet-stream"),
        ("", "application/xml"),
    ]:
        feed = parse_feed(text, content_type, "https://x.example/")
        assert not feed.ok and feed.problem in {"feed_malformed", "feed_unknown"}, (text, feed)
    assert detect_kind("text/plain", "<?xml version='1.0'?><rss/>") == "xml"
    assert detect_kind("text/plain", ' {"items": []}') == "json"


def test_canonical_url_and_content_hash() -> None:
    a = canonical_url("HTTPS://Jobs.Example.com:443/offer/12/?utm_source=x&b=2&a=1&gclid=z#top")
    assert a == "https://jobs.example.com/offer/12?a=1&b=2"
    assert canonical_url("http://h.example:8080/x/") == "http://h.example:8080/x"
    text = "Senior Python developer in Lyon, building APIs for logistics."
    one = Candidate(url="https://a.example/1", text=text)
    two = Candidate(url="https://b.example/2", text=f"  SENIOR  python développeur\n{text[25:]}")
    assert content_hash(one) != content_hash(two)
    accents = Candidate(url="https://c.example/3", text=text.upper().replace("E", "É"))
    assert content_hash(one) == content_hash(accents)


def test_red_flags_whole_words_case_and_accent_insensitive() -> None:
    assert red_flag("Stagiaire", "Poste", ["stage"]) is None  # not a whole word
    assert red_flag("Offre", "Un STAGE non rémunéré", ["stage"]) == "stage"
    assert red_flag("Dev", "contrat non remunere", ["non rémunéré"]) == "non rémunéré"
    assert red_flag("Dev", "javascript", ["java"]) is None


def test_red_flags_and_keywords_match_every_form_of_their_words() -> None:
    assert red_flag("Agent", "Astreintes un week-end sur deux", ["astreinte"]) == "astreinte"
    assert red_flag("Agent", "Travail de nuits et week-ends", ["travail de nuit"])
    assert red_flag("Offre", "Animal care assistant", ["animateur"]) is None  # "anim" only
    criteria = SearchCriteria(keywords=("développeur", "infirmier", "java"))
    _, details = score_item(
        criteria, title="Développeuse back-end", text="Équipe d'infirmières ; JavaScript"
    )
    assert details["keywordsFound"] == ["développeur", "infirmier"]


def test_score_keywords_location_remote_salary() -> None:
    criteria = SearchCriteria(
        keywords=("python", "django"), location="Lyon", remote="remote", min_salary=50_000
    )
    text = "Python and Django developer, full remote, 55 000 € - 65 000 € per year"
    assert detect_salary(text) == (55_000, 65_000)
    best, details = score_item(
        criteria,
        title="Dev",
        text=text,
        location="Lyon",
        remote="remote",
        salary=detect_salary(text),
    )
    assert best == 100.0 and details["keywordsFound"] == ["python", "django"]
    worse, _ = score_item(
        criteria,
        title="Dev",
        text="Java developer",
        location="Paris",
        remote="onsite",
        salary=(30_000, 35_000),
    )
    assert worse == 0.0
    all_mode = SearchCriteria(keywords=("python", "rust"), keywords_mode="all")
    half, _ = score_item(all_mode, title="Python dev", text="")
    any_mode, _ = score_item(SearchCriteria(keywords=("python", "rust")), title="Python", text="")
    assert half < any_mode


def test_the_cv_part_reads_the_offer_s_skills_from_its_text() -> None:
    """The matcher reads requirements from an offer's fields; a discovered offer only has text,
    parsed first. Without any requirement found, the CV part is left out (not a zero)."""
    cv = CvContent.from_json(EN_CV)
    text = "Acme is hiring.\n\nYou will build Python services with PostgreSQL and Redis."
    score, details = score_item(None, title="Backend developer", text=text, cv=cv)
    assert details["cv"] == 1.0 and score == 100.0
    nurse = "Requirements:\n- Phlebotomy and wound dressing\n- Fluent German"
    score, details = score_item(None, title="Registered nurse", text=nurse, cv=cv)
    assert details["cv"] == 0.0 and score == 0.0
    criteria = SearchCriteria(keywords=("sunny",))
    text = "A sunny office, a friendly team and good coffee every morning."
    score, details = score_item(criteria, title="Colleague", text=text, cv=cv)
    assert "cv" not in details and score == 100.0  # nothing to match the CV against


def test_text_digest_ignores_case_accents_and_spacing_but_not_short_texts() -> None:
    text = "Développeur Python pour nos API de suivi de colis, à Lyon, en CDI."
    other = "  DEVELOPPEUR python pour nos API\nde suivi de  colis, a Lyon, en CDI. "
    assert text_digest(text) == text_digest(other) != text_digest(text + " Stage.")
    assert text_digest("Python developer") is None
