"""Real ``ketenzicht`` processes for tests: commands, and ``ketenzicht serve`` on a free port.

A server runs in its own process group and is always stopped (``killpg``) when its ``with``
block ends, also when the test fails. Its output goes to a log file the test can read.

Data a test writes for such a server must be committed: use ``transactional_db``.
"""

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import requests
from django.conf import settings
from django.db import connection

from ketenzicht.runtime.supervisor import ketenzicht_command

#: What a TLS-terminating load balancer adds: production settings keep SECURE_SSL_REDIRECT on
#: and believe this header (SECURE_PROXY_SSL_HEADER).
BEHIND_TLS_LOAD_BALANCER = {"X-Forwarded-Proto": "https"}
#: How long a server may take to answer ``/health/`` after it was started.
START_SECONDS = 60
#: A secret key of production length, for test servers only.
TEST_SECRET_KEY = "test-server-secret-key-" + "0123456789abcdef" * 3


def clean_environment(extra: Mapping[str, str]) -> dict[str, str]:
    """This process's environment without its Django and Ketenzicht settings, plus ``extra``.

    The test run's own DATABASE_URL, settings module and flags must not leak into a server
    that is meant to run with other settings.
    """
    environment = {
        name: value for name, value in os.environ.items()
        if not name.startswith(("KETENZICHT_", "DJANGO_")) and name != "DATABASE_URL"
    }
    return {**environment, **extra}


def run_ketenzicht(*args: str, env: Mapping[str, str], timeout: float = 120,
                   check: bool = True) -> subprocess.CompletedProcess:
    """Run a ``ketenzicht`` command to completion; with ``check`` a failure shows its output."""
    result = subprocess.run(ketenzicht_command(*args), env=clean_environment(env), capture_output=True,
                            text=True, timeout=timeout, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"ketenzicht {' '.join(args)} faalde ({result.returncode}):\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def keyring(ring: Mapping[int, str]) -> str:
    """A key ring in the environment's format, ``"1:base64,2:base64"``."""
    return ",".join(f"{version}:{key}" for version, key in sorted(ring.items()))


def shared_database_url() -> str:
    """The URL of the test run's own PostgreSQL database, for a server that shares its data."""
    database = connection.settings_dict
    if connection.vendor != "postgresql":
        raise RuntimeError("a server process can only share the test database on PostgreSQL")
    password = f":{quote(database['PASSWORD'], safe='')}" if database["PASSWORD"] else ""
    return (f"postgres://{quote(database['USER'] or '', safe='')}{password}@{database['HOST'] or '127.0.0.1'}"
            f":{database['PORT'] or 5432}/{quote(database['NAME'], safe='')}")


def production_environment(var_dir: Path, database_url: str | None = None) -> dict[str, str]:
    """Production settings on ``database_url`` (default: the test database).

    The BSN keys are the test settings' own, so the server reads the BSNs the test wrote.
    """
    return {
        "DJANGO_SETTINGS_MODULE": "ketenzicht.conf.production",
        "DATABASE_URL": database_url or shared_database_url(),
        "KETENZICHT_VAR_DIR": str(var_dir),
        "KETENZICHT_SECRET_KEY": TEST_SECRET_KEY,
        "KETENZICHT_BSN_ENCRYPTION_KEYS": keyring(settings.KETENZICHT_BSN_ENCRYPTION_KEYS),
        "KETENZICHT_BSN_HMAC_KEYS": keyring(settings.KETENZICHT_BSN_HMAC_KEYS),
        "KETENZICHT_ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


@dataclass
class ServerProcess:
    """A running ``ketenzicht serve``: its address, its log, and the headers every request gets."""

    url: str
    log_path: Path
    process: subprocess.Popen
    headers: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        timeout = kwargs.pop("timeout", 30)
        return requests.request(method, self.url + path, headers=headers, timeout=timeout, **kwargs)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@contextmanager
def running_server(settings_module: str, env: Mapping[str, str], log_dir: Path, *, workers: int = 2,
                   threads: int = 2, headers: Mapping[str, str] | None = None) -> Iterator[ServerProcess]:
    """``ketenzicht serve`` with ``settings_module`` and ``env`` on a free port until the block ends."""
    port = free_port()
    log_path = log_dir / f"ketenzicht-serve-{port}.log"
    environment = clean_environment({
        "KETENZICHT_WEB_WORKERS": str(workers), "KETENZICHT_WEB_THREADS": str(threads),
        "KETENZICHT_WEB_GRACEFUL_TIMEOUT": "5", **env, "DJANGO_SETTINGS_MODULE": settings_module,
    })
    with log_path.open("wb") as log:
        process = subprocess.Popen(ketenzicht_command("serve", "--bind", f"127.0.0.1:{port}"),
                                   env=environment, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = ServerProcess(f"http://127.0.0.1:{port}", log_path, process, dict(headers or {}))
    try:
        wait_until_healthy(server)
        yield server
    finally:
        stop(process)


def wait_until_healthy(server: ServerProcess) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"ketenzicht serve stopte met {server.process.returncode}:\n{server.log()}")
        try:
            if server.get("/health/", timeout=2, allow_redirects=False).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"ketenzicht serve antwoordde niet binnen {START_SECONDS} s:\n{server.log()}")


def stop(process: subprocess.Popen) -> None:
    """Stop the server's whole process group: gracefully, and by force when that does not do."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        # Workers would outlive a master killed alone: the whole group goes.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
