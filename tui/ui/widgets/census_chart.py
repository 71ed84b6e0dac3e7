"""The census trend: repositories per creation year, stacked by primary language (plotext)."""

from __future__ import annotations

from textual_plotext import PlotextPlot

from tui.present.census import Census
from tui.present.format import language_color
from tui.textsafe import one_line
from tui.ui.widgets.charts import rgb


class CensusTrend(PlotextPlot):
    """Stacked bars: each creation year's repositories, coloured by their primary language."""

    _drawn: object = None
    """What the chart shows now (years and languages), so the same trend is not plotted again."""

    def show(self, census: Census | None) -> None:
        """Draw the trend of ``census`` (None: nothing yet); the same trend is not drawn again."""
        drawn = (census.years, census.trend_languages) if census is not None else None
        if drawn is not None and drawn == self._drawn:
            return  # a running census redraws twice a second; plotting again costs tens of ms
        self._drawn = drawn
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        years = census.years if census is not None else ()
        # the border says what the chart is, drawn or not (plotext skips a title without data)
        # short enough to be read whole in a side pane
        self.border_title = "By creation year" + (
            "" if years else (": no dates known" if census is not None else ": waiting")
        )
        if not years:
            self.refresh()
            return
        names = [*census.trend_languages, "Other"] if census else []
        series = [[dict(y.by_language).get(n, 0) for y in years] for n in names]
        kept = [(n, s) for n, s in zip(names, series, strict=True) if any(s)]
        labels = [str(y.year) for y in years]
        # plotext takes one label and colour per series here; the bundled stub says one in all
        plt.stacked_bar(  # type: ignore[call-arg]
            labels,
            [s for _, s in kept],
            labels=[one_line(n) for n, _ in kept],
            color=[rgb(language_color(n if n != "Other" else None)) for n, _ in kept],  # type: ignore[arg-type]
            width=0.6,
        )
        self.refresh()
