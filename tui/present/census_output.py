"""A census as JSON (one object), CSV (one row per repository), Markdown and plain text."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from tui.present.categories import CATEGORY_LABELS
from tui.present.census import Census, CensusRow, Share
from tui.present.format import plural, size_bytes, spaced_percent
from tui.search.framework_filter import NOTE

SCHEMA = "repolens.census/1"
"""Bumped when the JSON changes shape."""

TOP = 10
"""Rows per table in the Markdown and text reports."""


def _share_json(share: Share) -> dict[str, Any]:
    return {"name": share.name, "value": share.value, "percent": share.percent}


def _row_json(row: CensusRow) -> dict[str, Any]:
    frameworks: dict[str, list[str]] | None = None
    if row.frameworks is not None:
        frameworks = {}
        for category, name in row.frameworks:
            frameworks.setdefault(category, []).append(name)
    return {
        "full_name": row.full_name,
        "stars": row.stars,
        "created": row.created.isoformat() if row.created else None,
        "primary_language": row.primary_language,
        "top_language": row.top_language,
        "top_language_percent": row.top_share,
        "frameworks": frameworks,
        "from_cache": row.from_cache,
    }


def census_json(census: Census, *, when: datetime | None = None) -> dict[str, Any]:
    """One object: query, coverage, shares and per-repository verdicts."""
    cov = census.coverage
    return {
        "schema": SCHEMA,
        "query": census.query,
        "date": (when or datetime.now(UTC)).isoformat(timespec="seconds"),
        "note": NOTE if "framework:" in census.query else None,
        "sliced_by": list(census.ranges),
        "coverage": {
            "listed": cov.listed,
            "matched": cov.matched,
            "counted": cov.counted,
            "with_languages": cov.with_languages,
            "with_frameworks": cov.with_frameworks,
            "from_cache": cov.from_cache,
            "unjudged": cov.unjudged,
            "reset_at": cov.reset_at.isoformat() if cov.reset_at else None,
            "text": cov.text(),
        },
        "shares": {
            "languages_by_repositories": [_share_json(s) for s in census.by_repos],
            "languages_by_bytes": [_share_json(s) for s in census.by_bytes],
            "frameworks": {
                cat: [_share_json(s) for s in shares] for cat, shares in census.frameworks
            },
            "years": [
                {"year": y.year, "repositories": y.total, "by_language": dict(y.by_language)}
                for y in census.years
            ],
        },
        "repositories": [_row_json(r) for r in census.rows],
    }


def census_csv(census: Census) -> str:
    """One row per repository: name, stars, created, top language and share, frameworks."""
    categories = [cat for cat, _ in census.frameworks]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["full_name", "stars", "created", "top_language", "top_language_percent", *categories]
    )
    for row in census.rows:
        named = {cat: [n for c, n in row.frameworks or () if c == cat] for cat in categories}
        writer.writerow(
            [
                row.full_name,
                "" if row.stars is None else row.stars,
                row.created.date().isoformat() if row.created else "",
                row.top_language or row.primary_language or "",
                "" if row.top_share is None else row.top_share,
                *("" if row.frameworks is None else "; ".join(named[c]) for c in categories),
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """Table-safe Markdown: a pipe or a newline in a name must not break the table."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _repos(n: int) -> str:
    return plural(n, "repository", "repositories")


def _amount(value: int, in_bytes: bool) -> str:
    """A count as ``1,234``; bytes in the binary units the detail and compare use."""
    return size_bytes(value) if in_bytes else f"{value:,}"


def _share_rows(shares: Sequence[Share], in_bytes: bool = False) -> list[list[str]]:
    return [[s.name, spaced_percent(s.percent, s.value).strip(), _amount(s.value, in_bytes)]
            for s in shares[:TOP]]  # fmt: skip


def census_markdown(census: Census, *, when: datetime | None = None) -> str:
    """A report a person can paste: the query and date, coverage, then tables."""
    moment = when or datetime.now(UTC)
    parts = [
        f"# Census: `{census.query.replace('`', '')}`",
        f"{moment.date().isoformat()} · {_repos(census.coverage.counted)}"
        f" · {census.coverage.text(moment)}",
    ]
    if "framework:" in census.query:
        parts.append(f"_{NOTE}_")
    if census.ranges:
        parts.append(f"Sliced by creation date into {plural(len(census.ranges), 'range')}.")
    parts += [
        "## Languages by repositories (primary language)",
        _md_table(["language", "share", "repositories"], _share_rows(census.by_repos)),
        "## Languages by bytes",
        _md_table(["language", "share", "bytes"], _share_rows(census.by_bytes, in_bytes=True)),
    ]
    for category, shares in census.frameworks:
        parts.append(f"## Frameworks: {CATEGORY_LABELS.get(category, category)}")
        parts.append(_md_table(["framework", "share", "repositories"], _share_rows(shares)))
    years = [
        [str(y.year), f"{y.total:,}", ", ".join(f"{n} {c}" for n, c in y.by_language)]
        for y in census.years
    ]
    if years:
        parts += ["## By creation year", _md_table(["year", "repositories", "languages"], years)]
    return "\n\n".join(parts) + "\n"


def census_text(census: Census, *, now: datetime | None = None) -> str:
    """The census for a terminal: the same tables as the Markdown, without the markup.

    Args:
        census: The numbers.
        now: The moment it is printed at, for "resets at 17:05 (in 41 min)" (default: the clock's).
    """
    lines = [
        f"Census of {census.query}: {_repos(census.coverage.counted)}",
        census.coverage.text(now),
    ]
    sections = [
        ("Languages by repositories", census.by_repos, False),
        ("Languages by bytes", census.by_bytes, True),
    ]
    sections += [
        (f"Frameworks, {CATEGORY_LABELS.get(cat, cat)}", shares, False)
        for cat, shares in census.frameworks
    ]
    for title, shares, in_bytes in sections:
        lines += ["", title]
        width = max((len(s.name) for s in shares[:TOP]), default=0)
        lines += [
            f"  {s.name:<{width}}  {spaced_percent(s.percent, s.value)}"
            f"  {_amount(s.value, in_bytes)}"
            for s in shares[:TOP]
        ]
    if census.years:
        lines += ["", "By creation year"]
        lines += [
            f"  {y.year}  {y.total:>5,}  " + ", ".join(f"{n} {c}" for n, c in y.by_language)
            for y in census.years
        ]
    return "\n".join(lines)
