"""Benchmarks of signals and the Meldcode on PostgreSQL.

Run with ``make bench``. It recreates ``ketenzicht_bench``, loads the demo population
(``BENCH_HOUSEHOLDS``), then measures what professionals feel: recording a signal (routing,
dossier, basis, audit), the routing advice, sharing with a desk; and, over ``BENCH_SIGNALS``
bulk-loaded signals with their routes, a desk's inbox, a signaller's overview, the minute job's
deadline scan and the kindcheck figures. Numbers are printed, never asserted.
"""

import os
import random
import sys
import time
from datetime import timedelta

from bench_foundation import SERVER, recreate_database, report, timed

BENCH_DB = os.environ.get("BENCH_DATABASE", "ketenzicht_bench")


def explain(queryset) -> str:
    from django.db import connection

    query, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    households = int(os.environ.get("BENCH_HOUSEHOLDS", "20000"))
    bulk = int(os.environ.get("BENCH_SIGNALS", "200000"))
    recreate_database()
    os.environ["DATABASE_URL"] = f"{SERVER}/{BENCH_DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.conf.dev")
    os.environ["KETENZICHT_EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from ketenzicht.access.audited import actor_for
    from ketenzicht.demo.loader import load_demo
    from ketenzicht.organisations.models import Organisation, Professional
    from ketenzicht.people import bsn as bsn_lib
    from ketenzicht.people.models import Person
    from ketenzicht.signals import childcheck, deadlines, desks, listings
    from ketenzicht.signals.models import (
        ChildCheck,
        ConsentBasis,
        Route,
        RouteKind,
        Signal,
        SignalCategory,
    )
    from ketenzicht.signals.services import (
        Consent,
        ShareRequest,
        SignalRequest,
        advise_route,
        record_signal,
        share_signal,
    )

    call_command("migrate", verbosity=0)
    load_demo(households=households)
    now = timezone.now()
    today = timezone.localdate()
    youths = list(Person.objects.filter(date_of_birth__gt=today - timedelta(days=17 * 365))
                  .values_list("id", "bsn_ciphertext"))
    rng = random.Random(13)
    rng.shuffle(youths)

    def acting(username: str):
        who = Professional.objects.select_related(
            "organisation__type", "organisation__municipality", "user").get(user__username=username)
        return who, actor_for(who, access_point="bench")

    teacher, cjg = acting("leerkracht"), acting("cjg-demonden")
    sample = [bsn_lib.reveal(cipher) for _id, cipher in youths[:400]]
    categories = ("emotionele-verwaarlozing", "schoolverzuim")
    facts = "Komt vaak zonder ontbijt en zonder jas op school."

    report("advise_route (routeringsadvies, audited)", timed(200, lambda i: advise_route(
        *teacher, sample[i], categories, "regulier", now)))
    signals = []
    report("record_signal (routing, dossier, audit)", timed(200, lambda i: signals.append(
        record_signal(*teacher, SignalRequest(categories=categories, urgency="regulier",
                                              facts=facts, bsn=sample[i])))))
    consent = ShareRequest(Consent(ConsentBasis.SAFETY, safety_reason="bench"))
    report("share_signal with the proposed desk", timed(200, lambda i: share_signal(
        *teacher, signals[i], consent)))

    # National-scale tables: signals from many signallers to every district's desk.
    signallers = list(Professional.objects.filter(role="professional")
                      .values_list("id", "organisation_id"))
    desks_by_type = list(Organisation.objects.filter(type__receives_signals=True)
                         .values_list("id", flat=True))
    started = time.perf_counter()
    rows = []
    for i in range(bulk):
        person_id, _cipher = youths[i % len(youths)]
        signaller, organisation = signallers[i % len(signallers)]
        rows.append(Signal(
            person_id=person_id, signaller_id=signaller, organisation_id=organisation,
            urgency="regulier", observed_at=now, facts=facts, status="gedeeld" if i % 3 else "open",
            proposed_desk_id=desks_by_type[i % len(desks_by_type)], proposed_kind="signaal",
            proposed_reason="bench", created_at=now - timedelta(days=i % 400),
            next_step=2 if i % 3 == 0 else None,
            step_due=(today - timedelta(days=(i % 40) - 20)) if i % 3 == 0 else None,
            reminded_step=2 if i % 6 == 0 else 0,
        ))
    Signal.objects.bulk_create(rows, batch_size=5000)
    loaded = list(Signal.objects.filter(proposed_reason="bench").values_list("id", "proposed_desk_id",
                                                                               "signaller_id"))
    SignalCategory.objects.bulk_create(
        (SignalCategory(signal_id=sid, category=categories[sid % 2]) for sid, _d, _s in loaded),
        batch_size=10000,
    )
    Route.objects.bulk_create(
        (Route(signal_id=sid, desk_id=desk, kind=RouteKind.SIGNAL, shared_at=now,
               shared_by_id=signaller, reason="bench", consent_basis=ConsentBasis.SAFETY,
               safety_reason="bench", status=("gedeeld", "aangenomen", "beeindigd")[sid % 3])
         for sid, desk, signaller in loaded),
        batch_size=10000,
    )
    report("bulk-loaded signals with categories and routes",
           {"signals": Signal.objects.count(), "routes": Route.objects.count(),
            "seconds": time.perf_counter() - started})

    desk = cjg[0]
    report("desk inbox first page of 50 (CJG De Monden)",
           timed(20, lambda i: list(desks.inbox(desk)[:50])))
    report("desk inbox count (CJG De Monden)", timed(20, lambda i: desks.inbox(desk).count()))
    print("\nEXPLAIN ANALYZE inbox (CJG De Monden, first page):\n"
          + explain(desks.inbox(desk)[:50]) + "\n")
    busy = Professional.objects.get(pk=signallers[0][0])
    report("Mijn signalen first page of 50 (with routes, feedback)", timed(
        20, lambda i: [(s.categories.all(), s.routes.all(), s.feedback.all())
                       for s in listings.signals_of(busy)[:50]]))
    print("\nEXPLAIN ANALYZE Mijn signalen (first page, without the prefetches):\n"
          + explain(listings.signals_of(busy).prefetch_related(None)[:50]) + "\n")

    started = time.perf_counter()
    reminded = deadlines.remind_lying_signals(timezone.now())
    report("remind_lying_signals, one batch", {"reminded": reminded,
                                               "seconds": time.perf_counter() - started})
    deadlines.remind_lying_signals(timezone.now(), batch=10**9)
    report("remind_lying_signals, nothing newly late",
           timed(20, lambda i: deadlines.remind_lying_signals(timezone.now())))
    report("flag_overdue_routes", timed(20, lambda i: deadlines.flag_overdue_routes(timezone.now())))

    ggz = Organisation.objects.get(slug="ggz-drenthe")
    ggz_worker = Professional.objects.filter(organisation=ggz).first()
    adults = list(Person.objects.filter(date_of_birth__lt=today - timedelta(days=20 * 365))
                  .values_list("id", flat=True)[:50000])
    ChildCheck.objects.bulk_create(
        (ChildCheck(organisation=ggz, professional=ggz_worker, client_id=pid, checked_at=now,
                    children_in_home=pid % 3 == 0, cares_for_children=False,
                    partner_has_children=False, pregnant=pid % 17 == 0, concerns=False)
         for pid in adults), batch_size=10000)
    report("child_check_use over all checks", timed(10, lambda i: list(childcheck.child_check_use())))


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(__file__))
    sys.exit(main())
