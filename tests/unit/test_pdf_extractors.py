"""Every CV and letter PDF, in every design, read back by pdfminer.six, pdfplumber, pypdf and
pdftotext (what applicant-tracking systems use): the same words in the same order as the
document, the email and phone found, every bullet under its own entry.

Words are compared joined (``"".join``), so a long URL broken across lines still counts as read.
The order check allows a small displacement: pdfminer's layout analysis reads a right-aligned
date far from its title (a short certification line) as a column of its own, and pdftotext reads
the modern design's skill tags as a grid. Both are the readers' choices, not a fault of the text
layer; anything more (a section, a block of bullets moved) fails.
"""

from __future__ import annotations

import difflib
from functools import cache

import pytest

from app.lib.cv_content import CvContent, Link
from app.lib.pdf_render import DESIGNS, RenderResult
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.letter import letter_payload
from app.lib.pdf_render.letter_fit import render_letter_to_page
from app.lib.pdf_render.letter_samples import sample_header, sample_letter
from app.lib.pdf_render.samples import sample_cv
from tests.fixtures.extractors import find_run, html_words, readers, words

MIN_ORDER_RATIO = 0.97
LONG_URL = "https://example.org/" + "reports" * 14 + "/final"


def _stress_cv() -> CvContent:
    """Emoji, CJK, Greek, Cyrillic, accents and a long unbroken URL in places a CV has them."""
    cv = sample_cv("en")
    cv.header.name = "Zoë Ångström-Łukasiewicz"
    cv.summary = (
        "🌍 Ingénieure polyglotte : 日本語 (JLPT N2), Ελληνικά, русский. Crème brûlée, façade, "
        "naïve — Škoda, Ærø, İstanbul. " + cv.summary
    )
    cv.experience[0].bullets[1] = f"Published the runbook at {LONG_URL} for every team 🚀."
    cv.header.links.append(Link(label="", url=LONG_URL))
    cv.projects[0].name = "データ同期 (data-sync)"
    return cv


SAMPLES = {"en": lambda: sample_cv("en"), "fr": lambda: sample_cv("fr"), "stress": _stress_cv}


@cache
def _cv(design: str, sample: str) -> tuple[CvContent, RenderResult]:
    cv = SAMPLES[sample]()
    locale = "fr" if sample == "fr" else "en"
    result = render_to_budget(
        cv.to_json(), design=design, locale=locale, page_budget=2, relevance=None
    )
    return cv, result


def _assert_reads_like_the_document(pdf: bytes, html: str) -> None:
    expected = html_words(html)
    joined = "".join(expected)
    for name, read in readers().items():
        text = read(pdf)
        got = "".join(words(text))
        matcher = difflib.SequenceMatcher(None, joined, got, autojunk=False)
        moved = [
            (joined[a1:a2][:60], got[b1:b2][:60])
            for tag, a1, a2, b1, b2 in matcher.get_opcodes()
            if tag != "equal"
        ]
        assert matcher.ratio() >= MIN_ORDER_RATIO, f"{name} reads out of order: {moved[:6]}"
        missing = [word for word in dict.fromkeys(expected) if word not in got]
        assert not missing, f"{name} lost {missing[:10]}"


@pytest.mark.parametrize("sample", sorted(SAMPLES))
@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_cv_pdf_reads_like_its_html(design: str, sample: str) -> None:
    cv, result = _cv(design, sample)
    assert result.fits and "droppedCharacters" not in result.extra
    _assert_reads_like_the_document(result.pdf, result.html)
    for name, read in readers().items():
        text = read(result.pdf)
        assert cv.header.contact.email in text, f"{name} lost the email"
        phone = words(cv.header.contact.phone or "")
        assert find_run(words(text), phone) >= 0, f"{name} lost the phone"


@pytest.mark.parametrize("sample", sorted(SAMPLES))
@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_bullets_are_read_under_their_entries(design: str, sample: str) -> None:
    cv, result = _cv(design, sample)
    entries = [(f"{e.title} {e.company}", e.bullets) for e in cv.experience]
    entries += [(p.name, p.bullets) for p in cv.projects]
    for name, read in readers().items():
        text = words(read(result.pdf))
        for number, (title, bullets) in enumerate(entries):
            start = find_run(text, words(title))
            assert start >= 0, (name, title)
            after = start + len(words(title))
            following = entries[number + 1][0] if number + 1 < len(entries) else None
            end = find_run(text, words(following), after) if following else len(text)
            position = after
            for bullet in bullets:
                found = find_run(text, words(bullet), position)
                if found < 0:  # a long word broken across lines: find its start
                    found = find_run(text, words(bullet)[:4], position)
                assert 0 <= found < end, f"{name}: {bullet!r} not under {title!r}"
                position = found


@pytest.mark.parametrize("design", sorted(DESIGNS))
@pytest.mark.parametrize("locale", ["en", "fr"])
def test_letter_pdf_reads_like_its_html(design: str, locale: str) -> None:
    header = sample_header(locale)
    result = render_letter_to_page(
        letter_payload(sample_letter(locale), header), design=design, locale=locale
    )
    _assert_reads_like_the_document(result.pdf, result.html)
    for name, read in readers().items():
        assert header.contact.email in read(result.pdf), name
