"""memory.trim hands a fetch thread's freed heap back to the system."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

# In a fresh interpreter: a thread (its own malloc arena, as a fetch thread has) allocates
# 40 MiB of 2 KiB strings and keeps one in fifty, so glibc cannot shrink the heap from its
# top; then RSS before and after trim().
PROBE = """
import os, threading
from monitor import memory
def rss():
    return int(next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1])
kept = []
def work():
    blobs = [os.urandom(1) * 2048 for _ in range(20000)]
    kept.extend(blobs[::50])
t = threading.Thread(target=work); t.start(); t.join()
before = rss(); memory.trim(); print(before, rss())
"""


def test_trim_returns_a_fetch_threads_freed_heap_to_the_system() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    before, after = (int(v) for v in out.stdout.split())
    # About 40 MiB was freed but held; at least half of it must go (measured: all of it).
    assert before - after > 20 * 1024, (before, after)


SETTLE = """
import gc, weakref
from monitor import memory
class Node:
    pass
gc.disable()  # no automatic collection may clear the cycle first
cycle = Node(); cycle.me = cycle
gone = weakref.ref(cycle)
del cycle  # now unreachable garbage, held only by its own reference
kept = [Node() for _ in range(1000)]
memory.settle()
print(gone() is None, gc.get_freeze_count() >= 1000)
"""


def test_settle_collects_garbage_before_freezing_what_is_alive() -> None:
    # Frozen objects are never collected: garbage frozen with them would leak for good.
    out = subprocess.run(
        [sys.executable, "-c", SETTLE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["True", "True"]
