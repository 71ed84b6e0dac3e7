"""SearchScreen: the search box, one page of results, and the detail pane following the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import DataTable, Input, Static

from tui.analysis.report import RepoInfo
from tui.search.framework_filter import NOTE, FrameworkFilter
from tui.sources.base import SearchResults
from tui.ui.messages import CompareRepos, GitHubUnreachable, OpenRepo
from tui.ui.prefs import HistoryCursor
from tui.ui.screens.base import RepoLensScreen
from tui.ui.screens.context import Context
from tui.ui.screens.search_box import recall, take_typing
from tui.ui.screens.search_filter import checked_filter, judged_hint, judged_search
from tui.ui.screens.search_hint import DEMO_QUERY, RESULT_ACTIONS, WELCOME, HintLine, hint_line
from tui.ui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from tui.sources.census_filter import JudgedPage
    from tui.ui.widgets.results_table import ResultsTable

SORTS: tuple[str | None, ...] = (None, "stars", "forks", "updated")
"""Sort orders cycled by ``s``; ``None`` is GitHub's best match."""


class SearchScreen(RepoLensScreen):
    """Search GitHub and browse the results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", id="search.focus", tooltip="Type a query"),
        Binding("enter", "open_detail", "Open", id="search.open", tooltip="Open full detail"),
        Binding("space", "toggle_mark", "Mark", id="search.mark", tooltip="Mark for comparison"),
        Binding("c", "compare", "Compare", id="search.compare", tooltip="Compare marked repos"),
        Binding("s", "cycle_sort", "Sort", id="search.sort",
                tooltip="Best match, stars, forks, updated"),
        Binding("n,right_square_bracket", "page(1)", "Next", id="search.next_page",
                tooltip="Next page of results"),
        Binding("p,left_square_bracket", "page(-1)", "Prev page", id="search.prev_page",
                tooltip="Previous page of results", show=False),
        Binding("e", "toggle_evidence", "Evidence", id="search.evidence",
                tooltip="Show/hide framework evidence"),
        Binding("a", "load_activity", "Activity", id="search.activity",
                tooltip="Load weekly commit activity (1-2 requests)"),
        Binding("o", "open_browser", "Browser", id="search.browser", tooltip="Open on GitHub",
                show=False),
        Binding("C", "census", "Census", id="search.census", show=False,
                tooltip="Census of this query: languages and frameworks of its repositories"),
        Binding("escape", "leave_input", "Results", id="search.results", show=False,
                tooltip="From the search box to the results"),
        Binding("up", "history(-1)", "Earlier search", id="search.history_back", show=False,
                tooltip="In the search box: the previous search (remembered between runs)"),
        Binding("down", "history(1)", "Later search", id="search.history_forward", show=False,
                tooltip="In the search box: the next search; past the newest, the results"),
    ]  # fmt: skip
    """Search screen keys; the ids are the names users remap."""

    sort: reactive[str | None] = reactive(None)
    """The current sort order (``None`` = best match)."""

    page: reactive[int] = reactive(1)
    """The current page of results (1-based)."""

    def __init__(self, context: Context, initial_query: str | None = None) -> None:
        """Start empty, or searching for ``initial_query``; the demo lists its whole catalog."""
        super().__init__(context)
        self._history = HistoryCursor()
        self._reset(initial_query)

    def _reset(self, initial_query: str | None) -> None:
        """Forget any search: ``initial_query`` is next; the demo lists its whole catalog."""
        self._initial_query = initial_query or ""
        self._focus_results = bool(self._initial_query.strip())  # a query given at launch
        self.set_reactive(SearchScreen.sort, None)
        self.set_reactive(SearchScreen.page, 1)
        if self.context.status.demo and not self._initial_query:
            self._initial_query = DEMO_QUERY
            self.set_reactive(SearchScreen.sort, "stars")
        self._wanted: tuple[str, str | None, int] | None = None
        self.results: SearchResults | None = None
        self.judged: JudgedPage | None = None  # the page's framework: verdicts, when asked for
        self._filter: FrameworkFilter | None = None

    async def restart(self, context: Context) -> None:
        """Start over on another source (the demo catalog), with nothing carried over."""
        self.app.workers.cancel_node(self)
        self.context = context
        self._reset(None)
        self.remove_class("-searching", "-no-results")
        await self.recompose()
        self.on_mount()

    def compose(self) -> ComposeResult:
        """Status bar, search box and hint, results beside the detail pane, footer."""
        yield self.status_bar()
        yield Input(self._initial_query, placeholder="Search GitHub…", id="query")
        yield HintLine(id="hint")
        with Horizontal(id="browse"):
            yield Static(Content(WELCOME), id="welcome")
        yield KeysFooter()

    @property
    def table(self) -> ResultsTable | None:
        """The results table, once the first results have arrived."""
        from tui.ui.widgets.results_table import ResultsTable

        tables = self.query(ResultsTable)
        return tables.first() if tables else None

    async def _browser(self) -> ResultsTable:
        """The results table, mounted with the detail pane on first use (keeps startup light)."""
        table = self.table
        if table is None:
            # the table and the detail pane load with the first results, keeping startup light
            from tui.ui.widgets.repo_detail import RepoDetail
            from tui.ui.widgets.results_table import ResultsTable

            table = ResultsTable(clock=self.context.clock, id="results")
            detail = RepoDetail(clock=self.context.clock, id="detail")
            await self.query_one("#welcome", Static).remove()
            await self.query_one("#browse", Horizontal).mount_all([table, detail])
        return table

    def on_mount(self) -> None:
        """Focus the search box and run the initial query, if any."""
        query_input = self.query_one("#query", Input)
        query_input.cursor_blink = self.context.blink
        query_input.focus()
        self._show_hint()
        if self._initial_query.strip():
            self._start_search()

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        # searches run on enter only: typing spends nothing (10 searches a minute without a token)
        self.page = 1
        # enter is deliberate: it searches again even for the query already shown (a refresh)
        self._start_search(again=True)  # focus stays in the box: tab or down goes to the results

    def _start_search(self, *, keep_page: bool = False, again: bool = False) -> None:
        query = self.query_one("#query", Input).value.strip()
        if not keep_page:
            self.page = 1
        wanted = (query, self.sort, self.page)
        if not query or (wanted == self._wanted and not again):
            return
        flt = checked_filter(query)
        if isinstance(flt, str):  # a misspelt framework: say so before spending anything
            self.notify(flt, severity="error", markup=False)
            return
        if flt.active and self._filter is None:  # said once, with the first filtered search
            self.notify(NOTE, markup=False)
        self._wanted = wanted
        self.context.prefs.remember_query(query)
        self._history.reset()
        self.add_class("-searching")  # the old results dim (search.tcss) until the answer
        self.query_one("#hint", Static).update(Content(f"searching {query} …"))
        self.run_search(*wanted, flt)

    @work(exclusive=True, group="search", exit_on_error=False)
    async def run_search(
        self, query: str, sort: str | None, page: int, flt: FrameworkFilter | None = None
    ) -> None:
        """Search; a newer search cancels this one, and a stale answer is dropped."""
        try:
            results, judged = await self._search(query, sort, page, flt)
        except Exception:  # not a cancellation: a newer search of the same query may be running
            if (query, sort, page) == self._wanted:
                self._wanted = None  # a failed search is not "already shown": enter retries it
            raise
        finally:
            if (query, sort, page) == self._wanted or self._wanted is None:
                self.remove_class("-searching")
                self._show_hint()
        if (query, sort, page) != self._wanted:
            return  # the user asked for something else meanwhile
        self.results, self.judged, self._filter = results, judged, flt
        self.context.answered |= not results.offline
        table = await self._browser()
        if self._focus_results:
            self._focus_results = False
            if self.focused is self.query_one("#query", Input):  # unless the user moved it
                table.focus()
        table.marked = {r.full_name for r in self.context.marked}
        table.pending = {r.full_name for r in self.judged.pending} if self.judged else set()
        table.show(results.items)
        self.set_class(not results.items, "-no-results")
        self.set_stale(results.stale)
        self.set_offline_results(results.offline and not self.context.status.demo)
        self._show_hint()
        self.refresh_bindings()
        if results.offline and not self.context.status.offline:
            self.post_message(GitHubUnreachable())  # the source fell back to cache and catalog

    async def _search(
        self, query: str, sort: str | None, page: int, flt: FrameworkFilter | None
    ) -> tuple[SearchResults, JudgedPage | None]:
        """GitHub's page for the query without ``framework:``, then judged by its terms."""
        if flt is None or not flt.active:
            return await self.source.search(query, sort=sort, page=page), None
        hint = self.query_one("#hint", Static)
        judged = await judged_search(self.source, flt, sort, page, hint.update)
        return judged.results, judged

    def on_screen_resume(self) -> None:
        """Back from detail or compare, where marks may have changed: show them."""
        if not self.query("#hint"):
            return  # not composed yet
        table = self.table
        if table is not None:
            table.set_marked({r.full_name for r in self.context.marked})
        self._show_hint()
        self.refresh_bindings()

    def on_key(self, event: events.Key) -> None:
        """With nothing focused (the demo offer let go of the box), letters go to the box."""
        take_typing(self.app, self.query_one("#query", Input), event)

    def _show_hint(self) -> None:
        ctx = self.context
        judged = None
        if self.judged is not None and self._filter is not None:
            judged = judged_hint(self._filter, self.judged)
        line = hint_line(self.sort, self.results, len(ctx.marked), ctx.status, judged=judged)
        self.query_one("#hint", HintLine).show(line)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on results are hidden (and idle) until there are results."""
        if action == "compare":
            return bool(self.context.marked) or self._has_results()
        if action in RESULT_ACTIONS:
            return self._has_results()
        return True

    def _has_results(self) -> bool:
        # not ``self.table``: that would import the table's module before the first results
        return self.results is not None and bool(self.results.items)

    def show_notice(self, text: str) -> bool:
        """Say ``text`` where the results would be; False once results are shown there."""
        for welcome in self.query("#welcome").results(Static):
            welcome.update(Content(text))
            welcome.add_class("-notice")
            return True
        return False

    def on_results_table_repo_highlighted(self, message: ResultsTable.RepoHighlighted) -> None:
        """Show the repository under the cursor; prefetch its neighbours if the budget allows."""
        from tui.ui.widgets.repo_detail import RepoDetail

        self.load_detail(self.query_one(RepoDetail), message.info)
        if self.context.prefetch_affordable():
            self.prefetch(message.neighbours)

    @on(DataTable.RowSelected, "#results")
    def _row_selected(self) -> None:
        self.action_open_detail()

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#query", Input).focus()

    def action_history(self, step: int) -> None:
        """Up/down in the search box walk the search history; down past the newest leaves."""
        box = self.query_one("#query", Input)
        if self.focused is not box:
            return
        if not recall(box, self._history, self.context.prefs.history, step) and step > 0:
            self.action_leave_input()

    def action_leave_input(self) -> None:
        """Leave the search box for the results, even none; before any, for nothing.

        With nothing focused, letters still find their way back to the box (``on_key``), and
        the keys bound to something (``d`` for the demo offer) work.
        """
        if self.table is not None:
            self.table.focus()
        else:
            self.set_focus(None)

    def action_open_detail(self) -> None:
        """Open the repository under the cursor full screen."""
        info = self.current
        if info is not None:
            self.post_message(OpenRepo(info.full_name, info))

    def action_toggle_mark(self) -> None:
        """Mark or unmark the repository under the cursor for comparison."""
        table = self.table
        info = self.current
        if table is None or info is None:
            return
        self.toggle_mark_of(info)
        table.set_marked({r.full_name for r in self.context.marked})
        self._show_hint()  # the count of marks shows there; the table shows which

    def action_compare(self) -> None:
        """Compare the marked repositories (2 to 6)."""
        marked = tuple(self.context.marked)
        if not 2 <= len(marked) <= 6:
            self.notify("Mark 2 to 6 repositories (space) to compare.", severity="warning")
            return
        self.post_message(CompareRepos(marked))

    def action_cycle_sort(self) -> None:
        """Switch to the next sort order and search again."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]

    def set_sort(self, sort: str | None) -> None:
        """Switch to ``sort`` (from the command palette) and search again."""
        self.sort = sort

    def watch_sort(self) -> None:
        """Search again in the new order, from the first page."""
        if self.is_mounted:
            self._start_search()
            self._show_hint()

    def action_page(self, step: int) -> None:
        """Go to the next (1) or previous (-1) page."""
        results = self.results
        if results is None or (step > 0 and not results.has_next) or self.page + step < 1:
            self.app.bell()
            return
        self.page += step
        self._start_search(keep_page=True)

    def action_toggle_evidence(self) -> None:
        """Show or hide the frameworks' evidence."""
        from tui.ui.widgets.repo_detail import RepoDetail

        for detail in self.query(RepoDetail):
            detail.toggle_evidence()

    def action_open_browser(self) -> None:
        """Open the repository under the cursor on GitHub."""
        self.open_in_browser(self.current)

    def action_census(self) -> None:
        """Open the census of the query in the search box."""
        from tui.ui.screens.census import CensusScreen  # loads with its first use

        query = self.query_one("#query", Input).value.strip()
        if not query:
            self.notify("Type a query first: the census counts its repositories.", markup=False)
            return
        problem = checked_filter(query)
        if isinstance(problem, str):
            self.notify(problem, severity="error", markup=False)
            return
        self.app.push_screen(CensusScreen(self.context, query))

    @property
    def current(self) -> RepoInfo | None:
        """The repository under the cursor."""
        return None if self.table is None else self.table.current
