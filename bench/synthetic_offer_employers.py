"""Synthetic ads of the employer shapes the header fuzzer (bench/synthetic_offer_headers.py) does
not write, with their truth: how ads outside software (care, hotels, trades, public employers)
name, or seem to name, who hires. Names are made of syllables, sentences of templates, in French
and English; the shape's sentence is put at the body's start, middle or end among other text.

- ``signature``: a signature or an address block names the employer with no legal form
  ("Service RH, Thermes de Valorin, 3 allée des Sources", "Send your resume to:" over
  "Brightmoor Nurseries" over a PO box);
- ``long_subject``: the subject of a hiring sentence is a kind word and four or five
  capitalised words ("L'hôtel Velcour Royal Styles Angers Centre recrute");
- ``place_is``: a place or a unit is given by "X est un…" / "Join our X team" ("Le Pays de
  Brest est un territoire…", "Join our Ward 12 team"); the employer is named elsewhere (a
  signature, a public employer's form) or nowhere, and the truth is then empty;
- ``domain_only``: the employer is written only in an e-mail or web domain
  ("candidature@thermes-valorin.fr"); the truth is the name the domain spells;
- ``header_lead``: a line under the title opens with the employer's name and goes on with a
  board's codes or an agency's branch ("VELCOUR serv. pers. santé", "Velcour -
  Agence de Nantes"), and the body names it again;
- ``conditions``: a line under the title gives only the job's contract, hours, pay or schedule
  ("Temps plein - 35 heures", "Part-time, 20 hours / week, £11.44 per hour"); the employer is
  named by a signature or nowhere (the truth is then empty);
- ``rating``: a board's copy gives the employer's line with its reviews' rating glued to it or
  on the lines under it ("Meadowbrook Care 3,9★", "Meadowbrook Care" over "3.9 out of 5
  stars"); the name may be common words or a town's ("Green Valley");
- ``posted_by``: a board's line names who posted the ad ("Posted 3 days ago by Harbourside
  Recruitment", "Publiée il y a 2 jours par Cabinet Velcour");
- ``signature_lead``: an address line opens with what to do before the name ("Send your CV to
  Meadowbrook Care, 4 Elm Road, Norwich NR1 2AB", "Candidatures à adresser à : Résidence Les
  Tilleuls, 3 rue des Lilas, 44000 Nantes");
- ``company_first``: the title line gives the employer first ("Meadowbrook Care - Senior
  Carer", "Boulangerie Velcour | Vendeur (H/F)");
- ``anonymous``: a staffing agency's ad that names neither itself nor its client ("Notre
  client, une PME…", "Our client, a leading retailer…"), a board's conditions line under the
  title; the truth is empty.

Names are syllables, or common words (``common_name``: "Les Tilleuls", "Harbour View",
"Green Valley"), which a dictionary knows and a name test must not need to be unknown.

    python -m bench.synthetic_offer_employers 3      # print three ads with their truth
"""

from __future__ import annotations

import random
import sys

from bench.synthetic_offer_headers import (
    ASK,
    BENEFITS,
    HEADINGS,
    MISSIONS,
    SKILLS,
    TITLES,
    TOWNS,
    HeaderAd,
)
from bench.synthetic_offer_headers import (
    _word as word,
)

SHAPES = ("signature", "long_subject", "place_is", "domain_only", "header_lead", "conditions",
          "rating", "posted_by", "signature_lead", "company_first", "anonymous")  # fmt: skip
# Employers' names made of common words (and towns' names) for the newer shapes.
COMMON_FIRST = {"fr": ("Résidence", "Boulangerie", "Hôtel", "Garage", "Camping", "Maison",
                       "Transports", "Pharmacie"),
                "en": ("Harbour", "Golden", "Maple", "Silver", "Bright", "Oak", "Meadow", "River")}  # fmt: skip
COMMON_SECOND = {"fr": ("Les Tilleuls", "du Parc", "de la Gare", "Les Pins", "du Centre",
                        "Le Moulin", "La Source"),
                 "en": ("View", "Grove", "Court", "Lane", "House", "Meadows", "Park")}  # fmt: skip
TOWN_NAMES = ("Green Valley", "Maison Blanche", "Fairview", "Riverside")
RATINGS = {"fr": ("{n} 3,9★", "{n}\n3,9 sur 5 étoiles", "{n}\n4,1\n4,1 sur 5 étoiles"),
           "en": ("{n} 3.9★", "{n}\n3.9 out of 5 stars", "{n}\n4.1\n4.1 out of 5 stars")}  # fmt: skip
POSTED_BY = {"fr": ("Publiée il y a {d} jours par {n}", "Offre publiée par {n}"),
             "en": ("Posted {d} days ago by {n}", "Posted by {n}")}  # fmt: skip
SIGNATURE_LEADS = {"fr": ("Candidatures à adresser à : {n}", "Envoyez votre CV à {n}",
                          "Merci d'écrire à {n}"),
                   "en": ("Send your CV to {n}", "Please apply in writing to {n}",
                          "Applications to: {n}")}  # fmt: skip
ANONYMOUS = {"fr": ("Notre client, une PME spécialisée dans la propreté, recherche un(e) {t}.",
                    "Pour le compte de notre client, acteur majeur de la distribution, nous "
                    "recherchons un(e) {t}."),
             "en": ("Our client, a leading retailer, is looking for a {t}.",
                    "We are recruiting on behalf of a busy private hospital for a {t}.")}  # fmt: skip
# What a board writes after the employer's name on its line: sector codes, a branch.
LEAD_TAILS = ("tert. adm. compta.", "serv. pers. santé", "- Agence de {t}", "agence {t} Sud",
              "(agence 044)", "- branch 12", "ind. BTP")  # fmt: skip
MENTIONS = {
    "fr": ("{n} vous ouvre toutes les portes de l'emploi.", "Les équipes de {n} vous accompagnent.",
           "Votre agence {n} vous propose des missions variées."),
    "en": ("{n} opens every door to employment.", "The {n} team will support you.",
           "Your local {n} branch offers varied assignments."),
}  # fmt: skip
# Words for what the employer is, written before its proper name ("Thermes de Valorin").
KINDS_FR = ("Thermes de", "Résidence", "Clinique", "EHPAD", "Maison", "Camping",
            "Boulangerie", "Garage", "Pharmacie", "Hôtel")  # fmt: skip
ENDINGS_EN = ("Nurseries", "Care Home", "Hotel", "Garden Centre", "Bakery", "Dental Practice",
              "Motors", "Pharmacy", "Lodge", "Farms")  # fmt: skip
CONDITIONS = {
    "fr": ("Temps plein - {h} heures", "CDI - {h}h/semaine", "Temps partiel {h}h hebdo - {p},50 €/h",
           "CDD 6 mois - {h}h", "{h} heures par semaine", "Salaire : {k} 000 € brut annuel",
           "Horaires de jour - {h}h"),
    "en": ("Full time - {h} hours per week", "Part-time, {h} hours / week, £{p}.44 per hour",
           "Permanent - {h} hrs", "£{k},000 per annum", "{h} hours per week, days and nights",
           "Fixed term contract - 6 months"),
}  # fmt: skip
HOTEL_KIND = {"fr": ("L'hôtel", "La résidence", "Le camping", "La clinique", "Le restaurant"),
              "en": ("The", "The", "Our")}  # fmt: skip
BRAND_WORDS = ("Styles", "Grand", "Royal", "Park", "Centre", "Gare", "Plaza", "Suites", "Lodge",
               "Riverside", "Marina", "Village")  # fmt: skip
INTRO = {
    "fr": ["Nous recherchons un(e) {t} motivé(e) pour renforcer notre équipe.",
           "Poste à pourvoir dès que possible, en CDI.",
           "Vous rejoignez une équipe soudée et bienveillante."],
    "en": ["We are looking for a motivated {t} to strengthen our team.",
           "The position is available immediately, full time.",
           "You will join a friendly and supportive team."],
}  # fmt: skip


def common_name(rng: random.Random, language: str) -> str:
    """A name of common words, or a town's name: nothing in it a dictionary does not know."""
    if rng.random() < 0.2:
        return rng.choice(TOWN_NAMES)
    return f"{rng.choice(COMMON_FIRST[language])} {rng.choice(COMMON_SECOND[language])}"


def _any_name(rng: random.Random, language: str) -> str:
    return common_name(rng, language) if rng.random() < 0.6 else _employer(rng, language)


def _employer(rng: random.Random, language: str) -> str:
    if language == "fr":
        return f"{rng.choice(KINDS_FR)} {word(rng)}"
    return f"{word(rng)} {rng.choice(ENDINGS_EN)}"


def _signature(rng: random.Random, fr: bool, employer: str, town: str) -> list[str]:
    street = f"{rng.randint(2, 40)} allée des Sources" if fr else f"{rng.randint(2, 400)} Elm Road"
    code = f"{rng.randint(10, 95)}000 {town}" if fr else f"{town}, IL 6{rng.randint(1000, 9999)}"
    contact = rng.choice(("Service RH", "Direction des ressources humaines", "Mme Martin")
                         if fr else ("HR Department", "Attn: Jane Doe", "Human Resources"))  # fmt: skip
    form = rng.choice(("inline", "block", "block_lead"))
    if form == "inline":
        return [f"{contact}, {employer}, {street}, {code}"]
    lead = (rng.choice(("Merci d'adresser votre candidature à :", "Candidature à envoyer à :"))
            if fr else rng.choice(("Send Resume to:", "Please apply in writing to:")))  # fmt: skip
    block = (
        [employer, contact, street, code]
        if rng.random() < 0.5
        else [contact, employer, street, code]
    )
    return [lead, *block] if form == "block_lead" else block


def _long_subject(rng: random.Random, fr: bool, town: str, title: str) -> tuple[str, str]:
    """The hiring sentence and the employer's name it gives (four or five words)."""
    brand = word(rng)
    words = [brand, *rng.sample(BRAND_WORDS, rng.randint(1, 2)), town]
    if rng.random() < 0.5:
        words.insert(1, word(rng))
    name = " ".join(words[:5])
    kind = rng.choice(HOTEL_KIND["fr" if fr else "en"])
    opening = rng.choice(
        ("", "Dans le cadre de son développement, " if fr else "To support its growth, ")
    )
    verb = rng.choice(("recrute", "recherche") if fr else ("is hiring", "is looking for"))
    subject = f"{kind} {name}"
    if opening:
        subject = subject[0].lower() + subject[1:] if fr else subject.replace("The ", "the ", 1)
    article = "un(e)" if fr else "a"
    return f"{opening}{subject} {verb} {article} {title}.", name


def _place_is(rng: random.Random, fr: bool, town: str) -> str:
    unit = rng.choice(("Ward 12", "Maple Ward", "Community Nursing", "Night Shift", "Theatre 3"))
    return rng.choice(
        (f"Le Pays de {town} est un territoire dynamique de 400 000 habitants.",
         f"La Vallée du {word(rng)} est un territoire rural et touristique.",
         f"Rejoignez notre équipe {rng.choice(('de nuit', 'du service Pédiatrie', 'Bloc B'))} !")
        if fr
        else (f"Join our {unit} team and make a difference every day.",
              f"The {town} Valley is a beautiful place to live and work.",
              f"Join our friendly {unit} team!")
    )  # fmt: skip


def employer_ad(seed: int) -> HeaderAd:
    rng = random.Random(seed)
    fr = (language := rng.choice(("fr", "en"))) == "fr"
    shape = rng.choice(SHAPES)
    title = rng.choice(TITLES[language])
    town = rng.choice(TOWNS[language])
    skills = rng.sample(SKILLS[language], rng.randint(3, 4))
    missions, profile, benefits = HEADINGS[language]
    asks = [rng.choice(ASK[language]).format(s=s) for s in skills]
    intro = [s.format(t=title) for s in rng.sample(INTRO[language], 2)]
    head = [title + (" (H/F)" if fr and rng.random() < 0.5 else ""), town, ""]
    body = [*intro, "", missions, *[f"- {m}" for m in MISSIONS[language]], "",
            profile, *[f"- {a[0].upper()}{a[1:]}" for a in asks], "",
            benefits, *BENEFITS[language], ""]  # fmt: skip
    truth, others, tail, shaped = "", [], [], ""
    if shape == "signature":
        truth = _employer(rng, language)
        tail = _signature(rng, fr, truth, town)
    elif shape == "long_subject":
        shaped, truth = _long_subject(rng, fr, town, title)
        kind_word = shaped.split(" " + truth)[0].split()[-1].split("'")[-1]
        others = [f"{kind_word} {truth}"]
    elif shape == "place_is":
        shaped = _place_is(rng, fr, town)
        if rng.random() < 0.5:
            truth = _employer(rng, language)
            tail = _signature(rng, fr, truth, town)
    elif shape == "header_lead":
        truth = word(rng)
        written = truth.upper() if rng.random() < 0.5 else truth
        lead = f"{written} {rng.choice(LEAD_TAILS).format(t=town)}"
        head.insert(rng.choice((1, 2)), lead)
        others = [written]
        shaped = rng.choice(MENTIONS[language]).format(n=truth if rng.random() < 0.5 else written)
    elif shape == "conditions":
        line = rng.choice(CONDITIONS[language]).format(
            h=rng.randint(16, 39), p=rng.randint(11, 14), k=rng.randint(21, 32)
        )
        head.insert(1, line)
        if rng.random() < 0.5:
            truth = _employer(rng, language)
            tail = _signature(rng, fr, truth, town)
    elif shape == "rating":
        truth = _any_name(rng, language)
        head[1:1] = rng.choice(RATINGS[language]).format(n=truth).split("\n")
    elif shape == "posted_by":
        truth = _any_name(rng, language)
        head.insert(1, rng.choice(POSTED_BY[language]).format(n=truth, d=rng.randint(2, 9)))
    elif shape == "signature_lead":
        truth = _any_name(rng, language)
        street = f"{rng.randint(2, 40)} rue des Lilas" if fr else f"{rng.randint(2, 90)} Elm Road"
        code = f"{rng.randint(10, 95)}000 {town}" if fr else f"{town} NR1 2AB"
        lead = rng.choice(SIGNATURE_LEADS[language]).format(n=truth)
        tail = [f"{lead}, {street}, {code}"]
    elif shape == "company_first":
        truth = _any_name(rng, language)
        head[0] = f"{truth} {rng.choice(('-', '|', '–'))} {head[0]}"
    elif shape == "anonymous":
        shaped = rng.choice(ANONYMOUS[language]).format(t=title)
        head.insert(
            1,
            rng.choice(CONDITIONS[language]).format(
                h=rng.randint(16, 39), p=rng.randint(11, 14), k=rng.randint(21, 32)
            ),
        )
    else:
        brand = word(rng)
        kind = rng.choice(
            ("thermes", "residence", "clinique", "") if fr else ("care", "hotels", "")
        )
        slug = f"{kind}-{brand.lower()}" if kind else brand.lower()
        truth = f"{kind.capitalize()} {brand}" if kind else brand
        others = [brand]
        tld = "fr" if fr else rng.choice(("com", "co.uk"))
        tail = [rng.choice((f"Envoyez votre CV à candidature@{slug}.{tld}",
                            f"Candidatures : rh@{slug}.{tld} ou www.{slug}.{tld}")
                           if fr else (f"Send your CV to jobs@{slug}.{tld}",
                                       f"Apply at www.{slug}.{tld}/careers"))]  # fmt: skip
    if shaped:
        where = rng.choice((0, len(intro) // 2 + 1, len(body)))
        body.insert(where, shaped)
    return HeaderAd(
        text="\n".join([*head, *body, *tail]) + "\n",
        language=language,
        title=title,
        company=truth,
        other_companies=others,
        skills=skills,
        shapes={"top": "plain", "title": "plain", "company": shape},
    )


def employer_ads(count: int, start: int = 0) -> list[HeaderAd]:
    return [employer_ad(seed) for seed in range(start, start + count)]


if __name__ == "__main__":
    for ad in employer_ads(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
        print(ad.text, repr(ad.title), repr(ad.company), ad.shapes, "\n---")
