"""The match routes are in the sweeps: signed-in only, owner-only, and read-only."""

from __future__ import annotations

from litestar import Litestar

from tests.security.routes import endpoints

MATCH_ROUTES = {
    ("GET", "/api/job-offers/{offer_id:str}/match"): {"offer_id": "offer"},
    ("GET", "/api/cvs/{cv_id:str}/match"): {"cv_id": "cv"},
    ("GET", "/offers/{offer_id:str}/match"): {"offer_id": "offer"},
    ("GET", "/cvs/{cv_id:str}/match"): {"cv_id": "cv"},
}


async def test_the_match_routes_are_classified_for_the_auth_and_idor_sweeps(
    app: Litestar,
) -> None:
    found = {(e.method, e.path): e for e in endpoints(app) if e.path.endswith("/match")}
    assert set(found) == set(MATCH_ROUTES)
    for key, kinds in MATCH_ROUTES.items():
        endpoint = found[key]
        # Not public → test_auth_everywhere expects 401 / the login page; an object parameter
        # → test_idor aims it at another user's offer or CV and expects 404.
        assert not endpoint.is_public and not endpoint.is_admin, key
        assert endpoint.object_params() == kinds, key
        assert not endpoint.changes_state and not endpoint.is_streaming, key
    schema = app.openapi_schema.paths or {}
    assert "/api/job-offers/{offer_id}/match" in schema and "/api/cvs/{cv_id}/match" in schema
    assert "/offers/{offer_id}/match" not in schema  # pages stay out of the API document
