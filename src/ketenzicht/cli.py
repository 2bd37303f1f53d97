"""The ``ketenzicht`` console command.

It wraps Django's management commands so that operators never need to know the settings module:
the embedded database under ``var/`` is used unless ``DATABASE_URL`` points elsewhere.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.conf.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
