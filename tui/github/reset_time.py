"""When a rate limit resets, said one way by every screen, command and error message."""

from __future__ import annotations

import math
from datetime import datetime, timedelta


def reset_time(reset_at: datetime, now: datetime) -> str:
    """When a limit resets, as every screen and command says it: local time, then how long.

    ``17:05 (in 41 min)``; ``00:01 tomorrow (in 2 h 5 min)``; ``17:05 on 2026-12-06 (in 49 h)``;
    ``17:05 (passed)`` once the moment is behind ``now`` (the budget has refilled since).

    Args:
        reset_at: When the bucket refills (any time zone; shown in the local one).
        now: The moment the sentence is said at.
    """
    local = reset_at.astimezone()
    days = (local.date() - now.astimezone().date()).days
    when = f"{local:%H:%M}"
    if days == 1:
        when += " tomorrow"
    elif days != 0:
        when += f" on {local:%Y-%m-%d}"
    if reset_at <= now:
        return f"{when} (passed)"
    return f"{when} (in {_minutes_until(reset_at - now)})"


def _minutes_until(left: timedelta) -> str:
    # rounded up: "in 0 min" would read as "already", though the bucket is still spent
    hours, minutes = divmod(math.ceil(left.total_seconds() / 60), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"
