"""The command palette provider: the screens' and app's own actions, searchable by name.

It adds no logic of its own: every command calls an action that also has a key binding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.analysis.report import RepoInfo
from tui.textsafe import one_line
from tui.ui.messages import OpenRepo
from tui.ui.screens.base import RepoLensScreen
from tui.ui.screens.search import SORTS, SearchScreen

REPO_NAME = re.compile(r"^[\w.-]+/[\w.-]+$")
"""What ``owner/name`` looks like, so a typed name can be opened directly."""

Command = tuple[str, Callable[[], object], str]


class RepoLensCommands(Provider):
    """Open, mark, compare, sort, switch theme, clear the cache, open in the browser."""

    def _commands(self) -> list[Command]:
        screen = self.screen
        app = self.app
        commands: list[Command] = [
            ("Switch theme", app.action_change_theme, "Pick another colour theme"),
            ("Clear cache", partial(app.run_action, "clear_cache"), "Forget cached answers"),
            ("Show all keys", partial(app.run_action, "toggle_keys"), "List every key binding"),
        ]
        switch = getattr(app, "switch_to_demo", None)
        if switch is not None and getattr(app, "can_switch_to_demo", False):
            commands.append(("Browse the offline demo catalog", switch,
                             "Bundled real repositories, no network needed"))  # fmt: skip
        if not isinstance(screen, RepoLensScreen):
            return commands
        current = screen.current
        if current is not None:
            name = one_line(current.full_name)
            commands.append((f"Open in browser: {name}", partial(screen.run_action, "open_browser"),
                             "Open the repository's GitHub page"))  # fmt: skip
            commands.append((f"Mark / unmark: {name}", partial(screen.run_action, "toggle_mark"),
                             "Mark for comparison"))  # fmt: skip
        if isinstance(screen, SearchScreen):
            commands.append(("Compare marked repositories", screen.action_compare,
                             f"{len(screen.context.marked)} marked"))  # fmt: skip
            commands.append(("Census of this query", screen.action_census,
                             "What its repositories use (key: C)"))  # fmt: skip
            for sort in SORTS:
                label = sort or "best match"
                commands.append(
                    (f"Sort by {label}", partial(screen.set_sort, sort), "Search order")
                )
            for repo in screen.table.repos if screen.table is not None else ():
                commands.append(self._open(screen, repo.full_name, repo))
        for repo in screen.context.marked:
            commands.append(self._open(screen, repo.full_name, repo))
        return commands

    @staticmethod
    def _open(screen: RepoLensScreen, full_name: str, hint: RepoInfo | None) -> Command:
        def open_repo() -> None:
            screen.post_message(OpenRepo(full_name, hint))

        return (f"Open repository: {one_line(full_name)}", open_repo, "Show its full detail")

    async def discover(self) -> Hits:
        """The commands shown before anything is typed."""
        for text, command, help_text in self._commands()[:12]:
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``; a typed ``owner/name`` can be opened as is."""
        matcher = self.matcher(query)
        # GitHub names are case-insensitive: "Open repository: Karpathy/nanogpt" is the listed one.
        seen: set[str] = set()
        for text, command, help_text in self._commands():
            score = matcher.match(text)
            if score > 0 and text.casefold() not in seen:
                seen.add(text.casefold())
                yield Hit(score, Content(text), command, text=text, help=help_text)
        typed = query.strip()
        screen = self.screen
        if REPO_NAME.match(typed) and isinstance(screen, RepoLensScreen):
            text, command, help_text = self._open(screen, typed, None)
            if text.casefold() not in seen:  # already listed from the results or the marks
                yield Hit(1.0, Content(text), command, text=text, help=help_text)
