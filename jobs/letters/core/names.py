"""Job titles and employers a sentence claims, whatever their case: "as lead architect",
"head of engineering", "directrice technique", "I worked at google", "j'ai rejoint initech".

The CV guard finds names by their capital letters (``jobs/pipeline/core/fact_guard.py``); a
model that writes them in lower case passes it. Here:

* a **job title** is a role noun ("architect", "engineer", "directeur", "cheffe"…) with the
  title words around it ("lead", "senior", "head of …", "… technique"); it is the CV's when
  all its words appear, in that order, in one line of the CV (its titles, its sentences) or of
  the offer's names. Plural nouns ("your engineers") and the recipient's title ("Hiring
  Manager") are no claim about the candidate.
* an **employer** is what follows "at", "for", "joined", "chez", "au sein de"… without an
  article: it is a claim when it is not in the CV's or the offer's text and looks like an
  organisation: a known one, a company-form word ("Labs", "Inc", "SAS"), or (after "at",
  "joined", "chez"… not "for") a coined word no dictionary of either language knows
  ("initech"). "at scale", "for years", "for fintech clients" stay plain words.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from spellchecker import SpellChecker

from app.lib.matching.vocabulary import default_vocabulary
from app.lib.text_forms import fold


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


ROLE_NOUNS = _set(
    """
    architect engineer developer programmer manager director head lead chief officer president
    vp cto ceo cfo coo cio ciso founder cofounder co-founder consultant analyst designer
    scientist administrator specialist coordinator owner intern trainee supervisor executive
    principal strategist evangelist advisor
    architecte ingenieur developpeur programmeur directeur chef manager president fondateur
    cofondateur co-fondateur consultant analyste designer administrateur coordinateur
    stagiaire alternant gerant dirigeant superviseur responsable
    """
)
# Words that make a title more than its noun ("lead architect", "directeur technique").
TITLE_WORDS_BEFORE = _set(
    """
    senior junior lead principal staff chief head associate assistant deputy vice executive
    managing general technical tech team engineering product project program programme
    """
)
TITLE_WORDS_AFTER = _set(
    """
    technique technical principal senior junior adjoint general executif produit projet
    programme ingenierie informatique digital numerique commercial
    """
)
OF_WORDS = frozenset({"of", "de", "du", "des", "d"})
RECIPIENTS = (  # the reader's title, not the candidate's
    "hiring manager",
    "hiring team",
    "recruiting manager",
    "responsable du recrutement",
    "responsable recrutement",
    "charge de recrutement",
    "chargee de recrutement",
)
# French feminine and plural forms read as the masculine singular ("cheffe" = "chef").
_FORMS = (
    ("trices", "teur"),
    ("trice", "teur"),
    ("euses", "eur"),
    ("euse", "eur"),
    ("effe", "ef"),
    ("eure", "eur"),
    ("ante", "ant"),
    ("ienne", "ien"),
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# An organisation's name read whole: "at&t", "3m", "4dsoft", "c&a" (the letters alone would
# claim "dsoft" or "t", which the CV never writes).
_NAME_WORD_RE = re.compile(r"\w(?:[\w&]*\w)?\+*(?:-\w+)*")

# What introduces an employer: "at", "joined", "chez"… (then a coined word is a name) and "for",
# "pour" (also "for fintech clients": only a known organisation or a company form counts).
EMPLOYER_CUES = (
    r"\b(?P<weak>for|pour)\s+",
    r"\b(?:at|joined|join|joining|rejoint|rejoindre|rejoignant|chez)\s+",
    r"\bau sein d[eu']\s*",
    r"\b(?:employed|hired|recruited|employe|employee|recrute|recrutee) (?:by|at|par)\s+",
)
_EMPLOYER_RE = re.compile("|".join(EMPLOYER_CUES))
NOT_A_NAME = _set(
    """
    a an the my your our their his her its this that these those some several many most least
    all each every any one two first last same other another such which what whom whose it
    me us them him you i we they there here more less over under about around almost nearly
    le la les l un une des du de mon ma mes ton ta tes son sa ses notre nos votre vos leur
    leurs ce cet cette ces plusieurs chaque tout toute tous toutes quelques moi vous nous lui
    eux elle elles ils il on y
    """
)
STOP_WORDS = _set(
    """
    for as in on to and or where when while during since with from of by at into than then
    who which that because until after before years months weeks days i my we our
    pour en dans comme ou et avec depuis pendant de du des a au aux sur qui que lors ans mois
    jusqu apres avant
    """
)
COMPANY_FORMS = _set(
    """
    inc incorporated corp corporation co company ltd limited llc llp plc gmbh ag sa sas sasu sarl
    spa bv nv oy ab group groupe holding holdings labs lab technologies technology tech systems
    solutions consulting partners ventures studio studios bank banque capital industries
    """
)
# Well-known employers whose names are also common words, or are in the dictionaries (a
# sentence names them in lower case as easily as in capitals).
KNOWN_ORGANISATIONS = _set(
    """
    google alphabet amazon aws microsoft apple meta facebook instagram whatsapp netflix
    spotify uber lyft airbnb stripe paypal ibm oracle intel nvidia amd cisco salesforce
    adobe twitter linkedin tesla samsung sony huawei alibaba tencent baidu openai anthropic
    deepmind accenture deloitte pwc kpmg mckinsey bcg capgemini atos sopra thales airbus
    safran dassault renault peugeot stellantis michelin orange bouygues vinci
    totalenergies engie edf sncf ratp lvmh loreal danone carrefour auchan decathlon bnp
    paribas societe generale axa allianz natixis hsbc barclays jpmorgan goldman
    citigroup ubs ovh ovhcloud criteo doctolib blablacar deezer ubisoft
    """
)


def base_form(word: str) -> str:
    word = fold(word)
    for ending, base in _FORMS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + base
    return word


def plain_words(text: str) -> list[str]:
    return [base_form(w) for w in _WORD_RE.findall(fold(text).replace("’", "'"))]


def _is_plural(word: str) -> bool:
    folded = fold(word)
    return folded.endswith(("s", "x")) and base_form(folded[:-1]) in ROLE_NOUNS


def title_claims(sentence: str) -> list[tuple[str, ...]]:
    """The job titles ``sentence`` names: each as its words (folded, masculine singular)."""
    text = fold(sentence)
    for recipient in RECIPIENTS:
        text = text.replace(recipient, " ; ")
    raw = _WORD_RE.findall(text.replace("’", "'").replace("'", " "))
    words = [base_form(w) for w in raw]
    found: list[tuple[str, ...]] = []
    for index, word in enumerate(words):
        if word not in ROLE_NOUNS or _is_plural(raw[index]):
            continue
        # "lead", "head", "chief" are title words before a noun, and a verb or a body part
        # alone ("I lead the team", "head office"): a title alone only after "as"/"en tant que".
        if word in ("lead", "head", "chief", "principal", "executive", "responsable"):
            following = words[index + 1] if index + 1 < len(words) else ""
            if following in ROLE_NOUNS or following in TITLE_WORDS_BEFORE:
                continue  # the noun after it carries the title
            if word == "head" and following != "of":
                continue
            if word == "responsable" and following not in OF_WORDS:
                continue
            if word not in ("head", "responsable") and not _after_as(words, index):
                continue
        start = index
        while start > 0 and words[start - 1] in TITLE_WORDS_BEFORE and index - start < 3:
            start -= 1
        end = index + 1
        while end < len(words) and words[end] in TITLE_WORDS_AFTER and end - index < 3:
            end += 1
        if end < len(words) - 1 and words[end] in OF_WORDS and words[end + 1] not in NOT_A_NAME:
            end += 2  # "head of engineering", "directeur de l'ingénierie"
            if words[end - 1] in ("la", "l", "le", "les") and end < len(words):
                end += 1
        found.append(tuple(w for w in words[start:end] if w not in ("la", "l", "le", "les")))
    return found


def _after_as(words: list[str], index: int) -> bool:
    before = words[max(0, index - 4) : index]
    return "as" in before or ("tant" in before and "que" in before)


# Words before a title that make it one the candidate held or holds ("as", "I am", "j'ai été",
# "en tant que"), and words that make it the role applied for ("your next", "apply as",
# "devenir votre"): the offer's title is the letter's subject, not the candidate's past.
HELD_CUES = _set("as am was were been worked served comme suis ete etais travaille occupe")
ASPIRATION_CUES = _set(
    """
    your next future apply applying application candidate become becoming join joining
    votre vos prochain futur candidature candidat postule postuler devenir rejoindre
    """
)


def held(title: tuple[str, ...], sentence: str) -> bool:
    """Whether ``sentence`` says the candidate is or was ``title`` ("I worked as product
    owner", "en tant que product owner") rather than naming the role applied for."""
    words = plain_words(sentence)
    for index, word in enumerate(words):
        if word != title[0]:
            continue
        before = words[max(0, index - 4) : index]
        if any(w in ASPIRATION_CUES for w in before):
            continue
        pairs = set(pairwise(before))
        if any(w in HELD_CUES for w in before) or {("tant", "que"), ("i", "m")} & pairs:
            return True
    return False


def title_supported(title: tuple[str, ...], lines: list[list[str]]) -> bool:
    """All the title's words, in order, in one of ``lines`` (each line's ``plain_words``)."""
    wanted = [w for w in title if w not in OF_WORDS]
    for line in lines:
        position = 0
        for word in line:
            if position < len(wanted) and word == wanted[position]:
                position += 1
        if position == len(wanted):
            return True
    return False


@cache
def _dictionary(language: str) -> SpellChecker:
    return SpellChecker(language=language, distance=1)


def _coined(word: str) -> bool:
    """A word neither dictionary knows, nor the job vocabulary: a name ("initech")."""
    if len(word) < 3 or not word.isalpha():
        return False
    if default_vocabulary().concepts_in(word):
        return False
    return all(word not in _dictionary(language) for language in ("en", "fr"))


def employer_claims(sentence: str, known_text: str) -> list[str]:
    """What ``sentence`` names as an employer ("at google", "chez initech"), lower case
    included, that reads as an organisation's name (see the module's doc) and that
    ``known_text`` (the CV's and the offer's text, ``squash``-ed) does not contain."""
    text = fold(sentence).replace("’", "'")
    found: list[str] = []
    for cue in _EMPLOYER_RE.finditer(text):
        after = _NAME_WORD_RE.findall(text[cue.end() :].split(",")[0].split(".")[0])
        if not after or after[0] in NOT_A_NAME:
            continue
        name: list[str] = []
        for word in after[:4]:
            if word in STOP_WORDS or word in NOT_A_NAME:
                break
            name.append(word)
        # The words that make it an organisation's name: each must be the CV's or the offer's.
        telling = [w for w in name if w in KNOWN_ORGANISATIONS]
        telling += [name[-1]] if len(name) > 1 and name[-1] in COMPANY_FORMS else []
        telling += [name[0]] if name and not cue.group("weak") and _coined(name[0]) else []
        missing = [w for w in dict.fromkeys(telling) if not _has_word(known_text, w)]
        if missing:
            found.append(" ".join(name))
    return found


def _has_word(squashed: str, word: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", squashed) is not None
