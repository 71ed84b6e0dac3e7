"""SHA-256 without loading OpenSSL's bindings for small inputs.

``hashlib`` loads ``_hashlib`` (OpenSSL's libcrypto) when it is imported: about 2.5 ms of a
command's start-up, spent by every ``repolens show`` since each cache read checks its body's
digest. CPython also ships its own SHA-256 (``_sha2`` from 3.12, ``_sha256`` before), which
loads instantly and gives the same digests; the standard library's ``random`` prefers it over
``hashlib`` for the same reason. OpenSSL's is about six times faster per byte, so a body over
``LEAN_MAX`` bytes (a large tree or manifest) is hashed by ``hashlib``, imported then.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol

LEAN_MAX = 256 * 1024
"""Inputs up to this many bytes go to CPython's own SHA-256 (well under a millisecond)."""


class Hash(Protocol):
    """What callers use of a hash object."""

    def update(self, data: bytes, /) -> None:
        """Feed more bytes."""

    def hexdigest(self) -> str:
        """The digest so far, in hexadecimal."""


def _lean_sha256() -> Callable[[bytes], Hash] | None:
    """CPython's built-in SHA-256 constructor, or None on an interpreter without one."""
    for name in ("_sha2", "_sha256"):
        try:
            constructor: Callable[[bytes], Hash] = importlib.import_module(name).sha256
        except (ImportError, AttributeError):
            continue
        return constructor
    return None


_LEAN = _lean_sha256()


def sha256(data: bytes = b"") -> Hash:
    """A SHA-256 hash object fed ``data`` (identical digests whichever implementation)."""
    if _LEAN is not None and len(data) <= LEAN_MAX:
        return _LEAN(data)
    import hashlib

    return hashlib.sha256(data)


def git_blob_sha(data: bytes) -> str:
    """The SHA-1 git gives a file's bytes as a blob: what a tree listing names it by.

    Only read when a tree was fetched (a network answer), so ``hashlib`` is imported then.
    """
    import hashlib

    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()
