"""Plain-text and JSON renderings of reports and search results, for ``repolens`` subcommands.

Everything from GitHub passes through ``textsafe.clean`` before it reaches a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import PurePath
from typing import Any

from tui.analysis.report import Framework, LanguageShare, RepoInfo, RepoReport, SourceInfo
from tui.sources.base import SearchResults
from tui.textsafe import clean

#: The least confidence a framework needs to be named in the verdict (an import seen in a few
#: source files reaches it; a lone dev dependency or a README mention does not).
HEADLINE_CONFIDENCE = 0.6
#: Categories that describe how a project is run or tested rather than what it is built with.
_TOOLING = frozenset({"infra", "test", "build", "lint", "ci"})


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
    """``[{name, category, confidence, self, evidence: [{path, detail}]}]``."""
    return [
        {
            "name": f.name,
            "category": f.category,
            "confidence": round(f.confidence, 2),
            "self": f.is_self,
            "only_in": f.only_in,
            "role": "library" if f.support else "framework",
            "evidence": [
                {"path": e.path, "detail": e.detail, **({"line": e.line} if e.line else {})}
                for e in f.evidence
            ],
        }
        for f in frameworks or ()
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


def headline_frameworks(frameworks: Sequence[Framework] | None) -> list[Framework]:
    """What the one-line verdict names: the repository's main frameworks, strongest first."""
    candidates = [
        f
        for f in frameworks or ()
        if f.category not in _TOOLING and f.only_in is None and f.confidence >= HEADLINE_CONFIDENCE
    ]
    # name what the project is built on; supporting libraries only when nothing else is found
    chosen = [f for f in candidates if not f.support] or candidates
    return sorted(chosen, key=lambda f: (-f.confidence, f.name))[:4]


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def verdict(report: RepoReport) -> str:
    """``microsoft/BioGPT is written in Python (98.8 %) and built with PyTorch and fairseq.``"""
    name = clean(report.info.full_name, single_line=True)
    if report.source.kind == "local":
        name = PurePath(name).name or name  # a checkout is named by its folder
    if report.languages:
        top = report.languages[0]
        written = f"is written in {clean(top.name)} ({top.percent:.1f} %"
        view = report.notebook_view
        if view and top.name == "Jupyter Notebook" and view[0].name != top.name:
            how = "notebook code cells counted" if report.classifier else "notebooks set apart"
            written += f"; {clean(view[0].name)} {view[0].percent:.1f} % with {how}"
        written += ")"
    else:
        written = "has no language statistics yet"
    chosen = headline_frameworks(report.frameworks)
    itself = [clean(f.name) for f in chosen if f.is_self]
    others = [clean(f.name) for f in chosen if not f.is_self]
    if itself:
        built = f"is {_join(itself)} itself" + (f", built with {_join(others)}" if others else "")
    elif chosen:
        built = "built with " + _join(others)
    elif report.frameworks is None:
        built = "its frameworks are unknown"
    else:
        built = "no framework was detected"
    return f"{name} {written} and {built}."
