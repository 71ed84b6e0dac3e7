"""Start the TUI: build the client and source from the flags, then hand them to ``make_app``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from tui.cli.exits import EXIT_OK, usage_error
from tui.cli.targets import resolve_targets
from tui.sources.factory import Options, build_client, build_source, find_token, source_status
from tui.sources.router import RoutingSource

if TYPE_CHECKING:
    from tui.github.budget import Budget
    from tui.sources.base import RepoSource, SourceStatus


def demo_factory(options: Options) -> tuple[RepoSource, Budget | None, SourceStatus]:
    """The demo catalog's source, budget and status, as ``--demo`` would build them."""
    demo = replace(options, demo=True)
    client = build_client(demo)
    return (
        RoutingSource(build_source(demo, client)),
        client.budget,
        source_status(demo, client, None),
    )


def run_tui(options: Options, targets: Sequence[str]) -> int:
    """Open the app, on the given repositories if any (2 to 6 go straight to compare)."""
    repos, problem = resolve_targets(targets)
    if problem:
        return usage_error(problem)
    if len(repos) > 6:
        return usage_error("compare takes at most 6 repositories")

    from tui.ui.app import make_app  # Textual loads only now
    from tui.ui.prefs import user_state_path

    token = find_token(options)
    client = build_client(options, token=token)
    source = RoutingSource(build_source(options, client))
    app = make_app(
        source,
        budget=client.budget,
        status=source_status(options, client, token),
        open_repos=repos,
        demo=None if options.demo else partial(demo_factory, options),
        state_path=user_state_path(),
    )
    app.run()
    return app.return_code or EXIT_OK  # a crash (a bug's traceback) is not a success
