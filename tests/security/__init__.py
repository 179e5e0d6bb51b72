"""Security test suite: systematic sweeps over the app's real route table.

Here (``routes.py`` enumerates and classifies every route; the sweeps iterate it):
- ``test_auth_everywhere``: every route is classified; all but ``routes.PUBLIC`` answer an
  anonymous caller 401 JSON (``/api/*``) or a redirect to ``/login`` (pages, htmx too).
- ``test_csrf``: every POST/PUT/PATCH/DELETE with a session but no/forged/foreign CSRF token
  → 403 and an unchanged database; a bearer header skips CSRF only with a valid token.
- ``test_idor``: user B on every route with a path parameter, with each of user A's ids
  (CV, generated CV and its PDF, versions, offer, generation, background tasks, API token)
  → 404 and an unchanged database, on SQLite and PostgreSQL.
- ``test_admin``: members get 403 on every admin route; the LLM API key (admin page or
  environment) never appears in any page, API answer, connection report or log line.
- ``test_session_cookies``: HttpOnly / SameSite / Path / Secure-over-HTTPS flags; sign-out
  deletes the server-side session.
- ``test_prompt_injection``: an offer ordering the model to invent facts changes none (offline
  engine, and a fake model that obeys it); the fact guard counts what it dropped.
- ``test_hostile_bodies``: malformed, mistyped, deeply nested, wrong content type, huge fields
  and bodies over the limit → 4xx (413 for oversize), never 500, on every body-taking route.
- ``test_schemathesis``: property-based fuzzing of ``/schema/openapi.json`` on a live server
  with a bearer token: no 5xx, answers (errors included) match the documented schemas.

Covered elsewhere, not repeated here:
- Session id rotated at sign-in (fixation), login rate limit, open redirect after login:
  ``tests/integration/test_accounts.py``.
- Generation rate limits (429 per task type): ``tests/integration/test_pipeline_llm.py``
  (``test_concurrency_429_both_ways_and_release``).
- Another user's SSE stream: ``tests/integration/test_worker_events.py``
  (``test_event_from_worker_reaches_the_users_sse_stream_only``).
- Upload size/page limits and unreadable or encrypted PDFs: ``tests/integration/test_cv_import.py``
  and ``tests/unit/test_parsing_pdf.py``; PDF decompression bombs (memory limit) and parser time
  limit: ``tests/unit/test_parsing_pdf.py``; hidden/white/tiny text flagged:
  ``tests/unit/test_parsing_pdf.py`` and ``tests/integration/test_cv_import.py``.
- SSRF on offer URLs (schemes, private/loopback/link-local/metadata addresses, DNS re-check,
  redirects, size and time limits): ``tests/unit/test_url_fetch.py`` and
  ``tests/integration/test_offers.py``.
- WeasyPrint: no file/network access from CV text or raw HTML, ``data:`` and bundled assets only,
  autoescape, no variables in ``<style>``: ``tests/unit/test_pdf_security.py``; render time and
  memory limits: ``tests/unit/test_pdf_sandbox.py``.
- An adversarial model inventing skills, employers and numbers: ``test_pipeline_llm.py``
  (``test_an_adversarial_model_cannot_invent``).
"""
