"""RepoLensApp: wires the screens to a source, maps worker failures to notifications.

``make_app`` is the one factory used by the CLI, the tests, the snapshots and the screenshots.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen
from textual.worker import Worker, WorkerCancelled, WorkerState

from tui.analysis.report import RepoInfo
from tui.github.budget import Budget
from tui.github.errors import GitHubError
from tui.messages import CompareRepos, OpenRepo
from tui.screens.context import Context
from tui.screens.search import SearchScreen
from tui.sources.base import RepoSource, SourceStatus
from tui.textsafe import clean

STYLES = Path(__file__).parent / "styles"


def _commands() -> type[Provider]:
    """The palette provider, imported when the palette first opens."""
    from tui.commands import RepoLensCommands

    return RepoLensCommands


class RepoLensApp(App[None]):
    """Search, browse and compare repositories from the keyboard."""

    TITLE = "repolens"
    CSS_PATH: ClassVar = [
        STYLES / f"{name}.tcss" for name in ("app", "search", "detail", "compare")
    ]
    COMMANDS: ClassVar = App.COMMANDS | {lambda: _commands()}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "toggle_keys", "Keys", id="app.keys", tooltip="Show every key"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave repolens"),
        Binding("ctrl+t", "change_theme", "Theme", id="app.theme", tooltip="Switch theme",
                show=False),
    ]  # fmt: skip
    """Keys that work on every screen; the ids are the names users remap."""

    def __init__(
        self,
        context: Context,
        *,
        open_repos: Sequence[str] = (),
        initial_query: str | None = None,
    ) -> None:
        """Create the app; nothing is fetched before it is mounted."""
        super().__init__()
        self.context = context
        self._open_repos = tuple(open_repos)
        self._initial_query = initial_query

    def get_default_screen(self) -> Screen[None]:
        """The search is the bottom screen; everything else is pushed over it."""
        return SearchScreen(self.context, self._initial_query)

    def on_mount(self) -> None:
        """Open the repositories asked for on the command line."""
        repos = tuple(RepoInfo(full_name=name) for name in self._open_repos)
        if len(repos) == 1:
            self.post_message(OpenRepo(repos[0].full_name, repos[0]))
        elif len(repos) > 1:
            self.post_message(CompareRepos(repos))

    async def on_unmount(self) -> None:
        """Close the source's client, if it has one."""
        close = getattr(self.context.source, "aclose", None)
        if close is not None and inspect.iscoroutinefunction(close):
            await close()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place failures are mapped: GitHub errors notify, cancellation is silent."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, GitHubError):
            self.notify(clean(error.user_message), severity="error", markup=False)
        elif isinstance(error, asyncio.CancelledError | WorkerCancelled):
            return
        elif error is not None:
            raise error  # a bug: let Textual exit with the traceback

    def on_open_repo(self, message: OpenRepo) -> None:
        """Open one repository full screen."""
        from tui.screens.detail import DetailScreen  # screens load when first shown

        self.push_screen(DetailScreen(self.context, message.hint or RepoInfo(message.full_name)))

    def on_compare_repos(self, message: CompareRepos) -> None:
        """Open the compare view."""
        from tui.screens.compare import CompareScreen

        self.push_screen(CompareScreen(self.context, message.repos[:6]))

    def action_toggle_keys(self) -> None:
        """Show or hide the panel listing every key of the focused screen."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    @work(group="cache", exit_on_error=False)
    async def action_clear_cache(self) -> None:
        """Ask the source to forget its cache, if it has one."""
        clear = getattr(self.context.source, "clear_cache", None)
        if clear is None:
            self.notify("This source has no cache.", severity="warning")
            return
        if inspect.iscoroutinefunction(clear):
            await clear()
        else:
            await asyncio.to_thread(clear)  # diskcache is synchronous
        self.notify("Cache cleared.")


def make_app(
    source: RepoSource,
    *,
    budget: Budget | None = None,
    status: SourceStatus | None = None,
    open_repos: Sequence[str] = (),
    initial_query: str | None = None,
    export_dir: Path | None = None,
    now: datetime | Callable[[], datetime] | None = None,
    blink: bool = True,
) -> RepoLensApp:
    """Build the app for a source: the CLI, tests, snapshots and screenshots all come here.

    Args:
        source: Where repositories come from.
        budget: The client's rate-limit budget, for the meter.
        status: What the badges show; defaults to an unauthenticated online source.
        open_repos: One repository opens its detail; two to six open the compare view.
        initial_query: A search to run at once.
        export_dir: Where comparisons are exported (default: the working directory).
        now: A fixed time or a clock (tests and screenshots freeze it); default: the real clock.
        blink: Blink the text cursor (snapshot tests turn it off).

    Returns:
        The app, ready to ``run()``.
    """
    if isinstance(now, datetime):
        frozen = now
        clock: Callable[[], datetime] = lambda: frozen  # noqa: E731
    else:
        clock = now or (lambda: datetime.now(UTC))
    context = Context(
        source=source,
        budget=budget,
        status=status or SourceStatus(),
        clock=clock,
        export_dir=export_dir or Path.cwd(),
        blink=blink,
    )
    return RepoLensApp(context, open_repos=open_repos, initial_query=initial_query)
