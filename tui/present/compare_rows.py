"""The rows of a comparison, aligned across repositories: shared by the table and the exports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from tui.analysis.report import Basis, Framework, RepoInfo, RepoReport
from tui.analysis.verdict import MIN_CONFIDENCE, is_tooling
from tui.present.format import UNKNOWN, age, count, licence_label, size_bytes
from tui.present.verdict import grouped, verdict_brief, verdict_json
from tui.textsafe import one_line

IS_SELF = "★"
"""The repository is the framework (its own package name)."""

USED = "✓"
"""Declared: a runtime dependency, or evidence the verdict names firmly (``framework_mark``)."""

WEAK = "◐"
"""Weak: what the verdict words as "probably", or would not name on this evidence."""

NOT_USED = "·"
"""No evidence of it."""

LOADING = "…"
"""Detection has not answered yet."""

WEAK_BELOW = 0.6
"""Confidence under which evidence of unknown kind (no ``basis``) is weak, as in the verdict."""

BETTER_HIGHER = {"stars": True, "forks": True, "open_issues": False, "age": False, "pushed": True}
"""The rows with a best and a worst, in the order ``s`` sorts by: is a higher value better?
(An older repository counts as more mature; a more recent push as more alive.)"""

MARKS = (
    (IS_SELF, "is the framework (its own package)"),
    (USED, "declared: a runtime dependency (for a framework, also its config file or a "
           "build or dev dependency)"),
    (WEAK, "weak: imports only, a README install line, examples/docs only, a tool seen only "
           "in a marker file or dev dependency, or too little evidence"),
    (NOT_USED, "none"),
)  # fmt: skip
"""Each framework mark and what it stands for, in full (exports, ``repolens compare``)."""

LEGEND = "; ".join(f"{mark} {meaning}" for mark, meaning in MARKS)
"""What the framework marks mean, in full: under the Markdown, JSON and text comparisons."""

SHORT_LEGEND = (
    f"{IS_SELF} is it {USED} declared {WEAK} only imports, README, examples/docs, tool marker/dev"
)
"""The same in one line for the matrix's border, whole at 80 columns (· for none goes without
saying there)."""


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
    licences = tuple(licence_label(i.license) for i in infos)
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
    """A column's mark, on the evidence basis the verdict uses (``tui.analysis.verdict``).

    ★ it is the framework. ✓ a runtime dependency declared in a manifest; an SDK framework's
    import (its SDK declares it); a framework's config file or build/dev dependency strong enough
    for the verdict to name it firmly. ◐ everything the verdict says "probably" of or would not
    name: imports only, a README line, examples/docs only, a tool (CI, linters, build helpers)
    seen only in a marker file or a dev dependency, evidence under the verdict's threshold.
    """
    if framework is None:
        return NOT_USED
    if framework.is_self:
        return IS_SELF
    if framework.only_in is not None:
        return WEAK
    basis = framework.basis
    if basis is None:  # a report from before bases were recorded: confidence is all there is
        return WEAK if framework.confidence < WEAK_BELOW else USED
    if basis in (Basis.SELF, Basis.ROOT, Basis.MEMBER):
        return USED
    if basis is Basis.IMPORTS:
        return USED if framework.sdk else WEAK
    if basis is Basis.OTHER and not is_tooling(framework):
        return USED if framework.confidence >= MIN_CONFIDENCE else WEAK
    return WEAK  # README only, or a tool known by a marker file or dev dependency


def _framework_raw(framework: Framework | None) -> dict[str, object] | bool:
    """A column's use of a framework for JSON: ``False``, or the mark and what it stands for."""
    if framework is None:
        return False
    basis = None if framework.basis is None else framework.basis.value
    return {"mark": framework_mark(framework), "self": framework.is_self, "basis": basis,
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
