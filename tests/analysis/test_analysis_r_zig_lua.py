"""R DESCRIPTION and renv.lock, Zig build.zig.zon, Lua rockspecs and LÖVE games."""

from __future__ import annotations

import json

from tui.analysis.frameworks import detect
from tui.analysis.manifests import Manifest, parse_manifest
from tui.analysis.report import Scope


def _deps(manifest: Manifest) -> dict[str, Scope]:
    return {dep.name: dep.scope for dep in manifest.dependencies}


DESCRIPTION = b"""Package: shinydash
Title: A 'shiny' Dashboard for Sales Data
Version: 0.2.1
Description: Explore sales with 'shiny' and 'ggplot2'. Uses
    interactive filters.
Depends:
    R (>= 4.1.0)
Imports:
    dplyr (>= 1.1.0),
    ggplot2,
    golem,
    shiny (>= 1.7.0)
Suggests: testthat (>= 3.0.0), knitr
License: MIT + file LICENSE
"""


def test_description_fields_versions_and_lines() -> None:
    manifest = parse_manifest("DESCRIPTION", DESCRIPTION)
    assert manifest.problems == ()
    assert manifest.package_name == "shinydash"
    assert _deps(manifest) == {
        "dplyr": Scope.RUNTIME,
        "ggplot2": Scope.RUNTIME,
        "golem": Scope.RUNTIME,
        "shiny": Scope.RUNTIME,
        "testthat": Scope.OPTIONAL,
        "knitr": Scope.OPTIONAL,
    }
    lines = {dep.name: dep.line for dep in manifest.dependencies}
    assert lines["shiny"] == 12  # its Imports line, not the quoted word in the description
    assert lines["ggplot2"] == 10
    found = {fw.name for fw in detect(["DESCRIPTION"], {"DESCRIPTION": DESCRIPTION}).frameworks}
    assert {"Shiny", "ggplot2", "golem"} <= found


def test_renv_lock_keeps_only_packages_nothing_else_requires() -> None:
    lock = {
        "R": {"Version": "4.3.2"},
        "Packages": {
            "shiny": {"Package": "shiny", "Requirements": ["httpuv", "htmltools", "R6"]},
            "httpuv": {"Package": "httpuv", "Requirements": ["R6"]},
            "htmltools": {"Package": "htmltools"},
            "R6": {"Package": "R6"},
            "tidyverse": {"Package": "tidyverse", "Requirements": ["ggplot2"]},
            "ggplot2": {"Package": "ggplot2"},
        },
    }
    manifest = parse_manifest("renv.lock", json.dumps(lock, indent=2).encode())
    assert _deps(manifest) == {"shiny": Scope.RUNTIME, "tidyverse": Scope.RUNTIME}


def test_build_zig_zon_dependency_names() -> None:
    zon = b""".{
    .name = .game,
    .version = "0.1.0",
    // .old = .{ .url = "..." }, a comment
    .dependencies = .{
        .@"raylib-zig" = .{
            .url = "git+https://github.com/Not-Nik/raylib-zig#5.5",
            .hash = "raylib_zig-5.5.0-abc",
        },
        .zap = .{ .url = "https://github.com/zigzap/zap/archive/v0.9.tar.gz", .hash = "1220" },
    },
    .paths = .{ "build.zig", "src" },
}
"""
    manifest = parse_manifest("build.zig.zon", zon)
    assert manifest.package_name == "game"
    assert [dep.name for dep in manifest.dependencies] == ["raylib-zig", "zap"]
    assert [dep.line for dep in manifest.dependencies] == [6, 10]
    found = {fw.name for fw in detect([], {"build.zig.zon": zon}).frameworks}
    assert {"raylib", "Zap"} <= found


def test_rockspec_dependency_tables() -> None:
    rockspec = b"""package = "blog"
version = "1.0-1"
source = { url = "git+https://github.com/me/blog.git" }
dependencies = {
   "lua >= 5.1", -- the interpreter is not a rock
   "lapis ~> 1.16",
   "lua-resty-http",
}
test_dependencies = { "busted" }
build = { type = "builtin", modules = {} }
"""
    manifest = parse_manifest("blog-1.0-1.rockspec", rockspec)
    assert manifest.package_name == "blog"
    assert _deps(manifest) == {
        "lapis": Scope.RUNTIME,
        "lua-resty-http": Scope.RUNTIME,
        "busted": Scope.TEST,
    }
    found = {fw.name for fw in detect([], {"blog-1.0-1.rockspec": rockspec}).frameworks}
    assert {"Lapis", "OpenResty", "busted"} <= found


def test_love_game_from_its_config_file() -> None:
    found = {fw.name: fw for fw in detect(["main.lua", "conf.lua"], {}).frameworks}
    assert found["LÖVE"].category == "game"
    assert "LÖVE" not in {fw.name for fw in detect(["src/conf.lua.bak", "main.lua"], {}).frameworks}
