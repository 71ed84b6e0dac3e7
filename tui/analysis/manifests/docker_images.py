"""A Dockerfile's base images: ``FROM`` lines read as dependencies of the ``docker`` ecosystem.

``FROM pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime`` says the image a project ships runs on
PyTorch as plainly as ``RUN pip install torch`` does: someone else ran the install. An image
reference is ``[registry/]path[:tag][@digest]`` (the grammar of Docker's ``reference``
package); only the repository path is kept, normalised so that ``docker.io/library/python``,
``library/python`` and ``python`` are one name, and a registry other than Docker Hub stays part of
it (``nvcr.io/nvidia/pytorch``). ``ARG`` defaults declared before the first ``FROM`` are
substituted as Docker does (``${BASE:-python:3.12}`` included); a reference still holding a
variable in its path names nothing. Multi-stage builds: the stages the last one derives from
(``FROM base AS prod``, ``FROM build``) are the shipped image, so their bases are runtime; the
base of any other stage (``FROM node:20 AS assets``) only builds something, and is build scope.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from tui.analysis.manifests.base import Collector
from tui.analysis.report import Scope

_VARIABLE = re.compile(r"\$(?:\{([A-Za-z_]\w*)(?:(:[-+])([^}]*))?\}|([A-Za-z_]\w*))")
_COMPONENT = re.compile(r"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$")
_DOCKER_HUB = frozenset({"docker.io", "index.docker.io", "registry-1.docker.io"})


def substitute(text: str, args: dict[str, str]) -> str:
    """``$NAME``, ``${NAME}``, ``${NAME:-word}`` and ``${NAME:+word}`` replaced from ``args``;
    an unknown name stays as written (the reference then names nothing)."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(4)
        value = args.get(name)
        if match.group(2) == ":-":
            return value or match.group(3)
        if match.group(2) == ":+":
            return match.group(3) if value else ""
        return match.group(0) if value is None else value

    return _VARIABLE.sub(replace, text)


def image_repository(reference: str) -> str | None:
    """The normalised repository path of an image reference, or None when it is no reference.

    ``nvcr.io/nvidia/pytorch:24.01-py3`` -> ``nvcr.io/nvidia/pytorch``; ``python:3.12-slim``
    and ``docker.io/library/python@sha256:...`` -> ``python``.
    """
    name = reference.split("@", 1)[0]
    slash = name.rfind("/")
    colon = name.rfind(":")
    if colon > slash:
        name = name[:colon]  # the tag; a colon before the last slash is a registry's port
    parts = name.split("/")
    registry = None
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"):
        registry = parts.pop(0).lower()  # host names are case-insensitive, paths are not
    if not parts or not all(_COMPONENT.match(part) for part in parts):
        return None  # a variable left in the path, upper case, or not a reference at all
    if registry is None or registry in _DOCKER_HUB:
        if len(parts) == 2 and parts[0] == "library":
            parts = parts[1:]  # Docker Hub's official images
        return "/".join(parts)
    return "/".join([registry, *parts])


@dataclass(slots=True)
class _Stage:
    """One build stage: its name, what it is built ``FROM``, and where that is said."""

    alias: str | None
    base: str
    line: int
    detail: str


@dataclass(slots=True)
class BaseImages:
    """The ``ARG`` and ``FROM`` instructions of one Dockerfile, read in order."""

    args: dict[str, str] = field(default_factory=dict)
    stages: list[_Stage] = field(default_factory=list)

    def read_arg(self, rest: str) -> None:
        """An ``ARG name[=default] ...``; only those before the first ``FROM`` reach a FROM."""
        if self.stages:
            return
        try:
            words = shlex.split(rest)
        except ValueError:
            return
        for word in words:
            name, has_default, default = word.partition("=")
            if has_default:
                self.args[name] = substitute(default, self.args)

    def read_from(self, rest: str, line: int) -> None:
        """A ``FROM [--platform=...] image [AS name]``."""
        words = [word for word in rest.split() if not word.startswith("--")]
        if not words:
            return
        alias = words[2].lower() if len(words) >= 3 and words[1].lower() == "as" else None
        base = substitute(words[0], self.args)
        self.stages.append(_Stage(alias, base, line, f"FROM {base}"))

    def record(self, out: Collector) -> None:
        """Add each base image to ``out``: runtime for the shipped image's chain, else build."""
        names = {stage.alias: index for index, stage in enumerate(self.stages) if stage.alias}
        shipped: set[int] = set()
        index: int | None = len(self.stages) - 1 if self.stages else None
        while index is not None and index not in shipped:
            shipped.add(index)
            earlier = names.get(self.stages[index].base.lower())
            index = earlier if earlier is not None and earlier < index else None
        for index, stage in enumerate(self.stages):
            if names.get(stage.base.lower(), index) < index or stage.base.lower() == "scratch":
                continue  # another stage of this file, or the empty image
            repository = image_repository(stage.base)
            if repository is not None:
                scope = Scope.RUNTIME if index in shipped else Scope.BUILD
                out.add(repository, scope, stage.detail, line=stage.line, ecosystem="docker")
