"""Two processes sharing one cache directory at once, each through the real client."""

from __future__ import annotations

import asyncio
import sys
import textwrap
from pathlib import Path

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer

WORKER = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from tui.github.client import GitHubClient
    from tui.github.settings import ClientSettings

    async def main(api: str, cache: str, names: list[str]) -> None:
        settings = ClientSettings(api_url=api, cache_dir=Path(cache))
        async with GitHubClient(settings) as client:
            for name in names:
                repo = await client.repo(name)
                languages = await client.languages(name)
                print(repo.full_name, sorted(languages.bytes_by_language))

    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
    """
)


async def test_two_processes_share_one_cache_dir(
    github_server: GitHubServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    names = [f"octo/repo{n}" for n in range(12)]
    for name in names:
        github_server.add_repo(name, languages={"C": 1})
    cache = make_client.cache_dir
    argv = [sys.executable, "-c", WORKER, github_server.api_url, str(cache)]
    workers = [
        await asyncio.create_subprocess_exec(
            *argv, *order, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        for order in (names, names[::-1])
    ]
    outputs = await asyncio.gather(*(worker.communicate() for worker in workers))
    assert [w.returncode for w in workers] == [0, 0], [err.decode() for _, err in outputs]
    for out, _ in outputs:
        assert sorted(out.decode().splitlines()) == sorted(f"{n} ['C']" for n in names)
    # both wrote into one store; a third client (this process) finds everything there
    sent = len(github_server.hits())
    client = make_client()
    for name in names:
        assert (await client.languages(name)).bytes_by_language == {"C": 1}
    assert len(github_server.hits()) == sent
    assert client.cache_info().entries == 2 * len(names)
