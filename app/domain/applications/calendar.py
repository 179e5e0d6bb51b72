"""The follow-ups as an iCalendar file (RFC 5545): one all-day event per planned follow-up,
and one timed event per interview an employer's reply announced (an hour long: the reply
gives its start only), for the user's own calendar app. ``icalendar`` writes the format
(folding, escaping).

RFC 5545 requires at least one component in a calendar: with no follow-up planned, the file
holds one all-day event saying so, transparent (it never shows the user as busy), with a stable
UID so that a later import with real follow-ups replaces nothing but it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from app.domain.applications.services import Tracked
from app.domain.offers import services as offers
from app.lib.i18n import gettext

PRODUCT_ID = "-//CV Tailor//Applications//EN"


def follow_ups_ics(tracked: list[Tracked], *, base_url: str, now: datetime | None = None) -> bytes:
    """``base_url`` (the site's address) makes each event link to its application's page."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", gettext("Application follow-ups"))
    stamp = now or datetime.now(UTC)
    for item in tracked:
        application, offer = item.application, item.offer
        if application.follow_up_at is None:
            continue
        title = offers.display_title(offer)
        where = f" — {offer.company}" if offer.company else ""
        event = Event()
        # Stable per application: a re-import updates the event instead of adding a copy.
        event.add("uid", f"application-{application.id}@cv-tailor")
        event.add("dtstamp", stamp)
        event.add("dtstart", application.follow_up_at)
        event.add("dtend", application.follow_up_at + timedelta(days=1))
        event.add("summary", gettext("Follow up: %(title)s") % {"title": title} + where)
        event.add("url", f"{base_url.rstrip('/')}/applications/{application.id}")
        contact = " ".join(
            part for part in (application.contact_name, application.contact_email) if part
        )
        if contact:
            event.add("description", contact)
        calendar.add_component(event)
    for item in tracked:
        if item.application.interview_at is not None:
            calendar.add_component(_interview(item, base_url, stamp))
    if not calendar.subcomponents:
        calendar.add_component(_nothing_planned(stamp))
    return calendar.to_ical()


def _nothing_planned(stamp: datetime) -> Event:
    event = Event()
    event.add("uid", "no-follow-up@cv-tailor")
    event.add("dtstamp", stamp)
    event.add("dtstart", stamp.date())
    event.add("dtend", stamp.date() + timedelta(days=1))
    event.add("summary", gettext("No follow-up planned"))
    event.add("transp", "TRANSPARENT")
    return event


def _interview(item: Tracked, base_url: str, stamp: datetime) -> Event:
    application, offer = item.application, item.offer
    start = application.interview_at
    assert start is not None
    start = start if start.tzinfo else start.replace(tzinfo=UTC)
    where = f" — {offer.company}" if offer.company else ""
    event = Event()
    event.add("uid", f"interview-{application.id}@cv-tailor")
    event.add("dtstamp", stamp)
    event.add("dtstart", start.astimezone(UTC))
    event.add("dtend", start.astimezone(UTC) + timedelta(hours=1))
    title = offers.display_title(offer)
    event.add("summary", gettext("Interview: %(title)s") % {"title": title} + where)
    event.add("url", f"{base_url.rstrip('/')}/applications/{application.id}")
    return event
