"""scripts/build_catalog.py: the bundled catalog is current, deterministic, and holds facts only."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from tui.sources.catalog import load_catalog, parse_catalog

ROOT = Path(__file__).parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
BUNDLED = ROOT / "tui" / "data" / "catalog.json"


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    """The build script, imported from its file (``scripts/`` is not a package)."""
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    spec = importlib.util.spec_from_file_location(
        "build_catalog", ROOT / "scripts" / "build_catalog.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bundled_catalog_is_what_the_script_builds(builder: ModuleType) -> None:
    built = builder.render(builder.build(CORPUS))
    assert built == builder.render(builder.build(CORPUS))  # deterministic
    assert built == BUNDLED.read_text(), "run: uv run python scripts/build_catalog.py"
    assert builder.main(["--check"]) == 0


def test_check_mode_notices_a_stale_file(builder: ModuleType, tmp_path: Path) -> None:
    stale = tmp_path / "catalog.json"
    stale.write_text("{}\n")
    assert builder.main(["--check", "--out", str(stale)]) == 1
    assert builder.main(["--out", str(stale)]) == 0
    assert builder.main(["--check", "--out", str(stale)]) == 0
    assert parse_catalog(stale.read_bytes()).repos


def test_facts_match_the_corpus(builder: ModuleType) -> None:
    catalog = load_catalog(BUNDLED)
    folders = sorted(p for p in CORPUS.iterdir() if (p / "repo.json").exists())
    assert len(catalog.repos) == len(folders)
    for folder in folders:
        meta = json.loads((folder / "repo.json").read_text())
        repo = catalog.find(meta["full_name"])
        assert repo is not None
        assert repo.commit_sha == (folder / "commit.txt").read_text().strip()
        assert repo.languages == json.loads((folder / "languages.json").read_text())
        tree = json.loads((folder / "tree.json").read_text())
        blobs = [e for e in tree["tree"] if e["type"] == "blob"]
        assert repo.files == tuple((e["path"], e.get("size")) for e in blobs)
        assert repo.info.stars == meta["stargazers_count"]


def test_data_date_is_the_latest_commit_date(builder: ModuleType) -> None:
    doc = json.loads(BUNDLED.read_text())
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc["data_date"])
    dates = [entry["commit"]["date"][:10] for entry in doc["repos"].values()]
    assert load_catalog(BUNDLED).data_date == max(dates)


def _residue(line: str, facts: set[str]) -> str:
    """What a line says beyond facts: its word characters once quoted facts are removed."""
    for token in re.findall(r"[\"']([^\"']+)[\"']", line):
        if token in facts:
            line = line.replace(token, "")
    return re.sub(r"[\W_]+", "", line)


def test_no_file_content_is_copied(builder: ModuleType) -> None:
    """Lines of the corpus's files must not reappear, unless a line is just a fact (name, path)."""
    text = BUNDLED.read_text()
    catalog = load_catalog(BUNDLED)
    names = {
        name
        for repo in catalog.repos
        for facts in repo.manifests.values()
        for name in [facts.package_name, *facts.includes, *(d.name for d in facts.dependencies)]
        if name
    }
    names |= {path for repo in catalog.repos for path, _ in repo.files}
    checked = 0
    for path in CORPUS.glob("*/files/**/*"):
        if not path.is_file():
            continue
        for line in path.read_text(errors="replace").splitlines():
            line = line.strip().strip(",")
            if len(line) >= 16 and len(_residue(line, names)) >= 8:
                assert line not in text, f"{path}: {line!r} copied into the catalog"
                checked += 1
    assert checked > 100


def test_catalog_facts_are_what_parsing_the_corpus_files_says(builder: ModuleType) -> None:
    """Each manifest's facts equal the parser's answer on the original file, details aside
    (the catalog keeps names, never the lines as written)."""
    from tui.analysis.manifests import is_manifest, parse_manifest

    catalog = load_catalog(BUNDLED)
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "files").is_dir()):
        repo = catalog.find(json.loads((folder / "repo.json").read_text())["full_name"])
        assert repo is not None
        for path in (p for p in (folder / "files").rglob("*") if p.is_file()):
            rel = path.relative_to(folder / "files").as_posix()
            if not is_manifest(rel):
                continue
            original = parse_manifest(rel, path.read_bytes())
            facts = repo.manifests[rel]
            assert (facts.package_name, facts.package_line, facts.includes) == (
                original.package_name,
                original.package_line,
                original.includes,
            ), rel
            assert [(d.name, d.ecosystem, d.scope, d.path, d.line) for d in facts.dependencies] == [
                (d.name, d.ecosystem, d.scope, d.path, d.line) for d in original.dependencies
            ], rel
