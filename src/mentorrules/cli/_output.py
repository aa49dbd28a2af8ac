"""
Writing a command's output: UTF-8 to standard output, whatever its declared encoding.

:class:`Output` is what every command of :mod:`mentorrules.cli` writes through.
"""

from __future__ import annotations

import errno
import os
from typing import IO, TextIO


__all__ = ["Output"]


class Output:
    """
    Writes a command's output as UTF-8: bytes to the stream's binary buffer when it has one.

    The output is UTF-8 whatever the stream's declared encoding (``PYTHONIOENCODING=ascii``, a ``C`` locale):
    the JSON formats are UTF-8 by definition, and Danish text must never make a command fail.  A character
    that UTF-8 cannot hold (a lone surrogate: from a file name that is not UTF-8, or an escaped one in a
    case's text) is written as its backslash escape, which in JSON text is the same character again.
    """

    #: What ``os.sendfile`` raises where it cannot copy to this output (the copy is then done by reading).
    _NO_SENDFILE = frozenset({errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EBADF})

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._buffer: IO[bytes] | None = getattr(stream, "buffer", None)

    def raw(self, data: bytes) -> None:
        """
        Write UTF-8 bytes, all of them.

        Where the output is a file descriptor, the bytes are written to it directly, until every one is
        written: a buffered writer that a signal interrupts in the middle of a large write to a pipe can
        return having written only part of it (measured on CPython 3.11: 3.6 MB of 70 MB), and the output
        must end on a record boundary when ``check`` is stopped.
        """
        if self._buffer is None:
            self._stream.write(data.decode("utf-8", "backslashreplace"))
            return
        self._stream.flush()
        target = self._descriptor()
        if target < 0:
            self._buffer.write(data)
            return
        self._buffer.flush()
        rest = memoryview(data)
        while rest:
            rest = rest[os.write(target, rest) :]

    def text(self, text: str) -> None:
        """Write text."""
        self.raw(text.encode("utf-8", "backslashreplace"))

    def copy(self, path: str) -> None:
        """Write the bytes of a file: inside the kernel where the output is a file descriptor, else by reading."""
        with open(path, "rb") as source:
            sent = self._sendfile(source.fileno(), os.fstat(source.fileno()).st_size)
            source.seek(sent)
            rest = source.read()
        if rest:
            self.raw(rest)

    def _sendfile(self, source: int, size: int) -> int:
        """Copy up to ``size`` bytes from ``source`` with ``os.sendfile``; return how many were copied."""
        sent = 0
        sendfile = getattr(os, "sendfile", None)  # not on Windows
        target = self._descriptor()
        if target < 0 or sendfile is None:
            return 0
        self._stream.flush()
        assert self._buffer is not None
        self._buffer.flush()
        try:
            while sent < size:
                count = sendfile(target, source, sent, size - sent)
                if count == 0:  # nothing more could be sent (the file is shorter than it was): read the rest
                    break
                sent += count
        except OSError as exc:
            if exc.errno not in self._NO_SENDFILE:
                raise  # a broken pipe, a full disk: as a write would
        return sent

    def _descriptor(self) -> int:
        """Return the file descriptor under the binary buffer, or -1 if there is none (a stream in memory)."""
        try:
            return self._buffer.fileno() if self._buffer is not None else -1
        except (OSError, ValueError):  # io.UnsupportedOperation: a buffer in memory (a test's capture)
            return -1

    def flush(self) -> None:
        """Flush both layers."""
        self._stream.flush()
        if self._buffer is not None:
            self._buffer.flush()
