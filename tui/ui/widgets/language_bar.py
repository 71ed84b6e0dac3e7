"""LanguageBar: a full-width bar of GitHub-coloured segments and a legend (percent, bytes)."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.analysis.report import LanguageShare
from tui.present.format import OTHER_COLOR, language_color, share_percent, size_bytes
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


def legend_text(shares: tuple[LanguageShare, ...], *, with_bytes: bool = True) -> Text:
    """``● Python 98.8% (62.3 KiB)  ● Shell 1.2% (780 B)`` with each dot in its colour."""
    text = Text(end="")
    for i, share in enumerate(shares):
        if i:
            text.append("  ")
        text.append("● ", style=share_color(share))
        text.append(one_line(share.name), style="bold")
        text.append(f" {percent(share)}")
        if with_bytes:
            text.append(f" ({size_bytes(share.bytes)})", style="dim")
    return text


class LanguageBar(Widget):
    """The language bar of one repository; a dim placeholder while languages are unknown."""

    DEFAULT_CSS = "LanguageBar { height: auto; }"

    shares: reactive[tuple[LanguageShare, ...] | None] = reactive(None, layout=True)
    """Shares largest first; ``None`` while still loading, ``()`` when GitHub found none."""

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

    def render(self) -> Text:
        """The bar on the first line, the legend wrapped below it."""
        width = self.content_size.width or 40
        if self.shares is None:
            note = "languages unavailable" if self.failed else "languages loading…"
            return Text.assemble(bar_text((), width), "\n", (note, "dim"))
        if not self.shares:
            return Text.assemble(
                Text(BLOCK * width, style=OTHER_COLOR), "\n", ("no languages detected", "dim")
            )
        return Text.assemble(bar_text(self.shares, width), "\n", legend_text(self.shares))
