"""`why` and `test-feed`: explain what the stored items did to a season, or what one feed says.

`why` replays a season's stored observations through the pure merge rules, one at a time in
the order they were read, and names what each did: changed the state, corroborated it, was
only reported, or was outranked. Nothing here writes anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.models import Event, Observation, SeasonState, Watch
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
