"""The words of careers outside offices, for synthetic CVs (bench/synthetic_cv_content.py's
``careers="trades"``): care, retail, hospitality, building trades, logistics, teaching, public
service. The office vocabulary's employers are syllables and sector words; real employers
outside offices are mostly dictionary words, a kind and a name ("Boulangerie Fontaine",
"Résidence Les Tilleuls", "The Red Lion", "Hartley Care Home"), and their towns are often
small. Nothing here comes from a real CV: kinds, common surnames and town names are combined at
random.
"""

from __future__ import annotations

import random

SURNAMES = {
    "fr": ("Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Fontaine", "Chevalier",
           "Rousseau", "Garnier", "Mercier", "Blanchard", "Perrin", "Marchand", "Guérin"),
    "en": ("Harris", "Clarke", "Walker", "Wright", "Turner", "Baker", "Hartley", "Fletcher",
           "Holloway", "Bennett", "Marsh", "Whitfield", "Pearson", "Dawson", "Ashworth"),
}  # fmt: skip
TOWNS = {
    "fr": ("Vienne", "Voiron", "Bron", "Oullins", "Roanne", "Mâcon", "Annecy", "Chambéry",
           "Bourg-en-Bresse", "Lannion", "Agen", "Millau", "Saint-Priest", "Vénissieux", "Redon",
           "Ambérieu-en-Bugey", "Saint-Jean-de-Bournay", "Lagnieu", "Dax", "Brive-la-Gaillarde"),
    "en": ("Salford", "Wigan", "Bolton", "Stockport", "Swindon", "Reading", "Luton", "Crawley",
           "Woking", "Maidstone", "Hove", "Harrogate", "Kendal", "Truro", "Ilkley", "Whitby",
           "Bury St Edmunds", "Market Harborough", "Leamington Spa", "Chester"),
}  # fmt: skip
TREES = ("Tilleuls", "Glycines", "Charmilles", "Érables", "Peupliers", "Jardins", "Lilas")
NOUNS_EN = ("Lion", "Swan", "Oak", "Crown", "Anchor", "Plough", "Bell", "Fox", "Star")
COLOURS_EN = ("Red", "White", "Golden", "Black", "Green", "Royal", "Old")
NOUNS_FR = ("Parc", "Lac", "Commerce", "Marché", "Port", "Centre", "Moulin", "Pont")
TITLES = {
    "en": ("Care Assistant", "Registered Nurse", "Healthcare Assistant", "Line Cook",
           "Kitchen Porter", "Waitress", "Bartender", "Sales Assistant", "Cashier",
           "Warehouse Operative", "Forklift Driver", "Delivery Driver", "Electrician", "Plumber",
           "Carpenter", "Teaching Assistant", "Nursery Practitioner", "Housekeeper",
           "Receptionist", "Security Officer", "Cleaner", "Hairdresser", "Support Worker",
           "Store Supervisor", "Bookkeeper", "Site Supervisor"),
    "fr": ("Aide-soignante", "Infirmière", "Auxiliaire de vie", "Agent de service hospitalier",
           "Serveuse", "Commis de cuisine", "Cuisinier", "Plongeur", "Vendeuse",
           "Hôtesse de caisse", "Employé libre-service", "Préparateur de commandes", "Cariste",
           "Chauffeur livreur", "Électricien", "Plombier chauffagiste", "Menuisier", "Maçon",
           "Agent d'entretien", "Animatrice périscolaire", "ATSEM", "Réceptionniste",
           "Agent de sécurité", "Coiffeuse", "Boulanger", "Aide-comptable", "Chef d'équipe"),
}  # fmt: skip
BULLETS = {
    "en": ("Served up to {n} customers a shift.", "Restocked shelves and rotated stock.",
           "Supported {n} residents with personal care.", "Prepared meals for {n} covers.",
           "Cleaned and reset {n} rooms a day.", "Loaded and unloaded delivery lorries.",
           "Picked {n} orders a day with a handheld scanner.", "Handled cash and card payments.",
           "Wired {n} new-build homes to regulations.", "Supported pupils with reading."),
    "fr": ("Accueil et encaissement des clients.", "Mise en rayon et gestion des stocks.",
           "Soins d'hygiène et de confort de {n} résidents.",
           "Préparation des repas pour {n} couverts.", "Entretien des locaux.",
           "Chargement et déchargement des camions.", "Préparation de {n} commandes par jour.",
           "Aide à la prise des repas.", "Câblage de {n} logements neufs.",
           "Animation d'ateliers pour les enfants."),
}  # fmt: skip
DEGREES = {
    "en": ("NVQ Level 3 in Health and Social Care", "BTEC National Diploma in Business",
           "GCSEs", "A-Levels", "City & Guilds Level 2 Electrical Installation",
           "Diploma in Nursing"),
    "fr": ("CAP Petite enfance", "BEP Vente", "Bac pro Commerce",
           "Diplôme d'État d'aide-soignant", "CAP Cuisine", "Titre professionnel Cariste",
           "BTS Management commercial opérationnel"),
}  # fmt: skip


def employer(rng: random.Random, lang: str) -> str:
    """An employer outside offices: a kind and a name, in the CV's language."""
    town, surname = rng.choice(TOWNS[lang]), rng.choice(SURNAMES[lang])
    shapes: tuple[str, ...]
    if lang == "fr":
        shapes = (
            f"Boulangerie {surname}", f"EHPAD Les {rng.choice(TREES)}",
            f"Résidence Les {rng.choice(TREES)}", f"Mairie de {town}",
            f"Centre hospitalier de {town}", f"Hôtel du {rng.choice(NOUNS_FR)}",
            f"Brasserie du {rng.choice(NOUNS_FR)}", f"Transports {surname}",
            f"Garage {surname}", f"{surname} Bâtiment", f"Crèche Les {rng.choice(TREES)}",
            f"École élémentaire {surname}", f"ADMR de {town}", f"Supermarché {surname}",
        )  # fmt: skip
    else:
        shapes = (
            f"{town} Care Home", f"The {rng.choice(COLOURS_EN)} {rng.choice(NOUNS_EN)}",
            f"{surname} & Sons", f"{town} Borough Council", f"{surname} Builders Ltd",
            f"{surname} Nursery", f"{town} Primary School", f"{surname} Bakery",
            f"{surname} Electrical", f"{town} General Hospital", f"Hotel {surname}",
            f"{surname} Cleaning Services",
        )  # fmt: skip
    return rng.choice(shapes)


def school(rng: random.Random, lang: str) -> str:
    town = rng.choice(TOWNS[lang])
    if lang == "fr":
        return rng.choice(
            (f"Lycée professionnel {rng.choice(SURNAMES['fr'])}", f"IFSI de {town}",
             f"CFA de {town}", f"AFPA de {town}", f"GRETA {town}")
        )  # fmt: skip
    return rng.choice((f"{town} College", f"{town} Community College", f"University of {town}"))


def town(rng: random.Random, lang: str) -> str:
    return rng.choice(TOWNS[lang])
