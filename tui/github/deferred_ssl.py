"""asyncio without ``ssl`` until a connection may need it (the command line's start-up).

asyncio's ``base_events``, ``selector_events`` and ``sslproto`` each run ``try: import ssl``
when asyncio is imported, for TLS they use only once a connection asks for it; importing ``ssl``
(OpenSSL's bindings and their enums) costs about 6 ms of CPU. A ``repolens show`` answered
from the disk cache opens no connection at all, so the command line imports asyncio while
``ssl`` cannot be imported (those modules then hold ``ssl = None``, the value asyncio itself
uses on a Python built without it), and the HTTP client gives them the real module before it
builds its first connection (``tui.github.transport``).

Only asyncio's own modules ever see the blocked import: the block lasts for the one ``import
asyncio`` statement, and whatever imports ``ssl`` afterwards gets the real module.
``tests/github/test_github_deferred_ssl.py`` holds both halves to that, including a TLS round
trip through asyncio once the module is given back.
"""

from __future__ import annotations

import sys


def import_asyncio_without_ssl() -> None:
    """Import asyncio with ``ssl`` blocked; nothing happens if either is imported already."""
    if "asyncio" in sys.modules or "ssl" in sys.modules:
        return  # nothing to save (the TUI, tests, or an embedding program got there first)
    # a None entry makes `import ssl` raise ImportError (Python's documented way to block an
    # import); asyncio catches it and sets its modules' `ssl` to None
    sys.modules["ssl"] = None  # type: ignore[assignment]
    try:
        import asyncio  # noqa: F401 - imported for its side effect: it is in sys.modules now
    finally:
        del sys.modules["ssl"]


def give_asyncio_ssl() -> None:
    """Give asyncio's modules the real ``ssl`` if ``import_asyncio_without_ssl`` held it back.

    Cheap when there is nothing to do (a scan of ``sys.modules``); call it before any connection.
    """
    held_back = [
        module
        for name, module in list(sys.modules.items())
        if name.startswith("asyncio.") and module is not None and _holds_none(module)
    ]
    if not held_back:
        return
    import ssl

    for module in held_back:
        setattr(module, "ssl", ssl)  # noqa: B010 - a module attribute mypy cannot see
    proto = sys.modules.get("asyncio.sslproto")
    # sslproto defines this tuple only when its import of ssl succeeded (CPython 3.11 to 3.13)
    if proto is not None and not hasattr(proto, "SSLAgainErrors"):
        setattr(proto, "SSLAgainErrors", (ssl.SSLWantReadError, ssl.SSLSyscallError))  # noqa: B010


def _holds_none(module: object) -> bool:
    """Whether ``module`` has an ``ssl`` attribute set to None (the blocked import)."""
    return "ssl" in vars(module) and vars(module)["ssl"] is None
