"""Reading a checkout's files without ever blocking: regular files only, and only so many bytes.

A checkout is untrusted. A FIFO named ``requirements.txt`` blocks ``open()`` until a writer
comes, a device (``/dev/zero`` behind a symlink) never ends: both are refused before a byte is
read, by opening without blocking and asking the open file what it is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 1 << 20
"""Bytes asked of one read: a large limit (a 64 MB notebook) is not allocated up front."""

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_regular(path: str | Path, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of ``path`` if it is a regular file, else None.

    None also for a file that cannot be opened or read: callers treat it as absent.
    """
    try:
        fd = os.open(path, _FLAGS)
    except (OSError, ValueError):
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        # plain reads (no file object: a scan reads hundreds of heads), in bounded chunks
        chunks: list[bytes] = []
        while limit > 0 and (chunk := os.read(fd, min(limit, _CHUNK))):
            chunks.append(chunk)
            limit -= len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def read_regular_text(path: str | Path, limit: int) -> str | None:
    """``read_regular`` decoded as UTF-8 (undecodable bytes replaced)."""
    data = read_regular(path, limit)
    return None if data is None else data.decode("utf-8", errors="replace")
