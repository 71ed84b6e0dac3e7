"""A Next.js app with Tailwind CSS installed ``-D`` reads the same with and without a token.

Without a token GitHub's source reads the root manifests from the raw host and no listing; with
one, a GraphQL query brings the listing, whose ``next.config.mjs`` and ``tailwind.config.ts``
corroborate what package.json says. Neither may change which frameworks the headline names nor
their order (the foundation first: Next.js is built on React).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer
from tests.doubles.graphql_route import install
from tui.analysis.report import RepoReport
from tui.analysis.verdict import decide
from tui.sources.github import GitHubSource

PACKAGE = {
    "name": "notes",
    "version": "0.1.0",
    "private": True,
    "scripts": {"dev": "next dev", "build": "next build", "start": "next start"},
    "dependencies": {
        "@radix-ui/react-dialog": "^1.0.5",
        "clsx": "^2.1.0",
        "next": "14.1.0",
        "next-auth": "4.24.5",
        "react": "^18.2.0",
        "react-dom": "^18.2.0",
        "zod": "^3.22.4",
    },
    "devDependencies": {
        "@tailwindcss/typography": "^0.5.10",
        "@types/react": "^18.2.48",
        "autoprefixer": "^10.4.17",
        "eslint": "^8.56.0",
        "eslint-config-next": "14.1.0",
        "postcss": "^8.4.33",
        "prettier": "^3.2.4",
        "tailwindcss": "^3.4.1",
        "typescript": "^5.3.3",
    },
}
FILES = {
    "package.json": json.dumps(PACKAGE, indent=2).encode(),
    "next.config.mjs": b"/** @type {import('next').NextConfig} */\nexport default {}\n",
    "tailwind.config.ts": b"export default { content: ['./app/**/*.tsx'] }\n",
    "postcss.config.js": b"module.exports = { plugins: { tailwindcss: {} } }\n",
    "app/page.tsx": b"export default function Page() { return <main /> }\n",
    "app/layout.tsx": b"import './globals.css'\n",
    "README.md": b"# notes\n\nA note-taking app.\n",
}


async def _named(source: GitHubSource, name: str) -> list[str]:
    last: RepoReport | None = None
    async for report in source.report(name):
        last = report
    assert last is not None
    assert last.frameworks is not None
    return [framework.name for framework in decide(last).frameworks]


async def test_the_headline_is_the_same_with_and_without_a_token(
    github_server: GitHubServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    github_server.add_repo("someone/notes", files=FILES, languages={"TypeScript": 48_000})
    install(github_server)
    without = await _named(
        GitHubSource(make_client(None, cache_dir=tmp_path / "a")), "someone/notes"
    )
    token = await _named(
        GitHubSource(make_client("tok", cache_dir=tmp_path / "b")), "someone/notes"
    )
    assert without == ["React", "Next.js", "Tailwind CSS"]
    assert token == without
