"""Which languages a legend names, and which fold into "Other" (display only)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.analysis.report import LanguageShare

FOLD_UNDER = 1.0
"""Shares under this percent fold into "Other" in a folded legend."""

MAX_NAMED = 8
"""A folded legend names at most this many languages, however many pass ``FOLD_UNDER``."""


@dataclass(frozen=True, slots=True)
class Folded:
    """A legend's languages: those named, and the rest summed as "Other".

    Attributes:
        named: Shares named in the legend, largest first.
        other: The folded shares, largest first (empty: nothing folded).
    """

    named: tuple[LanguageShare, ...]
    other: tuple[LanguageShare, ...]

    @property
    def other_percent(self) -> float:
        """The folded shares' percent together."""
        return sum(s.percent for s in self.other)

    @property
    def other_bytes(self) -> int:
        """The folded shares' bytes together."""
        return sum(s.bytes for s in self.other)


def fold(shares: Sequence[LanguageShare], *, expanded: bool = False) -> Folded:
    """Name the shares of 1 % and more (at most ``MAX_NAMED``); fold the rest into "Other".

    The largest share is always named. Folding a single share would save nothing, so one
    small share stays named. ``expanded`` names everything.
    """
    shares = tuple(shares)
    if expanded:
        return Folded(shares, ())
    keep = [s for i, s in enumerate(shares) if i == 0 or s.percent >= FOLD_UNDER][:MAX_NAMED]
    rest = shares[len(keep) :]
    if len(rest) <= 1:
        return Folded(shares, ())
    return Folded(tuple(keep), rest)
