"""`why` and `test-feed`: explain what the stored items did to a season, or what one feed says.

`why` replays a season's stored observations through the pure merge rules, one at a time in
the order they were read, and names what each did: changed the state, corroborated it, was
only reported, or was outranked. Beside them go the items that named the season but made no
claim (or set cues aside), with the extractor's reasons: hedged, history, a question, another
season. Nothing here writes anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from monitor.extract.reasons import LABELS
from monitor.models import Event, ItemNotes, Observation, SeasonState, SetAside, Trust, Watch
from monitor.state.documents import iso_time
from monitor.state.merge import is_confirmed, merge
from monitor.state.windows import describe, window

FIELD_WORDS = {"renewal": "renewal", "date": "release date", "phase": "phase"}


@dataclass(frozen=True)
class Verdict:
    """What one stored claim did to the season's trusted state."""

    observation: Observation
    effect: str  # "confirmed" | "corroborated" | "reported" | "outranked"
    detail: str


def value_words(field: str, value: str | None) -> str:
    if value is None:
        return "unknown"
    return describe(value) if field == "date" else value


def _held(state: SeasonState, field: str) -> str | None:
    return {"renewal": state.renewal, "date": state.release_date, "phase": state.phase}[field]


def _outranked(state: SeasonState, obs: Observation) -> str:
    held = _held(state, obs.field)
    lead = state.evidence.get(obs.field)
    by = f" ({lead.publisher}, {lead.trust.label})" if lead else ""
    w_held = window(held) if obs.field == "date" and held else None
    w_new = window(obs.value) if w_held is not None else None
    if w_held is not None and w_new is not None and w_new.contains(w_held):
        return f"less precise than the held {value_words('date', held)}{by}: no change"
    return (
        f"the state keeps {value_words(obs.field, held)}{by}: only a newer report at the same "
        "or a higher trust replaces a confirmed value"
    )


def replay(watch: Watch, observations: Sequence[Observation]) -> list[Verdict]:
    """Each observation's effect, replaying them in the order they were stored."""
    state = SeasonState(watch.show, watch.season)
    known: list[Observation] = []
    out = []
    for obs in observations:
        result = merge(state, known, [obs], obs.seen_at)
        changes = [e for e in result.events if _field_of(e) == obs.field]
        support = [o for o in (*known, obs) if o.field == obs.field and o.value == obs.value]
        if changes:
            change = changes[0]
            was = value_words(obs.field, change.old) if change.old else "not known"
            effect, detail = (
                "confirmed",
                (f"{FIELD_WORDS[obs.field]} {value_words(obs.field, change.new)} (was: {was})"),
            )
            if len(support) > 1 and obs.trust < support[0].trust:
                detail += " together with earlier reports"
        elif _held(result.state, obs.field) == obs.value:
            effect, detail = "corroborated", "agrees with the value already held"
        elif not is_confirmed(support):
            effect, detail = (
                "reported",
                "one lesser outlet: confirmed only by an official, trade or structured source, "
                "or a second publisher",
            )
        else:
            effect, detail = "outranked", _outranked(state, obs)
        out.append(Verdict(obs, effect, detail))
        known.append(obs)
        state = result.state
    return out


def _field_of(event: Event) -> str:
    if event.kind in ("renewed", "cancelled"):
        return "renewal"
    if event.kind in ("date_announced", "date_changed"):
        return "date"
    return "phase"


def announced_as(verdict: Verdict, history: Sequence[tuple[Event, bool]]) -> str:
    """Whether the change a claim made was sent, or recorded silently as a source's backlog."""
    if verdict.effect != "confirmed":
        return ""
    obs = verdict.observation
    for event, silent in history:
        if event.new == obs.value and _field_of(event) == obs.field and event.kind != "tracking":
            return "recorded silently (first read of that source)" if silent else "announced"
    return ""


@dataclass(frozen=True)
class ItemReport:
    """One stored item that named the season: what its claims did, and what it set aside."""

    source: str
    item_uid: str | None
    publisher: str
    trust: Trust
    url: str | None
    title: str | None  # known for items with notes (observations keep no title)
    published: datetime | None
    seen_at: datetime
    verdicts: tuple[Verdict, ...]
    set_aside: tuple[SetAside, ...]


def _item_key(obs: Observation) -> tuple[str, str | None, str | None, str]:
    return (obs.source, obs.item_uid, obs.url, obs.publisher)


def item_reports(
    watch: Watch, observations: Sequence[Observation], notes: Sequence[ItemNotes]
) -> list[ItemReport]:
    """Every stored item about the season, in the order read: the claim-bearing ones with the
    replayed effect of each claim (and any cue they set aside), and the ones that claimed
    nothing, with the extractor's reasons."""
    groups: list[list[Verdict]] = []
    for verdict in replay(watch, observations):
        if groups and _item_key(groups[-1][0].observation) == _item_key(verdict.observation):
            groups[-1].append(verdict)
        else:
            groups.append([verdict])
    noted = {(n.source, n.item_uid): n for n in notes}
    used: set[tuple[str, str]] = set()
    out: list[ItemReport] = []
    for group in groups:
        first = group[0].observation
        note = None
        if first.item_uid is not None and (first.source, first.item_uid) not in used:
            note = noted.get((first.source, first.item_uid))
            if note is not None:
                used.add((note.source, note.item_uid))
        out.append(
            ItemReport(
                source=first.source,
                item_uid=first.item_uid,
                publisher=first.publisher,
                trust=first.trust,
                url=first.url,
                title=note.title if note else None,
                published=first.published,
                seen_at=first.seen_at,
                verdicts=tuple(group),
                set_aside=note.notes if note else (),
            )
        )
    for note in notes:
        if (note.source, note.item_uid) in used:
            continue
        out.append(
            ItemReport(
                source=note.source,
                item_uid=note.item_uid,
                publisher=note.publisher,
                trust=note.trust,
                url=note.url,
                title=note.title,
                published=note.published,
                seen_at=note.seen_at,
                verdicts=(),
                set_aside=note.notes,
            )
        )
    # Stable: claims keep the order they were replayed in within one poll.
    return sorted(out, key=lambda r: r.seen_at)


def reason_label(reason: str) -> str:
    return LABELS.get(reason, reason.replace("_", " "))


def item_json(report: ItemReport, history: Sequence[tuple[Event, bool]]) -> dict[str, Any]:
    """One item of `why --json`."""
    claims = []
    for verdict in report.verdicts:
        obs = verdict.observation
        sent = announced_as(verdict, history)
        claims.append(
            {
                "field": obs.field,
                "value": obs.value,
                "evidence": obs.evidence,
                "effect": verdict.effect,
                "detail": verdict.detail,
                # true: sent; false: recorded silently (a source's backlog); null: no change
                "notified": (sent == "announced") if sent else None,
            }
        )
    return {
        "source": report.source,
        "publisher": report.publisher,
        "trust": report.trust.label,
        "url": report.url,
        "title": report.title,
        "published": iso_time(report.published),
        "seen_at": iso_time(report.seen_at),
        "claims": claims,
        "set_aside": [
            {
                "field": n.field,
                "reason": n.reason,
                "label": reason_label(n.reason),
                "why": n.why,
                "phrase": n.phrase,
            }
            for n in report.set_aside
        ],
    }
