"""``ketenzicht verify-audit`` exits 0 on an intact trail and 1, with the problems, otherwise."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ketenzicht import cli
from ketenzicht.audit.services import chain_for
from ketenzicht.runtime.context import working_on

from .tampering import actors_on_different_chains, change, remove, system_chain, write_events

pytestmark = pytest.mark.django_db


def run(*options: str) -> tuple[int, str, str]:
    """The command's exit code, stdout and stderr, as an operator's shell would see them."""
    stdout, stderr = StringIO(), StringIO()
    try:
        call_command("verify_audit", "--batch-size", "2", *options, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return error.returncode, stdout.getvalue(), stderr.getvalue() + str(error)
    return 0, stdout.getvalue(), stderr.getvalue()


def test_verify_audit_command_exit_codes():
    write_events(5)
    assert run() == (0, "Audittrail in orde: 5 gebeurtenissen gecontroleerd.\n", "")

    change(2, purpose="verzonnen")
    remove(4)
    code, stdout, stderr = run()

    assert code == 1
    assert stdout == ""
    chain = system_chain()
    assert stderr.splitlines() == [
        f"Keten {chain}, gebeurtenis 2: inhoud is gewijzigd",
        f"Keten {chain}, gebeurtenis 4: rij 4 ontbreekt",
        "Audittrail NIET in orde: 2 problemen in 4 gecontroleerde gebeurtenissen.",
    ]


@pytest.mark.django_db(transaction=True)  # each append its own transaction, so its own chain
def test_verbose_output_lists_every_chain_with_its_count():
    first, second = actors_on_different_chains(2)
    write_events(3, actor=first)
    write_events(1, actor=second)

    code, stdout, _stderr = run("-v", "2")

    *per_chain, summary = stdout.splitlines()
    assert code == 0
    assert summary == "Audittrail in orde: 4 gebeurtenissen gecontroleerd."
    # Chains without events are listed too (with 0) when their head exists.
    assert all(line.startswith("Keten ") for line in per_chain)
    assert [line for line in per_chain if not line.endswith(": 0 gebeurtenissen gecontroleerd.")] == sorted(
        [f"Keten {chain_for(first)}: 3 gebeurtenissen gecontroleerd.",
         f"Keten {chain_for(second)}: 1 gebeurtenis gecontroleerd."],
        key=lambda line: int(line.split()[1].rstrip(":")),
    )


@pytest.mark.parametrize(("written", "changed"), [
    ("0af7651916cd43dd8448eb211c80319c", "4bf92f3577b34da6a3ce929d0e0e4736"),
    ("0af7651916cd43dd8448eb211c80319c", ""),  # the id wiped
    ("", "4bf92f3577b34da6a3ce929d0e0e4736"),  # an event pinned on another request afterwards
])
def test_a_changed_request_id_is_detected(written, changed):
    with working_on(written):
        write_events(2)
    assert run()[0] == 0

    change(1, request_id=changed)
    code, _stdout, stderr = run()

    assert code == 1
    assert stderr.splitlines()[0] == f"Keten {system_chain()}, gebeurtenis 1: inhoud is gewijzigd"


def test_empty_trail_passes():
    assert run()[0:2] == (0, "Audittrail in orde: 0 gebeurtenissen gecontroleerd.\n")


def test_hyphenated_command_name_reaches_verify_audit(monkeypatch):
    seen: list[list[str]] = []
    monkeypatch.setattr("django.core.management.execute_from_command_line", seen.append)
    monkeypatch.setattr("sys.argv", ["ketenzicht", "verify-audit", "--batch-size", "10"])

    cli.main()

    assert seen == [["ketenzicht", "verify_audit", "--batch-size", "10"]]


@pytest.mark.parametrize(("argv", "expected"), [
    (["ketenzicht", "help", "verify-audit"], ["ketenzicht", "help", "verify_audit"]),
    (["ketenzicht", "runserver", "127.0.0.1:8000"], ["ketenzicht", "runserver", "127.0.0.1:8000"]),
    (["ketenzicht", "--version"], ["ketenzicht", "--version"]),
    (["ketenzicht"], ["ketenzicht"]),
    (["ketenzicht", "migrate", "audit-x"], ["ketenzicht", "migrate", "audit-x"]),
])
def test_only_the_command_name_is_translated(argv, expected):
    assert cli.command_argv(argv) == expected
