"""asyncio imported without ``ssl`` until the client needs it (``tui.github.deferred_ssl``).

The command line imports asyncio with ``ssl`` held back, to spare a warm ``show`` OpenSSL's
start-up; the client gives it back before its first connection. Both halves are checked in a
fresh interpreter: only asyncio's own modules ever see the blocked import, TLS through asyncio
fails while it is held back (so the giving back is what makes it work) and succeeds after.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROUND_TRIP = """
import json, sys
from tui.github.deferred_ssl import give_asyncio_ssl, import_asyncio_without_ssl

def held():
    return sorted(name for name, module in sys.modules.items()
                  if module is not None and "ssl" in vars(module) and vars(module)["ssl"] is None)

import_asyncio_without_ssl()
loaded_early = "ssl" in sys.modules
held_back = held()
import asyncio, ssl  # whatever imports ssl now gets the real module

async def round_trip():
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(CERT, KEY)
    client_side = ssl.create_default_context(cafile=CERT)

    async def echo(reader, writer):
        writer.write(await reader.readline())
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0, ssl=server_side)
    try:
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=client_side)
        writer.write(b"hello\\n")
        line = await reader.readline()
        writer.close()
        return line.decode()
    finally:
        server.close()

try:
    before = asyncio.run(round_trip())
except RuntimeError as exc:
    before = "refused: " + str(exc)
give_asyncio_ssl()
after = asyncio.run(round_trip())
print(json.dumps({"early": loaded_early, "held": held_back, "before": before,
                  "after": after, "held_after": held()}))
"""


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (openssl's command line), and its key."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("no openssl command to make a test certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_tls_through_asyncio_works_once_ssl_is_given_back(tmp_path: Path) -> None:
    """Held back: no ssl loaded, only asyncio's modules hold None, TLS refused; given back:
    a TLS round trip through asyncio succeeds and nothing holds None any more."""
    cert, key = _certificate(tmp_path)
    code = f"CERT, KEY = {str(cert)!r}, {str(key)!r}\n{ROUND_TRIP}"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["early"] is False
    assert result["held"]
    assert all(name.startswith("asyncio.") for name in result["held"])
    assert result["before"].startswith("refused")
    assert result["after"] == "hello\n"
    assert result["held_after"] == []


def test_the_client_gives_ssl_back_before_its_first_connection() -> None:
    """Building the HTTP client (``LazyHttpClient``) gives asyncio the real ``ssl`` first."""
    code = (
        "import json, sys\n"
        "from tui.github.deferred_ssl import import_asyncio_without_ssl\n"
        "import_asyncio_without_ssl()\n"
        "import asyncio.sslproto as proto\n"
        "from tui.github.transport import LazyHttpClient\n"
        "before = proto.ssl is None\n"
        "seen = []\n"
        "client = LazyHttpClient(lambda: seen.append(proto.ssl is not None) or object())\n"
        "client._real()\n"
        "print(json.dumps({'before': before, 'at_build': seen,"
        " 'errors': hasattr(proto, 'SSLAgainErrors')}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"before": True, "at_build": [True], "errors": True}


def test_nothing_is_held_back_once_asyncio_is_loaded() -> None:
    """An embedding program (the TUI, tests) that imported asyncio keeps it as it is."""
    code = (
        "import json, asyncio, sys\n"
        "from tui.github.deferred_ssl import import_asyncio_without_ssl\n"
        "import_asyncio_without_ssl()\n"
        "print(json.dumps({'ssl': asyncio.sslproto.ssl is sys.modules.get('ssl')}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"ssl": True}
