"""Cues on one line of an ad's header, for and against it being the title or the employer's
name: a job board's banner, a word of a job title or a gender mark, a public employer's form,
a name the header shouts in capitals and the body writes again.
"""

from __future__ import annotations

import re

from app.lib.parsing.entries.entry_words import LEGAL_FORM_RE
from app.lib.parsing.offers.offer_header import GENDER_RE, names_a_job
from app.lib.parsing.text.text import clean, word_count
from app.lib.text_forms import fold

# A job board's or careers page's own line: its name with what it offers ("… - Offres
# d'emploi", "… Jobs", "… | Find your next job", "… | L'emploi près de chez vous").
BOARD_WORDS_RE = re.compile(
    r"(?i)(?:\boffres? d'emplois?\b|\bemplois?\b|\bjobs?\b|\bcareers?\b|\bcarri[èe]res?\b|"
    r"\brecrutement\b|\bfind your (?:next )?job\b|\btrouvez (?:votre|un) (?:emploi|job)\b|"
    r"\bjob board\b|\bannonces?\b)"
)
MAX_BANNER_WORDS = 8
# A public employer: its form, then its place ("Mairie de Rennes", "City of Denver"), or its
# place, then its form ("Tampa Public Schools").
_PLACE = r"[A-ZÀ-Ý][\w'’-]+(?:[ -](?:sur|sous|en|lès|les|le|la|de)?[ -]?[A-ZÀ-Ý][\w'’-]+){0,3}"
PUBLIC_RE = re.compile(
    r"\b(?:(?:Mairie|Ville|Commune|Préfecture|Métropole|Région|Département|Hôpital|"
    r"Communauté (?:de communes|d'agglomération|urbaine)|Conseil (?:départemental|régional)|"
    r"Centre (?:hospitalier|communal d'action sociale)(?: universitaire| régional)?|CHU|CCAS|"
    r"City|County|Town|Borough|Village|State|University)"
    rf"\s+(?:de la |de l'|du |des |de |d'|of (?:the )?){_PLACE}"
    rf"|(?!(?:The|La|Le|Les|L)\b){_PLACE}\s+(?:Public Schools|School District|County|"
    r"City Council|Health Board))",
)


# A page's own chrome copied with the ad: skip links, menus, account and navigation buttons.
PAGE_CHROME_RE = re.compile(
    r"(?i)^(?:skip to (?:main )?content|aller au contenu(?: principal)?|menu|home|accueil|"
    r"sign in|sign up|log in|se connecter|connexion|s'inscrire|cr[ée]er un compte|"
    r"find jobs|trouver un emploi|company reviews|avis sur les entreprises|salary guide|"
    r"guide des salaires|post a job|publier une offre|employers|employeurs|for employers|"
    r"back to (?:all )?(?:jobs|openings|search results)|retour (?:aux offres|à la recherche|"
    r"aux r[ée]sultats)|(?:voir )?toutes les offres|all jobs|see all jobs|"
    r"apply for this (?:job|position)|postuler (?:à|a) cette offre|postuler maintenant|"
    r"save|saved|enregistrer|share|partager|report(?: this)? job|signaler(?: l'offre)?|"
    # A listing's badges: "New", "Urgent", "Sponsored", "Easy Apply", "Actively recruiting".
    r"new|nouveau|nouvelle|urgent|featured|sponsored|sponsoris[ée]e?|promoted|promu|top job|"
    r"hot job|easy apply|candidature simplifi[ée]e|actively (?:recruiting|hiring)|"
    r"recrute activement|be an early applicant|à la une|coup de c(?:œ|oe)ur)\W*$"
)
# A careers site's banner, which names the employer: "Careers | Acme", "Careers at Acme",
# "Acme Careers", "Carrières - Acme", "Travailler chez Acme".
CAREERS_RE = re.compile(
    r"(?i)^(?:(?:careers?|carri[èe]res?|jobs|emplois|recrutement)\s*(?:[|·•:–—-]|at|chez)\s*"
    r"(?P<after>.+)|(?:travailler|work|rejoindre|join)\s+(?:chez|at|us at)\s+(?P<at>.+)|"
    r"(?P<before>.+?)\s*(?:[|·•:–—-]\s*)?(?:careers?|carri[èe]res?))$"
)
# A job board's own tagline: what it offers job seekers, not an employer's careers page.
TAGLINE_RE = re.compile(
    r"(?i)\b(?:offres? d'emplois?|find your (?:next )?job|trouvez (?:votre|un) (?:emploi|job)|"
    r"l'emploi|job board|annonces?|job search|recherche d'emploi)\b"
)


# Job boards' own names (their banners and logo text are copied with their ads): never the
# employer's line above a title, nor the title.
JOB_BOARD_NAMES = frozenset(
    fold(name)
    for name in (
        "LinkedIn", "Indeed", "Glassdoor", "Monster", "APEC", "HelloWork", "France Travail",
        "Pôle emploi", "JobTeaser", "Cadremploi", "Meteojob", "RegionsJob", "Jobijoba",
        "Welcome to the Jungle", "StepStone", "ZipRecruiter", "Talent.com", "SimplyHired",
        "Jooble", "Totaljobs", "Reed", "Free-Work", "Malt", "Otta", "Wellfound", "Handshake",
        "Seek", "Optioncarriere", "Keljob", "leboncoin", "StudentJob", "Xing", "Jobs.ch",
        "Adzuna", "CareerBuilder", "Dice", "Snagajob", "Workopolis", "Jobillico",
    )
)  # fmt: skip


def is_board_name(text: str) -> bool:
    return fold(clean(text)).strip(" .") in JOB_BOARD_NAMES


def is_page_chrome(text: str) -> bool:
    return bool(PAGE_CHROME_RE.match(clean(text)))


def careers_site_name(text: str) -> str:
    """The employer a careers site's banner names ("Careers | Acme" → "Acme"), or ""."""
    line = clean(text)
    match = CAREERS_RE.match(line)
    if not match or TAGLINE_RE.search(line) or word_count(line) > MAX_BANNER_WORDS:
        return ""
    name = clean(match.group("after") or match.group("at") or match.group("before") or "")
    return name.strip(" |·•:–—-") if name[:1].isupper() or name[:1].isdigit() else ""


def is_board_banner(text: str) -> bool:
    """A board's or careers site's banner: short, with a board word, naming no job (the
    board words themselves aside: "Carrières" ends like a job's noun)."""
    line = clean(text)
    return (
        bool(line)
        and word_count(line) <= MAX_BANNER_WORDS
        and bool(BOARD_WORDS_RE.search(line))
        and not names_a_job(BOARD_WORDS_RE.sub(" ", line))
    )


_PUBLIC_ANY_CASE = re.compile(PUBLIC_RE.pattern, re.IGNORECASE)  # "MAIRIE DE RENNES"


def is_public_employer(text: str) -> bool:
    line = clean(text)
    return bool((_PUBLIC_ANY_CASE if line.isupper() else PUBLIC_RE).fullmatch(line))


def shouted_below(text: str, body: str) -> bool:
    """A line in capitals the body writes again in another case ("VELLACOUR" … "Vellacour
    emploie…"): a logo's name, not a title."""
    line = clean(text)
    if not line or not line.isupper() or word_count(line) > 4:
        return False
    found = re.findall(rf"(?<![\w-]){re.escape(line)}(?![\w-])", body, re.IGNORECASE)
    return any(not f.isupper() for f in found)


def repeated_as_a_line(text: str, body: str) -> bool:
    """The body gives ``text`` again as a line of its own ("About the company" / "Acme")."""
    line = fold(clean(text))
    return bool(line) and any(fold(clean(x)) == line for x in body.split("\n"))


# How an ad's sentences give a name as the employer: "<X> recrute", "<X> is hiring", "Rejoignez
# <X>", "chez <X>", "About <X>", "<X> est un…", "<X> is a…" ({} stands for the name).
_EMPLOYER_PHRASES = (
    r"{}\s+(?:recrute|recherche|is hiring|is looking|is seeking|is recruiting|seeks|"
    r"est à la recherche|est un|est une|est le|est la|is a|is an|is the)\b",
    r"\b(?:rejoignez|rejoindre|join|joining|chez|at|about|à propos de|a propos de|"
    r"bienvenue chez|welcome to)\s+(?:la |le |les |l'|l’|the )?{}(?![\w-])",
)


def named_as_employer(text: str, body: str) -> bool:
    """The body's sentences give ``text`` as the employer ("Brasserie Lumière" over the title,
    then "La Brasserie Lumière recherche…"): a reading of the name independent of the
    header's layout."""
    line = clean(text)
    if not line or word_count(line) > MAX_BANNER_WORDS or GENDER_RE.search(line):
        return False
    name = re.escape(line)
    return any(
        re.search(
            rf"(?i)(?<![\w-]){phrase.format(name)}" if i == 0 else rf"(?i){phrase.format(name)}",
            body,
        )
        for i, phrase in enumerate(_EMPLOYER_PHRASES)
    )


def names_an_employer(text: str, body: str) -> bool:
    """A header line that names an employer rather than a job: a company's legal form
    ("Vellacour SAS"), a public employer, a logo's name the body writes again, a line the
    body repeats as a line of its own ("About the company" / "Acme"), or a name the body's
    sentences give as the employer (a word such as "center" or "group" is not enough:
    "General Labor - Garden Center" is a title)."""
    line = clean(text)
    return (
        bool(LEGAL_FORM_RE.search(fold(line)))
        or is_public_employer(line)
        or shouted_below(line, body)
        or repeated_as_a_line(line, body)
        or named_as_employer(line, body)
    )
