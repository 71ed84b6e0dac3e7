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


HEADINGS = {"app": "Everywhere", "screen": "Everywhere", "keys": "Dialogs", "confirm": "Dialogs"}
"""Headings for binding-id prefixes that are not a screen's name; any other prefix is one."""

ORDER = ("Everywhere", "Search", "Detail", "Compare", "Census")
"""Where each heading goes; a screen not named here follows them, dialogs come last."""


def bound_classes() -> list[type[DOMNode]]:
    """Every class of the app (app, screens, widgets) that declares keys with an id.

    Found by importing every module of ``tui.ui`` and walking the subclasses of ``DOMNode``,
    so a new screen's keys are listed (and remappable) without being named anywhere.
    """
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import tui.ui

    for module in pkgutil.walk_packages(tui.ui.__path__, "tui.ui."):
        importlib.import_module(module.name)
    found: list[type[DOMNode]] = []
    stack: list[type[DOMNode]] = [DOMNode]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        own = cls.__dict__.get("BINDINGS", ())
        if cls.__module__.startswith("tui.ui") and any(_has_id(b) for b in own):
            found.append(cls)
    return sorted(set(found), key=lambda c: (c.__module__, c.__qualname__))


def _has_id(binding: object) -> bool:
    return isinstance(binding, Binding) and bool(binding.id)


def heading(binding_id: str) -> str:
    """The heading a binding is listed under: its id's prefix (``census.run``: Census)."""
    prefix = binding_id.partition(".")[0]
    return HEADINGS.get(prefix, prefix.replace("_", " ").capitalize())


def key_groups() -> list[tuple[str, list[Binding]]]:
    """Every binding with an id, under its heading, headings in reading order."""
    groups: dict[str, list[Binding]] = {}
    seen: set[str] = set()
    for owner in bound_classes():
        for binding in owner.__dict__.get("BINDINGS", ()):
            if not _has_id(binding) or binding.id in seen:
                continue
            seen.add(binding.id)
            groups.setdefault(heading(binding.id), []).append(binding)

    def place(name: str) -> tuple[int, str]:
        if name == "Dialogs":
            return len(ORDER) + 1, name
        return (ORDER.index(name) if name in ORDER else len(ORDER)), name

    return [(name, groups[name]) for name in sorted(groups, key=place)]


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
        for where, bindings in key_groups():
            table.add_row("", Text(where, style="bold underline"), "")
            for binding in bindings:
                action = Text(binding.tooltip or binding.description)
                table.add_row(self._keys(binding, keymap), action, binding.id)
            table.add_section()
        return table

    def _keys(self, binding: Binding, keymap: dict[str, str]) -> Text:
        """The binding's keys as the footer would show them, after the user's keymap."""
        keys = keymap.get(binding.id or "", binding.key)
        shown = [self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(",")]
        return Text(" ".join(shown), style="bold")
