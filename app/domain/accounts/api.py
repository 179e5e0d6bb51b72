"""JSON API of accounts: register, login, logout, me, personal API tokens."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from app.db.models import ApiToken, User
from app.domain.accounts import services
from app.domain.accounts.login import Login, SignUp, end_session
from app.domain.accounts.schemas import (
    Credentials,
    Registration,
    TokenCreate,
    TokenOut,
    UserOut,
)
from app.lib.dependencies import Db, SignedIn
from app.lib.paging import Paging, listed
from app.lib.row_out import row_out


def user_out(user: User) -> UserOut:
    return row_out(UserOut, user)


def token_out(token: ApiToken) -> TokenOut:
    return row_out(TokenOut, token)


class AuthApi(Controller):
    path = "/api/auth"
    tags = ["auth"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @post("/register", status_code=HTTP_201_CREATED)
    async def register(
        self, login: NamedDependency[Login], data: JSONBody[Registration]
    ) -> UserOut:
        signing_up = SignUp(data.email, data.password, data.display_name, data.locale, data.invite)
        return user_out(await login.sign_up(signing_up))

    @post("/login", status_code=HTTP_200_OK)
    async def login(self, login: NamedDependency[Login], data: JSONBody[Credentials]) -> UserOut:
        return user_out(await login.sign_in(data.email, data.password))

    @post("/logout", status_code=HTTP_200_OK)
    async def logout(self, request: Request) -> dict[str, bool]:
        end_session(request)
        return {"success": True}

    @get("/me")
    async def me(self, user: SignedIn) -> UserOut:
        return user_out(user)


class TokensApi(Controller):
    path = "/api/tokens"
    tags = ["auth"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/")
    async def list_tokens(
        self, request: Request, user: SignedIn, db: Db, paging: Paging
    ) -> Response[list[TokenOut]]:
        page = await services.tokens_page(db, user, paging)
        return listed(request, page.map(token_out))

    @post("/", status_code=HTTP_201_CREATED)
    async def create_token(
        self, user: SignedIn, db: Db, data: JSONBody[TokenCreate]
    ) -> dict[str, Any]:
        row, token = await services.create_api_token(db, user, data.name)
        await db.commit()
        return {
            "token": token,
            **{k: getattr(token_out(row), k) for k in TokenOut.__struct_fields__},
        }

    @delete("/{token_id:str}", status_code=HTTP_200_OK)
    async def revoke_token(
        self, user: SignedIn, db: Db, token_id: FromPath[str]
    ) -> dict[str, bool]:
        await services.revoke_api_token(db, user, token_id)
        await db.commit()
        return {"success": True}
