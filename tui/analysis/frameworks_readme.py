"""Install commands in a README (``pip install torch``): weak, documentation-only evidence.

A README's prose names many things a project does not use (a port in another framework, an OS to
install on), so only the arguments of package-manager install commands count, line by line.
"""

from __future__ import annotations

import re
from functools import cache

from tui.analysis.manifests import Dependency
from tui.analysis.manifests.base import normalise
from tui.analysis.posix_parts import stem
from tui.analysis.report import Scope

MAX_README_BYTES = 512 * 1024
"""Only the head of a larger README is read."""

_COMMANDS = (
    (r"^(?:python3?\s+-m\s+)?pip3?\s+install\s+(.*)$", "pypi"),
    (r"^(?:uv\s+add|uv\s+pip\s+install|poetry\s+add)\s+(.*)$", "pypi"),
    (r"^(?:conda|mamba)\s+install\s+(.*)$", "conda"),
    (r"^(?:npm\s+(?:install|i|add)|yarn\s+add|pnpm\s+(?:add|install|i))\s+(.*)$", "npm"),
    (r"^cargo\s+add\s+(.*)$", "crates"),
    (r"^go\s+(?:get|install)\s+(.*)$", "go"),
    (r"^gem\s+install\s+(.*)$", "rubygems"),
    (r"^composer\s+require\s+(.*)$", "composer"),
    (r"^(?:flutter|dart)\s+pub\s+add\s+(.*)$", "pub"),
)
"""Install commands and their ecosystem, compiled with the first README read (``_compiled``):
detection imports this module whether or not a README is among the files it reads."""
_VALUE_OPTIONS = frozenset(
    {
        "-c",
        "--channel",
        "-r",
        "--requirement",
        "--constraint",
        "-i",
        "--index-url",
        "--extra-index-url",
        "-f",
        "--find-links",
        "-F",
        "--features",
        "--registry",
        "--tag",
        "-n",
        "--name",
        "-p",
        "--prefix",
        "-t",
        "--target",
        "--version",
    }
)
"""Install options that take a value as the next word."""
_PROMPT = r"^\s*(?:[$>%#]\s+|!\s*)?"


@cache
def _compiled() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]]:
    """The prompt pattern and the install commands, compiled."""
    return re.compile(_PROMPT), tuple((re.compile(p), eco) for p, eco in _COMMANDS)


def is_readme(path: str) -> bool:
    """True for a README at the repository root (README.md, readme.rst, README)."""
    return "/" not in path and stem(path).lower() == "readme"


def _package(word: str, ecosystem: str) -> str | None:
    """The package name in one install argument, or None for a path, URL or option."""
    if word.startswith(("-", ".", "/", "<", "$", "{")) or "://" in word or word.endswith(".txt"):
        return None
    if ecosystem in ("pypi", "conda"):
        # packaging's requirement parser loads with the first Python install line
        from tui.analysis.manifests.python_reqs import requirement_name

        name = requirement_name(
            word.split("::")[-1].split("=")[0] if ecosystem == "conda" else word
        )
        return name
    if ecosystem == "go":
        return word.split("@", 1)[0]
    if ecosystem == "npm" and word.startswith("@"):
        return "@" + word[1:].split("@", 1)[0]
    return word.split("@", 1)[0] or None


def readme_dependencies(path: str, data: bytes) -> list[Dependency]:
    """Packages named by install commands in a README, as documentation-scope dependencies."""
    text = data[:MAX_README_BYTES].decode("utf-8", errors="replace")
    prompt, commands = _compiled()
    found: list[Dependency] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if len(raw) > 1000:
            continue
        line = prompt.sub("", raw.strip().strip("`"), count=1)
        for pattern, ecosystem in commands:
            match = pattern.match(line)
            if match:
                found.extend(_arguments(match.group(1), ecosystem, path, number, raw.strip()))
                break
    return found


def _arguments(args: str, ecosystem: str, path: str, line: int, detail: str) -> list[Dependency]:
    """One dependency per package argument of an install command."""
    import shlex  # with the first install command found

    try:
        words = shlex.split(args.split("&&")[0].split("#")[0])
    except ValueError:
        words = args.split()
    deps = []
    skip = False
    for word in words:
        if skip or word in _VALUE_OPTIONS:
            skip = not skip  # an option's value is not a package
            continue
        name = _package(word, ecosystem)
        if name:
            deps.append(
                Dependency(normalise(name, ecosystem), ecosystem, Scope.DOCS, path, line, detail)
            )
    return deps
