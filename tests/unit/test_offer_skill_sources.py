"""Skills an ad asks for beyond its cue phrases: the degrees it requires
(app/lib/parsing/offers/offer_degrees.py), the objects of its infinitive missions
(app/lib/parsing/offers/offer_missions.py), what the candidate "can do" ("Savoir animer", "Ability
to
lift"), and what is never a skill (the employer's "notre expertise", "Débutant accepté")."""

from __future__ import annotations

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_degrees import degrees_in
from app.lib.parsing.offers.offer_missions import mission_objects
from app.lib.parsing.offers.offer_phrases import after_cues


def test_degrees_are_named_as_written() -> None:
    assert degrees_in("Vous possédez un Bac Pro et/ou BTS logistique") == ["Bac Pro", "BTS"]
    assert degrees_in("High school diploma or equivalent preferred") == ["High school diploma"]
    assert degrees_in("Formation : CAP, BEP – Diplôme Agent de Quai (souhaité)") == [
        "CAP", "BEP", "Diplôme Agent de Quai"
    ]  # fmt: skip
    assert degrees_in("Bachelor's degree in Physics, or related field") == [
        "Bachelor's degree in Physics"
    ]
    # "cap" and "but" are words: the acronyms count only in capitals.
    assert degrees_in("There is a salary cap but no bonus.") == []


def test_mission_objects_are_the_verbs_objects() -> None:
    assert mission_objects(["Assurer le suivi des livraisons"]) == ["suivi des livraisons"]
    assert mission_objects(["Organiser et animer des ateliers créatifs pour les enfants"]) == [
        "ateliers créatifs"
    ]
    assert mission_objects(["Vérifier les freins ou suspensions sur les véhicules"]) == [
        "freins", "suspensions"
    ]  # fmt: skip
    # An adjective joined to a longer phrase stays with it; a second clause gives its own.
    assert mission_objects(["Nettoyer les zones communes et privatives"]) == [
        "zones communes et privatives"
    ]
    assert mission_objects(["Trier le courrier et participer aux réunions"]) == [
        "courrier", "réunions"
    ]  # fmt: skip
    # Not an infinitive clause: a sentence, a noun phrase, a conjugated verb.
    assert mission_objects(["Vous serez en charge du planning", "Centre de tri postal"]) == []


def test_what_the_candidate_can_do_is_a_skill() -> None:
    assert after_cues("Savoir animer et communiquer") == ["animer", "communiquer"]
    assert after_cues("Capacité à négocier avec les fournisseurs") == ["négocier"]
    assert after_cues("Must be able to consistently lift 25 lbs.") == ["lift 25 lbs"]
    assert after_cues("Doté d'un excellent relationnel, vos qualités d'écoute") == [
        "relationnel", "écoute"
    ]  # fmt: skip
    assert after_cues("Idéalement dans le domaine de la Logistique.") == ["Logistique"]
    assert after_cues("Pour en savoir plus sur nous, visitez le site.") == []


def test_the_employers_words_and_its_intake_are_no_skills() -> None:
    ad = (
        "Agent de quai (H/F)\nVelmar Transports\n\nProfil recherché\n"
        "- Débutant accepté\n- Vous maîtrisez le pack Office et connaissez notre secteur "
        "géographique.\n- Savoir travailler en équipe\n\nÀ propos de la société\n\n"
        "Connue pour notre expertise métier et notre qualité de service, Velmar emploie 300 "
        "personnes.\n"
    )
    skills = [s.lower() for s in parse_offer_text(ad).skills]
    assert "pack office" in skills and "travailler en équipe" in skills
    assert not any(s.startswith(("notre", "nos")) or "accept" in s for s in skills)
    assert not any("expertise" in s or "propos" in s for s in skills)


def test_a_listing_s_values_are_no_skills() -> None:
    ad = "\n".join(
        [
            "Technicien de laboratoire (H/F)",
            "Vellacour Biotech",
            "Profil recherché",
            "Référence : LAB2291-QZT-014",
            "Date de publication : mardi 12 mars 2024",
            "Expérience souhaitée : Indifférent",
            "Compétences : Python, Windows Server 2019, ISO 9001, S3/EC2",
        ]
    )
    skills = parse_offer_text(ad).skills
    assert not {"LAB2291-QZT-014", "mardi 12 mars 2024", "Indifférent"} & set(skills)
    assert {"Python", "Windows Server 2019", "ISO 9001", "S3/EC2"} <= set(skills)
