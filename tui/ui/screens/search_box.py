"""What the search box does beyond an Input: typed letters caught when nothing has focus, and
the search history on Up and Down. Kept apart so the search screen stays about searching."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.widgets import Input

from tui.ui.prefs import HistoryCursor


def take_typing(app: App[None], box: Input, event: events.Key) -> bool:
    """Put a printable key into ``box`` when no widget has focus; True when it was taken.

    After the demo offer lets go of the box, only the keys bound to the demo stay keys: typing
    ``flask`` must not sort by ``s``, and the ``q`` of ``sqlite`` must not quit.
    """
    if app.focused is not None or not event.is_printable or event.character is None:
        return False
    demo_keys = {key for key, active in app.active_bindings.items()
                 if active.binding.action == "demo" and active.enabled}  # fmt: skip
    if event.key in demo_keys:
        return False
    select_on_focus, box.select_on_focus = box.select_on_focus, False  # keep what is there
    box.focus()
    box.insert_text_at_cursor(event.character)
    box.call_after_refresh(setattr, box, "select_on_focus", select_on_focus)
    event.stop()
    event.prevent_default()
    return True


def recall(box: Input, cursor: HistoryCursor, history: list[str], step: int) -> bool:
    """Show the earlier (``step`` -1) or later (+1) search in ``box``; False past either end.

    What the box held when browsing began is skipped: after a search, the newest entry is that
    very search, and the first Up must bring the one before it.
    """
    start = " ".join((cursor.draft if cursor.browsing else box.value).split())
    history = [entry for entry in history if entry != start]
    entry = cursor.back(history, box.value) if step < 0 else cursor.forward(history)
    if entry is None:
        return False
    with box.prevent(Input.Changed):  # recalling is not typing: no search until enter
        box.value = entry
    box.cursor_position = len(entry)
    return True
