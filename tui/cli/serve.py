"""``repolens serve``: the app in a web browser, through ``textual-serve``, for local use.

Each browser tab runs its own ``repolens`` process (the same global flags as this one) behind a
websocket. The server binds to 127.0.0.1 unless told otherwise: anyone who can reach the port
drives the app, with this machine's GitHub token and cache.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys

from tui.sources.factory import Options

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def app_command(options: Options) -> str:
    """The shell command each browser session runs: this Python, this package, these flags.

    The token is never on it: the child finds it the way this process does (environment or gh).
    """
    argv = [sys.executable, "-m", "tui", "--api-url", options.api_url]
    if options.cache_dir is not None:
        argv += ["--cache-dir", str(options.cache_dir)]
    flags = {"--offline": options.offline, "--no-cache": options.no_cache, "--demo": options.demo}
    argv += [flag for flag, on in flags.items() if on]
    return shlex.join(argv)


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(options: Options, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> int:
    """Serve the app on ``http://HOST:PORT`` until interrupted; returns the exit code."""
    from textual_serve.server import Server  # aiohttp and rich load only for this command

    if not is_loopback(host):
        print(
            f"repolens: serving on {host}: anyone who can reach it uses your token and cache.",
            file=sys.stderr,
        )
    server = Server(app_command(options), host=host, port=port, title="repolens")
    server.serve()
    return 0
