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
