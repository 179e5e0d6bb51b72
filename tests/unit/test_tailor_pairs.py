"""How ``make eval-tailor`` brings a CV in (bench/tailor_pairs.py), on a synthetic parse and
truth: identity fields from the truth, parsed bullets kept, missed jobs added, stray entries
dropped, then the app's JSON Resume export and import."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.lib.cv_content import CvContent, Experience, Header
from bench.tailor_pairs import (
    PAIRS,
    check_corpus,
    corrected_cv,
    corrected_experience,
    through_json_resume,
)

TRUTH = {
    "name": "Camille Arnaud",
    "current_title": "Acheteuse",
    "email": "camille@example.org",
    "phone": "+33 6 00 00 00 00",
    "experiences": [
        {"title": "Acheteuse", "company": "Verrerie Nord", "location": "Lille",
         "start": "2021-02", "end": "present"},
        {"title": "Assistante achats", "company": "Cartons Sud", "location": "Nîmes",
         "start": "2019-01", "end": "2020-12"},
        {"title": "Stagiaire", "company": "Atelier Ouest", "location": "Brest",
         "start": "2018-04", "end": "2018-09"},
    ],
    "optional_experiences": [
        {"title": "Trésorière", "company": "Club de voile", "location": "",
         "start": "2017", "end": "2018"},
    ],
    "education": [{"degree": "Master achats", "school": "IAE", "start": "2019", "end": "present"}],
    "skills": ["Négociation", "SAP"],
    "languages": [{"name": "Anglais", "level": "C1"}],
}  # fmt: skip


def _parsed() -> list[Experience]:
    return [
        Experience(title="Acheteuse Verrerie", company="Nord", start="2021-02",
                   bullets=["Négociation des contrats verre"]),
        Experience(title="Lille", company="", start="2020", bullets=["Ligne perdue"]),
        Experience(title="Trésorière", company="Club de voile", start="2017",
                   bullets=["Budget du club"]),
        Experience(title="Stagiaire", company="Atelier", start="2018-04",
                   bullets=["Relances fournisseurs"]),
    ]  # fmt: skip


# (truth index, optional?, parsed index), as the corpus scorer's pairing returns them.
PAIRING = [(0, False, 0), (0, True, 2), (2, False, 3)]


def test_paired_entries_take_the_truths_identity_and_keep_their_bullets() -> None:
    jobs = corrected_experience(_parsed(), TRUTH, PAIRING)
    assert [(j.title, j.company, j.start, j.end, j.current) for j in jobs] == [
        ("Acheteuse", "Verrerie Nord", "2021-02", None, True),
        ("Assistante achats", "Cartons Sud", "2019-01", "2020-12", False),  # missed: added
        ("Trésorière", "Club de voile", "2017", "2018", False),  # optional: kept
        ("Stagiaire", "Atelier Ouest", "2018-04", "2018-09", False),
    ]
    assert [j.bullets for j in jobs] == [
        ["Négociation des contrats verre"],
        [],
        ["Budget du club"],
        ["Relances fournisseurs"],
    ]  # the unpaired "Lille" entry is gone


def test_the_cv_goes_through_the_apps_json_resume_export_and_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed = CvContent(header=Header(name="C. ARNAUD"), experience=_parsed())

    class Scorer:
        @staticmethod
        def pair_experiences(*_: object) -> list[tuple[int, bool, int]]:
            return PAIRING

    monkeypatch.setattr("bench.tailor_pairs._scorer", lambda _corpus: Scorer)
    content = through_json_resume(corrected_cv(parsed, TRUTH, Path("unused")))
    assert content.header.name == "Camille Arnaud"
    assert content.header.contact.email == "camille@example.org"
    assert [e.company for e in content.experience][:2] == ["Verrerie Nord", "Cartons Sud"]
    assert content.experience[0].bullets == ["Négociation des contrats verre"]
    assert [(e.degree, e.end) for e in content.education] == [("Master achats", None)]
    assert [s.name for s in content.skills] == ["Négociation", "SAP"]
    assert [(lang.name, lang.level) for lang in content.languages] == [("Anglais", "C1")]


def test_a_missing_corpus_stops_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="No tailoring corpus"):
        check_corpus(tmp_path)


def test_the_pairs_cross_languages_both_ways() -> None:
    fr_ad_en_cv = [p for p in PAIRS if p[0].startswith("fr_") and p[1].startswith("en_")]
    en_ad_fr_cv = [p for p in PAIRS if p[0].startswith("en_") and p[1].startswith("fr_")]
    assert len(PAIRS) >= 12 and len(fr_ad_en_cv) >= 3 and len(en_ad_fr_cv) >= 3
