"""The rows of a comparison, aligned across repositories: shared by the table and the exports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from tui.analysis.report import Framework, RepoInfo, RepoReport
from tui.present.format import UNKNOWN, age, count, size_bytes
from tui.present.verdict import grouped, verdict_brief, verdict_json
from tui.textsafe import one_line

IS_SELF = "★"
"""The repository is the framework (its own package name)."""

USED = "✓"
"""Runtime evidence: the project is built on it."""

WEAK = "◐"
"""Only in examples or docs, or weak evidence (confidence under ``WEAK_BELOW``)."""

NOT_USED = "·"
"""No evidence of it."""

LOADING = "…"
"""Detection has not answered yet."""

WEAK_BELOW = 0.6
"""Confidence under which evidence counts as weak."""

BETTER_HIGHER = {"stars": True, "forks": True, "open_issues": False, "age": False, "pushed": True}
"""The rows with a best and a worst, in the order ``s`` sorts by: is a higher value better?
(An older repository counts as more mature; a more recent push as more alive.)"""

LEGEND = (
    f"{IS_SELF} is the framework  {USED} runtime evidence  "
    f"{WEAK} examples/docs only or weak  {NOT_USED} none"
)
"""What the framework marks mean, shown under the matrix and in the Markdown export."""


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One aligned row: a label, one shown value per column, and which columns are best/worst.

    Attributes:
        key: Stable id (``stars``, ``fw:PyTorch``...).
        label: What the first column says.
        values: Display text per column.
        raw: Machine values per column (for JSON), ``None`` when unknown.
        best: Columns holding the best value (numeric rows only).
        worst: Columns holding the worst value.
        group: The section the row belongs to (``repository``, ``frameworks: ml``...).
    """

    key: str
    label: str
    values: tuple[str, ...]
    raw: tuple[object, ...]
    best: frozenset[int] = field(default_factory=frozenset)
    worst: frozenset[int] = field(default_factory=frozenset)
    group: str = "repository"


def extremes(
    raw: list[float | None], higher_is_better: bool
) -> tuple[frozenset[int], frozenset[int]]:
    """Indexes of the best and worst known values; nothing when fewer than two differ."""
    known = [(i, v) for i, v in enumerate(raw) if v is not None]
    if len(known) < 2 or len({v for _, v in known}) < 2:
        return frozenset(), frozenset()
    top, bottom = max(v for _, v in known), min(v for _, v in known)
    high = frozenset(i for i, v in known if v == top)
    low = frozenset(i for i, v in known if v == bottom)
    return (high, low) if higher_is_better else (low, high)


def _numeric(key: str, label: str, infos: list[RepoInfo], get: Callable[[RepoInfo], int | None],
             higher_is_better: bool) -> CompareRow:  # fmt: skip
    raw = [get(info) for info in infos]
    best, worst = extremes([None if v is None else float(v) for v in raw], higher_is_better)
    return CompareRow(key, label, tuple(count(v) for v in raw), tuple(raw), best, worst)


def _dated(key: str, label: str, dates: list[datetime | None], now: datetime,
           newer_is_better: bool) -> CompareRow:  # fmt: skip
    stamps = [d.timestamp() if d else None for d in dates]
    raw = tuple(d.isoformat() if d else None for d in dates)
    shown = tuple(age(d, now).removesuffix(" ago") if d else UNKNOWN for d in dates)
    best, worst = _as_shown(extremes(stamps, newer_is_better), shown)
    return CompareRow(key, label, shown, raw, best, worst)


def _as_shown(
    marked: tuple[frozenset[int], frozenset[int]], shown: tuple[str, ...]
) -> tuple[frozenset[int], frozenset[int]]:
    """Best and worst as the reader sees them: columns that read the same are marked alike.

    Two ages that both read "3mo" are not one better than the other, whatever the seconds say.
    """
    best_text = {shown[i] for i in marked[0]}
    worst_text = {shown[i] for i in marked[1]}
    if best_text & worst_text:
        return frozenset(), frozenset()
    best = frozenset(i for i, text in enumerate(shown) if text in best_text)
    worst = frozenset(i for i, text in enumerate(shown) if text in worst_text)
    return best, worst


def info_rows(reports: list[RepoReport], now: datetime) -> list[CompareRow]:
    """Stars, forks, issues, licence, age, last push, size and primary language."""
    infos = [r.info for r in reports]
    licences = tuple(one_line(i.license) or "none" for i in infos)
    size = [i.size_kb for i in infos]
    languages = tuple(one_line(i.primary_language) or UNKNOWN for i in infos)
    return [
        _numeric("stars", "Stars", infos, lambda i: i.stars, BETTER_HIGHER["stars"]),
        _numeric("forks", "Forks", infos, lambda i: i.forks, BETTER_HIGHER["forks"]),
        _numeric("open_issues", "Open issues", infos, lambda i: i.open_issues,
                 BETTER_HIGHER["open_issues"]),
        CompareRow("license", "Licence", licences, tuple(i.license for i in infos)),
        _dated("age", "Age", [i.created_at for i in infos], now, BETTER_HIGHER["age"]),
        _dated("pushed", "Last push", [i.pushed_at for i in infos], now, BETTER_HIGHER["pushed"]),
        CompareRow("size", "Size", tuple(UNKNOWN if s is None else size_bytes(s * 1024)
                                         for s in size), tuple(size)),
        CompareRow("primary_language", "Language", languages,
                   tuple(i.primary_language for i in infos)),
    ]  # fmt: skip


def best_first(row: CompareRow) -> list[int]:
    """Column indexes ordered best first by ``row`` (one of ``BETTER_HIGHER``); unknown last."""
    known = [i for i, value in enumerate(row.raw) if value is not None]
    unknown = [i for i, value in enumerate(row.raw) if value is None]
    # numbers compare as numbers, ISO dates (all UTC) as text; the sort is stable for ties
    known.sort(key=lambda i: row.raw[i], reverse=BETTER_HIGHER[row.key])  # type: ignore[arg-type,return-value]
    return known + unknown


def framework_mark(framework: Framework | None) -> str:
    """A column's mark: ★ it is the framework, ✓ runtime, ◐ examples/docs or weak, · none."""
    if framework is None:
        return NOT_USED
    if framework.is_self:
        return IS_SELF
    if framework.only_in or framework.confidence < WEAK_BELOW:
        return WEAK
    return USED


def _framework_raw(framework: Framework | None) -> dict[str, object] | bool:
    """A column's use of a framework for JSON: ``False``, or the mark and what it stands for."""
    if framework is None:
        return False
    return {"mark": framework_mark(framework), "self": framework.is_self,
            "only_in": framework.only_in, "confidence": framework.confidence}  # fmt: skip


def verdict_row(reports: list[RepoReport]) -> CompareRow:
    """Each column's verdict in two lines (languages, frameworks); JSON gets the whole verdict."""
    shown = tuple("\n".join(verdict_brief(r)) for r in reports)
    return CompareRow("verdict", "Verdict", shown, tuple(verdict_json(r) for r in reports))


def framework_rows(reports: list[RepoReport]) -> list[CompareRow]:
    """One row per framework any column uses, grouped by category, a mark where used.

    Rows come in the one framework order (``tui.present.verdict``) over all columns, each
    framework ranked by its strongest use.
    """
    seen = [fw for report in reports for fw in report.frameworks or ()]
    order = [(fw.name, category) for category, members in grouped(seen) for fw in members]
    rows = []
    for name, category in dict.fromkeys(order):
        found = [
            None
            if r.frameworks is None
            else next((f for f in r.frameworks if f.name == name), None)
            for r in reports
        ]
        shown = tuple(
            LOADING if r.frameworks is None else framework_mark(f)
            for r, f in zip(reports, found, strict=True)
        )
        raw = tuple(
            None if r.frameworks is None else _framework_raw(f)
            for r, f in zip(reports, found, strict=True)
        )
        rows.append(
            CompareRow(f"fw:{name}", one_line(name), shown, raw, group=f"frameworks: {category}")
        )
    return rows


def topic_row(reports: list[RepoReport]) -> CompareRow:
    """Each column's topics, comma-separated."""
    topics = [r.info.topics for r in reports]
    shown = tuple(", ".join(one_line(t) for t in ts) or UNKNOWN for ts in topics)
    return CompareRow("topics", "Topics", shown, tuple(list(ts) for ts in topics), group="topics")


def compare_rows(reports: list[RepoReport], now: datetime) -> list[CompareRow]:
    """Every row of the comparison except the language bars, in display order (verdict first)."""
    return [
        verdict_row(reports),
        *info_rows(reports, now),
        *framework_rows(reports),
        topic_row(reports),
    ]
