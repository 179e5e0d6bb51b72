"""Scoring of the import round trip (bench/roundtrip_eval.py): pair each source experience with a
parsed one, check its fields and bullets, total the cases and print the table.

Company comparison ignores place words glued on (as the corpus scorer does); the glued place is
counted on its own ("co exact", "place") so it is not hidden either.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.lib.cv_content import CvContent, Experience
from app.lib.parsing.cv_parser import parse_cv_text
from tests.fixtures.roundtrip_cvs import Person

MONTHS = {
    "jan": 1, "janv": 1, "janvier": 1, "january": 1, "feb": 2, "fev": 2, "fevr": 2, "fevrier": 2,
    "february": 2, "mar": 3, "mars": 3, "march": 3, "apr": 4, "avr": 4, "avril": 4, "april": 4,
    "may": 5, "mai": 5, "jun": 6, "juin": 6, "june": 6, "jul": 7, "juil": 7, "juillet": 7,
    "july": 7, "aug": 8, "aou": 8, "aout": 8, "august": 8, "sep": 9, "sept": 9, "septembre": 9,
    "september": 9, "oct": 10, "octobre": 10, "october": 10, "nov": 11, "novembre": 11,
    "november": 11, "dec": 12, "decembre": 12, "december": 12,
}  # fmt: skip


# ------------------------------------------------------------------------------ comparison
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9+#€$]+", fold(text))


def norm_date(value: str | None) -> str:
    """The parser's date as ``YYYY-MM`` / ``YYYY`` (a format it did not normalise still counts
    when it names the same month); ``""`` when unreadable."""
    text = fold(value or "").strip()
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        return f"{match.group(1)}-{int(match.group(2)):02d}"
    if (match := re.search(r"\b(\d{1,2})/(\d{4})\b", text)) and 1 <= int(match.group(1)) <= 12:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    year = re.search(r"\b(19|20)\d{2}\b", text)
    month = next((MONTHS[w] for w in re.findall(r"[a-z]+", text) if w in MONTHS), None)
    if year and month:
        return f"{year.group(0)}-{month:02d}"
    return year.group(0) if year else ""


@dataclass
class ExpCheck:
    source: Experience
    parsed: Experience | None
    title: bool = False
    company: bool = False
    start: bool = False
    end: bool = False
    company_exact: bool = False  # no word of the place glued on ("Acme, York")
    bullets: bool = False  # every bullet of the job under this job, none lost or moved
    location: bool = False  # the job's place in ``location`` (informative: not in all4)

    @property
    def all4(self) -> bool:
        return self.title and self.company and self.start and self.end


def _end_right(source: Experience, parsed: Experience) -> bool:
    if source.current:
        return parsed.current or "present" in fold(parsed.end or "")
    return not parsed.current and norm_date(parsed.end) == source.end


def _company_right(source: Experience, parsed: Experience) -> bool:
    """The employer's words, leniently as the corpus scorer counts them: words of the job's place
    glued on ("Acme, York", "Acme (York)") are ignored here and counted by ``company_exact``."""
    place = set(words(source.location)) - set(words(source.company))
    return [w for w in words(parsed.company) if w not in place] == words(source.company)


def _bullets_right(source: Experience, parsed: Experience) -> bool:
    """Each source bullet, word for word (line wraps aside), in the parsed job's text."""
    body = " ".join(words(" ".join([parsed.description, *parsed.bullets])))
    return all(" ".join(words(bullet)) in body for bullet in source.bullets)


def _check(source: Experience, parsed: Experience) -> ExpCheck:
    return ExpCheck(
        source,
        parsed,
        title=words(parsed.title) == words(source.title),
        company=_company_right(source, parsed),
        start=norm_date(parsed.start) == source.start,
        end=_end_right(source, parsed),
        company_exact=words(parsed.company) == words(source.company),
        bullets=_bullets_right(source, parsed),
        location=words(parsed.location) == words(source.location),
    )


def _pair_score(source: Experience, parsed: Experience) -> int:
    """0 = not the same job. Same start year, and the title or the employer recognisable
    (swapped or polluted fields still count as found, their fields as wrong)."""
    if norm_date(parsed.start)[:4] != (source.start or "")[:4]:
        return 0
    blob = set(words(f"{parsed.title} {parsed.company}"))
    title_words, company_words = set(words(source.title)), set(words(source.company))
    title_hit = len(title_words & blob) / len(title_words) >= 0.5
    company_hit = company_words <= blob
    return 2 * company_hit + 2 * title_hit + (words(parsed.company) == words(source.company))


def pair_experiences(source: list[Experience], parsed: list[Experience]) -> list[ExpCheck]:
    """One check per source job, greedily paired with its best parsed entry."""
    candidates = sorted(
        (
            (-_pair_score(s, p), si, pi)
            for si, s in enumerate(source)
            for pi, p in enumerate(parsed)
            if _pair_score(s, p)
        ),
    )
    paired: dict[int, int] = {}
    for _, si, pi in candidates:
        if si not in paired and pi not in paired.values():
            paired[si] = pi
    return [
        _check(s, parsed[paired[si]]) if si in paired else ExpCheck(s, None)
        for si, s in enumerate(source)
    ]


@dataclass
class CaseResult:
    variant: str  # "pdf:<design>", "pdftotext:<design>" or "text:<shape>"
    person: Person
    text: str
    parsed: CvContent
    experiences: list[ExpCheck] = field(default_factory=list)

    @property
    def case_id(self) -> str:
        return f"{self.variant}/{self.person.key}"

    @property
    def found(self) -> int:
        return sum(c.parsed is not None for c in self.experiences)

    @property
    def all4(self) -> int:
        return sum(c.all4 for c in self.experiences)

    @property
    def company_exact(self) -> int:
        return sum(c.company_exact for c in self.experiences)

    @property
    def bullets(self) -> int:
        return sum(c.bullets for c in self.experiences)

    @property
    def locations(self) -> int:
        return sum(c.location for c in self.experiences)

    @property
    def extras(self) -> list[Experience]:
        """Parsed entries no source job was paired with (false positives)."""
        paired = {id(c.parsed) for c in self.experiences if c.parsed is not None}
        return [e for e in self.parsed.experience if id(e) not in paired]

    @property
    def name_ok(self) -> bool:
        return set(words(self.parsed.header.name)) == set(words(self.person.cv.header.name))

    @property
    def email_ok(self) -> bool:
        return fold(self.parsed.header.contact.email) == fold(self.person.cv.header.contact.email)

    @property
    def phone_ok(self) -> bool:
        want = re.sub(r"\D", "", self.person.cv.header.contact.phone)
        return re.sub(r"\D", "", self.parsed.header.contact.phone)[-9:] == want[-9:]

    @property
    def education_ok(self) -> bool:
        return len(self.parsed.education) == len(self.person.cv.education)

    def skills_missing(self) -> list[str]:
        """Source skills found nowhere; a licence filed under certifications ("Habilitations :
        CACES …") is still on the CV, so it counts as found."""
        names = [s.name for s in self.parsed.skills]
        names += [c.name for c in self.parsed.extras.certifications]
        got = [set(words(name)) for name in names]
        return [
            s.name
            for s in self.person.cv.skills
            if not any(set(words(s.name)) <= g or (g and g <= set(words(s.name))) for g in got)
        ]

    def languages_missing(self) -> list[str]:
        got = [set(words(lang.name)) for lang in self.parsed.languages]
        return [
            lang.name
            for lang in self.person.cv.languages
            if not any(set(words(lang.name)) <= g for g in got)
        ]

    def sections_missing(self) -> list[str]:
        """Projects, certifications, volunteering and interests that did not come back in
        their own section (they are on the CV; they must not vanish or become jobs)."""
        source, parsed, out = self.person.cv, self.parsed, []
        for kind in ("certifications", "volunteering"):
            got = [set(words(f"{i.name} {i.issuer}")) for i in getattr(parsed.extras, kind)]
            for item in getattr(source.extras, kind):
                if not any(set(words(item.name)) <= g for g in got):
                    out.append(f"{kind}: {item.name!r}")
        got_interests = [set(words(i)) for i in parsed.extras.interests]
        for interest in source.extras.interests:
            if not any(set(words(interest)) <= g for g in got_interests):
                out.append(f"interests: {interest!r}")
        got_projects = [set(words(f"{p.name} {p.role}")) for p in parsed.projects]
        for project in source.projects:
            if not any(set(words(project.name)) <= g for g in got_projects):
                out.append(f"projects: {project.name!r}")
        return out


def check_case(variant: str, person: Person, text: str) -> CaseResult:
    parsed = parse_cv_text(text).content
    result = CaseResult(variant, person, text, parsed)
    result.experiences = pair_experiences(person.cv.experience, parsed.experience)
    return result


# ------------------------------------------------------------------------------ report
@dataclass
class Totals:
    expected: int = 0
    predicted: int = 0
    found: int = 0
    all4: int = 0
    company_exact: int = 0
    bullets: int = 0
    locations: int = 0
    cases: int = 0
    name: int = 0
    email: int = 0
    phone: int = 0
    education: int = 0
    skills: int = 0
    skills_expected: int = 0
    languages: int = 0
    languages_expected: int = 0

    def add(self, r: CaseResult) -> None:
        self.expected += len(r.experiences)
        self.predicted += len(r.parsed.experience)
        self.found += r.found
        self.all4 += r.all4
        self.company_exact += r.company_exact
        self.bullets += r.bullets
        self.locations += r.locations
        self.cases += 1
        self.name += r.name_ok
        self.email += r.email_ok
        self.phone += r.phone_ok
        self.education += r.education_ok
        self.skills_expected += len(r.person.cv.skills)
        self.skills += len(r.person.cv.skills) - len(r.skills_missing())
        self.languages_expected += len(r.person.cv.languages)
        self.languages += len(r.person.cv.languages) - len(r.languages_missing())

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    @property
    def all4_rate(self) -> float:
        return self.all4 / self.expected if self.expected else 1.0

    def row(self, label: str) -> str:
        c = max(self.cases, 1)
        cells = [
            self.recall,
            self.precision,
            self.all4_rate,
            self.company_exact / max(self.expected, 1),
            self.bullets / max(self.expected, 1),
            self.locations / max(self.expected, 1),
            self.name / c,
            self.email / c,
            self.phone / c,
            self.education / c,
            self.skills / max(self.skills_expected, 1),
            self.languages / max(self.languages_expected, 1),
        ]
        return (
            f"| {label:<22} | {self.expected:>3} | " + " | ".join(f"{x:.2f}" for x in cells) + " |"
        )


def totals(results: Iterable[CaseResult]) -> Totals:
    total = Totals()
    for result in results:
        total.add(result)
    return total


HEADER = (
    "| variant                | exp | recall | prec | all4 | co exact | bullets | place | name "
    "| email | phone | edu n | skills | langs |\n" + "|---" * 14 + "|"
)


def table(results: list[CaseResult]) -> str:
    variants = list(dict.fromkeys(r.variant for r in results))
    lines = [HEADER]
    lines += [totals(r for r in results if r.variant == v).row(v) for v in variants]
    lines.append(totals(r for r in results if r.variant.startswith("pdf:")).row("ALL app designs"))
    pasted = [r for r in results if not r.variant.startswith("pdf:")]
    lines.append(totals(pasted).row("ALL pasted text"))
    lines.append(totals(results).row("ALL"))
    return "\n".join(lines)


def problems(result: CaseResult) -> list[str]:
    """What the import got wrong in one case, one line each."""
    out: list[str] = []
    for check in result.experiences:
        s, p = check.source, check.parsed
        want = f"{s.title!r} @ {s.company!r} {s.start}→{'present' if s.current else s.end}"
        if p is None:
            out.append(f"missed {want}")
        elif not check.all4:
            got = f"{p.title!r} @ {p.company!r} {p.start}→{'present' if p.current else p.end}"
            out.append(f"wrong  {want}  got {got}")
    for check in result.experiences:
        job = check.parsed
        if job is not None and check.all4 and not (check.company_exact and check.location):
            out.append(
                f"place  {check.source.location!r}: company {job.company!r}, "
                f"location {job.location!r}, description starts {job.description[:20]!r}"
            )
    for check in result.experiences:
        if check.parsed is not None and not check.bullets:
            lost = [
                b
                for b in check.source.bullets
                if not _bullets_right(
                    check.source.model_copy(update={"bullets": [b]}), check.parsed
                )
            ]
            out.append(f"bullets of {check.source.title!r} not under it: {lost}")
    for extra in result.extras:
        out.append(f"extra  {extra.title!r} @ {extra.company!r} {extra.start}→{extra.end}")
    header = result.parsed.header
    if not result.name_ok:
        out.append(f"name {header.name!r}")
    if not result.email_ok:
        out.append(f"email {header.contact.email!r}")
    if not result.phone_ok:
        out.append(f"phone {header.contact.phone!r}")
    if not result.education_ok:
        out.append(f"education {len(result.parsed.education)} ≠ {len(result.person.cv.education)}")
    if missing := result.skills_missing():
        out.append(f"skills missing {missing}")
    if missing := result.languages_missing():
        out.append(f"languages missing {missing}")
    if missing := result.sections_missing():
        out.append(f"sections missing {missing}")
    return out
