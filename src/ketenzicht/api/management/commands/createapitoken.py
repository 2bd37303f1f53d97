"""``ketenzicht createapitoken <organisation-slug> [--name NAME]``: print a new API token once."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ketenzicht.api.tokens import issue_token
from ketenzicht.organisations.services import organisation_by_slug


class Command(BaseCommand):
    help = "Maak een API-token voor een systeem van een organisatie en toon het eenmalig."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("organisation", help="slug van de organisatie")
        parser.add_argument("--name", default="API-koppeling", help="welk systeem het token gebruikt")

    @transaction.atomic
    def handle(self, *args: Any, organisation: str, name: str, **options: Any) -> None:
        found = organisation_by_slug(organisation)
        if found is None:
            raise CommandError(f"Onbekende organisatie: {organisation}")
        if not found.is_active:
            raise CommandError(f"Organisatie {organisation} is niet actief.")
        issued = issue_token(found, name)
        self.stderr.write(
            f"Token '{name}' voor {found.name} (begint met {issued.token.prefix}). "
            "Bewaar het nu: het wordt niet opgeslagen en nooit meer getoond."
        )
        self.stdout.write(issued.key)
