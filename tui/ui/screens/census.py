"""CensusScreen: what a search's repositories are written in and built with, by the numbers.

The plan comes first (what it costs, what the budget allows); ``r`` spends it. While it runs, a
progress bar counts, the numbers fill in, and ``x`` stops it (what was fetched stays; running it
again resumes from the cache). Each number lists the repositories behind it: Enter opens one,
Space marks it for comparison.
"""

from __future__ import annotations

import asyncio
import gc
import time
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, ProgressBar, Static

from tui.analysis.report import RepoInfo
from tui.present.census import Census, aggregate
from tui.present.format import plural
from tui.search.framework_filter import NOTE, parse_framework_filter
from tui.sources.census import CensusProgress, CensusResult, CensusRunner
from tui.sources.census_catalog import DEMO_LABEL, CatalogCensus
from tui.sources.census_plan import CensusPlan, plan_text
from tui.sources.github import GitHubSource
from tui.sources.router import Router
from tui.ui.messages import CompareRepos, OpenRepo
from tui.ui.screens.base import RepoLensScreen
from tui.ui.screens.context import Context
from tui.ui.widgets.census_chart import CensusTrend
from tui.ui.widgets.census_tables import CensusMembers, CensusNumbers
from tui.ui.widgets.keys_footer import KeysFooter

REFRESH = 1.0
"""Seconds between redraws of the numbers while a census runs (each costs the event loop
tens of milliseconds of table rendering: see ``benchmarks/census_ui.py``)."""

PROGRESS_EVERY = 0.1
"""Seconds between redraws of the progress bar and line."""

PHASES = {"search": "listing", "cache": "looking in the cache", "details": "repositories",
          "waiting": "waiting for the search limit"}  # fmt: skip


class CensusScreen(RepoLensScreen):
    """The census of one query."""

    TITLE_TEXT = "census"
    CSS_PATH = Path(__file__).parent.parent / "styles" / "census.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="census.back", tooltip="Back to the search"),
        Binding("r", "run", "Run", id="census.run", tooltip="Run the census as planned"),
        Binding("x", "stop", "Stop", id="census.stop",
                tooltip="Stop the census; what is fetched stays"),
        Binding("space", "toggle_mark", "Mark", id="census.mark", tooltip="Mark for comparison"),
        Binding("c", "compare", "Compare", id="census.compare", tooltip="Compare marked repos"),
        Binding("t", "trend", "Trend", id="census.trend",
                tooltip="Narrow screens: the trend by creation year in place of the repositories"),
    ]  # fmt: skip
    """Census screen keys; the ids are the names users remap."""

    NARROW_BELOW = 110
    """Terminal columns under which the numbers take the whole width and the trend and the
    repositories stack under them, one at a time (``t`` switches): beside the numbers (about
    66 columns with Share and Count) neither would be readable (census.tcss)."""

    def __init__(self, context: Context, query: str, *, limit: int | None = None) -> None:
        """The census of ``query`` (with any ``framework:`` terms), of ``limit`` repositories."""
        super().__init__(context)
        self.query_text = query
        self.filter = parse_framework_filter(query)
        self.limit = limit or (1000 if context.status.authenticated else 100)
        self.plan: CensusPlan | None = None
        self.census: Census | None = None
        self.runner: CensusRunner | CatalogCensus | None = None
        self.running = False
        self._drawing = False  # a redraw is being summed in a thread: the timer skips a turn
        self._final = False  # the finished run's numbers are shown: late redraws are dropped
        self._ticked = 0.0  # when the progress line was last redrawn
        self._told: tuple[str, Census | None] = ("", None)  # the summary, said again each 30 s

    def compose(self) -> ComposeResult:
        """Status bar, plan and coverage, progress, numbers beside the trend and members."""
        yield self.status_bar()
        yield Static(id="census-summary")
        yield Static(Content(NOTE if self.filter.active else ""), id="census-note")
        with Horizontal(id="census-progress-row"):
            yield ProgressBar(id="census-progress", show_eta=False)
            yield Static(id="census-phase")
        with Horizontal(id="census-body"):
            yield CensusNumbers(id="census-numbers")
            with Vertical(id="census-side"):
                yield CensusTrend(id="census-trend")
                yield CensusMembers(id="census-members")
        yield KeysFooter()

    def on_resize(self) -> None:
        """Stack the panes on narrow terminals; ``t`` only means something there."""
        self.set_class(self.size.width < self.NARROW_BELOW, "-narrow")
        self.refresh_bindings()

    def action_trend(self) -> None:
        """Narrow screens: show the trend in place of the repositories, or back."""
        self.toggle_class("-trend")

    def on_mount(self) -> None:
        """Work out the plan (free: it reads ``/rate_limit``, or counts the demo catalog)."""
        self.add_class("-idle")
        self.set_interval(30, lambda: self._summary(*self._told))
        self.query_one("#census-note").display = self.filter.active  # else a blank row
        self.query_one(CensusTrend).show(None)
        self.runner = self._runner()
        if self.runner is None:
            self._summary(
                "A census needs GitHub's search or the demo catalog; this source has neither."
            )
            return
        self._summary(f"Census of {self.query_text}: working out the plan…")
        self.make_plan()

    def _runner(self) -> CensusRunner | CatalogCensus | None:
        """GitHub's census runner; in the demo, the catalog's (demo data, nothing sent)."""
        source = self.source
        if isinstance(source, Router) and source.github is None:
            return CatalogCensus(source.catalog)
        github = source.github if isinstance(source, Router) else source
        if isinstance(github, GitHubSource):
            return CensusRunner(github, on_progress=self._progress, clock=self.context.clock)
        return None

    def _label(self) -> str:
        """``Census of QUERY``, said to be demo data when it is."""
        if self.plan is None or not self.plan.catalog:
            return f"Census of {self.query_text}"
        date = self.context.status.demo_date or "bundled"
        return f"Census of {self.query_text} ({DEMO_LABEL}, {date})"

    def _summary(self, text: str, census: Census | None = None) -> None:
        """``text``, then ``census``'s coverage, whose "resets at 17:05 (in 41 min)" ticks:
        the timer in ``on_mount`` says it again."""
        self._told = (text, census)
        if census is not None:
            text += f"\n{census.coverage.text(self.context.clock())}"
        self.query_one("#census-summary", Static).update(Content(text))

    @work(exclusive=True, group="census", exit_on_error=False)
    async def make_plan(self) -> None:
        """Ask what the budget allows, then wait for ``r``."""
        assert self.runner is not None
        if isinstance(self.runner, CatalogCensus):  # the catalog counts its matches for free
            self.plan = await self.runner.plan(self.limit, query=self.filter.query)
        else:
            self.plan = await self.runner.plan(self.limit, total=self._known_total())
        self._summary(f"{self._label()}\n{plan_text(self.plan)}\nPress r to run it.")
        self.refresh_bindings()

    def _known_total(self) -> int | None:
        """How many GitHub said the query matches, when the search under this screen asked it
        (free: nothing is sent); None when it searched something else, or offline."""
        from tui.ui.screens.search import SearchScreen  # the screen that opens this one

        for screen in self.app.screen_stack:
            results = screen.results if isinstance(screen, SearchScreen) else None
            if results is not None and not results.offline and results.query == self.filter.query:
                return results.total_count
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Run once planned and idle; stop while running."""
        if action == "run":
            return self.plan is not None and not self.running
        if action == "stop":
            return self.running
        if action == "trend":
            return self.has_class("-narrow")
        return True

    def action_run(self) -> None:
        """Spend the budget the plan shows."""
        if self.plan is not None and not self.running:
            self.running, self._final = True, False
            self.remove_class("-idle")
            self.refresh_bindings()
            self.run_census(self.plan)

    @work(exclusive=True, group="census", exit_on_error=False)
    async def run_census(self, plan: CensusPlan) -> None:
        """The census itself; the numbers are redrawn as it goes."""
        assert self.runner is not None
        timer = self.set_interval(REFRESH, self._redraw)
        gc.freeze()  # see ``_redraw``
        try:
            result = await self.runner.run_query(self.filter.query, plan)
        finally:
            timer.stop()
            gc.unfreeze()  # what the run left behind is the collector's again
            self.running = False
            self.add_class("-idle")
            self.refresh_bindings()
            self._redraw()  # after a stop too: the numbers keep what was fetched
        census = await self._aggregate(result)
        self._final = True
        self._show(result, census)
        # the one full collection the run put off, now, once its result is on screen
        self.call_after_refresh(gc.collect)

    def _progress(self, progress: CensusProgress) -> None:
        # a thousand repositories tick a thousand times: each redraw of the line lays the
        # screen out again, so it is redrawn at most ten times a second (and at each phase's end)
        now = time.monotonic()
        if now - self._ticked < PROGRESS_EVERY and progress.done < progress.total:
            return
        self._ticked = now
        bar = self.query_one("#census-progress", ProgressBar)
        bar.update(total=max(1, progress.total), progress=progress.done)
        eta = f", about {progress.eta:.0f} s left" if progress.eta else ""
        phase = PHASES.get(progress.phase, progress.phase)
        line = f"{phase} {progress.done:,}/{progress.total:,}{eta}"
        self.query_one("#census-phase", Static).update(Content(line))

    def _partial(self) -> CensusResult | None:
        if self.runner is None or self.plan is None:
            return None
        entries = list(self.runner.entries.values())  # a snapshot: the runner goes on adding
        return CensusResult(self.filter.query, entries, None, self.plan)

    def _redraw(self) -> None:
        """Redraw from what is fetched so far, unless the last redraw is still being worked out.

        Also moves what the run has gathered so far out of the cyclic collector's way
        (``gc.freeze``): a thousand reports make a full collection take over 100 ms, a stall
        of keys and redraws, and the run repeats one every few seconds. ``run_census``
        unfreezes them when the run ends.
        """
        if self.running:
            gc.freeze()
        result = self._partial()
        if result is not None and result.entries and not self._drawing:
            self._drawing = True
            self.redraw(result, running=self.running)

    @work(group="census-draw", exit_on_error=False)
    async def redraw(self, result: CensusResult, *, running: bool) -> None:
        """Sum what is fetched off the event loop, then show it."""
        try:
            census = await self._aggregate(result)
        finally:
            self._drawing = False
        if not self._final:  # a redraw summed while the run ended must not hide its result
            self._show(result, census, running=running)

    async def _aggregate(self, result: CensusResult) -> Census:
        """The census's numbers, summed in a thread: over 1,000 verdicts, keys stay answered."""
        return await asyncio.to_thread(aggregate, result, self.filter, query=self.query_text)

    def _show(self, result: CensusResult, census: Census, *, running: bool = False) -> None:
        self.census = census
        state = "running" if running else "stopped; r resumes from the cache"
        if result.matched is not None or not result.entries:
            state = "done"
        if state == "done" and self.plan is not None and self.plan.sliced:
            state = f"done, sliced by creation date into {plural(len(result.ranges), 'range')}"
        self._summary(
            f"{self._label()}: {plural(census.coverage.counted, 'repository', 'repositories')}"
            f" ({state})",
            census,
        )
        self.query_one(CensusNumbers).show(census)
        self.query_one(CensusTrend).show(census)

    def on_census_numbers_number_highlighted(
        self, message: CensusNumbers.NumberHighlighted
    ) -> None:
        """Drill down: list the repositories behind the number under the cursor."""
        if self.census is None:
            return
        behind = set(message.number.share.members)
        rows = [row for row in self.census.rows if row.full_name in behind]
        members = self.query_one(CensusMembers)
        if rows != members.rows_shown:  # a redraw re-highlights the same number: often unchanged
            members.marked = {r.full_name for r in self.context.marked}
            # hundreds of rows take a while: the moved cursor is drawn first, then the list
            self.call_after_refresh(members.show, rows)

    def _info(self) -> RepoInfo | None:
        row = self.query_one(CensusMembers).current
        if row is None or self.runner is None:
            return None
        entry = self.runner.entries.get(row.full_name.lower())
        return entry.info if entry is not None else RepoInfo(row.full_name)

    @on(DataTable.RowSelected, "#census-members")
    def _member_chosen(self) -> None:
        info = self._info()
        if info is not None:
            self.post_message(OpenRepo(info.full_name, info))

    def action_toggle_mark(self) -> None:
        """Mark or unmark the repository under the members' cursor for comparison."""
        info = self._info()
        if info is None:
            return
        self.context.toggle_mark(info)
        self.query_one(CensusMembers).set_marked({r.full_name for r in self.context.marked})

    def action_compare(self) -> None:
        """Compare the marked repositories (2 to 6)."""
        marked = tuple(self.context.marked)
        if not 2 <= len(marked) <= 6:
            self.notify("Mark 2 to 6 repositories (space) to compare.", severity="warning")
            return
        self.post_message(CompareRepos(marked))

    def action_stop(self) -> None:
        """Stop the census; the numbers keep what was fetched."""
        self.workers.cancel_group(self, "census")

    def action_back(self) -> None:
        """Return to the search (a running census stops with the screen)."""
        self.dismiss()
