"""Human-readable text for ``repolens show``, ``search``, ``rate-limit`` and ``cache info``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tui.analysis.report import Framework, LanguageShare, RepoReport, SourceInfo
from tui.present.age import UNKNOWN, source_words
from tui.present.categories import category_label
from tui.present.format import exact, licence_label, shorten, spaced_percent
from tui.present.verdict import grouped, verdict_text
from tui.textsafe import clean

if TYPE_CHECKING:  # (an annotation only: a local scan's text loads nothing of tui.github)
    from tui.sources.base import SearchResults

BAR_WIDTH = 30


def language_lines(languages: Sequence[LanguageShare]) -> list[str]:
    """One line per language: name, percent, a proportional bar, bytes."""
    width = max((len(clean(s.name)) for s in languages), default=0)
    lines = []
    for share in languages:
        bar = "█" * max(1 if share.percent > 0 else 0, round(share.percent / 100 * BAR_WIDTH))
        lines.append(
            f"  {clean(share.name):<{width}}  {spaced_percent(share.percent, share.bytes)}  "
            f"{bar:<{BAR_WIDTH}}  "
            f"{share.bytes:,} B"
        )
    return lines


def framework_lines(frameworks: Sequence[Framework]) -> list[str]:
    """Frameworks grouped by category in the one order, each with its deciding evidence."""
    lines: list[str] = []
    for category, members in grouped(frameworks):
        lines.append(f"  {category_label(category)}")
        for f in members:
            marks = " (this repository)" if f.is_self else ""
            marks += f" (only in {f.only_in})" if f.only_in else ""
            proof = f.evidence[0] if f.evidence else None
            where = ""
            if proof:
                at = f"{clean(proof.path)}:{proof.line}" if proof.line else clean(proof.path)
                where = f"  {at}  {clean(proof.detail, single_line=True)}"
            lines.append(f"    {clean(f.name)}{marks}  [{f.confidence:.0%}]{where}")
    return lines


def source_line(source: SourceInfo) -> str:
    """``source: github, from cache (fetched 5m ago, stale)``."""
    now = datetime.now(UTC)
    return source_words(source.kind, source.from_cache, source.stale, source.fetched_at, now)


def report_text(report: RepoReport) -> str:
    """The whole ``repolens show`` page."""
    info = report.info
    out = [verdict_text(report), ""]
    if info.description:
        out.append(f"  {clean(info.description, single_line=True)}")
    facts = [
        f"★ {exact(info.stars)}",
        f"forks {exact(info.forks)}",
        f"issues {exact(info.open_issues)}",
        f"licence {licence_label(info.license)}",
        f"pushed {info.pushed_at.date().isoformat() if info.pushed_at else UNKNOWN}",
    ]
    flags = [flag for flag, on in (("archived", info.archived), ("fork", info.fork)) if on]
    if report.source.kind != "local":
        out.append("  " + "  ".join(facts + flags))
    if info.topics:
        out.append("  topics: " + ", ".join(clean(t) for t in info.topics))
    if report.languages:
        out += [
            "",
            f"Languages, classified by {report.classifier}"
            if report.classifier
            else "Languages, estimated from the file listing"
            if report.languages_estimated
            else "Languages, GitHub's view",
        ]
        out += language_lines(report.languages)
    if report.notebook_view:
        label = report.notebook_label or "notebook-aware view"
        out += ["", f"Languages, {label}", *language_lines(report.notebook_view)]
    if report.frameworks is not None:
        out += ["", "Frameworks"]
        out += framework_lines(report.frameworks) or ["  none detected"]
    out += [f"  ! {clean(problem, single_line=True)}" for problem in report.errors]
    out += ["", source_line(report.source)]
    return "\n".join(out)


def search_text(results: SearchResults, *, offline: str = "offline results") -> str:
    """One line per repository: name, stars, language, description.

    ``offline`` names an answer given without GitHub (``demo catalog`` in the demo)."""
    shown = len(results.items)
    noun = "repository matches" if results.total_count == 1 else "repositories match"
    head = f"{results.total_count:,} {noun}; showing {shown}"
    if results.incomplete:
        head += " (GitHub timed out: results may be incomplete)"
    if results.offline:
        head += f" ({offline})"
    if not results.items:
        return head
    stars = [exact(info.stars) for info in results.items]
    wide = max(len(s) for s in stars)
    cells = [
        (clean(info.full_name), f"★ {star:>{wide}}", clean(info.primary_language) or "-",
         shorten(clean(info.description, single_line=True), 70))
        for info, star in zip(results.items, stars, strict=True)
    ]  # fmt: skip
    return f"{head}\n{table(cells)}"  # columns as wide as their widest cell, never shifted


def table(rows: Iterable[Sequence[str]]) -> str:
    """Left-aligned columns separated by two spaces."""
    materialised = [list(row) for row in rows]
    widths = [max(len(row[i]) for row in materialised) for i in range(len(materialised[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in materialised
    )
