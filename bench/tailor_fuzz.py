"""The contract of a sendable CV (``jobs/pipeline/core/sendable.py``) as properties over seeded
synthetic (CV, offer) pairs: each pair is tailored by the offline engine (``tailor_offline``),
rendered as the worker renders a generated CV (default design, the CV's language, the default
page budget, the engine's relevance map: ``render_to_budget``), read back, and every content and
page invariant checked (bench/tailor_contract.py) against the source as the worker loads it
(split sentences joined again: ``fragments.rejoin_fragments``). A clean run has no violation.

Shapes (``generate``; each pair draws one CV shape and every other feature independently):

* CV: ``dense_one_page`` (5–7 short jobs within five years, 4–6 bullets each, 20–35 skills,
  certifications), ``two_page_old_jobs`` (over five years: recent jobs, an old job of the trade
  and an old unrelated one, both ended over 7 years ago), ``junior_one_job`` (one internship),
  ``skills_in_bullets`` (at most 3 listed skills, the tools named in the bullets), ``regular``;
* languages: the CV and the offer in the same language, or French CV / English offer and the
  reverse; CV language levels as CVs write them ("B2", "Courant", "Fluent (C1)"); an offer that
  asks for a language, or none;
* the offer: requirements as a list, or only as prose in its description (empty list); of the
  CV's trade or a neighbouring one;
* header links (LinkedIn / GitHub / portfolio addresses, on reserved ``.example`` hosts);
* a bullet split mid-sentence by an import ("… pour les" + "applications X."), between two
  bullets or between the description and the first bullet;
* a trap: an employer, school, degree, interest or place whose name holds a skill word the offer
  asks for ("Nordwind Communication Systems", "Licence Mathématiques", "Cuisine").

Import misreads (bench/tailor_fuzz_misreads.py): besides the clean pairs, ``--per-family`` pairs
per family get one misread planted in their source CV (a place, the name or a section word as
the headline; an address, contact or personal data as the profile; an e-mail, an address or an
age among the skills): each must be *caught* (the contract's reader finds it open on the card,
or the generation repaired it from the source), never missed; and lookalikes ("ISO 27001 Lead
Auditor", "C++") must leave their pair clean.

    python -m bench.tailor_fuzz --count 500            # writes bench/TAILOR_FUZZ.md
    python -m bench.tailor_fuzz --count 20 --seed=7 --output fuzz.md  # pairs 7 to 26
"""

from __future__ import annotations

import argparse
import random
import subprocess
import time
import traceback
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.domain.renders.view import sendable_report
from app.lib.cv_content import (
    Contact,
    CvContent,
    Education,
    Experience,
    ExtraItem,
    Extras,
    Header,
    Language,
    Link,
    Skill,
)
from app.lib.matching.analysis import OfferText
from app.lib.pdf_render import DEFAULT_DESIGN, default_page_budget
from app.lib.pdf_render.fit import render_to_budget
from bench.synthetic_cv_content import FIRST_NAMES, SYLLABLES
from bench.tailor_contract import CODES, check
from bench.tailor_fuzz_misreads import BY_NAME, FAMILIES, LOOKALIKES, Misread, plant, planted_in
from bench.tailor_fuzz_words import (
    COMMON_SKILLS,
    DEGREES,
    INTERESTS,
    INTERN_TITLES,
    JUNIOR_SUMMARIES,
    LANGUAGE_NAMES,
    LEVELS,
    LINKS,
    NATIVE,
    NEIGHBOURS,
    OFFER_HEADINGS,
    OFFER_INTROS,
    OFFER_LANGUAGE_LEVEL,
    OFFER_LANGUAGE_LINES,
    SCHOOLS,
    SPLIT_BULLETS,
    SUMMARIES,
    TOWNS,
    TRADES,
    TRAPS,
    UNRELATED,
    Trade,
)
from jobs.pipeline.core.context import OfferBrief
from jobs.pipeline.core.fragments import rejoin_fragments
from jobs.pipeline.core.offline_run import tailor_offline
from jobs.pipeline.core.sendable import Pair, skill_is_supported, statements
from jobs.pipeline.core.sendable_repair import pdf_text
from jobs.pipeline.core.skill_terms import term_key

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "bench" / "TAILOR_FUZZ.md"
TODAY = date(2026, 6, 1)  # fixed: one pair per seed number, whatever the day
CV_SHAPES = (
    "dense_one_page",
    "two_page_old_jobs",
    "junior_one_job",
    "skills_in_bullets",
    "regular",
)
CROSS_LANGUAGE_SHARE = 0.4
PROSE_ONLY_SHARE = 0.3
LINKS_SHARE = 0.5
OFFER_LANGUAGE_SHARE = 0.5
SPLIT_SHARE = 0.4
SPLIT_IN_DESCRIPTION_SHARE = 0.3  # of the split bullets: the head ends the description
TRAP_SHARE = 0.6
NEIGHBOUR_SHARE = 0.25
OLD_YEARS_AGO = (8, 12)  # an old job ended this many years before TODAY
EXAMPLES_LISTED = 60  # failing pairs listed in the report
PER_FAMILY = 15  # pairs per misread family (and per lookalike family)

Month = tuple[int, int]


# ── generation ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class FuzzCase:
    seed: int
    source: CvContent
    offer: OfferBrief
    cv_language: str
    today: date
    shapes: dict[str, str]


def _month(index: int) -> Month:
    return index // 12, index % 12 + 1


def _index(month: Month) -> int:
    return month[0] * 12 + month[1] - 1


def _iso(index: int) -> str:
    year, month = _month(index)
    return f"{year:04d}-{month:02d}"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _company(rng: random.Random) -> str:
    return f"{_word(rng)} {rng.choice(('SAS', 'Group', 'Ltd', 'GmbH', 'SARL', '& Fils'))}"


def _filled(rng: random.Random, template: str) -> str:
    return template.format(n=rng.randint(3, 40), org=_word(rng))


@dataclass
class _Job:
    title: str
    company: str
    start: int  # month index
    end: int | None  # None: ongoing
    bullets: list[str]
    description: str = ""
    location: str = ""


def _bullets(rng: random.Random, trade: Trade, language: str, count: int) -> list[str]:
    pool = list(trade.bullets[language])
    rng.shuffle(pool)
    return [_filled(rng, b) for b in pool[: min(count, len(pool))]]


def _recent_jobs(
    rng: random.Random,
    trade: Trade,
    language: str,
    count: int,
    months: tuple[int, int],
    bullets: tuple[int, int],
) -> list[_Job]:
    """``count`` consecutive jobs of the trade back from TODAY (most recent first), each
    lasting ``months``, with small gaps; the latest is ongoing half of the time."""
    now = _index((TODAY.year, TODAY.month))
    end: int | None = None if rng.random() < 0.5 else now - rng.randint(1, 3)
    jobs: list[_Job] = []
    for _ in range(count):
        start = (end if end is not None else now) - rng.randint(*months)
        jobs.append(
            _Job(
                title=rng.choice(trade.titles[language]),
                company=_company(rng),
                start=start,
                end=end,
                bullets=_bullets(rng, trade, language, rng.randint(*bullets)),
                location=rng.choice(TOWNS),
            )
        )
        end = start - rng.randint(0, 2)
    return jobs


def _old_job(rng: random.Random, trade: Trade, language: str, before: int) -> _Job:
    """A job that ended OLD_YEARS_AGO years before TODAY (and before ``before``)."""
    now = _index((TODAY.year, TODAY.month))
    end = min(before - 1, now - 12 * rng.randint(*OLD_YEARS_AGO))
    return _Job(
        title=rng.choice(trade.titles[language]),
        company=_company(rng),
        start=end - rng.randint(6, 30),
        end=end,
        bullets=_bullets(rng, trade, language, rng.randint(1, 3)),
        location=rng.choice(TOWNS),
    )


def _jobs(rng: random.Random, shape: str, trade: Trade, language: str) -> list[_Job]:
    if shape == "dense_one_page":  # within five years: a one-page budget
        return _recent_jobs(rng, trade, language, rng.randint(5, 7), (5, 8), (4, 6))
    if shape == "junior_one_job":
        job = _recent_jobs(rng, trade, language, 1, (3, 6), (2, 4))[0]
        job.title = rng.choice(INTERN_TITLES[language]).format(title=job.title)
        return [job]
    if shape == "two_page_old_jobs":  # over five years: a two-page budget
        jobs = _recent_jobs(rng, trade, language, rng.randint(2, 3), (18, 36), (2, 5))
        old = [_old_job(rng, trade, language, jobs[-1].start)]
        old.append(_old_job(rng, UNRELATED, language, old[0].start))
        return jobs + old
    return _recent_jobs(rng, trade, language, rng.randint(2, 4), (8, 26), (2, 5))


def _split(rng: random.Random, jobs: list[_Job], language: str) -> str:
    """Splits one sentence over two bullets (or the description and the first bullet)."""
    job = rng.choice([j for j in jobs if j.bullets] or jobs)
    head, tail = rng.choice(SPLIT_BULLETS[language])
    tail = _filled(rng, tail)
    if rng.random() < SPLIT_IN_DESCRIPTION_SHARE:
        job.description, job.bullets = head, [tail, *job.bullets]
        return "description"
    at = rng.randint(0, len(job.bullets))
    job.bullets[at:at] = [head, tail]
    return "bullets"


def _skill_pool(trade: Trade, language: str) -> list[str]:
    neighbour = next(t for t in TRADES if t.key == NEIGHBOURS[trade.key])
    seen: set[str] = set()
    pool: list[str] = []
    for name in [*trade.skills[language], *neighbour.skills[language], *COMMON_SKILLS[language]]:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            pool.append(name)
    return pool


def _skills(rng: random.Random, shape: str, trade: Trade, language: str) -> list[str]:
    pool = _skill_pool(trade, language)
    if shape == "dense_one_page":
        count = rng.randint(20, min(35, len(pool)))
    elif shape == "skills_in_bullets":
        count = rng.randint(0, 3)
    elif shape == "junior_one_job":
        count = rng.randint(3, 8)
    else:
        count = rng.randint(6, 15)
    return rng.sample(pool, count)


def _languages(rng: random.Random, language: str) -> tuple[list[Language], str]:
    names = LANGUAGE_NAMES[language]
    other = "en" if language == "fr" else "fr"
    if rng.random() < 0.7:  # mother tongue = the CV's language, the other one as learnt
        native, learnt = language, other
    else:
        native, learnt = other, language
    out = [Language(name=names[native], level=NATIVE[language])]
    level = rng.choice(LEVELS[language])
    out.append(Language(name=names[learnt], level=level))
    if rng.random() < 0.4:
        out.append(Language(name=names["es"], level=rng.choice(LEVELS[language])))
    return out, level


def _says(cv: CvContent, word: str) -> bool:
    """Whether the CV supports ``word`` as a skill by the contract's own reading (a listed
    skill, or one its statements name): a trap's word must be nowhere but in the trap's name."""
    listed = {term_key(s.name) for s in cv.skills}
    return skill_is_supported(word, listed, statements(cv))


def _with_trap(
    rng: random.Random, cv: CvContent, language: str
) -> tuple[CvContent, str, str] | None:
    """The CV with a name that holds a skill word (and that word), or None when every trap's
    word is already something the CV says."""
    traps = [t for t in TRAPS if not _says(cv, t[2][language])]
    if not traps or not cv.experience:
        return None
    where, names, words = rng.choice(traps)
    name, word = names[language], words[language]
    if where in ("employer", "place"):
        index = rng.randrange(len(cv.experience))
        field_name = "company" if where == "employer" else "location"
        jobs = list(cv.experience)
        jobs[index] = jobs[index].model_copy(update={field_name: name})
        return cv.model_copy(update={"experience": jobs}), where, word
    if where in ("school", "degree"):
        schools = list(cv.education)
        field_name = "institution" if where == "school" else "degree"
        schools[0] = schools[0].model_copy(update={field_name: name})
        return cv.model_copy(update={"education": schools}), where, word
    extras = cv.extras.model_copy(update={"interests": [*cv.extras.interests, name]})
    return cv.model_copy(update={"extras": extras}), where, word


def _cv(
    rng: random.Random, shape: str, trade: Trade, language: str
) -> tuple[CvContent, dict[str, str]]:
    shapes: dict[str, str] = {}
    jobs = _jobs(rng, shape, trade, language)
    if rng.random() < SPLIT_SHARE:
        shapes["split"] = _split(rng, jobs, language)
    first, surname = rng.choice(FIRST_NAMES), _word(rng)
    slug = f"{first}-{surname}".casefold().replace("ë", "e").replace("è", "e").replace("é", "e")
    links: list[Link] = []
    if rng.random() < LINKS_SHARE:
        for label, url in rng.sample(LINKS, rng.randint(1, 3)):
            links.append(Link(label=label, url=url.format(slug=slug)))
        shapes["links"] = str(len(links))
    roll = rng.random()
    headline = (
        "" if roll < 0.15 else jobs[0].title if roll < 0.8 else rng.choice(trade.titles[language])
    )
    years = max(1, (_index((TODAY.year, TODAY.month)) - jobs[-1].start) // 12)
    if shape == "junior_one_job":
        summary = rng.choice(JUNIOR_SUMMARIES[language])
    elif rng.random() < 0.6:
        summary = rng.choice(SUMMARIES[language]).format(title=jobs[0].title, y=years)
    else:
        summary = ""
    languages, level = _languages(rng, language)
    shapes["level"] = level
    education_year = (jobs[-1].start // 12) - rng.randint(0, 1)
    education = [
        Education(
            id=f"d{n}",
            degree=rng.choice(DEGREES[language]),
            institution=rng.choice(SCHOOLS),
            start=str(education_year - 2 - 3 * n),
            end=str(education_year - 3 * n),
        )
        for n in range(2 if shape == "junior_one_job" else rng.randint(1, 2))
    ]
    certifications = rng.sample(
        trade.certifications,
        min(
            len(trade.certifications),
            rng.randint(2, 4) if shape == "dense_one_page" else rng.randint(0, 1),
        ),
    )
    cv = CvContent(
        header=Header(
            name=f"{first} {surname}",
            current_title=headline,
            contact=Contact(
                email=f"{slug}@mail.example",
                phone=f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                f"{rng.randint(10, 99)}",
                location=rng.choice(TOWNS),
            ),
            links=links,
        ),
        summary=summary,
        experience=[
            Experience(
                id=f"e{n}",
                title=job.title,
                company=job.company,
                location=job.location,
                start=_iso(job.start),
                end=_iso(job.end) if job.end is not None else None,
                current=job.end is None,
                description=job.description,
                bullets=job.bullets,
            )
            for n, job in enumerate(jobs, 1)
        ],
        education=education,
        skills=[Skill(name=name) for name in _skills(rng, shape, trade, language)],
        languages=languages,
        extras=Extras(
            certifications=[
                ExtraItem(id=f"c{n}", name=name, date=str(TODAY.year - n))
                for n, name in enumerate(certifications, 1)
            ],
            interests=rng.sample(INTERESTS[language], rng.randint(0, 3)),
        ),
    )
    return cv, shapes


def _offer(
    rng: random.Random,
    trade: Trade,
    language: str,
    prose_only: bool,
    trap_word: str,
    asks_language: str,
) -> OfferBrief:
    title = rng.choice(trade.offer_titles[language])
    company, town = _company(rng), rng.choice(TOWNS)
    intro = rng.choice(OFFER_INTROS[language]).format(company=company, title=title, town=town)
    requirements = rng.sample(
        trade.requirements[language], rng.randint(3, min(5, len(trade.requirements[language])))
    )
    prose = rng.sample(trade.prose[language], rng.randint(1, len(trade.prose[language])))
    if trap_word:
        requirements.append(trap_word)
        prose.append(
            ("We value {w}." if language == "en" else "Un plus : {w}.").format(w=trap_word)
        )
    lines = [title, company, town, "", intro, *prose]
    languages: list[Any] = []
    if asks_language:
        line = OFFER_LANGUAGE_LINES[language][asks_language]
        languages = [
            {
                "name": LANGUAGE_NAMES[language][asks_language],
                "level": OFFER_LANGUAGE_LEVEL[language],
            }
        ]
        if prose_only:
            lines.append(line)
        else:
            requirements.append(line)
    if not prose_only:
        lines += ["", f"{OFFER_HEADINGS[language]} :", *(f"- {r}" for r in requirements)]
    pool = [*trade.skills[language], trap_word] if trap_word else list(trade.skills[language])
    text = "\n".join(lines)
    return OfferBrief(
        id=None,
        title=title,
        company=company,
        location=town,
        language=language,
        description=text,
        requirements=[] if prose_only else requirements,
        responsibilities=[],
        skills=[] if prose_only else [s for s in pool if s.casefold() in text.casefold()],
        languages=languages,
    )


def generate(seed: int) -> FuzzCase:
    """Synthetic pair number ``seed`` (the same one on every run and machine)."""
    rng = random.Random(seed)
    shape = rng.choice(CV_SHAPES)
    trade = rng.choice(TRADES)
    cv_language = rng.choice(("fr", "en"))
    cross = rng.random() < CROSS_LANGUAGE_SHARE
    offer_language = ("en" if cv_language == "fr" else "fr") if cross else cv_language
    cv, shapes = _cv(rng, shape, trade, cv_language)
    trap_word, trap_where = "", ""
    if rng.random() < TRAP_SHARE:
        trapped = _with_trap(rng, cv, cv_language)
        if trapped is not None:
            cv, trap_where, trap_word = trapped
    offer_trade = trade
    if rng.random() < NEIGHBOUR_SHARE:
        offer_trade = next(t for t in TRADES if t.key == NEIGHBOURS[trade.key])
    prose_only = rng.random() < PROSE_ONLY_SHARE
    asks = rng.choice(("en", "fr")) if rng.random() < OFFER_LANGUAGE_SHARE else ""
    offer_trap = _trap_word_in(trap_word, cv_language, offer_language)
    offer = _offer(rng, offer_trade, offer_language, prose_only, offer_trap, asks)
    shapes = {
        "cv": shape,
        "trade": trade.key if offer_trade is trade else f"{trade.key}→{offer_trade.key}",
        "languages": f"{cv_language} CV, {offer_language} offer",
        "requirements": "prose only" if prose_only else "listed",
        "offer asks a language": asks or "no",
        **({"trap": f"{trap_where}: {trap_word}"} if trap_word else {}),
        **shapes,
    }
    return FuzzCase(seed, cv, offer, cv_language, TODAY, shapes)


def _trap_word_in(word: str, cv_language: str, offer_language: str) -> str:
    """The trap's skill word as the offer writes it (its own language's form)."""
    if not word or cv_language == offer_language:
        return word
    for _, _, words in TRAPS:
        if words[cv_language] == word:
            return words[offer_language]
    return word


def generate_misread(family: str, seed: int) -> tuple[FuzzCase, Misread, str]:
    """Pair number ``seed`` with one misread of ``family`` planted in its source CV (the same
    on every run), the family and the planted value."""
    case = generate(seed)
    misread = BY_NAME[family]
    rng = random.Random(f"{family}/{seed}")
    source, value = plant(case.source, misread, rng, case.cv_language)
    shapes = {**case.shapes, "misread": family}
    return FuzzCase(seed, source, case.offer, case.cv_language, case.today, shapes), misread, value


# ── checking ────────────────────────────────────────────────────────────────────────────────


@dataclass
class PairOutcome:
    seed: int
    shapes: dict[str, str]
    violations: list[dict[str, Any]] = field(default_factory=list)  # Violation.to_json()
    repaired: list[str] = field(default_factory=list)  # codes ``finish`` repaired
    pages: int = 0
    budget: int = 0  # the render's, grown by a page when even the minimum did not fit
    asked: int = 0  # the default page budget the pair was rendered with
    trimmed: int = 0  # items the render cut to fit
    seconds: float = 0.0
    error: str = ""  # the exception, when the tailoring or the render failed
    family: str = ""  # the misread planted (bench/tailor_fuzz_misreads.py), "" for a clean pair
    expected: str = ""  # the code that must flag it ("" for a clean pair or a lookalike)
    planted: str = ""
    # open (the card lists it), repaired (the card lists it as put right and the value is
    # gone), left out (the engine's own choice never carried it: nothing to flag), missed
    verdict: str = ""
    card_open: int = 0  # lines the card shows as still to look at

    @property
    def unexpected(self) -> list[str]:
        """Codes found beyond the planted misread's own."""
        return [c for c in self.codes if c != self.expected]

    @property
    def failed(self) -> bool:
        if self.expected:
            return bool(self.verdict == "missed" or self.unexpected)
        return bool(self.violations or self.error)

    @property
    def codes(self) -> list[str]:
        return [str(v["code"]) for v in self.violations] + (["error"] if self.error else [])


def check_seed(seed: int) -> PairOutcome:
    """Tailor, render and check pair number ``seed``."""
    return check_case(generate(seed))


def check_misread(task: tuple[str, int]) -> PairOutcome:
    """Tailor, render and check pair number ``seed`` with a misread of ``family`` planted, and
    tell whether the contract caught it."""
    family, seed = task
    case, misread, value = generate_misread(family, seed)
    outcome = check_case(case, misread, value)
    outcome.family, outcome.expected, outcome.planted = family, misread.code, value
    return outcome


def check_task(task: tuple[str, int]) -> PairOutcome:
    family, seed = task
    return check_misread(task) if family else check_seed(seed)


def _verdict(
    misread: Misread, value: str, final: CvContent, record: dict[str, Any], open_codes: list[str]
) -> str:
    """How the contract met a planted misread: the card shows it open, or the generation put
    it right from the source, or the engine never carried it, or it was missed."""
    if misread.code in open_codes:
        return "open"
    repaired = [str(v.get("code")) for v in record.get("repaired") or []]
    still = planted_in(final, misread.where, value)
    if misread.code in repaired and not still:
        return "repaired"
    return "missed" if still else "left out"


def check_case(case: FuzzCase, misread: Misread | None = None, value: str = "") -> PairOutcome:
    """Tailor, render and check one pair (with the misread planted in it, when given)."""
    started = time.perf_counter()
    outcome = PairOutcome(case.seed, case.shapes)
    try:
        result = tailor_offline(
            case.source, case.offer, today=case.today, source_language=case.cv_language
        )
        budget = default_page_budget(result.cv, case.today)
        render = render_to_budget(
            result.cv.to_json(),
            design=DEFAULT_DESIGN,
            locale=result.language,
            page_budget=budget,
            relevance=result.relevance,
        )
        pair = Pair(
            rejoin_fragments(case.source),  # as the worker loads it (``offer_setup.py``)
            OfferText.of(case.offer),
            result.cv,
            result.language,
            case.today,
            case.cv_language,
        )
        contract = check(pair, render, pdf_text(render.pdf), result.meta)
    except Exception as exc:  # a crash is a finding too, with its seed
        outcome.error = f"{type(exc).__name__}: {exc} ({traceback.format_exc(limit=-1).strip()})"
    else:
        outcome.violations = [v.to_json() for v in contract.violations]
        outcome.repaired = [str(v.get("code")) for v in contract.repaired]
        outcome.pages, outcome.budget = contract.facts.pages, contract.facts.budget
        outcome.asked = budget
        outcome.trimmed = len(contract.facts.trimmed)
        # The card as the app shows it: the worker's record and the render's page findings.
        record = dict(result.meta.get("sendable") or {})
        card_meta = {"sendable": {**record, "page": [v.to_json() for v in contract.page]}}
        outcome.card_open = len(sendable_report(card_meta, result.cv).open)
        if misread is not None and misread.code:
            shown = [str(v.get("code")) for v in record.get("violations") or []]
            open_codes = [c for c in outcome.codes if c in shown]
            outcome.verdict = _verdict(misread, value, result.cv, record, open_codes)
            if outcome.verdict == "open" and not outcome.card_open:
                outcome.verdict = "missed"  # never "every check passed" while one is open
    outcome.seconds = time.perf_counter() - started
    return outcome


@dataclass
class FuzzReport:
    count: int
    seed: int
    seconds: float
    workers: int
    outcomes: list[PairOutcome]  # the clean pairs
    misreads: list[PairOutcome] = field(default_factory=list)  # pairs with a misread planted
    per_family: int = 0

    def family(self, name: str) -> list[PairOutcome]:
        return [o for o in self.misreads if o.family == name]

    @property
    def missed(self) -> list[PairOutcome]:
        """Planted misreads the contract did not flag."""
        return [o for o in self.misreads if o.expected and o.verdict == "missed"]

    @property
    def false_alarms(self) -> list[PairOutcome]:
        """Clean and lookalike pairs with a finding, and misread pairs with another finding
        than the misread's own."""
        clean = [o for o in self.outcomes if o.violations]
        planted = [o for o in self.misreads if o.unexpected]
        return clean + planted

    @property
    def counts(self) -> Counter[str]:
        """Violations per code (and crashes as ``error``)."""
        return Counter(code for o in self.outcomes for code in o.codes)

    @property
    def pairs_by_code(self) -> Counter[str]:
        return Counter(code for o in self.outcomes for code in set(o.codes))

    @property
    def repaired(self) -> Counter[str]:
        return Counter(code for o in self.outcomes for code in o.repaired)

    @property
    def failures(self) -> list[PairOutcome]:
        return [o for o in self.outcomes if o.failed]

    @property
    def failing_seeds(self) -> list[int]:
        return [o.seed for o in self.failures]

    def by_shape(self, key: str) -> dict[str, tuple[int, int]]:
        """Per value of one shape feature: (pairs, failing pairs)."""
        total: Counter[str] = Counter()
        failed: Counter[str] = Counter()
        for o in self.outcomes:
            value = o.shapes.get(key, "—")
            total[value] += 1
            failed[value] += o.failed
        return {value: (total[value], failed[value]) for value in sorted(total)}


def tasks(count: int, seed: int = 0, per_family: int = 0) -> list[tuple[str, int]]:
    """The clean pairs ``seed`` to ``seed + count - 1``, then ``per_family`` pairs per misread
    and lookalike family (planted in the clean pairs from ``seed`` on)."""
    out = [("", n) for n in range(seed, seed + count)]
    for misread in (*FAMILIES, *LOOKALIKES):
        out += [(misread.family, n) for n in range(seed, seed + per_family)]
    return out


def run(count: int, seed: int = 0, workers: int = 1, per_family: int = 0) -> FuzzReport:
    """Check the pairs numbered ``seed`` to ``seed + count - 1`` and ``per_family`` pairs of
    each misread family."""
    started = time.perf_counter()
    todo = tasks(count, seed, per_family)
    outcomes: Iterable[PairOutcome]
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(check_task, todo, chunksize=4))
    else:
        outcomes = [check_task(t) for t in todo]
    done = list(outcomes)
    clean = [o for o in done if not o.family]
    planted = [o for o in done if o.family]
    return FuzzReport(
        count, seed, time.perf_counter() - started, workers, clean, planted, per_family
    )


# ── report ──────────────────────────────────────────────────────────────────────────────────


def _commit() -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()


def _params(violation: dict[str, Any], limit: int = 90) -> str:
    text = ", ".join(f"{k}={v}" for k, v in (violation.get("params") or {}).items())
    return text if len(text) <= limit else text[: limit - 1] + "…"


SHAPE_KEYS = ("cv", "languages", "requirements", "offer asks a language", "split", "links")


def _by_cv_shape(report: FuzzReport) -> dict[str, list[PairOutcome]]:
    shapes: dict[str, list[PairOutcome]] = {}
    for outcome in report.outcomes:
        if not outcome.error:
            shapes.setdefault(outcome.shapes.get("cv", "?"), []).append(outcome)
    return dict(sorted(shapes.items()))


VERDICTS = ("open", "repaired", "left out", "missed")


def _misread_totals(report: FuzzReport) -> list[str]:
    if not report.misreads:
        return []
    planted = [o for o in report.misreads if o.expected]
    caught = sum(1 for o in planted if o.verdict in ("open", "repaired"))
    crashes = sum(1 for o in report.misreads if o.error)
    return [
        f"| pairs with an import misread planted ({len(FAMILIES)} families × "
        f"{report.per_family}) | {len(planted)} | |",
        f"| misreads caught (open on the card, or put right from the source) | {caught} | all |",
        f"| misreads missed | {len(report.missed)} | 0 |",
        f"| lookalike pairs ({len(LOOKALIKES)} families × {report.per_family}) | "
        f"{len(report.misreads) - len(planted)} | |",
        f"| false alarms (a finding on a clean or lookalike pair, or beside a misread's own) | "
        f"{len(report.false_alarms)} | 0 |",
        f"| crashes on planted pairs | {crashes} | 0 |",
    ]


def _misread_section(report: FuzzReport) -> list[str]:
    """Per family: how the contract met each planted misread (bench/tailor_fuzz_misreads.py)."""
    if not report.misreads:
        return []
    lines = [
        "## Import misreads planted",
        "",
        "Each family plants one misread in the source CV of the clean pairs numbered from "
        f"{report.seed} (`bench/tailor_fuzz_misreads.py`, one declaration read by this bench "
        "and by `tests/unit/test_tailor_fuzz_misreads.py`). *Open*: the final CV's contract "
        'finds the family\'s code and the "Before you send it" card lists it (never "every '
        "check passed\"). *Repaired*: the generation took it out from the source's other "
        "sentences (a profile) and the card lists it as put right. *Left out*: the engine's own "
        "choice never carried it into the CV (nothing to flag). *Missed*: still in the final CV "
        "and not flagged — a failure. *Other findings*: any other code on those pairs (a false "
        "alarm).",
        "",
        "| family | where | code | pairs | open | repaired | left out | missed | other findings "
        "| crashes |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for misread in (*FAMILIES, *LOOKALIKES):
        done = report.family(misread.family)
        verdicts = Counter(o.verdict for o in done)
        cells = [str(verdicts[v]) if misread.code else "—" for v in VERDICTS]
        other = sum(1 for o in done if [c for c in o.unexpected if c != "error"])
        crashes = sum(1 for o in done if o.error)
        code = f"`{misread.code}`" if misread.code else "none (lookalike)"
        lines.append(
            f"| {misread.family} | {misread.where} | {code} | {len(done)} | "
            + " | ".join(cells)
            + f" | {other} | {crashes} |"
        )
    bad = [o for o in report.misreads if o.failed]
    if bad:
        lines += [
            "",
            "Failing planted pairs:",
            "",
            "| family | pair | planted | verdict | findings |",
        ]
        lines.append("|---|---|---|---|---|")
        for o in bad[:EXAMPLES_LISTED]:
            found = "; ".join(f"`{v['code']}` ({_params(v)})" for v in o.violations)
            if o.error:
                found = (found + "; " if found else "") + f"`error` ({o.error[:120]})"
            lines.append(f"| {o.family} | {o.seed} | {o.planted} | {o.verdict or '—'} | {found} |")
    return [*lines, ""]


def render_report(report: FuzzReport) -> str:
    n = report.count
    total = n + len(report.misreads)
    failures = report.failures
    lines = [
        "# The contract of a sendable CV on synthetic pairs",
        "",
        f"`make bench-tailor-fuzz` (`python -m bench.tailor_fuzz --count {n} "
        f"--seed={report.seed}`) on commit `{_commit() or '?'}`, {datetime.now(UTC):%Y-%m-%d}: {n} "
        f"seeded synthetic (CV, offer) pairs, and {len(report.misreads)} with an import misread "
        f"or a lookalike planted, in {report.seconds:.0f} s ({report.workers} "
        f"process{'es' if report.workers > 1 else ''}, {report.seconds / max(total, 1):.2f} s a "
        "pair of wall time). Each pair is tailored by the offline engine (`tailor_offline`), rendered "
        "as the worker renders it (default design, the CV's language, the default page budget, "
        "the engine's relevance map) and checked against every invariant of "
        "`jobs/pipeline/core/sendable.py` (`content_violations` on the final CV, "
        "`page_violations` on the render's facts and the PDF's text). The generator and its "
        "shapes: `bench/tailor_fuzz.py`; `bench.tailor_fuzz.generate(n)` gives pair *n* "
        "again.",
        "",
        "## Totals",
        "",
        "| figure | value | target |",
        "|---|---|---|",
        f"| pairs | {n} | |",
        f"| pairs with any violation | {len(failures)} ({100 * len(failures) / max(n, 1):.1f} %) "
        "| 0 |",
        f"| crashes (tailoring or render) | {report.counts['error']} | 0 |",
        *_misread_totals(report),
        "",
        *_misread_section(report),
        "## Violations per code (clean pairs)",
        "",
        "| code | violations | pairs | repaired by the generation before the final CV |",
        "|---|---|---|---|",
    ]
    counts, pairs, repaired = report.counts, report.pairs_by_code, report.repaired
    for code in (*CODES, "error"):
        lines.append(f"| `{code}` | {counts[code]} | {pairs[code]} | {repaired[code] or ''} |")
    lines += ["", "## Failing pairs per shape", ""]
    for key in SHAPE_KEYS:
        shares = report.by_shape(key)
        cells = "; ".join(f"{value}: {bad}/{total}" for value, (total, bad) in shares.items())
        lines.append(f"* **{key}** — {cells}")
    lines += [
        "",
        "## Pages per CV shape",
        "",
        "| CV shape | pairs | on the default budget's pages | budget grown a page | items cut |",
        "|---|---|---|---|---|",
    ]
    for shape, done in _by_cv_shape(report).items():
        within = sum(1 for o in done if 0 < o.pages <= o.asked)
        grown = sum(1 for o in done if o.budget > o.asked)
        cut = sum(o.trimmed for o in done)
        lines.append(f"| {shape} | {len(done)} | {within}/{len(done)} | {grown} | {cut} |")
    lines += ["", "## Failing pairs", ""]
    if not failures:
        lines.append("None.")
    else:
        lines += [
            f"{len(failures)} pairs, by number: " + ", ".join(str(o.seed) for o in failures) + ".",
            "",
            "| pair | shapes | violations |",
            "|---|---|---|",
        ]
        for o in failures[:EXAMPLES_LISTED]:
            shapes = "; ".join(f"{k}: {v}" for k, v in o.shapes.items())
            found = "; ".join(f"`{v['code']}` ({_params(v)})" for v in o.violations)
            if o.error:
                found = (found + "; " if found else "") + f"`error` ({o.error[:120]})"
            lines.append(f"| {o.seed} | {shapes} | {found} |")
        if len(failures) > EXAMPLES_LISTED:
            lines.append(f"\n(+{len(failures) - EXAMPLES_LISTED} more: their numbers are above.)")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--per-family", type=int, default=PER_FAMILY)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    report = run(args.count, args.seed, args.workers, args.per_family)
    args.output.write_text(render_report(report))
    output = args.output.resolve()
    shown = output.relative_to(ROOT) if output.is_relative_to(ROOT) else output
    print(f"{shown} rewritten: {len(report.failures)}/{report.count} pairs with a violation")
    for code, count in sorted(report.counts.items()):
        print(f"  {code}: {count}")
    for misread in (*FAMILIES, *LOOKALIKES):
        verdicts = Counter(
            o.verdict or ("error" if o.error else "clean") for o in report.family(misread.family)
        )
        print(f"  {misread.family}: {dict(sorted(verdicts.items()))}")
    print(f"  misreads missed: {len(report.missed)}; false alarms: {len(report.false_alarms)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
