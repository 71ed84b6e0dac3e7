"""KeysFooter: Textual's footer, compact on narrow terminals, showing only keys that fit whole."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 100
"""Below this many columns one space separates a key from its name, and keys from each other:
at 80 columns the detail screen's "q Quit" fits instead of a bare "q"."""


class KeysFooter(Footer):
    """The main keys of the screen, and the palette's; a key cut by the edge is left out
    (``?`` lists them all), rather than shown as "a Acti"."""

    def on_resize(self, event: events.Resize) -> None:
        """Go compact, or back, with the terminal's width; then leave out what is cut."""
        self.compact = event.size.width < COMPACT_BELOW
        for key in self.query(FooterKey):
            key.display = True
        self.call_after_refresh(self._leave_out_cut)

    async def recompose(self) -> None:
        """New keys (the focus moved, a binding changed): leave out those cut again."""
        await super().recompose()
        self.call_after_refresh(self._leave_out_cut)

    def _leave_out_cut(self) -> None:
        keys = [k for k in self.query(FooterKey) if not k.has_class("-command-palette")]
        palette = self.query(".-command-palette")
        edge = palette.first().region.x if palette else self.region.right
        blank = 0 if self.compact else 1  # a roomy key ends in a blank cell: it may go under
        cut = False
        for key in keys:  # left to right: once one is cut, every later one is too
            cut = cut or key.region.right - blank > edge
            key.display = not cut
