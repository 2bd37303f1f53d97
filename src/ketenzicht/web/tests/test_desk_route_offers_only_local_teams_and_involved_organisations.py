"""The route page offers only whom the rules allow: "Overdragen aan" lists the local teams and the
organisations already involved with the person (or the signaller's own), "Hulp door een andere
organisatie" only organisations that help — never a school, the police, a housing corporation
or volunteers. A forged choice changes nothing."""

import re

import pytest

from ketenzicht.signals.models import RouteStatus
from ketenzicht.signals.tests.conftest import SANNE, emmen  # noqa: F401 (the fixture)

from .desk_support import FOR_SAFETY, report_to_veilig_thuis
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")

NEVER = {"kristalla", "politie-drenthe", "domesta", "dorpenzorg", "kwebbel", "peuterwerk"}
LOCAL_TEAMS = {f"{kind}-{district}" for kind in ("cjg", "sgt") for district in (
    "de-monden", "de-blokken", "de-velden", "emmen-noord", "emmen-oost", "emmen-zuid")} | {
    "cjg-12plus"}


def _options(page: str, name: str) -> set[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None, name
    return set(re.findall(r'<option value="([^"]*)"', select.group(1))) - {""}


def _accepted_report():
    """The youth doctor reports about Sanne, whom no school or police in Ketenzicht knows."""
    report = report_to_veilig_thuis("jgz", SANNE, share=FOR_SAFETY)
    client = logged_in("veiligthuis")
    client.post(f"/loket/{report.uuid}/aannemen/")
    return report, client


def test_handover_select_offers_local_teams_and_the_signallers_organisation_only():
    report, client = _accepted_report()
    page = client.get(f"/loket/{report.uuid}/").content.decode()
    receivers = _options(page, "overdragen_aan")
    assert receivers == LOCAL_TEAMS | {"ggd-drenthe"}
    assert not receivers & NEVER
    assert "veilig-thuis-drenthe" not in receivers  # not to itself


def test_help_select_offers_no_school_police_housing_or_volunteers():
    report, client = _accepted_report()
    page = client.get(f"/loket/{report.uuid}/").content.decode()
    helpers = _options(page, "hulp_door")
    assert {"mee-drenthe", "jeugdhulp-zuidoost-drenthe", "cjg-de-velden"} <= helpers
    assert not helpers & NEVER
    assert not helpers & {"ggz-drenthe", "spoed4jeugd", "gemeente-emmen", "inspectie"}


@pytest.mark.parametrize("slug", ["politie-drenthe", "kristalla", "dorpenzorg"])
def test_a_forged_receiver_is_refused_next_to_the_field_and_changes_nothing(slug):
    report, client = _accepted_report()
    page = client.post(f"/loket/{report.uuid}/beoordelen/", {
        "uitkomst": "lokaal-team", "overdragen_aan": slug}).content.decode()
    assert 'id="id_overdragen_aan_fout"' in page
    report.refresh_from_db()
    assert report.status == RouteStatus.ACCEPTED
    assert list(report.signal.routes.all()) == [report]


def test_the_signallers_organisation_is_no_local_team_and_the_page_says_so_in_dutch():
    report, client = _accepted_report()
    page = client.post(f"/loket/{report.uuid}/beoordelen/", {
        "uitkomst": "lokaal-team", "overdragen_aan": "ggd-drenthe"}).content.decode()
    error = re.search(r'id="id_overdragen_aan_fout">(.*?)</div>', page, re.S)
    assert error is not None
    assert error.group(1).strip() == ("Kies een CJG-Jeugdteam of sociaal gebiedsteam om aan over "
                                      "te dragen.")
    report.refresh_from_db()
    assert report.status == RouteStatus.ACCEPTED
