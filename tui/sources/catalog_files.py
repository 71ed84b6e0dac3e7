"""Files the offline catalog serves, written from facts: manifests and import lines, never copies.

The catalog keeps only what a manifest *says* (package name, dependency names with their scope and
line, included files), so the raw host answers with a minimal manifest in the same format holding
just those facts. Each declaration is put on its original line where the layout allows (blank lines
pad the gaps), so evidence such as ``requirements.txt:3`` points where it does on GitHub.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from xml.sax.saxutils import escape


@dataclass(frozen=True, slots=True)
class DependencyFact:
    """One declared dependency: normalised name, scope, line, and its role when the format has one.

    Attributes:
        name: Normalised per ecosystem (Maven as ``groupId:artifactId``).
        scope: ``runtime``, ``dev``, ``test``, ``docs``, ``examples``, ``build`` or ``optional``.
        line: The 1-based line it was declared on, when known.
        role: ``parent``/``plugin``/``dependency`` in a pom, the section in a package.json.
    """

    name: str
    scope: str
    line: int | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class ManifestFacts:
    """What one manifest declares, without its text."""

    path: str
    ecosystem: str
    package_name: str | None = None
    includes: tuple[str, ...] = ()
    dependencies: tuple[DependencyFact, ...] = ()


class _Lines:
    """A text built line by line, padding with blank lines to reach a wanted line number."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def put(self, text: str, line: int | None = None) -> None:
        """Append ``text``, on ``line`` if that is still ahead."""
        if line is not None:
            self.lines.extend([""] * (line - 1 - len(self.lines)))
        self.lines.append(text)

    def text(self) -> bytes:
        """The finished file."""
        return ("\n".join(self.lines) + "\n").encode()


def lines_file(lines: Iterable[tuple[int, str]]) -> bytes:
    """A text file holding only the given ``(line, text)`` pairs, each on its own line number."""
    out = _Lines()
    for number, text in sorted(lines):
        out.put(text, number)
    return out.text()


def _sections(
    deps: Sequence[DependencyFact], section: Callable[[DependencyFact], str]
) -> list[tuple[str, list[DependencyFact]]]:
    """Group dependencies by section, sections ordered by their first declaration's line."""
    groups: dict[str, list[DependencyFact]] = {}
    for dep in sorted(deps, key=lambda d: (d.line or 0, d.name)):
        groups.setdefault(section(dep), []).append(dep)
    return list(groups.items())


def _requirements(facts: ManifestFacts) -> bytes:
    """requirements.txt: ``-r`` includes, then one bare name per line."""
    out = _Lines()
    for include in facts.includes:
        out.put(f"-r {include}")
    for dep in sorted(facts.dependencies, key=lambda d: (d.line or 0, d.name)):
        out.put(dep.name, dep.line)
    return out.text()


_PYPROJECT_GROUPS = {"dev": "dev", "test": "tests", "docs": "docs"}


def _pyproject_section(dep: DependencyFact) -> str:
    """The pyproject table a dependency of this scope goes in."""
    if dep.scope == "build":
        return "build-system"
    if dep.scope == "optional":
        return "project.optional-dependencies"
    if dep.scope in _PYPROJECT_GROUPS:
        return "dependency-groups"
    return "project"


def _pyproject(facts: ManifestFacts) -> bytes:
    """pyproject.toml: PEP 621 name and dependencies, extras, PEP 735 groups, build requires."""
    out = _Lines()
    sections = _sections(facts.dependencies, _pyproject_section)
    if facts.package_name and "project" not in dict(sections):
        sections.insert(0, ("project", []))
    for table, deps in sections:
        out.put(f"[{table}]")
        if table == "project" and facts.package_name:
            out.put(f"name = {json.dumps(facts.package_name)}")
        if table == "dependency-groups":
            _toml_groups(out, deps, lambda d: _PYPROJECT_GROUPS[d.scope])
            continue
        if table == "project.optional-dependencies":
            _toml_groups(out, deps, lambda d: "extra")
            continue
        out.put(f"{'requires' if table == 'build-system' else 'dependencies'} = [")
        for dep in deps:
            out.put(f"    {json.dumps(dep.name)},", dep.line)
        out.put("]")
    return out.text()


def _toml_groups(
    out: _Lines, deps: Sequence[DependencyFact], group: Callable[[DependencyFact], str]
) -> None:
    """``name = [...]`` arrays, one per group, inside the current TOML table."""
    for name, members in _sections(deps, group):
        out.put(f"{name} = [")
        for dep in members:
            out.put(f"    {json.dumps(dep.name)},", dep.line)
        out.put("]")


_NPM_SECTION = {"dev": "devDependencies", "optional": "optionalDependencies"}
_NPM_ROLES = {"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"}


def _package_json(facts: ManifestFacts) -> bytes:
    """package.json: name, workspaces, then each dependency section with ``"*"`` versions."""
    out = _Lines()
    out.put("{")
    head = [f'  "name": {json.dumps(facts.package_name)}'] if facts.package_name else []
    if facts.includes:
        head.append(f'  "workspaces": {json.dumps(list(facts.includes))}')
    sections = _sections(
        facts.dependencies,
        lambda d: d.role if d.role in _NPM_ROLES else _NPM_SECTION.get(d.scope, "dependencies"),
    )
    for index, text in enumerate(head):
        out.put(text + ("," if sections or index < len(head) - 1 else ""))
    for index, (section, deps) in enumerate(sections):
        out.put(f'  "{section}": {{')
        for position, dep in enumerate(deps):
            comma = "," if position < len(deps) - 1 else ""
            out.put(f'    {json.dumps(dep.name)}: "*"{comma}', dep.line)
        out.put("  }" + ("," if index < len(sections) - 1 else ""))
    out.put("}")
    return out.text()


_CARGO_TABLES = {"dev": "dev-dependencies", "build": "build-dependencies"}


def _cargo(facts: ManifestFacts) -> bytes:
    """Cargo.toml: package name, workspace members, dependency tables with ``"*"`` versions."""
    out = _Lines()
    if facts.package_name:
        out.put("[package]")
        out.put(f"name = {json.dumps(facts.package_name)}")
    if facts.includes:
        out.put("[workspace]")
        out.put(f"members = {json.dumps(list(facts.includes))}")
    for table, deps in _sections(
        facts.dependencies, lambda d: _CARGO_TABLES.get(d.scope, "dependencies")
    ):
        out.put(f"[{table}]")
        for dep in deps:
            spec = '{ version = "*", optional = true }' if dep.scope == "optional" else '"*"'
            out.put(f"{json.dumps(dep.name)} = {spec}", dep.line)
    return out.text()


def _go_mod(facts: ManifestFacts) -> bytes:
    """go.mod: the module path and one require block (``// indirect`` for optional ones)."""
    out = _Lines()
    out.put(f"module {facts.package_name or 'example.invalid/unknown'}")
    deps = sorted(facts.dependencies, key=lambda d: (d.line or 0, d.name))
    tools = [dep for dep in deps if dep.scope == "dev"]
    required = [dep for dep in deps if dep.scope != "dev"]
    if required:
        out.put("require (")
        for dep in required:
            indirect = " // indirect" if dep.scope == "optional" else ""
            out.put(f"\t{dep.name} v0.0.0{indirect}", dep.line)
        out.put(")")
    for dep in tools:
        out.put(f"tool {dep.name}", dep.line)
    return out.text()


_MAVEN_SCOPE = {"test": "test", "build": "provided"}


def _pom(facts: ManifestFacts) -> bytes:
    """pom.xml: parent, coordinates, dependencies and build plugins as ``groupId:artifactId``."""
    out = _Lines()
    out.put('<project xmlns="http://maven.apache.org/POM/4.0.0">')
    deps = sorted(facts.dependencies, key=lambda d: (d.line or 0, d.name))
    for dep in (d for d in deps if d.role == "parent"):
        out.put(f"<parent>{_coordinates(dep.name)}</parent>", dep.line)
    if facts.package_name:
        out.put(_coordinates(facts.package_name))
    out.put("<dependencies>")
    for dep in (d for d in deps if d.role not in ("parent", "plugin")):
        scope = _MAVEN_SCOPE.get(dep.scope)
        scoped = f"<scope>{scope}</scope>" if scope else ""
        out.put(f"<dependency>{_coordinates(dep.name)}{scoped}</dependency>", dep.line)
    out.put("</dependencies>")
    out.put("<build><plugins>")
    for dep in (d for d in deps if d.role == "plugin"):
        out.put(f"<plugin>{_coordinates(dep.name)}</plugin>", dep.line)
    out.put("</plugins></build>")
    out.put("</project>")
    return out.text()


def _coordinates(name: str) -> str:
    """``groupId:artifactId`` as the two XML elements."""
    group, _, artifact = name.rpartition(":")
    return f"<groupId>{escape(group)}</groupId><artifactId>{escape(artifact)}</artifactId>"


_WRITERS: dict[str, Callable[[ManifestFacts], bytes]] = {
    "pyproject.toml": _pyproject,
    "package.json": _package_json,
    "cargo.toml": _cargo,
    "go.mod": _go_mod,
    "pom.xml": _pom,
}


def synthesise(facts: ManifestFacts) -> bytes | None:
    """A minimal manifest in the format its path names, or None for a format not written here."""
    name = PurePosixPath(facts.path).name.lower()
    writer = _WRITERS.get(name)
    if writer is not None:
        return writer(facts)
    if facts.ecosystem == "pypi" and name.endswith((".txt", ".in")):
        return _requirements(facts)
    return None
