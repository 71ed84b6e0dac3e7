"""Plotext charts: one repository's language shares, its weekly commits, and a comparison.

Imported only when a chart is first shown, so that starting the app never pays for plotext.
"""

from __future__ import annotations

from rich.text import Text
from textual.color import Color
from textual_plotext import PlotextPlot

from tui.analysis.report import LanguageShare
from tui.present.format import display_name, language_color, plural
from tui.sources.base import Activity
from tui.textsafe import one_line

TOP = 4
"""Languages drawn by name; the rest are summed into "Other"."""

LABEL_WIDTH = 24
"""The most cells a repository's label takes beside its bar."""


def rgb(hex_color: str) -> tuple[int, int, int]:
    """``#3572A5`` as the RGB triple plotext wants."""
    color = Color.parse(hex_color)
    return (color.r, color.g, color.b)


def top_shares(shares: tuple[LanguageShare, ...], top: int = TOP) -> list[tuple[str, float, str]]:
    """``(name, percent, colour)`` for the largest ``top`` languages plus an "Other" remainder."""
    rows = [(one_line(s.name), s.percent, s.color or language_color(s.name)) for s in shares[:top]]
    rest = sum(s.percent for s in shares[top:])
    if rest > 0:
        rows.append(("Other", round(rest, 1), language_color(None)))
    return rows


class LanguageChart(PlotextPlot):
    """Horizontal bars: each language's percent of the repository, in its GitHub colour."""

    def show(self, shares: tuple[LanguageShare, ...]) -> None:
        """Draw ``shares`` (largest first)."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        rows = list(reversed(top_shares(shares)))  # plotext draws the first bar at the bottom
        # one series per language: plotext's per-bar colour lists scramble the colours
        for position, (_, pct, color) in enumerate(rows, start=1):
            plt.bar([position], [pct], color=rgb(color), orientation="horizontal", width=0.3)
        if rows:
            plt.yticks(list(range(1, len(rows) + 1)), [name for name, _, _ in rows])
        plt.title("Language share (%)")
        self.refresh()


def whole_ticks(top: int, most: int = 5) -> list[int]:
    """At most ``most`` whole-number ticks from 0 past ``top``, at a round step (1, 2, 5, 10...)."""
    step = 1
    while top / step > most - 1:
        for factor in (2, 2.5, 2):  # 1, 2, 5, 10, 20, 50 ...
            step = int(step * factor)
            if top / step <= most - 1:
                break
    return list(range(0, top + step, step))[:most] if top > 0 else [0]


class ActivityChart(PlotextPlot):
    """Weekly commits over the last year; a title says when GitHub is still computing them."""

    def show(self, activity: Activity | None, *, failed: bool = False, idle: bool = False) -> None:
        """Draw ``activity``; ``None`` means still loading, or not asked for when ``idle``."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        if failed:
            plt.title("Commit activity unavailable")
        elif activity is None and idle:  # each ask costs requests: only when the user wants it
            plt.title("Commit activity: press a to load it")
        elif activity is None:
            plt.title("Commit activity: loading…")
        elif activity.computing:
            plt.title("Commit activity: GitHub is computing it, try again shortly")
        elif not any(commits for _, commits in activity.weeks):  # GitHub sends 52 zero weeks
            plt.title("No commits in the last year")
        else:
            counts = [commits for _, commits in activity.weeks]
            plt.bar(list(range(1, len(counts) + 1)), counts, marker="hd", width=0.8)
            plt.xticks([1, len(counts)], [activity.weeks[0][0], activity.weeks[-1][0]])
            ticks = whole_ticks(max(counts))  # commits are whole: no "111.7" on the axis
            plt.yticks([float(t) for t in ticks], [str(t) for t in ticks])
            plt.title(f"Weekly commits, last year ({plural(sum(counts), 'commit')})")
        self.refresh()


def bar_labels(full_names: list[str], width: int = LABEL_WIDTH) -> list[str]:
    """One distinct label per column: the full name (a checkout's folder), cut with … to fit.

    Args:
        full_names: ``owner/name`` or a checkout's path, per column.
        width: The most cells a label may take.

    Returns:
        Labels in column order; a label equal to an earlier one gets ``(2)``, ``(3)``...
    """
    labels: list[str] = []
    for full_name in full_names:
        label = one_line(display_name(full_name)[0])
        if len(label) > width:
            label = label[: width - 1] + "…"
        base, n = label, 1
        while label in labels:  # two checkouts of one folder name, or names cut alike
            n += 1
            label = f"{base} ({n})"
        labels.append(label)
    return labels


def chart_languages(columns: list[tuple[str, tuple[LanguageShare, ...]]]) -> list[str]:
    """The languages drawn in the comparison chart, in drawing order ("Other" included)."""
    names: list[str] = []
    for _, shares in columns:
        for name, _, _ in top_shares(shares, TOP):
            if name not in names:
                names.append(name)
    return names


def chart_legend(names: list[str]) -> Text:
    """``● Python  ● Go  ● Other``: what each colour of the comparison chart is."""
    text = Text(end="")
    for i, name in enumerate(names):
        color = language_color(None if name == "Other" else name)
        text.append_text(Text.assemble("  " if i else "", ("● ", color), one_line(name)))
    return text


class CompareChart(PlotextPlot):
    """Stacked bars: the language composition of each compared repository."""

    def show(self, columns: list[tuple[str, tuple[LanguageShare, ...]]]) -> None:
        """Draw one stacked bar per ``(repo name, shares)`` column."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        names = chart_languages(columns)
        if columns and names:
            labels = bar_labels([repo for repo, _ in columns])
            series = [
                [
                    dict((n, p) for n, p, _ in top_shares(sh, TOP)).get(name, 0.0)
                    for _, sh in columns
                ]
                for name in names
            ]
            colors = [rgb(language_color(None if n == "Other" else n)) for n in names]
            # no plotext legend: it is drawn over the first bar; ``chart_legend`` goes below
            plt.stacked_bar(labels, series, color=colors, width=0.4, orientation="horizontal")  # type: ignore[arg-type]
        plt.title("Language composition (%), GitHub colours")
        self.refresh()
