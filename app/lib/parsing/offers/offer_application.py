"""The employer an ad names where it says where to apply: "Envoyez votre candidature à X, 3 rue
…", "Candidature à l'ADMR de …", "Send your CV to X at jobs@…", "Applications to X, 4 Elm
Street".

The addressee is the employer (or its staffing agency) unless it is a person or a department
("Madame la Directrice", "the HR team", "service RH"), an address, an e-mail or a web site:
those are passed over, up to the next part of the sentence ("Madame la Directrice, Clinique
X, 10 rue …" names "Clinique X"). A job board the ad says to apply on names no employer.
"""

from __future__ import annotations

import re

from app.lib.parsing.fields.contact import EMAIL_RE
from app.lib.parsing.offers.offer_line_cues import is_board_name
from app.lib.parsing.text.text import clean, word_count
from app.lib.text_forms import fold

_SENT = (
    r"(?:(?:votre|vos|ta|tes|une?|les?|your|an?|the)\s+[^.!?\n]{0,60}?|"
    r"(?:cv|resumes?|r[ée]sum[ée]s?|applications?|candidatures?)(?:\s+[^.!?\n]{0,40}?)?)"
)
# Where an ad hands the application to someone: the words before the addressee.
APPLY_TO_RE = re.compile(
    r"(?i)(?:\b(?:envo[yi]\w*|adress\w*|transm\w*|faire parvenir|faites parvenir|"
    rf"send|submit|forward|e-?mail|mail|post|address)\s+{_SENT}\s(?:à|to)(?:\s+|\s*:\s*|$)|"
    r"\b(?:candidatures?|dossiers? de candidature)\s+(?:(?:sont |est )?(?:à adresser |"
    r"à envoyer |adress[ée]e?s? |envoy[ée]e?s? ))?à\s+|"
    r"\b(?:applications?|resumes?|cvs?)\s+(?:should|must|may|can|are to)\s+be\s+"
    r"(?:sent|addressed|forwarded|submitted|e-?mailed|mailed)\s+to\s+|"
    r"(?:^|[.!?:]\s+)(?:please\s+)?apply (?:directly )?to\s+|"
    r"\bpostul\w+ (?:directement )?(?:auprès (?:de|du|des)|chez)\s+)"
)
# The addressee's words, up to where the sentence goes on about the address or the means.
_STOP_RE = re.compile(
    r"(?i)\s*(?:[,;(–—]|\s-\s|\bpar\s|\bvia\s|\bby\s|\bat\s|\bou\s|\bor\s|\bau\s\d|"
    r"\bsur\s|\bon\s|\bà l['’]adresse|\bbefore\s|\bavant\s|\bquoting\s|\ben précisant\s|$)"
)
# Who reads the application but is no employer: a person, a role, a department.
_NOT_EMPLOYER_RE = re.compile(
    r"(?i)^(?:l['’]attention de\s+)?(?:m\.|mme|mlle|mr\.?|mrs\.?|ms\.?|dr\.?|madame|monsieur|"
    r"mademoiselle|sir|the (?:hiring|recruiting|hr)\b|hiring manager|recruit(?:er|ment)\b|"
    r"recrutement\b|(?:le |la |notre |our |the )?(?:service|team|équipe|department|"
    r"direction|dir\w*rice|directeur|director|manager|responsable|ressources humaines|drh|"
    r"rh|hr|human resources)\b|us\b|nous\b|notre\b|our\b|l['’]adresse|the address|"
    r"l['’]e-?mail|the e-?mail|this|cette|ce\b|celle|the following|suivante?)"
)
_ARTICLE_RE = re.compile(r"(?i)^(?:l['’]|la\s+|le\s+|les\s+|the\s+)")
_NAME_START_RE = re.compile(r"^[A-ZÀ-Ý0-9]")
_ADDRESS_RE = re.compile(r"\d|\b(?:rue|avenue|bd|boulevard|street|road|st\.|cedex)\b", re.I)
_WEB_RE = re.compile(r"(?i)\bwww\.|https?://|\.(?:com|fr|org|net|io|co)\b")
_LEGAL_DOT_RE = re.compile(r"\b(?:Inc|Ltd|Co|Corp|S\.A|N\.V|B\.V)\.$")
# "Acme, Inc.": the name's own comma before its legal form is no end of the name.
_COMMA_FORM_RE = re.compile(r",\s+(?=(?:Inc|Ltd|LLC|LLP|Corp|Co|GmbH|SAS|SARL|SA)\b\.?)")
MAX_NAME_WORDS = 6
MAX_PARTS = 3  # parts of the sentence looked at after the apply words


def _addressee_parts(rest: str) -> list[str]:
    """The sentence after the apply words, cut where it names the address or the means."""
    parts: list[str] = []
    rest = _COMMA_FORM_RE.sub(" ", rest)
    while rest and len(parts) < MAX_PARTS:
        stop = _STOP_RE.search(rest)
        end = stop.start() if stop else len(rest)
        parts.append(clean(rest[:end]))
        rest = rest[stop.end() :] if stop and stop.end() > end else ""
    return [p for p in parts if p]


def _as_name(part: str) -> str:
    """``part`` as an employer's name, or "" when it is a person, a role, an address, an
    e-mail, a web site or not shaped like a name."""
    if _NOT_EMPLOYER_RE.match(part) or EMAIL_RE.search(part) or _WEB_RE.search(part):
        return ""
    name = clean(_ARTICLE_RE.sub("", part))
    if not _LEGAL_DOT_RE.search(name):
        name = name.rstrip(".")
    if not _NAME_START_RE.match(name) or word_count(name) > MAX_NAME_WORDS:
        return ""
    if _ADDRESS_RE.search(name) or is_board_name(name):
        return ""
    # A name's words are capitalised, its particles aside ("Hôtel du Port", "ADMR de X").
    words = name.split()
    small = {"de", "du", "des", "d'", "of", "the", "and", "et", "&", "la", "le", "les", "for"}
    if not all(w[:1].isupper() or w[:1].isdigit() or fold(w) in small for w in words):
        return ""
    return name


def application_addressee(lines: list[str]) -> str:
    """The employer the ad says to send the application to ("" when it names none)."""
    for line in lines:
        text = clean(line)
        for match in APPLY_TO_RE.finditer(text):
            rest = text[match.end() :].lstrip(" :")
            for part in _addressee_parts(rest):
                if _NOT_EMPLOYER_RE.match(part) or _ADDRESS_RE.match(part):
                    continue  # "Madame la Directrice, Clinique X": the name comes next
                name = _as_name(part)
                if name:
                    return name
                break
    return ""
