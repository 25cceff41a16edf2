"""Reminders a set number of days before a confirmed premiere (`[notify] remind_days`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from monitor.models import Event, SeasonState, Watch
from monitor.state.repository import Repository, Routing
from monitor.state.tables import EventRow


def reminder_key(show: str, season: int, premiere: str, days: int) -> str:
    """The identity of one reminder: sent once per show, season, date and lead time.

    The date is part of it, so a moved premiere gets its reminders again.
    """
    return f"reminder:{' '.join(show.split()).casefold()}:{season}:{premiere}:{days}d"


def due_reminders(
    seasons: Sequence[SeasonState], remind_days: Iterable[int], today: date
) -> list[Event]:
    """Reminders due `today`, at most one per season.

    Reminder N is due from N days before the premiere until the day before it, so a daemon
    that was down on the exact day still sends it. When several are due at once (down for a
    week, or a date announced three days ahead) only the nearest lead time is sent: a
    "7 days" reminder on the eve of the premiere would be noise. Callers enqueue each event
    under `event.extra["key"]`, which makes a repeat a no-op.
    """
    leads = sorted({int(d) for d in remind_days if int(d) > 0})
    out: list[Event] = []
    if not leads:
        return out
    for state in seasons:
        if state.renewal == "cancelled" or state.phase == "released":
            continue
        value = state.release_date
        premiere = _exact_date(value)
        if value is None or premiere is None:
            continue
        left = (premiere - today).days
        if left <= 0:  # release day itself is the `released` event's job
            continue
        due = [n for n in leads if left <= n]
        if not due:
            continue
        lead = due[0]
        evidence = state.evidence.get("release_date") or state.evidence.get("date")
        out.append(
            Event(
                kind="reminder",
                show=state.show,
                season=state.season,
                old=None,
                new=value,
                sources=(f"{evidence.publisher} ({evidence.trust.label})",) if evidence else (),
                link=evidence.url if evidence else None,
                detail=f"{lead} days before",
                extra={
                    "key": reminder_key(state.show, state.season, value, lead),
                    "remind_days": str(lead),
                    "days_left": str(left),
                    "days": str(left),  # what the message says: "premieres in 6 days"
                },
            )
        )
    return out


def enqueue_reminders(
    repo: Repository,
    watches: Sequence[Watch],
    remind_days: Iterable[int],
    routing: Routing,
    now: datetime,
) -> list[Event]:
    """Record and enqueue the reminders due now, each once: a reminder already recorded (same
    show, season, date and lead time) is skipped. Returns the newly enqueued ones."""
    leads = tuple(remind_days)
    if not leads:
        return []
    due = due_reminders(repo.seasons(watches), leads, now.astimezone(UTC).date())
    if not due:
        return []
    watch_of = {w.key: w for w in watches}
    out: list[Event] = []
    try:
        with repo.transaction() as session:
            for found in due:
                if _recorded(session, found):
                    continue
                event = replace(found, at=now)
                repo.add_event(
                    session,
                    event,
                    key=event.extra["key"],
                    watch=watch_of.get((event.show, event.season)),
                    routing=routing,
                    now=now,
                )
                out.append(event)
    except IntegrityError:
        # Another daemon on the same database enqueued the same reminder first.
        return []
    return out


def _recorded(session: Session, event: Event) -> bool:
    found = session.exec(
        select(EventRow.id).where(
            EventRow.kind == "reminder",
            EventRow.show == event.show,
            EventRow.season == event.season,
            EventRow.new == event.new,
            EventRow.detail == event.detail,
        )
    ).first()
    return found is not None


def _exact_date(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
