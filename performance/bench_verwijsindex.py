"""Benchmarks of the verwijsindex on PostgreSQL.

Run with ``make bench``. It recreates ``ketenzicht_bench``, loads the demo population
(``BENCH_HOUSEHOLDS``), then measures what registrants and the municipality feel: one
registration with its match (audit, access basis, notices), the nightly lifetime jobs, and the
"in view" figures over ``BENCH_REGISTRATIONS`` bulk-loaded registrations.
"""

import itertools
import os
import random
import sys
import time
from datetime import timedelta

from bench_foundation import SERVER, recreate_database, report, timed

BENCH_DB = os.environ.get("BENCH_DATABASE", "ketenzicht_bench")


def main() -> None:
    households = int(os.environ.get("BENCH_HOUSEHOLDS", "20000"))
    bulk = int(os.environ.get("BENCH_REGISTRATIONS", "200000"))
    recreate_database()
    os.environ["DATABASE_URL"] = f"{SERVER}/{BENCH_DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.conf.dev")
    # Notices are e-mailed; measure Ketenzicht, not the console printing them.
    os.environ["KETENZICHT_EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from ketenzicht.access.audited import actor_for
    from ketenzicht.demo.loader import load_demo
    from ketenzicht.organisations.models import Municipality, Organisation, Professional
    from ketenzicht.people import bsn as bsn_lib
    from ketenzicht.people.models import Person
    from ketenzicht.verwijsindex import statistics
    from ketenzicht.verwijsindex.lifecycle import run_lifetime_jobs
    from ketenzicht.verwijsindex.models import IndexRegistration
    from ketenzicht.verwijsindex.services import Contact, RegistrationRequest, register

    call_command("migrate", verbosity=0)
    load_demo(households=households)
    today = timezone.localdate()
    youths = list(
        Person.objects.filter(date_of_birth__gt=today - timedelta(days=22 * 365))
        .values_list("id", "bsn_ciphertext")
    )
    rng = random.Random(11)
    rng.shuffle(youths)
    contact = Contact("Bench Professional", "0591 000000", "bench@example.org")

    def registrant(username: str):
        who = Professional.objects.select_related("organisation__type", "user").get(
            user__username=username)
        return who, actor_for(who, access_point="bench")

    school, nurse = registrant("leerkracht"), registrant("jgz")
    sample = [bsn_lib.reveal(cipher) for _id, cipher in youths[:400]]

    def first(i: int) -> None:
        register(*school, RegistrationRequest(sample[i], ("e",), True, contact))

    def second(i: int) -> None:  # the same youth by another organisation: opens a match
        register(*nurse, RegistrationRequest(sample[i], ("a",), True, contact))

    report("register (no match yet)", timed(200, first))
    report("register opening a client match", timed(200, second))

    # National-scale table for the figures: bulk registrations spread over organisations.
    organisations = list(Organisation.objects.filter(type__may_register_in_index=True))
    professional = school[0]
    now = timezone.now()
    started = time.perf_counter()
    pairs = itertools.islice(((y, o) for o in organisations for y, _c in youths), bulk)
    IndexRegistration.objects.bulk_create(
        (
            IndexRegistration(
                person_id=youth, organisation=organisation, registrant=professional,
                contact_name="x", contact_phone="0591000000", contact_email="x@example.org",
                registered_at=now, active_until=today + timedelta(days=rng.randint(-30, 365)),
            )
            for youth, organisation in pairs
        ),
        batch_size=5000, ignore_conflicts=True,  # pairs registered above already exist
    )
    loaded = IndexRegistration.objects.count()
    report("bulk-loaded registrations", {"rows": loaded, "seconds": time.perf_counter() - started})

    emmen = Municipality.objects.get(slug="emmen")
    by_type = statistics.registrations_by_type_and_district
    report("registrations_by_type_and_district", timed(5, lambda i: by_type(emmen)))
    report("matches_by_district", timed(5, lambda i: statistics.matches_by_district(emmen)))
    started = time.perf_counter()
    counts = run_lifetime_jobs()
    report("run_lifetime_jobs (one run)", {"seconds": time.perf_counter() - started, **counts})


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(__file__))
    sys.exit(main())
