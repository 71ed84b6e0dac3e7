"""Comparison exports: the compare view's rows as Markdown or JSON files."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from tui.analysis.report import RepoReport
from tui.present.compare_rows import LEGEND, compare_rows
from tui.present.format import UNKNOWN, share_percent
from tui.present.schema import report_json
from tui.present.verdict import verdict_text
from tui.textsafe import escape_bidi_json, one_line

FORMATS = {"markdown": "md", "json": "json"}
"""Export format -> file extension."""


def _cell(text: str) -> str:
    """A Markdown table cell: pipes escaped, one line."""
    return one_line(text).replace("|", "\\|")


def _linked(report: RepoReport) -> str:
    """The repository's name as a Markdown link to its web page (a local checkout: plain)."""
    name = _cell(report.info.full_name)
    url = report.info.html_url or ""
    if not url.startswith(("https://", "http://")):
        return name
    name = name.replace("[", "\\[").replace("]", "\\]")  # inside a link's text only
    for char, escaped in ((">", "%3E"), (" ", "%20"), ("|", "%7C"), ("\n", "")):
        url = url.replace(char, escaped)  # one table cell, one link, whatever the answer held
    return f"[{name}](<{url}>)"


def languages_summary(report: RepoReport) -> str:
    """``Python 98.8%, Shell 1.2%`` (or a dash when unknown)."""
    if not report.languages:
        return UNKNOWN
    shown = (
        f"{one_line(s.name)} {share_percent(s.percent, s.bytes)}" for s in report.languages[:5]
    )
    return ", ".join(shown)


def to_markdown(reports: list[RepoReport], now: datetime) -> str:
    """A Markdown table: one column per repository, the same rows as the compare view."""
    names = [_linked(r) for r in reports]
    lines = [
        f"# repolens comparison ({now:%Y-%m-%d %H:%M} UTC)",
        "",
        "| | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(reports),
    ]
    languages = " | ".join(_cell(languages_summary(r)) for r in reports)
    for row in compare_rows(reports, now):
        label = _cell(row.label)
        if row.key.startswith("fw:"):
            label = f"{label} ({_cell(row.group.removeprefix('frameworks: '))})"
        values = [_cell(v) + (" ▲" if i in row.best else " ▼" if i in row.worst else "")
                  for i, v in enumerate(row.values)]  # fmt: skip
        if row.key == "verdict":  # a file has room for the whole sentence
            values = [_cell(verdict_text(r)) for r in reports]
        lines.append(f"| {label} | " + " | ".join(values) + " |")
        if row.key == "primary_language":
            lines.append(f"| Languages | {languages} |")
    if any(r.frameworks for r in reports):
        lines.extend(["", f"Frameworks: {LEGEND}"])
    return "\n".join(lines) + "\n"


def to_json(reports: list[RepoReport], now: datetime) -> str:
    """A JSON document: the repositories and every row with raw values, best and worst.

    ``reports`` holds each repository in the schema of ``show --json``. A framework row's value
    per column is ``null`` (not known yet), ``false`` (not used) or
    ``{"mark", "self", "only_in", "confidence"}``; the verdict row's is the report's verdict.
    """
    rows = [
        {"key": row.key, "label": row.label, "group": row.group, "values": list(row.raw),
         "best": sorted(row.best), "worst": sorted(row.worst)}
        for row in compare_rows(reports, now)
    ]  # fmt: skip
    languages = {
        r.info.full_name: [{"name": s.name, "bytes": s.bytes, "percent": s.percent}
                           for s in r.languages or ()]
        for r in reports
    }  # fmt: skip
    document = {
        "generated_at": now.isoformat(),
        "repositories": [r.info.full_name for r in reports],
        "reports": [report_json(r) for r in reports],
        "rows": rows,
        "languages": languages,
        "framework_marks": LEGEND,
    }
    return escape_bidi_json(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def export_comparison(reports: list[RepoReport], fmt: str, directory: Path, now: datetime) -> Path:
    """Write the comparison to ``directory`` and return the file's path.

    Args:
        reports: The compared repositories, left to right.
        fmt: ``markdown`` or ``json``.
        directory: Where to write (created if missing).
        now: The time stamped in the file and its name.

    Returns:
        The absolute path written.
    """
    text = to_markdown(reports, now) if fmt == "markdown" else to_json(reports, now)
    directory = directory.expanduser().resolve()  # the notification names the full path
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"repolens-compare-{now:%Y%m%d-%H%M%S}.{FORMATS[fmt]}"
    path.write_text(text, encoding="utf-8")
    return path
