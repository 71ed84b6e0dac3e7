"""KeysScreen: every key of every screen, as currently mapped, on one scrollable page (``?``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.dom import DOMNode


def key_groups() -> list[tuple[str, tuple[type[DOMNode], ...]]]:
    """Where keys work, and the classes whose bindings apply there, in reading order."""
    from tui.ui.app import RepoLensApp
    from tui.ui.screens.base import RepoLensScreen
    from tui.ui.screens.compare import CompareScreen
    from tui.ui.screens.confirm import ConfirmScreen
    from tui.ui.screens.detail import DetailScreen
    from tui.ui.screens.search import SearchScreen
    from tui.ui.widgets.compare_table import CompareTable
    from tui.ui.widgets.results_table import ResultsTable

    return [
        ("Everywhere", (RepoLensApp, RepoLensScreen)),
        ("Search", (SearchScreen, ResultsTable)),
        ("Detail", (DetailScreen,)),
        ("Compare", (CompareScreen, CompareTable)),
        ("Dialogs", (KeysScreen, ConfirmScreen)),
    ]


class KeysScreen(ModalScreen[None]):
    """Every binding with an id, grouped by screen; remapped keys show as remapped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1,q", "dismiss", "Close", id="keys.close",
                tooltip="Close the list of keys"),
    ]  # fmt: skip
    """Any of the keys that opened it closes it."""

    def __init__(self, remapped: dict[str, str] | None = None) -> None:
        """List every key; ``remapped`` holds the user's keys by binding id."""
        super().__init__()
        self.remapped = dict(remapped or {})

    def compose(self) -> ComposeResult:
        """A scrollable table of keys under a title."""
        with VerticalScroll(id="keys-scroll"):
            yield Static(self.keys_table(), id="keys-table")

    def on_mount(self) -> None:
        """Up, Down, Page Up/Down scroll the list at once."""
        self.query_one("#keys-scroll", VerticalScroll).focus()

    def keys_table(self) -> Table:
        """Key, action and id of every binding with an id, under a heading per screen."""
        table = Table(title="Keys (remap them by id in keymap.toml)", expand=True, box=None,
                      show_header=True, header_style="bold", title_style="bold")  # fmt: skip
        table.add_column("key", no_wrap=True)
        table.add_column("action", ratio=1)  # the only column that wraps on a narrow screen
        table.add_column("id", no_wrap=True, style="dim")
        keymap = self.remapped
        seen: set[str] = set()
        for where, owners in key_groups():
            table.add_row("", Text(where, style="bold underline"), "")
            for owner in owners:
                for binding in owner.__dict__.get("BINDINGS", ()):
                    if not isinstance(binding, Binding) or not binding.id or binding.id in seen:
                        continue
                    seen.add(binding.id)
                    action = Text(binding.tooltip or binding.description)
                    table.add_row(self._keys(binding, keymap), action, binding.id)
            table.add_section()
        return table

    def _keys(self, binding: Binding, keymap: dict[str, str]) -> Text:
        """The binding's keys as the footer would show them, after the user's keymap."""
        keys = keymap.get(binding.id or "", binding.key)
        shown = [self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(",")]
        return Text(" ".join(shown), style="bold")
