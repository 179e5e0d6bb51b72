"""What a short value is by its shape, when it is a contact detail or a personal fact: an e-mail,
a link, a phone, a street address, an age, a date of birth, a nationality, a marital status, a
"references on request" line, a page's footer. Such values belong to the header or nowhere:
never to the skills or the profile. Shapes only (FR/EN), strict enough that "ASP.NET",
"Node.js", "C++" or "30 ans d'expérience" are none of them.
"""

from __future__ import annotations

import re

from app.lib.parsing.fields.bare_hosts import BARE_HOST
from app.lib.parsing.fields.contact import EMAIL_RE
from app.lib.parsing.text.long_runs import MAX_RUN_CHARS

# A link written as one: a scheme, "www.", or a domain followed by a path ("github.com/x");
# "Riemann.io" or "ASP.NET" alone are product names.
LINK_RE = re.compile(
    r"(?:https?:)?//[^\s]+|\bwww\.[^\s]+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/[\w./?=#%-]*"
    r"|(?:linkedin|github|gitlab|twitter|instagram|behance)\s*:?\s*@?[\w.-]*/?\s*@[\w.-]+",
    re.IGNORECASE,
)
# An e-mail's domain cut from its local part by a line, a column or a space ("(@example.org)",
# "jeanne.morel @example.org"): what is left of an address, never a skill or a sentence's word;
# a handle has no dot ("@jdupont"), and "Barista @ Costa" no domain.
EMAIL_DOMAIN_RE = re.compile(r"(?<![\w.])@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,6}\b")
# A network's handle written alone, bracketed or not ("@jeanne.atelier", "(@studio_lune)"); a
# tool's name in capitals ("@RISK") is none.
LONE_HANDLE_RE = re.compile(r"^\(?@(?=[\w.]*[a-z0-9_.])[\w.]+\)?$")
# An address written without its scheme ("monsite.fr", "jdoe.github.io/blog"): the contact
# reader's own shape (fields/bare_hosts.py), product names written like hosts aside.
BARE_HOST_RE = re.compile(BARE_HOST, re.IGNORECASE)
# A handle behind a network's name ("GitHub: @jdoe").
HANDLE_RE = re.compile(
    r"\b(?:linkedin|github|gitlab|twitter|instagram|behance|stack\s*overflow|x)\s*:\s*@[\w.-]+",
    re.IGNORECASE,
)
PHONE_RE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?(?:\(0\))?\s?|\b0)\d(?:[\s.-]?\d{2}){4}\b|\+\d[\d\s.()-]{8,}\d"
    r"|\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b|\b\d{3}[.-]\d{3}[.-]\d{4}\b"
    r"|\b0\d{4}\s?\d{6}\b|\b0\d{2,3}\s\d{3,4}\s\d{4}\b"
)
# A number then a street word ("12 rue des Lilas", "24 Résidence les Pins", "5 Baker Street").
STREET_RE = re.compile(
    r"\b\d{1,4}(?:\s*(?:bis|ter|[a-c]))?,?\s+(?:rue|avenue|av\.|bd|boulevard|chemin|impasse|"
    r"all[ée]e|place|route|quai|cours|square|r[ée]sidence|lotissement|hameau|cit[ée]|lieu-dit|"
    r"street|st\.?|road|rd\.?|lane|drive|dr\.?|way|court|ct\.?|blvd|terrace|close|crescent|"
    r"avenida|calle|via)\b",
    re.IGNORECASE,
)
# A UK postcode ("LS9 7TF"); the offers' signatures read it too (offers/offer_signature.py).
UK_POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b")
# An address's other parts: a French street written without its number ("Chemin des Vignes",
# "rue du Port"), a flat or a building ("Appt 12", "Bâtiment B"), a post-office box, a
# Canadian postcode ("M5V 2T6").
ADDRESS_PART_RE = re.compile(
    r"^(?i:rue|avenue|av\.|boulevard|bd|chemin|all[ée]e|impasse|quai|lotissement|hameau|"
    r"lieu[- ]dit)\s+(?:(?i:de\s+la|de\s+l['’]|du|des|de|d['’]|la|le|les|l['’])\s*)?[A-ZÀ-Ý0-9]"
    r"|^(?i:apt\.?|appt\.?|appartement|apartment|b[âa]timent|b[âa]t\.)\s+(?:[A-Z]|\d{1,4}[A-Z]?)\b"
    r"|(?i:\b(?:p\.?\s?o\.?\s+box|post\s+office\s+box|bo[iî]te\s+postale)\s*\d+)"
    r"|\b[A-Z]\d[A-Z]\s\d[A-Z]\d\b"
)
# The English order, the street's name between ("42 Maple Street", "7 Old Mill Rd").
NAMED_STREET_RE = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|"
    r"Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Way|Court|Ct\.?|Terrace|Close|Crescent|Parkway)(?!\w)"
)
# A French postcode then a capitalised town ("69003 Lyon"); a US "City, ST 12345".
POSTCODE_TOWN_RE = re.compile(
    r"\b\d{5}\s+[A-ZÀ-Ý][\w'’-]+|\b[A-Z][\w'’ .-]+,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"
)
# An age: "33 ans", "age 33", "Âge : 33", "33 years old"; not "30 ans d'expérience".
AGE_RE = re.compile(
    r"^(?:[âa]ge\s*:?\s*)?\d{2}\s*(?:ans|years?(?:\s+old)?|yrs?(?:\s+old)?)$"
    r"|^[âa]ge[ds]?\s*:?\s*\d{2}(?:\s*(?:ans|years?(?:\s+old)?))?$"
    r"|\b\d{2}\s*(?:years?|yrs?)\s+old\b|^\d{2}\s*y\.\s?o\.?$",
    re.IGNORECASE,
)
BIRTH_RE = re.compile(
    r"\bn[ée](?:e|\(e\))?\s+le\b|\bdate\s+(?:de|of)\s+(?:naissance|birth)\b|\bbirth\s*date\b"
    r"|^born\s*:"
    r"|\bborn\s+(?:on|in)\b|\bd\.?o\.?b\.?\s*:|\bn[ée]e?\s+[àa]\s+[A-ZÀ-Ý]"
    r"|^born\s+(?:\d{1,2}\s+\w+\s+)?(?:19|20)\d{2}$|\bn[ée]e?\s+en\s+(?:19|20)\d{2}\b"
    r"|\bd\.?o\.?b\.?\s*:?\s*\d",
    re.IGNORECASE,
)
NATIONALITY_RE = re.compile(
    r"\bnationalit[ée]s?\b|\bnationality\b|\bcitizenship\b|\bcitoyennet[ée]\b"
    r"|^(?:[A-Z][\w-]*\s+){1,2}citizen$|^citoyen(?:ne)?\s+\w+$"
    r"|\b(?:eligible|authori[sz]ed|entitled)\s+to\s+work\b|\bright\s+to\s+work\b"
    r"|\bwork\s+(?:authori[sz]ation|permit|visa)\b|\bpermis\s+de\s+travail\b"
    r"|\btitre\s+de\s+s[ée]jour\b",
    re.IGNORECASE,
)
# A nationality stated alone, as a personal-details block lists it ("Française", "British",
# "Franco-marocaine"); the French masculine forms that are also a language's name ("Italien",
# "Portugais") are read as that language before this.
DEMONYMS = (
    "française|francaise|marocaine?|alg[ée]rienne?|tunisienne?|s[ée]n[ée]galaise?|ivoirienne?|"
    "camerounaise?|malienne?|congolaise?|guin[ée]enne?|b[ée]ninoise?|togolaise?|burkinab[ée]|"
    "malgache|comorienne?|ha[iï]tienne?|libanaise?|syrienne?|turque|roumaine?|polonaise?|"
    "ukrainienne?|russe|belge|suisse|luxembourgeoise?|canadienne?|qu[ée]b[ée]coise?|"
    "am[ée]ricaine?|britannique|irlandaise?|italienne|espagnole|portugaise|allemande|"
    "n[ée]erlandaise?|chinoise|japonaise|vietnamienne?|indienne?|pakistanaise?|br[ée]silienne?|"
    "mexicaine?|colombienne?|p[ée]ruvienne?|chilienne?|argentine?|"
    "british|american|canadian|irish|scottish|welsh|australian|new\\s+zealander|indian|"
    "pakistani|nigerian|ghanaian|kenyan|south\\s+african|moroccan|algerian|tunisian|egyptian|"
    "lebanese|filipino|filipina|brazilian|mexican|colombian|jamaican|"
    "franco-\\w+|\\w+-canadian|\\w+-american"
)
DEMONYM_RE = re.compile(rf"^(?:{DEMONYMS})(?:\s*(?:/|-|et|and)\s*(?:{DEMONYMS}))?$", re.IGNORECASE)
# "Marié" and "Mariée" (with its accent: "Marie" is a first name), "célibataire", "2 enfants".
MARITAL_RE = re.compile(
    r"\bsituation\s+(?:familiale|matrimoniale)\b|\bmarital\s+status\b|\bc[ée]libataire\b"
    r"|\bmariée?\b|\bmarried\b|\bpacs[ée]e?\b|\bdivorc[ée]e?\b"
    r"|\b(?:\d+|un|deux|trois|quatre|one|two|three|four)\s+(?:enfants?|children|kids)\b"
    r"|^(?:single|widow(?:ed|er)?|veuve?)$",
    re.IGNORECASE,
)
# Sex, body and habits, stated as a fact: "Sexe : F", "Gender: Female", "Male" alone,
# "Taille : 1m80", "Height: 6ft", "Poids : 70 kg", "Non-fumeur", "Non-smoker".
BODY_RE = re.compile(
    r"^(?:sexe|sex|gender|genre)\s*:\s*\w+$|^(?:male|female|homme|femme)$"
    r"|^(?:taille|height|poids|weight)\s*:\s*\d|^\d(?:m\d{2}|[,.]\d{2}\s*m)$"
    r"|^\d\s*(?:ft|')\s*\d{0,2}\s*(?:in|\")?$|\bnon[-\s]?(?:smoker|fumeu(?:r|se))\b"
    r"|^(?:she|he|they|il|elle|iel)\s*/\s*(?:her|him|them|they|lui|elle|iel)(?:\s*/\s*\w+)?$",
    re.IGNORECASE,
)
# What the candidate asks of a job, not what they can do: pay expected, when they can start.
TERMS_RE = re.compile(
    r"\bpr[ée]tentions?\s+salariales?\b|\bsalaire\s+(?:souhait[ée]|actuel|attendu|brut)"
    r"|\b(?:expected|desired|current)\s+(?:salary|pay)\b|\bsalary\s+expectations?\b"
    r"|\br[ée]mun[ée]ration\s+(?:souhait[ée]e|attendue)\b|^disponib(?:le|ilit[ée])\b"
    r"|^available\s+(?:immediately|from|now|to\s+start)\b|\bnotice\s+period\b"
    r"|\bpr[ée]avis\s+(?:de|d'|:)",
    re.IGNORECASE,
)
REFERENCES_RE = re.compile(
    r"\br[ée]f[ée]rences?\b.*\b(?:sur\s+demande|on\s+request|upon\s+request|available|"
    r"disponibles?)\b|\bavailable\s+(?:up)?on\s+request\b"
    # A line opening on the references heading's word ("REFERENCES AND TESTIMONIALS",
    # "Referees: …") names the references, whatever follows.
    r"|^(?:r[ée]f[ée]rences|referees)\b",
    re.IGNORECASE,
)
# A driving licence or a vehicle ("Permis B", "Véhiculé", "Driving licence"): fine in a
# skills list as a licence, never a profile's text.
LICENCE_RE = re.compile(
    r"\bpermis\s+(?:de\s+conduire|(?-i:[A-D]\d?E?))\b|\bv[ée]hicul[ée]e?\b|\bv[ée]hicule\s+personnel"
    r"|\bdriv(?:ing|er'?s)\s+licen[cs]e\b|\bown\s+(?:car|vehicle|transport)\b",
    re.IGNORECASE,
)
# A page's footer or header line: "Page 1/2", "1 of 3", "© 2023", "Tous droits réservés".
FOOTER_RE = re.compile(
    r"^(?:page\s*)?\d{1,2}\s*(?:/|of|sur)\s*\d{1,2}$|^page\s+\d{1,2}\b|©|\bcopyright\b"
    r"|\btous\s+droits\s+r[ée]serv[ée]s\b|\ball\s+rights\s+reserved\b",
    re.IGNORECASE,
)
CONTACT_KINDS = ("email", "link", "phone", "address")
PERSONAL_KINDS = ("age", "birth", "nationality", "marital", "body", "references", "terms")
# A contact label or a document's title alone, the value it names on another line (or
# nowhere): "Mobile", "Tél. :", "Adresse", "Curriculum Vitae". No skill, no profile line.
BARE_LABEL_RE = re.compile(
    r"^(?:e-?mail|mail|courriel|t[ée]l[ée]?(?:phone)?\.?|phone|mobile|portable|cell(?:phone)?|"
    r"gsm|fax|adresse|address|contact|coordonn[ée]es|(?:personal\s+)?details|"
    r"informations\s+personnelles|curriculum\s+vit(?:ae|æ)|cv|r[ée]sum[ée])\s*:?$",
    re.IGNORECASE,
)


def value_kind(value: str) -> str | None:
    """The contact or personal kind ``value`` holds (see ``CONTACT_KINDS``, ``PERSONAL_KINDS``),
    or None when it has none of their shapes."""
    # A run longer than any address or link is none of these kinds, and each pattern would
    # try it at every character (text/long_runs.py).
    text = " ".join(word for word in value.split() if len(word) <= MAX_RUN_CHARS)
    if not text:
        return None
    if EMAIL_RE.search(text) or EMAIL_DOMAIN_RE.search(text):
        return "email"
    if LINK_RE.search(text) or BARE_HOST_RE.search(text):
        return "link"
    if HANDLE_RE.search(text) or LONE_HANDLE_RE.match(text):
        return "link"
    if PHONE_RE.search(text):
        return "phone"
    if STREET_RE.search(text) or NAMED_STREET_RE.search(text) or POSTCODE_TOWN_RE.search(text):
        return "address"
    if ADDRESS_PART_RE.search(text) or UK_POSTCODE_RE.search(text):
        return "address"
    checks = (
        ("age", AGE_RE),
        ("birth", BIRTH_RE),
        ("nationality", NATIONALITY_RE),
        ("marital", MARITAL_RE),
        ("body", BODY_RE),
        ("references", REFERENCES_RE),
        ("terms", TERMS_RE),
        ("footer", FOOTER_RE),
    )
    if DEMONYM_RE.match(text):
        return "nationality"
    return next((kind for kind, pattern in checks if pattern.search(text)), None)


def is_licence(value: str) -> bool:
    """A driving licence or a vehicle stated ("Permis B", "Véhiculé")."""
    return bool(LICENCE_RE.search(value))


def is_bare_label(value: str) -> bool:
    """A contact label or a document's title alone ("Mobile", "Tél. :", "Curriculum Vitae")."""
    return bool(BARE_LABEL_RE.match(" ".join(value.split())))
