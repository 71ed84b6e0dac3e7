"""pyproject.toml (PEP 621, dependency groups, Poetry, PDM, Hatch) and Pipfile."""

from __future__ import annotations

from typing import Any

from tui.analysis.manifests.base import Collector, Manifest, decode, group_scope
from tui.analysis.manifests.python_reqs import add_requirement, add_requirements
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope


def load_toml(data: bytes, out: Collector) -> dict[str, Any] | None:
    """Decode and parse TOML, or record why not."""
    text = decode(data, out)
    if text is None:
        return None
    import tomllib  # loads with the first TOML manifest, not with the format registry

    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        out.problem(f"invalid TOML ({type(exc).__name__}: {str(exc)[:80]})")
        return None


def table(doc: object, *keys: str) -> dict[str, Any]:
    """A nested table by keys, or an empty one when absent or not a table."""
    node = doc
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else {}


def _pep621(out: Collector, doc: dict[str, Any]) -> None:
    """[project], [project.optional-dependencies], [dependency-groups], [build-system]."""
    project = table(doc, "project")
    name = project.get("name")
    if isinstance(name, str):
        out.package_name = name
    if "dependencies" in project:
        add_requirements(out, project["dependencies"], Scope.RUNTIME)
    for extra, specs in table(project, "optional-dependencies").items():
        add_requirements(out, specs, group_scope(extra, Scope.OPTIONAL))
    for group, specs in table(doc, "dependency-groups").items():
        if isinstance(specs, list):
            # an {include-group = "..."} entry is a reference, not a requirement
            specs = [spec for spec in specs if not isinstance(spec, dict)]
        add_requirements(out, specs, group_scope(group, Scope.DEV))
    build = table(doc, "build-system")
    if "requires" in build:
        add_requirements(out, build["requires"], Scope.BUILD)


def _poetry_table(out: Collector, deps: dict[str, Any], scope: Scope) -> None:
    """A Poetry dependency table: ``name = "^1.0"`` or ``name = {version = ...}``."""
    for name, spec in deps.items():
        if name.lower() == "python":
            continue
        optional = isinstance(spec, dict) and spec.get("optional") is True
        detail = f"{name} = {spec!r}" if not isinstance(spec, str) else f'{name} = "{spec}"'
        declared = Scope.OPTIONAL if optional and scope is Scope.RUNTIME else scope
        out.add(name, declared, detail, line=out.lines.key(name))


def _tools(out: Collector, doc: dict[str, Any]) -> None:
    """Poetry, PDM and Hatch sections."""
    poetry = table(doc, "tool", "poetry")
    if not out.package_name and isinstance(poetry.get("name"), str):
        out.package_name = poetry["name"]
    _poetry_table(out, table(poetry, "dependencies"), Scope.RUNTIME)
    _poetry_table(out, table(poetry, "dev-dependencies"), Scope.DEV)
    for group, body in table(poetry, "group").items():
        _poetry_table(out, table(body, "dependencies"), group_scope(group, Scope.DEV))
    uv_dev = table(doc, "tool", "uv").get("dev-dependencies")
    if uv_dev is not None:
        add_requirements(out, uv_dev, Scope.DEV)
    for group, specs in table(doc, "tool", "pdm", "dev-dependencies").items():
        add_requirements(out, specs, group_scope(group, Scope.DEV))
    for env, body in table(doc, "tool", "hatch", "envs").items():
        for key in ("dependencies", "extra-dependencies"):
            if isinstance(body, dict) and key in body:
                add_requirements(out, body[key], group_scope(env, Scope.DEV))


def parse_pyproject(path: str, data: bytes) -> Manifest:
    """Parse pyproject.toml: PEP 621 metadata plus the dependency tables of common tools."""
    out = Collector(path, "pypi")
    doc = load_toml(data, out)
    if doc is not None:
        _pep621(out, doc)
        _tools(out, doc)
    return out.freeze()


def parse_pipfile(path: str, data: bytes) -> Manifest:
    """Parse a Pipfile: [packages] is runtime, [dev-packages] is development."""
    out = Collector(path, "pypi")
    doc = load_toml(data, out)
    if doc is None:
        return out.freeze()
    for key, scope in (("packages", Scope.RUNTIME), ("dev-packages", Scope.DEV)):
        for name, spec in table(doc, key).items():
            version = spec if isinstance(spec, str) else ""
            requirement = name if version in ("", "*") else f"{name}{version}"
            add_requirement(out, requirement if version[:1] in "<>=!~" else name, scope)
    return out.freeze()


FORMATS = (
    Format("pyproject", "pypi", parse_pyproject, names=("pyproject.toml",), rank=10),
    Format("pipfile", "pypi", parse_pipfile, names=("Pipfile",), rank=54),
)
