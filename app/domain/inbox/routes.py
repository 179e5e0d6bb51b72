"""The job inbox: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py).
Triage handlers receive the user's inbox as the ``inbox`` dependency (app/domain/inbox/triage.py).
"""

from litestar import Router
from litestar.di import Provide

from app.domain.inbox.api import InboxApi, SearchApi
from app.domain.inbox.bookmarklet import BookmarkletPages
from app.domain.inbox.pages import InboxPages
from app.domain.inbox.search_pages import SearchPages
from app.domain.inbox.triage import provide_triage

router = Router(
    path="/",
    # The bookmarklet's and the searches' fixed paths before the pages' /inbox/{item_id}/….
    route_handlers=[SearchApi, InboxApi, BookmarkletPages, SearchPages, InboxPages],
    dependencies={"inbox": Provide(provide_triage, sync_to_thread=False)},
)
