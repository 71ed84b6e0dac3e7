"""Small formatters shared by both front ends: counts, sizes, relative ages, language colours."""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.analysis.language_table import load_table
from tui.present.age import UNKNOWN, age
from tui.sources.names import local_path
from tui.textsafe import clean

__all__ = ["UNKNOWN", "age"]  # widgets format ages through here too

OTHER_COLOR = "#8b949e"
"""The grey GitHub uses for "Other" and for languages without a colour."""


def language_color(name: str | None) -> str:
    """The GitHub colour of a language, from the bundled Linguist table (the only source).

    Args:
        name: A Linguist language name or alias (``Python``, ``Jupyter Notebook``).

    Returns:
        A ``#rrggbb`` colour; grey when the language is unknown or has no colour.
    """
    return (load_table().color(name) if name else None) or OTHER_COLOR


def exact(value: int | None) -> str:
    """A count in full with thousands separators (``72,123``); a dash when unknown."""
    return UNKNOWN if value is None else f"{value:,}"


def count(value: int | None) -> str:
    """A count in GitHub's short form: ``950``, ``12.3k``, ``1.2M``; a dash when unknown."""
    if value is None:
        return UNKNOWN
    if value < 1000:
        return str(value)
    if value < 1_000_000:
        return f"{value / 1000:.1f}k".replace(".0k", "k")
    return f"{value / 1_000_000:.1f}M".replace(".0M", "M")


def share_percent(percent: float, size: int) -> str:
    """``98.8%``; a share too small to show at one decimal is ``<0.1%``, as on GitHub."""
    return "<0.1%" if size > 0 and percent < 0.05 else f"{percent:.1f}%"


def spaced_percent(percent: float, size: int) -> str:
    """``share_percent`` as the command line writes it, in 7 columns: `` 98.8 %``, `` <0.1 %``."""
    return share_percent(percent, size).replace("%", " %").rjust(7)


def size_bytes(value: int | None) -> str:
    """A byte count in binary units: ``512 B``, ``3.4 KiB``, ``1.2 MiB``."""
    if value is None:
        return UNKNOWN
    size = float(value)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"


def countdown(until: datetime, now: datetime) -> str:
    """Time left until ``until`` as ``mm:ss`` (or ``h:mm:ss``); ``0:00`` once past."""
    left = max(until - now, timedelta(0))
    minutes, seconds = divmod(int(left.total_seconds()), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 result``, ``0 results``, ``1,234 results``: a count with its noun agreeing."""
    noun = word if n == 1 else (words or f"{word}s")
    return f"{n:,} {noun}"


def display_name(full_name: str) -> tuple[str, str | None]:
    """What to call a repository on screen: ``(title, subtitle)``.

    A local checkout is keyed by its absolute path (two checkouts may share a folder name), but
    is called by its folder name, with the path as a subtitle; ``owner/name`` has no subtitle.

    Args:
        full_name: ``owner/name`` or the absolute path of a checkout.

    Returns:
        The title and, for a checkout, its path.
    """
    path = local_path(full_name)
    if path is None:
        return full_name, None
    return path.name or full_name, full_name


def shorten(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, ending in ``…`` where it was cut."""
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)].rstrip() + "…"


UNIDENTIFIED_LICENCES = frozenset({"noassertion", "other"})
"""GitHub's ``NOASSERTION`` (a licence file it could not identify) and a checkout's ``Other``."""


def licence_label(spdx_id: str | None) -> str:
    """A licence as shown: its SPDX id; ``other`` for one not identified, as GitHub's page says;
    ``none`` without a licence file. (JSON keeps GitHub's own value.)"""
    shown = clean(spdx_id, single_line=True)
    if not shown:
        return "none"
    return "other" if shown.lower() in UNIDENTIFIED_LICENCES else shown
