"""Accounts: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router
from litestar.di import Provide

from app.domain.accounts.account_api import AccountApi
from app.domain.accounts.api import AuthApi, TokensApi
from app.domain.accounts.login import provide_login
from app.domain.accounts.pages import AccountPages

router = Router(
    path="/",
    route_handlers=[AccountApi, AuthApi, TokensApi, AccountPages],
    # Signing in, up and out, for the page and the JSON API alike (app/domain/accounts/login.py).
    dependencies={"login": Provide(provide_login, sync_to_thread=False)},
)
