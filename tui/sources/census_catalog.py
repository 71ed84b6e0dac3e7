"""A census of the bundled demo catalog: the same numbers, over demo data, for nothing.

The catalog is a ``RepoSource`` like GitHub (``search`` in GitHub's syntax, ``report`` built from
its stored facts), so the census goes through that protocol alone: list the query's matches,
most starred first, then take each one's report. Nothing is sent, so the plan spends nothing,
and every result says it is demo data and the date the data describes.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tui.analysis.report import RepoInfo, RepoReport
from tui.sources.catalog import CatalogSource
from tui.sources.census import CensusEntry, CensusResult
from tui.sources.census_fetch import fetch_reports
from tui.sources.census_plan import PAGE, CensusPlan

DEMO_LABEL = "demo data: the bundled catalog"
"""What a catalog census calls its repositories, wherever it is shown."""


class CatalogCensus:
    """Plan and run a census over the demo catalog (the runner's interface, without a budget).

    Attributes:
        source: The catalog.
        entries: Every repository listed so far, by lower-case name.
    """

    def __init__(self, source: CatalogSource) -> None:
        self.source = source
        self.entries: dict[str, CensusEntry] = {}

    async def data_date(self) -> str:
        """The date the catalog's facts describe."""
        return (await self.source.loaded()).data_date

    async def plan(self, limit: int, *, query: str | None = None) -> CensusPlan:
        """The catalog's repositories matching ``query`` (all without one), up to ``limit``."""
        count = min(limit, len((await self.source.loaded()).repos))
        if query:
            try:
                matched = await self.source.search(query, sort="stars", page=1, per_page=PAGE)
            except ValueError:  # a query the catalog's parser refuses: the run says so
                return CensusPlan(count, False, 0, 0, 0, count, 0.0, catalog=True)
            count = min(count, matched.total_count)
        return CensusPlan(count, False, 0, 0, 0, count, 0.0, catalog=True)

    async def run_query(self, query: str, plan: CensusPlan) -> CensusResult:
        """List the catalog's matches for ``query`` (most starred first), then their reports."""
        started = datetime.now(UTC)
        page, matched, items = 1, 0, list[RepoInfo]()
        while len(items) < plan.repos:
            results = await self.source.search(query, sort="stars", page=page, per_page=PAGE)
            matched = results.total_count
            items.extend(results.items)
            if not results.has_next:
                break
            page += 1
        for info in items[: plan.repos]:
            self.entries.setdefault(info.full_name.lower(), CensusEntry(info))

        def done(info: RepoInfo, report: RepoReport | None) -> None:
            if report is not None:
                key = info.full_name.lower()
                self.entries[key] = CensusEntry(report.info, report, from_cache=True)

        await fetch_reports(self.source, [e.info for e in self.entries.values()], done)
        label = f"{query} ({DEMO_LABEL}, {await self.data_date()})"
        entries = list(self.entries.values())
        return CensusResult(label, entries, matched, plan, started_at=started)
