"""Shared fixtures: a guard that keeps every test off the internet, and the fake GitHub server."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import FakeClock, GitHubServer

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class NetworkGuardError(AssertionError):
    """A test tried to reach something that is not this machine."""


def _is_loopback_host(host: object) -> bool:
    if host is None:
        return True  # passive lookups (binding to any address)
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check_address(sock: socket.socket, address: Any) -> None:
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return  # Unix sockets and socketpairs never leave the machine
    host = address[0] if isinstance(address, tuple) else address
    if not _is_loopback_host(host):
        raise NetworkGuardError(f"test tried to connect to {address!r}; only loopback is allowed")


def _guarded_connect(self: socket.socket, address: Any) -> None:
    _check_address(self, address)
    _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    _check_address(self, address)
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not _is_loopback_host(host):
        raise NetworkGuardError(f"test tried to resolve {host!r}; only loopback is allowed")
    return _real_getaddrinfo(host, *args, **kwargs)


@pytest.fixture(autouse=True, scope="session")
def _no_internet() -> Iterator[None]:
    """Fail any connection (and any DNS lookup) that is not to this machine.

    The error is an ``AssertionError`` rather than an ``OSError`` on purpose: code under test
    that retries or swallows network errors cannot hide the attempt.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _guarded_connect)
        patch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
        patch.setattr(socket, "getaddrinfo", _guarded_getaddrinfo)
        yield


@pytest.fixture
def fake_clock() -> FakeClock:
    """A clock that only moves when a test says so (2026-01-01 12:00 UTC to begin with)."""
    return FakeClock()


@pytest.fixture
def github_server(fake_clock: FakeClock) -> Iterator[GitHubServer]:
    """A GitHub-like server on 127.0.0.1 (``tests/doubles/github_server.py``), on ``fake_clock``."""
    with GitHubServer(fake_clock).serving() as server:
        yield server


@pytest.fixture
async def make_client(
    github_server: GitHubServer, fake_clock: FakeClock, tmp_path: Path
) -> AsyncIterator[ClientFactory]:
    """A factory of clients against ``github_server``; all are closed after the test."""
    factory = ClientFactory(github_server, fake_clock, tmp_path / "cache")
    yield factory
    for client in factory.clients:
        await client.aclose()
