"""RepoDetail: everything known about one repository, filled in as each answer arrives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Label, Static

from tui.analysis.report import RepoInfo, RepoReport
from tui.present.format import UNKNOWN, age, count, display_name, licence_label, size_bytes
from tui.present.verdict import verdict_text
from tui.sources.base import Activity
from tui.textsafe import one_line
from tui.ui.widgets.fact_flow import GAP, Fact, FactFlow, flow, words
from tui.ui.widgets.framework_list import FrameworkList
from tui.ui.widgets.language_bar import LanguageBar
from tui.ui.widgets.safe_text import safe_text

if TYPE_CHECKING:
    from tui.ui.widgets.charts import ActivityChart, LanguageChart


def _now() -> datetime:
    return datetime.now(UTC)


def title_facts(report: RepoReport, now: datetime) -> list[list[Fact]]:
    """``owner/name  archived  fork  cached 5m ago``: the name with its badges, each whole.

    A checkout shows its folder name, and its path on a dim line below.
    """
    info, source = report.info, report.source
    title, path = display_name(info.full_name)
    facts = [Fact(safe_text(title, "bold"))]
    if info.archived:
        facts.append(Fact(Text("archived", style="bold reverse"), "  "))
    if info.fork:
        facts.append(Fact(Text("fork", style="italic"), "  "))
    if source.stale:
        facts.append(Fact(Text(f"stale · {age(source.fetched_at, now)}", "bold italic"), "  "))
    elif source.from_cache:
        facts.append(Fact(Text(f"cached {age(source.fetched_at, now)}", "dim italic"), "  "))
    rows = [facts]
    if path is not None:
        rows.append([Fact(Text(one_line(path), style="dim"))])
    return rows


def _dated(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d") if moment else UNKNOWN


def meta_facts(info: RepoInfo, now: datetime) -> list[list[Fact]]:
    """Counts and licence; dates; homepage; topics: one row each, one whole fact per item."""

    def fact(label: str, value: str, gap: str = GAP) -> Fact:
        return Fact(Text.assemble((label, "bold" if label == "★" else "dim"), " ", value), gap)

    rows = [
        [fact("★", count(info.stars)), fact("forks", count(info.forks)),
         fact("issues", count(info.open_issues)), fact("licence", licence_label(info.license))],
        [fact("created", _dated(info.created_at)), fact("pushed", _dated(info.pushed_at))],
    ]  # fmt: skip
    if info.pushed_at is not None:  # an unknown push has no age to add: one dash is enough
        rows[1].append(Fact(Text(f"({age(info.pushed_at, now)})"), gap=" "))
    if info.homepage:
        rows.append([fact("homepage", one_line(info.homepage))])
    if info.topics:
        rows.append([Fact(Text(f" {one_line(t)} ", style="reverse"), " ") for t in info.topics])
    return rows


def meta_text(info: RepoInfo, now: datetime, width: int = 200) -> Text:
    """``meta_facts`` as drawn ``width`` columns wide."""
    return flow(meta_facts(info, now), width)


def verdict_line(report: RepoReport, *, failed: bool = False) -> Text:
    """The verdict sentence (plain text, never markup); a placeholder until anything is known.

    ``failed``: loading stopped with an error (said in a notification): not "loading" forever.
    """
    if report.languages is None and report.frameworks is None:
        note = (
            "verdict: unavailable (languages and frameworks could not be read)"
            if failed
            else "verdict: loading…"
        )
        return Text(note, style="dim italic", end="")
    return Text(verdict_text(report), end="")


def notebook_label_text(report: RepoReport) -> Text:
    """``Notebooks: GitHub's view with notebooks set apart (64.9 KiB of notebooks)``."""
    label = one_line(report.notebook_label) or "notebook-aware view"
    text = Text.assemble(("Notebooks: ", "bold"), label, end="")
    if report.notebook_bytes:
        text.append(f" ({size_bytes(report.notebook_bytes)} of notebooks)", style="dim")
    return text


def problems_text(errors: tuple[str, ...]) -> Text:
    """One dim warning line per problem met while reading the repository (text, never markup)."""
    lines = [Text.assemble(("⚠ ", "dim"), (one_line(e), "dim"), end="") for e in errors]
    return Text("\n", end="").join(lines)


def languages_heading(report: RepoReport) -> str:
    """``Languages``, or, when the shares were counted from the file listing rather than given
    by GitHub, ``Languages, estimated from the file listing`` (the verdict marks them "≈")."""
    if report.languages_estimated:
        return "Languages, estimated from the file listing"
    return "Languages"


class RepoDetail(VerticalScroll):
    """The detail pane; set ``report`` (and ``activity``) and it redraws what changed."""

    report: reactive[RepoReport | None] = reactive(None, always_update=True)
    """The latest report of the repository shown; ``None`` when nothing is selected."""

    activity: reactive[Activity | None] = reactive(None, always_update=True)
    """Weekly commits for the shown repository; ``None`` while loading."""

    failed: reactive[bool] = reactive(False)
    """Loading the report stopped with an error; the placeholders say "unavailable"."""

    pending: reactive[bool] = reactive(False)
    """Only the name is known yet: description and facts say "loading" instead of "none"."""

    activity_failed: reactive[bool] = reactive(False)
    """The activity could not be fetched (rate limit, offline miss...)."""

    activity_idle: reactive[bool] = reactive(False)
    """The activity has not been asked for (without a token it loads on a key, not by itself)."""

    def __init__(
        self, *, clock: Callable[[], datetime] = _now, charts: bool = True, id: str | None = None
    ) -> None:
        """Create an empty pane; ``charts=False`` leaves out the plotext charts."""
        super().__init__(id=id)
        self._clock = clock
        self._charts_enabled = charts
        self._language_chart: LanguageChart | None = None
        self._activity_chart: ActivityChart | None = None

    def compose(self) -> ComposeResult:
        """The verdict, title, description, facts, languages, frameworks and a slot for charts."""
        yield FactFlow(id="detail-verdict")  # "(98.8 %)" never split at the "%"
        yield FactFlow(id="detail-title")
        yield Static(id="detail-description")
        yield FactFlow(id="detail-meta")
        yield Label("Languages", id="detail-languages-heading", classes="heading")
        yield LanguageBar(id="detail-languages")
        yield Static(id="detail-notebook-label")
        yield LanguageBar(id="detail-notebook-view")
        yield Label("Frameworks", classes="heading")
        yield FrameworkList(id="detail-frameworks")
        yield Static(id="detail-problems")
        yield Vertical(id="detail-charts")

    def watch_report(self, report: RepoReport | None) -> None:
        """Redraw every part from ``report``; missing parts show their placeholder."""
        self.set_class(report is None, "-empty")
        if report is None or not self.is_mounted:
            return
        now = self._clock()
        self.set_class(report.source.stale, "-stale")
        self.set_class(report.languages is None or report.frameworks is None, "-loading")
        self._show_verdict(verdict_line(report, failed=self.failed))
        self.query_one("#detail-title", FactFlow).show(title_facts(report, now))
        if self.pending:
            self.query_one("#detail-description", Static).update(Text("loading…", style="dim"))
            self.query_one("#detail-meta", FactFlow).show(())
        else:
            description = safe_text(report.info.description or "no description", one_line=False)
            self.query_one("#detail-description", Static).update(description)
            self.query_one("#detail-meta", FactFlow).show(meta_facts(report.info, now))
        self.query_one("#detail-languages-heading", Label).update(languages_heading(report))
        self.query_one("#detail-languages", LanguageBar).shares = report.languages
        self._show_notebook_view(report)
        self.query_one(FrameworkList).frameworks = report.frameworks
        problems = self.query_one("#detail-problems", Static)
        problems.display = bool(report.errors)
        problems.update(problems_text(report.errors))
        if report.languages is not None:
            self._show_charts(report)
        elif self._language_chart is not None:
            self._language_chart.show(())  # never leave the previous repository's chart up

    def watch_failed(self, failed: bool) -> None:
        """Turn the placeholders into "unavailable" (or back)."""
        self.set_class(failed, "-failed")
        if self.is_mounted and self.report is not None:
            self._show_verdict(verdict_line(self.report, failed=failed))
        if self.is_mounted:
            self.query_one("#detail-languages", LanguageBar).failed = failed
            self.query_one(FrameworkList).failed = failed

    def watch_activity(self, activity: Activity | None) -> None:
        """Redraw the activity chart."""
        if self._activity_chart is not None:
            self._activity_chart.show(
                activity, failed=self.activity_failed, idle=self.activity_idle
            )

    def watch_activity_failed(self) -> None:
        """Redraw the activity chart as unavailable."""
        self.watch_activity(self.activity)

    def watch_activity_idle(self) -> None:
        """Redraw the activity chart as waiting for a key (or loading)."""
        self.watch_activity(self.activity)

    def _show_verdict(self, verdict: Text) -> None:
        self.query_one("#detail-verdict", FactFlow).show([words(verdict)])

    def _show_notebook_view(self, report: RepoReport) -> None:
        """A second bar when notebooks change the picture, labelled with the view it shows."""
        label = self.query_one("#detail-notebook-label", Static)
        bar = self.query_one("#detail-notebook-view", LanguageBar)
        shown = report.notebook_view is not None
        label.display = bar.display = shown
        if shown:
            label.update(notebook_label_text(report))
            bar.shares = report.notebook_view

    def toggle_evidence(self) -> None:
        """Show or hide the evidence of every framework."""
        frameworks = self.query_one(FrameworkList)
        frameworks.show_evidence = not frameworks.show_evidence

    def _show_charts(self, report: RepoReport) -> None:
        if not self._charts_enabled:
            return
        if self._language_chart is None or self._activity_chart is None:
            from tui.ui.widgets.charts import (
                ActivityChart,
                LanguageChart,
            )  # plotext loads on first use

            self._language_chart = LanguageChart(id="language-chart")
            self._activity_chart = ActivityChart(id="activity-chart")
            self._activity_chart.show(
                self.activity, failed=self.activity_failed, idle=self.activity_idle
            )
            self.query_one("#detail-charts", Vertical).mount_all(
                [self._language_chart, self._activity_chart]
            )
        self._language_chart.show(report.languages or ())
