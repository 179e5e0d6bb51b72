"""An honest all-clear (app/domain/cvs/report_checked.py), through the real app and worker: a
pasted CV whose employer the reader cut in two ("Orrin &", its end read as a bullet) is never
"nothing to check"; the report says per section what the reader checked, how many things are
open there (summing to the one count every view shows) and, once the user has fixed the name,
that nothing doubtful was found against the file's text; a JSON Resume's all-clear says it
could only check the shape of the fields."""

from __future__ import annotations

import json
from typing import Any

from arq.worker import Worker

from tests.fixtures.live import browser
from tests.integration.test_cv_import import headers, upload, wait_for_import
from tests.unit.test_misread_cut_names import CUT_CV

EN = {"accept-language": "en"}


def _levels(report: dict[str, Any]) -> dict[str, tuple[int, str]]:
    return {row["section"]: (row["toCheck"], row["level"]) for row in report["checked"]}


async def test_a_name_cut_in_two_is_flagged_and_the_all_clear_says_what_was_checked(
    live_server: str, worker: Worker
) -> None:
    client = await browser(live_server, "all-clear@example.com")
    sent = await client.post("/api/cvs", json={"text": CUT_CV}, headers=await headers(client))
    assert sent.status_code == 202, sent.text
    body = await wait_for_import(client, sent.json()["id"])
    report = body["importReport"]
    cut = [i for i in report["items"] if i["code"] == "name_cut"]
    assert [(i["path"], i["samples"]) for i in cut] == [
        ("experience[0].company", ["Vale Consulting."])
    ]
    levels = _levels(report)
    assert sum(row["toCheck"] for row in report["checked"]) == report["checks"] >= 1
    assert levels["experience"][1] == "to_check" and levels["experience"][0] >= 1
    assert all(row["compared"] for row in report["checked"])
    page = (await client.get(f"/cvs/{body['id']}", headers=EN)).text
    assert "Nothing in particular to check." not in page
    assert "“Orrin &amp;” ends on “&amp;”, as a name cut in two" in page
    assert "What the reader checked, section by section" in page

    # Fixed by the user, and every other open item answered "this is right": the all-clear
    # now says where the reader looked and against what.
    content = body["content"]
    job = content["experience"][0]
    job["company"], job["bullets"] = "Orrin & Vale Consulting", job["bullets"][1:]
    saved = await client.put(
        f"/api/cvs/{body['id']}", json={"content": content}, headers=await headers(client)
    )
    assert saved.status_code == 200, saved.text
    report = saved.json()["importReport"]
    assert not [i for i in report["items"] if i["code"] == "name_cut"]
    for item in report["items"]:
        key = f"{item['code']}|{item['itemId'] or ''}|{item['path'] or ''}"
        answered = await client.post(
            f"/cvs/{body['id']}/report/dismiss", data={"key": key}, headers=await headers(client)
        )
        assert answered.status_code in (200, 303), answered.text[:300]
    report = (await client.get(f"/api/cvs/{body['id']}")).json()["importReport"]
    assert report["checks"] == 0
    levels = _levels(report)
    assert levels["experience"] == (0, "clear") and levels["header"] == (0, "clear")
    assert levels["reading"] == (0, "clear") and levels["languages"] == (0, "none")
    page = (await client.get(f"/cvs/{body['id']}", headers=EN)).text
    assert "Nothing in particular to check." in page
    assert page.count("Nothing doubtful found; checked against the file&#39;s text.") >= 3
    assert "Titles, employers and dates; names cut in two" in page
    await client.aclose()


async def test_a_json_resume_all_clear_says_only_the_fields_shape_was_checked(
    live_server: str, worker: Worker
) -> None:
    client = await browser(live_server, "all-clear-json@example.com")
    resume = {
        "basics": {"name": "Ilse Marrow", "label": "Engineer", "email": "ilse@example.com"},
        "work": [
            {"name": "Brightwave Ltd", "position": "Engineer", "startDate": "2018-01",
             "endDate": "2020-12", "highlights": ["Shipped the first release of the portal."]},
        ],
    }  # fmt: skip
    sent = await upload(client, "resume.json", json.dumps(resume).encode(), "application/json")
    body = await wait_for_import(client, sent.json()["id"])
    report = body["importReport"]
    assert report["checks"] == 0 and report["placedShare"] is None
    levels = _levels(report)
    assert levels["experience"] == (0, "clear") and "reading" not in levels
    assert not any(row["compared"] for row in report["checked"])
    page = (await client.get(f"/cvs/{body['id']}", headers=EN)).text
    assert "Nothing doubtful found in the shape of its fields (no text of the file" in page
    await client.aclose()
