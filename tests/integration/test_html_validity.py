"""The main pages, signed in and with data, are valid HTML with a label for every field.

Three checks on the HTML the server sends (not the DOM a browser repairs from it):
- the Nu HTML checker (the W3C validator, ``vnu.jar`` from tests/tools, run with the machine's
  Java), every error but the htmx attributes it does not know (``hx-*``, ``sse-*``);
- html5lib in strict mode: the page parses without a single parse error;
- our own rules the validator leaves out: ids unique, every input, select and textarea
  labelled (``label[for]``, a wrapping label, ``aria-label`` or ``aria-labelledby``), every
  ``datetime`` attribute a plain ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SSZ``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import html5lib
import pytest
from arq.worker import Worker
from html5lib.html5parser import ParseError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoachConversation, JobOffer
from tests.fixtures.page_tour import give_every_section, imported_pasted_cv, main_pages
from tests.integration.test_account_export_delete import fill_account

VNU_JAR = Path(__file__).resolve().parents[1] / "tools/node_modules/vnu-jar/build/dist/vnu.jar"
# A short-lived JVM: its optimising JIT and parallel collector threads spent more CPU than the
# checking (one launch per test that checks pages). The quick compiler only and the serial
# collector give the same messages for half the CPU (2.7 -> 0.7 CPU-s for one small page, 8.2 ->
# 4.2 for 40 large ones); without C2 the checker's schema recursion needs a larger thread stack.
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m")
# htmx and its SSE extension are driven by attributes the HTML standard does not define.
HTMX_ATTRIBUTE = re.compile(r"Attribute “(hx|sse)-[a-z-]+” not allowed")
# What our templates write: a date, or a UTC time to the second (the validator also takes other
# forms; one form keeps the pages consistent and rules out naive local times).
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?$")
FIELD = {"input", "select", "textarea"}
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}

NS = "{http://www.w3.org/1999/xhtml}"


def _java() -> str:
    java = shutil.which("java")
    if java and VNU_JAR.exists():
        return java
    if os.environ.get("CI") == "1":
        pytest.fail(f"CI=1 but no java or no {VNU_JAR} (make test-tools)")
    pytest.skip("the Nu HTML checker needs java and `make test-tools`")


def vnu_errors(files: list[Path]) -> dict[str, list[str]]:
    """File name → the Nu checker's errors (htmx attributes aside), one JVM for all files."""
    command = [_java(), *JVM_OPTIONS, "-jar", str(VNU_JAR), "--format", "json"]
    run = subprocess.run(
        [*command, "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    found: dict[str, list[str]] = {path.stem: [] for path in files}
    for message in json.loads(run.stderr)["messages"]:
        if message["type"] != "error" or HTMX_ATTRIBUTE.search(message["message"]):
            continue
        name = Path(message["url"].removeprefix("file:")).stem
        found[name].append(f"line {message.get('lastLine')}: {message['message']}")
    return found


def html5lib_errors(html: str) -> list[str]:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    try:
        parser.parse(html)
    except ParseError as error:
        return [f"html5lib: {error}"]
    return []


def own_rule_errors(html: str) -> list[str]:
    """Duplicate ids, unlabelled fields, datetime values outside our two forms."""
    tree = html5lib.parse(html)
    elements = list(tree.iter())
    tag = {id(el): el.tag.removeprefix(NS) for el in elements}
    parents: dict[int, Any] = {id(child): el for el in elements for child in el}
    errors: list[str] = []
    ids = Counter(el.get("id") for el in elements if el.get("id") is not None)
    errors += [f"duplicate id {name!r} ×{n}" for name, n in ids.items() if n > 1]
    label_for = {el.get("for") for el in elements if tag[id(el)] == "label"}
    for el in elements:
        if tag[id(el)] not in FIELD or el.get("type", "") in UNLABELLED_TYPES:
            continue
        wrapped, node = False, el
        while id(node) in parents:
            node = parents[id(node)]
            wrapped = wrapped or tag[id(node)] == "label"
        if not (
            wrapped
            or (el.get("id") and el.get("id") in label_for)
            or el.get("aria-label")
            or el.get("aria-labelledby")
        ):
            errors.append(f"unlabelled {tag[id(el)]} name={el.get('name')!r} id={el.get('id')!r}")
    for el in elements:
        value = el.get("datetime")
        if value is not None and not DATETIME.match(value):
            errors.append(f"datetime {value!r} on <{tag[id(el)]}>")
    return errors


async def page_problems(client: Any, pages: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """Page name → what the three checks found on it (pages with nothing found left out)."""
    files: list[Path] = []
    problems: dict[str, list[str]] = {}
    for name, url in pages.items():
        # The review page waits for its render: generous on a busy machine.
        response = await client.get(url, headers={"accept-language": "en"}, timeout=180)
        assert response.status_code == 200, (name, url, response.status_code)
        assert response.headers["content-type"].startswith("text/html"), (name, url)
        files.append(folder / f"{name}.html")
        files[-1].write_text(response.text, encoding="utf-8")
        problems[name] = html5lib_errors(response.text) + own_rule_errors(response.text)
    for name, errors in vnu_errors(files).items():
        problems[name] += errors
    return {name: errors for name, errors in problems.items() if errors}


def test_the_checks_find_what_they_look_for(tmp_path: Path) -> None:
    bad = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta charset="utf-8">'
        "<title>t</title></head><body><p id=a>x</p><p id=a>y</p><input name=q>"
        '<time datetime="2026-05-01T09:30:05.123456">now</time></body></html>'
    )
    assert own_rule_errors(bad) == [
        "duplicate id 'a' ×2",
        "unlabelled input name='q' id=None",
        "datetime '2026-05-01T09:30:05.123456' on <time>",
    ]
    (tmp_path / "bad.html").write_text(bad, encoding="utf-8")
    found = " ".join(vnu_errors([tmp_path / "bad.html"])["bad"])
    assert "Duplicate ID" in found and "charset" in found and "fraction of a second" in found
    assert html5lib_errors("<p>unclosed <b>tag</p>") != []


async def test_signed_out_pages_are_valid_html(client: Any, tmp_path: Path) -> None:
    pages = {"landing": "/", "login": "/login", "register": "/register"}
    found = await page_problems(client, pages, tmp_path)
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


async def test_main_pages_are_valid_html_with_labelled_fields(
    api: Any, db: AsyncSession, worker: Worker, tmp_path: Path
) -> None:
    """``api`` and a ``worker``: the review page waits for the worker's render."""
    owned = await fill_account(api, db, "valid-html@example.com")
    await give_every_section(db, owned.cv_id)
    offer_id = await db.scalar(select(JobOffer.id).where(JobOffer.user_id == owned.user_id))
    imported_id = await imported_pasted_cv(db, owned.user_id)
    # The review page's frame: the very HTML the PDF is made from.
    # The STAR coach's conversation at its review: the proposal and what was refused.
    conversation = await db.scalar(
        select(CoachConversation).where(CoachConversation.user_id == owned.user_id)
    )
    assert conversation is not None
    conversation.phase = "review"
    conversation.proposal = {
        "title": "A 4-day close",
        "situation": "The close took 9 days.",
        "task": "Shorten it.",
        "action": "I automated it.",
        "result": "It takes 4 days.",
        "skills": ["Excel"],
    }
    conversation.refused = [
        {"field": "result", "text": "Saving 40%.", "reason": "missing", "terms": "40"}
    ]
    await db.commit()
    pages = {
        **main_pages(owned, str(offer_id), imported_id),
        "cv-document": f"/cvs/{owned.generated_id}/preview/document",
        "coach-review": f"/coach/{conversation.id}",
    }
    found = await page_problems(api, pages, tmp_path)
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)
