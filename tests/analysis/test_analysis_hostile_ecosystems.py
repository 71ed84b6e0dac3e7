"""Hostile input for the new ecosystems' parsers: problems, not exceptions, and no runaway patterns.

The generic cases (too large, binary, invalid UTF-8) run for every registered format in
``test_manifests_hostile.py``; these are the shapes that target each tokeniser: unbalanced
brackets, megabytes of one repeated token, deep nesting, XML entities.
"""

from __future__ import annotations

import random

import pytest

from tui.analysis.manifests import parse_manifest
from tui.analysis.manifests.base import MAX_DEPENDENCIES

NEAR_LIMIT = 2 * 1024 * 1024 - 64

ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup><PackageReference Include="&b;" /></ItemGroup>
</Project>"""


def _repeat(token: bytes, head: bytes = b"") -> bytes:
    """``head`` then ``token`` repeated up to just under the size limit."""
    return head + token * ((NEAR_LIMIT - len(head)) // len(token))


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("CMakeLists.txt", _repeat(b"a(")),
        ("CMakeLists.txt", _repeat(b"x ", b"find_package(")),
        ("CMakeLists.txt", _repeat(b"b\n", b"target_link_libraries(t ")),
        ("Package.swift", _repeat(b".package((")),
        ("Package.swift", _repeat(b'\n.package(url: "', b"let package = Package(")),
        ("mix.exs", _repeat(b"{:a,")),
        ("build.zig.zon", _repeat(b".{", b".dependencies = ")),
        ("build.zig.zon", _repeat(b'.a = .{"}', b".dependencies = .{")),
        ("x.rockspec", _repeat(b"dependencies = {")),
        ("build.sbt", _repeat(b'"a" % ')),
        ("x.cabal", _repeat(b"   a,\n", b"library\n  build-depends:\n")),
        ("deno.jsonc", _repeat(b"/*")),
        ("deno.jsonc", _repeat(b'"\\')),
        ("deno.json", _repeat(b"[")),
        ("conanfile.py", _repeat(b'    "a/1",\n', b"requires = (\n")),
        ("DESCRIPTION", _repeat(b" a,\n", b"Imports:\n")),
        ("meson.build", _repeat(b"dependency('")),
        ("configure.ac", _repeat(b"a ", b"PKG_CHECK_MODULES([A], [")),
        ("settings.gradle.kts", _repeat(b"':a',", b"include(")),
        ("gradle/libs.versions.toml", _repeat(b"[", b"[libraries]\na = ")),
        ("vcpkg.json", _repeat(b"[")),
        ("renv.lock", _repeat(b'{"a":')),
        ("package.yaml", _repeat(b"[")),
    ],
)
def test_repeated_tokens_end_in_problems_or_a_cap(path: str, data: bytes) -> None:
    manifest = parse_manifest(path, data)
    assert len(manifest.dependencies) <= MAX_DEPENDENCIES
    assert (
        manifest.problems
        or manifest.dependencies == ()
        or len(manifest.dependencies) == (MAX_DEPENDENCIES)
    ), path


@pytest.mark.parametrize(
    "path", ["App.csproj", "Directory.Packages.props", "packages.config", "Lib.fsproj"]
)
def test_msbuild_entities_are_refused(path: str) -> None:
    manifest = parse_manifest(path, ENTITY)
    assert manifest.dependencies == ()
    assert any("refused unsafe XML" in problem for problem in manifest.problems)


def test_deep_but_valid_project_xml_is_harmless() -> None:
    data = b"<Project>" + b"<a>" * 50_000 + b"</a>" * 50_000 + b"</Project>"
    manifest = parse_manifest("App.csproj", data)
    assert manifest.dependencies == ()


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("App.csproj", b"<Project><ItemGroup>"),
        ("global.json", b"{"),
        ("global.json", b"[1, 2]"),
        ("vcpkg.json", b'{"dependencies": "fmt"}'),
        ("deno.json", b'{"imports": }'),
        ("deno.jsonc", b"// only a comment"),
        ("nx.json", b"not json"),
        ("Project.toml", b"[deps\nFlux = "),
        ("gradle/libs.versions.toml", b'[libraries]\nbroken = { version = "1" }\n'),
        ("stack.yaml", b"- a\n- b\n"),
        ("package.yaml", b"name: [unclosed"),
        ("renv.lock", b'{"R": {}}'),
        ("DESCRIPTION", b"Imports\n  no colon\n"),
    ],
)
def test_broken_input_is_a_problem(path: str, data: bytes) -> None:
    manifest = parse_manifest(path, data)
    assert manifest.problems, f"{path} {data!r} should report a problem"
    assert all(problem.startswith(path) for problem in manifest.problems)


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("CMakeLists.txt", b"find_package(\n"),
        ("Package.swift", b'.package(url: "https://github.com/a'),
        ("mix.exs", b"{:phoenix"),
        ("build.zig.zon", b".dependencies = .{ .a = .{"),
        ("x.rockspec", b'dependencies = { "lapis"'),
        ("x.cabal", b"build-depends:"),
        ("conanfile.txt", b"[requires\nboost/1"),
        ("Cartfile", b'github "'),
        ("Podfile", b"pod "),
    ],
)
def test_truncated_code_manifests_do_not_raise(path: str, data: bytes) -> None:
    manifest = parse_manifest(path, data)
    assert manifest.path == path
    assert len(manifest.dependencies) <= 1


_TOKENS = [
    *"{}[]()\"'\\/:;,.=<>@#$%&*-+_ \n\t",
    *"abcXYZ0189",
    "PackageReference",
    'Include="',
    "find_package(",
    ".package(url:",
    "dependencies",
    "{:",
    "build-depends:",
    "Imports:",
    "[deps]",
    "<Project Sdk=",
    "jsr:",
    "npm:",
    "%%",
    "include(",
    "requires",
    "dependency('",
    "PKG_CHECK_MODULES(",
    ".{",
    "\ufeff",
    "\u00e9",
    "<!--",
    "<!DOCTYPE",
]


@pytest.mark.parametrize(
    "path",
    [
        "App.csproj",
        "Directory.Packages.props",
        "packages.config",
        "global.json",
        "CMakeLists.txt",
        "vcpkg.json",
        "conanfile.txt",
        "conanfile.py",
        "meson.build",
        "configure.ac",
        "Package.swift",
        "Cartfile",
        "Podfile",
        "gradle/libs.versions.toml",
        "settings.gradle.kts",
        "build.sbt",
        "mix.exs",
        "x.cabal",
        "package.yaml",
        "stack.yaml",
        "Project.toml",
        "DESCRIPTION",
        "renv.lock",
        "build.zig.zon",
        "x.rockspec",
        "deno.jsonc",
        "nx.json",
    ],
)
def test_random_token_soup_never_raises(path: str) -> None:
    chooser = random.Random(path)  # seeded per format: a failure is reproducible
    for _ in range(150):
        text = "".join(chooser.choice(_TOKENS) for _ in range(chooser.randint(0, 200)))
        manifest = parse_manifest(path, text.encode())
        assert manifest.path == path
