"""The ``ketenzicht`` console command.

It wraps Django's management commands so that operators never need to know the settings module:
the embedded database under ``var/`` is used unless ``DATABASE_URL`` points elsewhere.
"""

import os
import sys


def command_argv(argv: list[str]) -> list[str]:
    """``argv`` with a hyphenated command name as Django knows it: ``verify-audit`` → ``verify_audit``.

    Django names commands after their module, which cannot hold a hyphen; operators type hyphens.
    Only the command name is translated (also after ``help``), never options or arguments.
    """
    argv = list(argv)
    position = 2 if len(argv) > 2 and argv[1] == "help" else 1
    if len(argv) > position and not argv[position].startswith("-"):
        argv[position] = argv[position].replace("-", "_")
    return argv


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.conf.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(command_argv(sys.argv))


if __name__ == "__main__":
    main()
