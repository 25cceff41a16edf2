"""How long storing a source's poll takes as the state grows (SQLite file on disk).

    .venv/bin/python bench/state_apply.py [--watches 100] [--sources 50] [--cycles 20]

Each cycle every source reports 3 observations for random watches; prints the time of one
source's transaction (median and worst) over the run, and the database size.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from monitor.config import Target
from monitor.models import Observation, SourceState, Trust, Watch
from monitor.notify.render import render
from monitor.state.repository import Repository, Routing


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--watches", type=int, default=100)
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--cycles", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(7)
    watches = [Watch(f"Show {n}", 1 + n % 3) for n in range(args.watches)]
    names = [f"feed-{n}" for n in range(args.sources)]
    routing = Routing(
        (Target(url="json://127.0.0.1:9/a"), Target(url="json://127.0.0.1:9/b")), render=render
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        repo = Repository.open(f"sqlite:///{path}")
        now = datetime(2026, 1, 1, tzinfo=UTC)
        timings = []
        for cycle in range(args.cycles):
            now += timedelta(hours=2)
            for name in names:
                observations = []
                for _ in range(3):
                    watch = rng.choice(watches)
                    field = rng.choice(("renewal", "date", "phase"))
                    value = {
                        "renewal": rng.choice(("renewed", "cancelled")),
                        "date": f"2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        "phase": rng.choice(("filming", "post-production")),
                    }[field]
                    observations.append(
                        Observation(
                            show=watch.show,
                            season=watch.season,
                            field=field,  # type: ignore[arg-type]
                            value=value,
                            trust=rng.choice(list(Trust)),
                            publisher=f"pub-{rng.randint(0, 30)}",
                            source=name,
                            url=f"https://x.example/{cycle}/{name}",
                            published=now - timedelta(minutes=rng.randint(0, 600)),
                            seen_at=now,
                            evidence="...",
                            item_uid=f"{cycle}-{name}",
                        )
                    )
                start = time.perf_counter()
                with repo.transaction() as session:
                    repo.apply(
                        session,
                        source=name,
                        status="ok",
                        state=SourceState(),
                        items=[],
                        observations=observations,
                        watches=watches,
                        routing=routing,
                        all_sources=names,
                        now=now,
                    )
                timings.append(time.perf_counter() - start)
        counts = repo.delivery_counts()
        repo.close()
        size = path.stat().st_size + sum(
            p.stat().st_size for p in Path(tmp).glob("bench.db-*") if p.exists()
        )
    ms = sorted(t * 1000 for t in timings)
    print(
        f"{args.watches} watches, {args.sources} sources, {args.cycles} cycles: "
        f"{len(ms)} source transactions, median {statistics.median(ms):.1f} ms, "
        f"p95 {ms[int(len(ms) * 0.95)]:.1f} ms, worst {ms[-1]:.1f} ms; "
        f"{sum(counts.values())} outbox rows; database {size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
