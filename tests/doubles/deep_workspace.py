"""A workspace whose members sit four levels down, past the GraphQL query's three-level listing."""

from __future__ import annotations

import json

from tests.doubles.github_server import GitHubServer

NAME = "acme/storefronts"
ROOT = {"name": "storefronts", "private": True, "workspaces": ["packages/*/*"]}
SHOP = {"name": "@acme/shop", "private": True, "dependencies": {"vue": "^3.4.21"},
        "devDependencies": {"vite": "^5.2.0", "@vitejs/plugin-vue": "^5.0.4"}}  # fmt: skip
ADMIN = {"name": "@acme/admin", "private": True,
         "dependencies": {"svelte": "^4.2.12", "@sveltejs/kit": "^2.5.5"}}  # fmt: skip


def add_deep_workspace(server: GitHubServer) -> None:
    """Serve ``NAME``: a root naming its members by a glob, a Vue shop and a SvelteKit admin."""
    server.add_repo(
        NAME,
        files={
            "package.json": json.dumps(ROOT).encode(),
            "README.md": b"# Storefronts\n",
            "packages/web/shop/package.json": json.dumps(SHOP).encode(),
            "packages/web/shop/src/main.ts": b"import { createApp } from 'vue'\n",
            "packages/web/admin/package.json": json.dumps(ADMIN).encode(),
            "packages/web/admin/src/app.d.ts": b"declare global {}\nexport {}\n",
        },
        languages={"TypeScript": 52_000, "Vue": 18_000, "Svelte": 9_000},
    )
