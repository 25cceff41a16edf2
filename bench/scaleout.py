"""Several daemons on one PostgreSQL database: 1, 2 and 3 `run` processes on the same farm.

    eval "$(bash .ci/pg start)"
    .venv/bin/python bench/scaleout.py                     # 200 feeds, 1,000 watches, 2 s
    .venv/bin/python bench/scaleout.py --daemons 1 3 --seconds 60

Per daemon count: wall time per cycle (one fetch of every feed), fetches per feed per
interval (1.0 at most; below 1 means the farm fell behind), and database time per cycle
(`pg_stat_statements` total execution time over the cycles).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from tests.databases import pg_schema, pg_server_url  # noqa: E402
from tests.farm import Farm, wait_for  # noqa: E402


def db_ms(server: str) -> float:
    engine = create_engine(server)
    with engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
        value = conn.execute(
            text("SELECT coalesce(sum(total_exec_time), 0) FROM pg_stat_statements")
        ).scalar()
    engine.dispose()
    return float(value or 0)


def run(n: int, args: argparse.Namespace) -> str:
    server = pg_server_url()
    with pg_schema() as database, ExitStack() as stack:  # daemons stop before the drop
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rm-scale-")))
        farm = Farm(work, database, feeds=args.feeds, watches=args.watches).start(stack)
        farm.interval = f"{args.interval}s"
        config = farm.write_config()
        daemons = [farm.daemon(k, config, level="INFO").start() for k in range(n)]
        stack.callback(lambda: [d.stop() for d in daemons])
        wait_for(lambda: min(farm.hits()) >= 2, 300, "the baseline")
        start_hits, start_db, start = sum(farm.hits()), db_ms(server), time.monotonic()
        injected = 0
        while time.monotonic() - start < args.seconds:
            farm.inject(injected)
            injected += 1
            time.sleep(1.0)
        hits, spent = sum(farm.hits()) - start_hits, time.monotonic() - start
        busy = db_ms(server) - start_db
        cycles = hits / args.feeds
        per_interval = cycles / (spent / args.interval)
        return (
            f"{n} daemon(s): {cycles:.1f} cycles in {spent:.0f} s = {spent / cycles:.2f} s per "
            f"cycle; {per_interval:.2f} fetches per feed per {args.interval:g} s interval; "
            f"database {busy / cycles:.0f} ms per cycle ({busy / hits:.2f} ms per fetch)"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--daemons", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--watches", type=int, default=1000)
    ap.add_argument("--interval", type=float, default=2.0)
    ap.add_argument("--seconds", type=float, default=40.0, help="measured time per run")
    args = ap.parse_args()
    for n in args.daemons:
        print(run(n, args), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
