"""Census aggregation: many repositories' reports summed into shares, pure and without I/O.

Languages are counted two ways (a repository's primary language, and bytes summed over every
repository whose languages are known), frameworks per category over the repositories whose
frameworks are known, and repositories per creation year. Every number keeps the names of the
repositories behind it, so a front end can drill down.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from tui.analysis.report import Framework, RepoReport
from tui.analysis.verdict import decide
from tui.github.reset_time import reset_time
from tui.present.categories import CATEGORY_LABELS
from tui.search.framework_filter import FrameworkFilter
from tui.sources.census import CensusEntry, CensusResult

TREND_LANGUAGES = 5
"""The trend by creation year follows this many languages; the rest are "Other"."""


def census_frameworks(report: RepoReport) -> tuple[Framework, ...]:
    """Which of a report's frameworks count for the census: the ones its verdict names.

    The census adds up verdicts (``tui.analysis.verdict``): what a repository *is* and is built
    on, at most four, never tooling, examples or a platform under a framework; in the
    verdict's order, which does not depend on what was read.
    """
    found = {framework.name: framework for framework in report.frameworks or ()}
    return tuple(found[f.name] for f in decide(report).frameworks if f.name in found)


@dataclass(frozen=True, slots=True)
class Share:
    """One number of the census and the repositories behind it.

    Attributes:
        name: A language, framework or year.
        value: Repositories (or bytes, for languages by bytes).
        percent: ``value`` as a percentage of its whole, one decimal.
        members: The repositories behind the number, in listing order.
    """

    name: str
    value: int
    percent: float
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class YearRow:
    """Repositories created in one year, by primary language (the trend's languages only)."""

    year: int
    total: int
    by_language: tuple[tuple[str, int], ...]
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CensusRow:
    """One repository of a census, as the outputs show it.

    Attributes:
        full_name: ``owner/name`` (or a folder).
        stars: Stars, when known.
        created: Creation time, when known.
        primary_language: GitHub's primary language (from the search item).
        top_language: The largest language by bytes, once languages are known.
        top_share: Its percentage.
        frameworks: ``(category, name)`` pairs counted by the census; None when not known yet.
        from_cache: Its report cost nothing (the cache answered).
    """

    full_name: str
    stars: int | None
    created: datetime | None
    primary_language: str | None
    top_language: str | None
    top_share: float | None
    frameworks: tuple[tuple[str, str], ...] | None
    from_cache: bool = False


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the census is known, said honestly.

    Attributes:
        listed: Repositories listed (before any ``framework:`` filter).
        matched: How many GitHub said the query matches (None for a list or a folder).
        counted: Repositories in the census (after the filter).
        with_languages: Of those, how many have languages by bytes.
        with_frameworks: Of those, how many have frameworks known.
        from_cache: Reports that came from the cache.
        unjudged: With a filter: repositories left out because their frameworks are not known.
        reset_at: When the budget refills for the reports still missing.
    """

    listed: int
    matched: int | None
    counted: int
    with_languages: int
    with_frameworks: int
    from_cache: int
    unjudged: int = 0
    reset_at: datetime | None = None

    def text(self, now: datetime | None = None) -> str:
        """One line: "frameworks for 620 of 1,000; the rest after the reset at 17:05 (in 41 min)".

        Args:
            now: The moment the line is read at, for "in 41 min" (default: the clock's).
        """
        parts = [f"frameworks for {self.with_frameworks:,} of {self.counted:,}"]
        missing = self.counted - self.with_frameworks + self.unjudged
        if missing and self.reset_at is not None:
            when = reset_time(self.reset_at, now or datetime.now(UTC))
            parts.append(f"the rest after the reset at {when}")
        if self.unjudged:
            parts.append(f"{self.unjudged:,} not yet judged against framework:")
        if self.matched is not None and self.matched > self.listed:
            parts.append(f"GitHub matched {self.matched:,}, the census lists {self.listed:,}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class Census:
    """Every number of a census.

    Attributes:
        query: What was asked (with any ``framework:`` terms).
        coverage: How much is known.
        by_repos: Primary language per repository.
        by_bytes: Bytes per language, summed.
        frameworks: Per category (in ``CATEGORY_LABELS`` order), repositories per framework,
            as a share of the repositories whose frameworks are known.
        years: Repositories per creation year, oldest first.
        trend_languages: The languages ``years`` follows.
        rows: One per repository, in listing order.
        ranges: The ``created:`` ranges read when the query was sliced.
    """

    query: str
    coverage: Coverage
    by_repos: tuple[Share, ...]
    by_bytes: tuple[Share, ...]
    frameworks: tuple[tuple[str, tuple[Share, ...]], ...]
    years: tuple[YearRow, ...]
    trend_languages: tuple[str, ...]
    rows: tuple[CensusRow, ...]
    ranges: tuple[str, ...] = ()


def _row(entry: CensusEntry) -> CensusRow:
    report, info = entry.report, entry.info
    languages = report.languages if report else None
    top = max(languages, key=lambda s: s.bytes) if languages else None
    counted = None
    if report is not None and report.frameworks is not None:
        counted = tuple((f.category, f.name) for f in census_frameworks(report))
    return CensusRow(
        full_name=info.full_name,
        stars=info.stars,
        created=info.created_at,
        primary_language=info.primary_language or (top.name if top else None),
        top_language=top.name if top else None,
        top_share=top.percent if top else None,
        frameworks=counted,
        from_cache=entry.from_cache,
    )


def _shares(counts: Counter[str], members: dict[str, list[str]], whole: int) -> tuple[Share, ...]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(
        Share(name, value, round(100 * value / whole, 1) if whole else 0.0, tuple(members[name]))
        for name, value in ranked
    )


def _tally(rows: Iterable[tuple[str, str, int]]) -> tuple[Counter[str], dict[str, list[str]]]:
    """Sum ``(key, repository, amount)`` triples, keeping who is behind each key."""
    counts: Counter[str] = Counter()
    members: dict[str, list[str]] = defaultdict(list)
    for key, name, amount in rows:
        counts[key] += amount
        members[key].append(name)
    return counts, members


def _framework_shares(
    rows: Sequence[CensusRow],
) -> tuple[tuple[str, tuple[Share, ...]], ...]:
    known = [r for r in rows if r.frameworks is not None]
    by_category: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for row in known:
        for category, name in dict.fromkeys(row.frameworks or ()):
            by_category[category].append((name, row.full_name, 1))
    order = [*CATEGORY_LABELS, *sorted(set(by_category) - set(CATEGORY_LABELS))]
    return tuple(
        (category, _shares(*_tally(by_category[category]), len(known)))
        for category in order
        if category in by_category
    )


def _years(rows: Sequence[CensusRow], trend: Sequence[str]) -> tuple[YearRow, ...]:
    per_year: dict[int, list[CensusRow]] = defaultdict(list)
    for row in rows:
        if row.created is not None:
            per_year[row.created.year].append(row)
    out = []
    for year in sorted(per_year):
        members = per_year[year]
        counts = Counter(
            r.primary_language if r.primary_language in trend else "Other" for r in members
        )
        pairs = tuple((name, counts[name]) for name in (*trend, "Other") if counts[name])
        out.append(YearRow(year, len(members), pairs, tuple(r.full_name for r in members)))
    return tuple(out)


def aggregate(
    result: CensusResult, flt: FrameworkFilter | None = None, *, query: str | None = None
) -> Census:
    """Sum a census run into shares; ``flt`` keeps only repositories it matches.

    Args:
        result: The runner's result (complete, or what was fetched before a cancel).
        flt: A ``framework:`` filter; repositories whose frameworks are unknown cannot be
            judged by it, so they are left out and counted in ``Coverage.unjudged``.
        query: The query as the person wrote it (defaults to ``result.query``).
    """
    listed = [_row(e) for e in result.entries]
    rows, unjudged = listed, 0
    if flt is not None and flt.active:
        unjudged = sum(1 for r in listed if r.frameworks is None)
        rows = [
            r
            for r in listed
            if r.frameworks is not None and flt.matches(n for _, n in r.frameworks)
        ]
    reports = {e.info.full_name: e.report for e in result.entries}
    by_repos = _tally((r.primary_language, r.full_name, 1) for r in rows if r.primary_language)
    by_bytes = _tally(
        (share.name, row.full_name, share.bytes)
        for row in rows
        for share in (getattr(reports.get(row.full_name), "languages", None) or ())
    )
    repo_shares = _shares(*by_repos, len(rows))
    trend = tuple(s.name for s in repo_shares[:TREND_LANGUAGES])
    coverage = Coverage(
        listed=len(listed),
        matched=result.matched,
        counted=len(rows),
        with_languages=sum(1 for r in rows if r.top_language is not None),
        with_frameworks=sum(1 for r in rows if r.frameworks is not None),
        from_cache=sum(1 for r in rows if r.from_cache),
        unjudged=unjudged,
        reset_at=result.reset_at,
    )
    return Census(
        query=query or result.query,
        coverage=coverage,
        by_repos=repo_shares,
        by_bytes=_shares(*by_bytes, sum(by_bytes[0].values())),
        frameworks=_framework_shares(rows),
        years=_years(rows, trend),
        trend_languages=trend,
        rows=tuple(rows),
        ranges=result.ranges,
    )
