"""Two simulated CV-reading models for the import bench (bench/llm_import_sim.py), answering the
app's import prompt (prompts/extract-cv.md) over the fake OpenAI-compatible server.

* *perfect*: the corpus truth, every value quoted as the CV's own text writes it (a truth that
  normalises, "Montreal" for "Montréal", is looked up in the text and the text's wording used;
  a value the text does not write is left empty, as the prompt asks);
* *silent*: the perfect reading with one job in three left out, as a weak model leaves jobs
  out (``silent``, applied to the reading after verify.py: no answer of its own);
* *noisy*: the perfect answer with the errors small models make, seeded by file name: one entry's
  title and company swapped, one invented job (a title the CV writes elsewhere, no employer,
  years the CV writes elsewhere), one start shifted by a month, one entry's line copied into
  another entry as a bullet. What was changed is recorded, for the bench to check what survives.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.parsing.model_import.verify_source import SourceText
from app.lib.text_forms import fold_same_length, squash

WORD_RE = re.compile(r"\w+")
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
FUZZY = 0.85  # spelling distance at which a truth value is the text's word for word
MIN_BULLET_WORDS = 5


@dataclass
class Quoter:
    """Finds a truth value as the source text writes it."""

    text: str
    source: SourceText = field(init=False)
    spans: list[tuple[int, int]] = field(init=False)
    folded: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.source = SourceText(self.text)
        same = fold_same_length(self.text)
        self.spans = [m.span() for m in WORD_RE.finditer(same)]
        self.folded = [same[a:b] for a, b in self.spans]

    def _window(self, start: int, count: int) -> str:
        return self.text[self.spans[start][0] : self.spans[start + count - 1][1]]

    def locate(self, value: str) -> tuple[str, int]:
        """The text's own wording of ``value`` and its offset, or ("", -1)."""
        wanted = WORD_RE.findall(fold_same_length(value))
        if not wanted:
            return "", -1
        count = len(wanted)
        for i in range(len(self.folded) - count + 1):
            if self.folded[i : i + count] == wanted:
                return self._quoted(i, count)
        joined = " ".join(wanted)
        best, where = FUZZY, None
        for size in {max(1, count - 1), count, count + 1}:
            for i in range(len(self.folded) - size + 1):
                ratio = SequenceMatcher(None, joined, " ".join(self.folded[i : i + size])).ratio()
                if ratio > best:
                    best, where = ratio, (i, size)
        return self._quoted(*where) if where else ("", -1)

    def _quoted(self, start: int, count: int) -> tuple[str, int]:
        quoted = self._window(start, count)
        if not self.source.has(quoted):
            return "", -1
        return quoted, self.spans[start][0]

    def quote(self, value: str) -> str:
        if not value.strip():
            return ""
        if self.source.has(value):
            return value
        return self.locate(value)[0]


def _dates(entry: dict[str, Any]) -> dict[str, Any]:
    end = entry.get("end")
    return {
        "start": entry.get("start") or None,
        "end": None if end in (None, "", "present") else end,
        "current": end == "present",
    }


def _experience(quoter: Quoter, entry: dict[str, Any], index: int) -> tuple[int, dict[str, Any]]:
    company = quoter.quote(entry.get("company", ""))
    if not company:
        company = next(filter(None, map(quoter.quote, entry.get("company_alt") or [])), "")
    title = quoter.quote(entry.get("title", ""))
    where = min(
        (at for at in (quoter.locate(v)[1] for v in (company, title) if v) if at >= 0),
        default=len(quoter.text) + index,
    )
    job = {"id": f"exp_{index}", "title": title, "company": company,
           "location": quoter.quote(entry.get("location", "")), **_dates(entry)}  # fmt: skip
    return where, job


def perfect_answer(truth: dict[str, Any], text: str) -> dict[str, Any]:
    """What a model that reads this CV perfectly returns, as the CV writes each value, in the
    CV's order."""
    quoter = Quoter(text)
    entries = [*truth.get("experiences", []), *truth.get("optional_experiences", [])]
    placed = sorted(
        (_experience(quoter, entry, i) for i, entry in enumerate(entries)), key=lambda p: p[0]
    )
    education = [
        {"id": f"edu_{i}", "degree": quoter.quote(e.get("degree", "")),
         "institution": quoter.quote(e.get("school", "")), **_dates(e)}
        for i, e in enumerate(truth.get("education", []))
    ]  # fmt: skip
    answer = {
        "header": {
            "name": quoter.quote(truth.get("name", "")),
            "current_title": quoter.quote(truth.get("current_title", "")),
            "contact": {"email": quoter.quote(truth.get("email", "")),
                        "phone": truth.get("phone", "")},
        },
        "experience": [job for _, job in placed],
        "education": education,
        "skills": [{"name": q} for q in map(quoter.quote, truth.get("skills", [])) if q],
        "languages": [
            {"name": q, "level": ""}
            for q in (quoter.quote(lang.get("name", "")) for lang in truth.get("languages", []))
            if q
        ],
    }  # fmt: skip
    return CvContent.from_json(answer).to_json()


@dataclass
class Noise:
    """What the noisy model changed in one CV's answer (empty where it could not)."""

    swapped: dict[str, str] = field(default_factory=dict)  # title, company as swapped
    invented: dict[str, str] = field(default_factory=dict)  # title, start, end
    shifted: dict[str, str] = field(default_factory=dict)  # title, company, start (wrong), truth
    copied: dict[str, str] = field(default_factory=dict)  # bullet, into_title, into_company


def _shift(month: str, step: int) -> str:
    year, number = int(month[:4]), int(month[5:7]) + step
    year, number = year + (number - 1) // 12, (number - 1) % 12 + 1
    return f"{year:04d}-{number:02d}"


def _invented_title(truth: dict[str, Any], answer: dict[str, Any], text: str) -> str:
    """A title the CV writes but no job of the answer has: a real-looking title."""
    taken = {squash(job["title"]) for job in answer["experience"]}
    quoter = Quoter(text)
    candidates = [truth.get("current_title", "")] + [
        e.get("degree", "") for e in truth.get("education", [])
    ]
    for candidate in candidates:
        quoted = quoter.quote(candidate)
        if quoted and squash(quoted) not in taken:
            return quoted
    return ""


def _line_of_entry(text: str, job: dict[str, Any]) -> str:
    """A long, undated line after ``job``'s heading: what that entry's bullets look like."""
    name = job["company"] or job["title"]
    lines = text.splitlines()
    folded = [squash(line) for line in lines]
    key = squash(name)
    for i, line in enumerate(folded):
        if key and key in line:
            for after in lines[i + 1 : i + 6]:
                if len(after.split()) >= MIN_BULLET_WORDS and not YEAR_RE.search(after):
                    return after.strip(" •-–*\t")
            return ""
    return ""


def noisy_answer(truth: dict[str, Any], text: str, seed: int = 0) -> tuple[dict[str, Any], Noise]:
    answer = perfect_answer(truth, text)
    rng = random.Random(zlib.crc32(truth["file"].encode()) ^ seed)
    jobs = answer["experience"]
    noise = Noise()
    both = [job for job in jobs if job["title"] and job["company"]]
    if both:
        job = rng.choice(both)
        job["title"], job["company"] = job["company"], job["title"]
        noise.swapped = {"title": job["title"], "company": job["company"]}
    monthly = [job for job in jobs if job["start"] and len(job["start"]) == len("2020-01")]
    if monthly:
        job = rng.choice(monthly)
        wrong = _shift(job["start"], rng.choice((-1, 1)))
        noise.shifted = {"title": job["title"], "company": job["company"],
                         "start": wrong, "truth": job["start"]}  # fmt: skip
        job["start"] = wrong
    if len(jobs) >= 2:
        source, target = rng.sample(jobs, 2)
        line = _line_of_entry(text, source)
        if line:
            target["bullets"] = [*target.get("bullets", []), line]
            noise.copied = {"bullet": line, "into_title": target["title"],
                            "into_company": target["company"]}  # fmt: skip
    title = _invented_title(truth, answer, text)
    own = {(job["start"] or "")[:4] for job in jobs}
    years = sorted({y for y in YEAR_RE.findall(text) if y not in own})
    if title and years:
        start = rng.choice(years)
        later = [y for y in years if y > start]
        end = rng.choice(later) if later else None
        invented = {"id": "exp_x", "title": title, "company": "", "location": "",
                    "start": start, "end": end, "current": False}  # fmt: skip
        jobs.insert(rng.randrange(len(jobs) + 1), invented)
        noise.invented = {"title": title, "start": start, "end": end or ""}
    return CvContent.from_json(answer).to_json(), noise


SILENT_EVERY = 3  # the simulated weak model leaves one job in three out


def silent(content: CvContent, seed: str) -> CvContent:
    """A weak model's reading: ``content`` (the perfect one) with every third job left out,
    from an offset given by ``seed`` (the file's name)."""
    offset = zlib.crc32(seed.encode()) % SILENT_EVERY
    jobs = [j for i, j in enumerate(content.experience) if (i + offset) % SILENT_EVERY]
    return content.model_copy(update={"experience": jobs})
