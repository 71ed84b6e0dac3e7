"""A GitHub-like HTTP server on 127.0.0.1 for tests: the real httpx transport runs against it.

It serves repositories added with ``add_repo`` under an Enterprise-style layout (REST at
``/api/v3``, GraphQL at ``/api/graphql``, raw files at ``/raw/<owner>/<repo>/<ref>/<path>``), with
ETags and 304s, per-identity rate-limit buckets that count down and run out (a 304 is free only
with a token), and scripted replies for anything else: 5xx, ``Retry-After``, resets, broken JSON,
422, 401, 404, 409, 451. Every request is logged for the tests to assert on.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

LIMITS = {
    "anon": {"core": 60, "search": 10, "graphql": 0},
    "token": {"core": 5000, "search": 30, "graphql": 5000},
}
WINDOWS = {"core": 3600, "search": 60, "graphql": 3600}


class FakeClock:
    """A clock tests move by hand; shared by the server (resets) and the client (freshness)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 1, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move time forward (``advance(minutes=11)``)."""
        self.now += timedelta(**delta)


@dataclass
class Reply:
    """A scripted answer. ``body`` may be bytes, str or anything JSON can encode."""

    status: int = 200
    body: Any = b""
    headers: dict[str, str] = field(default_factory=dict)
    reset: bool = False  # drop the connection with a TCP RST instead of answering
    short_body: bool = False  # promise more bytes than are sent, then hang up
    charge: bool = True  # count against the caller's bucket
    rate_headers: bool = True  # send X-RateLimit-* (GitHub omits them on some refusals)
    delay: float = 0.0  # seconds to hold the answer (to overlap requests, never to time them)
    # hostile modes (see "Hostile answers" below): drip the body a byte at a time, or never end
    drip: float = 0.0  # seconds between bytes of the body ("slow drip")
    endless: bool = False  # a chunked body that goes on until the client hangs up

    def payload(self) -> bytes:
        """The body as bytes."""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


@dataclass(frozen=True)
class Logged:
    """One request the server saw and what it answered."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    status: int
    charged: bool
    bytes_out: int
    client_port: int = 0  # the same port again means the connection was kept alive


@dataclass
class FakeRepo:
    """A repository the server knows: metadata, languages, one commit's tree and files."""

    meta: dict[str, Any]
    languages: dict[str, int]
    sha: str
    files: dict[str, bytes]
    tree: list[dict[str, Any]]
    pending_stats: int = 0  # answer stats with 202 this many times first
    weeks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def tree_sha(self) -> str:
        """The SHA of the commit's root tree (not the commit's: GitHub's tree answers say it)."""
        return hashlib.sha1(b"tree " + self.sha.encode()).hexdigest()


Script = Reply | Callable[["Request"], Reply]


@dataclass(frozen=True)
class Request:
    """What a route handler is given."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    token: str | None


class GitHubServer:
    """The fake GitHub; see the module docstring. Thread-safe; start it with ``serving()``."""

    def __init__(self, clock: FakeClock | None = None) -> None:
        self.clock = clock or FakeClock()
        self.repos: dict[str, FakeRepo] = {}
        self.scripts: dict[tuple[str, str], list[Script]] = {}
        self.sticky: dict[tuple[str, str], Script] = {}
        self.log: list[Logged] = []
        self.valid_tokens: set[str] | None = None  # None: any token is good
        self.search_etags = False  # GitHub's search answers are no-cache; assume no ETag
        self.buckets: dict[tuple[str, str], list[int]] = {}  # (identity, resource) -> [left, reset]
        self.lock = threading.RLock()
        self.port = 0
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests handled at once
        self.latency = 0.0  # seconds added to every answer (benchmarks: a network's round trip)

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """The REST base, Enterprise style, so GraphQL and raw derive to this server too."""
        return f"{self.base}/api/v3"

    def script(self, method: str, path: str, *replies: Script, sticky: bool = False) -> None:
        """Answer ``path`` (``/api/v3/...``, no query) with ``replies`` in turn, then as usual."""
        if sticky:
            self.sticky[(method, path)] = replies[0]
        else:
            self.scripts.setdefault((method, path), []).extend(replies)

    def add_repo(
        self,
        full_name: str,
        *,
        files: dict[str, bytes] | None = None,
        languages: dict[str, int] | None = None,
        sha: str | None = None,
        tree: list[dict[str, Any]] | None = None,
        **meta: Any,
    ) -> FakeRepo:
        """Serve a repository; ``meta`` overrides fields of its GitHub repository object."""
        files = files or {"README.md": b"# " + full_name.encode()}
        sha = sha or hashlib.sha1(full_name.encode()).hexdigest()
        tree = tree if tree is not None else _tree_entries(files)
        owner = full_name.split("/")[0]
        data = {
            "id": len(self.repos) + 1,
            "full_name": full_name,
            "name": full_name.split("/")[1],
            "owner": {"login": owner},
            "html_url": f"https://github.com/{full_name}",
            "description": f"The {full_name} project",
            "stargazers_count": 10,
            "forks_count": 1,
            "open_issues_count": 0,
            "language": next(iter(languages or {}), None),
            "topics": [],
            "license": {"spdx_id": "MIT"},
            "default_branch": "main",
            "archived": False,
            "fork": False,
            "pushed_at": "2025-12-01T10:00:00Z",
            "size": 100,
        }
        data.update(meta)
        repo = FakeRepo(data, dict(languages or {}), sha, dict(files), tree)
        self.repos[full_name.lower()] = repo
        return repo

    def move_branch(self, full_name: str, files: dict[str, bytes]) -> str:
        """Commit ``files`` as the repository's whole content: its branch (and ``HEAD``) now
        give them, and its tree lists them. Returns the new commit's SHA."""
        with self.lock:
            repo = self.repos[full_name.lower()]
            repo.files = dict(files)
            repo.tree = _tree_entries(repo.files)
            repo.sha = hashlib.sha1(repo.sha.encode() + b"+").hexdigest()
            return repo.sha

    def hits(self, prefix: str = "") -> list[Logged]:
        """Logged requests whose path starts with ``prefix``."""
        with self.lock:
            return [entry for entry in self.log if entry.path.startswith(prefix)]

    def charged(self) -> int:
        """How many logged requests counted against a rate-limit bucket."""
        return sum(1 for entry in self.hits() if entry.charged)

    def bucket(self, token: str | None, resource: str) -> list[int]:
        """``[remaining, reset_epoch]`` for one identity and resource, refilled after its reset."""
        identity = "token" if token else "anon"
        now = int(self.clock().timestamp())
        key = (token or "anon", resource)
        state = self.buckets.get(key)
        if state is None or now >= state[1]:
            state = self.buckets[key] = [LIMITS[identity][resource], now + WINDOWS[resource]]
        return state

    def exhaust(
        self, resource: str = "core", token: str | None = None, *, reset_in: int | None = None
    ) -> None:
        """Spend an identity's whole bucket (and optionally move its reset ``reset_in`` s away)."""
        with self.lock:
            state = self.bucket(token, resource)
            state[0] = 0
            if reset_in is not None:
                state[1] = int(self.clock().timestamp()) + reset_in

    @contextmanager
    def serving(self) -> Iterator[GitHubServer]:
        """Run on 127.0.0.1 on a free port for the duration of the block."""
        from tests.doubles.github_routes import handler_for  # the routes import this module's types

        httpd = _Server(("127.0.0.1", 0), handler_for(self))
        httpd.daemon_threads = True
        self.port = httpd.server_address[1]
        thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
        thread.start()
        try:
            yield self
        finally:
            httpd.shutdown()
            httpd.server_close()
            thread.join(timeout=5)


class _Server(ThreadingHTTPServer):
    """Python's default backlog of 5 drops the SYNs of a wider burst (a 1 s retransmit)."""

    request_queue_size = 64


def _tree_entries(files: dict[str, bytes]) -> list[dict[str, Any]]:
    dirs = {"/".join(p.split("/")[:i]) for p in files for i in range(1, p.count("/") + 1)}
    entries: list[dict[str, Any]] = [
        {"path": d, "type": "tree", "mode": "040000", "sha": hashlib.sha1(d.encode()).hexdigest()}
        for d in dirs
    ]
    entries += [
        {
            "path": p,
            "type": "blob",
            "mode": "100644",
            "size": len(b),
            "sha": git_blob_sha(b),  # as git names a blob: what a client can check bytes by
        }
        for p, b in files.items()
    ]
    return sorted(entries, key=lambda e: str(e["path"]))


class Dropped(Exception):
    """The handler hung up on purpose."""


def git_blob_sha(data: bytes) -> str:
    """The SHA-1 git gives ``data`` as a blob (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def b64(data: bytes) -> str:
    """Base64 with GitHub's line breaks."""
    text = base64.b64encode(data).decode()
    return "\n".join(text[i : i + 60] for i in range(0, len(text), 60))


# ---------------------------------------------------------------------------------------------
# Hostile answers (issue 14): replies and helpers for servers and caches that misbehave.
# ---------------------------------------------------------------------------------------------

#: A server thread stops dripping or streaming after this long, whatever the client does.
HOSTILE_MAX_SECONDS = 120.0
#: An endless body stops after this many bytes even if the client never hangs up.
ENDLESS_MAX_BYTES = 4 * 1024 * 1024 * 1024


def slow_drip(body: Any = b'{"full_name": "a/b"}', *, every: float = 0.05) -> Reply:
    """A 200 whose body comes one byte every ``every`` seconds (no per-read timeout fires)."""
    return Reply(200, body, drip=every)


def endless_body() -> Reply:
    """A 200 JSON body, chunked, that never ends (until the client hangs up)."""
    return Reply(200, b"", endless=True)


_BOMBS: dict[int, bytes] = {}


def gzip_bomb(inflated: int = 1024 * 1024 * 1024) -> Reply:
    """A 200 whose small gzip body inflates to ``inflated`` bytes (1 GB by default)."""
    if inflated not in _BOMBS:
        import zlib

        packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        block, parts, left = bytes(1024 * 1024), [], inflated
        while left > 0:
            parts.append(packer.compress(block[: min(left, len(block))]))
            left -= len(block)
        _BOMBS[inflated] = b"".join(parts) + packer.flush()
    return Reply(200, _BOMBS[inflated], {"content-encoding": "gzip"})


def html_page() -> Reply:
    """What a captive portal or a login wall answers in place of a file: 200, ``text/html``."""
    page = b"<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in</body></html>"
    return Reply(200, page, {"content-type": "text/html; charset=utf-8"})


def damage_cache_entry(cache_dir: Any, url_part: str, *, legacy: bool = False) -> int:
    """Cut short the stored body of every cached answer whose key holds ``url_part``.

    By default the stored bytes are cut (as a crash or a bad disk would). With ``legacy`` the
    entry is rewritten as one from before bodies carried a digest: it reads back fine, but its
    body, cut in half, no longer parses. Returns how many entries were damaged.
    """
    import diskcache

    from tui.github.cache import decode_entry
    from tui.github.client import STORE_DIR

    damaged = 0
    with diskcache.Cache(str(Path(cache_dir) / STORE_DIR)) as store:
        for key in list(store.iterkeys()):
            raw = store.get(key)
            if not (isinstance(key, str) and url_part in key and isinstance(raw, bytes)):
                continue
            if legacy:
                entry = decode_entry(raw)
                assert entry is not None
                magic, head, _ = raw.split(b"\n", 2)
                meta = json.loads(head)
                meta.pop("sha256", None)
                cut = entry.body[: len(entry.body) // 2]
                raw = magic + b"\n" + json.dumps(meta).encode() + b"\n" + cut
            else:
                raw = raw[: len(raw) - max(1, len(raw) // 3)]
            store.set(key, raw)
            damaged += 1
    return damaged
