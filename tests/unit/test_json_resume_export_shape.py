"""The JSON Resume export is shaped for themes: every skill group has keywords, an interest
"Name: a, b" has a short name, a certificate's issuer is not in its name; the round trip back
to a CV stays exact (or, for a split certificate, prints the same CV)."""

from __future__ import annotations

import re

from app.lib.cv_content import CvContent, ExtraItem, Extras, Skill
from app.lib.parsing.formats.json_resume import validate_json_resume
from app.lib.parsing.formats.json_resume_export import resume_from_content
from app.lib.parsing.formats.json_resume_map import content_from_resume
from app.lib.pdf_render import render_cv_html


def _again(content: CvContent) -> CvContent:
    return content_from_resume(validate_json_resume(resume_from_content(content)))


def _printed(content: CvContent) -> str:
    html = render_cv_html(content, design="classic", locale="en")
    body = html[html.index("<body") :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()


def test_uncategorised_skills_share_one_group_with_keywords() -> None:
    content = CvContent(
        skills=[
            Skill(name="Python", category="Languages"),
            Skill(name="Go", category="Languages"),
            Skill(name="Docker"),
            Skill(name="Terraform"),
            Skill(name="Kubernetes", level="Expert"),
        ]
    )
    groups = resume_from_content(content)["skills"]
    assert groups == [
        {"name": "Languages", "keywords": ["Python", "Go"]},
        {"keywords": ["Docker", "Terraform"]},
        {"level": "Expert", "keywords": ["Kubernetes"]},
    ]
    assert all(group["keywords"] for group in groups)
    assert _again(content).skills == content.skills


def test_interests_get_short_names_and_round_trip() -> None:
    interests = [
        "Photography: film, street",
        "Climbing",
        "Volunteering at the food bank every Saturday, since 2019",
        "Odd:  spacing",
    ]
    content = CvContent(extras=Extras(interests=interests))
    exported = resume_from_content(content)["interests"]
    assert exported[0] == {"name": "Photography", "keywords": ["film", "street"]}
    assert exported[1:] == [{"name": text} for text in interests[1:]]
    assert _again(content).extras.interests == interests


def test_a_certificate_issuer_read_into_its_name_is_split() -> None:
    content = CvContent(
        extras=Extras(
            certifications=[
                ExtraItem(id="c1", name="AWS Certified Developer — Amazon, Paris", date="2022-05"),
                ExtraItem(id="c2", name="CKA", issuer="CNCF", date="2021"),
            ]
        )
    )
    certificates = resume_from_content(content)["certificates"]
    assert certificates[0] == {
        "name": "AWS Certified Developer",
        "issuer": "Amazon, Paris",
        "date": "2022-05",
    }
    assert certificates[1] == {"name": "CKA", "issuer": "CNCF", "date": "2021"}
    again = _again(content)
    assert [(c.name, c.issuer) for c in again.extras.certifications] == [
        ("AWS Certified Developer", "Amazon, Paris"),
        ("CKA", "CNCF"),
    ]
    assert _printed(again) == _printed(content)
