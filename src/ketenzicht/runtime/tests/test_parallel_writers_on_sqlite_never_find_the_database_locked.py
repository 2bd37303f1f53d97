"""The embedded database takes simultaneous writes from several server processes and threads.

Twelve verwijsindex registrations arrive at once at ``ketenzicht serve`` (2 workers × 4 threads)
on the demo's SQLite file, where they race for the same youths' matches. Each waits for the
write lock (IMMEDIATE transactions, a busy timeout, WAL) instead of failing with a 500
"database is locked", which a deferred transaction that upgrades to a write gets at once.
"""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from .processes import run_ketenzicht, running_server

#: Demo organisations that may register in the verwijsindex, with one of their professionals.
REGISTRANTS = {"kristalla": "leerkracht", "ggd-drenthe": "jgz", "cjg-de-monden": "cjg-demonden",
               "politie-drenthe": "wijkagent"}
#: Daan and his sister Emma de Vries, and Mila Yilmaz: client and family matches to race for.
YOUTHS = ["999990019", "999990020", "999990123"]

pytestmark = pytest.mark.embedded_only  # the server writes to an SQLite file of its own


def registration(bsn: str) -> dict:
    return {"bsn": bsn, "risicocategorieen": ["e"], "redelijkVermoeden": True,
            "contactpersoon": {"naam": "Ingrid Hofstede", "telefoon": "0591 123456",
                               "email": "i.hofstede@example.nl"}}


def test_parallel_registrations_on_sqlite_all_succeed_without_database_is_locked(tmp_path):
    environment = {"DATABASE_URL": f"sqlite:///{tmp_path / 'ketenzicht.sqlite3'}",
                   "KETENZICHT_VAR_DIR": str(tmp_path)}
    run_ketenzicht("migrate", "--noinput", env=environment)
    run_ketenzicht("loaddemo", "--households", "20", env=environment)
    tokens = {slug: run_ketenzicht("createapitoken", slug, env=environment).stdout.strip()
              for slug in REGISTRANTS}
    writes = [(slug, bsn) for slug in REGISTRANTS for bsn in YOUTHS]
    start = threading.Barrier(len(writes))

    with running_server("ketenzicht.conf.dev", environment, tmp_path, workers=2, threads=4) as server:
        def register(write: tuple[str, str]) -> int:
            slug, bsn = write
            start.wait()
            return server.post("/api/v1/verwijsindex/meldingen", json=registration(bsn), headers={
                "Authorization": f"Token {tokens[slug]}", "Verantwoordelijke-Professional": REGISTRANTS[slug],
                "Idempotency-Key": str(uuid.uuid4())}).status_code

        with ThreadPoolExecutor(max_workers=len(writes)) as pool:
            statuses = list(pool.map(register, writes))
        log = server.log()

    assert statuses == [201] * len(writes), log[-5000:]
    assert "database is locked" not in log
