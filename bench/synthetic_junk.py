"""Junk in the imported CV's skills, profile and education, on synthetic CVs: an independent
judge (it knows what was put in; it never asks the app's own shape checks what junk is).

Each CV (bench/synthetic_cv_content.py's invented people, French and English, many trades) gets
junk of the kinds real CVs carry, drawn beside the look-alikes that must stay:
- in the skills block: a town alone or "Town, Region", a contact detail, a personal fact, a
  header word ("Curriculum Vitae", "Mobile"), an interests line, a sentence or a cut piece of
  one; beside skills named like places or words ("Java", "Phoenix", "Go", "Permis B", "Mobile
  development");
- in the profile: personal facts on their own lines ("Taille : 1m80", "Non-smoker", "Permis
  B", "Toronto, ON") under the candidate's sentences, which must stay;
- in the education section: a page's footer, a soft-skills line or a document's title read
  between the degrees, which must stay.
Each CV is drawn in one column or with a sidebar, rendered to PDF and read as the import reads
it (the rules' reading, then the certain repairs).

    python -m bench.synthetic_junk [--count 40] [--show]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from dataclasses import dataclass, field

from app.lib.cv_content import CvContent
from app.lib.text_forms import fold
from bench.synthetic_cv_content import Content, School, content
from bench.synthetic_cv_layouts import COLOURS, e, header, heading, jobs_with, page, plain

# Junk a skills block carries, by kind: (English, French) pools.
SKILL_JUNK: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "place": (
        (
            "Toronto, ON",
            "Manchester",
            "Leeds, United Kingdom",
            "Seattle, WA",
            "Cork, Ireland",
            "Vancouver, BC",
            "Brooklyn, NY",
            "Greater London",
            "Bristol",
        ),
        (
            "Lyon",
            "Bordeaux, France",
            "Rennes, Bretagne",
            "Montréal (Québec)",
            "Grenoble, Isère",
            "Lille (59)",
            "Marseille",
            "Île-de-France",
            "Angers, Maine-et-Loire",
        ),
    ),
    "contact": (
        ("www.janedoe-portfolio.example", "+44 7700 900123", "42 Maple Street"),
        ("www.mon-portfolio.example", "06 12 34 56 78", "12 rue des Lilas"),
    ),
    "personal": (
        (
            "Born 1990",
            "Single",
            "UK citizen",
            "Non-smoker",
            "Date of birth: 04/05/1990",
            "Male",
            "Height: 6ft",
            "Nationality: British",
            "Marital status: married",
            "Age 29",
            "British",
        ),
        (
            "Taille : 1m80",
            "Sexe : F",
            "Célibataire",
            "Nationalité française",
            "Non-fumeur",
            "Né le 3 mai 1990",
            "34 ans",
            "Date de naissance : 12/03/1988",
            "Marié, 2 enfants",
            "Française",
        ),
    ),
    "header_word": (
        ("Curriculum Vitae", "Mobile", "Phone", "Address", "Email", "E-mail:", "Phone:"),
        ("Curriculum Vitae", "Tél.", "Adresse", "Portable", "Téléphone", "E-mail :"),
    ),
    "sentence": (
        (
            "I am a hard-working person who loves learning new things.",
            "Able to work under pressure and to meet tight deadlines in a busy team.",
            "References available on request",
            "Passionate about helping customers find the right products.",
        ),
        (
            "Je suis une personne dynamique et motivée.",
            "Capable de travailler en équipe et de gérer les priorités au quotidien.",
            "Références disponibles sur demande",
            "Dynamique, rigoureuse et organisée, je cherche un poste en CDI.",
        ),
    ),
}
# An interests line written inside the skills block: its items are no skills.
INTERESTS = (("Hobbies: football, cooking, hiking", "Interests: chess, running"),
             ("Loisirs : football, cuisine, randonnée", "Centres d'intérêt : échecs, course"))  # fmt: skip
# Skills that look like a place, a personal fact or a header word: they stay.
LOOK_ALIKES = ("Java", "Phoenix", "Jersey", "Julia", "Ruby", "Go", "Spring", "Rails", "Permis B",
               "Mobile development", "Driving licence", "Ruby on Rails", "Flask", "Django",
               "Salesforce", "Lean")  # fmt: skip

# Lines a profile carries under its sentences, by kind.
PROFILE_JUNK: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "personal": (
        (
            "Born 1990",
            "Single",
            "UK citizen",
            "Non-smoker",
            "Date of birth: 04/05/1990",
            "Married, two children",
            "Height: 6ft",
            "Gender: Female",
            "Age: 34",
            "Nationality: British",
            "29 years old",
            "Canadian",
        ),
        (
            "Taille : 1m80",
            "Sexe : F",
            "Célibataire",
            "Nationalité : française",
            "Non-fumeur",
            "Née le 3 mai 1990",
            "34 ans",
            "Mariée, 2 enfants",
            "Date de naissance : 12/03/1988",
            "Marocaine",
        ),
    ),
    "licence": (
        ("Full UK driving licence", "Own car"),
        ("Permis B", "Permis B – véhiculé", "Permis B, véhiculée"),
    ),
    "place": (
        ("Toronto, ON", "Leeds, United Kingdom", "Vancouver, BC"),
        ("Lyon, France", "Rennes (35)", "Adresse : 5 allée des Pins, 31000 Toulouse"),
    ),
    "contact": (
        (
            "Mobile: 07700 900123",
            "linkedin.com/in/jane-doe",
            "42 Maple Street, Leeds LS1 4AP · 07700 900123 · jane.doe@mail.example · linkedin.com/in/jane-doe",
        ),
        (
            "Tél. : 06 12 34 56 78",
            "linkedin.com/in/jeanne-doe",
            "12 rue des Lilas, 69003 Lyon · 06 12 34 56 78 · jeanne.doe@mail.example · linkedin.com/in/jeanne-doe",
        ),
    ),
}
# Entries read between the degrees that are none, by kind.
EDUCATION_JUNK: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "footer": (("Page 2 of 3", "Curriculum Vitae"), ("Page 2/3", "Curriculum Vitae")),
    "soft_skill": (
        ("Teamwork", "Communication skills", "Leadership and autonomy"),
        ("Esprit d'équipe", "Rigueur et autonomie", "Sens de l'organisation"),
    ),
}


@dataclass
class Drawn:
    cv: Content
    sidebar: bool
    skills: list[str]  # the truth: every skill drawn, look-alikes included
    skill_junk: list[tuple[str, str]]  # (kind, item)
    interests: str
    profile_junk: list[tuple[str, str]]
    education_junk: list[tuple[str, str]]


Pools = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # kind → (English, French)


def _pick(rng: random.Random, pools: Pools, lang: str, count: int) -> list[tuple[str, str]]:
    side = 0 if lang == "en" else 1
    kinds = rng.sample(sorted(pools), min(count, len(pools)))
    return [(kind, rng.choice(pools[kind][side])) for kind in kinds]


def draw(seed: int) -> Drawn:
    cv = content(seed, jobs=(2, 3))
    rng = random.Random(f"junk/{seed}")
    side = 0 if cv.language == "en" else 1
    skills = [*cv.skills[:5], *rng.sample(LOOK_ALIKES, 3)]
    return Drawn(
        cv=cv,
        sidebar=rng.random() < 0.5,
        skills=list(dict.fromkeys(skills)),
        skill_junk=_pick(rng, SKILL_JUNK, cv.language, rng.randint(1, 3)),
        interests=rng.choice(INTERESTS[side]) if rng.random() < 0.4 else "",
        profile_junk=_pick(rng, PROFILE_JUNK, cv.language, rng.randint(1, 2)),
        education_junk=_pick(rng, EDUCATION_JUNK, cv.language, 1) if rng.random() < 0.6 else [],
    )


def _skills_html(d: Drawn, rng: random.Random) -> str:
    items = [*d.skills, *(item for _, item in d.skill_junk)]
    rng.shuffle(items)
    if rng.random() < 0.5:  # one item a line, as sidebars write them
        body = "".join(f"<p>{e(item)}</p>" for item in items)
    else:
        body = "<ul>" + "".join(f"<li>{e(item)}</li>" for item in items) + "</ul>"
    interests = f"<p>{e(d.interests)}</p>" if d.interests else ""
    return heading(d.cv, "skills") + body + interests


def _profile_html(d: Drawn) -> str:
    lines = [d.cv.summary, *(item for _, item in d.profile_junk)]
    return heading(d.cv, "summary") + "".join(f"<p>{e(line)}</p>" for line in lines)


def _school_html(s: School) -> str:
    return f"<div class='job'><p><b>{e(s.degree)}</b></p><p>{e(s.school)}, {s.start} – {s.end}</p></div>"


def _education_html(d: Drawn, rng: random.Random) -> str:
    rows = [_school_html(s) for s in d.cv.schools]
    for _, item in d.education_junk:
        rows.insert(rng.randint(1, len(rows)), f"<p>{e(item)}</p>")
    return heading(d.cv, "education") + "".join(rows)


def _languages_html(d: Drawn) -> str:
    cv = d.cv
    return heading(cv, "languages") + "".join(f"<p>{e(n)} : {e(lv)}</p>" for n, lv in cv.languages)


def document(d: Drawn, seed: int) -> str:
    from bench.synthetic_cvs import FAMILIES
    from bench.synthetic_cvs import _dates as dates_of

    rng = random.Random(f"junk-layout/{seed}")
    dates = list(dates_of(d.cv, "one_column", 0, FAMILIES["one_column"]))
    jobs = jobs_with(d.cv, dates, plain(rng))
    if not d.sidebar:
        body = (header(d.cv) + _profile_html(d) + jobs + _education_html(d, rng)
                + _skills_html(d, rng) + _languages_html(d))  # fmt: skip
        return page(rng, "", body, rng.choice(COLOURS))
    css = (".side { float: left; width: 31%; background: #eef1f4; padding: 6pt; } "
           ".main { margin-left: 35%; } .side h2 { font-size: 10.5pt; }")  # fmt: skip
    contact = heading(d.cv, "contact") + "".join(
        f"<p>{e(v)}</p>" for v in (d.cv.email, d.cv.phone, d.cv.town)
    )
    side = contact + _skills_html(d, rng) + _languages_html(d)
    main = header(d.cv, contact=False) + _profile_html(d) + jobs + _education_html(d, rng)
    return page(rng, css, f"<div class='side'>{side}</div><div class='main'>{main}</div>")


def read(html: str) -> CvContent:
    import weasyprint

    from app.lib.parsing.cv_parser import parse_cv_text
    from app.lib.parsing.misreads.repair import repair_misreads
    from app.lib.pdf_text import read_pdf_text_sync

    pdf = bytes(weasyprint.HTML(string=html).write_pdf())
    text = read_pdf_text_sync(pdf, max_pages=10).text
    return repair_misreads(parse_cv_text(text).content, text).content


# ------------------------------------------------------------------ the judge
def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text)))


def _is_truth_skill(name: str, truth: list[str]) -> bool:
    """A read skill is one drawn when its words are one drawn skill's (a piece of it too:
    "Ruby on Rails" may be cut on "on")."""
    got = words(name)
    return bool(got) and any(got <= words(t) for t in truth)


@dataclass
class Score:
    docs: int = 0
    junk_cvs: int = 0  # CVs whose skills hold one item no drawn skill is
    skills_truth: int = 0
    skills_found: int = 0
    profile_cvs: int = 0  # CVs whose profile holds a junk line
    profile_lost: int = 0  # CVs whose profile lost the candidate's sentence
    edu_truth: int = 0
    edu_read: int = 0
    edu_paired: int = 0
    kept: Counter[str] = field(default_factory=Counter)  # junk kind → times kept
    drawn: Counter[str] = field(default_factory=Counter)  # junk kind → times drawn
    missed: Counter[str] = field(default_factory=Counter)  # look-alike → times lost
    examples: list[str] = field(default_factory=list)


def judge(d: Drawn, got: CvContent, score: Score, seed: int) -> None:
    score.docs += 1
    names = [s.name for s in got.skills]
    extra = [n for n in names if not _is_truth_skill(n, d.skills)]
    score.junk_cvs += bool(extra)
    found = [t for t in d.skills if any(words(t) == words(n) for n in names)]
    score.skills_truth += len(d.skills)
    score.skills_found += len(found)
    score.missed.update(t for t in d.skills if t not in found and t in LOOK_ALIKES)
    for kind, item in d.skill_junk:
        score.drawn[f"skills/{kind}"] += 1
        score.kept[f"skills/{kind}"] += any(words(n) and words(n) <= words(item) for n in extra)
    if d.interests:
        score.drawn["skills/interests"] += 1
        score.kept["skills/interests"] += any(words(n) <= words(d.interests) for n in extra)
    summary = fold(got.summary)
    lost = not words(d.cv.summary) <= words(got.summary)
    score.profile_lost += lost

    def kept_in_profile(item: str) -> bool:  # a line of facts: any of its parts
        return any(fold(part.strip()) in summary for part in item.split(" · "))

    profile_kept = [item for _, item in d.profile_junk if kept_in_profile(item)]
    for kind, item in d.profile_junk:
        score.drawn[f"profile/{kind}"] += 1
        score.kept[f"profile/{kind}"] += kept_in_profile(item)
    score.profile_cvs += bool(profile_kept)
    score.edu_truth += len(d.cv.schools)
    score.edu_read += len(got.education)
    paired = 0
    for school in d.cv.schools:
        paired += any(
            words(school.degree) <= words(f"{r.degree} {r.institution}")
            and str(school.end) in f"{r.start} {r.end}"
            for r in got.education
        )
    score.edu_paired += paired
    edu_text = [f"{r.degree} {r.institution}" for r in got.education]
    for kind, item in d.education_junk:
        score.drawn[f"education/{kind}"] += 1
        score.kept[f"education/{kind}"] += any(words(item) <= words(t) for t in edu_text)
    if extra or profile_kept or lost or len(got.education) != paired:
        score.examples.append(
            f"{seed}: extra skills {extra}; profile junk {profile_kept}; profile lost {lost}; "
            f"education {edu_text}"
        )


def run(count: int, seed0: int = 0) -> Score:
    score = Score()
    for seed in range(seed0, seed0 + count):
        d = draw(seed)
        judge(d, read(document(d, seed)), score, seed)
    return score


def report(score: Score, show: bool) -> list[str]:
    n = score.docs or 1
    lines = [
        f"{score.docs} CVs: CVs with junk skills {score.junk_cvs / n:.2f}; skills recall "
        f"{score.skills_found / max(score.skills_truth, 1):.2f}; profiles holding junk "
        f"{score.profile_cvs / n:.2f}; profiles losing their sentence {score.profile_lost / n:.2f}; "
        f"education precision {score.edu_paired / max(score.edu_read, 1):.2f} recall "
        f"{score.edu_paired / max(score.edu_truth, 1):.2f}",
        "kept / drawn: "
        + ", ".join(f"{k} {score.kept[k]}/{score.drawn[k]}" for k in sorted(score.drawn)),
        "look-alikes lost: " + (", ".join(f"{k} {v}" for k, v in score.missed.items()) or "none"),
    ]
    return lines + (score.examples if show else [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    print("\n".join(report(run(args.count, args.seed), args.show)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
