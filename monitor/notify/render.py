"""Events as plain-text messages: what changed, from what, on whose authority, with a link.

Pure. Feed-supplied text (publisher names, links) is untrusted: it is stripped of markup and
control characters, and Discord mentions are neutralised, so a message can never ping a
channel or hide a link. Every message fits Discord's 2,000 characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.models import Event
from monitor.sanitize import ZWSP, neutralise, printable, strip_controls
from monitor.state.windows import UNANNOUNCED, describe, is_exact

MAX_CHARS = 2000  # Discord's limit for title + body
# Room for what a service adds: Apprise joins title and body with CRLF and escapes
# Markdown characters for Discord.
_BUDGET = MAX_CHARS - 200
__all__ = ["ZWSP", "Message", "clean", "neutralise", "render", "safe_link"]
# Events whose text the project wrote itself (config errors quote the key path and rule).
_OWN_TEXT = frozenset(("config_error",))
_MARKUP = re.compile(r"[\[\]()<>*_~|`\\#]")
_SOURCE = re.compile(r"(?P<publisher>.*) \((?P<trust>[a-z]+)\)")
_LINK = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)

PHASE_WORDS = {
    "development": "in development",
    "pre-production": "in pre-production",
    "filming": "filming",
    "post-production": "in post-production",
    "released": "released",
}
RENEWAL_WORDS = {"renewed": "renewed", "cancelled": "cancelled"}


@dataclass(frozen=True)
class Message:
    title: str
    body: str


def clean(text: str, limit: int = 80) -> str:
    """Untrusted one-line text: no control characters, no markup, bounded length."""
    flat = strip_controls(text, keep_newlines=False)
    flat = _MARKUP.sub("", flat)
    flat = " ".join(flat.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return neutralise(flat)


def safe_link(url: str | None) -> str | None:
    """An http(s) link as one token, or nothing."""
    if not url:
        return None
    match = _LINK.match(strip_controls(url, keep_newlines=False).strip())
    if not match or len(match.group(0)) > 500:
        return None
    return neutralise(match.group(0))


def source_label(source: str) -> str:
    """ "Publisher (trust)" with the untrusted publisher name cleaned."""
    match = _SOURCE.fullmatch(source.strip())
    if match is None:
        return clean(source)
    return f"{clean(match['publisher'])} ({match['trust']})"


def authority(sources: tuple[str, ...]) -> str:
    """ "Deadline (trade) + 2 more", from publishers listed strongest first."""
    if not sources:
        return "source unknown"
    lead = source_label(sources[0])
    return f"{lead} + {len(sources) - 1} more" if len(sources) > 1 else lead


def phase_words(phase: str | None) -> str:
    if phase is None:
        return "unknown"
    return PHASE_WORDS.get(phase, clean(phase))


def _what(event: Event) -> str:
    """The title's "what changed"."""
    kind, detail = event.kind, event.detail
    if kind in ("renewed", "cancelled"):
        return kind
    if kind == "date_announced":
        return "release date announced"
    if kind == "date_changed":
        if detail == "delay":
            return "release date delayed"
        if detail == "earlier":
            return "release date moved earlier"
        if detail == "pulled":
            return "release date withdrawn"
        if detail == "refinement":
            return "exact release date" if is_exact(event.new) else "release date narrowed"
        return "release date changed"
    if kind == "phase_changed":
        return ("back " if detail == "backward" else "now ") + phase_words(event.new)
    if kind == "released":
        return "out now"
    if kind == "tracking":
        return "now tracking"
    if kind == "reported":
        return f"{_FIELD_WORDS.get(event.detail or '', 'news')} reported, not yet confirmed"
    if kind == "reminder":
        days = event.extra.get("days", "?")
        return "premieres tomorrow" if days == "1" else f"premieres in {days} days"
    return kind.replace("_", " ")


_FIELD_WORDS = {"renewal": "renewal", "date": "release date", "phase": "production"}


def _value_words(field: str | None, value: str | None) -> str:
    if value is None:
        return "unknown"
    if field == "date":
        return describe(value)
    if field == "phase":
        return phase_words(value)
    return RENEWAL_WORDS.get(value, clean(value))


def _report_lines(event: Event) -> list[str]:
    field = event.detail
    by = authority(event.sources)
    lines = [
        f"Reported by {by}, not yet confirmed: "
        f"{_FIELD_WORDS.get(field or '', 'value')} {_value_words(field, event.new)}.",
        f"Confirmed so far: {_value_words(field, event.old)}. The confirmed alert follows "
        "when an official or trade source, or a second outlet, says it too.",
    ]
    evidence = event.extra.get("evidence")
    if evidence:
        lines.append(f'"{clean(evidence, 280)}"')
    return lines


def _main_line(event: Event) -> str:
    kind = event.kind
    if kind in ("renewed", "cancelled"):
        was = f" (was: {event.old})" if event.old else ""
        if kind == "renewed":
            return f"Renewed: season {event.season} is coming{was}."
        return f"Cancelled: season {event.season} will not be made{was}."
    if kind in ("date_announced", "date_changed", "reminder"):
        was = f" (was: {describe(event.old)})" if kind != "reminder" else ""
        return f"Release date: {describe(event.new)}{was}."
    if kind == "phase_changed":
        return f"Production: {phase_words(event.new)} (was: {phase_words(event.old)})."
    if kind == "released":
        day = event.extra.get("release_date")
        when = f" on {describe(day)}" if day and is_exact(day) else ""
        return f"Season {event.season} is out{when} (was: {phase_words(event.old)})."
    if kind in _OWN_TEXT:
        # Our own wording (a key path and its rule): brackets and ">=" carry meaning here.
        return _one_line(event.new or kind, 300)
    return clean(event.new or kind, 300)


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(strip_controls(text, keep_newlines=False).split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return neutralise(flat)


def _tracking_lines(event: Event) -> list[str]:
    extra = event.extra

    def by(field: str) -> str:
        found = extra.get(f"{field}_by")
        if not found:
            return ""
        more = int(extra.get(f"{field}_more", "0") or 0)
        return f" — {authority((found,) + ('',) * more)}"

    date = extra.get("release_date")
    dated = describe(date) if date and date != UNANNOUNCED else "not announced"
    lines = [
        f"Now watching {clean(event.show, 120)} season {event.season}. Known so far:",
        f"Renewal: {extra.get('renewal') or 'not confirmed'}{by('renewal')}",
        f"Release date: {dated}{by('date')}",
        f"Production: {phase_words(extra.get('phase'))}{by('phase')}",
    ]
    reported = extra.get("reported")
    if reported:
        lines.append(f"Reported, not confirmed: {clean(reported, 200)}")
    return lines


def render(event: Event) -> Message:
    """Title `<Show> S<n>: <what changed>`, plain-text body, within 2,000 characters."""
    if event.show:
        title = f"{clean(event.show, 120)} S{event.season}: {_what(event)}"
    else:
        title = f"release-monitor: {_what(event)}"
    if event.kind == "tracking":
        lines = _tracking_lines(event)
    elif event.kind == "reported":
        lines = _report_lines(event)
    else:
        lines = [_main_line(event)]
        if event.sources:
            lines.append(f"Source: {authority(event.sources)}.")
    link = safe_link(event.link)
    if link:
        lines.append(link)
    # Every path in: whatever a field carried, no control or bidi character goes out.
    title = printable(title, keep_newlines=False)
    body = printable("\n".join(lines))
    room = _BUDGET - len(title) - 1
    if len(body) > room:
        body = body[: room - 1].rstrip() + "…"
    return Message(title=title, body=body)


def combine(messages: Sequence[Message]) -> Message:
    """Several changes of one season as one message: the titles' "what changed" parts joined
    after the shared "<Show> S<n>: ", each change's lines (with its source and link) kept."""
    if len(messages) == 1:
        return messages[0]
    heads = [m.title.partition(": ") for m in messages]
    prefix = heads[0][0]
    if all(h[0] == prefix and h[1] for h in heads):
        title = f"{prefix}: " + "; ".join(dict.fromkeys(h[2] for h in heads))
    else:
        title = " / ".join(dict.fromkeys(m.title for m in messages))
    if len(title) > 300:
        title = title[:299].rstrip() + "…"
    body = "\n\n".join(m.body for m in messages)
    room = _BUDGET - len(title) - 1
    if len(body) > room:
        body = body[: room - 1].rstrip() + "…"
    return Message(title=title, body=body)
