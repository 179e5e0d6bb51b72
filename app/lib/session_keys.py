"""Names in the server-side session that several modules read (app/lib/sessions.py stores only
a session that holds ``SESSION_USER_KEY``; app/lib/csrf.py binds tokens to such a session)."""

from __future__ import annotations

SESSION_USER_KEY = "user_id"  # who signed in
