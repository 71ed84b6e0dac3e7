"""Package installs in shell command lines: ``pip install``, ``conda install``, ``npm install``...

Install scripts, Dockerfile ``RUN`` instructions and Makefile recipes are programs, not manifests:
nothing is evaluated. A line is split into words as a POSIX shell splits it (``shlex``), cut into
simple commands at ``&&``, ``||``, ``;``, ``|`` and parentheses, and only the commands of known
package installers are read: their package words become dependencies, and the files they install
from (``pip install -r requirements/base.txt``, ``conda env create -f environment.yml``) become
includes. A word holding a shell variable is skipped: it names nothing until the script runs.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from tui.analysis.manifests.base import group_scope
from tui.analysis.manifests.python_reqs import requirement_name, url_project_name
from tui.analysis.report import Scope

_OPERATORS = frozenset("();<>|&")
_ASSIGNMENT = re.compile(r"^[A-Za-z_]\w*=")
_PREFIXES = frozenset({"sudo", "env", "exec", "command", "time", "nohup", "then", "do", "else"})
_PREFIXES |= frozenset({"if", "elif", "while", "until", "!", "{", "}"})
_PIP = re.compile(r"^pip(?:\d+(?:\.\d+)*)?$")
_PYTHON = re.compile(r"^(?:python(?:\d+(?:\.\d+)*)?|py)$")
_LEADING_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(?=[=<>!~;@ ]|$)")
_CONDA_NAME = re.compile(r"^(?:[\w.-]+::)?([A-Za-z0-9][A-Za-z0-9._-]*)")

_PIP_VALUED = frozenset(
    "-i --index-url --extra-index-url -f --find-links -t --target --prefix --root --src "
    "--platform --python-version --implementation --abi --trusted-host --cache-dir -C "
    "--config-settings --global-option --install-option --only-binary --no-binary --log "
    "--proxy --retries --timeout --exists-action --cert --client-cert --upgrade-strategy "
    "--root-user-action --progress-bar --python --report --index-strategy -c --constraint "
    "--extra --optional --group -E --extras -G --source --package -p".split()
)
_CONDA_VALUED = frozenset(
    "-c --channel -n --name -p --prefix --solver --repodata-fn --subdir --platform".split()
)
_NPM_VALUED = frozenset("--prefix --registry --cache -w --workspace --filter --tag".split())
_GEM_VALUED = frozenset("-v --version -i --install-dir -s --source --platform -n".split())


@dataclass(frozen=True, slots=True)
class Install:
    """One package an installer command names."""

    name: str
    ecosystem: str
    scope: Scope
    detail: str
    """The command and the package word as written (``pip install torch==2.1``)."""


@dataclass(slots=True)
class Installs:
    """What the install commands of one line name: packages, and files they install from."""

    packages: list[Install] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)


def simple_commands(line: str) -> list[list[str]]:
    """The words of each simple command on one logical shell line (redirections dropped)."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.commenters = ""  # callers drop comments; a URL keeps its '#egg='
    lexer.whitespace_split = True
    try:
        tokens = list(lexer)
    except ValueError:  # an unclosed quote: not a line this reader can split
        return []
    commands: list[list[str]] = [[]]
    redirect = False
    for token in tokens:
        if token and set(token) <= _OPERATORS:
            if "<" in token or ">" in token:
                redirect = True
                if commands[-1] and commands[-1][-1].isdigit():
                    commands[-1].pop()  # the 2 of 2>&1
            else:
                commands.append([])
            continue
        if redirect:
            redirect = False  # the file a redirection names is no argument
            continue
        commands[-1].append(token)
    return [words for words in commands if words]


def read_line(line: str, scope: Scope = Scope.RUNTIME) -> Installs:
    """The packages and files every install command on one logical line names."""
    found = Installs()
    for words in simple_commands(line):
        read_command(strip_prefix(words), scope, found)
    return found


def strip_prefix(words: list[str]) -> list[str]:
    """The command without ``sudo``, ``env``, ``VAR=value`` and shell keywords before it."""
    start = 0
    while start < len(words) and (
        words[start] in _PREFIXES
        or _ASSIGNMENT.match(words[start])
        or (start > 0 and words[start - 1] == "sudo" and words[start].startswith("-"))
    ):
        start += 1
    return words[start:]


def read_command(words: list[str], scope: Scope, found: Installs) -> None:
    """Read one simple command if a known installer runs it."""
    if not words:
        return
    program = PurePosixPath(words[0]).name
    if _PYTHON.match(program) and words[1:3] == ["-m", "pip"]:
        program, words = "pip", words[2:]
    elif program == "uv" and words[1:2] == ["pip"]:
        program, words = "pip", words[1:]
    verb = words[1] if len(words) > 1 else ""
    reader = _READERS.get((program if not _PIP.match(program) else "pip", verb))
    if reader is not None:
        reader(words[:2], words[2:], scope, found)
    elif program in ("conda", "mamba", "micromamba") and verb == "env":
        _conda_env(words[2:], found)
    elif program == "yarn" and words[1:3] == ["global", "add"]:
        _npm(words[:3], words[3:], Scope.DEV, found)


def _options(
    args: list[str], valued: frozenset[str]
) -> tuple[list[tuple[str, str | None]], list[str]]:
    """Options (with their values) and positional words, as an installer's parser sees them."""
    options: list[tuple[str, str | None]] = []
    words: list[str] = []
    index = 0
    while index < len(args):
        word = args[index]
        index += 1
        if not word.startswith("-") or word == "-":
            words.append(word)
            continue
        name, has_value, value = word.partition("=")
        if has_value and name.startswith("--"):
            options.append((name, value))
        elif name in valued:
            options.append((name, args[index] if index < len(args) else None))
            index += 1
        elif name[:2] in valued and name[:2] in ("-r", "-e", "-c"):
            options.append((name[:2], name[2:]))  # -rrequirements.txt
        else:
            options.append((name, None))
    return options, words


def _include(found: Installs, target: str | None) -> None:
    """A file an installer reads, unless a variable or a parent folder makes it unknowable."""
    if target and "$" not in target and ".." not in target.split("/") and "://" not in target:
        found.includes.append(target.removeprefix("./"))


def _pip(command: list[str], args: list[str], scope: Scope, found: Installs) -> None:
    """``pip install`` (also ``python -m pip``, ``uv pip``): requirements, ``-r`` and ``-e``."""
    requirement = {"-r", "--requirement", "--requirements"}
    options, words = _options(args, _PIP_VALUED | requirement | {"-e", "--editable"})
    said = " ".join(command)
    for name, value in options:
        if name in requirement:
            _include(found, value)
        elif name in ("-e", "--editable") and value and "://" in value:
            words.append(value)
    for word in words:
        package = _python_package(word)
        if package:
            found.packages.append(Install(package, "pypi", scope, f"{said} {word}"))


def _python_package(word: str) -> str | None:
    """The distribution a pip argument installs, or None (a local path, a variable)."""
    if "://" in word:
        return url_project_name(word)
    if word.startswith((".", "/", "~")) or word.endswith((".whl", ".tar.gz", ".zip")):
        return None
    if "$" in word:  # torch==${TORCH_VERSION}: the name before the version is still known
        match = _LEADING_NAME.match(word)
        return match.group(1) if match and "$" not in match.group(1) else None
    return requirement_name(word)


def _add(command: list[str], args: list[str], scope: Scope, found: Installs) -> None:
    """``uv add`` and ``poetry add``: ``--dev`` and ``--group`` say the scope."""
    options, _ = _options(args, _PIP_VALUED | {"-r", "--requirements"})
    for name, value in options:
        if name in ("--dev", "-D"):
            scope = Scope.DEV
        elif name in ("--group", "-G") and value:
            scope = group_scope(value, Scope.DEV)
        elif name == "--optional":
            scope = Scope.OPTIONAL
    _pip(command, args, scope, found)


def _conda(command: list[str], args: list[str], scope: Scope, found: Installs) -> None:
    """``conda install`` / ``conda create``: match specs (``pytorch-cuda=11.8``) and ``--file``."""
    options, words = _options(args, _CONDA_VALUED | {"--file"})
    for name, value in options:
        if name == "--file":
            _include(found, value)
    said = " ".join(command)
    for word in words:
        match = _CONDA_NAME.match(word)
        if match and "$" not in word:
            found.packages.append(Install(match.group(1), "conda", scope, f"{said} {word}"))


def _conda_env(args: list[str], found: Installs) -> None:
    """``conda env create|update -f environment.yml``: the environment file is an include."""
    options, _ = _options(args[1:], _CONDA_VALUED | {"-f", "--file"})
    if args[:1] in (["create"], ["update"]):
        for name, value in options:
            if name in ("-f", "--file"):
                _include(found, value)


def _npm(command: list[str], args: list[str], scope: Scope, found: Installs) -> None:
    """``npm install``, ``yarn add``, ``pnpm add``, ``bun add``: ``-D`` and ``-g`` are tooling."""
    options, words = _options(args, _NPM_VALUED)
    flags = {name for name, _ in options}
    if flags & {"-D", "--save-dev", "--dev", "-g", "--global"}:
        scope = Scope.DEV
    elif flags & {"-O", "--save-optional", "--optional"}:
        scope = Scope.OPTIONAL
    said = " ".join(command)
    for word in words:
        package = _npm_package(word)
        if package:
            found.packages.append(Install(package, "npm", scope, f"{said} {word}"))


def _npm_package(word: str) -> str | None:
    """The package of an npm argument (``@scope/name@^1`` -> ``@scope/name``), or None."""
    if "$" in word or ":" in word or word.startswith((".", "/", "~")):
        return None  # a variable, a path, a URL, git:, file:, npm: alias
    head, _, _ = word[1:].partition("@")
    name = word[0] + head
    if name.startswith("@") and "/" not in name:
        return None
    return name if re.fullmatch(r"(@[\w.-]+/)?[\w.-]+", name) else None


def _gem(command: list[str], args: list[str], scope: Scope, found: Installs) -> None:
    """``gem install rails -v 7.1``."""
    _, words = _options(args, _GEM_VALUED)
    said = " ".join(command)
    for word in words:
        if re.fullmatch(r"[A-Za-z0-9][\w.-]*", word):
            found.packages.append(Install(word, "rubygems", scope, f"{said} {word}"))


_Reader = Callable[[list[str], list[str], Scope, Installs], None]

_READERS: dict[tuple[str, str], _Reader] = {
    ("pip", "install"): _pip,
    ("pipx", "install"): lambda c, a, _s, f: _pip(c, a, Scope.DEV, f),  # a tool, not a dependency
    ("uv", "add"): _add,
    ("poetry", "add"): _add,
    **{(p, v): _conda for p in ("conda", "mamba", "micromamba") for v in ("install", "create")},
    **{("npm", v): _npm for v in ("install", "i", "add")},
    **{(p, v): _npm for p in ("pnpm", "bun") for v in ("add", "install", "i")},
    ("yarn", "add"): _npm,
    ("gem", "install"): _gem,
}
"""Installers by program and verb (``pip`` stands for ``pip3``, ``python -m pip``, ``uv pip``)."""
