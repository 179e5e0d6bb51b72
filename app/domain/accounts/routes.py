"""Accounts: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router
from litestar.di import Provide

from app.domain.accounts.account_api import AccountApi
from app.domain.accounts.api import AuthApi, TokensApi
from app.domain.accounts.login import provide_login
from app.domain.accounts.pages import AccountPages
from app.domain.accounts.reset_pages import PasswordResetPages
from app.lib.dependencies import provide_write_sessions

router = Router(
    path="/",
    route_handlers=[AccountApi, AuthApi, TokensApi, AccountPages, PasswordResetPages],
    # Signing in, up and out, for the page and the JSON API alike (app/domain/accounts/login.py).
    dependencies={
        "login": Provide(provide_login, sync_to_thread=False),
        # The "forgot password" mail is made after the answer (app/domain/accounts/reset_mail.py).
        "write_sessions": Provide(provide_write_sessions, sync_to_thread=False),
    },
)
