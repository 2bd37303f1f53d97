"""A private PostgreSQL cluster for one test: its own data directory and port, never the shared one.

A test that restarts or stops PostgreSQL must not do so to the server every other test (and
every other developer on the machine) uses. As root, initdb and pg_ctl run as ``postgres``,
which PostgreSQL requires.
"""

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .processes import free_port


def postgres_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's programs (Debian's layout), or None without initdb."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


@dataclass
class PrivateCluster:
    bin_dir: Path
    directory: Path
    port: int

    @property
    def data_dir(self) -> Path:
        return self.directory / "data"

    @property
    def log_path(self) -> Path:
        return self.directory / "postgresql.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, program: str, *args: str) -> None:
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_postgres, str(self.bin_dir / program), *args], check=True,
                       capture_output=True, timeout=60)

    def pg_ctl(self, action: str, *options: str) -> None:
        self.run("pg_ctl", action, "-D", str(self.data_dir), "-l", str(self.log_path), "-w", *options)

    def restart(self) -> None:
        """A fast restart: every open connection is broken, as in a failover or an upgrade."""
        self.pg_ctl("restart", "-m", "fast")

    def start(self) -> None:
        self.pg_ctl("start", "-o", f"-p {self.port} -c listen_addresses=127.0.0.1 "
                                   f"-c unix_socket_directories={self.directory} -c fsync=off")

    def stop(self) -> None:
        """Down until ``start``: connections break and new ones are refused meanwhile."""
        self.pg_ctl("stop", "-m", "fast")


@contextmanager
def private_cluster() -> Iterator[PrivateCluster]:
    """A fresh cluster (trust authentication, on 127.0.0.1 only) for the ``with`` block."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        raise RuntimeError("initdb ontbreekt: deze test start een eigen PostgreSQL-cluster en heeft de "
                           "programma's van de PostgreSQL-server nodig (Debian: postgresql).")
    # Not under pytest's tmp_path: its parents are private to root, and postgres must enter.
    directory = Path(tempfile.mkdtemp(prefix="ketenzicht-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    cluster = PrivateCluster(bin_dir, directory, free_port())
    try:
        cluster.run("initdb", "-D", str(cluster.data_dir), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-sync", "--no-instructions")
        cluster.start()
        yield cluster
    finally:
        if (cluster.data_dir / "postmaster.pid").exists():
            cluster.pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(directory, ignore_errors=True)
