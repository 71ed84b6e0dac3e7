"""The verdict in words and as JSON, and the one framework order, for every front end.

``tui.analysis.verdict`` decides; this module only words the decision::

    microsoft/BioGPT is written in Python (98.8 %), built with PyTorch, fairseq and scikit-learn.
    vuejs/core is Vue itself, written in TypeScript (≈ 96.7 %).
    karpathy/nanoGPT is written in Python (100.0 %), probably built with PyTorch (imports in 3
    files).
    fastapi/fastapi is FastAPI itself, written in Python (100.0 %), built with Starlette.
    BurntSushi/ripgrep is written in Rust (95.0 %); no framework was detected.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Any

from tui.analysis.report import Basis, Framework, RepoReport
from tui.analysis.verdict import Verdict, VerdictFramework, decide, ranked
from tui.textsafe import clean

__all__ = ["grouped", "ranked", "verdict_brief", "verdict_json", "verdict_text"]


def _join(names: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _subject(report: RepoReport) -> str:
    """What the sentence is about: ``owner/name``, or a checkout's folder name."""
    name = clean(report.info.full_name, single_line=True)
    if report.source.kind == "local":
        name = PurePath(name).name or name  # a checkout is named by its folder
    return name


def _written(report: RepoReport, verdict: Verdict) -> str:
    """``is written in Python (76.3 %) and Jupyter Notebook (23.7 %)``."""
    if not verdict.languages:
        return "has no language statistics yet"
    about = "≈ " if report.languages_estimated else ""  # counted from the listing, not GitHub's
    named = [f"{clean(lang.name)} ({about}{lang.percent:.1f} %)" for lang in verdict.languages]
    top, view = verdict.languages[0], report.notebook_view
    if view and top.name == "Jupyter Notebook" and view[0].name != top.name:
        how = "notebook code cells counted" if report.classifier else "notebooks set apart"
        share = f"{clean(view[0].name)} {view[0].percent:.1f} % with {how}"
        named[0] = named[0][:-1] + f"; {share})"
    return "is written in " + _join(named)


def _hedged(framework: VerdictFramework) -> str:
    """A weakly shown framework with what shows it: ``PyTorch (imports in 3 files)``."""
    name = clean(framework.name)
    if framework.basis is Basis.IMPORTS:
        files = "file" if framework.signals == 1 else "files"
        return f"{name} (imports in {framework.signals} {files})"
    if framework.basis is Basis.README:
        return f"{name} (only a README install line)"
    return name


def _built(verdict: Verdict) -> str:
    """``built with A and B``, ``probably built with C (imports in 2 files)``, or both."""
    sure = [clean(f.name) for f in verdict.frameworks if not f.is_self and not f.weak]
    weak = [_hedged(f) for f in verdict.frameworks if not f.is_self and f.weak]
    if sure and weak:
        return f"built with {_join(sure)}, and probably {_join(weak)}"
    if sure:
        return f"built with {_join(sure)}"
    return f"probably built with {_join(weak)}" if weak else ""


def verdict_text(report: RepoReport) -> str:
    """The one-line verdict: written in what, built with what (see the module docstring)."""
    verdict = decide(report)
    written = _written(report, verdict)
    itself = [clean(f.name) for f in verdict.frameworks if f.is_self]
    built = _built(verdict)
    if itself:
        written = written.removeprefix("is ").replace("has no", "with no", 1)
        head = f"{_subject(report)} is {_join(itself)} itself, {written}"
    else:
        head = f"{_subject(report)} {written}"
    if built:
        return f"{head}, {built}."
    if itself:
        return f"{head}."
    tail = "no framework was detected" if verdict.known else "its frameworks are not known yet"
    return f"{head}; {tail}."


def verdict_json(report: RepoReport) -> dict[str, Any]:
    """``{text, languages: [{name, percent}], frameworks: [{name, category, why}]}``."""
    verdict = decide(report)
    return {
        "text": verdict_text(report),
        "languages": [{"name": lang.name, "percent": lang.percent} for lang in verdict.languages],
        "frameworks": [
            {"name": f.name, "category": f.category, "why": f.why} for f in verdict.frameworks
        ],
    }


def verdict_brief(report: RepoReport) -> tuple[str, str]:
    """The verdict in two short lines for a narrow column: languages, then frameworks.

    ``("Python 98.8 %", "PyTorch, fairseq, scikit-learn")``; the repository is itself
    ``"is Flask"`` (``"is FastAPI, on Starlette"``); weak evidence ``"probably PyTorch"``.
    """
    verdict = decide(report)
    about = "≈ " if report.languages_estimated else ""
    languages = ", ".join(
        f"{clean(lang.name)} {about}{lang.percent:.1f} %" for lang in verdict.languages
    )
    itself = [f"is {clean(f.name)}" for f in verdict.frameworks if f.is_self]
    others = ", ".join(
        ("probably " if f.weak else "") + clean(f.name) for f in verdict.frameworks if not f.is_self
    )
    names = [*itself, f"on {others}" if itself and others else others] if others else itself
    if names:
        frameworks = ", ".join(names)
    else:
        frameworks = "no framework" if verdict.known else "frameworks: detecting…"
    return languages or "languages: unknown", frameworks


def grouped(frameworks: Iterable[Framework]) -> list[tuple[str, list[Framework]]]:
    """Frameworks by category in the one order: a category comes where its best member ranks."""
    groups: dict[str, list[Framework]] = {}
    for framework in ranked(frameworks):
        groups.setdefault(framework.category, []).append(framework)
    return list(groups.items())
