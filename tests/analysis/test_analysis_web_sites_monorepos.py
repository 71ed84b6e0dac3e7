"""Deno import maps, static-site generators and JavaScript monorepo tools."""

from __future__ import annotations

from tui.analysis.frameworks import detect
from tui.analysis.manifests import parse_manifest
from tui.analysis.selection import manifests_to_fetch, workspace_members

DENO = b"""{
  // Fresh 1.x app
  "name": "@acme/site",
  "imports": {
    "$fresh/": "https://deno.land/x/fresh@1.6.8/",
    "preact": "https://esm.sh/preact@10.19.6",
    "@std/http": "jsr:@std/http@^1.0.0",
    "hono": "jsr:@hono/hono@^4.5.0",
    "tailwindcss": "npm:tailwindcss@3.4.1",
    "$std/": "https://deno.land/std@0.211.0/",
    "lume/": "https://cdn.jsdelivr.net/gh/lumeland/lume@2.2.0/",
    "@/": "./",
  },
  "compilerOptions": { "jsx": "react-jsx", "jsxImportSource": "preact" },
  "workspace": ["./packages/ui"],
}
"""


def test_deno_jsonc_import_map_specifiers() -> None:
    manifest = parse_manifest("deno.jsonc", DENO)
    assert manifest.problems == ()
    assert manifest.package_name == "@acme/site"
    assert [(dep.ecosystem, dep.name) for dep in manifest.dependencies] == [
        ("deno", "fresh"),
        ("npm", "preact"),
        ("deno", "@std/http"),
        ("deno", "@hono/hono"),
        ("npm", "tailwindcss"),
        ("deno", "std"),
        ("deno", "lume"),
    ]
    assert manifest.includes == ("./packages/ui",)
    found = {fw.name for fw in detect(["deno.jsonc"], {"deno.jsonc": DENO}).frameworks}
    assert {"Fresh", "Preact", "Hono", "Tailwind CSS", "Lume", "Deno"} <= found
    assert "React" not in found  # "jsx": "react-jsx" is a compiler mode


def test_oak_from_deno_land_and_jsr() -> None:
    for target in ("https://deno.land/x/oak@v12.6.1/mod.ts", "jsr:@oak/oak@^17"):
        data = ('{"imports": {"oak": "' + target + '"}}').encode()
        assert "Oak" in {fw.name for fw in detect([], {"deno.json": data}).frameworks}


def test_static_site_generators_by_config_and_dependency() -> None:
    cases = {
        "Hugo": (["hugo.toml", "content/_index.md"], {}),
        "Astro": (["astro.config.mjs"], {}),
        "Docusaurus": ([], {"package.json": b'{"dependencies": {"@docusaurus/core": "3.4"}}'}),
        "Eleventy": ([".eleventy.js"], {}),
        "VitePress": ([".vitepress/config.mts"], {}),
        "Jekyll": ([], {"Gemfile": b'source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n'}),
    }
    for expected, (paths, files) in cases.items():
        found = {fw.name for fw in detect(paths + list(files), files).frameworks}
        assert expected in found, expected
    theme_config = ["config/_default/hugo.toml", "themes/le/layouts/_default/baseof.html"]
    assert "Hugo" in {fw.name for fw in detect(theme_config, {}).frameworks}
    assert "Hugo" not in {fw.name for fw in detect(["config.toml", "docs/hugo.md"], {}).frameworks}


ROOT = b"""{
  "name": "acme",
  "private": true,
  "workspaces": ["apps/*", "packages/*"],
  "devDependencies": {"turbo": "^2.0.0", "typescript": "^5.4"}
}"""


def test_turborepo_is_build_tooling_and_members_are_fetched() -> None:
    paths = [
        "package.json",
        "turbo.json",
        "apps/web/package.json",
        "apps/web/next.config.mjs",
        "packages/ui/package.json",
        "node_modules/next/package.json",
    ]
    chosen = manifests_to_fetch(paths)
    assert chosen[:2] == ["package.json", "turbo.json"]
    assert {"apps/web/package.json", "packages/ui/package.json"} <= set(chosen)
    files = {
        "package.json": ROOT,
        "turbo.json": b'{"$schema": "https://turbo.build/schema.json", "tasks": {}}',
        "apps/web/package.json": b'{"name": "web", "dependencies": {"next": "14.2.0"}}',
    }
    found = {fw.name: fw for fw in detect(paths, files).frameworks}
    assert found["Turborepo"].category == "build"
    assert "Next.js" in found
    assert parse_manifest("package.json", ROOT).includes == ("apps/*", "packages/*")


def test_nx_and_lerna_files_name_members() -> None:
    nx = b'{"workspaceLayout": {"appsDir": "apps", "libsDir": "libs"}, "npmScope": "acme"}'
    assert parse_manifest("nx.json", nx).includes == ("apps/*", "libs/*")
    lerna = b'{"packages": ["modules/*"], "version": "independent"}'
    assert parse_manifest("lerna.json", lerna).includes == ("modules/*",)
    found = {fw.name: fw for fw in detect(["nx.json"], {"nx.json": nx}).frameworks}
    assert found["Nx"].category == "build"


def test_declared_workspace_members_are_fetched_before_other_manifests() -> None:
    root = b'{"workspaces": ["libs/*/*/*", "apps/*"], "devDependencies": {"nx": "19"}}'
    members = workspace_members([parse_manifest("package.json", root)])
    assert members == ("libs/*/*/*", "apps/*")
    paths = [
        "package.json",
        "tools/scripts/package.json",
        "e2e/package.json",
        "apps/cart/package.json",
        "libs/shared/ui/header/package.json",
        "libs/shared/ui/header/src/deep/package.json",
    ]
    chosen = manifests_to_fetch(paths, members=members, limit=3)
    assert chosen == [
        "package.json",
        "apps/cart/package.json",
        "libs/shared/ui/header/package.json",
    ]
    # a member manifest declares no workspace of its own
    nested = parse_manifest("apps/cart/package.json", b'{"workspaces": ["x/*"]}')
    assert workspace_members([nested]) == ()
