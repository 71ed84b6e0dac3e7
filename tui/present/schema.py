"""The one JSON schema: ``show --json``, each ``search --details --json`` item, compare exports.

A report is ``info_json`` (metadata) plus ``verdict``, ``languages``, ``frameworks`` (in the one
order of ``tui.present.verdict.ranked``) and ``source``; the README's "JSON output" documents it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tui.analysis.report import Framework, LanguageShare, RepoInfo, RepoReport, SourceInfo
from tui.present.verdict import ranked, verdict_json

if TYPE_CHECKING:  # (an annotation only: a local scan's JSON loads nothing of tui.github)
    from tui.sources.base import SearchResults


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def info_json(info: RepoInfo) -> dict[str, Any]:
    """The metadata fields shared by ``show --json`` and each ``search --json`` item."""
    return {
        "full_name": info.full_name,
        "description": info.description,
        "html_url": info.html_url,
        "stars": info.stars,
        "forks": info.forks,
        "open_issues": info.open_issues,
        "license": info.license,
        "topics": list(info.topics),
        "default_branch": info.default_branch,
        "pushed_at": _iso(info.pushed_at),
        "archived": info.archived,
        "primary_language": info.primary_language,
    }


def languages_json(languages: Sequence[LanguageShare] | None) -> list[dict[str, Any]]:
    """``[{name, bytes, percent, color}]`` sorted by bytes."""
    return [
        {"name": s.name, "bytes": s.bytes, "percent": s.percent, "color": s.color}
        for s in languages or ()
    ]


def frameworks_json(frameworks: Sequence[Framework] | None) -> list[dict[str, Any]]:
    """``[{name, category, confidence, self, only_in, role, basis, evidence: [...]}]``, ranked."""
    return [
        {
            "name": f.name,
            "category": f.category,
            "confidence": round(f.confidence, 2),
            "self": f.is_self,
            "only_in": f.only_in,
            "role": "library" if f.support else "framework",
            "basis": None if f.basis is None else f.basis.value,
            "evidence": [
                {"path": e.path, "detail": e.detail, **({"line": e.line} if e.line else {})}
                for e in f.evidence
            ],
        }
        for f in ranked(frameworks or ())
    ]


def source_json(source: SourceInfo) -> dict[str, Any]:
    """Where the answer came from and how fresh it is."""
    return {
        "kind": source.kind,
        "from_cache": source.from_cache,
        "stale": source.stale,
        "fetched_at": _iso(source.fetched_at),
    }


def report_json(report: RepoReport) -> dict[str, Any]:
    """The object ``repolens show --json`` prints."""
    data = info_json(report.info)
    data["verdict"] = verdict_json(report)
    data["languages"] = languages_json(report.languages)
    data["frameworks"] = frameworks_json(report.frameworks)
    if report.notebook_view is not None:
        data["notebook_view"] = {
            "label": report.notebook_label,
            "notebook_bytes": report.notebook_bytes,
            "languages": languages_json(report.notebook_view),
        }
    if report.classifier:
        data["classifier"] = report.classifier
    if report.languages_estimated:  # counted from the file listing, not GitHub's figures
        data["languages_estimated"] = True
    if report.errors:
        data["problems"] = list(report.errors)
    data["source"] = source_json(report.source)
    return data


def search_json(
    results: SearchResults, items: Sequence[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The object ``repolens search --json`` prints."""
    return {
        "total_count": results.total_count,
        "incomplete_results": results.incomplete,
        "offline": results.offline,
        "items": list(items) if items is not None else [info_json(i) for i in results.items],
    }
