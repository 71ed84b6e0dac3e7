"""Start the TUI: parse the targets, draw the app, and build the client and source behind it.

Only Textual and the app's own screens load before the first frame. Finding a token (which may
run ``gh``), opening the disk cache and importing the HTTP client and the analysis happen in
``connect``, which the app runs in a worker once its first frame is on the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.exits import EXIT_OK, usage_error
from tui.sources.factory import Options, build_client, build_source, find_token, source_status
from tui.sources.names import looks_like_path, parse_repo_ref

if TYPE_CHECKING:
    from tui.github.auth import Token
    from tui.github.budget import Budget
    from tui.sources.base import RepoSource, SourceStatus


def demo_factory(options: Options) -> tuple[RepoSource, Budget | None, SourceStatus]:
    """The demo catalog's source, budget and status, as ``--demo`` would build them."""
    from tui.sources.router import RoutingSource

    demo = replace(options, demo=True)
    client = build_client(demo)
    return (
        RoutingSource(build_source(demo, client)),
        client.budget,
        source_status(demo, client, None),
    )


def connect(
    options: Options, budget: Budget, token: Token | None
) -> tuple[RepoSource, SourceStatus]:
    """The GitHub source and the status it earns (synchronous: the app runs it in a thread).

    Args:
        options: The flags.
        budget: The budget the app's rate meter already watches; the client feeds it.
        token: A token from the environment, if one was there; else ``gh`` is asked now.
    """
    from tui.sources.router import RoutingSource  # the client and the analysis load only now

    token = token or find_token(options)
    client = build_client(options, token=token, budget=budget)
    return RoutingSource(build_source(options, client)), source_status(options, client, token)


def _targets(targets: Sequence[str]) -> list[str] | str:
    """Repository names and absolute paths, or what is wrong with one of the targets."""
    repos: list[str] = []
    for target in targets:
        if looks_like_path(target) or (parse_repo_ref(target) is None and Path(target).is_dir()):
            repos.append(str(Path(target).expanduser().resolve()))
            continue
        full_name = parse_repo_ref(target)
        if full_name is None:
            return f"not a repository or directory: {target!r}"
        repos.append(full_name)
    if len(repos) > 6:
        return "compare takes at most 6 repositories"
    return repos


def run_tui(options: Options, targets: Sequence[str]) -> int:
    """Open the app, on the given repositories if any (2 to 6 go straight to compare)."""
    repos = _targets(targets)
    if isinstance(repos, str):
        return usage_error(repos)

    from tui.github.budget import Budget
    from tui.ui.app import make_app  # Textual loads only now

    if options.demo:  # the catalog is the whole point: build it first (no gh, no network)
        source, budget, status = demo_factory(options)
        app = make_app(source, budget=budget, status=status, open_repos=repos)
    else:
        # a token from the environment is known at once (and a malformed one is refused here);
        # asking gh waits for a subprocess, so it happens after the first frame, in `connect`
        token = find_token(options, use_gh=False)
        budget = Budget()
        app = make_app(
            None,
            connect=partial(connect, options, budget, token),
            budget=budget,
            status=source_status(options, None, token),
            open_repos=repos,
            demo=partial(demo_factory, options),
        )
    app.run()
    return app.return_code or EXIT_OK  # a crash (a bug's traceback) is not a success
