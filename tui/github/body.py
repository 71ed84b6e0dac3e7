"""Reading a response body within a size cap, decompressing it ourselves so a bomb stays small.

httpx would inflate a whole gzip chunk at once (a 64 KB chunk of a bomb is 64 MB); here every
chunk is inflated with ``max_length``, so at most the cap (plus one byte) is ever held.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: httpx loads with the first request (tui.github.transport)
    import httpx

from tui.github.errors import BadResponse, TooLarge

#: The encodings ``read_capped`` can undo; the client asks for these and no others.
ACCEPT_ENCODING = "gzip, deflate"


@dataclass(frozen=True, slots=True)
class Received:
    """A response read to its end: status, headers, and the decoded body."""

    status_code: int
    headers: httpx.Headers
    content: bytes


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def too_large(what: str, cap: int) -> TooLarge:
    """The error for an answer past its cap."""
    return TooLarge(f"GitHub's answer for {what} is larger than {_size(cap)}; it was not kept.")


def _decoder(encoding: str) -> zlib._Decompress | None:
    """A decompressor for ``Content-Encoding``, or None for an uncompressed body."""
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return None
    if name in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return zlib.decompressobj()
    raise BadResponse(f"GitHub's answer came in an encoding repolens cannot read ({name[:40]}).")


def _declared(headers: httpx.Headers) -> int | None:
    value = headers.get("content-length", "")
    return int(value) if value.isdigit() and len(value) < 20 else None


async def read_capped(response: httpx.Response, cap: int, what: str) -> bytes:
    """The decoded body of ``response``, or ``TooLarge`` as soon as it passes ``cap`` bytes.

    Raises:
        TooLarge: The body (after decompression) is larger than ``cap``.
        BadResponse: An unknown encoding, or compressed data that does not inflate.
    """
    if response.is_stream_consumed:  # an in-process transport (the catalog) gave it whole
        if len(response.content) > cap:
            raise too_large(what, cap)
        return response.content
    decoder = _decoder(response.headers.get("content-encoding", ""))
    declared = _declared(response.headers)
    if decoder is None and declared is not None and declared > cap:
        raise too_large(what, cap)  # said up front: do not download it to find out
    out = bytearray()
    try:
        async for chunk in response.aiter_raw():
            if decoder is None:
                out += chunk
            else:
                # max_length: a bomb inflates no further than one byte past the cap
                out += decoder.decompress(chunk, cap + 1 - len(out))
            if len(out) > cap:
                raise too_large(what, cap)
        if decoder is not None:
            out += decoder.flush(cap + 1 - len(out))
    except zlib.error as exc:
        raise BadResponse(f"GitHub's answer for {what} is damaged (bad compression).") from exc
    if len(out) > cap:
        raise too_large(what, cap)
    return bytes(out)
