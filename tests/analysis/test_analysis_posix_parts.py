"""Path parts from strings are what ``PurePosixPath`` says, on plain and odd paths alike."""

from __future__ import annotations

import fnmatch
import itertools
from pathlib import Path, PurePosixPath

from tests.doubles.corpus import blob_paths
from tui.analysis import posix_parts

CORPORA = Path(__file__).parents[2].parent / "shared" / "corpus"
PIECES = ("", ".", "..", "a", "src", ".env", "x.py", "x.", ".bashrc", "a.b.c", "README", " ")


def _odd_paths() -> list[str]:
    """Every joining of up to three pieces with ``/`` or ``//``, leading and trailing slashes."""
    out = []
    for count in (1, 2, 3):
        for chosen in itertools.product(PIECES, repeat=count):
            for joiner in ("/", "//"):
                body = joiner.join(chosen)
                out += [body, f"/{body}", f"{body}/", f"./{body}", f"{body}/."]
    return out


def _corpus_paths() -> list[str]:
    paths: list[str] = []
    for folder in sorted(CORPORA.glob("dev*/*")):
        if (folder / "tree.json").is_file():
            paths += blob_paths(folder)
    return paths


def test_same_parts_name_suffix_and_stem_as_pure_posix_path() -> None:
    paths = _odd_paths() + _corpus_paths()
    assert len(paths) > 5000
    for path in paths:
        pure = PurePosixPath(path)
        assert posix_parts.parts(path) == pure.parts, path
        assert posix_parts.folders(path) == list(pure.parts[:-1]), path
        assert posix_parts.name(path) == pure.name, path
        assert posix_parts.suffix(path) == pure.suffix, path
        assert posix_parts.stem(path) == pure.stem, path


GLOBS = ("*.yml", "Dockerfile.*", "a*b?c", "x[ab]y*", "lone[bracket", "a]b[c", "[!a]*.txt", "", "*")
NAMES = (
    "",
    "a",
    "x.yml",
    "Dockerfile.dev",
    "aXbYc",
    "xay1",
    "xby",
    "lone[bracket",
    "a]b[c",
    "b.txt",
)


def test_glob_ends_hold_for_every_matching_name() -> None:
    """A name fnmatch matches with a glob starts and ends with the glob's literal ends."""
    names = [*NAMES, *(f"{n}{m}" for n in NAMES for m in NAMES)]
    matched = 0
    for glob in GLOBS:
        start, end = posix_parts.glob_ends(glob)
        for name in names:
            if fnmatch.fnmatchcase(name, glob):
                matched += 1
                assert name.startswith(start), (glob, name)
                assert name.endswith(end), (glob, name)
    assert matched > 50
    assert posix_parts.glob_ends("*.yml") == ("", ".yml")
    assert posix_parts.glob_ends("requirements.txt") == ("requirements.txt", "requirements.txt")
