"""Python requirement lines (PEP 508), requirements files and conda environment files."""

from __future__ import annotations

import re

from tui.analysis.manifests.base import (
    MAX_DEPENDENCIES,
    Collector,
    Manifest,
    decode,
    group_scope,
    load_yaml_mapping,
)
from tui.analysis.manifests.lines import MAX_LINE, numbered_lines
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

# patterns of requirements files, conda files and markers are compiled (and kept by ``re``)
# where first used: a pyproject.toml without markers needs none of them (~0.9 ms at import)
_INCLUDE = r"^(-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)"
_EDITABLE = r"^(-e|--editable)(?:\s+|=)(\S+)"
_EGG = r"[#&]egg=([A-Za-z0-9._-]+)"
_CONDA_NAME = r"^(?:[\w.-]+::)?([A-Za-z0-9][A-Za-z0-9._-]*)"


_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
_CLAUSE = r"[ \t]*(?:(?:==|!=|<=|>=|<|>)[ \t]*\d+(?:\.\d+)*|~=[ \t]*\d+(?:\.\d+)+)[ \t]*"
_PLAIN = re.compile(
    rf"({_NAME})[ \t]*(?:\[[ \t]*{_NAME}(?:[ \t]*,[ \t]*{_NAME})*[ \t]*\])?"
    rf"(?:{_CLAUSE}(?:,{_CLAUSE})*)?[ \t]*(?:;(.*))?",
    re.DOTALL,  # a newline is no [ \t]: it fails the match, as packaging fails it
)
"""A requirement packaging would accept as it is: a name, extras, then comparisons with plain
release numbers (``torch[cuda]>=1.12,<2``), then perhaps a marker (checked by ``_plain_marker``);
no URLs, wildcards or pre-releases."""

_MARKER_VARIABLE = (
    r"(?:python_version|python_full_version|os_name|sys_platform|platform_release"
    r"|platform_system|platform_version|platform_machine|platform_python_implementation"
    r"|implementation_name|implementation_version|extra)"
)
_MARKER_STRING = r"""(?:'[^'\n]*'|"[^"\n]*")"""
_MARKER_OP = r"(?:===|==|!=|<=|>=|~=|<|>|\bnot[ \t]+in\b|\bin\b)"
# a variable is a whole word: ``"a"andos_name`` or ``python_versionin`` are not plain markers
_WORD_VARIABLE = rf"(?<![\w.]){_MARKER_VARIABLE}(?![\w.])"
_COMPARISON = (
    rf"[ \t]*(?:{_WORD_VARIABLE}[ \t]*{_MARKER_OP}[ \t]*{_MARKER_STRING}"
    rf"|{_MARKER_STRING}[ \t]*{_MARKER_OP}[ \t]*{_WORD_VARIABLE})[ \t]*"
)
_GROUP = "[ \t]*\\([ \t]*\0[ \t]*\\)[ \t]*"
_JOINED = "\0[ \t]+(?:and|or)[ \t]+\0"


def _plain_marker(marker: str) -> bool:
    """Whether a marker is PEP 508's plain kind: comparisons of a variable with a quoted string,
    joined by ``and``/``or``, maybe in parentheses (anything else is packaging's to judge)."""
    if "\0" in marker:
        return False  # NUL stands for a comparison below
    reduced = re.sub(_COMPARISON, " \0 ", marker).strip(" \t")
    while True:
        before = reduced
        reduced = re.sub(_JOINED, "\0", re.sub(_GROUP, " \0 ", reduced).strip(" \t"))
        if reduced == before:
            return reduced == "\0"


def requirement_name(spec: str) -> str | None:
    """The distribution name in one PEP 508 string, or None when it is not one."""
    plain = _PLAIN.fullmatch(spec)
    if plain is not None and (plain.group(2) is None or _plain_marker(plain.group(2))):
        # most lines are this simple; packaging's parser (some 12 ms to import) reads the rest
        return plain.group(1)
    # packaging's parser loads with the first requirement that needs it
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        return Requirement(spec).name
    except InvalidRequirement:
        return None


def add_requirement(out: Collector, spec: object, scope: Scope, *, line: int | None = None) -> None:
    """Record one PEP 508 string, or a problem when it does not parse."""
    if not isinstance(spec, str):
        out.problem(f"requirement is not a string: {str(spec)[:60]!r}")
        return
    name = requirement_name(spec)
    if name is None:
        out.problem(f"not a PEP 508 requirement: {spec[:80]!r}")
        return
    where = line if line is not None else out.lines.find(spec.strip())
    out.add(name, scope, spec.strip(), line=where)


def add_requirements(out: Collector, specs: object, scope: Scope) -> None:
    """Record a list of PEP 508 strings (anything else is a problem)."""
    if not isinstance(specs, list):
        out.problem(f"expected a list of requirements, got {type(specs).__name__}")
        return
    for spec in specs:
        add_requirement(out, spec, scope)


def url_project_name(url: str) -> str | None:
    """The project a URL requirement installs: ``#egg=``, a wheel's or sdist's file name, or
    the repository of a ``git+`` URL (``git+https://github.com/org/pkg.git@v1`` -> ``pkg``)."""
    egg = re.search(_EGG, url)
    if egg:
        return egg.group(1)
    path = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    file = path.rsplit("/", 1)[-1]
    if file.endswith(".whl"):
        return file.split("-", 1)[0] or None  # PEP 427: name-version-tags.whl
    for suffix in (".tar.gz", ".zip", ".tar.bz2"):
        if file.endswith(suffix) and "-" in file:
            return file.removesuffix(suffix).rsplit("-", 1)[0]
    if url.startswith("git+") and "/" in path:
        repo = file.split("@", 1)[0].removesuffix(".git")
        return repo if re.fullmatch(r"[A-Za-z0-9][\w.-]*", repo) else None
    return None


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Lines with backslash continuations joined and comments removed, with their first number."""
    joined: list[tuple[int, str]] = []
    pending, start = "", 0
    for number, raw in numbered_lines(text):
        if not pending:
            start = number
        # pip: a comment starts at '#' preceded by whitespace or at the line start (URLs keep #egg)
        line = re.sub(r"(^|\s)#.*$", "", raw)
        if line.endswith("\\"):
            # continuations joined past the line limit are dropped, like an over-long line
            pending = pending + line[:-1] + " " if len(pending) < MAX_LINE else pending
            continue
        joined.append((start, (pending + line).strip()))
        pending = ""
    if pending:
        joined.append((start, pending.strip()))
    return [(n, line) for n, line in joined if line]


def _requirement_line(out: Collector, number: int, line: str, scope: Scope) -> None:
    """Handle one logical line of a requirements file."""
    include = re.match(_INCLUDE, line)
    if include:
        out.includes.append(include.group(2))
        return
    editable = re.match(_EDITABLE, line)
    if editable or re.match(r"^[a-z+]+://", line):
        target = editable.group(2) if editable else line
        name = url_project_name(target)
        if name:
            out.add(name, scope, line, line=number)
        return
    if line.startswith("-"):
        return  # --index-url, --hash, -f ...: options, not requirements
    if line.startswith((".", "/")) or (
        line.endswith((".whl", ".tar.gz", ".zip")) and "@" not in line
    ):
        return  # a local path or archive: no name to compare
    add_requirement(out, line.split(" --", 1)[0], scope, line=number)


def parse_requirements(path: str, data: bytes) -> Manifest:
    """Parse a pip requirements file; includes are reported, options skipped."""
    out = Collector(path, "pypi")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    stem = path.rsplit("/", 1)[-1].lower().removesuffix(".txt").removesuffix(".in")
    scope = group_scope(stem.replace("requirements", ""), Scope.RUNTIME)
    for number, line in _logical_lines(text):
        if out.saturated:
            if len(out.deps) >= MAX_DEPENDENCIES:
                out.note_cap()
            break
        _requirement_line(out, number, line, scope)
    return out.freeze()


def parse_conda(path: str, data: bytes) -> Manifest:
    """Parse a conda environment file, including its nested ``pip:`` list."""
    out = Collector(path, "conda")
    doc = load_yaml_mapping(
        data, out, not_mapping="not a conda environment (top level is not a mapping)"
    )
    if doc is None:
        return out.freeze()
    name = doc.get("name")
    out.package_name = name if isinstance(name, str) else None
    deps = doc.get("dependencies") or []
    if not isinstance(deps, list):
        out.problem("dependencies is not a list")
        return out.freeze()
    for item in deps:
        if isinstance(item, dict) and isinstance(item.get("pip"), list):
            for spec in item["pip"]:
                _pip_in_conda(out, spec)
        elif isinstance(item, str):
            match = re.match(_CONDA_NAME, item.strip())
            if match:
                out.add(match.group(1), Scope.RUNTIME, item)
    return out.freeze()


def _pip_in_conda(out: Collector, spec: object) -> None:
    """One entry of a conda file's pip list: a requirement or a pip option."""
    if isinstance(spec, str) and spec.startswith("-"):
        include = re.match(_INCLUDE, spec)
        if include:
            out.includes.append(include.group(2))
        return
    if not isinstance(spec, str):
        out.problem(f"pip entry is not a string: {str(spec)[:60]!r}")
        return
    name = requirement_name(spec)
    if name is None:
        out.problem(f"not a PEP 508 requirement: {spec[:80]!r}")
        return
    out.add(name, Scope.RUNTIME, spec, ecosystem="pypi")


FORMATS = (
    Format(
        "requirements",
        "pypi",
        parse_requirements,
        names=("requirements.txt",),
        patterns=(
            *(
                f"{head}requirements{tail}.{ext}"
                for head in ("", "*[-_]")
                for tail in ("", "[-_.]*")
                for ext in ("txt", "in")
            ),
            "requirements/*.txt",
            "requirements/*.in",
        ),
        rank=90,
    ),
    Format(
        "conda",
        "conda",
        parse_conda,
        names=("environment.yml", "environment.yaml"),
        patterns=tuple(
            f"{head}environment{tail}.{ext}"
            for head, tail in (("*[-_]", ""), ("", "[-_]*"), ("*[-_]", "[-_]*"))
            for ext in ("yml", "yaml")
        ),
        rank=91,
    ),
)
