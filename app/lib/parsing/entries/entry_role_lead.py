"""A title led by the contract it was held under and a phrase naming the post: "Alternance au
poste de Chargé de paie", "Stage en tant que développeur", "CDD en qualité d'agent". The role
is what follows the phrase (the contract word is no part of a title, as ", CDD" after it is
not). "Internship as a factory operator" is kept whole: English CVs write it as the title."""

from __future__ import annotations

import re

ROLE_LEAD_RE = re.compile(
    r"^\s*(?:alternance|apprentissage|stage|cdd|cdi|mission|contrat\s+pro(?:fessionnalisation)?)"
    r"\s+(?:au\s+poste\s+d(?:e\s+|')|en\s+tant\s+qu(?:e\s+|')|en\s+qualit[ée]\s+d(?:e\s+|'))"
    r"(?P<role>\S.*)$",
    re.IGNORECASE,
)


def without_role_lead(title: str) -> str:
    """``title`` without a leading "<contract> au poste de / en tant que" phrase."""
    found = ROLE_LEAD_RE.match(title)
    return found.group("role").strip() if found else title
