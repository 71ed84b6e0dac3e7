"""The fake GitHub's behaviour: rate limits, ETags and the default answer of each route."""

from __future__ import annotations

import hashlib
import json
import re
import socket
import struct
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.doubles.github_server import (
    ENDLESS_MAX_BYTES,
    HOSTILE_MAX_SECONDS,
    LIMITS,
    Dropped,
    FakeRepo,
    GitHubServer,
    Logged,
    Reply,
    Request,
    b64,
    git_blob_sha,
)

API = "/api/v3"
_NOT_FOUND = {
    "message": "Not Found",
    "documentation_url": "https://docs.github.com/rest",
    "status": "404",
}


def answer(server: GitHubServer, req: Request) -> tuple[int, dict[str, str], bytes, Reply, bool]:
    """Status, headers, body, the reply used, and whether it was charged to a bucket."""
    if req.path.startswith("/raw/"):
        reply = _scripted(server, req) or _raw(server, req.path[len("/raw/") :])
        return _finish(server, req, reply, None)  # ETags, but no budget and no rate headers
    resource = _resource(req.path)
    with server.lock:
        if server.valid_tokens is not None and req.token and req.token not in server.valid_tokens:
            reply = Reply(401, {"message": "Bad credentials", "status": "401"}, charge=False)
            return _finish(server, req, reply, resource)
        if resource and server.bucket(req.token, resource)[0] <= 0:
            message = f"API rate limit exceeded for {(req.token and 'user ID 1') or '127.0.0.1'}."
            return _finish(server, req, Reply(403, {"message": message}, charge=False), resource)
    reply = _scripted(server, req) or _default(server, req)
    return _finish(server, req, reply, resource)


def _resource(path: str) -> str | None:
    if path == f"{API}/rate_limit":
        return None  # free
    if path == "/api/graphql":
        return "graphql"
    return "search" if path.startswith(f"{API}/search/") else "core"


def _scripted(server: GitHubServer, req: Request) -> Reply | None:
    with server.lock:
        queue = server.scripts.get((req.method, req.path))
        script = queue.pop(0) if queue else server.sticky.get((req.method, req.path))
    if script is None:
        return None
    return script if isinstance(script, Reply) else script(req)


def _finish(
    server: GitHubServer, req: Request, reply: Reply, resource: str | None
) -> tuple[int, dict[str, str], bytes, Reply, bool]:
    """Add the ETag (and turn a match into a 304), charge the bucket, add rate headers."""
    status, headers, payload = reply.status, dict(reply.headers), reply.payload()
    etag_wanted = resource != "search" or server.search_etags
    if status == 200 and req.method == "GET" and etag_wanted and "etag" not in headers:
        headers["etag"] = f'W/"{hashlib.sha256(payload).hexdigest()[:32]}"'
    if (
        status == 200
        and headers.get("etag")
        and req.headers.get("if-none-match") == headers["etag"]
    ):
        status, payload = 304, b""
    headers.setdefault("content-type", "application/json; charset=utf-8")
    # an authorised 304 is free; without a token it costs a request like any other
    charged = bool(resource) and reply.charge and not (status == 304 and req.token)
    if resource is None or not reply.rate_headers:
        return status, headers, payload, reply, charged
    with server.lock:
        state = server.bucket(req.token, resource)
        if charged:
            state[0] = max(0, state[0] - 1)
        limit = LIMITS["token" if req.token else "anon"][resource]
        headers.update(
            {
                "x-ratelimit-limit": str(limit),
                "x-ratelimit-remaining": str(state[0]),
                "x-ratelimit-used": str(limit - state[0]),
                "x-ratelimit-reset": str(state[1]),
                "x-ratelimit-resource": resource,
            }
        )
    return status, headers, payload, reply, charged


def _raw(server: GitHubServer, rest: str) -> Reply:
    parts = rest.split("/")
    repo = server.repos.get("/".join(parts[:2]).lower())
    if repo is None or len(parts) < 4:
        return Reply(404, b"404: Not Found", {"content-type": "text/plain"})
    ref, path = parts[2], "/".join(parts[3:])
    refs = (repo.sha, repo.meta["default_branch"], "HEAD")  # the raw host resolves HEAD too
    data = repo.files.get(path) if ref in refs else None
    if data is None:
        return Reply(404, b"404: Not Found", {"content-type": "text/plain"})
    return Reply(200, data, {"content-type": "text/plain; charset=utf-8"})


def _default(server: GitHubServer, req: Request) -> Reply:
    path = req.path.removeprefix(API)
    if path == "/rate_limit":
        return _rate_limit(server, req.token)
    if path == "/search/repositories":
        return _search(server, req)
    found = re.fullmatch(r"/repos/([^/]+/[^/]+)(/.*)?", path)
    repo = server.repos.get(found.group(1).lower()) if found else None
    if found is None or repo is None:
        return Reply(404, _NOT_FOUND)
    return _repo_route(repo, found.group(2) or "", req)


def _repo_route(repo: FakeRepo, sub: str, req: Request) -> Reply:
    if sub == "":
        return Reply(200, repo.meta)
    if sub == "/languages":
        return Reply(200, repo.languages)
    if sub.startswith("/git/trees/"):
        # a commit SHA, the branch, or ``HEAD`` (the default branch; GitHub resolves it too)
        if sub[len("/git/trees/") :] not in (repo.sha, repo.meta["default_branch"], "HEAD"):
            return Reply(404, _NOT_FOUND)
        entries = (
            repo.tree
            if "recursive" in req.query
            else [e for e in repo.tree if "/" not in e["path"]]
        )
        return Reply(200, {"sha": repo.tree_sha, "url": "", "tree": entries, "truncated": False})
    if sub.startswith("/contents/"):
        data = repo.files.get(sub[len("/contents/") :])
        if data is None:
            return Reply(404, _NOT_FOUND)
        if "raw" in req.headers.get("accept", ""):
            return Reply(200, data, {"content-type": "application/vnd.github.raw+json"})
        return Reply(200, _content_object(sub[len("/contents/") :], data))
    if sub == "/readme":
        name = next((p for p in repo.files if p.lower().startswith("readme")), None)
        return (
            Reply(200, _content_object(name, repo.files[name])) if name else Reply(404, _NOT_FOUND)
        )
    if sub == "/stats/commit_activity":
        if repo.pending_stats > 0:
            repo.pending_stats -= 1
            return Reply(202, {})
        return Reply(200, repo.weeks)
    return Reply(404, _NOT_FOUND)


def _content_object(path: str, data: bytes) -> dict[str, Any]:
    return {
        "type": "file",
        "encoding": "base64",
        "size": len(data),
        "name": path.split("/")[-1],
        "path": path,
        "sha": git_blob_sha(data),
        "content": b64(data),
    }


def _search(server: GitHubServer, req: Request) -> Reply:
    q = req.query.get("q", "").strip()
    if not q:
        return Reply(
            422,
            {
                "message": "Validation Failed",
                "status": "422",
                "errors": [{"resource": "Search", "field": "q", "code": "missing"}],
            },
        )
    words = [w.lower() for w in q.split() if ":" not in w]
    users = [w.split(":", 1)[1].lower() for w in q.split() if w.startswith("user:")]
    if any(all(not n.startswith(u + "/") for n in server.repos) for u in users):
        msg = (
            "The listed users and repositories cannot be searched either because the resources"
            " do not exist or you do not have permission to view them."
        )
        return Reply(
            422, {"message": "Validation Failed", "errors": [{"message": msg, "code": "invalid"}]}
        )
    hits = [
        r.meta
        for n, r in server.repos.items()
        if all(w in f"{n} {r.meta.get('description') or ''}".lower() for w in words)
        and all(n.startswith(u + "/") for u in users)
    ]
    hits.sort(key=lambda m: -(m.get("stargazers_count") or 0))
    per_page, page = int(req.query.get("per_page", 30)), int(req.query.get("page", 1))
    items = [dict(m, score=1.0) for m in hits[(page - 1) * per_page : page * per_page]]
    headers = {"cache-control": "no-cache"}
    if page * per_page < len(hits):
        headers["link"] = f'<{API}/search/repositories?q={q}&page={page + 1}>; rel="next"'
    body = {"total_count": len(hits), "incomplete_results": False, "items": items}
    return Reply(200, body, headers)


def _rate_limit(server: GitHubServer, token: str | None) -> Reply:
    kind = "token" if token else "anon"
    with server.lock:
        resources = {}
        for name in ("core", "search", "graphql"):
            left, reset = server.bucket(token, name)
            limit = LIMITS[kind][name]
            resources[name] = {
                "limit": limit,
                "remaining": left,
                "used": limit - left,
                "reset": reset,
            }
    return Reply(200, {"resources": resources, "rate": resources["core"]})


def as_json(reply: Reply) -> Any:
    """A reply's body decoded (for tests that peek)."""
    return json.loads(reply.payload())


class Handler(BaseHTTPRequestHandler):
    """One connection to the fake GitHub: HTTP/1.1 keep-alive, like the real one."""

    protocol_version = "HTTP/1.1"
    server_state: GitHubServer

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the server keeps its own log."""

    def handle(self) -> None:
        """Serve, ignoring the errors of a connection dropped on purpose."""
        try:
            super().handle()
        except (OSError, ValueError, Dropped):
            pass

    def finish(self) -> None:
        """Close, ignoring a socket already reset."""
        try:
            super().finish()
        except (OSError, ValueError):
            pass

    def do_GET(self) -> None:
        """Answer a GET."""
        self._serve("GET")

    def do_POST(self) -> None:
        """Answer a POST (GraphQL)."""
        self._serve("POST")

    def _read(self, method: str) -> Request:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        auth = headers.get("authorization", "")
        token = auth.removeprefix("Bearer ").strip() or None if auth.startswith("Bearer ") else None
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        return Request(method, unquote(parts.path), query, headers, body, token)

    def _serve(self, method: str) -> None:
        server, request = self.server_state, self._read(method)
        with server.lock:
            server.in_flight += 1
            server.max_in_flight = max(server.max_in_flight, server.in_flight)
        try:
            status, headers, payload, reply, charged = answer(server, request)
            time.sleep(reply.delay + server.latency)
        finally:
            with server.lock:
                server.in_flight -= 1
        sent = 0 if reply.reset else len(payload)
        with server.lock:
            port = self.client_address[1]
            entry = Logged(
                method, request.path, request.query, request.headers, status, charged, sent
            )
            server.log.append(replace(entry, client_port=port))
        self._write(status, headers, payload, reply)

    def _write(self, status: int, headers: dict[str, str], payload: bytes, reply: Reply) -> None:
        if reply.drip or reply.endless:
            _write_hostile(self, status, headers, payload, reply)
            return
        if reply.reset:  # linger 0 turns close() into a TCP RST
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            raise Dropped
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        extra = 100 if reply.short_body else 0  # promise bytes that never come
        self.send_header("Content-Length", str(len(payload) + extra))
        self.end_headers()
        self.wfile.write(payload)
        if reply.short_body:
            self.close_connection = True


def handler_for(server: GitHubServer) -> type[Handler]:
    """A handler class bound to one fake server's state."""
    return type("BoundHandler", (Handler,), {"server_state": server})


# ---------------------------------------------------------------------------------------------
# Hostile answers (issue 14): a body dripped a byte at a time, or one that never ends. Both stop
# when the client hangs up, and after HOSTILE_MAX_SECONDS in any case.
# ---------------------------------------------------------------------------------------------


def _write_hostile(
    handler: Handler, status: int, headers: dict[str, str], payload: bytes, reply: Reply
) -> None:
    handler.close_connection = True
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name, value)
    if reply.endless:
        handler.send_header("Transfer-Encoding", "chunked")
    else:
        handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    deadline = time.monotonic() + HOSTILE_MAX_SECONDS
    try:
        if reply.endless:
            _stream_endless(handler, deadline)
        else:
            for index in range(len(payload)):
                if time.monotonic() > deadline:
                    return
                handler.wfile.write(payload[index : index + 1])
                handler.wfile.flush()
                time.sleep(reply.drip)
    except OSError:
        return  # the client hung up: that is what it should do


def _stream_endless(handler: Handler, deadline: float) -> None:
    chunk = b"[" + b'"xxxxxxxxxxxxxx",' * 4096  # JSON that never closes
    sent = 0
    while time.monotonic() < deadline and sent < ENDLESS_MAX_BYTES:
        handler.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        sent += len(chunk)
        chunk = b'"xxxxxxxxxxxxxx",' * 4096
