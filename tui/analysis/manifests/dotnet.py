""".NET: MSBuild projects (``*.csproj``), central versions, packages.config and global.json.

MSBuild files are XML, read with defusedxml (entities and DTDs refused). What a project is built
on shows in three places: the ``Sdk`` of ``<Project>`` (``Microsoft.NET.Sdk.Web`` is ASP.NET
Core), its ``PackageReference`` items, and switches such as ``<UseWPF>true</UseWPF>``, which are
recorded as ``msbuild:UseWPF`` so a rule can name them without mistaking them for packages.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from tui.analysis.manifests.base import Collector, Manifest, load_xml, local_name
from tui.analysis.manifests.javascript import load_json
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

if TYPE_CHECKING:  # the XML parser loads with the first XML manifest
    from xml.etree.ElementTree import Element

_SWITCHES = ("UseWPF", "UseWindowsForms", "UseMaui", "UseBlazorWebAssembly")
"""Project properties that turn on a UI framework bundled with the SDK."""

_TEST_MARKERS = ("microsoft.net.test.sdk", "xunit", "nunit", "mstest.testframework")


def _sdks(out: Collector, root: Element, scope: Scope) -> None:
    """The project SDKs: ``<Project Sdk="A;B/1.0">``, ``<Sdk Name=...>``, ``<Import Sdk=...>``."""
    names = (root.get("Sdk") or "").split(";")
    for element in root.iter():
        if local_name(element.tag) in ("Sdk", "Import"):
            names.append(element.get("Name") or element.get("Sdk") or "")
    for raw in names:
        name = raw.strip().split("/", 1)[0]
        if name:
            out.add(name, scope, f'Sdk="{raw.strip()}"')


def _is_test_project(path: str, root: Element) -> bool:
    """A test project by its property, by its test SDK reference, or by its name."""
    stem = PurePosixPath(path).stem.lower()
    if stem.endswith(("tests", ".test")):
        return True
    for element in root.iter():
        tag = local_name(element.tag)
        if tag == "IsTestProject" and (element.text or "").strip().lower() == "true":
            return True
        include = (element.get("Include") or "").lower()
        if tag == "PackageReference" and include in _TEST_MARKERS:
            return True
    return False


def _items(out: Collector, root: Element, tag: str, scope: Scope) -> None:
    """Every ``<tag Include="Name" Version="1.0">`` item."""
    for element in root.iter():
        if local_name(element.tag) != tag:
            continue
        name = (element.get("Include") or "").strip()
        if not name or "$(" in name:
            continue  # a property reference names no package
        version = element.get("Version") or element.get("VersionOverride") or ""
        detail = f"{tag} {name} {version}".strip()
        out.add(name, scope, detail)


def _switches(out: Collector, root: Element) -> None:
    """``<UseWPF>true</UseWPF>`` and friends, as ``msbuild:UseWPF``."""
    for element in root.iter():
        tag = local_name(element.tag)
        if tag in _SWITCHES and (element.text or "").strip().lower() == "true":
            out.add(
                f"msbuild:{tag}", Scope.RUNTIME, f"<{tag}>true</{tag}>", line=out.lines.find(tag)
            )


def parse_msbuild(path: str, data: bytes) -> Manifest:
    """Parse a project file or ``Directory.Build.props``: SDKs, switches, package references."""
    out = Collector(path, "nuget")
    root = load_xml(data, out)
    if root is None:
        return out.freeze()
    for element in root.iter():
        if local_name(element.tag) in ("PackageId", "AssemblyName") and element.text:
            out.package_name = out.package_name or element.text.strip()
    if out.package_name is None and not path.lower().endswith(".props"):
        out.package_name = PurePosixPath(path).stem
    scope = Scope.TEST if _is_test_project(path, root) else Scope.RUNTIME
    _sdks(out, root, scope)
    _switches(out, root)
    _items(out, root, "PackageReference", scope)
    return out.freeze()


def parse_central_versions(path: str, data: bytes) -> Manifest:
    """Parse ``Directory.Packages.props``: versions pinned for every project.

    A pinned version says a project may use the package, not that one does, so it counts as
    optional; the projects' own ``PackageReference`` items say who uses it.
    """
    out = Collector(path, "nuget")
    root = load_xml(data, out)
    if root is not None:
        _items(out, root, "PackageVersion", Scope.OPTIONAL)
        _items(out, root, "GlobalPackageReference", Scope.BUILD)
    return out.freeze()


def parse_packages_config(path: str, data: bytes) -> Manifest:
    """Parse a classic ``packages.config``: ``<package id="X" version="1.0" />``."""
    out = Collector(path, "nuget")
    root = load_xml(data, out)
    if root is None:
        return out.freeze()
    for element in root.iter():
        name = (element.get("id") or "").strip()
        if local_name(element.tag) == "package" and name:
            dev = (element.get("developmentDependency") or "").lower() == "true"
            out.add(name, Scope.DEV if dev else Scope.RUNTIME, f"package {name}")
    return out.freeze()


def parse_global_json(path: str, data: bytes) -> Manifest:
    """Parse ``global.json``: its MSBuild project SDKs (the .NET SDK version names no package)."""
    out = Collector(path, "nuget")
    doc = load_json(data, out)
    sdks = doc.get("msbuild-sdks") if doc is not None else None
    if isinstance(sdks, dict):
        for name, version in sdks.items():
            out.add(name, Scope.BUILD, f"msbuild-sdks: {name} {version}", line=out.lines.key(name))
    return out.freeze()


FORMATS = (
    Format(
        "msbuild-project",
        "nuget",
        parse_msbuild,
        names=("Directory.Build.props",),
        patterns=("*.csproj", "*.fsproj", "*.vbproj"),
        rank=60,
    ),
    Format(
        "nuget-central",
        "nuget",
        parse_central_versions,
        names=("Directory.Packages.props",),
        rank=61,
    ),
    Format(
        "packages.config",
        "nuget",
        parse_packages_config,
        names=("packages.config",),
        rank=62,
        search=False,
    ),
    Format(
        "global.json", "nuget", parse_global_json, names=("global.json",), rank=63, search=False
    ),
)
