"""Words that name a company's departments, teams and sectors (EN/FR).

A value made of them only ("Engineering", "Market Operations", "Management and Operations",
"Spatial") says where a job sits, not who hires nor what the job is.
"""

from __future__ import annotations

import re

from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

DEPARTMENT_WORDS = frozenset(
    fold(word)
    for word in word_set(
        """engineering ingénierie ingenierie operations opérations exploitation marketing sales
    vente ventes finance finances accounting comptabilité comptabilite hr rh human humaines
    resources ressources people culture product produit produits design legal juridique support
    it si informatique r&d rd research recherche development développement developpement
    management administration logistics logistique market markets marché central global
    customer client clients success experience data technology technologie tech commercial
    achats purchasing procurement communication communications quality qualité qualite
    production maintenance services service security sécurité securite infrastructure platform
    plateforme spatial space aerospace aéronautique aeronautique automobile automotive banking
    banque bank retail santé sante health healthcare industry industrie energy énergie energie
    transport strategy stratégie team équipe equipe group groupe division business digital
    numérique numerique innovation and et de des du la le the of &"""
    )
)


def is_department(text: str) -> bool:
    """A department, team or sector of a company ("Engineering", "Market Operations")."""
    words = re.findall(r"[^\W\d_]+|&", fold(text))
    return bool(words) and all(w in DEPARTMENT_WORDS for w in words)
