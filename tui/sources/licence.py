"""The licence of a checkout, from its licence files matched against SPDX licence texts.

Matching is done by ``licenseclassifier`` (a pure-Python port of Google's licensecheck, with the
SPDX licence texts bundled), never by a hand-kept list of phrases.
"""

from __future__ import annotations

import re
from pathlib import Path

LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|unlicen[cs]e)([-._][\w.-]*)?$", re.IGNORECASE)
"""Root files GitHub also reads for a licence: ``LICENSE``, ``LICENCE.md``, ``COPYING``,
``LICENSE-MIT``, ``UNLICENSE`` ..."""

MAX_BYTES = 256 * 1024
"""A licence text is a few KiB; more is not a licence file worth matching."""

OTHER = "Other"
"""A licence file whose text matches no SPDX licence (GitHub says the same)."""


def licence_files(root: Path) -> list[Path]:
    """The licence files at the top of ``root``, by name."""
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name.lower())
    except OSError:
        return []
    return [p for p in entries if LICENCE_FILE.match(p.name) and p.is_file() and not p.is_symlink()]


def identify(text: str) -> str | None:
    """The SPDX id of the licence ``text`` holds (its first licence), or None."""
    from licenseclassifier import identify_license  # its SPDX index loads on first use

    found = identify_license(text)
    return found[0].id if found else None


def licence_of(root: Path) -> str | None:
    """The checkout's licence as an SPDX id; several files (dual licensing) join with ``OR``.

    Returns:
        ``Apache-2.0``, ``MIT OR Apache-2.0``..., ``Other`` for an unrecognised licence file,
        or None when there is no licence file.
    """
    ids: list[str] = []
    for path in licence_files(root):
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError:
            continue
        if len(data) > MAX_BYTES or b"\0" in data:
            continue
        spdx = identify(data.decode("utf-8", errors="replace")) or OTHER
        if spdx not in ids:
            ids.append(spdx)
    known = [i for i in ids if i != OTHER]
    if known:
        return " OR ".join(known)
    return OTHER if ids else None
