"""The whole CV as a recruiter reads it, on the development corpus: name, headline, e-mail, every
job right, education entries paired, skills with no junk, a profile with no contact or personal
data, and the CVs right in all of these at once (the figures the blind validation prints for its
sealed CVs, computed here from the corpus's own truth so the two are read side by side).

    python -m bench.whole_cv [--texts FOLDER]   # FOLDER: cached PDF texts, <cv>.txt each
    python -m bench.whole_cv --two-readings     # as the import reads a PDF: both readings

With ``--two-readings`` each CV is read as the import reads a PDF: the geometric reading and the
plain one (the corpus's pasted variant is the plain reading) through
app/domain/cvs/rules_reading.py.

The scorer's lenient matching (``score_parser.py`` in the corpus) is reused for words and dates.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from app.domain.cvs.rules_reading import parse_two_readings
from app.lib.cv_content import CvContent, Education
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.value_kinds import CONTACT_KINDS, is_licence, value_kind
from app.lib.parsing.misreads.repair import repair_misreads
from app.lib.parsing.sections.section_skills import skill_shaped

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
PDF_MAX_PAGES = 10  # litestar.toml [limits] pdf_max_pages, as the scorer reads them


def load_scorer(corpus: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_parser", corpus / "score_parser.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"No corpus scorer in {corpus}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def junk_skills(content: CvContent) -> list[str]:
    """Skills no recruiter reads as one: a contact detail, a personal fact, a sentence."""
    return [s.name for s in content.skills if not skill_shaped(s.name)]


SHORT_LINE = 12  # words: past it a line is a sentence, where "born on" or "16 years old" tell


def profile_personal(content: CvContent) -> list[str]:
    """Profile lines holding a contact detail anywhere, or a short line stating a personal fact
    or a licence."""
    out = []
    for line in content.summary.splitlines():
        kind = value_kind(line)
        short = len(line.split()) <= SHORT_LINE
        if kind in CONTACT_KINDS or (short and (kind or is_licence(line))):
            out.append(line)
    return out


def _words_match(sc: ModuleType, truth: str, read: str, other: str) -> bool:
    """The truth's words read leniently: similar, all in the entry, or the read value a piece
    of the truth's ("Bachelor of Arts" for "Bachelor of Arts, major: History")."""
    read_words = set(sc.tokens(read))
    fragment = bool(read_words) and read_words <= set(sc.tokens(truth))
    return sc.similar(truth, read) or sc.contains(truth, f"{read} {other}") or fragment


def _entry_words_pair(sc: ModuleType, entry: dict, read: Education) -> bool:
    """The truth's degree and school words anywhere in the read entry, its description too:
    what a recruiter finds in the entry whatever field holds it (the validation's pairing
    reads so: moving a school from the field to the school moves none of its figures)."""
    blob = " ".join([read.degree, read.field, read.institution, read.location, read.description])
    return all(
        not value.strip() or sc.contains(value, blob) or sc.similar(value, blob)
        for value in (entry.get("degree") or "", entry.get("school") or "")
    )


def _roles_pair(sc: ModuleType, entry: dict, read: Education) -> bool:
    """The truth's degree words in the read degree (or the entry) and its school's words in
    the read school (or the entry)."""
    degree = entry.get("degree") or ""
    # An entry whose CV names no degree (a school and its years) is read right with none: an
    # empty value is no word of the truth's, and matches nothing else.
    degree_ok = (
        not read.degree.strip()
        if not degree.strip()
        else _words_match(sc, degree, read.degree, read.institution)
    )
    school = entry.get("school") or ""
    return degree_ok and (not school or _words_match(sc, school, read.institution, read.degree))


def _education_pairs(
    sc: ModuleType, truth: list[dict], content: CvContent, *, by_roles: bool = True
) -> int:
    """Truth entries paired one to one with a read entry and its end year: ``by_roles``, the
    names in their own fields (``_roles_pair``); else the words anywhere in the entry
    (``_entry_words_pair``)."""
    names_pair = _roles_pair if by_roles else _entry_words_pair
    used: set[int] = set()
    for entry in truth:
        end = sc.year_of(sc.norm_date(entry.get("end") or entry.get("start")))
        for index, read in enumerate(content.education):
            read_end = sc.year_of(sc.norm_date(read.end or read.start or ""))
            if index in used or (end and read_end != end):
                continue
            if names_pair(sc, entry, read):
                used.add(index)
                break
    return len(used)


def _headline_right(sc: ModuleType, truth: str, read: str) -> bool:
    if not truth.strip():
        return not read.strip()
    return bool(read.strip()) and sc.similar(truth, read, drop=sc.TITLE_DROP, ratio=0.75)


def _job_right(pair: dict[str, Any]) -> bool:
    """Title, employer, start and end right; a field the CV leaves blank (a job listed by
    its employer alone) is right read blank, as the validation counts an ad naming no
    employer (the corpus scorer never pairs an empty value)."""

    def blank_alike(key: str) -> bool:
        return not (pair["truth"].get(key) or "").strip() and not (pair["pred"].get(key) or "")

    return (
        (pair["title"] or blank_alike("title"))
        and (pair["company"] or blank_alike("company"))
        and pair["start"] is not False
        and pair["end"] is not False
    )


def score(sc: ModuleType, truth: dict[str, Any], content: CvContent) -> dict[str, Any]:
    jobs = sc.score_cv(truth, content.model_dump(mode="json"))
    header = content.header
    education = truth.get("education") or []
    paired = _education_pairs(sc, education, content)
    paired_words = _education_pairs(sc, education, content, by_roles=False)
    extra_jobs = [p for p in jobs["unmatched_pred"]]
    row = {
        "name": sc.name_match(truth.get("name", ""), header.name),
        "headline": _headline_right(sc, truth.get("current_title") or "", header.current_title),
        "email": sc.fold(truth.get("email") or "") == sc.fold(header.contact.email),
        "jobs": jobs["exp_matched"] == jobs["exp_truth"]
        and all(_job_right(pair) for pair in jobs["pairs"])
        and not extra_jobs,
        "edu_truth": len(education),
        "edu_read": len(content.education),
        "edu_paired": paired,
        "edu_paired_words": paired_words,
        "junk_skills": junk_skills(content),
        "profile_personal": profile_personal(content),
    }
    row["whole"] = (
        row["name"]
        and row["headline"]
        and row["email"]
        and row["jobs"]
        and paired == len(education) == len(content.education)
        and not row["junk_skills"]
        and not row["profile_personal"]
    )
    return row


def aggregate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    count = len(rows)

    def share(key: str) -> float:
        return round(sum(bool(r[key]) for r in rows) / count, 3) if count else 0.0

    paired = sum(r["edu_paired"] for r in rows)
    paired_words = sum(r["edu_paired_words"] for r in rows)
    return {
        "cvs": count,
        "name": share("name"),
        "headline": share("headline"),
        "email": share("email"),
        "jobs_all_right": share("jobs"),
        "edu_recall": round(paired / max(sum(r["edu_truth"] for r in rows), 1), 3),
        "edu_precision": round(paired / max(sum(r["edu_read"] for r in rows), 1), 3),
        "edu_words_recall": round(paired_words / max(sum(r["edu_truth"] for r in rows), 1), 3),
        "edu_words_precision": round(paired_words / max(sum(r["edu_read"] for r in rows), 1), 3),
        "junk_skills": share("junk_skills"),
        "profile_personal": share("profile_personal"),
        "whole": sum(bool(r["whole"]) for r in rows),
    }


def read_content(pdf: Path, texts: Path | None, *, two_readings: bool = False) -> CvContent:
    """The CV as the app stores it without a model: the rules' reading, then the certain
    repairs (app/domain/cvs/extraction.py)."""
    cached = texts / f"{pdf.stem}.txt" if texts else None
    names: tuple[str, ...] = ()  # the PDF's Author and Title; a cached text has none
    if cached is not None and cached.is_file():
        text = cached.read_text(encoding="utf-8")
    else:
        from app.lib.pdf_text import read_pdf_text_sync

        read = read_pdf_text_sync(pdf.read_bytes(), max_pages=PDF_MAX_PAGES)
        text, names = read.text, read.names
    pasted = pdf.parent.parent / "pasted" / f"{pdf.stem}.txt"
    if two_readings and pasted.is_file():
        parsed = parse_two_readings(text, pasted.read_text(encoding="utf-8"), names)
    else:
        parsed = parse_cv_text(text, names)
    return repair_misreads(parsed.content, text).content


def corpus_figures(
    corpus: Path, texts: Path | None = None, *, two_readings: bool = False
) -> dict[str, Any]:
    sc = load_scorer(corpus)
    rows = []
    for pdf in sorted((corpus / "cvs").glob("*.pdf")):
        truth_file = corpus / "truth" / f"{pdf.stem}.json"
        if not truth_file.is_file():
            continue
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        rows.append(score(sc, truth, read_content(pdf, texts, two_readings=two_readings)))
    return aggregate(rows)


def figures_line(figures: dict[str, Any]) -> str:
    """One line, in the validation's order."""
    f = figures
    return (
        f"name {f['name']:.2f} headline {f['headline']:.2f} e-mail {f['email']:.2f}; jobs all "
        f"right {f['jobs_all_right']:.2f}; education recall {f['edu_recall']:.2f} precision "
        f"{f['edu_precision']:.2f} (by the entry's words {f['edu_words_recall']:.2f} / "
        f"{f['edu_words_precision']:.2f}); CVs with junk skills {f['junk_skills']:.2f}; profiles holding "
        f"contact or personal data {f['profile_personal']:.2f}; CVs right as a whole "
        f"{f['whole']}/{f['cvs']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--texts", type=Path, default=None)
    parser.add_argument("--two-readings", action="store_true")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    print(figures_line(corpus_figures(corpus, args.texts, two_readings=args.two_readings)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
