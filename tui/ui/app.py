"""RepoLensApp: wires the screens to a source, maps worker failures to notifications.

``make_app`` is the one factory used by the CLI, the tests, the snapshots and the screenshots.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen
from textual.worker import Worker, WorkerCancelled, WorkerState

from tui.analysis.report import RepoInfo
from tui.github.budget import Budget
from tui.github.errors import ApiUnavailable, GitHubError
from tui.github.urls import is_repo_name
from tui.sources.base import RepoSource, SourceStatus
from tui.sources.pending import PendingSource
from tui.textsafe import clean, one_line
from tui.ui.keymap import UserKeymap, bindings_by_id, unknown_ids, user_keymap
from tui.ui.messages import CompareRepos, GitHubUnreachable, OpenRepo
from tui.ui.prefs import Prefs
from tui.ui.screens.context import Context
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.status_bar import StatusBar

STYLES = Path(__file__).parent / "styles"

DemoFactory = Callable[[], tuple[RepoSource, Budget | None, SourceStatus]]
"""Builds the offline demo catalog's source, budget and status (for the first-run fallback)."""

Connect = Callable[[], tuple[RepoSource, SourceStatus]]
"""Builds the app's source and its status, off the event loop, once the first frame is drawn."""

FALLBACK = (
    "GitHub can't be reached and nothing is cached. Press d to browse the offline demo catalog."
)
"""The one line shown when the first answer of a session fails for want of a network."""

REPLACED_SYSTEM_COMMANDS = frozenset({"Theme", "Keys", "Screenshot", "Maximize"})
"""Textual's palette commands repolens leaves out.

"Theme" and "Keys" duplicate the palette's "Switch theme" and "Show all keys" (the latter opens
repolens's own keys screen, with the user's remapped keys). "Screenshot" silently writes an SVG
into the working directory, a developer's tool (scripts/screenshots.py makes the project's own).
"Maximize" only enlarges the focused widget, and every screen's main widget already fills it.
"Quit" stays, and so does "Minimize", the way back should anything be maximized."""

SETTLE_SECONDS = 0.3
"""How long after mounting the app starts its own work (the keymap file, the source's imports).

Textual draws a screen's footer keys one frame after the rest, once the bindings settle; that
work holds the interpreter (imports run under the GIL), so starting it at once would hold the
footer back by as long. Nothing the user sees or types waits for it: a search waits for the
source, not for this delay, and a source given to ``make_app`` is used at once."""


def _commands() -> type[Provider]:
    """The palette provider, imported when the palette first opens."""
    from tui.ui.palette import RepoLensCommands

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
        Binding("f1", "toggle_keys", "Keys", id="app.keys_f1", show=False,
                tooltip="Show every key, even while typing a search"),
        Binding("slash", "search", "Search", id="app.search", show=False,
                tooltip="Back to the search box, from any screen"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave repolens"),
        Binding("ctrl+t", "change_theme", "Theme", id="app.theme", tooltip="Switch theme",
                show=False),
        Binding("l", "toggle_languages", "Languages", id="app.languages", show=False,
                tooltip="List every language in the legends, or fold those under 1 % again"),
        Binding("d", "demo", "Demo catalog", id="app.demo",
                tooltip="Browse the offline demo catalog instead of GitHub"),
    ]  # fmt: skip
    """Keys that work on every screen; the ids are the names users remap."""

    def __init__(
        self,
        context: Context,
        *,
        open_repos: Sequence[str] = (),
        initial_query: str | None = None,
        demo: DemoFactory | None = None,
        keymap: UserKeymap | None = None,
        connect: Connect | None = None,
    ) -> None:
        """Create the app; nothing is fetched (or, with ``connect``, built) before it is mounted."""
        super().__init__()
        self.context = context
        self._connect = connect
        self._user_keymap = keymap  # None: the user's file, read once the first frame is up
        self._open_repos = tuple(open_repos)
        self._initial_query = initial_query
        self._demo = demo
        self.demo_offered = False
        self.remapped: dict[str, str] = {}
        """The user's keys by binding id, as applied (the keys screen shows them)."""
        self._unreachable: set[str] = set()  # "Cannot reach GitHub" lines shown, for the offer

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, less those repolens replaces or has no use for."""
        for command in super().get_system_commands(screen):
            if command.title not in REPLACED_SYSTEM_COMMANDS:
                yield command

    def get_default_screen(self) -> Screen[None]:
        """The search is the bottom screen; everything else is pushed over it."""
        return SearchScreen(self.context, self._initial_query)

    def on_mount(self) -> None:
        """Open the repositories asked for on the command line; apply the user's keymap."""
        remembered = self.context.prefs.theme
        if remembered and remembered in self.available_themes:
            self.theme = remembered
        self.set_timer(SETTLE_SECONDS, self._apply_keymap)
        if self._connect is not None:
            self.set_timer(SETTLE_SECONDS, self.connect_source)  # the first screen is whole
        else:
            self._say_cache_problem()  # the status is known already
            if self.can_switch_to_demo and not self.context.status.offline:
                self.call_after_refresh(self.probe_github)  # once the search screen is up
        repos = tuple(RepoInfo(full_name=name) for name in self._open_repos)
        if len(repos) == 1:
            self.post_message(OpenRepo(repos[0].full_name, repos[0]))
        elif len(repos) > 1:
            self.post_message(CompareRepos(repos))

    @work(group="connect", exit_on_error=False)
    async def connect_source(self) -> None:
        """Build the source in a thread (token discovery may run ``gh``; the client opens the disk
        cache), then hand it to whatever already waits on the stand-in, and probe GitHub."""
        assert self._connect is not None  # scheduled only with a connect
        pending = self.context.source
        try:
            source, status = await asyncio.to_thread(self._connect)
        except Exception as error:
            if isinstance(pending, PendingSource):
                pending.fail(error)  # searches waiting on it fail with it (one notification each)
            raise
        self.context.source = source  # shared by every screen: later calls go straight to it
        self.context.status = status
        for screen in self.screen_stack:
            for bar in screen.query(StatusBar):
                bar.badges.status = status
        if isinstance(pending, PendingSource):
            pending.resolve(source)
        self._say_cache_problem()
        if self.can_switch_to_demo and not status.offline:
            self.probe_github()

    def _say_cache_problem(self) -> None:
        """A damaged or unusable disk cache, said once, when the status that knows it arrives."""
        if self.context.status.cache_problem:
            self.notify(clean(self.context.status.cache_problem), severity="warning", markup=False)

    @work(group="probe", exit_on_error=False)
    async def probe_github(self) -> None:
        """At start, learn early whether GitHub (or the cache) has anything to show.

        On a machine with no network and an empty cache the first screen then offers the demo
        catalog at once, instead of an empty search box.
        """
        if await self.context.source.probe() or self.context.answered:
            return
        query = self.screen.query("#query")
        typing = bool(query) and bool(getattr(query.first(), "value", ""))
        self.offer_demo(take_focus=not typing)  # never snatch keys from someone typing

    def _apply_keymap(self) -> None:
        """Remap keys by binding id; a broken file or unknown ids get one line, defaults stay."""
        keymap = self._user_keymap or user_keymap()
        unknown = unknown_ids(keymap.keys, set(all_bindings())) if keymap.keys else []
        if keymap.keys:  # an empty keymap changes nothing: no need to redraw every footer
            self.remapped = {i: key for i, key in keymap.keys.items() if i not in unknown}
            self.set_keymap(self.remapped)
        problems = [keymap.problem] if keymap.problem else []
        if unknown:
            problems.append(f"Keymap: no binding has the id {', '.join(unknown)}; ignored.")
        for problem in problems:
            self.notify(clean(problem), severity="warning", markup=False)

    def watch_theme(self, theme: str) -> None:
        """Remember the theme for the next run (Ctrl+T or the palette)."""
        self.context.prefs.remember_theme(theme)

    async def on_unmount(self) -> None:
        """Close the source's client, if it has one."""
        await self.context.source.aclose()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place failures are mapped: GitHub errors notify, cancellation is silent."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, ApiUnavailable) and (
            self._first_run_failed(event.worker.group) or self.offer_showing
        ):
            return  # the offer already says GitHub cannot be reached: one line, not two
        if isinstance(error, GitHubError):
            self.notify(error.user_message, severity="error", markup=False)  # already clean
            if isinstance(error, ApiUnavailable):
                self._unreachable.add(error.user_message)
        elif isinstance(error, asyncio.CancelledError | WorkerCancelled):
            return
        elif error is not None:
            raise error  # a bug: let Textual exit with the traceback

    def _first_run_failed(self, group: str) -> bool:
        """Offer the demo catalog if the session's first search or detail found no network."""
        return group in {"search", "detail", "compare"} and self.offer_demo()

    def offer_demo(self, *, take_focus: bool = True) -> bool:
        """Say GitHub is out of reach and offer the demo catalog, once, if nothing was answered.

        Returns:
            Whether the offer was made (it replaces the error's own notification).
        """
        ctx = self.context
        if not self.can_switch_to_demo or ctx.answered or self.demo_offered:
            return False
        self.demo_offered = True
        self.refresh_bindings()
        if self._unreachable:  # the offer replaces the "Cannot reach GitHub" lines
            self.clear_notifications()
        screen = self.screen
        if not (isinstance(screen, SearchScreen) and screen.show_notice(FALLBACK)):
            self.notify(FALLBACK, severity="warning", timeout=30, markup=False)
        if take_focus:
            self.screen.set_focus(None)  # so that d is a key, not a letter in the search box
        return True

    @property
    def offer_showing(self) -> bool:
        """The demo catalog is on offer and nothing has been answered by GitHub since."""
        return self.demo_offered and self.can_switch_to_demo and not self.context.answered

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``d`` (demo catalog) is offered only once GitHub has proved unreachable."""
        if action == "demo":
            return self.demo_offered and self.can_switch_to_demo
        return True

    @property
    def can_switch_to_demo(self) -> bool:
        """Whether a demo catalog can replace the current source."""
        return self._demo is not None and not self.context.status.demo

    def action_demo(self) -> None:
        """Switch the running app to the offline demo catalog."""
        self.switch_to_demo()

    @work(group="demo", exclusive=True, exit_on_error=False)
    async def switch_to_demo(self) -> None:
        """Replace the source with the demo catalog and start over on its search screen."""
        if self._demo is None or not self.can_switch_to_demo:
            self.bell()
            return
        # building the demo's status parses the catalog: in a thread
        source, budget, status = await asyncio.to_thread(self._demo)
        old = self.context.source
        self.context = replace(self.context, source=source, budget=budget, status=status,
                               reports={}, marked=[], answered=False)  # fmt: skip
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        search = self.screen
        if isinstance(search, SearchScreen):  # the bottom screen always is
            await search.restart(self.context)
        self.refresh_bindings()
        await old.aclose()
        self.clear_notifications()  # the offer and the network errors are moot now
        self.notify("Browsing the offline demo catalog.", markup=False)

    def on_git_hub_unreachable(self, _: GitHubUnreachable) -> None:
        """A search fell back to the cache and catalog: the first time, offer the demo."""
        self.offer_demo()

    def on_open_repo(self, message: OpenRepo) -> None:
        """Open one repository full screen."""
        from tui.ui.screens.detail import DetailScreen  # screens load when first shown

        name = message.full_name
        if not (name[:1] == "/" or is_repo_name(name)):  # typed or pasted: one line, no crash
            self.notify(f"Not a repository: {one_line(name)[:80]!r}", severity="error",
                        markup=False)  # fmt: skip
            return
        self.push_screen(DetailScreen(self.context, message.hint or RepoInfo(message.full_name)))

    def on_compare_repos(self, message: CompareRepos) -> None:
        """Open the compare view."""
        from tui.ui.screens.compare import CompareScreen

        self.push_screen(CompareScreen(self.context, message.repos[:6]))

    @work(group="navigate", exclusive=True, exit_on_error=False)
    async def action_search(self) -> None:
        """Close every screen above the search and put the cursor in its box."""
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        search = self.screen
        if isinstance(search, SearchScreen):
            search.action_focus_search()

    def action_toggle_languages(self) -> None:
        """Expand or fold the language legends of the current screen."""
        bars = list(self.screen.query("LanguageBar"))
        expand = not any(getattr(bar, "expanded", False) for bar in bars)
        for bar in bars:
            bar.expanded = expand  # type: ignore[attr-defined]

    def action_toggle_keys(self) -> None:
        """Show every key of every screen (``?`` again, or Escape, closes the list)."""
        from tui.ui.screens.keys import KeysScreen

        if isinstance(self.screen, KeysScreen):
            self.screen.dismiss()
        else:
            self.push_screen(KeysScreen(self.remapped))

    def action_clear_cache(self) -> None:
        """Ask first, then have the source forget its cache (the demo has none)."""
        if self.context.status.demo:
            self.notify("The demo catalog has no cache.", severity="warning")
            return
        from tui.ui.screens.confirm import ConfirmScreen

        question = (
            "Clear the cache? Every answer will be fetched again, spending the rate limit, "
            "and nothing will be available offline until then."
        )
        self.push_screen(ConfirmScreen(question), self._clear_if_confirmed)

    def _clear_if_confirmed(self, yes: bool | None) -> None:
        if yes:
            self.clear_cache()

    @work(group="cache", exit_on_error=False)
    async def clear_cache(self) -> None:
        """Have the source forget its cache."""
        if self.context.status.demo:
            return
        await self.context.source.clear_cache()
        self.notify("Cache cleared.")


def all_bindings() -> dict[str, Binding]:
    """Every binding with an id, by id: the names a keymap may remap (and the README lists)."""
    from tui.ui.screens.keys import bound_classes

    return bindings_by_id(bound_classes())


def make_app(
    source: RepoSource | None,
    *,
    budget: Budget | None = None,
    status: SourceStatus | None = None,
    open_repos: Sequence[str] = (),
    initial_query: str | None = None,
    export_dir: Path | None = None,
    now: datetime | Callable[[], datetime] | None = None,
    blink: bool = True,
    demo: DemoFactory | None = None,
    keymap: UserKeymap | None = None,
    connect: Connect | None = None,
    state_path: Path | None = None,
) -> RepoLensApp:
    """Build the app for a source: the CLI, tests, snapshots and screenshots all come here.

    Args:
        source: Where repositories come from; ``None`` with ``connect``.
        budget: The client's rate-limit budget, for the meter.
        status: What the badges show; defaults to an unauthenticated online source.
        open_repos: One repository opens its detail; two to six open the compare view.
        initial_query: A search to run at once.
        export_dir: Where comparisons are exported (default: ``repolens`` in the user's
            documents folder, created on the first export).
        now: A fixed time or a clock (tests and screenshots freeze it); default: the real clock.
        blink: Blink the text cursor (snapshot tests turn it off).
        demo: Builds the demo catalog's source, offered when GitHub cannot be reached at first.
        keymap: Keys remapped by binding id; default: the user's keymap file, if any.
        connect: Builds the source (and its final status) after the first frame, in a thread;
            until then a stand-in makes searches and reports wait for it.
        state_path: Where the theme and search history are remembered between runs
            (``user_state_path()`` for the command line); None remembers nothing.

    Returns:
        The app, ready to ``run()``.
    """
    if isinstance(now, datetime):
        frozen = now
        clock: Callable[[], datetime] = lambda: frozen  # noqa: E731
    else:
        clock = now or (lambda: datetime.now(UTC))
    if source is None and connect is None:
        raise ValueError("make_app needs a source or a connect")
    context = Context(
        source=source if source is not None else PendingSource(),
        budget=budget,
        status=status or SourceStatus(),
        clock=clock,
        export_dir=export_dir,
        blink=blink,
        prefs=Prefs.load(state_path),
    )
    return RepoLensApp(context, open_repos=open_repos, initial_query=initial_query, demo=demo,
                       keymap=keymap, connect=connect)  # fmt: skip
