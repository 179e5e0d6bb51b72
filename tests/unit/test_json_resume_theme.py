"""A JSON Resume export rendered by a real theme (``jsonresume-theme-even`` through the
``resumed`` builder, both from tests/tools) prints no empty heading: no section title over
nothing, no entry or skill group whose heading has no text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest

from app.lib.cv_content import CvContent
from app.lib.parsing.formats.json_resume_export import resume_from_content
from app.lib.pdf_render.samples import sample_cv
from tests.fixtures.page_tour import EVERY_SECTION_CV
from tests.unit.test_json_resume_schema import LOOSE_CV

TOOLS = Path(__file__).resolve().parents[1] / "tools"
RESUMED = TOOLS / "node_modules/resumed/bin/resumed.js"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _render(resume: dict[str, object], tmp_path: Path) -> str:
    node = shutil.which("node")
    if not node or not RESUMED.exists():
        if os.environ.get("CI") == "1":
            pytest.fail(f"CI=1 but no node or no {RESUMED} (make test-tools)")
        pytest.skip("the JSON Resume theme is installed by `make test-tools`")
    source, out = tmp_path / "resume.json", tmp_path / "resume.html"
    source.write_text(json.dumps(resume, ensure_ascii=False), encoding="utf-8")
    theme = ["--theme", "jsonresume-theme-even", "--output", str(out)]
    subprocess.run(
        [node, str(RESUMED), "render", str(source), *theme],
        cwd=TOOLS,  # the theme is found from here
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out.read_text(encoding="utf-8")


def empty_headings(html: str) -> list[str]:
    """Headings with no text, and section titles followed by nothing."""
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    found = []
    for element in tree.iter():
        if element.tag in HEADINGS and not "".join(element.itertext()).strip():
            found.append(f"empty <{element.tag}>")
    for section in tree.iter("section"):
        text = "".join(section.itertext()).split()
        title = [h for h in section if h.tag in HEADINGS]
        if title and len(text) <= len("".join(title[0].itertext()).split()):
            found.append(f"section {section.get('id')!r} has only its title")
    return found


@pytest.mark.parametrize(
    "name", ["sample-en", "sample-fr", "every-section", "loose"], ids=lambda name: name
)
def test_a_theme_prints_the_export_without_empty_headings(name: str, tmp_path: Path) -> None:
    content = {
        "sample-en": lambda: sample_cv("en"),
        "sample-fr": lambda: sample_cv("fr"),
        "every-section": lambda: CvContent.from_json(EVERY_SECTION_CV),
        "loose": lambda: CvContent.from_json(LOOSE_CV),
    }[name]()
    html = _render(resume_from_content(content), tmp_path)
    assert content.header.name in html
    assert empty_headings(html) == []


def test_the_check_sees_an_empty_heading(tmp_path: Path) -> None:
    """A job with no position: the theme prints an empty heading for it."""
    html = _render({"basics": {"name": "A"}, "work": [{"name": "Acme"}]}, tmp_path)
    assert "empty <h4>" in empty_headings(html)
