"""Reminders a set number of days before a confirmed premiere (`[notify] remind_days`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from monitor.models import Event, SeasonState


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
                },
            )
        )
    return out


def reminder_text(event: Event) -> str:
    """A plain line for the reminder, e.g. "All of Us Are Dead S2 premieres in 7 days
    (Friday 29 January 2027)"."""
    left = int(event.extra.get("days_left", "0"))
    when = "tomorrow" if left == 1 else f"in {left} days"
    premiere = _exact_date(event.new)
    day = f" ({premiere:%A} {premiere.day} {premiere:%B %Y})" if premiere else ""
    return f"{event.show} S{event.season} premieres {when}{day}"


def _exact_date(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
