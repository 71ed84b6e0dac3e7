"""The conftest guard: tests may reach this machine, nothing else."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkGuardError
from tests.doubles.github_server import GitHubServer


@pytest.mark.parametrize(
    ("family", "address"),
    [(socket.AF_INET, ("192.0.2.1", 443)), (socket.AF_INET6, ("2001:db8::1", 443))],
)
def test_connecting_elsewhere_fails_loudly(
    family: socket.AddressFamily, address: tuple[str, int]
) -> None:
    with socket.socket(family, socket.SOCK_STREAM) as sock, pytest.raises(NetworkGuardError):
        sock.connect(address)


def test_name_lookups_elsewhere_fail_loudly() -> None:
    with pytest.raises(NetworkGuardError):
        socket.getaddrinfo("api.github.com", 443)


def test_loopback_is_allowed(github_server: GitHubServer) -> None:
    with socket.create_connection(("127.0.0.1", github_server.port), timeout=5) as sock:
        sock.sendall(b"GET /api/v3/rate_limit HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert sock.recv(12) == b"HTTP/1.1 200"
    assert socket.getaddrinfo("localhost", 80)
