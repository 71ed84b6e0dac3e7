"""Without a token, a workspace whose root names no framework reaches its verdict in 3 waves.

The root's probes (and the repository) go first, then the tree, then the members' manifests;
when the root names nothing, the sources that would be sampled if the members named nothing
too are asked in that same wave (the raw host costs no budget), not in a fourth after the
members' answers. They are read only when the manifests turn out silent, as before.
"""

from __future__ import annotations

import threading

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer, Reply
from tests.doubles.graphql_route import names
from tui.sources.github import GitHubSource

REPO = "acme/trainer"
MEMBER = "packages/model/pyproject.toml"
SOURCE = "packages/model/train.py"
FILES = {
    "pyproject.toml": b'[project]\nname = "trainer"\nversion = "0.1.0"\n\n'
    b'[tool.uv.workspace]\nmembers = ["packages/*"]\n',
    MEMBER: b'[project]\nname = "model"\nversion = "0.1.0"\ndependencies = ["tqdm>=4"]\n',
    SOURCE: b"import torch\nfrom torch import nn\n\nmodel = nn.Linear(4, 2)\n",
}


async def test_sources_go_out_with_the_members_manifests(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    github_server.add_repo(REPO, files=FILES, languages={"Python": 12_000})
    sampled = threading.Event()
    in_time: list[bool] = []

    def source(_: object) -> Reply:
        sampled.set()
        return Reply(200, FILES[SOURCE])

    def member(_: object) -> Reply:
        # held until the source is asked: only a request sent in the same wave can arrive
        in_time.append(sampled.wait(timeout=10))
        return Reply(200, FILES[MEMBER])

    github_server.script("GET", f"/raw/{REPO}/main/{SOURCE}", source, sticky=True)
    github_server.script("GET", f"/raw/{REPO}/main/{MEMBER}", member, sticky=True)
    reports = [r async for r in GitHubSource(make_client()).report(REPO)]
    assert in_time == [True]  # the source was asked before the member's manifest was answered
    assert github_server.hits(f"/raw/{REPO}/main/{SOURCE}")
    assert "PyTorch" in names(reports[-1])  # the members are silent: the sample decided it


async def test_a_root_that_names_a_framework_samples_nothing_early(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    files = {**FILES, "pyproject.toml": FILES["pyproject.toml"].replace(
        b'version = "0.1.0"\n\n', b'version = "0.1.0"\ndependencies = ["django>=5"]\n\n', 1
    )}  # fmt: skip
    github_server.add_repo(REPO, files=files, languages={"Python": 12_000})
    reports = [r async for r in GitHubSource(make_client()).report(REPO)]
    assert "Django" in names(reports[-1])
    assert not github_server.hits(f"/raw/{REPO}/main/{SOURCE}")
