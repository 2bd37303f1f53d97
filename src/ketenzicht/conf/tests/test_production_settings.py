"""Production settings pass Django's deployment checks and refuse demo mode."""

import os
import subprocess
import sys

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "ketenzicht.conf.production",
    "KETENZICHT_SECRET_KEY": "x" * 20 + "-production-like-secret-key-for-the-check-" + "y" * 20,
    "KETENZICHT_BSN_ENCRYPTION_KEYS": "1:cHJvZHVjdGlvbi1saWtlLWVuY3J5cHRpb24ta2V5",
    "KETENZICHT_BSN_HMAC_KEYS": "1:cHJvZHVjdGlvbi1saWtlLWhtYWMta2V5LXZhbHVl",
    "KETENZICHT_ALLOWED_HOSTS": "ketenzicht.example.nl",
    "DATABASE_URL": "sqlite:////tmp/ketenzicht-deploy-check.sqlite3",
    "KETENZICHT_REDIS_URL": "redis://127.0.0.1:6379/0",  # not asked: the check only reads the setting
}


def run_manage(*args: str, **extra_env: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **PRODUCTION_ENV}
    env.pop("KETENZICHT_DEMO_MODE", None)
    env.update(extra_env)
    return subprocess.run(  # fixed interpreter and arguments
        [sys.executable, "-m", "ketenzicht", *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_warns_when_several_server_processes_count_the_rate_limit_apart():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", KETENZICHT_REDIS_URL="",
                        KETENZICHT_WEB_WORKERS="3")
    assert result.returncode != 0
    assert "ketenzicht.W001" in result.stderr and "KETENZICHT_REDIS_URL is niet gezet" in result.stderr
    single = run_manage("check", "--deploy", "--fail-level", "WARNING", KETENZICHT_REDIS_URL="",
                        KETENZICHT_WEB_WORKERS="1")
    assert single.returncode == 0, single.stderr


def test_production_refuses_to_start_without_an_explicit_database():
    """Without DATABASE_URL the embedded SQLite file would be used, quietly: refused."""
    result = run_manage("check", DATABASE_URL="")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_demo_mode_is_refused_under_production_settings():
    result = run_manage("check", KETENZICHT_DEMO_MODE="true")
    assert result.returncode != 0
    assert "Demo mode is not allowed under production settings" in result.stderr


def test_production_refuses_to_start_without_bsn_keys():
    result = run_manage("check", KETENZICHT_BSN_HMAC_KEYS="")
    assert result.returncode != 0
    assert "KETENZICHT_BSN_HMAC_KEYS" in result.stderr


def test_demo_population_register_is_refused_under_production_settings():
    result = run_manage("check", KETENZICHT_POPULATION_REGISTER="demo")
    assert result.returncode != 0
    assert "demo population register is not allowed" in result.stderr
