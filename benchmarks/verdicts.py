"""Print the verdict on every corpus repository and how many ``must`` labels it names.

Usage::

    uv run python -m benchmarks.verdicts [CORPUS_DIR ...]

By default it reads ``../shared/corpus/dev`` and ``../shared/corpus/dev2`` (whichever exist). Each
repository is detected the way a remote source detects it: the manifests ``manifests_to_fetch``
picks from its tree, then, when they name no primary framework, the sources ``sources_to_sample``
picks, rebuilt from ``source-imports.json`` where the corpus has one. Columns: the verdict text;
**must in verdict**, the ``must`` labels the verdict names (a supporting library such as Click in
pallets/flask is a ``must`` the verdict leaves out on purpose); **must detected**, the ``must``
labels anywhere in the frameworks list; **wrong**, ``must_not`` labels the verdict names;
**token**, whether the online paths agree (``benchmarks.verdict_paths``: ``show`` without a
token, with one, and a GraphQL search page, each through the fake GitHub): ``same``, or
``DIFFERS`` with the verdicts printed after the table. ``--no-paths`` skips that column.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.verdict_paths import Paths, mismatches
from benchmarks.verdict_paths import measure as measure_paths
from tests.doubles.corpus import blob_paths, load, manifest_files, sampled_sources
from tui.analysis.frameworks import detect, manifests_to_fetch, sources_to_sample
from tui.analysis.languages import shares
from tui.analysis.report import RepoInfo, RepoReport
from tui.analysis.verdict import decide
from tui.present.verdict import verdict_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = (
    ROOT.parent / "shared" / "corpus" / "dev",
    ROOT.parent / "shared" / "corpus" / "dev2",
)


def report_of(folder: Path) -> RepoReport:
    """Detect one corpus repository as a remote source would, with GitHub's language bytes."""
    paths = blob_paths(folder)
    name = load(folder, "repo.json").get("full_name") or folder.name.replace("__", "/")
    files = manifest_files(folder, manifests_to_fetch(paths, repo_name=name))
    detection = detect(paths, files, repo_name=name)
    if detection.silent:
        files |= sampled_sources(folder, sources_to_sample(paths))
        detection = detect(paths, files, repo_name=name)
    languages = shares(load(folder, "languages.json"))
    return RepoReport(RepoInfo(full_name=name), languages, detection.frameworks)


def _row(folder: Path) -> tuple[str, int, int, int, list[str]]:
    labels = load(folder, "frameworks.json")
    must = {label["name"] for label in labels["must"]}
    must_not = {label["name"] for label in labels["must_not"]}
    report = report_of(folder)
    named = {f.name for f in decide(report).frameworks}
    found = {f.name for f in report.frameworks or ()}
    return (
        verdict_text(report),
        len(must & named),
        len(must & found),
        len(must),
        sorted(must_not & named),
    )


def main(argv: list[str] | None = None) -> int:
    """Print one line per repository and the recall per corpus; 0 always (figures, not a test)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=list(DEFAULT_CORPORA))
    parser.add_argument("--no-paths", action="store_true", help="skip the token-path column")
    args = parser.parse_args(argv)
    paths: dict[str, Paths] | None = None if args.no_paths else measure_paths()
    for corpus in args.corpora:
        repos = (
            sorted(p for p in corpus.iterdir() if (p / "tree.json").is_file())
            if corpus.is_dir()
            else []
        )
        if not repos:
            print(f"{corpus}: not found, skipped", file=sys.stderr)
            continue
        print(f"== {corpus.name} ({len(repos)} repositories)")
        totals = [0, 0, 0]
        for folder in repos:
            text, in_verdict, detected, must, wrong = _row(folder)
            totals = [totals[0] + in_verdict, totals[1] + detected, totals[2] + must]
            flag = f"  WRONG: {', '.join(wrong)}" if wrong else ""
            flag += _token_column(paths, folder, text)
            print(f"{in_verdict}/{must} in verdict, {detected}/{must} detected  {text}{flag}")
        named, detected, must = totals
        print(
            f"recall of must labels: {named}/{must} in verdicts ({named / max(must, 1):.0%}), "
            f"{detected}/{must} detected ({detected / max(must, 1):.0%})\n"
        )
    if paths is not None:
        agree = sum(1 for p in paths.values() if p.agree)
        print(f"token path: {agree}/{len(paths)} the same verdict with and without a token")
        print("\n".join(mismatches(paths)))
    return 0


def _token_column(paths: dict[str, Paths] | None, folder: Path, listing: str) -> str:
    """``  token: same``, or ``DIFFERS`` and whether the token's verdict is this table's.

    This table judges from the whole listing, as a tree would; the paths online may judge from
    less (the root alone, when it names a primary framework).
    """
    if paths is None:
        return ""
    name = str(load(folder, "repo.json").get("full_name") or folder.name.replace("__", "/"))
    found = paths.get(name.lower())
    if found is None:
        return "  token: not served"
    if found.agree:
        return "  token: same"
    which = "token" if found.token == listing else "no token" if found.rest == listing else ""
    return f"  token: DIFFERS ({which} = this verdict)" if which else "  token: DIFFERS"


if __name__ == "__main__":
    raise SystemExit(main())
