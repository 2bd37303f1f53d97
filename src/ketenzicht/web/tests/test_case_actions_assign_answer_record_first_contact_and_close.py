"""On the case page, one task at a time: the teamleider assigns the case (or the holder hands it
over) to a colleague, the receiver accepts it or declines it with a reason, the first contact is
recorded, and the case is closed only with a reason and its explanation. Every error of a form is
shown at once; a form posted twice does no harm."""

import pytest
import time_machine

from ketenzicht.notify.models import Notice
from ketenzicht.plans.models import Case, CaseHandover
from ketenzicht.plans.tests.conftest import WEDNESDAY, acting, emmen  # noqa: F401 (the fixture)

from .case_support import application_case, assign
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def _bart():
    return acting("cjg-demonden")[0]


def test_the_teamleider_assigns_and_the_case_stays_theirs_until_accepted_also_when_posted_twice():
    case = application_case()
    client = logged_in("teamleider-demonden")
    url = f"/casussen/{case.uuid}/overdragen/"

    first = client.post(url, {"aan": str(_bart().uuid)}, follow=True)
    second = client.post(url, {"aan": str(_bart().uuid)}, follow=True)

    assert "De casus is toegewezen aan Bart Lubbers" in first.content.decode()
    assert "De overdracht aan Bart Lubbers wacht al op antwoord." in second.content.decode()
    assert CaseHandover.objects.filter(case=case).count() == 1
    case.refresh_from_db()
    assert case.responsible == acting("teamleider-demonden")[0] and not case.assigned
    assert Notice.objects.filter(recipient=_bart(), kind="casus-overdracht").count() == 1


def test_the_receiver_accepts_from_the_case_page_and_a_second_post_changes_nothing():
    case = application_case()
    logged_in("teamleider-demonden").post(f"/casussen/{case.uuid}/overdragen/", {"aan": str(_bart().uuid)})
    handover = CaseHandover.objects.get(case=case)
    client = logged_in("cjg-demonden")
    page = client.get(f"/casussen/{case.uuid}/").content.decode()
    assert f"/casussen/{case.uuid}/overdrachten/{handover.uuid}/aannemen/" in page

    url = f"/casussen/{case.uuid}/overdrachten/{handover.uuid}/aannemen/"
    first = client.post(url, follow=True).content.decode()
    second = client.post(url, follow=True).content.decode()

    assert "U heeft de casus aangenomen: u bent nu verantwoordelijk." in first
    assert "U heeft de casus al aangenomen." in second
    case.refresh_from_db()
    assert case.responsible == _bart() and case.assigned


def test_declining_needs_a_reason_which_stays_on_the_case():
    case = application_case()
    logged_in("teamleider-demonden").post(f"/casussen/{case.uuid}/overdragen/", {"aan": str(_bart().uuid)})
    handover = CaseHandover.objects.get(case=case)
    client = logged_in("cjg-demonden")
    url = f"/casussen/{case.uuid}/overdrachten/{handover.uuid}/weigeren/"

    empty = client.post(url, {"reden": "  "})
    assert empty.status_code == 200
    assert "Leg vast waarom u de casus niet kunt overnemen." in empty.content.decode()
    done = client.post(url, {"reden": "Ik ben drie weken met verlof."}, follow=True).content.decode()

    assert "U heeft de overdracht geweigerd. Hilde Boelens blijft verantwoordelijk" in done
    assert "Ik ben drie weken met verlof." in done
    handover.refresh_from_db()
    assert handover.decline_reason == "Ik ben drie weken met verlof."


def test_only_the_receiver_may_answer():
    case = application_case()
    logged_in("teamleider-demonden").post(f"/casussen/{case.uuid}/overdragen/", {"aan": str(_bart().uuid)})
    handover = CaseHandover.objects.get(case=case)

    answer = logged_in("teamleider-demonden").post(
        f"/casussen/{case.uuid}/overdrachten/{handover.uuid}/aannemen/", follow=True).content.decode()

    assert "Alleen de professional aan wie de casus is overgedragen kan antwoorden." in answer
    handover.refresh_from_db()
    assert handover.accepted_at is None


def test_recording_the_first_contact_moves_the_case_to_the_intake_once():
    case = assign(application_case())
    client = logged_in("cjg-demonden")
    url = f"/casussen/{case.uuid}/eerste-contact/"

    first = client.post(url, follow=True).content.decode()
    second = client.post(url, follow=True).content.decode()

    assert "Het eerste contact is vastgelegd. De intake is uiterlijk 23-12-2026." in first
    assert "Het eerste contact is al vastgelegd." in second
    case.refresh_from_db()
    assert (case.next_milestone, str(case.next_due)) == ("intake", "2026-12-23")


def test_closing_shows_every_error_at_once():
    case = assign(application_case())

    page = logged_in("cjg-demonden").post(f"/casussen/{case.uuid}/sluiten/", {}).content.decode()

    assert "Kies waarom de casus sluit." in page
    assert "Licht toe waarom de casus kan sluiten." in page
    case.refresh_from_db()
    assert case.status == "open"


def test_closing_with_a_reason_and_explanation_and_a_second_post_is_harmless():
    case = assign(application_case())
    client = logged_in("cjg-demonden")
    data = {"reden": "hulp-gestart", "toelichting": "Opvoedondersteuning bij Yorneo is gestart."}

    first = client.post(f"/casussen/{case.uuid}/sluiten/", data, follow=True).content.decode()
    second = client.post(f"/casussen/{case.uuid}/sluiten/", data, follow=True).content.decode()

    assert "De casus is gesloten." in first
    assert "Deze casus is gesloten." in second
    case = Case.objects.get(pk=case.pk)
    assert (case.status, case.close_reason) == ("gesloten", "hulp-gestart")
    assert case.close_explanation == "Opvoedondersteuning bij Yorneo is gestart."


def test_a_reason_that_would_let_the_family_go_is_not_offered():
    case = assign(application_case())

    page = logged_in("cjg-demonden").post(f"/casussen/{case.uuid}/sluiten/", {
        "reden": "overgedragen", "toelichting": "Weg."}).content.decode()

    assert "Kies waarom de casus sluit." in page
    assert Case.objects.get(pk=case.pk).status == "open"
