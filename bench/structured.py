"""Timing of the structured sources' pure stages and the calendar at a large watchlist.

Run: .venv/bin/python bench/structured.py  (prints one line per stage; no assertions)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from monitor.calendar import render_calendar
from monitor.models import SeasonState, Watch
from monitor.notify.reminders import due_reminders
from monitor.sources.netflix import observations_from_netflix
from monitor.sources.tvmaze import observations_from_tvmaze

NOW = datetime(2026, 11, 2, tzinfo=UTC)


def timed(label: str, func: Callable[[], object], repeat: int = 5) -> None:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    print(f"{label}: {best * 1000:.1f} ms (best of {repeat})")


def main() -> None:
    watches = [Watch(f"Show Number {i}", 1 + i % 5) for i in range(1000)]
    items = [
        {"id": str(i), "name": f"Show Number {i}: Season {1 + i % 5}", "type": "series",
         "sortDate": (date(2027, 1, 1) + timedelta(days=i % 365)).isoformat()}
        for i in range(0, 4000, 2)
    ]  # fmt: skip
    timed(
        "netflix: 2,000 listed titles x 1,000 watches",
        lambda: observations_from_netflix({"items": items}, watches, NOW),
    )
    seasons_payload = [
        {"id": n, "number": n, "premiereDate": f"20{10 + n}-01-0{1 + n % 9}", "url": "u"}
        for n in range(1, 40)
    ]
    show = {
        "id": 1,
        "name": "Long Runner",
        "status": "Running",
        "_embedded": {"seasons": seasons_payload},
    }
    timed(
        "tvmaze: one show with 39 seasons x 39 watches",
        lambda: observations_from_tvmaze(
            show, [Watch("Long Runner", n) for n in range(1, 40)], NOW
        ),
    )
    values = ("2027-03-14", "2027-spring", "2027-05")
    states = [
        SeasonState(f"Show {i}", 1 + i % 5, release_date=values[i % 3], updated_at=NOW)
        for i in range(1000)
    ]
    timed("calendar: render 1,000 dated seasons", lambda: render_calendar(states, NOW))
    timed("reminders: 1,000 seasons", lambda: due_reminders(states, [7, 1], date(2027, 3, 10)))


if __name__ == "__main__":
    main()
