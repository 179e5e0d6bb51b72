"""Skills a job offer asks for, as the offer writes them."""

from __future__ import annotations

from app.lib.parsing.offer_sections import OfferSections
from app.lib.parsing.skills_vocab import find_skills
from app.lib.parsing.text import split_items

# Sections that describe the job; the company, benefits and process sections name what the
# employer does or gives, not what the job needs.
OTHER_SECTIONS = ("company", "benefits", "process")


def offer_skills(sections: OfferSections, labelled: str, text: str) -> list[str]:
    job_lines = sections.lines_outside(OTHER_SECTIONS)
    scope = "\n".join(job_lines) if any(line.strip() for line in job_lines) else text
    skills = split_items(labelled) if labelled else []
    seen = {s.casefold() for s in skills}
    for skill in find_skills(scope):
        if skill.casefold() not in seen:
            skills.append(skill)
            seen.add(skill.casefold())
    return skills
