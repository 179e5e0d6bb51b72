"""Operator commands.

``python -m app.cli migrate | admin EMAIL [--revoke] | make-migration MSG``
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from app.config import Settings, get_settings
from app.db import migrate
from app.db.session import create_engine, create_session_factory, session_scope
from app.domain.accounts.services import set_admin
from app.lib.errors import AppError
from app.settings.service import seed_settings
from app.settings.user_endpoint import rotate_user_keys
from app.task_kinds import register_task_kinds


async def _seed(settings: Settings) -> int:
    engine = create_engine(settings.database_url)
    try:
        async with session_scope(create_session_factory(engine)) as session:
            inserted = await seed_settings(session, settings)
            # Users' AI keys still under a previous secret: re-encrypted under the current one.
            await rotate_user_keys(session, settings)
            return inserted
    finally:
        await engine.dispose()


def migrate_and_seed(settings: Settings) -> int:
    """Bring the schema to head and insert missing settings (idempotent)."""
    register_task_kinds()  # each paid kind declares its cost setting
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    migrate.upgrade(settings.database_url)
    return asyncio.run(_seed(settings))


async def _set_admin(settings: Settings, email: str, is_admin: bool) -> str:
    engine = create_engine(settings.database_url)
    try:
        async with session_scope(create_session_factory(engine)) as session:
            user = await set_admin(session, email, is_admin)
            return user.email
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.cli", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="upgrade the database schema and seed the settings")
    admin = sub.add_parser("admin", help="make an existing account an administrator")
    admin.add_argument("email")
    admin.add_argument("--revoke", action="store_true", help="remove admin rights instead")
    revision = sub.add_parser("make-migration", help="autogenerate an Alembic revision")
    revision.add_argument("message")
    args = parser.parse_args(argv)
    settings = get_settings()

    if args.command == "migrate":
        inserted = migrate_and_seed(settings)
        print(
            f"Database ready ({settings.database_url.split('://')[0]}); "
            f"{inserted} setting(s) added."
        )
    elif args.command == "admin":
        try:
            email = asyncio.run(_set_admin(settings, args.email, not args.revoke))
        except AppError as exc:
            print(f"error: {exc.detail}", file=sys.stderr)
            return 1
        print(f"{email} is {'no longer' if args.revoke else 'now'} an administrator.")
    elif args.command == "make-migration":
        migrate.make_revision(args.message, settings.database_url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
