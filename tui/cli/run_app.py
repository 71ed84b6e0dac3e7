"""Start the TUI: parse the targets, draw the app, and build the client and source behind it.

Only Textual and the app's own screens load before the first frame. Finding a token (which may
run ``gh``), opening the disk cache and importing the HTTP client and the analysis happen in
``connect``, which the app runs in a worker once its first frame is on the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from tui.cli.exits import EXIT_OK, usage_error
from tui.cli.targets import resolve_targets
from tui.sources.factory import Options, build_client, build_source, find_token, source_status
from tui.sources.names import web_hosts

if TYPE_CHECKING:
    from tui.github.auth import Token
    from tui.github.budget import Budget
    from tui.sources.base import RepoSource, SourceStatus


def demo_factory(options: Options) -> tuple[RepoSource, Budget | None, SourceStatus]:
    """The demo catalog's source, budget (none: it spends none) and status, as ``--demo``."""
    demo = options._replace(demo=True)
    return build_source(demo, None), None, source_status(demo, None)


def connect(
    options: Options, budget: Budget, token: Token | None
) -> tuple[RepoSource, SourceStatus]:
    """The GitHub source and the status it earns (synchronous: the app runs it in a thread).

    Args:
        options: The flags.
        budget: The budget the app's rate meter already watches; the client feeds it.
        token: A token from the environment, if one was there; else ``gh`` is asked now.
    """
    token = token or find_token(options)
    client = build_client(options, token=token, budget=budget)  # the client loads only now
    return build_source(options, client), source_status(options, token, client)


def run_tui(
    options: Options, targets: Sequence[str], started: Callable[[], None] | None = None
) -> int:
    """Open the app, on the given repositories if any (2 to 6 go straight to compare);
    ``started`` is called once the app is built, before it runs (``tui.cli.collector``)."""
    repos, problem = resolve_targets(targets, web_hosts(options.api_url))
    if problem:
        return usage_error(problem)
    if len(repos) > 6:
        return usage_error("compare takes at most 6 repositories")

    from tui.github.budget import Budget
    from tui.ui.app import make_app  # Textual loads only now
    from tui.ui.prefs import user_state_path

    if options.demo:  # the catalog is the whole point: build it first (no gh, no network)
        source, budget, status = demo_factory(options)
        app = make_app(
            source, budget=budget, status=status, open_repos=repos, state_path=user_state_path()
        )
    else:
        # a token from the environment is known at once (and a malformed one is refused here);
        # asking gh waits for a subprocess, so it happens after the first frame, in `connect`
        token = find_token(options, use_gh=False)
        budget = Budget()
        app = make_app(
            None,
            connect=partial(connect, options, budget, token),
            budget=budget,
            status=source_status(options, token),
            open_repos=repos,
            demo=partial(demo_factory, options),
            state_path=user_state_path(),
        )
    if started is not None:
        started()
    app.run()
    return app.return_code or EXIT_OK  # a crash (a bug's traceback) is not a success
