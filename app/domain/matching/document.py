"""The text of the file a source CV was read from, as a reader of the file copies it: what the
ledger's quotes are checked against (app/lib/matching/document_check.py).

A PDF's text in plain reading order (the import's second reading,
app/lib/pdf_read/plain_reading.py), a pasted text as pasted; nothing for other files (a scan, a
Word file, a JSON Resume), and nothing once the user has edited the CV: the fields are then the
user's own words, not the reader's.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import get_settings
from app.db.models import CvFile, CvVersion
from app.domain.cvs.services import IMPORT_VERSION
from app.lib.pdf_read.plain_reading import plain_pdf_text

MAX_ENTRIES = 64  # plain texts of a few KB each, by the file's digest
_TEXTS: OrderedDict[str, str] = OrderedDict()


async def _plain_pdf(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    found = _TEXTS.get(digest)
    if found is None:
        found = await plain_pdf_text(data, max_pages=get_settings().pdf_max_pages)
        _TEXTS[digest] = found
        while len(_TEXTS) > MAX_ENTRIES:
            _TEXTS.popitem(last=False)
    _TEXTS.move_to_end(digest)
    return found


async def document_text(db: AsyncSession, cv: CvFile) -> str:
    """The plain text of ``cv``'s file while its content is still the import's, else ""."""
    if cv.kind != "source" or not cv.original_bytes:
        return ""
    if cv.original_mime not in ("application/pdf", "text/plain"):
        return ""
    edited = exists().where(CvVersion.cv_file_id == cv.id, CvVersion.created_by != IMPORT_VERSION)
    if await db.scalar(select(edited)):
        return ""  # edited: its fields are no longer only what the reader made of the file
    if cv.original_mime == "text/plain":
        return cv.original_bytes.decode("utf-8", errors="replace")
    return await _plain_pdf(cv.original_bytes)
