"""The company as the candidate the ad's evidence agrees on, not the first source that names one.

``offer_company.read_company`` reads its sources in a fixed order and stops at the first; a
layout that puts something else where a source looks (a unit after the title's dash, a careers
banner's short form of the name) then wins over what the rest of the ad says. Here every name
any source gives is a candidate; names that agree (one's words hold the other's: "Brightmoor"
and "Brightmoor Hotels") are one employer; each employer counts its independent cues:

- a kind of source naming it: the header's layout (title line, the block under it, a logo or
  banner above it), the ad's own sentences ("X recrute", "At X, we", "About X"), its e-mail or
  web domain, a signature, a public employer's name;
- a company's form (a legal form, a company word, a public employer's form), or a word for a
  company the ad writes before it ("votre agence Proxim Intérim");
- the ad writing it at least twice;
- the ad writing it far more often than any other name, inside its sentences (``most_written``):
  a late sentence's "About X" loses to the name the whole ad is about.

A name the ad only repeats (no source gives it as the employer) counts only with a proper
name's evidence (``proper_name``): "Primary School", "Home Care Services", "Microsoft Office"
are written twice in ads that name no employer, and the right company is then empty.

The employer with the most cues is chosen; the reader's first choice keeps a tie. Where no
source named an employer, a name needs two cues without the last one: an ad naming none stays
empty, to be asked (a name it writes often may be a product's or a client's). It is written
in its fullest form the ad repeats ("Brightmoor Hotels" over the banner's "Brightmoor").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from app.lib.parsing.entries.entry_words import COMPANY_WORDS, LEGAL_FORM_RE, company_score
from app.lib.parsing.fields.skills_vocab import find_skills
from app.lib.parsing.offers.offer_line_cues import is_public_employer
from app.lib.pdf_read.lexicon import Vocabulary, letter_runs
from app.lib.text_forms import fold

# The kind of evidence each of ``read_company``'s sources is: sources of one kind are one cue.
SOURCE_KIND = {
    "at_title": "header", "listing_line": "header", "under_title": "header", "logo": "header",
    "careers_site": "header", "listing_block": "header", "above_title": "header",
    "title_part": "header", "title_part_repeated": "header", "contested": "header",
    "agreement": "sentence", "sentences": "sentence", "named": "sentence",
    "domain": "domain", "url": "domain", "footer": "footer", "signature": "footer",
    "public": "public",
    "repeated": "",  # a name the ad repeats: its repetition is its one cue, counted below
}  # fmt: skip
_FORM_WORDS = frozenset(
    """sa sas sasu sarl eurl spa srl ltd llc inc gmbh ag plc group groupe company co the de du
    des la le les of and et l d""".split()  # noqa: SIM905
)


def name_words(name: str) -> set[str]:
    """A name's words, legal forms and particles aside."""
    return set(re.findall(r"[a-z0-9]+", fold(name))) - _FORM_WORDS


def agrees(one: str, other: str) -> bool:
    """Two readings naming the same employer: one's words (legal forms aside) hold the
    other's ("Vellacour" and "VELLACOUR SAS")."""
    a, b = name_words(one), name_words(other)
    return bool(a) and bool(b) and (a <= b or b <= a)


def written(name: str, text: str) -> int:
    """How often ``text`` writes ``name`` as a name (whole words, in capitals or not, never
    in lower case: "our cardiac unit" does not repeat "Cardiac Unit")."""
    found = re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE)
    return sum(1 for f in found if not f.islower())


def written_inside(name: str, text: str) -> bool:
    """The ad writes ``name`` inside a sentence at least once (after a word on its line), not
    only where any word takes a capital: a list item's or a sentence's first word ("Ability
    to…", "You'll…") is no name for being written often."""
    pattern = rf"(?<=[\w,] ){re.escape(name)}(?![\w-])"
    return any(not f.islower() for f in re.findall(pattern, text, re.IGNORECASE))


def company_form(name: str) -> bool:
    """A legal form, a company word ("Group", "Labs") or a public employer's form."""
    return company_score(name) >= 1 or is_public_employer(name)


# The company words as one alternation, longest first (a regex takes the first that matches).
_COMPANY_WORDS_ALTERNATION = "|".join(sorted(COMPANY_WORDS, key=len, reverse=True))
# A company word (and a particle) ending the text before a name on its line: "votre agence ".
_COMPANY_WORD_BEFORE = re.compile(
    rf"(?<![\w-])(?:{_COMPANY_WORDS_ALTERNATION})[ \t]+(?:(?:de|du|des|of)[ \t]+|d')?\Z"
)


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    """The ad's text folded once: ``introduced`` is asked of every name of every employer."""
    return fold(text)


def introduced(name: str, text: str) -> bool:
    """The ad writes ``name`` right after a word for a company ("votre agence Proxim",
    "la société Dalmiro", "the Brightmoor hotel" aside): it calls it a company. Within a line:
    a list's last item ("- Microsoft Office") names nothing on the next line."""
    folded = _folded(text)
    # Only the text before each place the ad writes the name, on its line, is searched for
    # the company word: the whole ad for every name was the weighing's largest cost.
    for found in re.finditer(rf"(?={re.escape(fold(name))}(?![\w-]))", folded):
        line_start = folded.rfind("\n", 0, found.start()) + 1
        if _COMPANY_WORD_BEFORE.search(folded, line_start, found.start()):
            return True
    return False


@cache
def _dictionary() -> Vocabulary:
    return Vocabulary()


def proper_name(name: str, text: str) -> bool:
    """``name`` is some employer's own: it carries a legal or public employer's form, the ad
    writes a word for a company before it, or it holds a word no dictionary lists
    ("Brightmoor Hotels"); never a name made of the skills an ad asks for ("Pack Office")."""
    words = name_words(name)
    skills = {w for skill in find_skills(name) for w in name_words(skill)}
    if words and words <= skills:
        return False
    if LEGAL_FORM_RE.search(fold(name)) or is_public_employer(name) or introduced(name, text):
        return True
    return any(len(w) >= 2 and not _dictionary().known(w) for w in letter_runs(name))


@dataclass
class Employer:
    names: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)

    def cues(self, text: str) -> int:
        if not self.kinds and not any(proper_name(n, text) for n in self.names):
            return 0  # only repeated, and made of a dictionary's words or an ad's skills
        form = any(company_form(n) or introduced(n, text) for n in self.names)
        repeated = any(written(n, text) >= 2 for n in self.names)
        return len(self.kinds) + int(form) + int(repeated)

    def fullest(self, preferred: str, text: str) -> str:
        """``preferred`` (else the first name), or a longer name holding it that the ad
        writes at least twice and at least as often as the shorter one alone ("Careers at
        Brightmoor" … "Brightmoor Hotels" twice; never "FDM's Career Program" over an ad
        writing "FDM" throughout)."""
        base = preferred if preferred in self.names else self.names[0]
        longer = [
            n
            for n in self.names
            if name_words(base) < name_words(n)
            and written(n, text) >= max(2, written(base, text) - written(n, text))
        ]
        if longer:
            return max(longer, key=lambda n: (written(n, text), len(n)))
        return base


def employers(readings: list[tuple[str, str]]) -> list[Employer]:
    """The readings ``(name, source)`` grouped by the employer they name, in order."""
    found: list[Employer] = []
    for name, source in readings:
        if not name:
            continue
        home = next((e for e in found if any(agrees(name, n) for n in e.names)), None)
        if home is None:
            home = Employer()
            found.append(home)
        if name not in home.names:
            home.names.append(name)
        kind = SOURCE_KIND.get(source, source)
        if kind:
            home.kinds.add(kind)
    return found


MOST_WRITTEN = 3  # times an ad writes the name it is about, at the least


def most_written(everyone: list[Employer], cues: list[int], text: str) -> int | None:
    """The employer the ad writes far more often than any other (three times at least, twice
    as often as the next): what an ad is about is the name it keeps writing. Only employers
    with a cue compete: a dictionary's or a skill's words written often name nobody."""
    counts = [
        max(written(n, text) for n in employer.names)
        if cues[i] and any(written_inside(n, text) for n in employer.names)
        else 0
        for i, employer in enumerate(everyone)
    ]
    order = sorted(range(len(counts)), key=lambda i: -counts[i])
    runner_up = counts[order[1]] if len(order) > 1 else 0
    top = order[0]
    if counts[top] >= MOST_WRITTEN and counts[top] >= 2 * runner_up:
        return top
    return None


def weigh(chosen: str, source: str, readings: list[tuple[str, str]], text: str) -> tuple[str, str]:
    """``(company, source)``: the employer with the most cues among ``readings`` and the
    reader's choice (``chosen`` from ``source``), which keeps a tie; "weighed" as the source
    when another employer won. An ad whose readings are all empty keeps ``chosen``."""
    everyone = employers([(chosen, source), *readings])
    if not everyone:
        return chosen, source
    mine = next((i for i, e in enumerate(everyone) if chosen and chosen in e.names), None)
    cues = [e.cues(text) for e in everyone]  # each employer's once: they search the whole ad
    # Against the reader's choice only: where no source named an employer, a name needs two
    # kinds of evidence, and an ad naming none stays empty, to be asked (an often-written name
    # may be a product's or a client's).
    leader = most_written(everyone, cues, text) if mine is not None else None
    if leader is not None:
        cues[leader] += 1
    best = max(range(len(everyone)), key=lambda i: (cues[i], i == mine))
    if mine is not None and cues[best] <= cues[mine]:
        return everyone[mine].fullest(chosen, text), source
    if mine is None and cues[best] < 2:
        return chosen, source
    return everyone[best].fullest("", text), "weighed"
