"""Start the TUI: build the client and source from the flags, then hand them to ``make_app``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from tui.cli.exits import EXIT_OK, usage_error
from tui.sources.factory import Options, build_client, build_source, find_token, source_status
from tui.sources.names import TargetError, parse_target

if TYPE_CHECKING:
    from tui.github.budget import Budget
    from tui.sources.base import RepoSource, SourceStatus


def demo_factory(options: Options) -> tuple[RepoSource, Budget | None, SourceStatus]:
    """The demo catalog's source, budget (none: it spends none) and status, as ``--demo``."""
    demo = replace(options, demo=True)
    return build_source(demo, None), None, source_status(demo, None)


def run_tui(options: Options, targets: Sequence[str]) -> int:
    """Open the app, on the given repositories if any (2 to 6 go straight to compare)."""
    repos: list[str] = []
    for target in targets:
        try:
            repos.append(parse_target(target).key)
        except TargetError as exc:
            return usage_error(str(exc))
    if len(repos) > 6:
        return usage_error("compare takes at most 6 repositories")

    from tui.ui.app import make_app  # Textual loads only now

    token = find_token(options)
    client = None if options.demo else build_client(options, token=token)
    app = make_app(
        build_source(options, client),
        budget=client.budget if client is not None else None,
        status=source_status(options, token, client),
        open_repos=repos,
        demo=None if options.demo else partial(demo_factory, options),
    )
    app.run()
    return app.return_code or EXIT_OK  # a crash (a bug's traceback) is not a success
