"""Vocabulary that tells an entry heading's parts apart: job title, employer, place, degree.

General FR/EN words only (job titles across trades, legal forms, organisation nouns, countries);
each score is a count of signals, compared between the parts of one heading in ``roles.py``.
"""

from __future__ import annotations

import re

from app.lib.parsing.fields.contact import looks_like_location
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

TITLE_WORDS = word_set(
    """developpeur developpeuse developer engineer ingenieur ingenieure manager chef cheffe
    consultant consultante analyst analyste lead stagiaire intern internship stage directeur
    directrice director responsable head architect architecte designer scientist owner cto ceo
    cfo coo vp president presidente assistant assistante technicien technicienne technician
    commercial commerciale sales charge chargee officer specialist specialiste coordinator
    coordinateur coordinatrice administrateur administratrice administrator product
    projet devops sre support teacher professeur enseignant enseignante formateur formatrice
    trainer researcher chercheur chercheuse doctorant doctorante postdoc accountant comptable
    auditor auditeur auditrice nurse infirmier infirmiere freelance founder fondateur
    fondatrice cofondateur cofondatrice co-founder associate partner junior
    senior principal staff executive representative agent operator operateur operatrice editor
    redacteur redactrice writer journalist journaliste buyer acheteur acheteuse recruiter
    recruteur recruteuse controller controleur controleuse supervisor superviseur vendeur
    vendeuse conseiller conseillere advisor adviser gestionnaire employe employee apprenti
    apprentie apprentice alternant alternante mentor benevole volunteer programmer
    programmeur programmeuse fullstack full-stack backend frontend webmaster
    serveur serveuse waiter waitress cuisinier cuisiniere cook chef commis barista barman
    soudeur soudeuse welder inspecteur inspectrice inspector hotesse hote host hostess medecin
    physician doctor docteur pharmacien pharmacienne pharmacist caissier caissiere cashier
    livreur livreuse driver chauffeur manutentionnaire magasinier magasiniere cariste
    emballeur emballeuse preparateur preparatrice packer picker warehouse electricien
    electricienne electrician plombier plumber mecanicien mecanicienne mechanic macon
    menuisier carpenter boulanger boulangere baker patissier patissiere boucher butcher
    coiffeur coiffeuse hairdresser estheticienne esthetician aide-soignant aide-soignante
    caregiver educateur educatrice animateur animatrice instructor tuteur tutrice tutor
    receptionniste receptionist secretaire secretary clerk teller guichetier guichetiere
    agent polyvalent polyvalente employee ouvrier ouvriere worker labourer laborer gardien
    guard vigile customer helpdesk conducteur conductrice surveillant surveillante mannequin model
    commercant commercante merchant gerant gerante owner directeur-adjoint adjoint adjointe
    deputy manoeuvre matelot sailor marin pilote pilot steward stewardess traducteur
    traductrice translator interprete interpreter avocat avocate lawyer juriste paralegal
    notaire psychologue psychologist therapist kinesitherapeute dentiste dentist veterinaire
    sage-femme midwife pompier firefighter policier soldier militaire officier proprietaire
    gerant gerante exploitant exploitante dirigeant dirigeante pdg dg
    postdoc postdoctoral postdoctorant postdoctorante ater maitre maitresse lecturer professor
    fellow vacataire
    soignant soignante auxiliaire atsem aesh accompagnant accompagnante nounou nourrice
    babysitter sitter gouvernante lingere valet voiturier bagagiste portier concierge veilleur
    veilleuse intendant intendante econome plongeur plongeuse pizzaiolo barmaid equipier
    equipiere peintre plaquiste platrier carreleur carreleuse couvreur
    charpentier contremaitre geometre projeteur coursier postier facteur teleconseiller
    teleconseillere bibliothecaire maieuticien
    server bartender barback housekeeper maid cleaner janitor custodian caretaker groundskeeper
    nanny paraprofessional bookkeeper landscaper gardener machinist phlebotomist dispatcher
    lifeguard porter bellman bellhop doorman usher greeter runner busser stocker merchandiser
    bagger bookseller librarian archivist telemarketer underwriter adjuster actuary banker
    handyman painter roofer mason bricklayer plasterer glazier tiler joiner locksmith foreman
    estimator surveyor draftsman drafter fitter installer assembler fabricator millwright
    pipefitter scaffolder rigger courier mover loader sorter storekeeper shopkeeper salesman
    saleswoman salesperson attendant steward paramedic emt orderly sonographer radiographer
    hygienist optician optometrist dietitian dietician nutritionist counselor counsellor
    caseworker educator headteacher coach facilitator copywriter proofreader illustrator
    photographer videographer musician artist curator solicitor barrister attorney cna lpn
    dishwasher florist ergotherapeute crew shift member aide
    """
)
# Words that make a title with another ("project manager", "data analyst") but also name
# projects, teams and products: half a signal on their own.
TITLE_MODIFIERS = word_set(
    """project projet product produit data web mobile support sales commercial commerciale
    customer junior senior lead principal staff tech freelance associate partner executive
    crew shift member aide auxiliaire
    """
)
# A rank alone on the line under a title is the end of that title ("Data scientist" / "Junior").
TITLE_RANKS = word_set(
    """junior senior intern internship stagiaire trainee apprenti apprentie apprentice alternant
    alternante confirme confirmee principal lead assistant assistante adjoint adjointe
    """
)
# Endings of agent nouns ("préparateur", "opératrice", "monitrice", "pharmacienne"): weaker.
TITLE_SUFFIX_RE = re.compile(r"(?:eur|euse|rice|ier|iere|iste|icien|ienne|ician|ologist)s?$")
# The degrees of care, teaching, trades and accounting careers too (a nurse's BSN or DEAS, a
# teacher's PGCE or CAPES, an apprentice's NVQ, BTEC or CQP), French and English: a line naming
# one is a degree, never a job.
DEGREE_WORDS = word_set(
    """master masters licence bachelor bachelors bts dut but diplome doctorat phd mba bac
    baccalaureat msc bsc ba ma bs ms meng beng mastere ingenieur certificate certificat degree
    associate cap bep hnd deug dea dess prepa cpge l3 m1 m2 magistere doctorate
    btech mtech bcom mcom bca mca llb llm mphil dphil bfa mfa bsn msn adn dnp edd pgce
    gcse gcses nvq btec hnc ged deaes deas deap bpjeps dcg dscg cqp capes agregation deust
    titre rncp
    """
)
SCHOOL_WORDS = word_set(
    """universite university ecole school institut institute iut lycee college polytechnique
    insa hec essec escp academy academie faculte faculty conservatoire campus iae centrale
    mines telecom epitech epita cnam sorbonne cfa ifsi afpa greta polytechnic
    """
)
# Long enough not to be a state's or a province's code ("Boston, MA", "Jackson, MS"): a
# piece holding one names a school or a degree, never a place.
SCHOOLING_NAMES = frozenset(w for w in DEGREE_WORDS | SCHOOL_WORDS if len(w) >= 4)
# Degree words that are not job titles too ("ingénieur" is both).
DEGREE_ONLY = DEGREE_WORDS - TITLE_WORDS
# A degree's or a school's own word: a piece holding one is no job title, whatever its other
# words ("IFSI de Vienne", "Diplôme d'État d'infirmier").
SCHOOLING_ONLY = DEGREE_ONLY | SCHOOL_WORDS


COMPANY_WORDS = word_set(
    """sas sa sarl sasu eurl inc inc. ltd ltd. llc gmbh corp corp. corporation group groupe
    company co plc ag bv nv srl s.r.l. s.r.l spa s.a. s.a bank banque agence agency studio
    studios labs lab laboratoire laboratory technologies solutions consulting conseil services
    systems partners capital foundation fondation association ministere ministry mairie
    hopital hospital clinique clinic centre center university universite institut institute
    ecole school college lycee restaurant hotel magasin boutique supermarche
    cabinet office entreprise societe industries industrie international holding atelier ateliers
    ehpad chu chru creche boulangerie patisserie brasserie hypermarche superette commune
    collectivite residence ssiad esat cpam urssaf trust council borough bakery diner bistro
    pub inn salon farm ranch church parish resort motel casino
    """
)
LEGAL_FORM_RE = re.compile(r"\b(?:sas|sarl|sasu|eurl|inc|ltd|llc|gmbh|plc|s\.?r\.?l|s\.?a)\.?$")
DOMAIN_RE = re.compile(r"\b[\w-]+\.(?:com|fr|net|org|io|co|ma|be|ch|de|es|it|uk|ca)\b")
COMPANY_PREFIX_RE = re.compile(r"^(?:a|chez|at|@|pour|for)\s+")  # on folded text
COUNTRIES = word_set(
    """france belgique belgium suisse switzerland canada allemagne germany espagne spain
    italie italy portugal luxembourg irlande ireland pays-bas netherlands maroc morocco algerie
    algeria tunisie tunisia senegal cameroun cameroon egypte egypt kazakhstan russie russia
    ukraine pologne poland roumanie romania grece greece turquie turkey chine china japon japan
    inde india bresil brazil mexique mexico argentine argentina chili chile colombie colombia
    perou peru usa uk australie australia nigeria ghana kenya liban lebanon qatar emirats uae
    dubai singapour singapore vietnam autriche austria suede sweden norvege norway danemark
    denmark finlande finland hongrie hungary tchequie czechia madagascar mali niger gabon
    congo haiti togo benin polynesie reunion guadeloupe martinique guyane israel iran irak
    pakistan bangladesh indonesie indonesia philippines thailande thailand coree korea
    """
)
# "Nancy 54", "Arcueil (92)", "Paris 15", "Lyon 69006": a town and its department or district.
DEPARTMENT_RE = re.compile(
    r"^[A-ZÀ-Ý][\w'’.-]+(?:[ -][A-ZÀ-Ý][\w'’.-]+){0,2}\s*(?:\(\d{2,3}\)|\d{2,5})$"
)
PLACE_SPLIT_RE = re.compile(r",|\s[-–—]\s")


def words(part: str) -> list[str]:
    return [w for w in re.split(r"[\s,/()'’:;&+-]+", fold(part)) if w]


def is_job_word(word: str) -> bool:
    """A folded word that is a title on its own ("fondateur", "inspector"), not a modifier
    ("principal", "data") nor a mere agent-noun ending ("acteur")."""
    return word in TITLE_WORDS and word not in TITLE_MODIFIERS


def strong_title_words(part: str) -> int:
    """Job-title words that are titles on their own (``is_job_word``)."""
    return sum(1 for word in words(part) if is_job_word(word))


def title_score(part: str) -> float:
    tokens = words(part)
    exact = sum(0.5 if word in TITLE_MODIFIERS else 1 for word in tokens if word in TITLE_WORDS)
    # "Atelier Brume" ends like "caissier" but names a workshop: company words are no titles.
    suffix = sum(
        0.5
        for word in tokens
        if word not in TITLE_WORDS and word not in COMPANY_WORDS and TITLE_SUFFIX_RE.search(word)
    )
    return exact + min(suffix, 1.0)


_WORKS_IN = frozenset({"en", "de", "d", "du", "des"})


def _names_employer(tokens: list[str], index: int) -> bool:
    """Is the kind of employer at ``index`` the employer's own word? After a job's word and
    "en" or "de" it is where the job is done ("Employé en boulangerie", "Responsable de
    magasin", "Directeur d'agence"), before a job's word it qualifies the job ("Hotel
    Receptionist", "Office Manager", "Agency Nurse"); an employer's name opens with its
    kind ("Mairie de Lyon", "Boulangerie Martin", "Oak Hospital") or holds it anywhere with no
    job's word ("Caisse Régionale … du Val de Loire et du Centre")."""
    if tokens[index] not in COMPANY_WORDS:
        return False
    if index > 0 and tokens[index - 1] in _WORKS_IN and any(map(is_job_word, tokens[:index])):
        return False
    return index + 1 >= len(tokens) or not is_job_word(tokens[index + 1])


def company_score(part: str) -> float:
    text = part.strip()
    tokens = words(text)
    score = float(sum(1 for index in range(len(tokens)) if _names_employer(tokens, index)))
    if LEGAL_FORM_RE.search(fold(text)) or DOMAIN_RE.search(fold(text)):
        score += 2
    if COMPANY_PREFIX_RE.match(fold(text)):
        score += 2
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and len(tokens) <= 4:
        score += 0.5  # "ACME", "SEDIS LOGISTICS" (a title in capitals scores its words too)
    return score


# Where CVs put the place, some name a way of working instead: "À distance", "Full remote",
# "Télétravail", "Hybride" (alone, or beside a town: "Lyon / hybride").
WORK_MODE_RE = re.compile(
    r"^(?:(?:en|a|in)\s+)?(?:distance|distanciel|remote|full[\s-]remote|fully\s+remote|"
    r"(?:100\s*%\s*)?teletravail|(?:100\s*%\s*)?remote|hybride?|hybrid|on[\s-]?site|sur\s+site|"
    r"en\s+ligne|online|work\s+from\s+home|wfh)$"
)


def is_work_mode(text: str) -> bool:
    return bool(WORK_MODE_RE.match(fold(text).strip(" ()[]")))


def is_place(part: str) -> bool:
    """A place as CVs write it: "Lyon", "Paris, France", "Almaty, Kazakhstan", "Nancy 54",
    "Arcueil (92)", "Toulouse - France", "À distance", "Lyon / hybride" (never a piece naming
    an organisation or a job)."""
    text = part.strip().rstrip(".").rstrip()  # "Ontario, Canada." ends a sentence
    if not text:
        return False
    if is_work_mode(text):
        return True
    mode = re.match(r"^(?P<town>[^/(]+?)\s*(?:/|\()\s*(?P<mode>[^/()]+?)\)?$", text)
    if mode and is_work_mode(mode.group("mode")):
        return is_place(mode.group("town"))
    if DEPARTMENT_RE.match(text):
        return True
    if re.search(r"[\[\]&@]|\([^)]*\)\s*\S", text):
        return False  # a bracket inside the text: a name with an aside ("Acme (Group), Lyon")
    pieces = [p.strip() for p in PLACE_SPLIT_RE.split(text) if p.strip()]
    if any(_names_something(p) for p in pieces):
        return False
    if len(pieces) >= 3 and is_known_place(pieces[1]) and not is_known_place(pieces[0]):
        return False  # "TROBRA, Montréal, Canada": a name, then its town and country
    if looks_like_location(text):
        return True
    if not pieces or fold(pieces[-1]).strip() not in COUNTRIES:
        return False
    return all(_place_piece(p) for p in pieces)


def _names_something(piece: str) -> bool:
    named = any(w in COMPANY_WORDS or w in SCHOOLING_NAMES for w in words(piece))
    return named or strong_title_words(piece) > 0


def is_town_in_country(text: str) -> bool:
    """ "San Juan (Argentine)": a short name with no organisation or job word, then a country
    in brackets. Only a place after a name on its line: "Acme (France)" first on a line may be
    a firm's branch."""
    bracketed = re.fullmatch(r"(?P<town>[^()]+?)\s*\((?P<country>[^()]+)\)", text.strip())
    if not bracketed or not is_country(bracketed["country"]):
        return False
    town = bracketed["town"].strip()
    return _place_piece(town) and not _names_something(town)


def _place_piece(piece: str) -> bool:
    return (
        len(piece.split()) <= 3
        and piece[:1].isupper()
        and not re.search(r"[()\[\]&@]", piece)
        and not any(w in COMPANY_WORDS for w in words(piece))
    )


def is_place_like(text: str) -> bool:
    """A short capitalised name with no title or organisation word: a town written where CVs
    put the place (after the dates)."""
    cleaned = text.strip()
    if not cleaned or company_score(cleaned):
        return is_place(cleaned)
    score = title_score(cleaned)
    return (
        is_place(cleaned)
        or (0 < len(cleaned.split()) <= 3 and cleaned[:1].isupper() and not score)
        # A town the gazetteer knows, whose only title cue is an ending ("Saint-Étienne")
        or (score < 1 and is_known_place(cleaned, other_names=False))
    )


def is_country(text: str) -> bool:
    return fold(text).strip() in COUNTRIES
