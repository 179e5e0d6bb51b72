"""Post/Redirect/Get in tests: a refused HTML form answers with a 303 to its page, which says
why (app/lib/form_flash.py)."""

from __future__ import annotations

from typing import Any

import httpx


def came_back(response: httpx.Response) -> bool:
    """The post answered with a 303 and the client then opened that page (a GET, 200): how a
    refused form comes back, its message and values on the page."""
    return (
        [r.status_code for r in response.history] == [303]
        and response.request.method == "GET"
        and response.status_code == 200
    )


async def followed(client: Any, response: Any, **headers: str) -> httpx.Response:
    """The page a 303 leads to (``response`` must be one), opened as the browser would."""
    assert response.status_code == 303, (response.status_code, response.text[:300])
    page: httpx.Response = await client.get(response.headers["location"], headers=headers)
    return page
