"""After PostgreSQL restarts, a running server answers again without being restarted itself.

Every connection the pool holds is broken by the restart. The pool checks a connection when a
request takes it (CONN_HEALTH_CHECKS → psycopg's ``check_connection``) and replaces a broken
one, so no request gets a dead connection and a 500. The cluster is the test's own, on its own
port: restarting the machine's shared PostgreSQL would break every other test.
"""

import pytest

from .private_postgres import private_cluster
from .processes import run_ketenzicht, running_server

#: More requests than the server holds connections (2 workers × 2), so every pooled one is used.
REQUESTS = 12


def answers(server) -> list[int]:
    """Status codes of /health/ (SELECT 1) and the demo login page (which reads organisations)."""
    statuses = []
    for _ in range(REQUESTS // 2):
        statuses.append(server.get("/health/").status_code)
        statuses.append(server.get("/inloggen/").status_code)
    return statuses


@pytest.mark.postgres_only
def test_pooled_connections_recover_after_postgresql_restarts(tmp_path):
    with private_cluster() as cluster:
        environment = {"DATABASE_URL": cluster.url(), "KETENZICHT_VAR_DIR": str(tmp_path / "var"),
                       "KETENZICHT_DB_POOL_MIN_SIZE": "2", "KETENZICHT_DB_POOL_MAX_SIZE": "2"}
        run_ketenzicht("migrate", "--noinput", env=environment)
        with running_server("ketenzicht.conf.dev", environment, tmp_path, workers=2, threads=2) as server:
            before = answers(server)
            cluster.restart()
            after = answers(server)
            log = server.log()

    assert before == [200] * REQUESTS
    assert after == [200] * REQUESTS, log
    assert "Traceback" not in log
