"""CV tools: the user's CVs, and one CV as the PDF the JSON API serves (``GET /api/cvs/{id}/pdf``:
the render cache, else a worker's render)."""

from __future__ import annotations

import base64
from typing import Any

import msgspec
from mcp.types import BlobResourceContents, CallToolResult, EmbeddedResource, TextContent

from app.domain.cvs import services as cvs
from app.domain.cvs.schemas import summary_out
from app.domain.renders import services as renders
from app.domain.renders.rendering import obtain_render
from app.lib.paging import PageRequest, next_page
from app.mcp.calls import ToolCall


async def list_cvs(call: ToolCall, kind: str | None, paging: PageRequest) -> dict[str, Any]:
    page = await cvs.cvs_page(call.db, call.user.id, kind, paging)
    return {"cvs": [msgspec.to_builtins(summary_out(cv)) for cv in page.items], **next_page(page)}


async def cv_pdf(call: ToolCall, cv_id: str) -> CallToolResult:
    settings = call.backend.settings
    cv = await cvs.get_cv(call.db, call.user.id, cv_id)
    spec = await renders.spec_for(call.db, settings, cv, call.user)
    # Give the connection back while a worker renders; loaded objects stay readable.
    await call.db.close()
    result = await obtain_render(
        call.backend.arq, settings, spec, user_id=call.user.id, cv_id=cv.id
    )
    about = {
        "cvId": cv.id,
        "filename": renders.download_name(spec),
        "pageCount": result.page_count,
        "bytes": len(result.pdf),
    }
    pdf = BlobResourceContents(
        uri=f"cvtailor://cvs/{cv.id}/pdf",
        mime_type="application/pdf",
        blob=base64.b64encode(result.pdf).decode("ascii"),
    )
    return CallToolResult(
        content=[
            TextContent(type="text", text=msgspec.json.encode(about).decode()),
            EmbeddedResource(type="resource", resource=pdf),
        ],
        structured_content=about,
    )
