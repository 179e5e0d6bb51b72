"""The export's readable names (app/domain/accounts/export_names.py) and its README in both
languages."""

from __future__ import annotations

import re

from app.domain.accounts.export_names import ExportNames, slug
from app.domain.accounts.export_readme import TEXTS, readme


def test_slugs_fold_accents_and_keep_only_safe_characters() -> None:
    assert slug("Développeur·se Python — Lyon") == "developpeur-se-python-lyon"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("CON") == "con"
    assert slug("日本語") == ""
    assert slug("  ") == ""
    long = slug("Senior " * 30)
    assert len(long) <= 48 and not long.endswith("-") and long.startswith("senior-senior")


def test_names_are_readable_unique_and_stable() -> None:
    names = ExportNames()
    a = names.name("offers", "Python Developer Acme", "3f2a9c1d-0000-4000-8000-000000000001", "o")
    b = names.name("offers", "Python Developer Acme", "3f2a9c1d-0000-4000-8000-000000000002", "o")
    c = names.name("offers", "日本語", "aaaaaaaa-0000-4000-8000-000000000003", "offer")
    assert a == "python-developer-acme-3f2a9c1d"
    assert b.startswith("python-developer-acme-3f2a9c1d") and b != a  # the id goes on
    assert c == "offer-aaaaaaaa"
    # The same row asks again (a PDF beside its JSON): the same name.
    assert names.name("offers", "other words", "3f2a9c1d-0000-4000-8000-000000000001", "o") == a
    # Another folder has its own names.
    assert (
        names.name("letters", "Python Developer Acme", "3f2a9c1d-0000-4000-8000-000000000001", "l")
        == a
    )
    many = {names.name("inbox", "Same", f"{i:032x}", "x") for i in range(200)}
    assert len(many) == 200
    assert all(re.fullmatch(r"[a-z0-9-]+", n) for n in many)


def test_readme_in_the_accounts_language_names_every_folder() -> None:
    values = {
        "email": "ana@example.com",
        "made": "2026-01-02 03:04",
        "pdf_count": 1,
        "cv_count": 2,
        "letter_pdf_count": 0,
        "letter_count": 1,
    }
    french, english = readme("fr", **values), readme("en", **values)
    assert french.startswith("CV Tailor : export du compte ana@example.com")
    assert "CV : 1 sur 2 ; lettres de motivation rédigées : 0 sur 1." in french
    assert english.startswith("CV Tailor: export of the account ana@example.com")
    assert readme(None, **values) == english
    folders = ("cvs/", "offers/", "generations/", "letters/", "applications/", "searches/")
    for text in TEXTS.values():
        assert all(f in text for f in (*folders, "inbox/", "account.json", "tasks.json"))
        assert "<id>/" not in text.split("PDF")[0]  # folders are named, not numbered
    assert max(len(line) for line in french.splitlines()) <= 100
