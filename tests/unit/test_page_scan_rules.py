"""The page scan's judgement (tests/browser/page_scan.py) on words it is handed: what it must
flag on a French and on an English page, and the user's own words it must leave alone."""

from __future__ import annotations

from tests.browser.page_scan import UserData, judge

MINE = UserData(
    [
        "Built the payment APIs and the data pipeline for the team",
        "Python Backend Developer",
        "to_apply",  # a stored status: a code, not the user's words
        "Le Petit Café",
    ]
)


def kinds(locale: str, *texts: str) -> list[tuple[str, str]]:
    words = [{"text": t, "where": "p"} for t in texts]
    return [(f.kind, f.text) for f in judge("/x", locale, words, MINE)]


def test_a_french_page_flags_english_codes_and_ids() -> None:
    assert kinds("fr", "Save") == [("untranslated", "Save")]
    assert kinds("fr", "Tableau de bord · Sign out")[0] == ("untranslated", "Sign out")
    assert kinds("fr", "Click here to see the offer") == [
        ("other-language-words", "Click here to see the offer")
    ]
    assert kinds("fr", "Statut : to_apply") == [("code", "to_apply")]
    assert kinds("fr", "texte caché (covered)") == [("code", "(covered)")]
    assert kinds("fr", "CV 3f2a9c1d-0000-4000-8000-000000000001")[0][0] == "uuid"


def test_an_english_page_flags_french() -> None:
    assert kinds("en", "Se connecter") == [("french-on-english", "Se connecter")]
    assert kinds("en", "Voir les offres dans votre boîte") == [
        ("other-language-words", "Voir les offres dans votre boîte")
    ]


def test_the_users_words_settings_and_shared_words_pass() -> None:
    assert kinds("fr", "Built the payment APIs and the data pipeline for the team") == []
    assert kinds("fr", "the payment APIs and the data") == []  # a highlighted piece of it
    assert kinds("fr", "Python Backend Developer · Suivie") == []
    assert kinds("en", "Le Petit Café") == []
    assert kinds("fr", "Limite par adresse (CVTAILOR_REGISTER_MAX_PER_IP).") == []
    assert kinds("fr", "CV") == [] and kinds("en", "Description") == []
    assert kinds("en", "https://jobs.example.com/some_feed.xml") == []
