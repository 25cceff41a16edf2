"""Pickled messages over a pipe: the sandbox's framing between the daemon and its workers."""

from __future__ import annotations

import os
import pickle
import select
import struct
from typing import Any

# Why not multiprocessing.connection: importing it loads tempfile, shutil (bz2, lzma),
# socket and subprocess into every worker, 2.5 MiB of a 30 MiB process, for the same
# length-prefixed pickle this does in a page.
_HEADER = struct.Struct("!Q")


class Pipe:
    """One end of a pipe carrying pickled objects, each prefixed with its length."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def send(self, obj: Any) -> None:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        for part in (_HEADER.pack(len(data)), data):
            view = memoryview(part)
            while view:  # a pipe takes at most its buffer (64 KiB) per write
                view = view[os.write(self.fd, view) :]

    def poll(self, timeout: float) -> bool:
        """True when a message (or the end of the pipe) is waiting within `timeout` seconds."""
        # poll(), not select(): a daemon with many sockets open may hold fds above 1023.
        waiting = select.poll()
        waiting.register(self.fd, select.POLLIN)
        return bool(waiting.poll(max(0.0, timeout) * 1000))

    def recv(self) -> Any:
        (size,) = _HEADER.unpack(self._read(_HEADER.size))
        return pickle.loads(self._read(size))

    def _read(self, size: int) -> bytes:
        chunks: list[bytes] = []
        left = size
        while left:
            chunk = os.read(self.fd, min(left, 1 << 20))
            if not chunk:
                raise EOFError("the other end closed the pipe")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
