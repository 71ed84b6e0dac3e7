"""The demo catalog tells the same story as GitHub: for every catalogued repository, its report
(metadata, languages, frameworks with the path and line of each piece of evidence) equals the one
``GitHubSource`` builds from the test server serving that repository's real corpus files.

Evidence *details* are not compared: the catalog keeps dependency names, never the lines as
written (``torch`` where GitHub's file says ``torch==1.12.0``). GitHub's side runs over REST with
a token, so its languages are GitHub's own figures (without a token, a repository whose tree is
fetched gets shares estimated from the listing instead; ``test_github_listing_languages``).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer
from tui.analysis.report import RepoReport
from tui.sources.catalog import CatalogSource, load_catalog
from tui.sources.github import GitHubSource

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus" / "dev"
FOLDERS = sorted(p for p in CORPUS.glob("*") if (p / "repo.json").exists())
NAMES = [json.loads((p / "repo.json").read_text())["full_name"] for p in FOLDERS]

pytestmark = pytest.mark.skipif(not FOLDERS, reason=f"development corpus not found at {CORPUS}")


def _lines_file(lines: list[tuple[int, str]]) -> bytes:
    """A source file holding the recorded import statements on their own line numbers."""
    out: list[str] = []
    for number, text in sorted(lines):
        out.extend([""] * (number - 1 - len(out)))
        out.append(text)
    return ("\n".join(out) + "\n").encode()


def _serve(server: GitHubServer, folder: Path) -> str:
    """Serve one corpus repository as it is on GitHub: metadata, languages, tree, real files."""
    repo = json.loads((folder / "repo.json").read_text())
    repo.pop("_provenance", None)
    full_name = str(repo.pop("full_name"))
    files = {
        path.relative_to(folder / "files").as_posix(): path.read_bytes()
        for path in (folder / "files").rglob("*")
        if path.is_file()
    }
    imports = folder / "source-imports.json"
    if imports.exists():  # sources are not in the corpus: their import lines are, as facts
        doc = json.loads(imports.read_text())
        for name, body in doc["files"].items():
            files[name] = _lines_file([(item["line"], item["text"]) for item in body["imports"]])
    tree = json.loads((folder / "tree.json").read_text())
    server.add_repo(
        full_name,
        files=files,
        languages=json.loads((folder / "languages.json").read_text()),
        sha=(folder / "commit.txt").read_text().strip(),
        tree=tree["tree"],
        **repo,
    )
    return full_name


async def _final(reports: AsyncIterator[RepoReport]) -> RepoReport:
    last = None
    async for report in reports:
        last = report
    assert last is not None
    return last


def _story(report: RepoReport) -> dict[str, Any]:
    """What a person reads off a report, evidence details left out (see the module docstring)."""
    return {
        "info": report.info,
        "languages": report.languages,
        "notebook_view": (report.notebook_view, report.notebook_label, report.notebook_bytes),
        "frameworks": [
            (
                fw.name,
                fw.category,
                fw.confidence,
                fw.is_self,
                fw.only_in,
                [(ev.path, ev.line) for ev in fw.evidence],
            )
            for fw in report.frameworks or ()
        ],
        "errors": report.errors,
    }


def test_the_catalog_holds_the_whole_corpus() -> None:
    assert sorted(repo.full_name for repo in load_catalog().repos) == sorted(NAMES)


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
async def test_catalog_report_equals_githubs(
    folder: Path, github_server: GitHubServer, make_client: ClientFactory
) -> None:
    full_name = _serve(github_server, folder)
    github = await _final(GitHubSource(make_client("tok"), graphql=False).report(full_name))
    catalog = await _final(CatalogSource().report(full_name))
    assert catalog.frameworks is not None
    assert catalog.source.kind == "catalog"
    assert _story(catalog) == _story(github)
