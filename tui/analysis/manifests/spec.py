"""How a module declares a manifest format: names or patterns, parser, ecosystem, role.

Every module of this package that parses a format ends with ``FORMATS = (Format(...), ...)``;
``registry.py`` collects them, and every list of manifest names in the product (what to fetch
from a listing, the order of root manifests, the files a GitHub search query asks for) is derived
from those declarations. Adding a format is one module plus its rules in ``tui/data/frameworks``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple

from tui.analysis.manifests.base import Manifest

Parser = Callable[[str, bytes], Manifest]
"""``(path, data) -> Manifest``; never raises on bad input."""


class Format(NamedTuple):
    """One manifest format.

    Attributes:
        key: A short id (``csproj``, ``gradle-catalog``).
        ecosystem: The ecosystem of the dependencies it declares (``nuget``, ``gradle``).
        parser: Reads one file of this format.
        names: Exact names, spelt as in a repository (``Cargo.toml``); a name holding ``/`` is a
            path tail (``gradle/libs.versions.toml``). Matched case-insensitively.
        patterns: Glob patterns, lower case, on the file name (``*.csproj``) or, when holding
            ``/``, on as many trailing path parts (``requirements/*.txt``).
        rank: Order among root manifests (lower is fetched first): the files naming the project
            come before lists of requirements.
        workspace: Its ``includes`` name workspace members (npm workspaces, Cargo workspaces,
            ``settings.gradle``), so a root holding it is a monorepo's.
        search: A root copy is asked for by name in every search query (small and decisive); the
            rest are read when a listing shows them.
        anchored: Only a root copy is of this format (a ``Makefile`` deep in a C tree is a
            sub-build, not the project's install recipe); ``patterns`` holding ``/`` then name
            root folders (``scripts/install*.sh``).
        supplement: It adds to what a project's manifests say (install scripts, Dockerfiles)
            and is read with them once a listing is, but is never by itself a reason to list
            a tree or read deeper.
    """

    key: str
    ecosystem: str
    parser: Parser
    names: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    rank: int = 100
    workspace: bool = False
    search: bool = True
    anchored: bool = False
    supplement: bool = False


class LazyParser:
    """A format's parser named by module and function, imported with its first manifest.

    The registry builds formats from a generated table (``tui/analysis/manifest_formats.py``)
    rather than importing every format module; this stands in for the parser function until
    one is parsed. It carries the function's ``__module__`` and ``__name__``.
    """

    def __init__(self, module: str, name: str) -> None:
        """Name the parser: ``module`` (dotted, full) and its function ``name``."""
        self.__module__ = module
        self.__name__ = name
        self._function: Parser | None = None

    def resolve(self) -> Parser:
        """The parser function itself (its module is imported the first time)."""
        if self._function is None:
            self._function = getattr(importlib.import_module(self.__module__), self.__name__)
        return self._function

    def __call__(self, path: str, data: bytes) -> Manifest:
        """Parse one file, as the named function does."""
        return self.resolve()(path, data)

    def __repr__(self) -> str:
        return f"<parser {self.__module__}.{self.__name__}>"
