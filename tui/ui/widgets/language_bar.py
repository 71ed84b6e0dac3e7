"""LanguageBar: a full-width bar of GitHub-coloured segments and a legend (percent, bytes)."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from tui.analysis.report import LanguageShare
from tui.present.format import OTHER_COLOR, language_color, share_percent, size_bytes
from tui.present.legend import fold
from tui.textsafe import one_line

BLOCK = "█"


def share_color(share: LanguageShare) -> str:
    """The colour for a share: its own when the source knows it, else Linguist's."""
    return share.color or language_color(share.name)


def segment_widths(shares: tuple[LanguageShare, ...], width: int) -> list[int]:
    """Split ``width`` cells among shares by percent (largest remainders), each visible share >= 1.

    Args:
        shares: Language shares, largest first.
        width: Cells available.

    Returns:
        One width per share, summing to ``width`` (when there is any share at all).
    """
    total = sum(s.percent for s in shares) or 1.0
    exact = [s.percent / total * width for s in shares]
    widths = [int(x) for x in exact]
    order = sorted(range(len(shares)), key=lambda i: exact[i] - widths[i], reverse=True)
    for i in order[: width - sum(widths)]:
        widths[i] += 1
    # a tiny share still gets a sliver, taken from the widest segment
    for i, w in enumerate(widths):
        if w == 0 and sum(widths) >= width and max(widths) > 1:
            widths[widths.index(max(widths))] -= 1
            widths[i] = 1
    return widths


def bar_text(shares: tuple[LanguageShare, ...], width: int) -> Text:
    """The bar alone, as coloured block characters (``width`` cells)."""
    if not shares or width <= 0:
        return Text("░" * max(width, 0), style="dim", end="")
    text = Text(end="")
    for share, cells in zip(shares, segment_widths(shares, width), strict=True):
        text.append(BLOCK * cells, style=share_color(share))
    return text


def percent(share: LanguageShare) -> str:
    """``98.8%``; a share too small to show at one decimal is ``<0.1%``, as on GitHub."""
    return share_percent(share.percent, share.bytes)


def _entry(color: str, name: str, share: str, size: str | None) -> Text:
    """``● Python 98.8% (62.3 KiB)``: one legend entry, never split across lines."""
    text = Text.assemble(("● ", color), (name, "bold"), f" {share}", end="")
    if size is not None:
        text.append(f" ({size})", style="dim")
    return text


def legend_text(
    shares: tuple[LanguageShare, ...],
    *,
    with_bytes: bool = True,
    expanded: bool = True,
    width: int | None = None,
) -> Text:
    """``● Python 98.8% (62.3 KiB)  ● Shell 1.2% (780 B)`` with each dot in its colour.

    Unless ``expanded``, shares under 1 % fold into one "Other" entry saying how many it holds.
    Given a ``width``, lines break between entries, never inside one.
    """
    folded = fold(shares, expanded=expanded)
    entries = [
        _entry(share_color(s), one_line(s.name), percent(s),
               size_bytes(s.bytes) if with_bytes else None)
        for s in folded.named
    ]  # fmt: skip
    if folded.other:
        share = share_percent(folded.other_percent, folded.other_bytes)
        hint = f"{len(folded.other)} languages · press l"  # a bare "l" read as a typo
        entries.append(_entry(OTHER_COLOR, "Other", share, hint))
    text = Text(end="")
    line = 0
    for i, entry in enumerate(entries):
        if i and width is not None and line + 2 + entry.cell_len > width:
            text.append("\n")
            line = 0
        elif i:
            text.append("  ")
            line += 2
        text.append_text(entry)
        line += entry.cell_len
    return text


class LanguageBar(Widget):
    """The language bar of one repository; a dim placeholder while languages are unknown."""

    DEFAULT_CSS = "LanguageBar { height: auto; }"

    shares: reactive[tuple[LanguageShare, ...] | None] = reactive(None, layout=True)
    """Shares largest first; ``None`` while still loading, ``()`` when GitHub found none."""

    expanded: reactive[bool] = reactive(False, layout=True)
    """Every language in the legend, instead of those under 1 % folded into "Other"."""

    failed: reactive[bool] = reactive(False)
    """Loading stopped with an error (shown as a notification); the placeholder says so."""

    def watch_failed(self, failed: bool) -> None:
        """Toggle the failed look."""
        self.set_class(failed and self.shares is None, "-failed")

    def watch_shares(self, shares: tuple[LanguageShare, ...] | None) -> None:
        """Toggle the loading and empty looks."""
        self.set_class(shares is None, "-loading")
        self.set_class(shares == (), "-empty")

    def on_mount(self) -> None:
        """Start in the loading look."""
        self.watch_shares(self.shares)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The lines at ``width``, the width layout offers (not the last one rendered at).

        Measuring at the previous width left a blank line under a legend that had wrapped
        before the pane reached its full width.
        """
        return len(self._content(width).split())

    def render(self) -> Text:
        """The bar on the first line, the legend wrapped below it."""
        return self._content(self.content_size.width or 40)

    def _content(self, width: int) -> Text:
        if self.shares is None:
            note = "languages unavailable" if self.failed else "languages loading…"
            return Text.assemble(bar_text((), width), "\n", (note, "dim"))
        if not self.shares:
            return Text.assemble(
                Text(BLOCK * width, style=OTHER_COLOR), "\n", ("no languages detected", "dim")
            )
        legend = legend_text(self.shares, expanded=self.expanded, width=width)
        return Text.assemble(bar_text(self.shares, width), "\n", legend)
