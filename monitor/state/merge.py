"""Merge rules: observations in, one trusted season state and the events of its real changes out.

Pure: no I/O, `now` is an argument. The rules (DESIGN.md §4):

* a value is confirmed by one official/trade/structured observation, or by two different
  publishers of lower trust; unconfirmed values are kept as `reported`;
* a confirmed value is replaced only by a newer-published value confirmed at the same or a
  higher trust level (its *strength*: the highest trust behind it and the latest publication
  at that trust), so stale copies and late-arriving older items never undo a newer report;
* a less precise date consistent with the current one changes nothing, a more precise
  consistent one refines it; `unannounced` replaces a date only from a newer trusted
  (official/trade/structured) source;
* phases move forward freely, backward only under the replacement rule;
* a confirmed exact date that has passed makes the season `released`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time

from monitor.models import PHASES, ClaimField, Event, Evidence, Observation, SeasonState, Trust
from monitor.state.windows import UNANNOUNCED, describe, is_exact, window

CONFIRMING_TRUST = Trust.STRUCTURED  # one observation at or above this confirms a value
RELEASED = "released"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Merge:
    state: SeasonState
    events: tuple[Event, ...]


@dataclass(frozen=True, order=True)
class Strength:
    """How strongly a value is held: highest trust behind it, then latest publication there."""

    trust: Trust
    published: datetime
    # When it was read: breaks a tie in `published`, as when a story is edited in place
    # (same item, same pubDate) to move a date.
    seen: datetime = _EPOCH


def when(obs: Observation) -> datetime:
    """An observation's publication time (the time it was seen when the feed gave none)."""
    return _aware(obs.published or obs.seen_at)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _publisher_key(obs: Observation) -> str:
    return " ".join(obs.publisher.casefold().split())


def is_confirmed(support: Sequence[Observation]) -> bool:
    if any(o.trust >= CONFIRMING_TRUST for o in support):
        return True
    return len({_publisher_key(o) for o in support}) >= 2


def strength(support: Sequence[Observation]) -> Strength | None:
    if not support:
        return None
    top = max(o.trust for o in support)
    latest = max(when(o) for o in support if o.trust == top)
    seen = max(_aware(o.seen_at) for o in support if o.trust == top and when(o) == latest)
    return Strength(top, latest, seen)


def supersedes(new: Strength, current: Strength) -> bool:
    """The replacement rule: newer, and confirmed at the same or a higher trust level."""
    return new.trust >= current.trust and (new.published, new.seen) > (
        current.published,
        current.seen,
    )


def _phase_index(phase: str) -> int:
    return PHASES.index(phase) if phase in PHASES else -1


def accepts(
    field: ClaimField, current: str | None, candidate: str, cur: Strength | None, new: Strength
) -> bool:
    """Whether a confirmed candidate value replaces the current confirmed value of a field."""
    if field == "date" and candidate != UNANNOUNCED and window(candidate) is None:
        return False  # an encoding we cannot read never replaces anything
    if current is None:
        return True
    if candidate == current:
        return False
    if cur is None:  # a value with no known backing yields to any confirmed one
        return True
    if field == "date" and candidate == UNANNOUNCED:
        # Evergreen explainers repeat "no release date yet" long after one is set: only a
        # newer trusted source can take a date back, however many blogs say otherwise.
        return new.trust >= CONFIRMING_TRUST and supersedes(new, cur)
    if field == "date":
        new_window, cur_window = window(candidate), window(current)
        if new_window is not None and cur_window is not None:
            if new_window.contains(cur_window):
                return False  # less precise and consistent: nothing new
            if cur_window.contains(new_window):
                return True  # more precise and consistent: a refinement
        return supersedes(new, cur)
    if field == "phase" and _phase_index(candidate) > _phase_index(current):
        return True
    return supersedes(new, cur)


def _field_value(state: SeasonState, field: ClaimField) -> str | None:
    return {"renewal": state.renewal, "date": state.release_date, "phase": state.phase}[field]


def _support(pool: Iterable[Observation], field: ClaimField, value: str) -> list[Observation]:
    return [o for o in pool if o.field == field and o.value == value]


def _current_strength(
    pool: Sequence[Observation], state: SeasonState, field: ClaimField, value: str | None
) -> Strength | None:
    if value is None:
        return None
    found = strength(_support(pool, field, value))
    if found is not None:
        return found
    evidence = state.evidence.get(field)
    if evidence is None:
        return None
    return Strength(evidence.trust, _aware(evidence.published or _EPOCH))


def source_labels(support: Sequence[Observation]) -> tuple[str, ...]:
    """Distinct publishers with their trust, strongest first: ("Deadline (trade)", ...)."""
    best: dict[str, Observation] = {}
    for obs in support:
        key = _publisher_key(obs)
        held = best.get(key)
        if held is None or (obs.trust, -when(obs).timestamp()) > (
            held.trust,
            -when(held).timestamp(),
        ):
            best[key] = obs
    ranked = sorted(best.values(), key=lambda o: (-o.trust, when(o)))
    return tuple(f"{o.publisher} ({o.trust.label})" for o in ranked)


def evidence_for(support: Sequence[Observation]) -> Evidence | None:
    """The strongest, most recent observation behind a value, and how many others agree."""
    held = strength(support)
    if held is None:
        return None
    lead = max((o for o in support if o.trust == held.trust), key=when)
    publishers = {_publisher_key(o) for o in support}
    return Evidence(
        publisher=lead.publisher,
        trust=lead.trust,
        url=lead.url,
        published=when(lead),
        text=lead.evidence,
        more=len(publishers) - 1,
    )


def merge(
    state: SeasonState, known: Sequence[Observation], new: Sequence[Observation], now: datetime
) -> Merge:
    """Fold new observations into a season's state; events are the net change of the batch.

    `known` are the observations stored before (any order); `new` are this poll's. Other
    seasons' observations are ignored.
    """
    key = (state.show, state.season)
    pool = [o for o in known if (o.show, o.season) == key]
    fresh = sorted((o for o in new if (o.show, o.season) == key), key=when)
    current: dict[ClaimField, str | None] = {
        f: _field_value(state, f) for f in ("renewal", "date", "phase")
    }
    for obs in fresh:
        pool.append(obs)
        support = _support(pool, obs.field, obs.value)
        if not is_confirmed(support):
            continue
        held = current[obs.field]
        cur = _current_strength(pool, state, obs.field, held)
        cand = strength(support)
        assert cand is not None
        if accepts(obs.field, held, obs.value, cur, cand):
            current[obs.field] = obs.value

    derived_release = False
    date_value = current["date"]
    if (
        is_exact(date_value)
        and current["phase"] != RELEASED
        and (found := window(date_value)) is not None
        and found.start <= _aware(now).date()
    ):
        current["phase"] = RELEASED
        derived_release = True

    evidence: dict[str, Evidence] = {}
    for field, value in current.items():
        if value is None:
            continue
        found_evidence = evidence_for(_support(pool, field, value))
        if found_evidence is None:
            found_evidence = state.evidence.get(field)
        if field == "phase" and derived_release:
            found_evidence = _release_evidence(evidence.get("date"), date_value)
        if found_evidence is not None:
            evidence[field] = found_evidence

    reported = _reported(pool, current, state, evidence)
    changed = any(current[f] != _field_value(state, f) for f in current)
    new_state = replace(
        state,
        renewal=current["renewal"],
        release_date=current["date"],
        phase=current["phase"],
        updated_at=now if changed else state.updated_at,
        reported=reported,
        evidence=evidence,
    )
    events = _events(state, new_state, pool, now, derived_release)
    return Merge(new_state, events)


def _release_evidence(date_evidence: Evidence | None, date_value: str | None) -> Evidence | None:
    # Dated at the premiere, so only news published after it can move the phase back.
    if date_evidence is None or date_value is None:
        return None
    return replace(
        date_evidence,
        published=release_time(date_value),
        text=f"The confirmed premiere date, {describe(date_value)}, has come.",
    )


def _reported(
    pool: Sequence[Observation],
    current: dict[ClaimField, str | None],
    state: SeasonState,
    evidence: dict[str, Evidence],
) -> dict[str, str]:
    """Per field, the newest unconfirmed value published after the confirmed one."""
    out: dict[str, str] = {}
    for field, value in current.items():
        held = evidence.get(field)
        since = _aware(held.published) if held and held.published else None
        candidates = [
            o
            for o in pool
            if o.field == field
            and o.value != value
            and (since is None or when(o) > since)
            and not is_confirmed(_support(pool, field, o.value))
        ]
        if candidates:
            out[field] = max(candidates, key=when).value
    return out


def _date_detail(old: str | None, new: str) -> tuple[str, str] | None:
    """(kind, detail) of a date change, or None when it is no news."""
    if new == UNANNOUNCED:
        return None if old in (None, UNANNOUNCED) else ("date_changed", "pulled")
    if old in (None, UNANNOUNCED):
        return ("date_announced", "")
    old_window, new_window = window(old), window(new)
    if old_window is None or new_window is None:
        return ("date_changed", "")
    if old_window.contains(new_window):
        return ("date_changed", "refinement")
    if (new_window.start, new_window.end) > (old_window.start, old_window.end):
        return ("date_changed", "delay")
    return ("date_changed", "earlier")


def _events(
    old: SeasonState,
    new: SeasonState,
    pool: Sequence[Observation],
    now: datetime,
    derived_release: bool,
) -> tuple[Event, ...]:
    events: list[Event] = []

    def add(kind: str, field: ClaimField, before: str | None, after: str, detail: str) -> None:
        support = _support(pool, field, after)
        if field == "phase" and derived_release:
            support = _support(pool, "date", new.release_date or "")
        lead = new.evidence.get(field)
        events.append(
            Event(
                kind=kind,  # type: ignore[arg-type]  # kinds come from the literal set above
                show=new.show,
                season=new.season,
                old=before,
                new=after,
                sources=source_labels(support),
                link=lead.url if lead else None,
                detail=detail or None,
                at=now,
            )
        )

    if new.renewal is not None and new.renewal != old.renewal:
        add(new.renewal, "renewal", old.renewal, new.renewal, "")
    if new.release_date is not None and new.release_date != old.release_date:
        found = _date_detail(old.release_date, new.release_date)
        if found is not None:
            add(found[0], "date", old.release_date, new.release_date, found[1])
    if new.phase is not None and new.phase != old.phase:
        if new.phase == RELEASED:
            add("released", "phase", old.phase, new.phase, "date passed" if derived_release else "")
        else:
            backward = _phase_index(new.phase) < _phase_index(old.phase or "")
            add("phase_changed", "phase", old.phase, new.phase, "backward" if backward else "")
    return tuple(events)


def release_time(value: str) -> datetime | None:
    """Midnight UTC of an exact date (when `release_day` fires for it)."""
    found = window(value)
    if found is None or found.precision != "day":
        return None
    return datetime.combine(found.start, time(), tzinfo=UTC)
