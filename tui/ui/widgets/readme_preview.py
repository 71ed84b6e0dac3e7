"""ReadmePreview: the repository's README under its detail, rendered as Markdown.

The text is the repository's (untrusted): escape sequences and control characters are removed
before it is shown (the Markdown widget would pass them to the terminal); Textual's Markdown
widget parses Markdown only, never Textual markup, and its links are not followed at all.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from tui.github.errors import GitHubError
from tui.sources.base import Readme, RepoSource
from tui.textsafe import clean, one_line

MARKDOWN_SUFFIXES = (".md", ".markdown")
"""README files rendered as Markdown; any other README shows as plain text."""


class ReadmePreview(VerticalScroll):
    """A title line, then the README (or a dim line saying there is none)."""

    def __init__(self, source: RepoSource, full_name: str, ref: str | None = None,
                 *, id: str | None = None) -> None:  # fmt: skip
        """Preview ``full_name``'s README from ``source`` at ``ref`` (default branch if None)."""
        super().__init__(id=id)
        self.source = source
        self.full_name = full_name
        self.ref = ref

    def compose(self) -> ComposeResult:
        """A title that says what is loading; the body is mounted when the text arrives."""
        yield Static("README: loading…", id="readme-title", markup=False)

    def on_mount(self) -> None:
        """Fetch the README."""
        self.add_class("-loading")
        self.load()

    @work(group="readme", exclusive=True, exit_on_error=False)
    async def load(self) -> None:
        """Ask the source (raw host or disk); a source without READMEs answers None."""
        try:
            readme = await self.source.readme(self.full_name, self.ref)
        except GitHubError:
            readme = None  # a preview is a nicety: no second error line for it
        await self.show(readme)

    async def show(self, readme: Readme | None) -> None:
        """Show ``readme``, or say there is none."""
        self.remove_class("-loading")
        title = self.query_one("#readme-title", Static)
        if readme is None:
            title.update("README: none found")
            self.add_class("-empty")
            return
        path = one_line(readme.path)
        title.update(path)
        # the text is the repository's: escape sequences would reach the terminal through the
        # Markdown widget (a colour, a window title, a cleared screen), so they go first
        text = clean(readme.text)
        if not path.lower().endswith(MARKDOWN_SUFFIXES):
            await self.mount(Static(text, markup=False, id="readme-body"))
            return
        body = Markdown(open_links=False, id="readme-body")
        await self.mount(body)
        # Markdown parses in a thread and mounts its blocks later: the load ends only when the
        # README is on screen (snapshots and tests wait for workers, and were flaky before)
        await body.update(text)
