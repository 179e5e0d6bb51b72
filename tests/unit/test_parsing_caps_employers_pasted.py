"""Pasted text has no styles: an employer set in capitals between two jobs ("MAIRIE DE
ROUBAIX") has the shape of a heading. In a section of entries, a line with a date right under
it heads a job, not a section (``sections/section_split.py``), so no job is lost."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text

PASTED = """Jeanne Martin

EXPÉRIENCE

CABINET COMPTABLE - FIDUCIAIRE DU NORD
Stage en entreprise - 4 semaines
Janvier 2024 - Février 2024

BANQUE - CRÉDIT DU NORD LILLE

Job d'été - Chargée d'accueil
Juillet 2024

MAIRIE DE ROUBAIX

Agent administratif
Août 2023

FORMATION

LYCÉE FAIDHERBE - LILLE
Baccalauréat général
2020 - 2023

CENTRES D'INTÉRÊT

Randonnée
"""


def test_capital_employers_over_dates_stay_in_the_experience() -> None:
    parsed = parse_cv_text(PASTED)
    assert [job.start for job in parsed.content.experience] == ["2024-01", "2024-07", "2023-08"]
    assert "Agent administratif" in {job.title for job in parsed.content.experience}
    assert parsed.unknown_sections == []
