"""RepoLensScreen: the base of every screen: shared context, status bar, detail loading workers."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker

from tui.analysis.report import RepoInfo, RepoReport
from tui.github.errors import GitHubError
from tui.sources.base import RepoSource
from tui.sources.names import repo_web_url
from tui.textsafe import one_line
from tui.ui.screens.context import MAX_MARKED, Context, completeness
from tui.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from tui.ui.widgets.repo_detail import RepoDetail


class RepoLensScreen(Screen[None]):
    """A screen that shows repositories from ``context.source``."""

    TITLE_TEXT = "search"
    """The screen's name in the status bar."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "copy('name')", "Copy name", id="screen.copy_name", show=False,
                tooltip="Copy the repository's name (owner/repo) to the clipboard"),
        Binding("Y", "copy('url')", "Copy URL", id="screen.copy_url", show=False,
                tooltip="Copy the repository's web address to the clipboard"),
    ]  # fmt: skip
    """Keys of every screen that shows repositories; the ids are the names users remap."""

    @property
    def current(self) -> RepoInfo | None:
        """The repository under the cursor or shown; None on a screen without one."""
        return None

    def __init__(self, context: Context) -> None:
        """Keep the shared context."""
        super().__init__()
        self.context = context

    @property
    def source(self) -> RepoSource:
        """Where repositories come from: the context's, so a switch (demo) needs no re-sync."""
        return self.context.source

    def status_bar(self) -> StatusBar:
        """A fresh status bar for this screen's ``compose``."""
        ctx = self.context
        return StatusBar(self.TITLE_TEXT, budget=ctx.budget, status=ctx.status, clock=ctx.clock)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Hand every worker outcome to the app, whose one handler maps failures."""
        event.stop()
        self.app.post_message(Worker.StateChanged(event.worker, event.state))

    def set_stale(self, stale: bool) -> None:
        """Show or hide the stale badge."""
        self.query_one(StatusBar).badges.stale = stale

    def set_offline_results(self, offline: bool) -> None:
        """Show or hide the offline badge for answers that fell back to the cache and catalog."""
        self.query_one(StatusBar).badges.offline_results = offline

    @work(exclusive=True, group="detail", exit_on_error=False)
    async def load_detail(self, detail: RepoDetail, info: RepoInfo) -> None:
        """Fill ``detail`` as each answer about ``info`` arrives; a newer load cancels this."""
        known = self.context.reports.get(info.full_name)
        detail.failed = False
        detail.activity_failed = False
        detail.activity = None
        # a search row knows the facts already; a bare name (command line, palette) does not
        detail.pending = known is None and info.html_url is None
        detail.report = known or RepoReport(info=info)
        # activity costs 1 or 2 requests: by itself only with a token, or when seen before
        automatic = self.context.status.authenticated
        detail.activity_idle = not automatic and self.context.known_activity(info.full_name) is None
        if not detail.activity_idle:
            self.load_activity(detail, info.full_name)
        if known is not None and completeness(known) == 2:
            self.set_stale(known.source.stale)
            return
        try:
            async for report in self.source.report(info.full_name, hint=info):
                self.context.remember(report)
                self.context.answered = True
                detail.pending = False
                detail.report = report
                self.set_stale(report.source.stale)
        except GitHubError:
            detail.pending = False
            detail.failed = True  # the placeholders stop promising; the app's handler explains
            raise

    @work(exclusive=True, group="activity", exit_on_error=False)
    async def load_activity(self, detail: RepoDetail, full_name: str) -> None:
        """Weekly commits for the chart; a failure only marks the chart unavailable."""
        activity = self.context.known_activity(full_name)
        try:
            if activity is None:
                activity = await self.source.activity(full_name)
                self.context.activity[full_name] = (activity, self.context.clock())
        except GitHubError:
            # activity is a nicety: its failure must not shout over the detail's own errors
            detail.activity_failed = True
            return
        current = detail.report
        if current is not None and current.info.full_name == full_name:
            detail.activity = activity

    def action_load_activity(self) -> None:
        """Load the commit activity of the repository shown (it costs 1 or 2 requests)."""
        from tui.ui.widgets.repo_detail import RepoDetail

        info = self.current
        details = self.query(RepoDetail)
        if info is None or not details:
            return
        detail = details.first()
        detail.activity_idle = False
        self.load_activity(detail, info.full_name)

    @work(exclusive=True, group="prefetch", exit_on_error=False)
    async def prefetch(self, repos: tuple[RepoInfo, ...]) -> None:
        """Warm the cache for neighbours of the cursor while the budget is healthy."""
        for info in repos:
            if not self.context.prefetch_affordable():
                return
            known = self.context.reports.get(info.full_name)
            if known is not None and completeness(known) == 2:
                continue
            try:
                async for report in self.source.report(info.full_name, hint=info):
                    self.context.remember(report)
            except GitHubError:
                return  # speculative work: the user has not asked for it, so stay quiet

    @work(thread=True, exit_on_error=False)
    def open_url(self, url: str) -> None:
        """Open ``url`` in the browser without blocking the event loop."""
        import webbrowser  # only needed when asked

        webbrowser.open(url)

    def toggle_mark_of(self, info: RepoInfo) -> bool | None:
        """Mark or unmark ``info``; a 7th mark is refused with a line saying why."""
        marked = self.context.toggle_mark(info)
        if marked is None:
            self.notify(
                f"Compare takes at most {MAX_MARKED} repositories: unmark one first.",
                severity="warning",
                markup=False,
            )
        return marked

    def web_url(self, info: RepoInfo) -> str:
        """The repository's web page: its own, else the configured host's (never a guess)."""
        return info.html_url or f"{self.context.status.web_url}/{info.full_name}"

    def action_copy(self, what: str) -> None:
        """Copy the current repository's name or URL (OSC 52: works over SSH too)."""
        info = self.current
        if info is None:
            self.app.bell()
            return
        local = info.full_name.startswith("/")  # a checkout: its path is both name and address
        text = info.full_name if what == "name" or local else self.web_url(info)
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {one_line(text)}", markup=False)  # a checkout's path is untrusted

    def open_in_browser(self, info: RepoInfo | None) -> None:
        """Open a repository's page on GitHub."""
        if info is None:
            return
        url = repo_web_url(info.html_url, info.full_name, self.context.status.host)
        if url is None:
            self.notify("This repository has no GitHub page to open.", severity="warning")
            return
        self.open_url(url)
        self.notify(f"Opening {one_line(url)}", markup=False)
