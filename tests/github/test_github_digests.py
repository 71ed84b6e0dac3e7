"""``tui.github.digests.sha256`` gives hashlib's digests, whichever implementation it picks.

Cache entries written by an older repolens carry hashlib's digests, and kept outputs compare
digests across processes: a different digest would turn every cached answer into a miss.
"""

from __future__ import annotations

import hashlib

import pytest

from tui.github.digests import LEAN_MAX, sha256


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 4096, LEAN_MAX, LEAN_MAX + 1, 3 * LEAN_MAX])
def test_same_digest_as_hashlib(size: int) -> None:
    """Small inputs (CPython's own SHA-256) and large ones (OpenSSL's) alike."""
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_fed_in_pieces_as_in_one() -> None:
    """``update`` continues the digest (the code fingerprint is fed file by file)."""
    pieces = [b"tui/cli/main.py\x004096\x001\n", b"", b"\xff" * 70_000, b"x"]
    digest = sha256(pieces[0])
    for piece in pieces[1:]:
        digest.update(piece)
    assert digest.hexdigest() == hashlib.sha256(b"".join(pieces)).hexdigest()
