"""Benchmarks of the production runtime on PostgreSQL: the server with and without pooled
connections, and the job runner.

Run with ``make bench``. It recreates ``ketenzicht_bench``, loads the demo population
(``BENCH_HOUSEHOLDS``), starts ``ketenzicht serve`` with the production settings and its
defaults (workers and threads for this machine), and lets ``BENCH_CLIENTS`` (12) clients with
keep-alive ask ``/health/`` and an audited API person search for ``BENCH_SECONDS`` (10) each:
once with the connection pool (the default), once with a new PostgreSQL connection per request.
Then the worker: a run of every job on the whole population with nothing due, and the idle poll.
The clients run on the same cores as the server, so compare the rows rather than the totals.
Numbers are printed, never asserted.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import requests
from bench_foundation import SERVER, recreate_database, report, timed

BENCH_DB = os.environ.get("BENCH_DATABASE", "ketenzicht_bench")
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "12"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
PORT = int(os.environ.get("BENCH_PORT", "8917"))
#: The load balancer's header, so production settings serve instead of redirecting to https.
BEHIND_TLS = {"X-Forwarded-Proto": "https"}


def load(url: str, method: str = "GET", **kwargs) -> dict[str, float]:
    """``CLIENTS`` threads, each with its own keep-alive session, for ``SECONDS``."""
    durations: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + SECONDS

    def client() -> None:
        session = requests.Session()
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            answer = session.request(method, url, headers={**BEHIND_TLS, **kwargs.get("headers", {})},
                                     json=kwargs.get("json"), timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                durations.append(elapsed)
                failures[0] += answer.status_code >= 400

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    durations.sort()
    return {"req_per_s": len(durations) / SECONDS, "p50_ms": statistics.median(durations),
            "p95_ms": durations[int(len(durations) * 0.95) - 1], "errors": failures[0]}


def serve(environment: dict[str, str]) -> subprocess.Popen:
    command = [sys.executable, "-m", "ketenzicht", "serve", "--bind", f"127.0.0.1:{PORT}"]
    server = subprocess.Popen(command, env=environment,  # noqa: S603 (our own command, no shell)
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            if requests.get(f"http://127.0.0.1:{PORT}/health/", timeout=1).status_code == 200:
                return server
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    server.terminate()
    raise SystemExit("ketenzicht serve kwam niet op")


def measure_server(label: str, environment: dict[str, str], token: str, bsn: str) -> None:
    server = serve(environment)
    try:
        base = f"http://127.0.0.1:{PORT}"
        report(f"{label}: GET /health/", load(f"{base}/health/"))
        report(f"{label}: POST /api/v1/personen/zoeken", load(
            f"{base}/api/v1/personen/zoeken", "POST", json={"bsn": bsn},
            headers={"Authorization": f"Token {token}", "Verantwoordelijke-Professional": "leerkracht"}))
    finally:
        server.terminate()
        server.wait(timeout=60)


def main() -> None:
    households = int(os.environ.get("BENCH_HOUSEHOLDS", "20000"))
    recreate_database()
    database_url = f"{SERVER}/{BENCH_DB}"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.conf.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from ketenzicht.api.tokens import issue_token
    from ketenzicht.demo.loader import load_demo
    from ketenzicht.organisations.models import Organisation
    from ketenzicht.runtime import runner

    call_command("migrate", verbosity=0)
    load_demo(households=households)
    token = issue_token(Organisation.objects.get(slug="kristalla"), "bench").key
    keys = {name: ",".join(f"{v}:{k}" for v, k in getattr(settings, name).items())
            for name in ("KETENZICHT_BSN_ENCRYPTION_KEYS", "KETENZICHT_BSN_HMAC_KEYS")}
    with tempfile.TemporaryDirectory() as var_dir:
        environment = {**os.environ, **keys, "DJANGO_SETTINGS_MODULE": "ketenzicht.conf.production",
                       "DATABASE_URL": database_url, "KETENZICHT_VAR_DIR": var_dir,
                       "KETENZICHT_SECRET_KEY": "bench-" + "k" * 60, "KETENZICHT_LOG_LEVEL": "WARNING",
                       "KETENZICHT_API_RATE": "1000000/minute"}
        subprocess.run([sys.executable, "-m", "ketenzicht", "collectstatic", "--noinput", "-v0"],  # noqa: S603
                       env=environment, check=True)
        cores = len(os.sched_getaffinity(0))
        print(f"server: {cores + 1} workers x 4 threads (defaults on {cores} cores), {CLIENTS} clients",
              flush=True)
        measure_server("pool (default)", environment, token, "999990019")
        unpooled = {**environment, "KETENZICHT_DB_POOL": "false", "KETENZICHT_DB_CONN_MAX_AGE": "0"}
        measure_server("new connection per request", unpooled, token, "999990019")

    report("worker: every job, nothing due (first run)", timed(1, lambda _i: runner.run_due("bench")))
    for job in runner.REGISTRY.all():
        report(f"worker: {job.name}, nothing due", timed(5, lambda _i, job=job: runner.run_now(job, "bench")))
    report("worker: idle poll (nothing due)", timed(50, lambda _i: (runner.run_due("bench"),
                                                                      runner.seconds_until_next_due())))


if __name__ == "__main__":
    main()
