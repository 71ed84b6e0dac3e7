"""DetailScreen: one repository full screen (from enter on a result or a compare column)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from tui.analysis.report import RepoInfo
from tui.textsafe import one_line
from tui.ui.screens.base import RepoLensScreen
from tui.ui.screens.context import Context
from tui.ui.widgets.keys_footer import KeysFooter
from tui.ui.widgets.readme_preview import ReadmePreview
from tui.ui.widgets.repo_detail import RepoDetail


class DetailScreen(RepoLensScreen):
    """Everything about one repository, with room for the charts."""

    TITLE_TEXT = "detail"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="detail.back", tooltip="Back to the previous screen"),
        Binding("space", "toggle_mark", "Mark", id="detail.mark", tooltip="Mark for comparison"),
        Binding("e", "toggle_evidence", "Evidence", id="detail.evidence",
                tooltip="Show/hide framework evidence"),
        Binding("o", "open_browser", "Browser", id="detail.browser", tooltip="Open on GitHub"),
        Binding("a", "load_activity", "Activity", id="detail.activity",
                tooltip="Load weekly commit activity (1-2 requests)"),
    ]  # fmt: skip
    """Detail screen keys; the ids are the names users remap."""

    def __init__(self, context: Context, info: RepoInfo) -> None:
        """Show ``info`` at once and load the rest."""
        super().__init__(context)
        self.info = info

    def compose(self) -> ComposeResult:
        """Status bar, the detail pane, footer."""
        yield self.status_bar()
        yield RepoDetail(clock=self.context.clock, id="detail")
        yield ReadmePreview(self.source, self.info.full_name, self.info.default_branch,
                            id="readme")  # fmt: skip
        yield KeysFooter()

    def on_mount(self) -> None:
        """Start loading the repository."""
        detail = self.query_one(RepoDetail)
        detail.focus()
        self.load_detail(detail, self.info)

    @property
    def current(self) -> RepoInfo | None:
        """The repository shown."""
        return self.info

    def action_back(self) -> None:
        """Return to the previous screen."""
        self.dismiss()

    def action_toggle_mark(self) -> None:
        """Mark or unmark this repository for comparison."""
        marked = self.toggle_mark_of(self.info)
        if marked is None:
            return
        state = "Marked" if marked else "Unmarked"
        self.notify(
            f"{state} {one_line(self.info.full_name)} ({len(self.context.marked)} marked)",
            markup=False,
        )

    def action_toggle_evidence(self) -> None:
        """Show or hide the frameworks' evidence."""
        self.query_one(RepoDetail).toggle_evidence()

    def action_open_browser(self) -> None:
        """Open this repository on GitHub."""
        self.open_in_browser(self.info)
