"""app_for: the one way UI tests (and snapshots) build the app: ``make_app`` with a frozen clock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.doubles.fake_source import NOW
from tui.sources.base import RepoSource
from tui.ui.app import RepoLensApp, make_app


def app_for(source: RepoSource, tmp_path: Path | None = None, **kwargs: Any) -> RepoLensApp:
    """The app over ``source`` as the CLI builds it (``make_app``), for a test.

    The clock is frozen at ``NOW`` and the cursor does not blink, unless ``kwargs`` say otherwise;
    exports go to ``tmp_path`` (nowhere writable without one).

    Args:
        source: What the app reads from (a ``FakeSource``, GitHub's source, the router).
        tmp_path: The test's directory, for exports.
        **kwargs: Any other ``make_app`` argument (``initial_query``, ``open_repos``, ``demo``...).
    """
    kwargs.setdefault("now", NOW)
    kwargs.setdefault("blink", False)
    export_dir = tmp_path if tmp_path is not None else Path("/nonexistent")
    return make_app(source, export_dir=export_dir, **kwargs)
