"""Install recipes at a repository's root: shell scripts, Dockerfiles and Makefile targets.

Many projects install their dependencies from a script rather than (or besides) a manifest:
``setup.sh`` running ``pip install torch==2.1 transformers``, a Dockerfile's
``RUN pip install -r requirements/base.txt``, a Makefile's ``install:`` target. Their install
commands are read with ``shell.py`` (words split as a shell splits them, nothing run); the files
they install from become includes, which a source reads like any ``-r`` include. Only root copies
count (``anchored``): a Makefile deep in a C tree is a sub-build, not the project's recipe.
"""

from __future__ import annotations

import json
import posixpath
import re

from tui.analysis.manifests.base import Collector, Manifest, decode, group_scope
from tui.analysis.manifests.docker_images import BaseImages
from tui.analysis.manifests.lines import numbered_lines
from tui.analysis.manifests.shell import Installs, read_command, read_line, strip_prefix
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_COMMENT = re.compile(r"(^|\s)#.*$")
_MAKE_VARIABLE = re.compile(r"^(?:export\s+)?([A-Za-z_][\w.]*)\s*(?:::=|:=|\?=|\+=|!=|=)\s*(.*)$")
_MAKE_TARGET = re.compile(r"^([^\s:#=][^:#=]*?)\s*::?(?!=)")
_MAKE_REFERENCE = re.compile(r"\$[({]([A-Za-z_][\w.]*)[)}]")
_INSTALL_WORDS = ("install", "setup", "dep", "require", "env", "bootstrap", "init", "venv")
_SHELL_FORMS = (["/bin/sh", "-c"], ["sh", "-c"], ["/bin/bash", "-c"], ["bash", "-c"])

Logical = tuple[list[tuple[int, str]], str]
"""A logical line: its numbered physical lines, and their joined text."""


def _logical_lines(lines: list[tuple[int, str]], escape: str = "\\") -> list[Logical]:
    """Lines with continuations joined and comments dropped, each with where it came from."""
    joined: list[Logical] = []
    pending: list[str] = []
    physical: list[tuple[int, str]] = []
    for number, raw in lines:
        physical.append((number, raw))
        line = _COMMENT.sub("", raw).rstrip()
        if line.endswith(escape):
            pending.append(line[:-1])
            continue
        joined.append((physical, " ".join([*pending, line]).strip()))
        pending, physical = [], []
    if pending:
        joined.append((physical, " ".join(pending).strip()))
    return [item for item in joined if item[1]]


def _record(out: Collector, found: Installs, where: Logical) -> None:
    """Add what one logical line's install commands name, each at its own physical line."""
    physical = where[0]
    for package in found.packages:
        word = package.detail.rsplit(" ", 1)[-1]
        line = next((n for n, raw in physical if word in raw), physical[0][0])
        out.add(package.name, package.scope, package.detail, line=line, ecosystem=package.ecosystem)
    for include in found.includes:
        if include not in out.includes:
            out.includes.append(include)


def _collector(path: str, ecosystem: str) -> Collector:
    """A collector whose scope ignores a root ``scripts/`` folder: an install script there
    installs the project itself, while other files under ``scripts/`` are tooling."""
    out = Collector(path, ecosystem)
    if path.lower().startswith("scripts/") and path.count("/") == 1:
        out.scope_path = path.split("/", 1)[1]
    return out


def parse_script(path: str, data: bytes) -> Manifest:
    """Parse a shell install script: every install command on every line."""
    out = _collector(path, "shell")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    for where in _logical_lines(list(numbered_lines(text))):
        if out.saturated:
            break
        _record(out, read_line(where[1]), where)
    return out.freeze()


def parse_makefile(path: str, data: bytes) -> Manifest:
    """Parse a Makefile's recipes; a target's name says the scope (``install-dev`` is dev)."""
    out = _collector(path, "shell")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    variables: dict[str, str] = {}
    scope: Scope | None = None
    for where in _logical_lines(list(numbered_lines(text))):
        if out.saturated:
            break
        raw, line = where[0][0][1], where[1]
        if raw.startswith("\t"):
            if scope is not None:
                recipe = _expand(line.lstrip("@-+ \t"), variables)
                _record(out, read_line(recipe, scope), where)
            continue
        variable = _MAKE_VARIABLE.match(line)
        target = None if variable else _MAKE_TARGET.match(line)
        if variable:
            variables[variable.group(1)] = variable.group(2).strip()
        elif target:
            scope = _target_scope(target.group(1).split()[0])
    return out.freeze()


def _expand(line: str, variables: dict[str, str]) -> str:
    """Make variables this file sets, replaced (twice, for one level of nesting)."""
    for _ in range(2):
        line = _MAKE_REFERENCE.sub(lambda m: variables.get(m.group(1), m.group(0)), line)
    return line.replace("$$", "$")


def _target_scope(target: str) -> Scope:
    """An install-like target installs the project (``install``, ``setup``, ``deps``), unless
    its name says dev, test or docs; any other target's installs are tooling."""
    low = target.lower()
    default = Scope.RUNTIME if any(word in low for word in _INSTALL_WORDS) else Scope.DEV
    return group_scope(low, default)


def parse_dockerfile(path: str, data: bytes) -> Manifest:
    """Parse a Dockerfile's ``RUN`` instructions and base images (``docker_images.py``);
    ``COPY`` and ``WORKDIR`` say which context file a ``pip install -r /app/requirements.txt``
    reads."""
    out = _collector(path, "docker")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    lines = list(numbered_lines(text))
    escape = "`" if re.match(r"#\s*escape\s*=\s*`", text.lstrip()) else "\\"
    # a comment line inside a continued instruction is dropped by Docker, not ended on
    kept = [(n, raw) for n, raw in lines if not raw.lstrip().startswith("#")]
    copies: list[tuple[list[str], str]] = []
    workdir = "/"
    images = BaseImages()
    for where in _logical_lines(kept, escape):
        if out.saturated:
            break
        instruction, _, rest = where[1].partition(" ")
        keyword = instruction.upper()
        if keyword == "WORKDIR" and "$" not in rest:
            workdir = posixpath.join(workdir, rest.strip())
        elif keyword in ("COPY", "ADD"):
            _copy(rest, workdir, copies)
        elif keyword == "ARG":
            images.read_arg(rest)
        elif keyword == "FROM":
            images.read_from(rest, where[0][0][0])
        elif keyword == "RUN":
            found = _run(rest)
            found.includes = [_context_path(i, workdir, copies) or "" for i in found.includes]
            found.includes = [i for i in found.includes if i]
            _record(out, found, where)
    images.record(out)
    return out.freeze()


def _run(rest: str) -> Installs:
    """A ``RUN`` instruction's installs, in shell form or exec form (a JSON array)."""
    words = rest.split()
    while words and words[0].startswith("--"):  # --mount=type=cache,target=/root/.cache
        words.pop(0)
    command = " ".join(words)
    if not command.startswith("["):
        return read_line(command)
    try:
        form = json.loads(command)
    except ValueError:
        return Installs()
    if not isinstance(form, list) or not all(isinstance(word, str) for word in form):
        return Installs()
    if form[:2] in _SHELL_FORMS and len(form) == 3:
        return read_line(form[2])
    found = Installs()
    read_command(strip_prefix(form), Scope.RUNTIME, found)
    return found


def _copy(rest: str, workdir: str, copies: list[tuple[list[str], str]]) -> None:
    """Record a ``COPY src... dest`` from the build context (not from another stage)."""
    words = rest.split()
    if any(word.startswith("--from") for word in words) or rest.lstrip().startswith("["):
        return
    words = [word for word in words if not word.startswith("--")]
    if len(words) >= 2 and "$" not in rest:
        dest = posixpath.join(workdir, words[-1])
        folder = words[-1].endswith(("/", ".")) or len(words) > 2
        copies.append((words[:-1], dest + "/" if folder and not dest.endswith("/") else dest))


def _context_path(include: str, workdir: str, copies: list[tuple[list[str], str]]) -> str | None:
    """The build-context file an install inside the image reads, when a COPY says which."""
    target = posixpath.normpath(posixpath.join(workdir, include))
    for sources, dest in reversed(copies):
        if dest.endswith("/"):
            base = posixpath.basename(target)
            if posixpath.normpath(dest) == posixpath.dirname(target):
                for source in sources:
                    if source == "." or source.endswith("/"):
                        return posixpath.join(source, base).removeprefix("./")
                    if posixpath.basename(source) == base:
                        return source.removeprefix("./")
        elif posixpath.normpath(dest) == target and len(sources) == 1:
            return sources[0].removeprefix("./")
    return None if include.startswith("/") else include


FORMATS = (
    Format(
        "install-script",
        "shell",
        parse_script,
        names=("setup.sh", "install.sh"),
        patterns=tuple(
            f"{folder}{name}"
            for folder in ("", "scripts/")
            for name in ("install*.sh", "setup*.sh", "bootstrap*.sh", "*[-_]install.sh")
        ),
        rank=95,
        search=False,
        anchored=True,
        supplement=True,
    ),
    Format(
        "dockerfile",
        "docker",
        parse_dockerfile,
        names=("Dockerfile",),
        patterns=("dockerfile.*", "*.dockerfile", "docker/dockerfile", "docker/dockerfile.*"),
        rank=96,
        search=False,
        anchored=True,
        supplement=True,
    ),
    Format(
        "makefile",
        "shell",
        parse_makefile,
        names=("Makefile", "GNUmakefile"),
        rank=97,
        search=False,
        anchored=True,
        supplement=True,
    ),
)
