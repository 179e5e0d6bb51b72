"""A dismissed import finding survives a JSON Resume export and re-import, through the API and
the real worker (app/domain/cvs/dismissal_carry.py): the user does not answer it twice."""

from __future__ import annotations

import json

from arq.worker import Worker

from tests.fixtures.live import browser
from tests.integration.test_cv_import import headers, upload, wait_for_import

LISTED = "EC2 servers, Security Groups, Lambda functions"  # a list of skills as the employer
RESUME = {
    "basics": {"name": "Ilse Marrow", "email": "ilse.marrow@example.com"},
    "work": [
        {"name": LISTED, "position": "Cloud engineer", "startDate": "2021-01",
         "endDate": "2023-01", "highlights": ["Moved the billing service to containers."]},
        {"name": "Brightwave Ltd", "position": "Engineer", "startDate": "2018-01",
         "endDate": "2020-12", "highlights": ["Shipped the first release of the portal."]},
    ],
}  # fmt: skip


async def test_a_dismissal_survives_a_json_resume_round_trip(
    live_server: str, worker: Worker
) -> None:
    client = await browser(live_server, "dismiss-trip@example.com")
    sent = await upload(client, "resume.json", json.dumps(RESUME).encode(), "application/json")
    first = await wait_for_import(client, sent.json()["id"])
    found = [i for i in first["importReport"]["items"] if i["code"] == "name_is_sentence"]
    assert [i["path"] for i in found] == ["experience[0].company"], first["importReport"]
    key = f"name_is_sentence|{found[0]['itemId']}|{found[0]['path']}"
    done = await client.post(
        f"/cvs/{first['id']}/report/dismiss", data={"key": key}, headers=await headers(client)
    )
    assert done.status_code in (200, 303), done.text[:300]
    read = (await client.get(f"/api/cvs/{first['id']}")).json()["importReport"]["items"]
    assert not [i for i in read if i["code"] == "name_is_sentence"]

    exported = (await client.get(f"/api/cvs/{first['id']}/json-resume")).json()
    assert exported["meta"]["cvTailor"]["dismissed"] == [
        {"code": "name_is_sentence", "path": "experience[0].company"}
    ]
    # Exported, deleted, imported again (a same CV still here would be answered as a duplicate).
    gone = await client.delete(f"/api/cvs/{first['id']}", headers=await headers(client))
    assert gone.status_code == 200
    again = await upload(client, "again.json", json.dumps(exported).encode(), "application/json")
    assert not again.json().get("duplicate"), again.json()
    second = await wait_for_import(client, again.json()["id"])
    assert second["content"]["experience"][0]["company"] == LISTED
    items = second["importReport"]["items"]
    assert not [i for i in items if i["code"] == "name_is_sentence"], items
    # Without the meta, the same resume asks again: the dismissal is what was carried.
    plain = {k: v for k, v in exported.items() if k != "meta"}
    gone = await client.delete(f"/api/cvs/{second['id']}", headers=await headers(client))
    assert gone.status_code == 200
    third = await upload(client, "plain.json", json.dumps(plain).encode(), "application/json")
    assert not third.json().get("duplicate"), third.json()
    body = await wait_for_import(client, third.json()["id"])
    assert [i["code"] for i in body["importReport"]["items"]].count("name_is_sentence") == 1
    await client.aclose()
