"""The employer an ad's postal address names: the name written with the address where
applications go or where the employer is ("Service RH, Thermes de Valorin, 3 allée des
Sources, 49100 Angers"; "Send Resume to:" over "Dalzen Farms, Inc." over "Attn: Jane Doe"
over "PO Box 42").

An address is a street, a postcode with its town or a post-office box (the shapes of
``fields/value_kinds.py``, which the CV reader uses for contact lines). The name is the nearest
name-shaped part before it, on its line (comma or dash parts) or on the lines of its block just
above; a contact person ("Attn: …", "Mme …"), a department ("Service RH", "HR Department"), a
contact detail or a lead ("Send Resume to:", or "Send your CV to" opening the address's own
line) is passed over. No legal form is needed: the address is the cue. It stays one cue, which
the offer page asks the user to confirm unless another source agrees
(``offer_company_weigh.py``).
"""

from __future__ import annotations

import re

from app.lib.parsing.entries.entry_words import LEGAL_FORM_RE
from app.lib.parsing.fields.value_kinds import UK_POSTCODE_RE, value_kind
from app.lib.parsing.offers.offer_guard import plausible_company
from app.lib.parsing.offers.offer_header import GENDER_RE, is_place
from app.lib.parsing.offers.offer_line_cues import names_a_job
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.offers.sector_words import is_department
from app.lib.parsing.text.text import clean, word_count
from app.lib.text_forms import fold

PO_BOX_RE = re.compile(
    r"(?i)\b(?:p\.?\s?o\.?\s+box|post\s+office\s+box|bo[iî]te\s+postale|bp|cs)\s*\d+"
)
# Who the letter goes to, not who hires: a person or a department of the employer.
ADDRESSEE_RE = re.compile(
    r"(?i)^(?:attn|attention|[àa] l'attention|c/o|contact|mme|mlle|madame|monsieur|m\.|mr\.?|"
    r"mrs\.?|ms\.?|dr\.?|service|direction|d[ée]partement|department|human resources|"
    r"ressources humaines|hr|rh|recruitment|recrutement|the recruitment|[ée]quipe|team|p[ôo]le)\b"
    r"|\b(?:department|team|office)$"
)
# What to do before the name, on the address's own line ("Send your CV to Meadowbrook Care,
# 4 Elm Road, …", "Candidatures à adresser à : Résidence Les Tilleuls, 3 rue des Lilas, …").
LEAD_RE = re.compile(
    r"(?i)^(?:please\s+)?(?:(?:send|e-?mail|post|forward|submit|address)\s+(?:your|a|the)\s+"
    r"[^,]{0,40}?\s+to|apply\s+(?:in\s+writing\s+|by\s+post\s+)?to|applications?\s+"
    r"(?:should\s+be\s+sent\s+|are\s+to\s+be\s+sent\s+)?to|write\s+to|"
    r"candidatures?\s+(?:[àa]\s+(?:adresser|envoyer)\s+)?[àa]|"
    r"(?:merci\s+d['’])?(?:envoyez|adressez|envoyer|adresser)\s+(?:votre|vos|un)\s+"
    r"[^,]{0,40}?\s+[àa]|(?:merci\s+d['’])?[ée]crire\s+[àa])\s*:?\s+(?=[A-ZÀ-Ý0-9])"
)
PART_RE = re.compile(r",\s+|\s+[—–|·•-]\s+")
BLOCK_ABOVE = 4  # lines of a block above its address where the name stands
MAX_NAME_WORDS = 6


def is_address(text: str) -> bool:
    """A street, a postcode with its town, a post-office box."""
    return (
        value_kind(text) == "address"
        or bool(PO_BOX_RE.search(text))
        or bool(UK_POSTCODE_RE.search(text))
    )


def _name(text: str, title: str) -> str:
    """``text`` when it can name the employer beside an address, else ""."""
    text = clean(text)
    if not text or not (text[0].isupper() or text[0].isdigit()) or text.endswith((":", "?", "!")):
        return ""
    if word_count(text) > MAX_NAME_WORDS or ADDRESSEE_RE.search(text) or is_address(text):
        return ""
    if value_kind(text) or is_department(text) or is_place(text) or is_known_place(text):
        return ""
    if names_a_job(text) or GENDER_RE.search(text) or fold(text) == fold(title):
        return ""
    if text.endswith(".") and not LEGAL_FORM_RE.search(fold(text)):
        return ""  # a sentence's end, not a legal form's dot ("Acme, Inc.")
    return plausible_company(text)


def _inline(line: str, title: str) -> str:
    """The name before the address on its own line ("Service RH, Thermes de Valorin, 3 allée
    des Sources"), nearest the address first; "X, Inc." is one part."""
    parts = [p for p in PART_RE.split(LEAD_RE.sub("", clean(line))) if p]
    merged: list[str] = []
    for part in parts:
        if merged and word_count(part) == 1 and LEGAL_FORM_RE.search(fold(part)):
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    first = next((i for i, p in enumerate(merged) if is_address(p)), None)
    if not first:
        return ""
    return next((n for n in (_name(p, title) for p in reversed(merged[:first])) if n), "")


def _above(lines: list[str], index: int, title: str) -> str:
    """The nearest name-shaped line above the address within its block (a blank line or a
    sentence ends the block; addressees, contacts and other address lines are passed over)."""
    for line in reversed(lines[max(0, index - BLOCK_ABOVE) : index]):
        text = clean(line)
        if not text or (word_count(text) > MAX_NAME_WORDS and not is_address(text)):
            return ""
        name = _name(text, title)
        if name:
            return name
    return ""


def address_name(lines: list[str], title_index: int) -> str:
    """The employer the ad's last postal address names, or ""."""
    title = clean(lines[title_index]) if 0 <= title_index < len(lines) else ""
    for index in range(len(lines) - 1, max(title_index, -1), -1):
        line = lines[index]
        if not clean(line) or not is_address(line):
            continue
        name = _inline(line, title) or _above(lines, index, title)
        if name:
            return name
    return ""
