"""The sandbox's pipe framing, and what a worker process loads."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest

from monitor.parse.feed import parse_unguarded
from monitor.parse.sandbox import Sandbox, SandboxFailure
from monitor.parse.wire import Pipe


@pytest.fixture
def pipe() -> Iterator[tuple[Pipe, Pipe]]:
    r, w = os.pipe()
    reader, writer = Pipe(r), Pipe(w)
    yield reader, writer
    reader.close()
    writer.close()


@pytest.mark.parametrize(
    "message",
    [
        pytest.param(None, id="none"),
        pytest.param(("ok", [1, 2.5, "x"]), id="small-tuple"),
        pytest.param({"k": "é" * 10}, id="unicode"),
        # Far above a pipe's 64 KiB buffer: written in pieces while the reader drains it.
        pytest.param(b"\x00\xff" * (3 << 20), id="6-mib-bytes"),
    ],
)
def test_a_message_arrives_whole(pipe: tuple[Pipe, Pipe], message: object) -> None:
    reader, writer = pipe
    sender = threading.Thread(target=writer.send, args=(message,))
    sender.start()
    assert reader.poll(10)
    assert reader.recv() == message
    sender.join(10)
    assert not reader.poll(0)  # nothing left over


def test_poll_waits_and_the_end_of_the_pipe_is_an_eof(pipe: tuple[Pipe, Pipe]) -> None:
    reader, writer = pipe
    assert not reader.poll(0.05)
    writer.close()
    assert reader.poll(1)  # the closed end wakes a waiting parent at once
    with pytest.raises(EOFError):
        reader.recv()


def test_a_message_cut_short_is_an_eof(pipe: tuple[Pipe, Pipe]) -> None:
    reader, writer = pipe
    os.write(writer.fd, (100).to_bytes(8, "big") + b"only ten b")
    writer.close()
    with pytest.raises(EOFError):
        reader.recv()


# Evaluated in the worker (a test module cannot be imported there).
HEAVY_MODULES = (
    "sorted(m for m, mod in __import__('sys').modules.items()"
    " if mod and m.split('.')[0] in {'_ssl', '_hashlib', 'multiprocessing'})"
)


def test_a_worker_parses_without_openssl_or_multiprocessing() -> None:
    # Each worker is a whole interpreter; these would add 7 MiB to each (measured with
    # bench/cycle_bench.py) and a parse never opens a connection.
    sandbox = Sandbox(workers=1)  # one worker: the parse and the look happen in the same one
    try:
        body = b"<rss><channel><item><title>x</title><link>https://e.org/a</link></item></channel></rss>"
        parsed = sandbox.run(parse_unguarded, body, {}, timeout=60)
        assert [item.link for item in parsed.items] == ["https://e.org/a"]
        assert sandbox.run(eval, HEAVY_MODULES, timeout=60) == []
        assert sandbox.started == 1
    finally:
        sandbox.close()


def test_a_worker_that_dies_mid_call_is_a_failure_not_a_hang() -> None:
    sandbox = Sandbox()
    try:
        with pytest.raises(SandboxFailure):
            sandbox.run(os._exit, 3, timeout=60)
    finally:
        sandbox.close()
