"""Manifest parsers for JS, PHP, Rust, Go, JVM, Ruby and Dart formats."""

from __future__ import annotations

from tui.analysis.manifests import Manifest, parse_manifest
from tui.analysis.report import Scope


def _deps(manifest: Manifest) -> dict[str, Scope]:
    """Dependency name -> scope (the last declaration wins)."""
    return {dep.name: dep.scope for dep in manifest.dependencies}


PACKAGE_JSON = b"""{
  "name": "My-Web",
  "workspaces": ["packages/*", "apps/web"],
  "dependencies": {"React": "^18.2.0", "next": "14.0.0"},
  "peerDependencies": {"react-dom": "^18"},
  "optionalDependencies": {"fsevents": "*"},
  "devDependencies": {"@types/node": "20", "jest": "^29"}
}"""


def test_package_json_sections_workspaces_and_lines() -> None:
    manifest = parse_manifest("package.json", PACKAGE_JSON)
    assert manifest.package_name == "my-web"
    assert manifest.includes == ("packages/*", "apps/web")
    assert _deps(manifest) == {
        "react": Scope.RUNTIME,
        "next": Scope.RUNTIME,
        "react-dom": Scope.RUNTIME,
        "fsevents": Scope.OPTIONAL,
        "@types/node": Scope.DEV,
        "jest": Scope.DEV,
    }
    lines = {dep.name: dep.line for dep in manifest.dependencies}
    assert lines["next"] == 4
    assert lines["jest"] == 7


def test_package_json_yarn_workspaces_object_and_pnpm_workspace() -> None:
    yarn = parse_manifest("package.json", b'{"workspaces": {"packages": ["libs/*"]}}')
    assert yarn.includes == ("libs/*",)
    pnpm = parse_manifest("pnpm-workspace.yaml", b"packages:\n  - 'packages/*'\n  - tools/x\n")
    assert pnpm.includes == ("packages/*", "tools/x")


def test_composer_skips_platform_requirements() -> None:
    data = b"""{"name": "acme/shop", "require": {"php": ">=8.1", "ext-json": "*",
        "laravel/framework": "^10.0"}, "require-dev": {"phpunit/phpunit": "^10"}}"""
    manifest = parse_manifest("composer.json", data)
    assert manifest.package_name == "acme/shop"
    assert _deps(manifest) == {"laravel/framework": Scope.RUNTIME, "phpunit/phpunit": Scope.DEV}


CARGO = b"""\
[package]
name = "my_tool"

[dependencies]
tokio = { version = "1", features = ["full"] }
serde_json = "1"
web = { package = "actix-web", version = "4" }
clap = { version = "4", optional = true }

[dev-dependencies]
criterion = "0.5"

[build-dependencies]
cc = "1"

[target.'cfg(windows)'.dependencies]
winapi = "0.3"

[workspace]
members = ["crates/*", "xtask"]

[workspace.dependencies]
anyhow = "1"
"""


def test_cargo_tables_renames_targets_and_workspace() -> None:
    manifest = parse_manifest("Cargo.toml", CARGO)
    assert manifest.package_name == "my_tool"
    assert manifest.includes == ("crates/*", "xtask")
    assert _deps(manifest) == {
        "tokio": Scope.RUNTIME,
        "serde-json": Scope.RUNTIME,
        "actix-web": Scope.RUNTIME,
        "clap": Scope.OPTIONAL,
        "criterion": Scope.DEV,
        "cc": Scope.BUILD,
        "winapi": Scope.RUNTIME,
        "anyhow": Scope.RUNTIME,
    }
    assert {dep.name: dep.line for dep in manifest.dependencies}["tokio"] == 5


GO_MOD = b"""\
module github.com/acme/service

go 1.22

require github.com/spf13/cobra v1.8.0

require (
\tgithub.com/labstack/echo/v4 v4.11.0
\tgolang.org/x/sys v0.15.0 // indirect
)

replace github.com/old/thing => ../thing

tool golang.org/x/tools/cmd/stringer
"""


def test_go_mod_directives() -> None:
    manifest = parse_manifest("go.mod", GO_MOD)
    assert manifest.package_name == "github.com/acme/service"
    assert _deps(manifest) == {
        "github.com/spf13/cobra": Scope.RUNTIME,
        "github.com/labstack/echo/v4": Scope.RUNTIME,
        "golang.org/x/sys": Scope.OPTIONAL,
        "golang.org/x/tools/cmd/stringer": Scope.DEV,
    }
    assert {dep.name: dep.line for dep in manifest.dependencies}["github.com/labstack/echo/v4"] == 8


POM = b"""<?xml version="1.0"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
  </parent>
  <artifactId>demo</artifactId>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId></plugin></plugins></build>
</project>"""


def test_pom_parent_dependencies_scopes_plugins() -> None:
    manifest = parse_manifest("pom.xml", POM)
    assert manifest.package_name == "org.springframework.boot:demo"
    assert _deps(manifest) == {
        "org.springframework.boot:spring-boot-starter-parent": Scope.RUNTIME,
        "org.springframework.boot:spring-boot-starter-web": Scope.RUNTIME,
        "org.junit.jupiter:junit-jupiter": Scope.TEST,
        "org.apache.maven.plugins:maven-surefire-plugin": Scope.BUILD,
    }
    lines = {dep.name: dep.line for dep in manifest.dependencies}
    assert lines["org.springframework.boot:spring-boot-starter-web"] == 11


GRADLE = b"""\
plugins {
    id("org.springframework.boot") version "3.2.0"
    id 'java'
}
dependencies {
    implementation("io.ktor:ktor-server-core:2.3.0")
    testImplementation 'org.junit.jupiter:junit-jupiter:5.10.0'
    implementation(platform("org.springframework.cloud:spring-cloud-dependencies:2023.0.0"))
    // implementation("com.example:commented-out:1.0")
    implementation(libs.some.alias)
}
"""


def test_gradle_configurations_and_plugins() -> None:
    manifest = parse_manifest("build.gradle.kts", GRADLE)
    assert _deps(manifest) == {
        "org.springframework.boot": Scope.RUNTIME,
        "java": Scope.RUNTIME,
        "io.ktor:ktor-server-core": Scope.RUNTIME,
        "org.junit.jupiter:junit-jupiter": Scope.TEST,
        "org.springframework.cloud:spring-cloud-dependencies": Scope.RUNTIME,
    }
    assert {dep.name: dep.line for dep in manifest.dependencies}["io.ktor:ktor-server-core"] == 6


GEMFILE = b"""\
source "https://rubygems.org"
gem "rails", "~> 7.1"
gem 'puma'
gem "rubocop", require: false, group: :development

group :development, :test do
  gem "rspec-rails"
end

group :test do
  gem "capybara"
end
platforms :jruby do
  gem "jdbc"
end
"""


def test_gemfile_groups() -> None:
    manifest = parse_manifest("Gemfile", GEMFILE)
    assert _deps(manifest) == {
        "rails": Scope.RUNTIME,
        "puma": Scope.RUNTIME,
        "rubocop": Scope.DEV,
        "rspec-rails": Scope.DEV,
        "capybara": Scope.TEST,
        "jdbc": Scope.RUNTIME,
    }
    assert {dep.name: dep.line for dep in manifest.dependencies}["capybara"] == 11


def test_pubspec() -> None:
    data = b"""name: my_app
dependencies:
  flutter:
    sdk: flutter
  provider: ^6.0.0
dev_dependencies:
  flutter_test:
    sdk: flutter
"""
    manifest = parse_manifest("pubspec.yaml", data)
    assert manifest.package_name == "my_app"
    assert _deps(manifest) == {
        "flutter": Scope.RUNTIME,
        "provider": Scope.RUNTIME,
        "flutter_test": Scope.DEV,
    }
    assert {dep.name: dep.line for dep in manifest.dependencies}["provider"] == 5


def test_gemspec_is_read_not_run() -> None:
    data = b"""Gem::Specification.new do |s|
  s.name = "sinatra"
  s.version = File.read("VERSION").strip
  s.add_dependency "rack", ">= 3.0"
  s.add_runtime_dependency("mustermann", "~> 3.0")
  s.add_development_dependency 'rspec'
end
"""
    manifest = parse_manifest("sinatra.gemspec", data)
    assert manifest.package_name == "sinatra"
    assert _deps(manifest) == {
        "rack": Scope.RUNTIME,
        "mustermann": Scope.RUNTIME,
        "rspec": Scope.DEV,
    }
    assert manifest.package_line == 2
