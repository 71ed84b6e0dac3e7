"""C and C++: CMakeLists.txt, vcpkg.json, conanfile.txt/.py, meson.build and configure.ac.

Names from every one of these land in one ecosystem, ``cpp``, lower-cased: CMake packages
(``find_package(wxWidgets)``), imported targets (``Qt6::Widgets``), vcpkg ports, Conan
references and pkg-config modules (``gtk+-3.0``) name the same libraries, and a rule lists the
spellings. CMake, Meson and autoconf files are programs: only literal arguments of the few
commands that declare dependencies are read, with patterns that cannot nest or backtrack.
"""

from __future__ import annotations

import re

from tui.analysis.manifests.base import Collector, Manifest, decode
from tui.analysis.manifests.javascript import load_json
from tui.analysis.manifests.lines import LineCounter, numbered_lines
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_CMAKE_CALL = re.compile(r"\b(\w+)[ \t]*\(([^()]{0,4000})\)")
_CMAKE_COMMENT = re.compile(r"#.*$", re.MULTILINE)
_CMAKE_KEYWORDS = frozenset(
    "REQUIRED QUIET IMPORTED_TARGET GLOBAL NO_CMAKE_PATH NO_CMAKE_ENVIRONMENT_PATH CONFIG "
    "MODULE COMPONENTS OPTIONAL_COMPONENTS EXACT NO_MODULE PRIVATE PUBLIC INTERFACE".split()
)
_MESON_DEP = re.compile(r"""\bdependency\s*\(\s*['"]([^'"\n]{1,200})['"]""")
_MESON_PROJECT = re.compile(r"""^\s*project\s*\(\s*['"]([^'"\n]{1,200})['"]""")
_PKG_CHECK = re.compile(r"PKG_CHECK_MODULES\s*\(\s*\[?\w+\]?\s*,\s*\[?([^\],)]{1,2000})")
_AC_INIT = re.compile(r"AC_INIT\s*\(\s*\[?([\w.+-]{1,200})")
_CONAN_REF = re.compile(
    r"""["']([\w.+-]{1,200})/[\w.+*\[\]<>=~ -]{1,200}(?:@[\w./-]*)?(?:#\w+)?["']"""
)
_CONAN_WORD = re.compile(r"\b(tool_requires|build_requires|test_requires|requires)\b")
_CONAN_SECTIONS = {
    "requires": Scope.RUNTIME,
    "tool_requires": Scope.BUILD,
    "build_requires": Scope.BUILD,
    "test_requires": Scope.TEST,
}


def _cmake_call(out: Collector, command: str, args: list[str], line: int, raw: str) -> None:
    """Record what one CMake command declares."""
    detail = f"{command}({raw.strip()[:80]})"
    if command == "find_package" and args:
        out.add(args[0], Scope.RUNTIME, detail, line=line)
    elif command in ("fetchcontent_declare", "cpmaddpackage", "cpmfindpackage") and args:
        name = args[1] if args[0] == "NAME" and len(args) > 1 else args[0]
        name = name.removeprefix("gh:").split("@", 1)[0].rsplit("/", 1)[-1]
        out.add(name, Scope.RUNTIME, detail, line=line)
    elif command == "pkg_check_modules":
        for module in args[1:]:
            if module not in _CMAKE_KEYWORDS and module[:1] not in "<>=0123456789":
                out.add(re.split(r"[<>=]", module, maxsplit=1)[0], Scope.RUNTIME, detail, line=line)
    elif command == "target_link_libraries":
        for target in args[1:]:
            if "::" in target and not target.startswith("$"):
                out.add(target, Scope.RUNTIME, detail, line=line)
    elif command == "enable_language" and "CUDA" in args:
        out.add("cuda", Scope.RUNTIME, detail, line=line)
    elif command == "project" and args:
        out.package_name = out.package_name or args[0]
        if "CUDA" in args[1:]:
            out.add("cuda", Scope.RUNTIME, detail, line=line)


def parse_cmake(path: str, data: bytes) -> Manifest:
    """Parse CMakeLists.txt: find_package, FetchContent/CPM, pkg-config, imported targets."""
    out = Collector(path, "cpp")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    code = _CMAKE_COMMENT.sub("", text)  # same length per line is not needed: offsets from code
    lines = LineCounter(code)
    for match in _CMAKE_CALL.finditer(code):
        if out.saturated:
            break
        command = match.group(1).lower()
        args = [arg.strip("\"'") for arg in match.group(2).split()]
        _cmake_call(out, command, args, lines.at(match.start()), match.group(2))
    return out.freeze()


def parse_vcpkg(path: str, data: bytes) -> Manifest:
    """Parse vcpkg.json: ports as strings or objects; host ports build, feature ports optional."""
    out = Collector(path, "cpp")
    doc = load_json(data, out)
    if doc is None:
        return out.freeze()
    name = doc.get("name")
    out.package_name = name if isinstance(name, str) else None
    _vcpkg_list(out, doc.get("dependencies"), Scope.RUNTIME)
    features = doc.get("features")
    if isinstance(features, dict):
        for feature in features.values():
            if isinstance(feature, dict):
                _vcpkg_list(out, feature.get("dependencies"), Scope.OPTIONAL)
    return out.freeze()


def _vcpkg_list(out: Collector, deps: object, scope: Scope) -> None:
    """One vcpkg dependency list."""
    if deps is None:
        return
    if not isinstance(deps, list):
        out.problem("dependencies is not a list")
        return
    for item in deps:
        if isinstance(item, str):
            out.add(item, scope, f'"{item}"')
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            declared = Scope.BUILD if item.get("host") is True else scope
            out.add(item["name"], declared, f'"name": "{item["name"]}"')


def parse_conanfile_txt(path: str, data: bytes) -> Manifest:
    """Parse conanfile.txt: references (``boost/1.83.0``) in [requires] and tool sections."""
    out = Collector(path, "cpp")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    scope: Scope | None = None
    for number, raw in numbered_lines(text):
        line = raw.split("#", 1)[0].strip()
        if line.startswith("["):
            scope = _CONAN_SECTIONS.get(line.strip("[]").strip().lower())
        elif line and scope is not None and "/" in line:
            out.add(line.split("/", 1)[0], scope, line, line=number)
    return out.freeze()


def parse_conanfile_py(path: str, data: bytes) -> Manifest:
    """Parse conanfile.py: ``requires = ...`` attributes and ``self.requires("x/1.0")`` calls."""
    out = Collector(path, "cpp")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    scope: Scope | None = None
    depth = 0  # open brackets of a multi-line ``requires = (...)``
    for number, raw in numbered_lines(text):
        line = raw.split("#", 1)[0]
        word = _CONAN_WORD.search(line)
        if word:
            scope, depth = _CONAN_SECTIONS[word.group(1)], 0
        elif depth <= 0:
            scope = None
        if scope is None:
            continue
        for name in _CONAN_REF.findall(line):
            out.add(name, scope, raw.strip(), line=number)
        depth += sum(line.count(c) for c in "([") - sum(line.count(c) for c in ")]")
    return out.freeze()


def parse_meson(path: str, data: bytes) -> Manifest:
    """Parse meson.build: ``dependency('gtk4')`` calls and the project name."""
    out = Collector(path, "cpp")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    for number, raw in numbered_lines(text):
        line = raw.split("#", 1)[0]
        project = _MESON_PROJECT.match(line)
        if project:
            out.package_name = out.package_name or project.group(1)
        for name in _MESON_DEP.findall(line):
            out.add(name, Scope.RUNTIME, raw.strip(), line=number)
    return out.freeze()


def parse_configure_ac(path: str, data: bytes) -> Manifest:
    """Parse configure.ac: pkg-config modules of PKG_CHECK_MODULES, the package of AC_INIT."""
    out = Collector(path, "cpp")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    for number, raw in numbered_lines(text):
        line = raw.split("dnl ", 1)[0]
        init = _AC_INIT.search(line)
        if init:
            out.package_name = out.package_name or init.group(1)
        for modules in _PKG_CHECK.findall(line):
            for module in modules.split():
                if re.match(r"^[A-Za-z][\w.+-]*$", module):
                    out.add(module, Scope.RUNTIME, raw.strip(), line=number)
    return out.freeze()


FORMATS = (
    Format("cmake", "cpp", parse_cmake, names=("CMakeLists.txt",), rank=70),
    Format("vcpkg", "cpp", parse_vcpkg, names=("vcpkg.json",), rank=71),
    Format("conanfile.txt", "cpp", parse_conanfile_txt, names=("conanfile.txt",), rank=72),
    Format("conanfile.py", "cpp", parse_conanfile_py, names=("conanfile.py",), rank=73),
    Format("meson", "cpp", parse_meson, names=("meson.build",), rank=74),
    Format(
        "configure.ac", "cpp", parse_configure_ac, names=("configure.ac",), rank=75, search=False
    ),
)
