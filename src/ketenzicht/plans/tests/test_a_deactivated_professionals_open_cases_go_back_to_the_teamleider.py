"""When a professional's account is deactivated (they leave the team), nothing stays in their name:
each open case they hold goes back to the team's teamleider (on the list to assign, with its age),
a handover to them that waits is declined with the reason, and both hear of it by a notice. A
handover they asked for still waits for its receiver, the teamleider holding the case meanwhile.
Without another active teamleider to take their cases the deactivation is refused in Dutch and
the account stays active: no case is ever held by nobody (domain.md §4, warm handover)."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from ketenzicht.audit.models import AuditEvent
from ketenzicht.demo.accounts import DEMO_PASSWORD
from ketenzicht.notify.models import Notice
from ketenzicht.organisations.accounts import deactivate
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.plans import cases, listings
from ketenzicht.plans.models import Case
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, professional
from .support import application

#: Friday of the same week: the moment the account is deactivated.
FRIDAY = WEDNESDAY + timedelta(days=2)


def _colleague(username: str = "cjg-collega", role: str = Role.PROFESSIONAL):
    return ProfessionalFactory(organisation=Organisation.objects.get(slug="cjg-de-monden"), role=role,
                               user__username=username, user__first_name="Sietske",
                               user__last_name="Mulder")


def _held_by(username: str) -> Case:
    """The De Vries case, assigned to and accepted by ``username``."""
    case = application()
    handover = cases.hand_over(*acting("teamleider-demonden"), case, professional(username), WEDNESDAY)
    return cases.accept_handover(*acting(username), handover, WEDNESDAY)


def _deactivate(username: str, by: str = "beheer") -> None:
    with time_machine.travel(FRIDAY, tick=False):
        deactivate(professional(username), by=professional(by))


def _is_active(username: str) -> bool:
    return get_user_model().objects.get(username=username).is_active


def test_their_open_cases_go_back_to_the_teamleiders_list_to_assign(emmen):
    case = _held_by("cjg-demonden")

    _deactivate("cjg-demonden")

    case.refresh_from_db()
    lead = professional("teamleider-demonden")
    assert not _is_active("cjg-demonden")
    assert (case.responsible, case.assigned, case.responsible_since) == (lead, False, FRIDAY)
    assert list(listings.to_assign(lead)) == [case]
    told = Notice.objects.get(recipient=lead, kind="casus-terug")
    assert told.title == "Een casus is terug bij u"
    assert "Bart Lubbers is niet meer actief" in told.body
    assert told.link == f"/casussen/{case.uuid}/"
    returned = AuditEvent.objects.filter(object_id=str(case.uuid),
                                         purpose="casus: terug naar de teamleider (account gedeactiveerd)")
    assert returned.count() == 4  # one per member of the De Vries household
    assert {event.user_name for event in returned} == {"Ronald Schepers"}  # who deactivated


def test_a_handover_to_them_is_declined_with_the_reason_and_the_holder_hears(emmen):
    case = application()
    handover = cases.hand_over(*acting("teamleider-demonden"), case, professional("cjg-demonden"), WEDNESDAY)

    _deactivate("cjg-demonden")

    handover.refresh_from_db()
    case.refresh_from_db()
    lead = professional("teamleider-demonden")
    assert handover.declined_at == FRIDAY and handover.accepted_at is None
    assert handover.decline_reason == ("Het account van Bart Lubbers is gedeactiveerd: de overdracht kan "
                                       "niet meer worden aangenomen.")
    assert case.responsible == lead and not case.assigned
    told = Notice.objects.get(recipient=lead, kind="casus-overdracht",
                              title="Overdracht van een casus geweigerd")
    assert "Bart Lubbers is niet meer actief" in told.body


def test_a_handover_they_asked_for_still_waits_and_the_teamleider_holds_the_case_meanwhile(emmen):
    colleague = _colleague()
    case = _held_by("cjg-demonden")
    handover = cases.hand_over(*acting("cjg-demonden"), case, colleague, WEDNESDAY)

    _deactivate("cjg-demonden")

    handover.refresh_from_db()
    case.refresh_from_db()
    lead = professional("teamleider-demonden")
    assert case.responsible == lead
    assert handover.from_professional == lead and handover.declined_at is None
    assert "De overdracht aan Sietske Mulder wacht nog op antwoord" in Notice.objects.get(
        recipient=lead, kind="casus-terug").body
    case = cases.accept_handover(colleague, acting("cjg-demonden")[1], handover, FRIDAY)
    assert case.responsible == colleague and case.assigned


def test_a_leaving_teamleiders_cases_go_to_the_other_teamleider(emmen):
    second = _colleague("teamleider-twee", Role.TEAM_LEAD)
    case = application()  # held by the longest-serving teamleider until assigned

    _deactivate("teamleider-demonden")

    case.refresh_from_db()
    assert (case.responsible, case.assigned) == (second, False)
    assert list(listings.to_assign(second)) == [case]


def test_without_another_active_teamleider_the_deactivation_is_refused_and_the_account_stays_active(emmen):
    case = application()  # the only teamleider holds it

    with time_machine.travel(FRIDAY, tick=False), pytest.raises(Refused) as refused:
        deactivate(professional("teamleider-demonden"), by=professional("beheer"))

    assert refused.value.code == "geen-teamleider"
    assert refused.value.message == (
        "Hilde Boelens kan niet worden gedeactiveerd: 1 open casus van CJG-Jeugdteam De Monden heeft dan "
        "geen verantwoordelijke, want het team heeft geen andere actieve teamleider. Wijs eerst een "
        "teamleider aan, of laat collega's de casussen aannemen.")
    assert _is_active("teamleider-demonden")
    case.refresh_from_db()
    assert case.responsible == professional("teamleider-demonden")


def test_a_professional_of_a_team_whose_teamleider_left_cannot_be_deactivated_while_holding_cases(emmen):
    _held_by("cjg-demonden")
    _deactivate("teamleider-demonden")  # holds nothing now: allowed

    with pytest.raises(Refused) as refused:
        _deactivate("cjg-demonden")

    assert refused.value.code == "geen-teamleider"
    assert _is_active("cjg-demonden")


def test_without_open_cases_anyone_may_be_deactivated_and_closed_cases_stay_as_they_were(emmen):
    case = _held_by("cjg-demonden")
    cases.close_case(*acting("cjg-demonden"), case, "geen-zorgen", "Gesprek gehad; geen zorgen.", WEDNESDAY)

    _deactivate("cjg-demonden")

    case.refresh_from_db()
    assert not _is_active("cjg-demonden")
    assert case.responsible == professional("cjg-demonden") and case.status == "gesloten"
    assert not Notice.objects.filter(kind="casus-terug").exists()


def test_any_save_that_turns_the_account_off_moves_the_cases_as_the_system(emmen):
    """The admin's "actief" box, a command or the shell: each is a save of the user."""
    case = _held_by("cjg-demonden")
    user = professional("cjg-demonden").user

    with time_machine.travel(FRIDAY, tick=False):
        user.is_active = False
        user.save()

    case.refresh_from_db()
    assert case.responsible == professional("teamleider-demonden") and not case.assigned
    assert set(AuditEvent.objects.filter(
        object_id=str(case.uuid), purpose="casus: terug naar de teamleider (account gedeactiveerd)",
    ).values_list("user_id", flat=True)) == {"system"}


def test_a_notice_of_a_returned_case_names_no_family(emmen):
    """Notice titles and bodies are mailed: they name professionals, never the household."""
    case = _held_by("cjg-demonden")
    cases.hand_over(*acting("cjg-demonden"), case, _colleague(), WEDNESDAY)
    _deactivate("cjg-demonden")
    told = Notice.objects.filter(kind="casus-terug")
    assert told.count() == 1
    for notice in told:
        assert "Vries" not in notice.title + notice.body


def _admin_posts_inactive(verified_login, username: str):
    """The functioneel beheerder unticks "actief" on the account's page in the admin."""
    beheer = professional("beheer")
    beheer.user.user_permissions.add(*Permission.objects.filter(
        content_type__app_label="auth", codename__in=("view_user", "change_user")))
    client = verified_login(beheer, DEMO_PASSWORD)
    user = get_user_model().objects.get(username=username)
    url = f"/beheer/auth/user/{user.pk}/change/"
    joined = user.date_joined.astimezone()
    with time_machine.travel(FRIDAY, tick=False):
        return client.post(url, {
            "username": user.username, "first_name": user.first_name, "last_name": user.last_name,
            "email": user.email, "date_joined_0": f"{joined:%Y-%m-%d}", "date_joined_1": f"{joined:%H:%M:%S}",
            "last_login_0": "", "last_login_1": "", "initial-date_joined_0": f"{joined:%Y-%m-%d}",
            "initial-date_joined_1": f"{joined:%H:%M:%S}",
        }, follow=True), url


def test_in_the_admin_the_refusal_is_shown_in_dutch_and_the_account_stays_active(emmen, verified_login):
    application()  # the only teamleider holds it

    response, url = _admin_posts_inactive(verified_login, "teamleider-demonden")

    assert response.redirect_chain[-1][0] == url
    page = response.content.decode()
    assert "Hilde Boelens kan niet worden gedeactiveerd: 1 open casus" in page
    assert _is_active("teamleider-demonden")


def test_in_the_admin_unticking_actief_gives_the_cases_back_to_the_teamleider(emmen, verified_login):
    case = _held_by("cjg-demonden")

    response, _url = _admin_posts_inactive(verified_login, "cjg-demonden")

    assert response.status_code == 200
    assert not _is_active("cjg-demonden")
    case.refresh_from_db()
    assert case.responsible == professional("teamleider-demonden") and not case.assigned
    assert {event.user_name for event in AuditEvent.objects.filter(
        object_id=str(case.uuid), purpose="casus: terug naar de teamleider (account gedeactiveerd)",
    )} == {"Ronald Schepers"}
