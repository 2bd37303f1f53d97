"""Every routing rule by name (issue 4, "Routering"), table-driven over ``routing.decide``.

One row per rule and per boundary: office hours, evenings, weekends, Dutch public holidays, the
crisis service's handover at 12:00 on the next working day, adults' circumstances versus a child,
volunteers' acute abuse and crises routed as everyone's, the police's concern about a child as
a report to Veilig Thuis, and the CJG 12+ alternative for pupils of secondary schools (not for an
age). The settings are an unsaved ``SignalSettings()``: the defaults (Mon–Fri 08:30–17:00,
handover 12:00) are what is proven. Every moment is fixed in the rows: no clock is read.
"""

from dataclasses import dataclass
from datetime import datetime, time

import pytest
from django.db.models import Q

from ketenzicht.organisations.models import Organisation
from ketenzicht.people.tests.factories import PersonFactory
from ketenzicht.refusals import Refused
from ketenzicht.signals import routing
from ketenzicht.signals.categories import ABUSE_OR_DOMESTIC_VIOLENCE
from ketenzicht.signals.models import RouteKind, SignalSettings
from ketenzicht.signals.routing import Desk, Facts, Rule
from ketenzicht.signals.services import propose_route

from .conftest import AMSTERDAM, ANJA, DAAN, EMMA, KEVIN, LINDA, NOAH, OFFICE_HOURS, SANNE, signal_as
from .support import person


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


WEDNESDAY = at(2026, 11, 25, 10)
WEDNESDAY_NIGHT = at(2026, 11, 25, 3)
SUNDAY = at(2026, 11, 29, 14)
KONINGSDAG = at(2026, 4, 27, 10)  # a Monday
TWEEDE_KERSTDAG = at(2025, 12, 26, 10)  # a Friday
HEMELVAART = at(2026, 5, 14, 10)  # a Thursday
EASTER_SUNDAY = at(2026, 4, 5, 15)  # the day before Easter Monday

#: 12:00 on the next working day after each moment above.
THURSDAY_NOON = at(2026, 11, 26, 12)
MONDAY_NOON = at(2026, 11, 30, 12)

CHILD, ADULT = 9, 35


@dataclass(frozen=True)
class Row:
    categories: tuple[str, ...]
    urgency: str
    moment: datetime
    rule: str
    desk: str
    kind: str
    age: int = CHILD
    volunteer: bool = False
    handover_due: datetime | None = None
    alternatives: tuple[str, ...] = ()
    #: The signaller's organisation reports concerns about children to Veilig Thuis (police).
    police: bool = False
    #: A secondary school is involved with the youth or signals.
    pupil: bool = False

    def facts(self) -> Facts:
        return Facts(frozenset(self.categories), self.urgency, self.moment, self.age,
                     self.volunteer, signaller_reports_to_veilig_thuis=self.police,
                     secondary_school_pupil=self.pupil)


def crisis_out_of_hours(moment: datetime, due: datetime, categories=("crisis-jeugdige",),
                        urgency="spoed", age=CHILD, **signaller) -> Row:
    return Row(categories, urgency, moment, Rule.CRISIS_OUT_OF_HOURS, Desk.CRISIS, RouteKind.CRISIS,
               age=age, handover_due=due, **signaller)


def crisis_office_hours(moment: datetime, categories=("crisis-jeugdige",), urgency="spoed",
                        **signaller) -> Row:
    return Row(categories, urgency, moment, Rule.CRISIS_OFFICE_HOURS, Desk.YOUTH, RouteKind.CRISIS,
               **signaller)


def acute_abuse(moment: datetime, categories=("lichamelijke-mishandeling",), age=CHILD,
                **signaller) -> Row:
    return Row(categories, "acuut", moment, Rule.ACUTE_ABUSE, Desk.REPORTS, RouteKind.REPORT, age=age,
               **signaller)


def youth_residence(categories, urgency="regulier", moment=WEDNESDAY, age=CHILD,
                    alternatives=(), **facts) -> Row:
    return Row(categories, urgency, moment, Rule.YOUTH_RESIDENCE, Desk.YOUTH, RouteKind.SIGNAL,
               age=age, alternatives=alternatives, **facts)


def adult_circumstances(categories, urgency="regulier", moment=WEDNESDAY, **signaller) -> Row:
    return Row(categories, urgency, moment, Rule.ADULT_CIRCUMSTANCES, Desk.ADULT, RouteKind.SIGNAL,
               age=ADULT, **signaller)


def volunteer(categories, urgency="regulier", moment=WEDNESDAY, age=CHILD) -> Row:
    return Row(categories, urgency, moment, Rule.VOLUNTEER, Desk.ADULT, RouteKind.SIGNAL, age=age,
               volunteer=True)


def police_report(categories, urgency="regulier", moment=WEDNESDAY, age=CHILD) -> Row:
    return Row(categories, urgency, moment, Rule.CHILD_CONCERN_TO_REPORTS, Desk.REPORTS,
               RouteKind.REPORT, age=age, police=True)


def assert_routed(row: Row) -> None:
    outcome = routing.decide(row.facts(), SignalSettings())
    assert (outcome.rule, outcome.desk, outcome.kind) == (row.rule, row.desk, row.kind)
    assert outcome.handover_due == row.handover_due
    assert outcome.handover_to == (Desk.YOUTH if row.handover_due else "")
    assert outcome.alternatives == row.alternatives
    assert outcome.reason  # the Dutch reason the professional and the API see


#: A volunteer's acute abuse goes to Veilig Thuis and a child crisis to the CJG in office hours
#: or the crisis service outside them, as for everyone: never to a sociaal gebiedsteam that is
#: closed at night and not the team for a child in danger. Their other signals still go there.
VOLUNTEER_ROWS: dict[str, Row] = {
    "vrijwilligers-acuut-geweld-naar-veilig-thuis": acute_abuse(WEDNESDAY, volunteer=True),
    "vrijwilligers-acuut-huiselijk-geweld-in-de-nacht-naar-veilig-thuis": acute_abuse(
        WEDNESDAY_NIGHT, ("huiselijk-geweld-partners",), age=ADULT, volunteer=True),
    "vrijwilligers-crisis-in-de-nacht-naar-de-crisisdienst": crisis_out_of_hours(
        WEDNESDAY_NIGHT, at(2026, 11, 25, 12), urgency="acuut", volunteer=True),
    "vrijwilligers-crisis-op-zondag-naar-de-crisisdienst": crisis_out_of_hours(
        SUNDAY, MONDAY_NOON, volunteer=True),
    "vrijwilligers-crisis-in-kantoortijd-naar-cjg-woonplaats": crisis_office_hours(
        WEDNESDAY, volunteer=True),
    "vrijwilligers-acuut-over-kind-in-de-nacht-naar-de-crisisdienst": crisis_out_of_hours(
        WEDNESDAY_NIGHT, at(2026, 11, 25, 12), categories=("gedrag-jeugdige",),
        urgency="acuut", volunteer=True),
    "vrijwilligers-geweld-niet-acuut-naar-sgt": volunteer(("lichamelijke-mishandeling",), "spoed"),
    "vrijwilligers-regulier-over-een-kind-naar-sgt": volunteer(("emotionele-verwaarlozing",)),
    "vrijwilligers-spoed-in-de-nacht-geen-crisis-naar-sgt": volunteer(
        ("gedrag-jeugdige",), "spoed", WEDNESDAY_NIGHT),
    "vrijwilligers-schulden-volwassene-naar-sgt": volunteer(("schulden",), age=ADULT),
}

#: The police report concerns about children to Veilig Thuis (report §3.2): a report, not a
#: signal to the CJG with a deviation reason. Acute abuse and crises go as for everyone; adults'
#: own circumstances without a concern about a child follow the normal rules.
POLICE_ROWS: dict[str, Row] = {
    "politie-zorg-over-kind-melding-veilig-thuis": police_report(("emotionele-verwaarlozing",)),
    "politie-schoolverzuim-melding-veilig-thuis": police_report(("schoolverzuim",), "spoed"),
    "politie-geweld-niet-acuut-melding-veilig-thuis": police_report(("lichamelijke-mishandeling",),
                                                                    "spoed", WEDNESDAY_NIGHT),
    "politie-ouder-met-kind-betrokken-melding-veilig-thuis": police_report(
        ("armoede", "verslaving-ouder"), age=ADULT),
    "politie-16-jaar-leerling-vo-melding-veilig-thuis": Row(
        ("gedrag-jeugdige",), "regulier", WEDNESDAY, Rule.CHILD_CONCERN_TO_REPORTS, Desk.REPORTS,
        RouteKind.REPORT, age=16, police=True, pupil=True),
    "politie-acuut-geweld-veilig-thuis": acute_abuse(SUNDAY, police=True),
    "politie-crisis-buiten-kantoortijd-crisisdienst": crisis_out_of_hours(
        SUNDAY, MONDAY_NOON, police=True),
    "politie-crisis-kantoortijd-cjg-woonplaats": crisis_office_hours(WEDNESDAY, police=True),
    "politie-schulden-volwassene-sgt": adult_circumstances(("schulden",), police=True),
    "politie-huisvesting-volwassene-spoed-sgt": adult_circumstances(("huisvesting",), "spoed",
                                                                    police=True),
}

#: The CJG 12+ team is offered for pupils of secondary schools, not for an age.
PUPIL_ROWS: dict[str, Row] = {
    "leerling-vo-14-jaar-cjg-12plus-als-alternatief": youth_residence(
        ("gedrag-jeugdige",), age=14, pupil=True, alternatives=(Desk.SECONDARY_SCHOOL,)),
    "leerling-vo-17-jaar-cjg-12plus-als-alternatief": youth_residence(
        ("schoolverzuim",), age=17, pupil=True, alternatives=(Desk.SECONDARY_SCHOOL,)),
    "leerling-vo-11-jaar-cjg-12plus-als-alternatief": youth_residence(
        ("gedrag-jeugdige",), age=11, pupil=True, alternatives=(Desk.SECONDARY_SCHOOL,)),
    "12-jaar-geen-leerling-vo-geen-cjg-12plus": youth_residence(("gedrag-jeugdige",), age=12),
    "16-jaar-geen-leerling-vo-geen-cjg-12plus": youth_residence(("schoolverzuim",), age=16),
    "leerling-vo-18-jaar-geen-cjg-12plus": youth_residence(("gedrag-jeugdige",), age=18, pupil=True),
    "leerling-vo-crisis-geen-alternatief": crisis_office_hours(WEDNESDAY, age=15, pupil=True),
}

ROWS: dict[str, Row] = {
    # acuut-geweld: Veilig Thuis at any hour, for every abuse and domestic-violence category.
    **{f"acuut-geweld-{category}": acute_abuse(WEDNESDAY, (category,))
       for category in sorted(ABUSE_OR_DOMESTIC_VIOLENCE)},
    "acuut-geweld-in-de-nacht": acute_abuse(WEDNESDAY_NIGHT),
    "acuut-geweld-op-zondag": acute_abuse(SUNDAY),
    "acuut-geweld-op-koningsdag": acute_abuse(KONINGSDAG),
    "acuut-geweld-op-tweede-kerstdag": acute_abuse(TWEEDE_KERSTDAG),
    "acuut-geweld-gaat-voor-crisis": acute_abuse(WEDNESDAY_NIGHT,
                                                 ("crisis-jeugdige", "seksueel-misbruik")),
    "acuut-geweld-tussen-volwassen-partners": acute_abuse(SUNDAY, ("huiselijk-geweld-partners",),
                                                          age=ADULT),
    # Suspected abuse that is not acute goes to the CJG of residence, also at night.
    "geweld-met-spoed-naar-cjg-woonplaats": youth_residence(("lichamelijke-mishandeling",), "spoed"),
    "geweld-regulier-naar-cjg-woonplaats": youth_residence(("seksueel-misbruik",), "regulier"),
    "geweld-niet-acuut-in-de-nacht-geen-crisis": youth_residence(
        ("emotionele-verwaarlozing",), "spoed", WEDNESDAY_NIGHT),
    # crisis in office hours: the CJG-Jeugdteam of residence.
    "crisis-kantoortijd": Row(("crisis-jeugdige",), "spoed", WEDNESDAY, Rule.CRISIS_OFFICE_HOURS,
                              Desk.YOUTH, RouteKind.CRISIS),
    "crisis-kantoortijd-om-08:30": Row(("crisis-jeugdige",), "regulier", at(2026, 11, 25, 8, 30),
                                       Rule.CRISIS_OFFICE_HOURS, Desk.YOUTH, RouteKind.CRISIS),
    "crisis-kantoortijd-om-16:59": Row(("crisis-jeugdige",), "acuut", at(2026, 11, 25, 16, 59),
                                       Rule.CRISIS_OFFICE_HOURS, Desk.YOUTH, RouteKind.CRISIS),
    "acuut-niet-geweld-over-kind-kantoortijd": Row(("schoolverzuim",), "acuut", WEDNESDAY,
                                                   Rule.CRISIS_OFFICE_HOURS, Desk.YOUTH,
                                                   RouteKind.CRISIS),
    # crisis outside office hours: the crisis service, handover by 12:00 next working day.
    "crisis-om-17:00-precies": crisis_out_of_hours(at(2026, 11, 25, 17), THURSDAY_NOON),
    "crisis-om-08:29-overdracht-dezelfde-dag": crisis_out_of_hours(at(2026, 11, 25, 8, 29),
                                                                   at(2026, 11, 25, 12)),
    "crisis-vrijdag-20:00-overdracht-maandag": crisis_out_of_hours(at(2026, 11, 27, 20), MONDAY_NOON),
    "crisis-zaterdag-overdracht-maandag": crisis_out_of_hours(at(2026, 11, 28, 11), MONDAY_NOON),
    "crisis-zondag-overdracht-maandag": crisis_out_of_hours(SUNDAY, MONDAY_NOON),
    "crisis-maandag-03:00-overdracht-maandag-12:00": crisis_out_of_hours(at(2026, 11, 30, 3),
                                                                         MONDAY_NOON),
    "crisis-koningsdag-overdracht-dinsdag": crisis_out_of_hours(KONINGSDAG, at(2026, 4, 28, 12)),
    "crisis-tweede-kerstdag-overdracht-maandag": crisis_out_of_hours(TWEEDE_KERSTDAG,
                                                                     at(2025, 12, 29, 12)),
    "crisis-hemelvaart-overdracht-vrijdag": crisis_out_of_hours(HEMELVAART, at(2026, 5, 15, 12)),
    "crisis-voor-tweede-paasdag-overdracht-dinsdag": crisis_out_of_hours(EASTER_SUNDAY,
                                                                         at(2026, 4, 7, 12)),
    "acuut-niet-geweld-over-kind-op-zondag": crisis_out_of_hours(
        SUNDAY, MONDAY_NOON, categories=("gedrag-jeugdige",), urgency="acuut"),
    "acuut-kind-betrokken-bij-volwassene-in-de-nacht": crisis_out_of_hours(
        WEDNESDAY_NIGHT, at(2026, 11, 25, 12), categories=("verslaving-ouder",), urgency="acuut", age=ADULT),
    # omstandigheden-volwassene: only armoede/schulden/huisvesting about an adult.
    "alleen-armoede-volwassene": adult_circumstances(("armoede",)),
    "schulden-en-huisvesting-volwassene": adult_circumstances(("schulden", "huisvesting")),
    "alle-drie-volwassene": adult_circumstances(("armoede", "huisvesting", "schulden"), "spoed"),
    "acuut-omstandigheden-volwassene-geen-crisis": adult_circumstances(("schulden",), "acuut",
                                                                       WEDNESDAY_NIGHT),
    # woonplaats-jeugdige: the same about a minor, or with a child's category, goes to the CJG.
    "armoede-over-minderjarige": youth_residence(("armoede",)),
    "armoede-volwassene-met-verslaving-ouder": youth_residence(("armoede", "verslaving-ouder"),
                                                               age=ADULT),
    "schulden-volwassene-met-verwaarlozing": youth_residence(
        ("lichamelijke-verwaarlozing", "schulden"), "spoed", age=ADULT),
    "schoolverzuim-regulier": youth_residence(("schoolverzuim",)),
    "11-jaar-geen-cjg-12plus": youth_residence(("gedrag-jeugdige",), age=11),
    "18-jaar-geen-cjg-12plus": youth_residence(("gedrag-jeugdige",), age=18),
}


@pytest.mark.parametrize("row", ROWS.values(), ids=ROWS.keys())
def test_routing_rule(row: Row):
    assert_routed(row)


@pytest.mark.parametrize("row", VOLUNTEER_ROWS.values(), ids=VOLUNTEER_ROWS.keys())
def test_volunteers_acute_abuse_and_crisis_are_routed_as_everyones(row: Row):
    assert_routed(row)


@pytest.mark.parametrize("row", POLICE_ROWS.values(), ids=POLICE_ROWS.keys())
def test_police_concern_about_a_child_is_a_report_to_veilig_thuis(row: Row):
    assert_routed(row)


@pytest.mark.parametrize("row", PUPIL_ROWS.values(), ids=PUPIL_ROWS.keys())
def test_cjg_12plus_is_offered_for_secondary_school_pupils_not_for_an_age(row: Row):
    assert_routed(row)


def test_every_rule_has_rows():
    """Every rule ``decide`` applies has rows (``NO_DESK`` is not decided there: it is what
    recording says when no desk of the chain serves the person)."""
    rules = {value for name, value in vars(Rule).items()
             if not name.startswith("_") and value != Rule.NO_DESK}
    every_row = {**ROWS, **VOLUNTEER_ROWS, **POLICE_ROWS, **PUPIL_ROWS}.values()
    assert rules == {row.rule for row in every_row}


def test_crisis_reason_tells_the_handover_time():
    outcome = routing.decide(Facts(frozenset({"crisis-jeugdige"}), "acuut", SUNDAY, CHILD),
                             SignalSettings())
    assert "12:00" in outcome.reason and "crisisdienst" in outcome.reason


# --- Office hours are configuration, not code ---------------------------------------------------

NINE_TO_FOUR = {"office_opens": time(9), "office_closes": time(16)}


@pytest.mark.parametrize(("moment", "rule"), [
    pytest.param(at(2026, 11, 25, 8, 45), Rule.CRISIS_OUT_OF_HOURS, id="08:45-nog-niet-open"),
    pytest.param(at(2026, 11, 25, 9), Rule.CRISIS_OFFICE_HOURS, id="09:00-open"),
    pytest.param(at(2026, 11, 25, 15, 59), Rule.CRISIS_OFFICE_HOURS, id="15:59-open"),
    pytest.param(at(2026, 11, 25, 16), Rule.CRISIS_OUT_OF_HOURS, id="16:00-dicht"),
])
def test_municipality_chooses_its_office_hours(moment, rule):
    outcome = routing.decide(Facts(frozenset({"crisis-jeugdige"}), "spoed", moment, CHILD),
                             SignalSettings(**NINE_TO_FOUR))
    assert outcome.rule == rule


def test_municipality_chooses_its_handover_time():
    outcome = routing.decide(Facts(frozenset({"crisis-jeugdige"}), "spoed", SUNDAY, CHILD),
                             SignalSettings(handover_time=time(10)))
    assert outcome.handover_due == at(2026, 11, 30, 10)


def test_configured_office_hours_decide_the_real_proposal(emmen):
    SignalSettings.objects.update(**NINE_TO_FOUR)
    proposal = propose_route(person(DAAN), ("crisis-jeugdige",), "spoed", at(2026, 11, 25, 16, 30),
                             Organisation.objects.get(slug="kristalla"))
    assert proposal.desk.slug == "spoed4jeugd"
    assert proposal.handover_to.slug == "cjg-de-monden"
    assert proposal.outcome.handover_due == THURSDAY_NOON


# --- The proposal for the demo's people -------------------------------------------------------

def _propose(bsn: str, categories, urgency="regulier", moment=OFFICE_HOURS, signaller="kristalla"):
    return propose_route(person(bsn), tuple(categories), urgency, moment,
                         Organisation.objects.get(slug=signaller))


def test_daan_goes_to_the_cjg_where_he_lives_not_where_his_school_is(emmen):
    """The inspectors' finding: a pupil of a school in Emmen Zuid who lives in De Monden."""
    signal = signal_as("leerkracht", DAAN)
    assert signal.organisation.slug == "kristalla"
    assert signal.proposed_desk.slug == "cjg-de-monden"
    assert signal.proposed_desk.slug != "cjg-emmen-zuid"
    assert signal.proposed_kind == RouteKind.SIGNAL
    assert "woont" in signal.proposed_reason


@pytest.mark.parametrize(("bsn", "categories", "urgency", "moment", "signaller", "desk", "handover"), [
    pytest.param(DAAN, ["lichamelijke-mishandeling"], "acuut", SUNDAY, "kristalla",
                 "veilig-thuis-drenthe", None, id="acuut-geweld-veilig-thuis"),
    pytest.param(NOAH, ["crisis-jeugdige"], "acuut", SUNDAY, "ggd-drenthe", "spoed4jeugd",
                 "cjg-emmen-oost", id="crisis-buiten-kantoortijd-spoed4jeugd-overdracht-emmen-oost"),
    pytest.param(NOAH, ["crisis-jeugdige"], "acuut", WEDNESDAY, "ggd-drenthe", "cjg-emmen-oost",
                 None, id="crisis-kantoortijd-cjg-emmen-oost"),
    pytest.param(KEVIN, ["schulden"], "regulier", WEDNESDAY, "domesta", "sgt-emmen-noord", None,
                 id="schulden-volwassene-sgt-woonplaats"),
    pytest.param(LINDA, ["armoede", "psychiatrie-ouder"], "regulier", WEDNESDAY, "ggz-drenthe",
                 "cjg-emmen-oost", None, id="ouder-met-kind-betrokken-cjg"),
    pytest.param(DAAN, ["emotionele-verwaarlozing"], "regulier", SUNDAY, "dorpenzorg",
                 "sgt-de-monden", None, id="vrijwilligers-sgt-woonplaats"),
    pytest.param(DAAN, ["lichamelijke-mishandeling"], "acuut", WEDNESDAY, "dorpenzorg",
                 "veilig-thuis-drenthe", None, id="vrijwilligers-acuut-geweld-veilig-thuis"),
    pytest.param(DAAN, ["crisis-jeugdige"], "acuut", SUNDAY, "dorpenzorg", "spoed4jeugd",
                 "cjg-de-monden", id="vrijwilligers-crisis-buiten-kantoortijd-spoed4jeugd"),
    pytest.param(DAAN, ["crisis-jeugdige"], "spoed", WEDNESDAY, "dorpenzorg", "cjg-de-monden",
                 None, id="vrijwilligers-crisis-kantoortijd-cjg-de-monden"),
    pytest.param(DAAN, ["emotionele-verwaarlozing"], "regulier", WEDNESDAY, "politie-drenthe",
                 "veilig-thuis-drenthe", None, id="politie-zorg-over-kind-veilig-thuis"),
    pytest.param(ANJA, ["schulden"], "regulier", WEDNESDAY, "politie-drenthe", "sgt-de-monden",
                 None, id="politie-schulden-volwassene-sgt-woonplaats"),
])
def test_proposal_finds_the_desk_of_the_residence_district(emmen, bsn, categories, urgency, moment,
                                                           signaller, desk, handover):
    proposal = _propose(bsn, categories, urgency, moment, signaller)
    assert proposal.desk.slug == desk
    assert (proposal.handover_to.slug if proposal.handover_to else None) == handover


def test_secondary_school_pupil_may_go_to_the_cjg_12plus(emmen):
    """Emma (14) is a pupil of Esdal College in the demo; Sanne (16) has no secondary school in
    the chain, and Daan (9) goes to Kristalla, a primary school."""
    emma = _propose(EMMA, ["schoolverzuim"])
    sanne = _propose(SANNE, ["schoolverzuim"])
    daan = _propose(DAAN, ["schoolverzuim"])
    assert emma.desk.slug == "cjg-de-monden"
    assert [o.slug for o in emma.alternatives] == ["cjg-12plus"]
    assert sanne.desk.slug == "cjg-de-velden"
    assert sanne.alternatives == ()
    assert daan.alternatives == ()


def test_person_outside_the_districts_gets_the_dutch_geen_loket_refusal(emmen):
    elsewhere = PersonFactory()  # no household in any of Emmen's districts
    with pytest.raises(Refused) as refused:
        propose_route(elsewhere, ("schoolverzuim",), "regulier", OFFICE_HOURS,
                      Organisation.objects.get(slug="kristalla"))
    assert refused.value.code == "geen-loket"
    assert refused.value.field == "bsn"
    assert "woont niet in een gebiedsregio" in refused.value.message


def test_district_without_its_team_gets_the_geen_loket_refusal(emmen):
    Organisation.objects.filter(Q(slug="cjg-de-monden")).update(is_active=False)
    with pytest.raises(Refused) as refused:
        _propose(DAAN, ["schoolverzuim"])
    assert refused.value.code == "geen-loket"
    assert "De Monden" in refused.value.message
