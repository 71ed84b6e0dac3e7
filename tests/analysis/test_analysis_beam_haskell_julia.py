"""Elixir mix.exs, Haskell cabal/hpack/stack and Julia Project.toml."""

from __future__ import annotations

from tui.analysis.frameworks import detect
from tui.analysis.manifests import Manifest, parse_manifest
from tui.analysis.report import Scope


def _deps(manifest: Manifest) -> dict[str, Scope]:
    return {dep.name: dep.scope for dep in manifest.dependencies}


def _names(files: dict[str, bytes]) -> set[str]:
    return {fw.name for fw in detect(list(files), files).frameworks}


MIX = b"""defmodule Shop.MixProject do
  use Mix.Project

  def project do
    [app: :shop, version: "0.1.0", elixir: "~> 1.15", deps: deps()]
  end

  defp deps do
    [
      {:phoenix, "~> 1.7.14"},
      {:phoenix_live_view, github: "phoenixframework/phoenix_live_view", override: true},
      {:ecto_sql, "~> 3.10"},
      {:esbuild, "~> 0.8", runtime: Mix.env() == :dev},
      {:floki, ">= 0.30.0", only: :test},
      {:credo, "~> 1.7", only: [:dev, :test], runtime: false},
      # {:nerves, "~> 1.10"} is commented out
    ]
  end
end
"""


def test_mix_deps_and_their_scopes() -> None:
    manifest = parse_manifest("mix.exs", MIX)
    assert manifest.package_name == "shop"
    assert _deps(manifest) == {
        "phoenix": Scope.RUNTIME,
        "phoenix_live_view": Scope.RUNTIME,
        "ecto_sql": Scope.RUNTIME,
        "esbuild": Scope.DEV,
        "floki": Scope.TEST,
        "credo": Scope.DEV,
    }
    assert manifest.dependencies[0].line == 10
    assert {"Phoenix", "Phoenix LiveView", "Ecto"} <= _names({"mix.exs": MIX})
    assert "Nerves" not in _names({"mix.exs": MIX})


CABAL = b"""cabal-version:      3.0
name:               todo-api
version:            0.1.0.0

common warnings
    ghc-options: -Wall

library
    import:           warnings
    exposed-modules:  Api
    build-depends:    base >=4.17 && <5,
                      servant-server ^>=0.20,
                      aeson
    hs-source-dirs:   src

executable todo-api
    main-is:          Main.hs
    build-depends:
        base, todo-api, warp

test-suite spec
    type:             exitcode-stdio-1.0
    build-depends:    base, hspec, todo-api
"""


def test_cabal_build_depends_per_stanza() -> None:
    manifest = parse_manifest("todo-api.cabal", CABAL)
    assert manifest.problems == ()
    assert manifest.package_name == "todo-api"
    runtime = {dep.name for dep in manifest.dependencies if dep.scope is Scope.RUNTIME}
    assert runtime == {"base", "servant-server", "aeson", "todo-api", "warp"}
    assert {dep.name for dep in manifest.dependencies if dep.scope is Scope.TEST} == {
        "base",
        "hspec",
        "todo-api",
    }
    found = {fw.name: fw for fw in detect([], {"todo-api.cabal": CABAL}).frameworks}
    assert found["Servant"].evidence[0].line == 12
    assert found["Hspec"].category == "test"


def test_hpack_and_stack() -> None:
    package = b"""name: blog
dependencies:
  - base >= 4.7 && < 5
  - yesod
library:
  source-dirs: src
  dependencies: [persistent]
executables:
  blog-exe:
    main: Main.hs
    dependencies: [blog]
tests:
  blog-test:
    main: Spec.hs
    dependencies: [hspec]
"""
    manifest = parse_manifest("package.yaml", package)
    assert manifest.package_name == "blog"
    assert _deps(manifest) == {
        "base": Scope.RUNTIME,
        "yesod": Scope.RUNTIME,
        "persistent": Scope.RUNTIME,
        "blog": Scope.RUNTIME,
        "hspec": Scope.TEST,
    }
    assert "Yesod" in _names({"package.yaml": package})
    stack = (
        b"resolver: lts-22.6\npackages:\n  - .\n  - api\nextra-deps:\n  - scotty-0.22@sha256:abc\n"
    )
    manifest = parse_manifest("stack.yaml", stack)
    assert manifest.includes == ("api",)
    assert _deps(manifest) == {"scotty": Scope.OPTIONAL}


def test_julia_project_toml() -> None:
    project = b"""name = "NeuralODEs"
uuid = "8f3a5c12-0000-4000-8000-000000000000"

[deps]
Flux = "587475ba-b771-5e3f-ad9e-33799f191a9c"
Lux = "b2108857-7c20-44ae-9111-449ecde12c47"

[weakdeps]
CUDA = "052768ef-5323-5732-b1bb-66c8b64840ba"

[extras]
Test = "8dfed614-e22c-5e08-85e1-65c5234f0b40"
"""
    manifest = parse_manifest("Project.toml", project)
    assert manifest.package_name == "NeuralODEs"
    assert _deps(manifest) == {
        "flux": Scope.RUNTIME,
        "lux": Scope.RUNTIME,
        "cuda": Scope.OPTIONAL,
        "test": Scope.TEST,
    }
    assert manifest.dependencies[0].line == 5
    assert {"Flux", "Lux"} <= _names({"Project.toml": project})
