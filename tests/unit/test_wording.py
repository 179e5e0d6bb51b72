"""Counts and numbers read right in both languages: plural forms come from the catalogue by the
locale's rule ("1 CV généré", "0 CV généré", "1 CV generated", "2 CVs generated"), one English
word French words twice gets a context ("Refusées" for the inbox's offers), and numbers are
written the reader's way ("2,5 Mo")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

from app.domain.cvs.report_view import report_message
from app.lib import i18n
from app.lib.input_errors import InputError, user_message
from app.lib.templating import build_environment

ENV = build_environment()


@contextmanager
def locale(name: str) -> Iterator[None]:
    token = i18n.current_locale.set(name)
    try:
        yield
    finally:
        i18n.current_locale.reset(token)


def render(source: str, language: str, **context: object) -> str:
    with locale(language):
        return ENV.from_string(source).render(**context)


GENERATED = '{{ ngettext("%(num)s CV generated", "%(num)s CVs generated", n) }}'
PROGRESS = '{{ ngettext("%(done)s/%(num)s offer", "%(done)s/%(num)s offers", total, done=done) }}'


def test_counts_take_the_locales_plural_form() -> None:
    assert [render(GENERATED, "en", n=n) for n in (0, 1, 2)] == [
        "0 CVs generated",
        "1 CV generated",
        "2 CVs generated",
    ]
    assert [render(GENERATED, "fr", n=n) for n in (0, 1, 2)] == [
        "0 CV généré",
        "1 CV généré",
        "2 CV générés",
    ]
    assert render(PROGRESS, "en", total=1, done=1) == "1/1 offer"
    assert render(PROGRESS, "fr", total=3, done=1) == "1/3 offres"


def test_a_word_french_changes_where_english_does_not() -> None:
    """Same English singular and plural, two French forms: the catalogue keeps both."""
    failed = (
        '{{ ngettext("%(num)s failed (credits refunded)",'
        ' "%(num)s failed (credits refunded)", n) }}'
    )
    assert render(failed, "fr", n=1) == "1 échec (crédits remboursés)"
    assert render(failed, "fr", n=2) == "2 échecs (crédits remboursés)"
    assert render(failed, "en", n=2) == "2 failed (credits refunded)"
    counts = "{% for s, n in c.items() %}{{ generation_count(s, n) }};{% endfor %}"
    c = {"completed": 2, "cancelled": 1, "failed": 3}
    assert render(counts, "fr", c=c) == "2 terminées;1 annulée;3 en échec;"
    assert render(counts, "en", c=c) == "2 completed;1 cancelled;3 failed;"


def test_inbox_tabs_agree_with_offers() -> None:
    template = ENV.get_template("inbox/_partials/nav.html")
    context = {
        "request": SimpleNamespace(url=SimpleNamespace(path="/inbox")),
        "status": "pending",
        "counts": {"pending": 1, "approved": 2, "rejected": 3},
    }
    with locale("fr"):
        french = template.render(**context)
    with locale("en"):
        english = template.render(**context)
    assert "Approuvées" in french and "Refusées" in french and "Refusé <" not in french
    assert "Approved" in english and "Rejected" in english
    # The application's status keeps its own word (no context there).
    assert render("{{ 'rejected' | label }}", "fr") == "Refusé"


def test_numbers_are_written_the_readers_way() -> None:
    size = (
        '{{ _("At most %(mb)s MB and %(pages)s pages. A PDF must contain text (not a scan).",'
        " mb=mb | number, pages=3) }}"
    )
    assert render(size, "fr", mb=2.5).startswith("2,5 Mo et 3 pages")
    assert render(size, "en", mb=2.5).startswith("At most 2.5 MB")
    assert render("{{ 5.0 | number(1) }} {{ 30000 | number }}", "fr") == "5,0 30\u202f000"
    assert render("{{ 5.0 | number(1) }} {{ 30000 | number }}", "en") == "5.0 30,000"
    # A float in an error's values is written the same way (the upload limit of a CV).
    error = InputError("The file is larger than the %(limit)s MB limit.", code="x", limit=2.5)
    with locale("fr"):
        assert user_message(error) == "Le fichier dépasse la limite de 2,5 Mo."
    with locale("en"):
        assert user_message(error) == "The file is larger than the 2.5 MB limit."


def test_hidden_text_reasons_are_words_never_codes() -> None:
    template = "This PDF contains hidden text (%(reason)s). It was left out of the import:"
    for stored in ("covered", "text painted over by a shape"):
        item = {"code": "hidden_text", "template": template, "values": {"reason": stored}}
        with locale("fr"):
            french = report_message(item)
        with locale("en"):
            english = report_message(item)
        assert "texte recouvert par une forme" in french and "covered" not in french
        assert "text painted over by a shape" in english
    odd = {"code": "hidden_text", "template": template, "values": {"reason": "sneaky_code"}}
    with locale("fr"):
        assert "sneaky_code" not in report_message(odd)


def test_no_french_text_hedges_its_plural() -> None:
    """ "gardée(s)", "échec(s)": a count's words come from ngettext's forms, never a "(s)"."""
    hedged = [
        french
        for message, french in i18n.catalogue("fr").items()
        if re.search(r"\w\((?:s|e|es|x)\)", french) and "http(s)" not in french
    ]
    assert hedged == []
    for (_, singular), forms in i18n.plurals("fr").items():
        assert len(forms) == 2 and all(forms), singular


def test_counts_on_the_changes_and_report_pages() -> None:
    kept = (
        '{{ ngettext("%(num)s kept", "%(num)s kept", k) }}, '
        '{{ ngettext("%(num)s removed", "%(num)s removed", r) }}'
    )
    assert render(kept, "fr", k=1, r=3) == "1 conservée, 3 retirées"
    assert render(kept, "en", k=1, r=3) == "1 kept, 3 removed"
    more = '{{ ngettext("…and %(num)s more line.", "…and %(num)s more lines.", n) }}'
    assert render(more, "fr", n=1) == "…et 1 ligne de plus."
    assert render(more, "en", n=2) == "…and 2 more lines."
