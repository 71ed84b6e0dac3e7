"""Recall of the corpus labels: every ``must`` found, no ``must_not``, over dev and dev2.

Usage::

    uv run python benchmarks/corpus_recall.py [--verbose]

Detection runs the way a remote source runs it: the listing from ``tree.json``, the manifests
``manifests_to_fetch`` chooses (read from ``files/``), and the sources ``sources_to_sample``
chooses, rebuilt from ``source-imports.json`` where the corpus keeps import lines.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.doubles.corpus import blob_paths, load, manifest_files, sampled_sources
from tui.analysis.frameworks import Detection, detect, manifests_to_fetch, sources_to_sample

SHARED = next(
    (
        up / "shared" / "corpus"
        for up in Path(__file__).resolve().parents
        if (up / "shared").is_dir()
    ),
    Path("../shared/corpus"),
)
"""The nearest ``shared/corpus`` above this file (a worktree may sit a level deeper)."""
CORPORA = ("dev", "dev2")


def detect_corpus_repo(folder: Path) -> Detection:
    """Detection over one corpus folder, reading only what the selection asks for."""
    paths = blob_paths(folder)
    full_name = load(folder, "repo.json").get("full_name")
    files = manifest_files(folder, manifests_to_fetch(paths, repo_name=full_name))
    files.update(sampled_sources(folder, sources_to_sample(paths)))
    return detect(paths, files, repo_name=full_name)


def main() -> None:
    """Print per-repository misses and the totals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list what each repo detected")
    args = parser.parse_args()
    found_total = must_total = wrong_total = 0
    for corpus in CORPORA:
        root = SHARED / corpus
        if not root.is_dir():
            print(f"{corpus}: absent ({root})")
            continue
        for folder in sorted(p for p in root.iterdir() if (p / "tree.json").is_file()):
            labels = load(folder, "frameworks.json")
            names = {fw.name for fw in detect_corpus_repo(folder).frameworks}
            musts = [label["name"] for label in labels["must"]]
            missing = [name for name in musts if name not in names]
            wrong = [label["name"] for label in labels["must_not"] if label["name"] in names]
            found_total += len(musts) - len(missing)
            must_total += len(musts)
            wrong_total += len(wrong)
            print(f"{corpus}/{folder.name:40} {len(musts) - len(missing)}/{len(musts)}", end="")
            print(f"  missing {missing}" if missing else "", end="")
            print(f"  must_not {wrong}" if wrong else "")
            if args.verbose:
                print("    ", sorted(names))
    print(f"\nmusts found {found_total}/{must_total}, must_not violations {wrong_total}")


if __name__ == "__main__":
    main()
