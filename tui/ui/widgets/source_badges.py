"""SourceBadges: offline, stale, unauthenticated and demo badges, each shown when it applies."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Label

from tui.github.auth import token_variables
from tui.sources.base import SourceStatus
from tui.textsafe import one_line


class SourceBadges(HorizontalGroup):
    """A row of small labels saying where the data on screen comes from."""

    class Changed(Message):
        """The badges shown changed: the status bar fits its parts again."""

    status: reactive[SourceStatus] = reactive(SourceStatus, always_update=True)
    """What the source reports about itself (token, offline, demo)."""

    stale: reactive[bool] = reactive(False)
    """Something on screen is a stale cached answer."""

    offline_results: reactive[bool] = reactive(False)
    """The results on screen came from the cache and catalog: GitHub could not be reached."""

    compact: reactive[bool] = reactive(False)
    """Short wording for a narrow bar ("no token — set GH_TOKEN")."""

    def compose(self) -> ComposeResult:
        """One label per badge; watchers decide which are displayed."""
        yield Label("offline", id="badge-offline", classes="badge -offline")
        yield Label("stale", id="badge-stale", classes="badge -stale")
        yield Label("", id="badge-unauth", classes="badge -unauth")
        yield Label("", id="badge-demo", classes="badge -demo")

    _ready = False

    def on_mount(self) -> None:
        """Show the badges for the initial state."""
        self._ready = True
        self._update()

    def watch_status(self) -> None:
        """Follow the source status."""
        self._update()

    def watch_stale(self) -> None:
        """Follow staleness of what is shown."""
        self._update()

    def watch_compact(self) -> None:
        """Follow the bar's width."""
        self._update()

    def watch_offline_results(self) -> None:
        """Follow where the results on screen came from."""
        self._update()

    def _update(self) -> None:
        if not self._ready:
            return
        status = self.status
        offline = status.offline or (self.offline_results and not status.demo)
        self.query_one("#badge-offline", Label).display = offline
        self.query_one("#badge-stale", Label).display = self.stale
        unauth = self.query_one("#badge-unauth", Label)
        unauth.display = not status.authenticated and not status.demo
        unauth.update(Content(self._unauth_text(self.compact)))
        demo = self.query_one("#badge-demo", Label)
        demo.display = status.demo
        demo.update(Content(f"demo data · {one_line(status.demo_date) or 'bundled'}"))
        self.set_class(self.stale or offline, "-degraded")
        self.post_message(self.Changed())

    def width_needed(self, *, compact: bool) -> int:
        """Columns the shown badges take in their long (or short) wording."""
        status = self.status
        shown = [self.query_one(f"#badge-{n}", Label) for n in ("offline", "stale", "demo")]
        width = sum(len(str(b.content)) + 3 for b in shown if b.display)  # padding and margin
        if not status.authenticated and not status.demo:
            width += len(self._unauth_text(compact)) + 3
        return width

    def _unauth_text(self, compact: bool) -> str:
        variable = token_variables(self.status.host.split(":")[0])[0]  # the host's, as gh reads it
        figures = "" if compact else ": 60 req/h"
        return f"no token{figures} — set {variable}"
