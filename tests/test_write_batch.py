"""The writer's batches: sources stored together in one transaction (seasons and observations
read once, rows written once per table) leave the same state, history and outbox as the
same sources stored one transaction each."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from monitor import pipeline
from monitor.config import config_from_dict
from monitor.models import Trust
from monitor.pipeline import Runtime, poll_all, poll_source
from tests.test_pipeline import SHOW, T0, KeywordExtractor, ListSource, item

# Four outlets on one host (one lane: stored in this order). Two blogs (untrusted) agreeing
# on a date only count together: the second must see the first's observation even when
# both are in one batch, not yet written.
FIRST = {
    "trade": [("t1", f"Netflix has renewed {SHOW}", 1)],
    "blog": [("b1", f"{SHOW} premieres 2027-03-05", 2)],
    "fans": [("f1", f"{SHOW} premieres 2027-03-05", 3)],
    "wire": [("w1", f"Netflix has renewed {SHOW}", 4)],
}
# The next poll: news after the baseline (announced, with outbox rows).
SECOND = {
    "blog": [("b2", f"{SHOW} premieres 2027-06-11", 20)],
    "fans": [("f2", f"{SHOW} premieres 2027-06-11", 21)],
}


def _runtime(folder: Path) -> tuple[Runtime, dict[str, ListSource]]:
    blogs = ("blog", "fans")
    sources = {
        name: ListSource(name, trust=Trust.BLOG if name in blogs else Trust.TRADE) for name in FIRST
    }
    config = config_from_dict(
        {
            "monitor": {"database": f"sqlite:///{folder / 'state.db'}", "per_host": 1},
            "notify": {"urls": ["json://127.0.0.1:9/never"]},
            "watch": [{"show": SHOW, "season": 2}],
        },
        base_dir=folder,
    )
    rt = Runtime(config, sources=list(sources.values()), extractor=KeywordExtractor(config.watches))
    return rt, sources


def _feed(sources: dict[str, ListSource], news: dict[str, list[tuple[str, str, int]]]) -> None:
    for name, entries in news.items():
        sources[name].items += [item(uid, text, name, day) for uid, text, day in entries]


def _outcome(rt: Runtime) -> tuple[object, ...]:
    history = [
        (h.event.kind, h.event.old, h.event.new, h.event.detail, h.silent)
        for h in rt.repo.history()
    ]
    return tuple(rt.repo.seasons(rt.watches)), tuple(history), tuple(rt.repo.observations(SHOW, 2))


def _one_by_one(rt: Runtime, sources: dict[str, ListSource], at: object) -> None:
    for source in sources.values():
        poll_source(rt, source, at)  # type: ignore[arg-type]  # a datetime


@pytest.mark.parametrize("batch", [1, 2, 50], ids=["one-per-batch", "pairs", "all-in-one"])
def test_a_batch_stores_what_one_source_at_a_time_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(pipeline, "WRITE_BATCH", batch)
    monkeypatch.setattr(pipeline, "WRITE_LINGER", 5.0)  # batches fill up to WRITE_BATCH
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    batched, batched_sources = _runtime(tmp_path / "a")
    single, single_sources = _runtime(tmp_path / "b")
    try:
        for news, at in ((FIRST, T0), (SECOND, T0 + timedelta(hours=2))):
            _feed(batched_sources, news)
            _feed(single_sources, news)
            poll_all(batched, at)
            _one_by_one(single, single_sources, at)
        got, want = _outcome(batched), _outcome(single)
        assert got == want
        state = got[0][0]  # type: ignore[index]
        assert (state.renewal, state.release_date) == ("renewed", "2027-06-11")
        assert len(got[2]) == 6  # type: ignore[arg-type]  # one per report, none lost or doubled
    finally:
        batched.close()
        single.close()
