"""A line giving the job's conditions — contract, hours, pay, schedule — and nothing else.

Boards and small employers write these under the title ("Temps plein - 35 heures",
"CDI - 39h/semaine", "Part-time, 20 hours / week, £11.44 per hour"); split on its dashes, such a
line has parts that a name's shape does not refuse ("35 heures"), so the guard every company
source passes (app/lib/parsing/offers/offer_guard.py) asks this module instead.
"""

from __future__ import annotations

import re

from app.lib.parsing.offers.offer_contract import KIND_RE, SCHEDULE_RE
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

# Words (folded, EN/FR) that a line of conditions is made of: units of time and pay, schedules,
# contracts, days, and the particles between them.
CONDITION_WORDS = word_set(
    """h heure heures hr hrs hour hours hebdo hebdomadaire hebdomadaires semaine semaines week
    weeks weekly par per a au aux de du des d l la le et ou en to from and or up by x
    jour jours day days nuit nuits night nights matin matins morning mornings soir soirs evening
    evenings apres midi afternoon afternoons weekend weekends week-end week-ends samedi samedis
    dimanche dimanches saturday saturdays sunday sundays lundi vendredi monday friday
    mois month months monthly an ans annuel annuelle annuels year years annum pa yearly
    brut brute bruts net nette salaire salary remuneration pay rate hourly taux horaire horaires
    euros euro eur k keur gbp usd smic prime primes bonus ote
    temps plein partiel complet mi full part time cdi cdd interim interimaire contrat contract
    permanent temporary fixed term duree determinee indeterminee
    poste postes shift shifts rota rotating roulement equipe equipes decale decales decalees
    continue journee journees variable variables flexible flexibles"""
)
CURRENCY_RE = re.compile(r"[€£$]")
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def is_conditions(text: str) -> bool:
    """``text`` only says the job's hours, pay, schedule or contract: every word is one of
    ``CONDITION_WORDS``, with a number, a currency, a contract or a schedule among them (so a
    name made of common words, "Day & Night", is not one)."""
    folded = fold(text)
    words = _LETTERS_RE.findall(folded)
    if not words or any(word not in CONDITION_WORDS for word in words):
        return False
    anchored = any(c.isdigit() for c in text) or CURRENCY_RE.search(text)
    return bool(anchored or KIND_RE.search(text) or SCHEDULE_RE.search(text))
