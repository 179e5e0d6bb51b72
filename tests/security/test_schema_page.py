"""The API reference page runs no script and loads no asset from another origin: its Redoc
bundle is vendored under static/vendor/ (a CDN script would run on our origin, cookies in reach)."""

from __future__ import annotations

import re

from litestar import Litestar
from litestar.testing import AsyncTestClient

Client = AsyncTestClient[Litestar]


async def test_the_schema_page_loads_only_our_own_files(client: Client) -> None:
    page = await client.get("/schema")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    sources = re.findall(r"""<(?:script|link)[^>]+(?:src|href)=["']([^"']+)""", page.text)
    assert sources, page.text[:500]
    assert [s for s in sources if not s.startswith("/")] == []
    assert "//" not in "".join(re.findall(r"""url\(([^)]*)\)""", page.text))
    for source in sources:
        served = await client.get(source)
        assert served.status_code == 200, source
        # What the script itself loads (images it renders, CSS it injects): our own files too.
        loaded = re.findall(r"""\bsrc\s*[:=]\s*["']([^"']+)""", served.text)
        loaded += re.findall(r"""url\(\s*["']?([^"')]+)""", served.text)
        assert [u for u in loaded if re.match(r"(?:https?:)?//", u)] == [], source
        for own in {u for u in loaded if u.startswith("/static/")}:
            assert (await client.get(own)).status_code == 200, own
    assert (await client.get("/schema/openapi.json")).json()["info"]["title"] == "CV Tailor"
