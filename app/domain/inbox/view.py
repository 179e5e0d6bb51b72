"""What the inbox pages and the API show of an item, a search and a source: the one-line
summary, why an item scored, why it was rejected and each source's last fetch, in the reader's
language (the database keeps catalogue ids and their values, never rendered text)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.db.models.job_search import FeedSource, InboxItem, SavedSearch
from app.lib.i18n import N_, format_number, gettext, ngettext
from app.lib.input_errors import stored_message

REMOTE = {
    "any": N_("Any"),
    "remote": N_("Remote"),
    "hybrid": N_("Hybrid"),
    "onsite": N_("On site"),
}
FETCH_STATUS = {
    "ok": N_("OK"),
    "not_modified": N_("Unchanged since the previous fetch"),
    "error": N_("Error"),
    "": N_("Not fetched yet"),
}


def remote_words(value: str | None) -> str:
    return gettext(REMOTE[value]) if value in REMOTE else (value or "")


def salary_words(item: InboxItem) -> str:
    """The offer's salary as the reader writes numbers ("45 000" in French, "45,000" in
    English)."""
    low, high = item.salary_min, item.salary_max
    if low and high and low != high:
        return f"{format_number(low)}–{format_number(high)}"
    if low or high:
        return format_number(low or high or 0)
    return ""


# A part of the score (app/domain/inbox/scoring.py, 0–1) in words: (when it fits, when not).
PARTS = {
    "location": (N_("location fits"), N_("another location")),
    "remote": (N_("remote policy fits"), N_("another remote policy")),
    "salary": (N_("salary fits"), N_("salary below your minimum")),
}


def why(item: InboxItem) -> list[str]:
    """Why the item scored what it did, from ``score_details`` (``score_item`` in
    app/domain/inbox/scoring.py): the keywords found and each part that applied."""
    details = item.score_details or {}
    words: list[str] = []
    found = details.get("keywordsFound")
    if isinstance(found, list) and found:
        words.append(gettext("matches %(words)s", words=", ".join(str(m) for m in found[:5])))
    elif "keywords" in details:
        words.append(gettext("no keyword found"))
    for key, (fits, misses) in PARTS.items():
        value = details.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            if value >= 1:
                words.append(gettext(fits))
            elif value <= 0:
                words.append(gettext(misses))
    cv = details.get("cv")
    if isinstance(cv, int | float) and not isinstance(cv, bool):
        words.append(gettext("CV match %(score)s%%", score=round(cv * 100)))
    return words


def reason_words(item: InboxItem) -> str:
    if not item.reason:
        return ""
    return stored_message({"template": item.reason, "values": item.reason_params or {}})


def item_row(item: InboxItem) -> dict[str, Any]:
    """One line of the inbox (the page) or one object of ``GET /api/inbox``."""
    return {
        "id": item.id,
        "status": str(item.status),
        "origin": item.origin,
        "title": item.title or item.url or item.id[:8],
        "company": item.company,
        "location": item.location,
        "remote": item.remote,
        "remoteWords": remote_words(item.remote) if item.remote else "",
        "salaryMin": item.salary_min,
        "salaryMax": item.salary_max,
        "salary": salary_words(item),
        "summary": item.summary,
        "url": item.url,
        "score": round(item.score or 0.0, 1),
        "why": why(item),
        "reason": reason_words(item),
        "reasonCode": item.reason,
        "reasonParams": item.reason_params or {},
        "searchId": item.search_id,
        "jobOfferId": item.job_offer_id,
        "createdAt": _iso(item.created_at),
        "decidedAt": _iso(item.decided_at),
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def status_words(source: FeedSource) -> str:
    """The last fetch in words. An unchanged feed says since when and what was found then:
    the fetch that read its content may have been the search's automatic first run, which
    the user never saw."""
    if source.last_status == "not_modified" and source.content_fetched_at is not None:
        return ngettext(
            "Unchanged since %(when)s (%(num)s offer found then)",
            "Unchanged since %(when)s (%(num)s offers found then)",
            source.items_found,
            when=source.content_fetched_at.isoformat()[:16].replace("T", " "),
        )
    return gettext(FETCH_STATUS.get(source.last_status or "", FETCH_STATUS["error"]))


def source_row(source: FeedSource) -> dict[str, Any]:
    """A source with its fetch log in words."""
    error = ""
    if source.last_error:
        error = stored_message(
            {"template": source.last_error, "values": source.last_error_params or {}}
        )
    return {
        "id": source.id,
        "url": source.url,
        "kind": source.kind or None,
        "lastFetchedAt": _iso(source.last_fetched_at),
        "lastStatus": source.last_status or None,
        "statusWords": status_words(source),
        "lastError": error or None,
        "itemsFound": source.items_found,
        "newItems": source.new_items,
    }


def search_out(search: SavedSearch, sources: list[FeedSource]) -> dict[str, Any]:
    return {
        "id": search.id,
        "name": search.name,
        "keywords": list(search.keywords or []),
        "keywordsMode": search.keywords_mode,
        "redFlags": list(search.red_flags or []),
        "location": search.location,
        "remote": search.remote,
        "minSalary": search.min_salary,
        "active": search.active,
        "intervalMinutes": search.interval_minutes,
        "lastRunAt": _iso(search.last_run_at),
        "nextRunAt": _iso(search.next_run_at),
        "letterTemplate": search.letter_template or "",
        "sources": [source_row(s) for s in sources],
    }


def form_values(search: SavedSearch | None, sources: list[FeedSource]) -> dict[str, str]:
    """The edit form's fields (text, one entry per line) for a stored search."""
    if search is None:
        return {
            "name": "",
            "keywords_mode": "any",
            "remote": "any",
            "interval_minutes": "60",
            "active": "on",
        }
    return {
        "name": search.name,
        "keywords": "\n".join(search.keywords or []),
        "keywords_mode": search.keywords_mode,
        "red_flags": "\n".join(search.red_flags or []),
        "location": search.location,
        "remote": search.remote,
        "min_salary": "" if search.min_salary is None else format_number(search.min_salary),
        "interval_minutes": str(search.interval_minutes),
        "active": "on" if search.active else "",
        "sources": "\n".join(s.url for s in sources),
        "letter_template": search.letter_template or "",
    }
