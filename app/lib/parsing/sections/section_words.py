"""Words that CV section headings are made of (FR/EN), for headings the exact table misses.

Real CVs word their headings freely ("Expériences associatives", "Latest education", "Mes
compétences", "Entrepreneurial initiative", "Jobs étudiants"). A heading is short and made only
of one *heading noun* ("expériences", "skills", "langues"…), optional *qualifiers*
("professionnelles", "key", "autres"…) and small words ("de", "mes", "and"…). The noun names
the section, unless a qualifier names a more precise one ("associatives" → volunteering). Lines
with any other word ("Responsable formation", "Chef de projet") are not headings: that keeps job
titles and course names out. Used by ``app/lib/parsing/sections/headings.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.lib.parsing.text.runs import runs_of
from app.lib.parsing.text.text import word_set


def _each(words: str) -> list[str]:
    return words.split()


# Folded heading nouns → section. "Chef de projet", "Responsable formation" stay job titles
# because "chef" and "responsable" are not qualifiers.
HEADING_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        _each(
            "experience experiences emploi emplois jobs job stages stage internships internship "
            "employment career carriere parcours"
        ),
        "experience",
    ),
    **dict.fromkeys(
        _each(
            "education formation formations etudes diplomes diplome cursus scolarite "
            "qualifications trainings coursework schooling"
        ),
        "education",
    ),
    **dict.fromkeys(
        _each(
            "competences competence skills skill expertise expertises outils tools technologies "
            "logiciels software informatique softskills hardskills connaissances savoir-faire "
            "qualites atouts strengths abilities aptitudes capacites stack coding programming "
            "programmation techs techno technos frameworks databases methodologies methodes"
        ),
        "skills",
    ),
    **dict.fromkeys(_each("langues langue languages language linguistiques"), "languages"),
    **dict.fromkeys(_each("projets projet projects project realisations"), "projects"),
    **dict.fromkeys(
        _each("certifications certificats certificates habilitations licenses"), "certifications"
    ),
    **dict.fromkeys(_each("prix distinctions awards honors honours recompenses"), "awards"),
    **dict.fromkeys(_each("benevolat volunteering engagements engagement"), "volunteering"),
    # Academic CVs list talks and preprints beside papers: dated, yet not jobs.
    **dict.fromkeys(
        _each(
            "publications articles papers prepublications pre-publications preprints "
            "exposes seminaires seminars talks conferences communications posters"
        ),
        "publications",
    ),
    **dict.fromkeys(
        _each("interets interet hobbies loisirs passions interests activites activities"),
        "interests",
    ),
    **dict.fromkeys(
        _each("contact contacts coordonnees contacter informations infos info details"), "contact"
    ),
    **dict.fromkeys(_each("profil profile summary resume objectif objective"), "summary"),
    # "Referees" is the British heading ("Referee" alone is a sport's official, a hobby).
    **dict.fromkeys(_each("references referents referees"), "references"),
}

# Nouns that name a section only beside another heading word: "Employment Record", "Academic
# History", "Educational Background", "Entrepreneurial initiative" are headings; "History"
# alone is a degree's subject, "Initiative" alone a quality in a list of them.
QUALIFIED_NOUNS: dict[str, str] = dict.fromkeys(
    _each("history background record initiative initiatives"), "experience"
)

# Qualifiers that name a more precise section than the noun they go with.
SECTION_QUALIFIERS: dict[str, str] = {
    **dict.fromkeys(
        _each(
            "associative associatives associatif associatifs caritative caritatives humanitaire "
            "humanitaires benevole benevoles volunteer extra-professional extra-professionnelles "
            "extra-professionnelle extracurricular extra-curricular extra-scolaires extrascolaires "
            "parascolaires"
        ),
        "volunteering",
    ),
    **dict.fromkeys(_each("educational academic academique academiques"), "education"),
}

# Words that qualify a heading noun without changing its section.
QUALIFIERS = word_set(
    """
    professionnelle professionnelles professionnel professionnels professional professionals
    pro work travail key cles main principales principaux technical techniques technique
    personal personnelles personnels personnel other autres additional complementaires
    complementaire general generales generaux latest recent recente recentes relevant
    selected significatives significative linguistiques informatiques digitales digital
    transversales transverses soft hard core research recherche teaching enseignement student
    students etudiant etudiants etudiantes leadership international internationales
    entrepreneurial entrepreneuriales scolaires scolaire universitaire universitaires foreign
    etrangeres spoken parlees it computer software computing previous anterieures summer ete
    part-time freelance side school academic interpersonal methodologiques
    fonctionnelles metier metiers clinical medical industrielles industrial initiale continue
    supplementary complementary specific specifiques diverses divers various miscellaneous
    extra centres centre sociales social saisonnier saisonniers saisonniere saisonnieres seasonal
    invited selected contributed oral orales orale scientifiques scientific
    obtenu obtenue obtenus obtenues suivi suivie suivis suivies occupe occupee occupes occupees
    exerce exercee exerces exercees
    """
)

# Small words a heading may hold ("Mes expériences", "Skills and languages", "Langues parlées").
SMALL_WORDS = word_set(
    "de des du d la le les l et and & of my mes ma mon our your en in a au aux + / , - : plus"
)
JOINER_WORDS = word_set("et and & + / , plus")
# Words a phrase cannot end on: a line closing on one is a label cut by its wrap ("Principales
# activités et" / "responsabilités", "Nom et adresse de" / "l'employeur"), not a heading.
OPEN_ENDS = word_set("de des du d la le les l et and & of en in au aux plus")


def _vocabulary() -> list[str]:
    words = set(HEADING_NOUNS) | set(QUALIFIED_NOUNS) | set(SECTION_QUALIFIERS) | set(QUALIFIERS)
    words |= set(SMALL_WORDS)
    words -= JOINER_WORDS | {"-", ":", "a", "l", "d"}
    return sorted(words, key=len, reverse=True)


_VOCABULARY = _vocabulary()


_NOUN_RE = re.compile("|".join(re.escape(n) for n in sorted(HEADING_NOUNS, key=len, reverse=True)))
_BY_LAST_CHAR: dict[str, list[str]] = {}
for _word in _VOCABULARY:
    _BY_LAST_CHAR.setdefault(_word[-1], []).append(_word)


@lru_cache(maxsize=4096)
def segment_glued(text: str) -> tuple[str, ...] | None:
    """Split a heading whose spaces were lost ("experiencecaritative", a letter-spaced heading
    read back without word gaps) into known heading words; ``None`` when it is not made of
    them. Dynamic programming over the vocabulary, so the split is unique in practice."""
    if not text or len(text) > 60 or not _NOUN_RE.search(text):
        return None
    best: list[tuple[str, ...] | None] = [None] * (len(text) + 1)
    best[0] = ()
    for end in range(1, len(text) + 1):
        for word in _BY_LAST_CHAR.get(text[end - 1], []):
            start = end - len(word)
            done = best[start] if start >= 0 else None
            if done is not None and text.startswith(word, start):
                candidate = (*done, word)
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    return best[len(text)]


def sections_of_words(words: list[str] | tuple[str, ...]) -> list[str] | None:
    """The sections a heading made of ``words`` (folded) names, in order; ``None`` when a word
    is not heading vocabulary or no noun is found. Parts joined by "et", "and", "&", "," each
    name their own section ("Langues et compétences" → languages, skills)."""
    if words and words[-1] in OPEN_ENDS:
        return None
    found: list[str] = []
    plain_pending = False  # "professional and associative experience": both kinds
    for part in runs_of(words, lambda word: word not in JOINER_WORDS):
        significant = [w for w in part if w not in SMALL_WORDS]
        if not significant:
            continue
        qualified = len(significant) > 1 and significant[-1] in QUALIFIED_NOUNS
        words_before = significant[:-1] if qualified else significant
        nouns = [w for w in significant if w in HEADING_NOUNS] or significant[-1:] * qualified
        others = [w for w in words_before if w not in HEADING_NOUNS]
        if any(w not in QUALIFIERS and w not in SECTION_QUALIFIERS for w in others):
            return None
        if not nouns:
            # "… et de leadership" adds no section; "professional and …" qualifies the next noun
            plain_pending = not any(w in SECTION_QUALIFIERS for w in others)
            continue
        if not qualified and not {significant[0], significant[-1]} & HEADING_NOUNS.keys():
            return None  # the noun leads (FR) or ends (EN) a heading, it is never buried
        precise = next((SECTION_QUALIFIERS[w] for w in others if w in SECTION_QUALIFIERS), None)
        noun_section = HEADING_NOUNS.get(nouns[0]) or QUALIFIED_NOUNS[nouns[0]]
        named = [noun_section] if plain_pending or not precise else []
        for section in [*named, *([precise] if precise else [])]:
            if section not in found:
                found.append(section)
        plain_pending = False
    return found or None
