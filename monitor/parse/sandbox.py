"""Run a pure function in a child process with a hard deadline and a memory ceiling.

feedparser is pure Python plus C regexes: a pathological document cannot be interrupted
inside the process that parses it. A child process can simply be killed, and its memory
is returned to the system when it goes.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from monitor.parse.wire import Pipe

# One parse must not take the daemon's memory with it; feedparser needs about 20x the
# document size, and documents are capped at 10 MiB by the fetcher.
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
# Parses at once: one per core, since each is pure CPU; more would only add children's memory
# (about 30 MiB each) while the fetch threads wait for a core anyway.
MAX_WORKERS = max(2, os.cpu_count() or 2)
# A worker is replaced after this many calls (a feed is two: parse, then extract), so what
# feedparser's caches and the allocator keep does not grow without bound in a long-running
# daemon. Measured flat at 30 MiB over 3,000 calls; each new worker costs about 0.5 s of
# CPU (start-up, imports, first regex compiles), so 200 cost 5 s per 1,000-feed poll.
RECYCLE_AFTER = 2000


class SandboxTimeout(Exception):
    """The function did not finish before the deadline; its process was killed."""


class SandboxFailure(Exception):
    """The child process died or ran out of memory."""


class SandboxUnavailable(Exception):
    """No child process can be started here (the caller may run the work in-process)."""


def _limit_memory(limit: int) -> None:
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # not on this platform: the deadline remains
        pass


# What a worker builds once and keeps for later calls (`Memo`): one value, the latest asked for.
_memo: dict[str, Any] = {}


@dataclass(frozen=True)
class Memo:
    """A value a worker builds once with `factory(*args)` and keeps under `key`; the call's
    function gets it as its first argument. The parent sends `factory` and `args` only to a
    worker that does not hold `key` yet (a matcher over 1,000 watches is built once per
    worker, not once per feed, and its watches are not sent with every call)."""

    key: str
    factory: Callable[..., Any]
    args: tuple[Any, ...] = ()


def _call(func: Callable[..., Any], args: Any, kwargs: Any, memo: tuple[str, Memo | None]) -> Any:
    key, build = memo
    if key:
        if key not in _memo:
            if build is None:  # the parent believed this worker had it: cannot happen
                raise RuntimeError(f"sandbox worker lost its memo {key!r}")
            _memo.clear()  # one at a time: an old watchlist's matcher goes
            _memo[key] = build.factory(*build.args)
        args = (_memo[key], *args)
    return func(*args, **kwargs)


def serve(requests: Pipe, replies: Pipe, memory_limit: int) -> None:
    """The child's loop: run each (func, args, kwargs, memo) received, send back the outcome."""
    _limit_memory(memory_limit)
    while True:
        try:
            func, args, kwargs, memo = requests.recv()
        except (EOFError, OSError):
            return
        try:
            outcome: tuple[str, Any] = ("ok", _call(func, args, kwargs, memo))
        except MemoryError:
            _reply(replies, ("memory", "ran out of memory"))
            return
        except BaseException as exc:  # reported to the parent, which decides
            outcome = ("raised", exc)
        if not _reply(replies, outcome):
            return


def _reply(replies: Pipe, outcome: tuple[str, Any]) -> bool:
    """Send an outcome; False when the parent is gone (then the child just ends)."""
    try:
        replies.send(outcome)
    except (BrokenPipeError, ConnectionError, OSError):
        return False
    return True


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this process quietly once its parent has died (it is re-parented then).

    A parse can run for seconds; without this a killed daemon's worker would finish it and
    only then notice, or linger if the parse hangs until its own deadline that no one keeps.
    """

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class _Worker:
    # A plain subprocess rather than multiprocessing: spawn re-imports the caller's
    # __main__ (breaking any script without a main guard) and fork is unsafe with threads.
    def __init__(self, memory_limit: int) -> None:
        import subprocess  # here: a worker, which imports this module too, starts none

        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "monitor.parse.sandbox", str(memory_limit), str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            # Its own session: a Ctrl-C in the daemon's terminal must not reach the worker
            # (it would print a traceback into the logs); it exits when its pipe closes.
            start_new_session=True,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests = Pipe(os.dup(self.process.stdin.fileno()))
        self.replies = Pipe(os.dup(self.process.stdout.fileno()))
        self.uses = 0
        self.memo = ""  # the key of the Memo this worker holds
        self.process.stdin.close()
        self.process.stdout.close()

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        self.requests.close()
        self.replies.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=5)


class Sandbox:
    """A small pool of child processes; thread-safe. Each call gets a worker to itself."""

    def __init__(
        self,
        memory_limit: int = MEMORY_LIMIT_BYTES,
        *,
        workers: int = MAX_WORKERS,
        recycle_after: int = RECYCLE_AFTER,
    ) -> None:
        self.memory_limit = memory_limit
        self.recycle_after = recycle_after
        self._workers = workers
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(workers)  # callers beyond it wait their turn
        self.started = 0  # worker processes started so far (tests and benches read it)

    def run(
        self,
        func: Callable[..., Any],
        *args: Any,
        timeout: float,
        memo: Memo | None = None,
        **kwargs: Any,
    ) -> Any:
        """func(*args, **kwargs) in a child; its exception is re-raised here.

        `func` and its arguments must be picklable (a module-level function). At most
        `workers` calls run at once; the deadline starts once this call has a worker. With a
        `memo`, func(value, *args, **kwargs), the value built once per worker.
        """
        with self._slots:
            return self._run(func, args, kwargs, timeout, memo)

    def _run(
        self, func: Callable[..., Any], args: Any, kwargs: Any, timeout: float, memo: Memo | None
    ) -> Any:
        with self._lock:
            worker = self._idle.pop() if self._idle else None
        if worker is None or not worker.alive():
            try:
                worker = _Worker(self.memory_limit)
                self.started += 1
            except OSError as exc:
                raise SandboxUnavailable(f"cannot start a worker process: {exc}") from None
        wire: tuple[str, Memo | None] = ("", None)
        if memo is not None:
            wire = (memo.key, None if worker.memo == memo.key else memo)
            worker.memo = memo.key  # if the call fails, the worker is killed anyway
        try:
            worker.requests.send((func, args, kwargs, wire))
            if not worker.replies.poll(timeout):
                worker.kill()
                raise SandboxTimeout(f"did not finish within {timeout:g} s")
            kind, value = worker.replies.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            worker.kill()
            raise SandboxFailure(f"worker process died ({exc.__class__.__name__})") from None
        if kind == "memory":
            worker.kill()
            raise SandboxFailure(value)
        if kind == "raised":
            worker.memo = ""  # the memo may be what failed: send it again next time
        worker.uses += 1
        with self._lock:
            if len(self._idle) < self._workers and worker.uses < self.recycle_after:
                self._idle.append(worker)
                worker = None
        if worker is not None:
            worker.kill()
        if kind == "raised":
            raise value
        return value

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()


_shared: Sandbox | None = None
_shared_lock = threading.Lock()


def shared_sandbox() -> Sandbox:
    """The process-wide sandbox (workers are started on first use, killed at exit)."""
    global _shared  # noqa: PLW0603 - one pool per process is the point
    with _shared_lock:
        if _shared is None:
            _shared = Sandbox()
            atexit.register(_shared.close)
        return _shared


def _main() -> None:
    # The parent decides when a worker ends (by closing the pipe or killing it); a SIGTERM
    # sent to the whole service (systemd's control group) must not cut a parse short.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # Replies go over the original stdout; anything printed by a library goes to stderr.
    # A worker never opens a connection, yet feedparser imports urllib.request, which loads
    # OpenSSL (ssl, _hashlib: 5 MiB in each worker). Both modules, and hashlib, fall back
    # to their built-in code when these are missing, as on a Python built without OpenSSL.
    for name in ("ssl", "_hashlib"):
        sys.modules[name] = None  # type: ignore[assignment]  # None: "import name" fails
    replies = Pipe(os.dup(1))
    os.dup2(2, 1)
    _exit_with_parent(int(sys.argv[2]) if len(sys.argv) > 2 else os.getppid())
    # The parent went away: nothing to report to, nothing to print.
    with contextlib.suppress(BrokenPipeError, ConnectionError, EOFError, KeyboardInterrupt):
        serve(Pipe(os.dup(0)), replies, int(sys.argv[1]))
    os._exit(0)


if __name__ == "__main__":
    _main()
