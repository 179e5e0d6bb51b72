"""Synthetic ads of the header shapes real ads take, with their truth: the fuzzer of the offer
reader's title and company. Nothing here comes from a real ad: names are made of syllables,
sentences of templates, in French and English, in trades well outside software (care, retail,
building trades, hospitality, logistics, accounting, public employers, staffing agencies).

Each ad draws, independently:
- what sits above the title: nothing, a call to action ("Join our team!"), a job board's banner,
  the company's logo text, a publication line ("Publié le … – offre n° …");
- how the title is written: alone, with a gender mark, with a reference code stuck to it, or as
  a labelled field ("Intitulé du poste : …", "Job title<TAB>…");
- where the employer is named: under the title, a labelled field ("Employeur : X", "Employer"
  over "X"), "X
  recrute", "Chez X, …" / "At X, we…", "Rejoindre X" / "Join X", an "About X" heading, only in
  the body beside an e-mail or web domain, in a footer signature, written three ways, by a
  staffing agency (naming its client or not), a public employer, or nowhere (the truth is then
  an empty company);
- body words that hold a stray capital letter ("R&D", "C'est…") no skill may be read from.

    python -m bench.synthetic_offer_headers 3      # print three ads with their truth
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field

SYLLABLES = ("vel", "la", "cour", "bri", "ta", "wa", "ter", "nor", "dal", "mi", "ro", "zen",
             "tha", "quar", "lis", "ben", "ova", "kor", "sen", "tre", "mar", "do", "vik", "ula")  # fmt: skip
LEGAL = {"fr": ("SAS", "SARL", "SA"), "en": ("Ltd", "Inc.", "LLC")}
TOWNS = {"fr": ("Nantes", "Rennes", "Angers", "Tours", "Dijon", "Reims", "Brest"),
         "en": ("Leeds", "Bristol", "Denver", "Tampa", "Omaha", "Boise", "Norwich")}  # fmt: skip
PLACE_LINE = {"fr": ("{t}", "{t} (44)", "44 - {t}", "{t}, France"),
              "en": ("{t}", "{t}, UK", "{t}, CO", "Remote - {t}")}  # fmt: skip
# Titles as ads write them, gender forms included; the truth keeps them.
TITLES = {
    "fr": ["Infirmier / Infirmière de bloc", "Technicien·ne de maintenance", "Aide-soignant",
           "Vendeur / Vendeuse en boulangerie", "Comptable fournisseurs", "Cariste",
           "Préparateur de commandes", "Réceptionniste de nuit", "Commis de cuisine",
           "Plombier chauffagiste", "Agent d'accueil", "Gestionnaire de paie",
           "Conseiller·ère de vente", "Chef de rang", "Électricien du bâtiment"],
    "en": ["Registered Nurse", "Store Associate", "Electrician", "Line Cook",
           "Warehouse Associate", "Accounts Payable Clerk", "Housekeeping Supervisor",
           "Forklift Operator", "Payroll Administrator", "Maintenance Technician",
           "Care Assistant", "Dispatcher", "Front Office Agent", "Plumber", "Bookkeeper"],
}  # fmt: skip
SKILLS = {
    "fr": ["CACES 3", "Excel", "Sage", "gestion des stocks", "HACCP", "soins infirmiers",
           "relation client", "encaissement", "lecture de plans", "habilitation électrique",
           "paie", "permis B", "travail en équipe", "hygiène"],
    "en": ["forklift certification", "Excel", "QuickBooks", "customer service", "food safety",
           "cash handling", "inventory management", "patient care", "CPR certification",
           "blueprint reading", "payroll", "scheduling", "Microsoft Office"],
}  # fmt: skip
ASK = {
    "fr": ["Vous maîtrisez {s}.", "Une expérience en {s} est exigée.",
           "Bonne connaissance de {s}.", "Des compétences en {s} sont indispensables."],
    "en": ["Experience with {s} is required.", "Strong knowledge of {s}.",
           "Proficiency in {s}.", "{s} experience is a must."],
}  # fmt: skip
MISSIONS = {
    "fr": ["Vous assurerez l'accueil et le suivi des demandes.",
           "Vous travaillerez en lien avec le service R&D et la direction.",
           "Vous serez rattaché au responsable du site."],
    "en": ["You will welcome customers and follow up their requests.",
           "You will work with the R&D team and the site manager.",
           "You will report to the site manager."],
}  # fmt: skip
STRAY = {"fr": "C'est un poste clé, ouvert dès maintenant.",
         "en": "It's a key role. C-level support is provided."}  # fmt: skip
HEADINGS = {"fr": ("Vos missions", "Profil recherché", "Avantages"),
            "en": ("Your missions", "Requirements", "Benefits")}  # fmt: skip
BENEFITS = {"fr": ["- Mutuelle", "- Tickets restaurant"],
            "en": ["- Health insurance", "- Paid time off"]}  # fmt: skip
BOARDS = ("Jobzilo", "Emplovia", "Carrivo", "Workora", "Talendo")
CALLS = {"fr": ("Rejoignez-nous !", "Nous rejoindre", "Postuler", "Envie de nous rejoindre ?"),
         "en": ("Join our team!", "Apply now", "We're hiring!", "Careers")}  # fmt: skip
BANNER = {"fr": ("{b} - Offres d'emploi", "{b} | L'emploi près de chez vous", "{b}"),
          "en": ("{b} Jobs", "{b} | Find your next job", "{b}")}  # fmt: skip
PUBLICATION = {"fr": ("Publié le 03/02/2025 - offre n° 184KXQZ", "Actualisé le 12 mars 2025"),
               "en": ("Posted on March 3, 2025 · Ref. JR-20418", "Date posted: 2025-03-03")}  # fmt: skip
TOPS = ("plain", "call", "banner", "logo", "publication")
TITLE_FORMS = ("plain", "gender", "reference", "labelled")
COMPANY_SHAPES = ("under_title", "label", "recruits", "chez", "join", "about", "domain",
                  "footer", "three_ways", "agency", "agency_client", "public", "none")  # fmt: skip
PUBLIC = {"fr": ("Mairie de {t}", "Centre hospitalier de {t}", "Communauté de communes de {t}"),
          "en": ("City of {t}", "County of {t}", "{t} Public Schools")}  # fmt: skip
AGENCY = {"fr": "Intérim", "en": "Staffing"}


@dataclass
class HeaderAd:
    text: str
    language: str
    title: str
    company: str  # "" when the ad names no employer
    other_companies: list[str] = field(default_factory=list)  # also right (an agency's client)
    skills: list[str] = field(default_factory=list)
    shapes: dict[str, str] = field(default_factory=dict)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _company(rng: random.Random, language: str, shape: str, town: str) -> str:
    if shape == "public":
        return rng.choice(PUBLIC[language]).format(t=town)
    name = _word(rng)
    if shape in ("footer", "three_ways") or rng.random() < 0.3:
        return (
            f"{name} {rng.choice(LEGAL[language])}"
            if shape not in ("agency", "agency_client")
            else name
        )
    return name if rng.random() < 0.7 else f"{name} {_word(rng)}"


def _title_line(rng: random.Random, language: str, title: str, form: str) -> str:
    if form == "gender":
        return f"{title} {rng.choice(('(H/F)', 'H/F', '(F/H)'))}" if language == "fr" else title
    if form == "reference":
        return rng.choice((f"{title} - Réf. 2025-{rng.randint(100, 999)}",
                           f"REF-{rng.randint(1000, 9999)} - {title}",
                           f"{title} (réf : AB{rng.randint(100, 999)})",
                           f"[REF-{rng.randint(10, 99)}] {title}",
                           f"{title} Réf : AB-{rng.randint(100, 999)}",
                           f"Job ID: {rng.randint(10000, 99999)} {title}",
                           f"{title} #{rng.randint(10000, 99999)}",
                           f"Offre d'emploi : {title}"))  # fmt: skip
    if form == "labelled":
        label = rng.choice(("Intitulé du poste : {}", "Poste\t{}", "Intitulé du poste\n{}")
                           if language == "fr"
                           else ("Job title: {}", "Title\t{}", "Job title\n{}"))  # fmt: skip
        return label.format(title)
    return title


def _base(name: str) -> str:
    """The name without its legal form ("Vellacour SAS" → "Vellacour")."""
    words = name.split()
    legal = {form for forms in LEGAL.values() for form in forms}
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in legal else name


def header_ad(seed: int) -> HeaderAd:
    rng = random.Random(seed)
    fr = (language := rng.choice(("fr", "en"))) == "fr"
    title = rng.choice(TITLES[language])
    town = rng.choice(TOWNS[language])
    top, form = rng.choice(TOPS), rng.choice(TITLE_FORMS)
    shape = rng.choice(COMPANY_SHAPES)
    company = _company(rng, language, shape, town)
    short = _base(company)
    client = f"{_word(rng)} {rng.choice(LEGAL[language])}"
    truth, others = company, []
    if shape == "none":
        truth = ""
    if shape == "agency_client":
        others = [client, _base(client)]
    place = rng.choice(PLACE_LINE[language]).format(t=town)
    skills = rng.sample(SKILLS[language], rng.randint(3, 4))
    lines: list[str] = []
    if top == "call":
        lines.append(rng.choice(CALLS[language]))
    elif top == "banner":
        lines.append(rng.choice(BANNER[language]).format(b=rng.choice(BOARDS)))
    elif top == "logo" and shape != "none":
        lines.append(short.upper())
    elif top == "publication":
        lines.append(rng.choice(PUBLICATION[language]))
    lines.append(_title_line(rng, language, title, form))
    if shape in ("under_title", "agency", "agency_client"):
        lines.append(company if shape == "under_title" else f"{company} {AGENCY[language]}")
        if shape != "under_title":
            truth = f"{company} {AGENCY[language]}"
            others = [*others, company]
    if shape == "label":
        lines.append(rng.choice(("Employeur : {}", "Entreprise\t{}", "Employeur\n{}") if fr
                                else ("Company: {}", "Employer\t{}", "Employer\n{}")
                                ).format(company))  # fmt: skip
    lines.append(f"Lieu de travail : {place}" if form == "labelled" and fr else place)
    lines.append("")
    intro = {
        "recruits": f"{company} recrute un(e) {title} pour son site de {town}."
        if fr
        else f"{company} is looking for a {title} to join its {town} site.",
        "chez": f"Chez {short}, nous plaçons l'humain au cœur de nos métiers."
        if fr
        else f"At {short}, we put people first in everything we do.",
        "join": f"Rejoindre {short}, c'est intégrer une équipe de 40 personnes."
        if fr
        else f"Join {short} and grow with a team of 40 people.",
        "about": f"À propos de {short}\n{short} accompagne ses clients depuis 1998."
        if fr
        else f"About {short}\n{short} has served its customers since 1998.",
        "domain": f"Les équipes de {short} interviennent dans toute la région."
        if fr
        else f"The teams of {short} work across the region.",
        "three_ways": f"{short.upper()} est une entreprise familiale. {short} emploie 60 personnes."
        if fr
        else f"{short.upper()} is a family business. {short} employs 60 people.",
        "agency": f"{company} {AGENCY[language]} recrute pour l'un de ses clients, une PME "
        f"de la région."
        if fr
        else f"{company} {AGENCY[language]} is hiring for one of its clients, a local business.",
        "agency_client": f"{company} {AGENCY[language]} recrute pour son client {client}, "
        "acteur régional."
        if fr
        else f"{company} {AGENCY[language]} is hiring for its client "
        f"{client}, a regional business.",
        "public": f"La {company} recrute pour ses services."
        if fr
        else f"The {company} is hiring for its services.",
        "none": "Notre client, une PME familiale, renforce son équipe."
        if fr
        else "Our client, a family-owned business, is growing its team.",
    }.get(shape, "")
    if shape == "public" and not fr:
        intro = f"The {company} is hiring for its public services."
    lines += [*intro.split("\n"), ""] if intro else []
    if top == "logo" and shape != "none" and short not in intro:
        lines += [f"{short} est une entreprise de {town}." if fr
                  else f"{short} is a business based in {town}.", ""]  # fmt: skip
    missions, profile, benefits = HEADINGS[language]
    lines += [missions, *[f"- {m}" for m in MISSIONS[language]], STRAY[language], ""]
    asks = [rng.choice(ASK[language]).format(s=s) for s in skills]
    lines += [profile, *[f"- {a[0].upper()}{a[1:]}" for a in asks], ""]
    lines += [benefits, *BENEFITS[language], ""]
    slug = short.lower().replace(" ", "")
    if shape == "domain":
        lines.append(f"Envoyez votre CV à recrutement@{slug}.fr" if fr
                     else f"Send your resume to jobs@{slug}.com")  # fmt: skip
    elif shape == "footer":
        lines += [f"{company} – 12 rue des Lilas, {town}" if fr
                  else f"{company} – 12 Elm Street, {town}", f"www.{slug}.{'fr' if fr else 'com'}"]  # fmt: skip
    elif shape == "three_ways":
        lines.append(f"{company} – {town}")
    return HeaderAd(
        text="\n".join(lines) + "\n",
        language=language,
        title=title,
        company=truth,
        other_companies=[_base(truth), *others] if truth else [],
        skills=skills,
        shapes={"top": top, "title": form, "company": shape},
    )


PAGES = ("aggregator", "public_board", "network", "startup_board", "careers")


def _page_top(
    rng: random.Random, page: str, fr: bool, title: str, company: str, town: str, named: bool
) -> tuple[list[str], list[str]]:
    """A whole page copied with the ad (``page``'s chrome, invented but shaped like real
    boards'): the lines above the body and those after it. ``named``: the page names the
    employer (a public board's ad may not)."""
    board = rng.choice(BOARDS)
    gender = " (H/F)" if fr else ""
    if page == "aggregator":
        return [
            "Skip to main content",
            board,
            "Find jobs" if not fr else "Trouver un emploi",
            "Company reviews" if not fr else "Avis sur les entreprises",
            "Sign in" if not fr else "Connexion",
            f"{title}{gender}",
            company,
            "4,1 sur 5 étoiles" if fr else "4.1 out of 5 stars",
            f"{town}, France" if fr else f"{town}, CO",
            "11,88 € - 13 € par heure - Temps plein" if fr else "$18 - $22 an hour - Full-time",
            "Postuler maintenant" if fr else "Apply now",
            "",
            "Description du poste" if fr else "Full job description",
        ], []
    if page == "public_board":
        top = [
            f"Offre n° {rng.randint(100, 199)}KXQZ",
            f"{title}{gender}",
            f"44 - {town.upper()} - Localiser avec Mappy",
            "Publié le 12 mars 2025 - offre n° 184KXQZ",
            "",
        ]
        tail = ["", "Type de contrat", "CDI", "Durée du travail", "35H/semaine", ""]
        if named:
            tail += [
                "Entreprise" if rng.random() < 0.5 else "Employeur",
                company.upper(),
                "10 à 19 salariés",
                rng.choice(
                    (
                        f"{company} est une entreprise de la région de {town}.",
                        "Entreprise familiale implantée dans la région.",
                    )
                ),
            ]
        return top, tail
    if page == "network":
        return [
            company,
            f"{title}{gender}",
            f"{town}, France · Republiée il y a 2 semaines · Plus de 100 candidatures"
            if fr
            else f"{town}, CO · Reposted 2 weeks ago · Over 100 applicants",
            "Sur site  Temps plein" if fr else "On-site  Full-time",
            "Postuler" if fr else "Apply",
            "Enregistrer" if fr else "Save",
            "",
            "À propos de l’offre d’emploi" if fr else "About the job",
        ], [
            "",
            "À propos de l’entreprise" if fr else "About the company",
            company,
            "Services · 1 234 abonnés" if fr else "Services · 1,234 followers",
        ]
    if page == "startup_board":
        return [
            company,
            f"{title}{gender}",
            "CDI" if fr else "Full-time",
            town,
            "Télétravail fréquent" if fr else "Hybrid",
            "Salaire : 28K à 32K €" if fr else "Salary: $40K to $48K",
            "Postuler" if fr else "Apply",
            "",
            "Le poste" if fr else "The job",
            "Descriptif du poste" if fr else "Job description",
        ], []
    return [
        f"Carrières | {company}" if fr else f"Careers | {company}",
        "Retour aux offres" if fr else "Back to all jobs",
        f"{title}{gender}",
        f"Opérations · {town} · CDI" if fr else f"Operations · {town} · Full-time",
        "Postuler à cette offre" if fr else "Apply for this job",
        "",
    ], []


def page_ad(seed: int) -> HeaderAd:
    """An ad copied with its whole page: a board's or careers site's chrome around it."""
    rng = random.Random(seed)
    fr = (language := rng.choice(("fr", "en"))) == "fr"
    page = rng.choice(PAGES)
    if page == "public_board":
        fr, language = True, "fr"
    title = rng.choice(TITLES[language])
    town = rng.choice(TOWNS[language])
    company = _word(rng) if rng.random() < 0.6 else f"{_word(rng)} {_word(rng)}"
    named = page != "public_board" or rng.random() < 0.7
    top, tail = _page_top(rng, page, fr, title, company, town, named)
    skills = rng.sample(SKILLS[language], rng.randint(3, 4))
    missions, profile, benefits = HEADINGS[language]
    asks = [rng.choice(ASK[language]).format(s=s) for s in skills]
    intro = (f"Nous recherchons un(e) {title} pour notre équipe de {town}." if fr
             else f"We are looking for a {title} for our {town} team.")  # fmt: skip
    body = [intro, "", missions, *[f"- {m}" for m in MISSIONS[language]], STRAY[language], "",
            profile, *[f"- {a[0].upper()}{a[1:]}" for a in asks], "",
            benefits, *BENEFITS[language]]  # fmt: skip
    return HeaderAd(
        text="\n".join([*top, *body, *tail]) + "\n",
        language=language,
        title=title,
        company=company if named else "",
        other_companies=[company.upper()] if named else [],
        skills=skills,
        shapes={"top": f"page:{page}", "title": "page", "company": f"page:{page}"},
    )


def header_ads(count: int, start: int = 0) -> list[HeaderAd]:
    """Ads of every header shape; one in four copied with a whole page."""
    return [
        page_ad(seed) if seed % 4 == 3 else header_ad(seed) for seed in range(start, start + count)
    ]


if __name__ == "__main__":
    for ad in header_ads(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
        print(ad.text, repr(ad.title), repr(ad.company), ad.skills, ad.shapes, "\n---")
