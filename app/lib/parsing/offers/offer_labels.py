"""Fields an ad labels itself ("Type de contrat : CDI", "Job Title: Buyer"), in French and
English: the label table and the one reader of a "Label : value" line."""

from __future__ import annotations

import re

from app.lib.parsing.text.text import clean
from app.lib.text_forms import fold

LABELS: dict[str, tuple[str, ...]] = {
    "title": ("poste", "intitule du poste", "intitule", "job title", "title", "position", "role"),
    "company": (
        "entreprise", "societe", "company", "employeur", "employer", "client", "hiring company",
        "company name", "nom de l'entreprise", "organisation", "organization",
    ),
    "location": (
        "lieu", "localisation", "location", "ville", "city", "lieu de travail", "work location",
        "job location", "lieu du poste",
    ),
    "contract_type": (
        "type de contrat", "contrat", "contract", "contract type", "employment type",
        "job type", "type d'emploi", "type de poste", "statut", "employment",
    ),
    "remote": ("teletravail", "remote", "remote work", "work mode", "mode de travail"),
    "skills": ("competences", "skills", "stack", "stack technique", "technologies", "outils"),
}  # fmt: skip
# "Label : value", or a listing's "Label<TAB>value" (a table copied from a careers page).
LABEL_RE = re.compile(r"^\s*(?P<label>[^:\t]{2,30}?)\s*(?::|\t+)\s*(?P<value>.+)$")


# Labels that may stand alone on their line with the value on the next one (a listing copied
# from a careers page: "Intitulé du poste" / "Aide-soignant"); a single word such as "Poste",
# "Entreprise" or "Company" alone is a section heading more often than a label.
STACKED = frozenset(
    {"intitule du poste", "intitule", "job title", "employeur", "employer", "hiring company",
     "company name", "nom de l'entreprise", "lieu de travail", "work location", "job location"}
)  # fmt: skip
MAX_STACKED_VALUE_WORDS = 12
# Words that head a section as often as they label a field: over a line shaped like a name
# ("Entreprise" / "VELLACOUR", a public board's employer block) they label it.
STACKED_IF_NAME = frozenset({"entreprise", "societe", "company", "organisation", "organization"})
MAX_NAME_WORDS = 6


def label_key(label: str) -> str | None:
    """The field a label names ("Type de contrat" → "contract_type"), or None."""
    folded = fold(label).strip()
    return next((key for key, names in LABELS.items() if folded in names), None)


def label_of(line: str) -> tuple[str, str] | None:
    """ "Type de contrat : CDI" → ("contract_type", "CDI")."""
    match = LABEL_RE.match(line)
    if not match:
        return None
    key = label_key(match.group("label"))
    return (key, clean(match.group("value"))) if key else None


def stacked_label(line: str, next_line: str) -> tuple[str, str] | None:
    """ "Employeur" over "Centre hospitalier de Brest": the field and the next line's value,
    when the value is short, not itself a label and not a sentence."""
    label = fold(clean(line)).rstrip(" :")
    value = clean(next_line)
    if not value or label_of(next_line) or label_key(value):
        return None
    if label not in STACKED and not (label in STACKED_IF_NAME and _name_shaped(value)):
        return None
    words = len(value.split())
    # A sentence ends on a full stop; a short name may too ("Acme Inc.").
    if words > MAX_STACKED_VALUE_WORDS or (value.endswith((".", "!", "?")) and words > 3):
        return None
    key = label_key(label)
    return (key, value) if key else None


def labelled_lines(lines: list[str]) -> list[tuple[int, str, str]]:
    """``(index, field, value)`` of every labelled field, ``index`` the line holding the
    value: "Label : value", "Label<TAB>value", or a label alone over its value."""
    found: list[tuple[int, str, str]] = []
    texts = [(i, line) for i, line in enumerate(lines) if line.strip()]
    for position, (index, line) in enumerate(texts):
        labelled = label_of(line)
        if labelled:
            found.append((index, *labelled))
            continue
        if position + 1 < len(texts):
            stacked = stacked_label(line, texts[position + 1][1])
            if stacked:
                found.append((texts[position + 1][0], *stacked))
    return found


def _name_shaped(value: str) -> bool:
    """A few words, each capitalised but the small words joining them ("Mairie de Brest")."""
    words = value.split()
    small = {"de", "du", "des", "la", "le", "les", "et", "of", "and", "the", "&", "d'"}
    return 0 < len(words) <= MAX_NAME_WORDS and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words
    )
