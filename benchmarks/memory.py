"""Memory benchmark: resident memory of the whole app process with 6 repositories in compare.

The fake GitHub server of ``tests/doubles`` serves the development corpus (ten real
repositories: their trees, manifests and language bytes) from this process. The app runs in a
fresh interpreter of its own, built exactly as ``repolens OWNER/REPO x6`` builds it (token
discovery, disk cache, the GitHub source; its API pointed at the server), headless at 160x50. It
opens the compare view on 6 repositories, waits until every column has its languages and
frameworks, then reads its own ``VmRSS`` (resident now) and ``VmHWM`` (peak) from
``/proc/self/status``. Target: at most 150 MB.

    uv run python -m benchmarks.memory [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
from pathlib import Path

from benchmarks.launch import PYTHON, ROOT, child_env, code_root

REPOS = (
    "pallets/flask",
    "fastapi/fastapi",
    "vuejs/core",
    "BurntSushi/ripgrep",
    "gin-gonic/gin",
    "spring-projects/spring-petclinic",
)
"""Six corpus repositories of different ecosystems (a workspace, a monorepo, Go, Java, Rust)."""

APP = """
import json, sys
sys.path.append({root!r})  # after PYTHONPATH (REPOLENS_BENCH_CODE)
from tui.cli.run_app import demo_factory
from tui.sources.factory import Options, build_client, build_source, find_token, source_status
from tui.ui.app import make_app
from tui.ui.screens.context import completeness

options = Options(api_url={api!r})
token = find_token(options)
client = build_client(options, token=token)
app = make_app(build_source(options, client), budget=client.budget,
               status=source_status(options, token, client), open_repos={repos!r})

def status():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return {{k: int(fields[k].split()[0]) // 1024 for k in ("VmRSS", "VmHWM")}}

async def measure(pilot):
    for _ in range(600):
        await pilot.pause(0.05)
        reports = getattr(pilot.app.screen, "reports", [])
        if len(reports) == 6 and all(completeness(r) == 2 for r in reports):
            break
    else:
        raise SystemExit("compare did not fill in within 30 s")
    await pilot.pause(0.3)  # the last redraw and the chart
    print(json.dumps(status() | {{"columns": len(reports), "enry": "enry" in sys.modules}}),
          file=sys.stderr)
    pilot.app.exit()

app.run(headless=True, size=(160, 50), auto_pilot=measure)
"""


def measure_once(api_url: str, cache_dir: Path, pycache: Path) -> dict[str, int]:
    """One app process: its resident and peak memory in MB once compare is complete."""
    code = APP.format(root=str(ROOT), api=api_url, repos=list(REPOS))
    done = subprocess.run(
        [PYTHON, "-c", code],
        capture_output=True,
        text=True,
        cwd=code_root(),
        env=child_env(pycache, cache_dir),
        check=False,
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the app failed:\n{done.stderr[-2000:]}")
    result: dict[str, int] = json.loads(lines[-1])
    return result


def main() -> int:
    """Measure ``--runs`` times (the first with an empty cache) and print the figures."""
    from benchmarks.requests import load_repos
    from tests.doubles.github_server import GitHubServer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="app processes (median is kept)")
    args = parser.parse_args()
    server = GitHubServer()
    with tempfile.TemporaryDirectory(prefix="repolens-mem-") as tmp, server.serving():
        print(f"serving {load_repos(server)}")
        rss: list[int] = []
        peak: list[int] = []
        for run in range(args.runs):
            figures = measure_once(server.api_url, Path(tmp, "cache"), Path(tmp, "pycache"))
            rss.append(figures["VmRSS"])
            peak.append(figures["VmHWM"])
            cache = "empty cache" if run == 0 else "warm cache"
            print(
                f"  run {run + 1} ({cache}): RSS {figures['VmRSS']} MB, peak {figures['VmHWM']} MB"
                f"{', enry loaded (its Go runtime: about 40 MB)' if figures.get('enry') else ''}"
            )
    print(f"6 repositories in compare: RSS median {statistics.median(rss):.0f} MB, "
          f"peak median {statistics.median(peak):.0f} MB (target <= 150 MB)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
