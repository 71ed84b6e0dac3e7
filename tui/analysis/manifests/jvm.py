"""pom.xml (defusedxml: entities and external references refused) and build.gradle(.kts)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.analysis.manifests.base import Collector, Manifest, decode, load_xml
from tui.analysis.manifests.lines import numbered_lines
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

if TYPE_CHECKING:  # the XML parser loads with the first XML manifest
    from xml.etree.ElementTree import Element

_MAVEN_SCOPES = {"test": Scope.TEST, "provided": Scope.BUILD, "system": Scope.BUILD}
_GRADLE_CONFIG = re.compile(
    r"""^\s*(\w+)\s*[\s(]\s*(?:platform\s*\(\s*|enforcedPlatform\s*\(\s*)?"""
    r"""["']([\w.-]+):([\w.-]+)(?::[^"']*)?["']"""
)
_GRADLE_MAP = re.compile(
    r"""^\s*(\w+)\s*\(?\s*group\s*[:=]\s*["']([\w.-]+)["']\s*,\s*name\s*[:=]\s*["']([\w.-]+)["']"""
)
_GRADLE_PLUGIN = re.compile(r"""^\s*id\s*[\s(]\s*["']([\w.-]+)["']""")
_GRADLE_KOTLIN = re.compile(r"""^\s*kotlin\s*\(\s*["']([\w.-]+)["']\s*\)""")
_GRADLE_INCLUDE = re.compile(r"""\binclude(?:Build)?\b\s*\(?([^)]*)""")
_QUOTED = re.compile(r"""["']:?([\w.:-]{1,200})["']""")
_GRADLE_APPLY = re.compile(r"""^\s*apply\s+plugin\s*:\s*["']([\w.-]+)["']""")


def _local(tag: object) -> str:
    """An element's tag without its namespace."""
    return str(tag).rsplit("}", 1)[-1]


def _child(element: Element, name: str) -> Element | None:
    """The first direct child with this local name."""
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _text(element: Element, name: str) -> str:
    """The stripped text of a direct child, or ''."""
    child = _child(element, name)
    return (child.text or "").strip() if child is not None else ""


def _coordinate(out: Collector, element: Element, scope: Scope, kind: str) -> None:
    """Record one <dependency>, <plugin> or <parent> as ``groupId:artifactId``."""
    group, artifact = _text(element, "groupId"), _text(element, "artifactId")
    if not artifact:
        return
    if kind == "plugin" and not group:
        group = "org.apache.maven.plugins"
    declared = _MAVEN_SCOPES.get(_text(element, "scope"), scope)
    line = out.lines.tag(artifact)
    out.add(f"{group}:{artifact}", declared, f"{kind} {group}:{artifact}", line=line)


def _walk_pom(out: Collector, root: Element) -> None:
    """Parent, dependencies (managed ones as optional) and build plugins."""
    parent = _child(root, "parent")
    if parent is not None:
        _coordinate(out, parent, Scope.RUNTIME, "parent")
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "dependency":
            _coordinate(out, element, Scope.RUNTIME, "dependency")
        elif tag == "plugin":
            _coordinate(out, element, Scope.BUILD, "plugin")


def parse_pom(path: str, data: bytes) -> Manifest:
    """Parse pom.xml; a DTD, entity or external reference is refused and reported."""
    out = Collector(path, "maven")
    root = load_xml(data, out)
    if root is None:
        return out.freeze()
    parent = _child(root, "parent")
    group = _text(root, "groupId") or (_text(parent, "groupId") if parent is not None else "")
    artifact = _text(root, "artifactId")
    out.package_name = f"{group}:{artifact}" if artifact else None
    _walk_pom(out, root)
    return out.freeze()


def _gradle_scope(config: str) -> Scope:
    """The scope of a Gradle configuration name (testImplementation -> TEST, ...)."""
    low = config.lower()
    if low.startswith("test") or "test" in low:
        return Scope.TEST
    if low in ("classpath", "kapt", "ksp", "annotationprocessor", "compileonly", "detektplugins"):
        return Scope.BUILD
    return Scope.RUNTIME


def _gradle_line(out: Collector, number: int, raw: str) -> None:
    """Record what one line of a build script declares."""
    line = raw.split("//", 1)[0] if "://" not in raw else raw
    dep = _GRADLE_CONFIG.match(line) or _GRADLE_MAP.match(line)
    if dep and dep.group(1) not in ("id", "version", "group", "kotlin"):
        name = f"{dep.group(2)}:{dep.group(3)}"
        out.add(name, _gradle_scope(dep.group(1)), raw.strip(), line=number)
        return
    plugin = _GRADLE_PLUGIN.match(line) or _GRADLE_APPLY.match(line)
    kotlin = _GRADLE_KOTLIN.match(line)
    if plugin:
        # a plugin decides what kind of project this is (Spring Boot, Android, Kotlin)
        out.add(plugin.group(1), Scope.RUNTIME, raw.strip(), line=number)
    elif kotlin:  # kotlin("jvm") is the plugin org.jetbrains.kotlin.jvm
        out.add(f"org.jetbrains.kotlin.{kotlin.group(1)}", Scope.RUNTIME, raw.strip(), line=number)


def parse_gradle(path: str, data: bytes) -> Manifest:
    """Read build.gradle(.kts) line by line: it is code, so only literal coordinates count.

    ``implementation(libs.x.y)`` names a version-catalog entry, read from the catalog itself.
    """
    out = Collector(path, "gradle")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    for number, raw in numbered_lines(text):
        _gradle_line(out, number, raw)
    return out.freeze()


def parse_gradle_settings(path: str, data: bytes) -> Manifest:
    """Read settings.gradle(.kts): ``include(":app", ":core:data")`` names the build's modules."""
    out = Collector(path, "gradle")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    for _, raw in numbered_lines(text):
        for include in _GRADLE_INCLUDE.findall(raw.split("//", 1)[0]):
            out.includes.extend(name.replace(":", "/") for name in _QUOTED.findall(include))
    return out.freeze()


FORMATS = (
    Format("pom", "maven", parse_pom, names=("pom.xml",), rank=40),
    Format("gradle", "gradle", parse_gradle, names=("build.gradle.kts", "build.gradle"), rank=41),
    Format(
        "gradle-settings",
        "gradle",
        parse_gradle_settings,
        names=("settings.gradle.kts", "settings.gradle"),
        rank=43,
        workspace=True,
        search=False,  # it names modules, not dependencies: its repository is read deeper anyway
    ),
)
