"""The cyclic garbage collector while a ``repolens`` process starts and ends.

Start-up makes some 300 modules' worth of objects (classes, functions, their dictionaries) that
live as long as the process. The collector, tuned for programs that make and drop objects in a
loop, runs hundreds of times during those imports, each full pass over a heap that only grows,
and once more over all of it when the interpreter shuts down: 18 to 21 ms of the 175 ms of CPU
a first warm ``repolens show`` took, for next to no garbage.

So the ``repolens`` script (and only it: ``main`` called with arguments, as tests and other
programs do, leaves their collector alone) holds the collector off while it starts
(``hold``); ``release``, once a command has imported what it needs, moves everything made so
far into the permanent generation (``gc.freeze``: never traversed again) and turns the
collector back on, so that whatever the command allocates next is collected as usual (the TUI,
``serve`` and a census run for long); ``at_exit`` does the same for what the command made, so
that shutdown does not traverse it. Cyclic garbage made before a freeze is never reclaimed;
start-up makes little, and the process ends soon after ``at_exit``.
"""

from __future__ import annotations

import gc


def hold() -> None:
    """Turn the collector off for the start-up."""
    gc.disable()


def release() -> None:
    """Freeze what start-up made and collect again from here (idempotent)."""
    gc.freeze()
    gc.enable()


def at_exit() -> None:
    """Freeze everything left, so that the interpreter's shutdown does not traverse it."""
    gc.freeze()


def nothing() -> None:
    """``release`` for a process that is not ours (``main`` called with arguments)."""
