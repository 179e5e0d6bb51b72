"""Every answer forbids framing by other sites and carries a Content-Security-Policy that allows
only the app's own files, and the templates and scripts work under it: no inline script, style
or event handler, and no htmx trigger condition (those need eval)."""

from __future__ import annotations

import re
from pathlib import Path

from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.config import PROJECT_ROOT
from app.lib.security_headers import PAGE_CSP, SCHEMA_CSP
from tests.conftest import register
from tests.security.routes import PARAM_KINDS, SELECTORS, endpoints, fillings

Client = AsyncTestClient[Litestar]


def _framing_refused(headers: dict[str, str] | object) -> str | None:
    """What is wrong with an answer's headers, or None."""
    get = headers.get  # type: ignore[attr-defined]
    policy = get("content-security-policy", "")
    if "frame-ancestors" not in policy:
        return f"no frame-ancestors in {policy!r}"
    if get("x-content-type-options") != "nosniff":
        return "no nosniff"
    return None


async def test_every_route_answers_with_the_policy_and_no_framing(
    app: Litestar, client: Client
) -> None:
    """Anonymous, then signed in: every GET route's answer (a page, the login redirect, a 401,
    a 404) carries the page policy; /schema has its own, as strict about origins."""
    ids = {kind: ["0" * 32] for kind in set(PARAM_KINDS.values()) - set(SELECTORS)}
    wrong: list[str] = []
    gets = [e for e in endpoints(app) if e.method == "GET" and not e.is_streaming]
    assert len(gets) >= 60, "the route table lost its GET routes"
    for signed_in in (False, True):
        if signed_in:
            await register(client, "headers@example.com")
        for endpoint in gets:
            if endpoint.path.startswith("/static/"):
                url = "/static/css/app.css"
            elif endpoint.path.startswith("/schema/"):
                url = "/schema/openapi.json"
            else:
                url = endpoint.url(next(fillings(endpoint, ids)))
            response = await client.get(url, follow_redirects=False)
            expected = SCHEMA_CSP if endpoint.path.startswith("/schema") else PAGE_CSP
            problem = _framing_refused(response.headers)
            if problem is None and response.headers["content-security-policy"] != expected:
                problem = f"policy {response.headers['content-security-policy']!r}"
            if problem is None and response.headers.get("x-frame-options") != "DENY":
                problem = "no X-Frame-Options: DENY"
            if problem:
                wrong.append(
                    f"{endpoint} (signed in: {signed_in}) {response.status_code}: {problem}"
                )
    assert not wrong, "\n".join(wrong)
    # The router's own answers too: an unknown address, a method the route does not serve.
    for method, url in (("GET", "/no/such/page"), ("PATCH", "/health")):
        answer = await client.request(method, url, follow_redirects=False)
        assert answer.status_code in (404, 405)
        assert answer.headers.get("content-security-policy") == PAGE_CSP, (method, url)
        assert answer.headers.get("x-frame-options") == "DENY"


TEMPLATES = PROJECT_ROOT / "templates"
SCRIPTS = PROJECT_ROOT / "static" / "js"
# Documents rendered for the PDF and the preview frame: served under their own policy (inline
# styles, no script at all: app/domain/renders/pages.py PREVIEW_CSP), never as app pages.
OWN_POLICY = (TEMPLATES / "cv_designs",)

INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "inline style element": re.compile(r"<style\b", re.I),
    "style attribute": re.compile(r"""\sstyle\s*=\s*["']""", re.I),
    "event handler attribute": re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I),
    "htmx inline handler": re.compile(r"\bhx-on\b|\bhx-on:", re.I),
    "htmx evaluated values": re.compile(
        r"""\bhx-(?:vals|vars)\s*=\s*["']\s*(?:js|javascript):|\bhx-vars\b""", re.I
    ),
    "htmx trigger condition (eval)": re.compile(r"""\bhx-trigger\s*=\s*"[^"]*\[""", re.I),
}


def _files(root: Path, suffix: str) -> list[Path]:
    return [p for p in root.rglob(f"*{suffix}") if not any(p.is_relative_to(o) for o in OWN_POLICY)]


def test_templates_and_scripts_need_nothing_the_policy_forbids() -> None:
    found = [
        f"{path.relative_to(PROJECT_ROOT)}: {what}: {match.group(0)[:60]!r}"
        for path in _files(TEMPLATES, ".html")
        for what, pattern in INLINE.items()
        for match in pattern.finditer(path.read_text())
    ]
    # Markup our scripts build would be inline too; styles they set as properties are allowed.
    script_markup = re.compile(
        r"""style\s*=\s*\\?["']|\son[a-z]+\s*=\s*\\?["']"""
        r"""|setAttribute\(\s*["'](?:style|on[a-z]+)["']|\beval\(|new Function\("""
    )
    found += [
        f"{path.relative_to(PROJECT_ROOT)}: {match.group(0)[:60]!r}"
        for path in _files(SCRIPTS, ".js")
        for match in script_markup.finditer(path.read_text())
    ]
    assert not found, "\n".join(found)
    base = (TEMPLATES / "base.html").read_text()
    assert '"allowEval": false' in base and '"includeIndicatorStyles": false' in base
