"""``repolens scan PATH`` and ``repolens show PATH``: a checkout on disk, with no event loop.

Nothing here waits on the network, so the scan runs in this thread and the GitHub side (client,
cache, event loop) never loads: a local answer starts as fast as the interpreter allows.
"""

from __future__ import annotations

import json

from tui.cli.exits import EXIT_OK, usage_error
from tui.sources.names import local_dir
from tui.textsafe import escape_bidi_json


def run_local(path: str, as_json: bool) -> int:
    """Print the report of the checkout at ``path``; a usage error when it is no directory."""
    root = local_dir(path)
    if root is None:
        return usage_error(f"not a directory: {path[:200]!r}")
    # enry (its Go runtime) loads only with the first file whose language or generated status
    # its content checks could change: a tree with none never pays for it
    from tui.sources.local import LocalSource

    report = LocalSource(root).whole_report()
    if as_json:
        from tui.present.schema import report_json

        # control characters come out escaped by json; bidirectional ones need telling
        print(escape_bidi_json(json.dumps(report_json(report), indent=2, ensure_ascii=False)))
    else:
        from tui.cli.text import report_text

        print(report_text(report))
    return EXIT_OK
