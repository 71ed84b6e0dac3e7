"""JavaScript applications: what a bundler ships from devDependencies, and what a library keeps.

Each package.json here is written the way its generator or its docs write it (``npm create
svelte``, ``npm create vite``, ``create-next-app`` with Tailwind installed ``-D``, a published
component library, a workspace root), and each test reads the verdict a person would read:
from the root manifest alone (GitHub without a token) and with the listing's marker files.
"""

from __future__ import annotations

import json
from typing import Any

from tui.analysis.frameworks import detect
from tui.analysis.manifests import parse_manifest
from tui.analysis.report import RepoInfo, RepoReport, Scope
from tui.analysis.verdict import decide


def _package(**fields: Any) -> bytes:
    return json.dumps(fields, indent=2).encode()


def _named(files: dict[str, bytes], extra: tuple[str, ...] = ()) -> list[str]:
    """The frameworks the verdict names, in order, from ``files`` plus listed-only paths."""
    detection = detect([*files, *extra], files, repo_name="someone/app")
    report = RepoReport(RepoInfo("someone/app"), None, detection.frameworks)
    return [framework.name for framework in decide(report).frameworks]


SVELTEKIT_APP = _package(
    name="my-app",
    version="0.0.1",
    private=True,
    scripts={"dev": "vite dev", "build": "vite build", "preview": "vite preview"},
    devDependencies={
        "@sveltejs/adapter-auto": "^3.0.0",
        "@sveltejs/kit": "^2.0.0",
        "@sveltejs/vite-plugin-svelte": "^3.0.0",
        "@tailwindcss/vite": "^4.0.0",
        "prettier": "^3.1.1",
        "svelte": "^4.2.7",
        "svelte-check": "^3.6.0",
        "tailwindcss": "^4.0.0",
        "typescript": "^5.0.0",
        "vite": "^5.0.3",
    },
    type="module",
)
SVELTEKIT_LISTING = ("svelte.config.js", "vite.config.ts", "src/routes/+page.svelte", "src/app.css")


def test_a_sveltekit_app_is_built_with_svelte_sveltekit_and_tailwind_from_package_json() -> None:
    named = _named({"package.json": SVELTEKIT_APP})
    assert named == ["Svelte", "SvelteKit", "Tailwind CSS"]


def test_a_sveltekit_app_reads_the_same_with_its_listing() -> None:
    alone = _named({"package.json": SVELTEKIT_APP})
    assert _named({"package.json": SVELTEKIT_APP}, SVELTEKIT_LISTING) == alone


def test_a_vite_svelte_app_names_svelte_and_never_its_bundler() -> None:
    package = _package(
        name="vite-svelte",
        private=True,
        version="0.0.0",
        type="module",
        scripts={"dev": "vite", "build": "vite build"},
        devDependencies={
            "@sveltejs/vite-plugin-svelte": "^3.1.1",
            "svelte": "^4.2.18",
            "vite": "^5.4.1",
        },
    )
    assert _named({"package.json": package}, ("vite.config.js", "src/App.svelte")) == ["Svelte"]


NEXT_APP = _package(
    name="blog",
    version="0.1.0",
    private=True,
    scripts={"dev": "next dev", "build": "next build", "lint": "next lint"},
    dependencies={"next": "14.2.3", "react": "^18", "react-dom": "^18"},
    devDependencies={
        "@types/node": "^20",
        "@types/react": "^18",
        "eslint": "^8",
        "eslint-config-next": "14.2.3",
        "postcss": "^8",
        "tailwindcss": "^3.4.1",
        "typescript": "^5",
    },
)


def test_a_next_app_with_tailwind_in_devdependencies_names_it_with_or_without_listing() -> None:
    files = {"package.json": NEXT_APP}
    expected = ["React", "Next.js", "Tailwind CSS"]  # the foundation first: Next.js is on React
    assert _named(files) == expected
    assert _named(files, ("next.config.mjs", "tailwind.config.ts", "app/page.tsx")) == expected


def test_a_published_component_library_is_built_with_react_not_with_its_dev_tools() -> None:
    package = _package(
        name="@acme/ui",
        version="2.3.0",
        main="./dist/index.cjs",
        module="./dist/index.js",
        types="./dist/index.d.ts",
        exports={".": {"import": "./dist/index.js", "require": "./dist/index.cjs"}},
        files=["dist"],
        peerDependencies={"react": ">=18", "react-dom": ">=18"},
        devDependencies={
            "react": "^18.3.1",
            "react-dom": "^18.3.1",
            "tailwindcss": "^3.4.4",
            "vite": "^5.3.1",
            "vitest": "^1.6.0",
        },
    )
    assert _named({"package.json": package}) == ["React"]  # peerDependencies: runtime
    scopes = {d.name: d.scope for d in parse_manifest("package.json", package).dependencies}
    assert scopes["tailwindcss"] is Scope.DEV


def test_a_library_with_only_main_keeps_its_devdependencies_weak() -> None:
    package = _package(
        name="left-pad-ui",
        version="1.0.0",
        main="index.js",
        dependencies={"lodash": "^4"},
        devDependencies={"svelte": "^4", "jest": "^29"},
    )
    assert "Svelte" not in _named({"package.json": package})


def test_a_workspace_root_with_only_tooling_names_nothing_from_its_devdependencies() -> None:
    root = _package(
        name="acme",
        private=True,
        workspaces=["packages/*"],
        devDependencies={"eslint": "^9", "prettier": "^3", "turbo": "^2", "react": "^18"},
    )
    assert _named({"package.json": root}, ("turbo.json",)) == []


def test_a_pnpm_workspace_root_keeps_its_devdependencies_tooling() -> None:
    root = _package(name="acme", private=True, devDependencies={"vue": "^3", "vitest": "^2"})
    files = {"package.json": root, "pnpm-workspace.yaml": b"packages:\n  - 'packages/*'\n"}
    assert _named(files) == []


def test_a_private_app_with_an_entry_point_still_ships_its_devdependencies() -> None:
    # Electron's builder wants electron in devDependencies; "main" is the app's own entry
    package = _package(
        name="notes-desktop",
        private=True,
        main="main.js",
        devDependencies={"electron": "^31", "svelte": "^4"},
    )
    assert "Svelte" in _named({"package.json": package})


def test_the_evidence_still_says_devdependencies() -> None:
    detection = detect(["package.json"], {"package.json": SVELTEKIT_APP})
    kit = next(f for f in detection.frameworks if f.name == "SvelteKit")
    assert kit.evidence[0].detail.startswith("devDependencies: @sveltejs/")
